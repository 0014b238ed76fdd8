//! The wire formats, each one module that owns its member names, its detection, its writer
//! and its reader's rules (see [`format`]), and what every format shares: the body a typed
//! error serializes as, the one reader of received bodies ([`RawBody`]), the owned
//! [`WireError`] it gives, and the limits and errors of reading.
//!
//! | format | module | body |
//! |---|---|---|
//! | `djblets` | `djblets.rs` | `{"stat":"fail","err":{"code":105,"msg":"…"}, extra…}` |
//! | `matrix` | `matrix.rs` | `{"errcode":"M_…","error":"…", extra…}` |
//! | `problem` | `problem.rs` | `{"type":"about:blank","title":"Bad Request","status":400,"detail":"…", extra…}` |
//!
//! Absent values are omitted, never written as `null`.

mod body;
mod error;
mod format;
mod limits;
mod raw;
mod received_body;
mod received_error;
mod unrecognized;
mod wire_error;
mod xml;

// The formats. A new one is a module here and a line in `formats!`.
mod djblets;
mod matrix;
mod problem;

format::formats! {
    /// Djblets WebAPI: `{"stat":"fail","err":{"code":…,"msg":…}}`, content type `application/json`.
    Djblets => djblets::Djblets,
    /// Matrix client-server API: `{"errcode":"M_…","error":"…"}`, content type `application/json`.
    Matrix => matrix::Matrix,
    /// RFC 9457 problem details, content type `application/problem+json`.
    Problem => problem::Problem,
}

pub use body::Body;
pub(crate) use body::present;
pub use error::ReceiveError;
pub use limits::Limits;
pub use matrix::MATRIX_UNKNOWN_ERRCODE;
pub use problem::PROBLEM_TYPE_DEFAULT;
pub use raw::RawBody;
pub use received_body::{Member, ReceivedBody};
pub use received_error::{ReceivedError, header_pairs, reason_phrase};
pub use unrecognized::UNRECOGNIZED;
pub use wire_error::WireError;
pub use xml::XML_CONTENT_TYPE;
