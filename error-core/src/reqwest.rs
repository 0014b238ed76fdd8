//! reqwest integration (feature `reqwest`): a `reqwest::Response` read as a received error,
//! its body taken chunk by chunk and never past the limits.
//!
//! ```no_run
//! # async fn call(client: reqwest::Client) -> Result<(), Box<dyn std::error::Error>> {
//! use errwire::{Limits, WireFormat};
//!
//! let response = client.get("https://matrix.example/_matrix/client/v3/rooms").send().await?;
//! if !response.status().is_success() {
//!     let received =
//!         errwire::reqwest::receive(response, Some(WireFormat::Matrix), &Limits::DEFAULT).await?;
//!     println!("{:?} {:?}", received.error.errcode, received.error.message);
//! }
//! # Ok(())
//! # }
//! ```

use std::fmt;

use crate::wire::{Limits, ReceiveError, ReceivedError, WireFormat, header_pairs};

/// Why a response could not be read: what was received stays in the error.
#[derive(Debug)]
pub enum ReqwestError {
    /// The connection failed while the body was read.
    Transport {
        /// reqwest's error.
        error: ::reqwest::Error,
        /// The response, with the body bytes that arrived before the failure.
        partial: Partial,
    },
    /// The body was refused: larger than [`Limits::max_body_bytes`] (announced by
    /// `Content-Length`, or found while reading, which then stops), or nested deeper than
    /// [`Limits::max_depth`].
    Refused {
        /// Why.
        error: ReceiveError,
        /// The response, with the body bytes read before it was refused: none when
        /// `Content-Length` announced too many, else at most the limit and one chunk.
        partial: Partial,
    },
}

/// What was received of a response that could not be read whole.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Partial {
    /// The status.
    pub status: u16,
    /// The headers, in order (see [`header_pairs`]).
    pub headers: Vec<(String, String)>,
    /// The body bytes read.
    pub body: Vec<u8>,
}

impl fmt::Display for ReqwestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReqwestError::Transport { error, partial } => write!(
                f,
                "the body of a {} response failed after {} bytes: {error}",
                partial.status,
                partial.body.len()
            ),
            ReqwestError::Refused { error, .. } => fmt::Display::fmt(error, f),
        }
    }
}

impl std::error::Error for ReqwestError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ReqwestError::Transport { error, .. } => Some(error),
            ReqwestError::Refused { error, .. } => Some(error),
        }
    }
}

/// Reads `response` as [`ReceivedError::read`] does: `format` is the API's (`None` detects
/// it), and `limits` bound what is read, so a body larger than the limit is refused without
/// being held whole.
pub async fn receive(
    mut response: ::reqwest::Response,
    format: Option<WireFormat>,
    limits: &Limits,
) -> Result<ReceivedError, ReqwestError> {
    let mut partial = Partial {
        status: response.status().as_u16(),
        headers: header_pairs(response.headers()),
        body: Vec::new(),
    };
    let limit = limits.max_body_bytes;
    if let Some(announced) = response.content_length()
        && announced > u64::try_from(limit).unwrap_or(u64::MAX)
    {
        let size = usize::try_from(announced).unwrap_or(usize::MAX);
        let error = ReceiveError::TooLarge { size, limit };
        return Err(ReqwestError::Refused { error, partial });
    }
    loop {
        match response.chunk().await {
            Ok(Some(chunk)) => {
                partial.body.extend_from_slice(&chunk);
                if partial.body.len() > limit {
                    let size = partial.body.len();
                    let error = ReceiveError::TooLarge { size, limit };
                    return Err(ReqwestError::Refused { error, partial });
                }
            }
            Ok(None) => break,
            Err(error) => return Err(ReqwestError::Transport { error, partial }),
        }
    }
    let Partial {
        status,
        headers,
        body,
    } = partial;
    match ReceivedError::read(format, status, headers.clone(), &body, limits) {
        Ok(received) => Ok(received),
        Err(error) => Err(ReqwestError::Refused {
            error,
            partial: Partial {
                status,
                headers,
                body,
            },
        }),
    }
}
