//! The [`ApiError`] trait: what every derived error can say about itself.

use std::fmt;

use http::StatusCode;
use http::header::HeaderMap;

use crate::__private::Generated;
use crate::descriptor::ErrorDescriptor;
use crate::overrides::{HeaderOverride, Overrides};
use crate::render::{self, RenderError, RenderOptions};
use crate::wire::{Body, WireFormat};

/// An error an HTTP API can return. Derive it with `#[derive(ApiError)]`.
///
/// The required method is generated; the provided ones give the instance's *effective*
/// values: the catalog's, replaced by the instance's status field and by its
/// [`Overrides`] where it has any. What else the derive generates (the instance's own
/// values, headers and body members) is on a hidden supertrait, which is not public API.
pub trait ApiError: Generated + fmt::Display + fmt::Debug {
    /// The static description of the error this value is.
    fn descriptor(&self) -> &'static ErrorDescriptor;

    /// The per-instance overrides, if any (see [`Overridden`](crate::Overridden)).
    fn overrides(&self) -> Option<&Overrides> {
        None
    }

    /// The HTTP status: the instance's `status` field if it holds a valid status, else the
    /// catalog default.
    fn status(&self) -> StatusCode {
        self.instance().status.unwrap_or(self.descriptor().status)
    }

    /// The numeric code: the instance's `code` field, else the catalog's, if any.
    fn code(&self) -> Option<i64> {
        self.instance().code.or(self.descriptor().code)
    }

    /// The Matrix-style errcode: the instance's `errcode` field, else the catalog's, if any.
    fn errcode(&self) -> Option<&str> {
        self.instance().errcode.or(self.descriptor().errcode)
    }

    /// The error type: the instance's `error_type` field, else the catalog's, if any.
    fn error_type(&self) -> Option<&str> {
        self.instance().error_type.or(self.descriptor().error_type)
    }

    /// The error subtype: the override, else the instance's field, else the catalog's.
    fn error_subtype(&self) -> Option<&str> {
        let overridden = self.overrides().and_then(|o| non_empty(&o.error_subtype));
        overridden
            .or(self.instance().error_subtype)
            .or(self.descriptor().error_subtype)
    }

    /// Further detail: the override, else the instance's `detail` field.
    fn detail(&self) -> Option<&str> {
        let overridden = self.overrides().and_then(|o| non_empty(&o.detail));
        overridden.or(self.instance().detail)
    }

    /// The trace id: the override, else the instance's `trace_id` field.
    fn trace_id(&self) -> Option<&str> {
        let overridden = self.overrides().and_then(|o| non_empty(&o.trace_id));
        overridden.or(self.instance().trace_id)
    }

    /// RFC 9457's `instance`: the override, else the instance's `instance` field.
    fn problem_instance(&self) -> Option<&str> {
        let overridden = self.overrides().and_then(|o| non_empty(&o.instance));
        overridden.or(self.instance().instance)
    }

    /// The wire format this error renders in by default.
    fn format(&self) -> WireFormat {
        self.descriptor().format
    }

    /// Whether this error is `ancestor` or descends from it through `parent`.
    fn is_a(&self, ancestor: &ErrorDescriptor) -> bool {
        self.descriptor().is_a(ancestor)
    }

    /// A one-line summary in Djblets' form: `<API Error 105, HTTP 400: One or more fields had errors>`.
    fn summary(&self) -> Summary<'_, Self>
    where
        Self: Sized,
    {
        Summary(self)
    }

    /// Every header the response carries besides `Content-Type`: the catalog's (or the
    /// overriding) headers, computed for `request` where they depend on it, then the field
    /// headers.
    fn headers(&self, request: Option<&http::request::Parts>) -> Result<HeaderMap, RenderError> {
        let mut headers = HeaderMap::new();
        self.write_headers(request, &mut headers)?;
        Ok(headers)
    }

    /// Writes [`headers`](ApiError::headers) into `headers`: a response's own map, so that
    /// rendering builds no map of its own.
    fn write_headers(
        &self,
        request: Option<&http::request::Parts>,
        headers: &mut HeaderMap,
    ) -> Result<(), RenderError> {
        match self.overrides().and_then(|o| o.headers.as_ref()) {
            Some(HeaderOverride::Fixed(fixed)) => headers.extend(fixed.clone()),
            Some(HeaderOverride::Computed(hook)) => hook(request, headers),
            None => {
                if let Some(hook) = self.descriptor().headers {
                    hook(request, headers);
                }
            }
        }
        self.write_field_headers(headers)
    }

    /// The body in the error's native format, as a `serde::Serialize` value.
    fn body(&self) -> Body<'_, Self>
    where
        Self: Sized,
    {
        Body::new(self, self.format(), None)
    }

    /// The body in `format`.
    fn body_in(&self, format: WireFormat) -> Body<'_, Self>
    where
        Self: Sized,
    {
        Body::new(self, format, None)
    }

    /// The complete HTTP response in the native format, rendered outside any request.
    fn to_response(&self) -> Result<http::Response<Vec<u8>>, RenderError>
    where
        Self: Sized,
    {
        render::render(self, &RenderOptions::default())
    }

    /// The complete HTTP response, with the format and request of `options`.
    fn render(&self, options: &RenderOptions<'_>) -> Result<http::Response<Vec<u8>>, RenderError>
    where
        Self: Sized,
    {
        render::render(self, options)
    }
}

/// See [`ApiError::summary`]; `Summary::of` makes one for a `&dyn ApiError`.
pub struct Summary<'a, E: ?Sized>(&'a E);

impl<'a, E: ApiError + ?Sized> Summary<'a, E> {
    /// The summary of `error`.
    pub fn of(error: &'a E) -> Self {
        Summary(error)
    }
}

impl<E: ApiError + ?Sized> fmt::Display for Summary<'_, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let error = self.0;
        f.write_str("<API Error ")?;
        match (error.code(), error.errcode()) {
            (Some(code), _) => write!(f, "{code}")?,
            (None, Some(errcode)) => f.write_str(errcode)?,
            (None, None) => f.write_str(error.descriptor().name)?,
        }
        write!(f, ", HTTP {}: {error}>", error.status().as_u16())
    }
}

/// An override that is empty overrides nothing, as Djblets' `with_overrides` combines values
/// with `or`.
pub(crate) fn non_empty<'a>(value: &'a Option<std::borrow::Cow<'static, str>>) -> Option<&'a str> {
    crate::wire::present(value.as_deref())
}
