//! Why a received body was not read as an error: one enum for every step of reading, from
//! the limits checked before parsing to the shape of what was parsed.

use std::fmt;

/// Why a received body could not be read as an error. [`Limits`](super::Limits) refuse the
/// first two before parsing; the others say what the body turned out to be.
/// [`ReceivedError::read`](super::ReceivedError::read) fails only with the first two and falls
/// back to the status for the others, keeping the body.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ReceiveError {
    /// The body is larger than [`Limits::max_body_bytes`](super::Limits::max_body_bytes).
    TooLarge {
        /// The body's size.
        size: usize,
        /// The limit.
        limit: usize,
    },
    /// The body nests deeper than [`Limits::max_depth`](super::Limits::max_depth).
    TooDeep {
        /// The limit.
        limit: usize,
    },
    /// The body is not UTF-8, so not JSON.
    NotUtf8 {
        /// How many bytes from the start are valid UTF-8.
        valid_up_to: usize,
    },
    /// The body is not JSON (an HTML error page, an empty body).
    NotJson {
        /// The line of the body where reading failed, from 1 (0 at the end of the body).
        line: usize,
        /// The column where reading failed, from 1.
        column: usize,
        /// serde_json's words for what is wrong.
        reason: String,
    },
    /// The body was sent as XML (Djblets' form) and is not well-formed XML, or holds a
    /// document type declaration or an entity other than XML's five, which are refused.
    NotXml {
        /// What is wrong, and where.
        reason: String,
    },
    /// The body is JSON but not an object.
    NotObject,
    /// The body is an object, but in none of the formats (only when no format was given).
    UnknownFormat,
}

impl ReceiveError {
    /// Whether the body was refused before parsing, by the [`Limits`](super::Limits).
    pub fn is_refused(&self) -> bool {
        matches!(
            self,
            ReceiveError::TooLarge { .. } | ReceiveError::TooDeep { .. }
        )
    }
}

impl From<serde_json::Error> for ReceiveError {
    fn from(error: serde_json::Error) -> Self {
        ReceiveError::NotJson {
            line: error.line(),
            column: error.column(),
            reason: error.to_string(),
        }
    }
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
            ReceiveError::NotUtf8 { valid_up_to } => {
                write!(f, "error body is not UTF-8 after byte {valid_up_to}")
            }
            ReceiveError::NotJson { reason, .. } => write!(f, "error body is not JSON: {reason}"),
            ReceiveError::NotXml { reason } => write!(f, "error body is not usable XML: {reason}"),
            ReceiveError::NotObject => f.write_str("error body is not a JSON object"),
            ReceiveError::UnknownFormat => f.write_str("error body is in no known format"),
        }
    }
}

impl std::error::Error for ReceiveError {}
