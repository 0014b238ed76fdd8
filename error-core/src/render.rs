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
    /// The body cannot be written as XML: a member whose name is no XML name, or XML asked
    /// of a format that has no XML form (only Djblets' has).
    Xml(String),
    /// A JSONP callback that is not a JavaScript identifier path (`cb`, `jQuery.handlers.cb`):
    /// anything else would run in the caller's page.
    InvalidCallback(String),
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
            RenderError::Xml(reason) => write!(f, "cannot write the body as XML: {reason}"),
            RenderError::InvalidCallback(callback) => write!(
                f,
                "JSONP callback {callback:?} is not a JavaScript identifier path"
            ),
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
    /// How the body is written: JSON, or Djblets' XML form.
    pub encoding: Encoding,
    /// A JSONP callback: the body is sent as `callback(body);`, as Djblets does for
    /// `?callback=`. Refused unless a JavaScript identifier path.
    pub callback: Option<&'a str>,
    /// Headers of the response the error is sent in, as Djblets'
    /// `WebAPIResponseError(headers=…)`: the error's own headers (and the format's, such as
    /// `X-Content-Type-Options`) win over these, except `Content-Type`, which these replace.
    pub response_headers: Option<&'a http::HeaderMap>,
}

/// How a body is written. XML is Djblets' form (`XMLEncoderAdapter`); the other formats
/// have none.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Encoding {
    /// JSON, in the format's own content type.
    #[default]
    Json,
    /// XML, as Djblets writes it, `application/xml`.
    Xml,
}

/// Whether `callback` is a JavaScript identifier path (`cb`, `$.cb_1`, `a.b.c`): names of
/// ASCII letters, digits, `_` and `$`, not starting with a digit, joined by dots.
pub(crate) fn is_callback(callback: &str) -> bool {
    !callback.is_empty()
        && callback.split('.').all(|name| {
            name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_' || c == '$')
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$')
        })
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
    if let Some(callback) = options.callback {
        if !is_callback(callback) {
            return Err(RenderError::InvalidCallback(callback.to_owned()));
        }
        bytes.extend_from_slice(callback.as_bytes());
        bytes.push(b'(');
    }
    match options.encoding {
        Encoding::Json => body.write_json(&mut bytes)?,
        Encoding::Xml => body.write_xml(&mut bytes)?,
    }
    if options.callback.is_some() {
        bytes.extend_from_slice(b");");
    }
    let mut response = http::Response::new(bytes);
    *response.status_mut() = error.status();
    let headers = response.headers_mut();
    error.write_headers(options.request, headers)?;
    let content_type = match options.encoding {
        Encoding::Json => format.content_type_header(),
        Encoding::Xml => const { HeaderValue::from_static(crate::wire::XML_CONTENT_TYPE) },
    };
    headers.insert(CONTENT_TYPE, content_type);
    format.write_headers(headers);
    if let Some(given) = options.response_headers {
        for name in given.keys() {
            if name == CONTENT_TYPE || !headers.contains_key(name) {
                headers.remove(name);
                for value in given.get_all(name) {
                    headers.append(name.clone(), value.clone());
                }
            }
        }
    }
    Ok(response)
}
