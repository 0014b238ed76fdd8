//! tracing integration (feature `tracing`): rendering an error records it on the current span
//! and emits an event, and a trace id can be taken from the span.
//!
//! A span that declares the fields gets them recorded
//! (`tracing::info_span!("request", error.code = tracing::field::Empty, error.errcode =
//! tracing::field::Empty, http.status = tracing::field::Empty)`); every render also emits a
//! `WARN` event (an `ERROR` one for 5xx) carrying them, inside the current span.

use crate::api_error::ApiError;

/// Records `error`, about to be sent with `status`, on the current span and as an event.
pub fn record<E: ApiError + ?Sized>(error: &E, status: http::StatusCode) {
    let span = tracing::Span::current();
    let code = error.code();
    let errcode = error.errcode();
    if let Some(code) = code {
        span.record("error.code", code);
    }
    if let Some(errcode) = errcode {
        span.record("error.errcode", errcode);
    }
    span.record("http.status", status.as_u16());
    let name = error.descriptor().name;
    let status = status.as_u16();
    if status >= 500 {
        tracing::error!(
            error.name = name,
            error.code = code,
            error.errcode = errcode,
            http.status = status,
            "{error}"
        );
    } else {
        tracing::warn!(
            error.name = name,
            error.code = code,
            error.errcode = errcode,
            http.status = status,
            "{error}"
        );
    }
}

/// The current span's id as a trace id (16 hex digits), if there is a current span.
pub fn trace_id_from_span() -> Option<String> {
    tracing::Span::current()
        .id()
        .map(|id| format!("{:016x}", id.into_u64()))
}

/// `error` with the current span's id as its trace id (unchanged if there is no span).
pub fn with_span_trace_id<E: ApiError>(error: E) -> crate::Overridden<E> {
    let overrides = crate::Overrides {
        trace_id: trace_id_from_span().map(Into::into),
        ..crate::Overrides::default()
    };
    crate::Overridden::new(error, overrides)
}
