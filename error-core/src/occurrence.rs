//! Values of one occurrence that only the render knows: a 5xx's incident id, the `instance`
//! of the request being answered. [`Occurrence`] lends them to a borrowed error for one render,
//! so neither the error nor its overrides are copied.

use std::fmt;

use crate::api_error::ApiError;
use crate::descriptor::ErrorDescriptor;
use crate::overrides::Overrides;
use crate::render::RenderError;
use crate::wire::WireFormat;

/// `error`, with a trace id and an `instance` it does not have of its own.
pub(crate) struct Occurrence<'a, E> {
    error: &'a E,
    trace_id: Option<&'a str>,
    instance: Option<&'a str>,
}

impl<'a, E: ApiError> Occurrence<'a, E> {
    /// `error` as it is.
    pub(crate) fn of(error: &'a E) -> Self {
        Occurrence {
            error,
            trace_id: None,
            instance: None,
        }
    }

    /// With `trace_id` as its trace id (a 5xx's incident id).
    pub(crate) fn trace_id(self, trace_id: &'a str) -> Self {
        Occurrence {
            trace_id: Some(trace_id),
            ..self
        }
    }

    /// With `instance` as its problem `instance`, unless it has one of its own.
    pub(crate) fn instance(self, instance: Option<&'a str>) -> Self {
        Occurrence { instance, ..self }
    }
}

impl<E: ApiError> ApiError for Occurrence<'_, E> {
    fn descriptor(&self) -> &'static ErrorDescriptor {
        self.error.descriptor()
    }

    fn overrides(&self) -> Option<&Overrides> {
        self.error.overrides()
    }

    fn status(&self) -> http::StatusCode {
        self.error.status()
    }

    fn code(&self) -> Option<i64> {
        self.error.code()
    }

    fn errcode(&self) -> Option<&str> {
        self.error.errcode()
    }

    fn error_type(&self) -> Option<&str> {
        self.error.error_type()
    }

    fn error_subtype(&self) -> Option<&str> {
        self.error.error_subtype()
    }

    fn detail(&self) -> Option<&str> {
        self.error.detail()
    }

    fn trace_id(&self) -> Option<&str> {
        self.trace_id.or_else(|| self.error.trace_id())
    }

    fn problem_instance(&self) -> Option<&str> {
        self.error.problem_instance().or(self.instance)
    }

    fn format(&self) -> WireFormat {
        self.error.format()
    }

    fn write_headers(
        &self,
        request: Option<&http::request::Parts>,
        headers: &mut http::HeaderMap,
    ) -> Result<(), RenderError> {
        self.error.write_headers(request, headers)
    }
}

impl<E: ApiError> crate::__private::Wraps for Occurrence<'_, E> {
    type Inner = E;

    fn wrapped(&self) -> &E {
        self.error
    }

    fn own_message(&self) -> Option<&str> {
        None
    }
}

impl<E: ApiError> fmt::Display for Occurrence<'_, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.error, f)
    }
}

impl<E: ApiError> fmt::Debug for Occurrence<'_, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.error, f)
    }
}
