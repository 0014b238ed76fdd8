//! The `tracing` feature: rendering records the error on the current span and as an event, and
//! a trace id can come from the span.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use errwire::ApiError;
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Metadata, Subscriber};
use tracing_core::span::Current;

#[derive(Debug, ApiError)]
#[api_error(format = "djblets")]
enum WebApiError {
    #[api_error(code = 100, http = 404, message = "Object does not exist")]
    DoesNotExist,
    #[api_error(
        code = 107,
        http = 500,
        message = "There was a problem enabling the extension"
    )]
    EnableExtensionFailed,
}

/// A subscriber that keeps what is recorded on spans and events, as `field=value` lines.
#[derive(Clone, Default)]
struct Capture {
    lines: Arc<Mutex<Vec<String>>>,
    current: Arc<Mutex<Option<(Id, &'static Metadata<'static>)>>>,
    next_id: Arc<AtomicU64>,
}

struct Lines<'a>(&'a mut Vec<String>, &'a str);

impl Visit for Lines<'_> {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        self.0.push(format!("{}{}={value:?}", self.1, field.name()));
    }
}

impl Capture {
    fn lines(&self) -> Vec<String> {
        self.lines
            .lock()
            .map(|lines| lines.clone())
            .unwrap_or_default()
    }
}

impl Subscriber for Capture {
    fn enabled(&self, _: &Metadata<'_>) -> bool {
        true
    }

    fn new_span(&self, span: &Attributes<'_>) -> Id {
        let id = Id::from_u64(self.next_id.fetch_add(1, Ordering::Relaxed) + 1);
        if let Ok(mut current) = self.current.lock() {
            *current = Some((id.clone(), span.metadata()));
        }
        id
    }

    fn record(&self, _: &Id, values: &Record<'_>) {
        if let Ok(mut lines) = self.lines.lock() {
            values.record(&mut Lines(&mut lines, "span:"));
        }
    }

    fn record_follows_from(&self, _: &Id, _: &Id) {}

    fn event(&self, event: &Event<'_>) {
        if let Ok(mut lines) = self.lines.lock() {
            let level = format!("event[{}]:", event.metadata().level());
            event.record(&mut Lines(&mut lines, &level));
        }
    }

    fn enter(&self, _: &Id) {}

    fn exit(&self, _: &Id) {}

    fn current_span(&self) -> Current {
        match self.current.lock().ok().and_then(|current| current.clone()) {
            Some((id, metadata)) => Current::new(id, metadata),
            None => Current::none(),
        }
    }
}

#[test]
fn rendering_records_the_error_on_the_span_and_as_an_event() {
    let capture = Capture::default();
    tracing::subscriber::with_default(capture.clone(), || {
        let span = tracing::info_span!(
            "request",
            error.code = tracing::field::Empty,
            error.errcode = tracing::field::Empty,
            http.status = tracing::field::Empty
        );
        let _entered = span.enter();
        assert!(WebApiError::DOES_NOT_EXIST.to_response().is_ok());
        assert!(WebApiError::EnableExtensionFailed.to_response().is_ok());
    });
    let lines = capture.lines();
    for expected in [
        "span:error.code=100",
        "span:http.status=404",
        "event[WARN]:error.code=100",
        "event[WARN]:http.status=404",
        "event[WARN]:message=Object does not exist",
        "event[WARN]:error.name=\"WebApiError::DoesNotExist\"",
        "event[ERROR]:error.code=107",
        "event[ERROR]:http.status=500",
    ] {
        assert!(
            lines.iter().any(|line| line == expected),
            "no {expected:?} in {lines:#?}"
        );
    }
}

#[test]
fn a_trace_id_can_come_from_the_current_span() {
    let capture = Capture::default();
    tracing::subscriber::with_default(capture, || {
        let outside = errwire::trace::with_span_trace_id(WebApiError::DOES_NOT_EXIST);
        assert_eq!(outside.trace_id(), None);
        let span = tracing::info_span!("request");
        let _entered = span.enter();
        let id = span.id().map(|id| format!("{:016x}", id.into_u64()));
        let traced = errwire::trace::with_span_trace_id(WebApiError::DOES_NOT_EXIST);
        assert!(id.is_some());
        assert_eq!(traced.trace_id(), id.as_deref());
        let body: serde_json::Value = traced
            .to_response()
            .ok()
            .and_then(|r| serde_json::from_slice(r.body()).ok())
            .unwrap_or_default();
        assert_eq!(body["err"]["trace_id"].as_str(), id.as_deref());
    });
}
