//! Reading a received error response (status, headers, body bytes) without panicking and
//! without losing anything: a body refused by the limits is an error, and a body that is not
//! an error object falls back to the status and its reason phrase, kept raw.

use super::WireFormat;
use super::error::ReceiveError;
use super::limits::Limits;
use super::raw::RawBody;
use super::wire_error::WireError;

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
    /// Why the body was not used, if it was not: never [`ReceiveError::TooLarge`] or
    /// [`ReceiveError::TooDeep`], which [`read`](Self::read) fails with.
    pub fallback: Option<ReceiveError>,
    /// The body as received, kept when it was not used.
    pub raw_body: Option<Vec<u8>>,
}

impl ReceivedError {
    /// Reads a response. `format` is the API's format; `None` detects it from the body. A
    /// body whose `Content-Type` is XML is read as Djblets' XML form.
    pub fn read(
        format: Option<WireFormat>,
        status: u16,
        headers: Vec<(String, String)>,
        body: &[u8],
        limits: &Limits,
    ) -> Result<Self, ReceiveError> {
        limits.check(body)?;
        // Djblets' XML form is read as the JSON of the same members.
        let is_xml = crate::response::find_header(&headers, "content-type")
            .is_some_and(super::xml::is_xml_content_type);
        let parsed = if is_xml {
            let json = match super::xml::to_json(body, limits) {
                Err(refused) if refused.is_refused() => return Err(refused),
                json => json,
            };
            json.and_then(|json| RawBody::parse(format, json.as_bytes()).map(|raw| raw.to_wire()))
        } else {
            RawBody::parse(format, body).map(|raw| raw.to_wire())
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
        let raw_body = fallback.as_ref().map(|_| body.to_vec());
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
