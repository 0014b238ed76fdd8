//! Reading a received error response (status, headers, body bytes) without panicking and
//! without losing anything: hostile sizes and nesting are refused before parsing, and a body
//! that is not a JSON object falls back to the status and its reason phrase, kept raw.

use std::fmt;

use super::raw::RawBody;
use super::received::{ParseError, WireError};
use crate::descriptor::WireFormat;

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

/// A body refused before parsing.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ReceiveError {
    /// The body is larger than [`Limits::max_body_bytes`].
    TooLarge {
        /// The body's size.
        size: usize,
        /// The limit.
        limit: usize,
    },
    /// The body nests deeper than [`Limits::max_depth`].
    TooDeep {
        /// The limit.
        limit: usize,
    },
}

impl fmt::Display for ReceiveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReceiveError::TooLarge { size, limit } => {
                write!(
                    f,
                    "error body of {size} bytes is over the {limit}-byte limit"
                )
            }
            ReceiveError::TooDeep { limit } => {
                write!(f, "error body nests deeper than {limit} levels")
            }
        }
    }
}

impl std::error::Error for ReceiveError {}

/// Why a body was not read as an error, so the status and reason phrase stand in for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fallback {
    /// The body is not valid UTF-8.
    NotUtf8,
    /// The body is not JSON (an HTML error page, an empty body).
    NotJson,
    /// The body is JSON but not an object.
    NotObject,
    /// The body is an object in none of the formats (only when no format was given).
    UnknownFormat,
}

/// A received error response, read.
#[derive(Clone, Debug, PartialEq)]
pub struct ReceivedError {
    /// The response status.
    pub status: u16,
    /// The response headers, in order.
    pub headers: Vec<(String, String)>,
    /// The body as an error. On a fallback: the format asked for (problem details if none),
    /// the status, and the reason phrase as the message.
    pub error: WireError,
    /// Why the body was not used, if it was not.
    pub fallback: Option<Fallback>,
    /// The body as received, kept when it was not used.
    pub raw_body: Option<Vec<u8>>,
}

impl ReceivedError {
    /// Reads a response. `format` is the API's format; `None` detects it from the body.
    pub fn read(
        format: Option<WireFormat>,
        status: u16,
        headers: Vec<(String, String)>,
        body: &[u8],
        limits: &Limits,
    ) -> Result<Self, ReceiveError> {
        limits.check(body)?;
        let parsed = match RawBody::parse(format, body) {
            Ok(raw) => Ok(raw.to_wire()),
            // A body that is not UTF-8 is not read as JSON at all.
            Err(ParseError::NotJson(_)) if std::str::from_utf8(body).is_err() => {
                Err(Fallback::NotUtf8)
            }
            Err(ParseError::NotJson(_) | ParseError::Refused(_)) => Err(Fallback::NotJson),
            Err(ParseError::NotObject) => Err(Fallback::NotObject),
            Err(ParseError::UnknownFormat) => Err(Fallback::UnknownFormat),
        };
        let (mut error, fallback) = match parsed {
            Ok(error) => (error, None),
            Err(fallback) => {
                let mut error = WireError::empty(format.unwrap_or(WireFormat::Problem));
                error.message = Some(reason_phrase(status).to_owned());
                (error, Some(fallback))
            }
        };
        if error.status.is_none() {
            error.status = Some(status);
        }
        let raw_body = fallback.map(|_| body.to_vec());
        Ok(ReceivedError {
            status,
            headers,
            error,
            fallback,
            raw_body,
        })
    }

    /// The first header called `name`, compared case-insensitively.
    pub fn header(&self, name: &str) -> Option<&str> {
        crate::response::find_header(&self.headers, name)
    }
}

/// The standard reason phrase of `status`, or `Unknown Error`.
pub fn reason_phrase(status: u16) -> &'static str {
    http::StatusCode::from_u16(status)
        .ok()
        .and_then(|status| status.canonical_reason())
        .unwrap_or("Unknown Error")
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
