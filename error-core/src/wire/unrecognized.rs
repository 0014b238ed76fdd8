//! A received error no catalog knows is still an error: [`WireError`] implements
//! [`ApiError`], so it can be shown, logged, relayed and rendered with every value it came with.

use std::fmt;

use http::StatusCode;

use super::WireFormat;
use super::wire_error::WireError;
use crate::__private::Generated;
use crate::api_error::ApiError;
use crate::descriptor::ErrorDescriptor;
use crate::instance::Instance;

/// The description of every received error no catalog knows: its values are the instance's.
pub static UNRECOGNIZED: ErrorDescriptor = ErrorDescriptor {
    name: "WireError",
    module: module_path!(),
    code: None,
    status: StatusCode::INTERNAL_SERVER_ERROR,
    errcode: None,
    error_type: None,
    error_subtype: None,
    message: "{message}",
    title: None,
    doc: "A received error that no catalog knows, kept with every value it came with.",
    format: WireFormat::Problem,
    fields: &[],
    parent: None,
    headers: None,
    doc_url: None,
    deprecated: None,
};

impl ApiError for WireError {
    fn descriptor(&self) -> &'static ErrorDescriptor {
        &UNRECOGNIZED
    }

    fn format(&self) -> WireFormat {
        self.format
    }
}

/// Every value and member it came with, as generated code gives a derived error's fields.
impl Generated for WireError {
    fn instance(&self) -> Instance<'_> {
        Instance {
            status: self
                .status
                .and_then(|status| StatusCode::from_u16(status).ok()),
            code: self.code,
            errcode: self.errcode.as_deref(),
            error_type: self.error_type.as_deref(),
            error_subtype: self.error_subtype.as_deref(),
            detail: self.detail.as_deref(),
            trace_id: self.trace_id.as_deref(),
            // A received `instance` is kept as a member, and relayed as one.
            instance: None,
        }
    }

    fn message_text(&self) -> Option<&str> {
        self.message.as_deref()
    }

    fn serialize_extra<M: serde::ser::SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        for (key, value) in &self.extra {
            map.serialize_entry(key, value)?;
        }
        Ok(())
    }

    // Members named like RFC 9457's may meet the ones a problem body writes, so the body is
    // merged (which leaves them out there) rather than streamed.
    fn has_flatten(&self) -> bool {
        self.extra
            .keys()
            .any(|name| super::problem::is_standard_member(name))
    }

    fn has_own_member(&self, name: &str) -> bool {
        self.extra.contains_key(name)
    }

    fn members_received(&self) -> bool {
        true
    }

    // A relayed message is another server's words; for its own failure (a 5xx) they may
    // name its internals, so the body sends the status phrase, as for a derived error whose
    // message shows its source. The message itself is kept (`message`, `Display`).
    fn message_shows_source(&self) -> bool {
        true
    }
}

/// The message as received (never interpreted), else the status's reason phrase.
impl fmt::Display for WireError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.message {
            Some(message) => f.write_str(message),
            None => f.write_str(super::reason_phrase(self.status.unwrap_or(500))),
        }
    }
}

impl std::error::Error for WireError {}

#[cfg(feature = "axum")]
impl axum::response::IntoResponse for WireError {
    fn into_response(self) -> axum::response::Response {
        crate::axum::into_response(&self)
    }
}
