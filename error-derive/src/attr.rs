//! Checks of single attribute values: statuses, errcodes, header names, formats.

use darling::Error;

use crate::ast::IntLit;

/// The wire formats, as spelled in `format = "…"`: `errwire::WireFormat`'s, whose names
/// the derive must know to point at a misspelt one, and cannot import (errwire depends on
/// it). `format_names_are_the_wire_format_names` in `tests/tests/derive.rs` keeps them equal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Djblets,
    Matrix,
    Problem,
}

impl Format {
    const NAMES: [&'static str; 3] = ["djblets", "matrix", "problem"];

    /// The root members this format writes besides RFC 9457's own ([`PROBLEM_MEMBERS`]):
    /// an `extra` of one of these names would collide with it. The same lists as each
    /// format module's in errwire (`wire/<format>.rs`); `tests/tests/problem.rs` renders
    /// every member of every format and the trybuild case `extra-named-like-a-member.rs`
    /// refuses each name here.
    pub fn own_members(self) -> &'static [&'static str] {
        match self {
            Format::Djblets => &["stat", "err"],
            Format::Matrix => &["errcode", "error", "errwire.trace_id"],
            Format::Problem => &[
                "code",
                "errcode",
                "error_type",
                "error_subtype",
                "error_detail",
                "trace_id",
            ],
        }
    }

    /// The name as written in `format = "…"`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Djblets => "djblets",
            Format::Matrix => "matrix",
            Format::Problem => "problem",
        }
    }

    pub fn variant_name(self) -> &'static str {
        match self {
            Format::Djblets => "Djblets",
            Format::Matrix => "Matrix",
            Format::Problem => "Problem",
        }
    }
}

/// The members field errors are written as (Djblets' `fields`, RFC 9457's `errors`): an
/// error with a `field_errors` field has no `extra` of these names.
pub const FIELD_ERRORS_MEMBERS: [&str; 2] = ["fields", "errors"];

/// RFC 9457's members of a problem body. Every error may be answered as problem details
/// (`errwire::axum::negotiate` does, for a client preferring them), so no `extra` of any
/// format may take one of these names.
pub const PROBLEM_MEMBERS: [&str; 5] = ["type", "title", "status", "detail", "instance"];

/// An extension member name as RFC 9457 §3.2 recommends: letters, digits and `_`, starting
/// with a letter, so that clients can map it to a variable in any language. `None` if it is
/// one, else what is wrong.
pub fn extension_name_problem(name: &str) -> Option<&'static str> {
    if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        Some("does not start with a letter")
    } else if !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        Some("holds a character other than letters, digits and `_`")
    } else {
        None
    }
}

pub fn format(lit: &syn::LitStr) -> Result<Format, Error> {
    match lit.value().as_str() {
        "djblets" => Ok(Format::Djblets),
        "matrix" => Ok(Format::Matrix),
        "problem" => Ok(Format::Problem),
        other => Err(Error::unknown_value_with_alts(other, Format::NAMES.iter()).with_span(lit)),
    }
}

/// An RFC 9457 `title`: "a short, human-readable summary of the problem type", so one line
/// of text that says something.
pub fn title(lit: &syn::LitStr) -> Result<String, Error> {
    let title = lit.value();
    let problem = if title.trim().is_empty() {
        Some("is empty")
    } else if title.chars().any(char::is_control) {
        Some("holds a line break or another control character")
    } else {
        None
    };
    match problem {
        None => Ok(title),
        Some(problem) => Err(Error::custom(format!(
            "`title` {problem}: write a short summary of the problem type, like \"Out of credit\""
        ))
        .with_span(lit)),
    }
}

/// A `display = path` names a function; a path that ends in `crate`, `self`, `super` or
/// `Self` names a module or a type, and `crate(self, f)` would not even parse.
pub fn display_fn(path: &syn::Path) -> Result<&syn::Path, Error> {
    let last = path
        .segments
        .last()
        .map(|segment| segment.ident.to_string());
    match last.as_deref() {
        Some("crate" | "self" | "super" | "Self") | None => Err(Error::custom(format!(
            "`display = {}` is not a function: name the function that writes the message, like `display = fmt_quota`",
            path.segments
                .iter()
                .map(|segment| segment.ident.to_string())
                .collect::<Vec<_>>()
                .join("::")
        ))
        .with_span(path)),
        Some(_) => Ok(path),
    }
}

/// Statuses an error may have: redirections, client and server errors, as `http` classifies
/// them (300 to 599).
pub fn status(lit: &IntLit) -> Result<u16, Error> {
    let status = lit
        .parse::<u16>()
        .and_then(|code| http::StatusCode::from_u16(code).ok())
        .filter(|s| s.is_redirection() || s.is_client_error() || s.is_server_error());
    status.map(|s| s.as_u16()).ok_or_else(|| {
        Error::custom(format!(
            "`http = {}` is not an error status: use a status from 300 to 599",
            lit.digits
        ))
        .with_span(&lit.span)
    })
}

pub fn code(lit: &IntLit) -> Result<i64, Error> {
    lit.parse::<i64>().ok_or_else(|| {
        Error::custom(format!("`code = {}` does not fit in an i64", lit.digits))
            .with_span(&lit.span)
    })
}

/// An errcode is upper-case words of letters, digits and `_`, optionally namespaced with
/// dots, as every errcode Synapse sends is (`M_BAD_JSON`, `ORG_MATRIX_EXPIRED_ACCOUNT`,
/// `IO.ELEMENT.MSC4512.M_FEDPROXY_NO_PROXY_PREFIX`).
pub fn errcode(lit: &syn::LitStr) -> Result<String, Error> {
    let errcode = lit.value();
    let problem = if errcode.is_empty() {
        Some("is empty")
    } else if errcode.chars().any(char::is_whitespace) {
        Some("contains whitespace")
    } else if errcode.chars().any(|c| c.is_ascii_lowercase()) {
        Some("contains lower-case letters")
    } else if !errcode
        .split('.')
        .all(|part| part.starts_with(|c: char| c.is_ascii_uppercase()))
    {
        Some("has a part that does not start with a letter")
    } else if !errcode
        .chars()
        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_' || c == '.')
    {
        Some("contains a character other than A-Z, 0-9, `_` and `.`")
    } else {
        None
    };
    match problem {
        None => Ok(errcode),
        Some(problem) => Err(Error::custom(format!(
            "errcode {errcode:?} {problem}: write it as `M_BAD_JSON` or `ORG.EXAMPLE.M_CODE`"
        ))
        .with_span(lit)),
    }
}

/// A documentation URL (`doc_url`, `doc_base`) is an absolute URI, as RFC 9457 wants of a
/// problem `type`: a scheme (`https:`), then no whitespace, quotes or angle brackets.
pub fn doc_url(key: &str, lit: &syn::LitStr) -> Result<String, Error> {
    let url = lit.value();
    let scheme = url.split_once(':').map(|(scheme, _)| scheme);
    let has_scheme = scheme.is_some_and(|scheme| {
        scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    });
    let problem = if !has_scheme {
        Some("is not an absolute URL (it needs a scheme, like `https:`)")
    } else if url
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>'))
    {
        Some("contains whitespace, a quote or an angle bracket")
    } else {
        None
    };
    match problem {
        None => Ok(url),
        Some(problem) => {
            let example = match key {
                "doc_base" => "https://docs.example.com/errors/",
                _ => "https://docs.example.com/errors/not-found",
            };
            Err(Error::custom(format!(
                "`{key} = {url:?}` {problem}: write it as `{example:?}`"
            ))
            .with_span(lit))
        }
    }
}

/// A header name is what `http::HeaderName` accepts (an RFC 9110 token), the type the
/// generated code and errwire's `headers` maps send it as: the rule is http's, stated
/// nowhere here. Returns the name as written and as sent (lower-case).
pub fn header_name(lit: &syn::LitStr) -> Result<(String, String), Error> {
    let name = lit.value();
    match http::HeaderName::from_bytes(name.as_bytes()) {
        Ok(header) => Ok((name, header.as_str().to_owned())),
        Err(_) => {
            Err(Error::custom(format!("{name:?} is not a valid HTTP header name")).with_span(lit))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lit(text: &str) -> syn::LitStr {
        syn::LitStr::new(text, proc_macro2::Span::call_site())
    }

    #[test]
    fn every_errcode_synapse_sends_passes() {
        for good in [
            "M_BAD_JSON",
            "M_LIMIT_EXCEEDED",
            "ORG_MATRIX_EXPIRED_ACCOUNT",
            "IO.ELEMENT.MSC4512.M_FEDPROXY_NO_PROXY_PREFIX",
            "ORG.MATRIX.MSC3848.ALREADY_JOINED",
            "M_3PID_AUTH_FAILED",
        ] {
            assert_eq!(errcode(&lit(good)).ok().as_deref(), Some(good));
        }
    }

    #[test]
    fn malformed_errcodes_fail_with_the_reason() {
        for (bad, reason) in [
            ("", "is empty"),
            ("M BAD", "whitespace"),
            ("m_bad_json", "lower-case"),
            ("M-BAD", "character other"),
            ("_M", "does not start"),
            ("M..X", "does not start"),
        ] {
            let error = errcode(&lit(bad)).err().map(|e| e.to_string());
            assert!(
                error.as_deref().is_some_and(|e| e.contains(reason)),
                "{bad}: {error:?}"
            );
        }
    }

    #[test]
    fn error_statuses_are_300_to_599() {
        let int = |digits: &str| IntLit {
            digits: digits.to_owned(),
            span: proc_macro2::Span::call_site(),
        };
        for (digits, ok) in [
            ("299", false),
            ("300", true),
            ("599", true),
            ("600", false),
            ("-1", false),
        ] {
            assert_eq!(status(&int(digits)).is_ok(), ok, "{digits}");
        }
    }

    #[test]
    fn documentation_urls_are_absolute() {
        for good in [
            "https://docs.example.com/errors/",
            "urn:example:error",
            "http://x/y#z",
        ] {
            assert_eq!(doc_url("doc_url", &lit(good)).ok().as_deref(), Some(good));
        }
        for (bad, reason) in [
            ("", "absolute"),
            ("/errors/x", "absolute"),
            ("docs.example.com", "absolute"),
            ("1http://x", "absolute"),
            ("https://x/a b", "whitespace"),
        ] {
            let error = doc_url("doc_url", &lit(bad)).err().map(|e| e.to_string());
            assert!(
                error.as_deref().is_some_and(|e| e.contains(reason)),
                "{bad}: {error:?}"
            );
        }
    }

    #[test]
    fn header_names_are_tokens() {
        assert_eq!(
            header_name(&lit("Retry-After")).ok(),
            Some(("Retry-After".to_owned(), "retry-after".to_owned()))
        );
        assert!(header_name(&lit("X-Token_v2!")).is_ok());
        assert!(header_name(&lit("Bad Header")).is_err());
        assert!(header_name(&lit("")).is_err());
    }
}
