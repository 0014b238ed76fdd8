//! Turning an error into an `http::Response`.

use std::fmt;

use http::header::{CONTENT_TYPE, HeaderName, HeaderValue};

use crate::api_error::ApiError;
use crate::wire::{Body, WireFormat};

/// Why an error could not be rendered. Values that come from user data (a header field holding
/// CR or LF, say) end up here rather than in a panic.
#[derive(Debug)]
#[non_exhaustive]
pub enum RenderError {
    /// A header name that is not a valid HTTP token.
    InvalidHeaderName(String),
    /// A header value with CR, LF or another forbidden byte.
    InvalidHeaderValue {
        /// The header's name.
        name: String,
        /// The rejected value.
        value: String,
    },
    /// The body could not be serialized (an `extra` field's `Serialize` failed).
    Body(serde_json::Error),
    /// A member of a flattened map or of [`RenderOptions::extra`] has the name of a member a
    /// problem details body already has (RFC 9457's `type`, `title`, `status`, `detail`,
    /// `instance`, or one of this toolkit's, such as `code`), which it would replace.
    ReservedMember {
        /// The member's name.
        name: String,
    },
    /// An `#[api_error(instance)]` value that is not a URI reference (RFC 9457 §3.1.5).
    InvalidInstance {
        /// The rejected value.
        value: String,
    },
}

impl fmt::Display for RenderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RenderError::InvalidHeaderName(name) => write!(f, "invalid header name {name:?}"),
            RenderError::InvalidHeaderValue { name, value } => {
                write!(f, "invalid value for header {name}: {value:?}")
            }
            RenderError::Body(error) => write!(f, "cannot serialize error body: {error}"),
            RenderError::ReservedMember { name } => write!(
                f,
                "member {name:?} would replace a member of the problem details body"
            ),
            RenderError::InvalidInstance { value } => {
                write!(f, "problem `instance` {value:?} is not a URI reference")
            }
        }
    }
}

impl std::error::Error for RenderError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            RenderError::Body(error) => Some(error),
            _ => None,
        }
    }
}

/// How to render: which format (the error's native one by default), for which request, and
/// with which members added to the body.
#[derive(Clone, Copy, Debug, Default)]
pub struct RenderOptions<'a> {
    /// The format to render in; `None` is the error's native format.
    pub format: Option<WireFormat>,
    /// The request being answered, for headers that depend on it.
    pub request: Option<&'a http::request::Parts>,
    /// Members merged into the body's root, as Djblets' `WebAPIResponseError(request, err,
    /// extra_params)` does (`fields` of a form error): in Djblets and Matrix bodies they
    /// replace any of the same name; in a problem body one named like a member the body has
    /// is [`RenderError::ReservedMember`].
    pub extra: Option<&'a serde_json::Map<String, serde_json::Value>>,
}

/// A header checked for sending: a name that is an HTTP token and a value without CR, LF or
/// another forbidden byte, or the [`RenderError`] saying which it is not.
pub(crate) fn checked_header(
    name: &str,
    value: &str,
) -> Result<(HeaderName, HeaderValue), RenderError> {
    Ok((header_name(name)?, header_value(name, value.as_bytes())?))
}

/// `name` as a header name, or the [`RenderError`] saying it is no HTTP token.
pub(crate) fn header_name(name: &str) -> Result<HeaderName, RenderError> {
    HeaderName::from_bytes(name.as_bytes())
        .map_err(|_| RenderError::InvalidHeaderName(name.to_owned()))
}

/// `value` as the value of header `name`, or the [`RenderError`] saying it holds CR, LF or
/// another forbidden byte.
pub(crate) fn header_value(name: &str, value: &[u8]) -> Result<HeaderValue, RenderError> {
    HeaderValue::from_bytes(value).map_err(|_| RenderError::InvalidHeaderValue {
        name: name.to_owned(),
        value: String::from_utf8_lossy(value).into_owned(),
    })
}

/// The room a rendered body starts with.
const BODY_CAPACITY: usize = 256;

#[inline]
pub(crate) fn render<E: ApiError>(
    error: &E,
    options: &RenderOptions<'_>,
) -> Result<http::Response<Vec<u8>>, RenderError> {
    // A 5xx is an incident: its whole source chain is logged with an id the body carries as
    // its trace id (the error's own, if it has one), so support can find the log line. With
    // no subscriber recording the event there is no line to find, and the body is as
    // declared.
    #[cfg(feature = "tracing")]
    if error.status().is_server_error() && crate::trace::incidents_logged() {
        let (response, incident) = match error.trace_id() {
            Some(own) => (response_of(error, options)?, own.to_owned()),
            None => {
                let incident = crate::trace::incident_id();
                let traced = crate::occurrence::Occurrence::of(error).trace_id(&incident);
                (response_of(&traced, options)?, incident)
            }
        };
        crate::trace::record_with(error, response.status(), Some(&incident));
        return Ok(response);
    }
    let response = response_of(error, options)?;
    #[cfg(feature = "tracing")]
    crate::trace::record_with(error, response.status(), None);
    Ok(response)
}

/// The response, without tracing.
#[inline]
fn response_of<E: ApiError>(
    error: &E,
    options: &RenderOptions<'_>,
) -> Result<http::Response<Vec<u8>>, RenderError> {
    let format = options.format.unwrap_or_else(|| error.format());
    let body = Body::new(error, format, options.extra);
    // Error bodies are short: one allocation of this size holds nearly all, where growing from
    // empty would reallocate five times on the way to a hundred bytes.
    let mut bytes = Vec::with_capacity(BODY_CAPACITY);
    body.write_json(&mut bytes)?;
    let mut response = http::Response::new(bytes);
    *response.status_mut() = error.status();
    let headers = response.headers_mut();
    error.write_headers(options.request, headers)?;
    headers.insert(CONTENT_TYPE, format.content_type_header());
    format.write_headers(headers);
    Ok(response)
}
