//! tracing integration (feature `tracing`): rendering an error records it on the current span
//! and emits an event, and a trace id can be taken from the span.
//!
//! A span that declares the fields gets them recorded
//! (`tracing::info_span!("request", error.code = tracing::field::Empty, error.errcode =
//! tracing::field::Empty, http.status = tracing::field::Empty)`); every render also emits a
//! `WARN` event (an `ERROR` one for 5xx) carrying them, inside the current span.
//!
//! A 5xx is an incident. Its body shows the declared message only, never its source; the
//! `ERROR` event carries the whole source chain (`error.sources`) and an `incident` id, and
//! the body carries the same id as its trace id (Djblets' `err.trace_id`, problem details'
//! `trace_id`; a Matrix body has no place for one), so a caller's support request can be
//! matched to the log line. An error that has its own trace id keeps it, and it is the
//! incident id. Without a subscriber that records the event, there is no line to match and
//! no incident id is added.

use crate::api_error::ApiError;

/// Records `error`, about to be sent with `status`, on the current span and as an event.
/// Rendering records it, and a 5xx's event then also carries its `incident` id (the body's trace id) and its whole source
/// chain (`error.sources`), which the body never shows.
pub fn record<E: ApiError + ?Sized>(error: &E, status: http::StatusCode) {
    record_with(error, status, None);
}

/// [`record`], with the incident id of a 5xx.
pub(crate) fn record_with<E: ApiError + ?Sized>(
    error: &E,
    status: http::StatusCode,
    incident: Option<&str>,
) {
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
        let sources = source_chain(error);
        tracing::error!(
            error.name = name,
            error.code = code,
            error.errcode = errcode,
            http.status = status,
            incident = incident,
            error.sources = sources.as_deref(),
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

/// Whether a subscriber records the `ERROR` event of a 5xx, so an incident id in the body
/// names a log line.
pub(crate) fn incidents_logged() -> bool {
    tracing::enabled!(tracing::Level::ERROR)
}

/// A new incident id: 16 hex digits, from the time and a counter, unique within a process
/// and unlikely to repeat across processes.
pub(crate) fn incident_id() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|since| since.as_nanos() as u64)
        .unwrap_or_default();
    let count = COUNTER.fetch_add(1, Ordering::Relaxed);
    // SplitMix64's finalizer spreads the bits of both.
    let mut id = nanos ^ count.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    id = (id ^ (id >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    id = (id ^ (id >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    format!("{:016x}", id ^ (id >> 31))
}

/// The source chain of `error`, outermost first, each cause's `Display` joined by `: `.
fn source_chain<E: ApiError + ?Sized>(error: &E) -> Option<String> {
    let mut cause = error.error_source()?;
    let mut chain = cause.to_string();
    while let Some(next) = cause.source() {
        chain.push_str(": ");
        chain.push_str(&next.to_string());
        cause = next;
    }
    Some(chain)
}
