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

    /// [`read`](Self::read) for a response as the `http` crate holds it, with any body
    /// that is bytes (`Vec<u8>`, `Bytes`, `String`, `&[u8]`): what hyper, axum and most
    /// clients give.
    pub fn from_response<B: AsRef<[u8]>>(
        format: Option<WireFormat>,
        response: &http::Response<B>,
        limits: &Limits,
    ) -> Result<Self, ReceiveError> {
        Self::from_parts(
            format,
            response.status(),
            response.headers(),
            response.body().as_ref(),
            limits,
        )
    }

    /// [`read`](Self::read) with the status and headers as the `http` crate holds them.
    pub fn from_parts(
        format: Option<WireFormat>,
        status: http::StatusCode,
        headers: &http::HeaderMap,
        body: &[u8],
        limits: &Limits,
    ) -> Result<Self, ReceiveError> {
        Self::read(format, status.as_u16(), header_pairs(headers), body, limits)
    }

    /// The first header called `name`, compared case-insensitively.
    pub fn header(&self, name: &str) -> Option<&str> {
        crate::response::find_header(&self.headers, name)
    }

    /// The response's `Retry-After`, if it sent one that can be read (see
    /// [`RetryAfter::from_headers`](crate::RetryAfter::from_headers) for duplicates).
    pub fn retry_after(&self) -> Option<crate::RetryAfter> {
        crate::RetryAfter::from_pairs(&self.headers)
    }
}

/// Headers as name and value pairs, in order, every value kept. A value that is not UTF-8 is
/// read byte for byte as ISO-8859-1 (RFC 9110 §5.5: such bytes are `obs-text`), so no byte
/// is lost and the pair reads back to the same bytes in that charset.
pub fn header_pairs(headers: &http::HeaderMap) -> Vec<(String, String)> {
    headers
        .iter()
        .map(|(name, value)| {
            let bytes = value.as_bytes();
            let text = match std::str::from_utf8(bytes) {
                Ok(text) => text.to_owned(),
                Err(_) => bytes.iter().copied().map(char::from).collect(),
            };
            (name.as_str().to_owned(), text)
        })
        .collect()
}

/// The standard reason phrase of `status`, or `Unknown Error`.
pub fn reason_phrase(status: u16) -> &'static str {
    http::StatusCode::from_u16(status)
        .ok()
        .and_then(|status| status.canonical_reason())
        .unwrap_or("Unknown Error")
}
