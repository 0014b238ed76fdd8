//! Compile-time checks across catalogs: no two errors share a `code` or an `errcode`.

use crate::descriptor::ErrorDescriptor;

/// Fails compilation when two errors of the listed types share a `code` or an `errcode`.
///
/// The derive already checks each enum on its own; this checks a whole API whose errors are
/// spread over several types.
///
/// ```
/// use errwire::{ApiError, assert_unique_errors};
///
/// #[derive(Debug, ApiError)]
/// #[api_error(code = 1, http = 404, message = "Not found")]
/// struct NotFound;
///
/// #[derive(Debug, ApiError)]
/// #[api_error(code = 2, http = 409, message = "Conflict")]
/// struct Conflict;
///
/// assert_unique_errors!(NotFound, Conflict);
/// ```
///
/// ```compile_fail
/// use errwire::{ApiError, assert_unique_errors};
///
/// #[derive(Debug, ApiError)]
/// #[api_error(code = 1, http = 404, message = "Not found")]
/// struct NotFound;
///
/// #[derive(Debug, ApiError)]
/// #[api_error(code = 1, http = 409, message = "Conflict")]
/// struct Conflict;
///
/// assert_unique_errors!(NotFound, Conflict); // error: duplicate code 1: `NotFound` and `Conflict`
/// ```
#[macro_export]
macro_rules! assert_unique_errors {
    ($($error:ty),+ $(,)?) => {
        const _: () = $crate::check::assert_unique(&[$(<$error as $crate::Catalog>::ERRORS),+]);
    };
}

/// The first pair of errors that share a code or an errcode, if any: `(first, second)`.
pub const fn find_duplicate(
    catalogs: &[&'static [ErrorDescriptor]],
) -> Option<(&'static ErrorDescriptor, &'static ErrorDescriptor)> {
    let mut a = 0;
    while a < catalogs.len() {
        let mut i = 0;
        while i < catalogs[a].len() {
            let first = &catalogs[a][i];
            let mut b = a;
            while b < catalogs.len() {
                let mut j = if b == a { i + 1 } else { 0 };
                while j < catalogs[b].len() {
                    let second = &catalogs[b][j];
                    if same_code(first, second) || same_errcode(first, second) {
                        return Some((first, second));
                    }
                    j += 1;
                }
                b += 1;
            }
            i += 1;
        }
        a += 1;
    }
    None
}

/// Panics (a compile error, in `const` context) naming the first duplicate.
pub const fn assert_unique(catalogs: &[&'static [ErrorDescriptor]]) {
    if let Some((first, second)) = find_duplicate(catalogs) {
        let mut message = Message::new();
        if same_code(first, second) {
            message.push("duplicate code ");
            if let Some(code) = first.code {
                message.push_i64(code);
            }
        } else {
            message.push("duplicate errcode ");
            if let Some(errcode) = first.errcode {
                message.push(errcode);
            }
        }
        message.push(": `");
        message.push(first.name);
        message.push("` and `");
        message.push(second.name);
        message.push("`");
        panic!("{}", message.as_str());
    }
}

const fn same_code(a: &ErrorDescriptor, b: &ErrorDescriptor) -> bool {
    matches!((a.code, b.code), (Some(x), Some(y)) if x == y)
}

const fn same_errcode(a: &ErrorDescriptor, b: &ErrorDescriptor) -> bool {
    match (a.errcode, b.errcode) {
        (Some(x), Some(y)) => bytes_eq(x, y),
        _ => false,
    }
}

const fn bytes_eq(x: &str, y: &str) -> bool {
    let (x, y) = (x.as_bytes(), y.as_bytes());
    if x.len() != y.len() {
        return false;
    }
    let mut i = 0;
    while i < x.len() {
        if x[i] != y[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// A message built in `const` context, where `format!` is not available.
struct Message {
    bytes: [u8; 256],
    len: usize,
}

impl Message {
    const fn new() -> Self {
        Message {
            bytes: [0; 256],
            len: 0,
        }
    }

    const fn push(&mut self, text: &str) {
        let text = text.as_bytes();
        let mut i = 0;
        while i < text.len() && self.len < self.bytes.len() {
            self.bytes[self.len] = text[i];
            self.len += 1;
            i += 1;
        }
    }

    const fn push_i64(&mut self, number: i64) {
        if number < 0 {
            self.push("-");
        }
        let mut digits = [0u8; 20];
        let mut count = 0;
        let mut rest = number.unsigned_abs();
        loop {
            digits[count] = b'0' + (rest % 10) as u8;
            count += 1;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        while count > 0 && self.len < self.bytes.len() {
            count -= 1;
            self.bytes[self.len] = digits[count];
            self.len += 1;
        }
    }

    const fn as_str(&self) -> &str {
        let (written, _) = self.bytes.split_at(self.len);
        match core::str::from_utf8(written) {
            Ok(text) => text,
            // Truncation split a character: the names are lost but the error stands.
            Err(_) => "duplicate code or errcode",
        }
    }
}
