//! The limits a received body is checked against before it is parsed, so hostile sizes and
//! nesting never reach the parser.

use super::error::ReceiveError;

/// What a received body is checked against before it is parsed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// The largest body read, in bytes (default 1 MiB).
    pub max_body_bytes: usize,
    /// The deepest nesting of arrays and objects read (default 64).
    pub max_depth: usize,
}

impl Limits {
    /// 1 MiB and 64 levels: far above any real error body, far below what hurts.
    pub const DEFAULT: Limits = Limits {
        max_body_bytes: 1024 * 1024,
        max_depth: 64,
    };
}

impl Limits {
    /// Checks `body` against the limits without parsing it.
    #[inline]
    pub fn check(&self, body: &[u8]) -> Result<(), ReceiveError> {
        if body.len() > self.max_body_bytes {
            return Err(ReceiveError::TooLarge {
                size: body.len(),
                limit: self.max_body_bytes,
            });
        }
        if nesting_exceeds(body, self.max_depth) {
            return Err(ReceiveError::TooDeep {
                limit: self.max_depth,
            });
        }
        Ok(())
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits::DEFAULT
    }
}

/// Whether arrays and objects nest deeper than `limit`, counting brackets outside strings:
/// no allocation, before the parser (and its recursion) sees the body. Most bodies have fewer
/// brackets in all than the limit, which a count the compiler vectorizes shows at once.
fn nesting_exceeds(body: &[u8], limit: usize) -> bool {
    // `[` is 0x5B and `{` 0x7B: setting bit 0x20 maps both, and nothing else, to `{`. Counting
    // in bytes, 255 at a time so the count cannot overflow, lets the compiler vectorize it.
    let brackets: usize = body
        .chunks(usize::from(u8::MAX))
        .map(|chunk| {
            let count = chunk
                .iter()
                .fold(0u8, |count, &byte| count + u8::from(byte | 0x20 == b'{'));
            usize::from(count)
        })
        .sum();
    if brackets <= limit {
        return false;
    }
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for &byte in body {
        if in_string {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > limit {
                    return true;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_is_counted_outside_strings_only() {
        assert!(!nesting_exceeds(br#"{"a":[[1]]}"#, 3));
        assert!(nesting_exceeds(br#"{"a":[[[1]]]}"#, 3));
        assert!(!nesting_exceeds(br#"{"a":"[[[[[[\"[["}"#, 1));
        assert!(!nesting_exceeds(br#"[{}, {}, {}, {}]"#, 2));
    }
}
