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
    #[api_error(code = 108, http = 503, message = "The store is unavailable")]
    StoreUnavailable(#[api_error(from)] StoreFailed),
}

/// A cause with a cause of its own, as a database driver's error wraps an I/O error.
#[derive(Debug)]
struct StoreFailed(std::io::Error);

impl std::fmt::Display for StoreFailed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("connection to db.internal:5432 lost")
    }
}

impl std::error::Error for StoreFailed {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.0)
    }
}

#[derive(Debug, ApiError)]
#[api_error(format = "problem", http = 500, message = "Internal error")]
struct Internal {
    #[api_error(from)]
    cause: StoreFailed,
}

/// A subscriber that keeps what is recorded on spans and events, as `field=value` lines.
#[derive(Debug, ApiError)]
#[api_error(
    format = "matrix",
    http = 500,
    errcode = "M_UNKNOWN",
    message = "Internal server error"
)]
struct MatrixInternal {
    #[api_error(from)]
    source: StoreFailed,
}

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

/// The value of `field` in the event lines, without the `Debug` quotes.
fn field_of(lines: &[String], field: &str) -> Option<String> {
    let prefix = format!("event[ERROR]:{field}=");
    lines
        .iter()
        .find_map(|line| line.strip_prefix(&prefix))
        .map(|value| value.trim_matches('"').to_owned())
}

#[test]
fn a_server_error_logs_its_source_chain_with_the_incident_id_the_body_carries() {
    let capture = Capture::default();
    let cause = StoreFailed(std::io::Error::other("broken pipe"));
    let (djblets, problem) = tracing::subscriber::with_default(capture.clone(), || {
        let djblets = WebApiError::from(cause).to_response();
        let problem =
            Internal::from(StoreFailed(std::io::Error::other("reset by peer"))).to_response();
        (djblets, problem)
    });
    let lines = capture.lines();
    let body =
        |response: Result<http::Response<Vec<u8>>, errwire::RenderError>| -> serde_json::Value {
            response
                .ok()
                .and_then(|r| serde_json::from_slice(r.body()).ok())
                .unwrap_or_default()
        };
    let djblets = body(djblets);
    let problem = body(problem);
    // The body: the declared message and an incident id, never the cause.
    assert_eq!(djblets["err"]["msg"], "The store is unavailable");
    let text = format!("{djblets}{problem}");
    assert!(
        !text.contains("db.internal") && !text.contains("pipe"),
        "{text}"
    );
    let djblets_id = djblets["err"]["trace_id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let problem_id = problem["trace_id"].as_str().unwrap_or_default().to_owned();
    assert_eq!(djblets_id.len(), 16, "{djblets}");
    assert_eq!(problem_id.len(), 16, "{problem}");
    assert_ne!(djblets_id, problem_id);
    // The log: the same ids, each with its whole chain.
    let incidents: Vec<&String> = lines
        .iter()
        .filter(|l| l.starts_with("event[ERROR]:incident="))
        .collect();
    assert_eq!(incidents.len(), 2, "{lines:#?}");
    assert_eq!(
        field_of(&lines, "incident").as_deref(),
        Some(djblets_id.as_str()),
        "{lines:#?}"
    );
    assert_eq!(
        field_of(&lines, "error.sources").as_deref(),
        Some("connection to db.internal:5432 lost: broken pipe"),
        "{lines:#?}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l == &format!("event[ERROR]:incident=\"{problem_id}\"")),
        "{lines:#?}"
    );
    assert!(
        lines.iter().any(|l| l
            == "event[ERROR]:error.sources=\"connection to db.internal:5432 lost: reset by peer\""),
        "{lines:#?}"
    );
}

#[test]
fn a_server_error_with_its_own_trace_id_keeps_it_as_the_incident_id() {
    let capture = Capture::default();
    let rendered = tracing::subscriber::with_default(capture.clone(), || {
        WebApiError::EnableExtensionFailed
            .with_overrides(errwire::Overrides {
                trace_id: Some("req-42".into()),
                ..errwire::Overrides::default()
            })
            .to_response()
    });
    let body: serde_json::Value = rendered
        .ok()
        .and_then(|r| serde_json::from_slice(r.body()).ok())
        .unwrap_or_default();
    assert_eq!(body["err"]["trace_id"], "req-42");
    assert_eq!(
        field_of(&capture.lines(), "incident").as_deref(),
        Some("req-42")
    );
}

#[test]
fn a_client_error_gets_no_incident() {
    let capture = Capture::default();
    let rendered = tracing::subscriber::with_default(capture.clone(), || {
        WebApiError::DOES_NOT_EXIST.to_response()
    });
    let body: serde_json::Value = rendered
        .ok()
        .and_then(|r| serde_json::from_slice(r.body()).ok())
        .unwrap_or_default();
    assert_eq!(body["err"].get("trace_id"), None);
    assert!(!capture.lines().iter().any(|l| l.contains("incident")));
}

#[test]
fn a_matrix_server_error_carries_its_incident_id_in_a_namespaced_member() {
    let capture = Capture::default();
    let rendered = tracing::subscriber::with_default(capture.clone(), || {
        MatrixInternal::from(StoreFailed(std::io::Error::other("broken pipe"))).to_response()
    });
    let response = rendered.unwrap_or_else(|e| panic!("{e}"));
    let body: serde_json::Value = serde_json::from_slice(response.body()).unwrap_or_default();
    assert_eq!(body["errcode"], "M_UNKNOWN");
    assert_eq!(body["error"], "Internal server error");
    let incident = body["errwire.trace_id"].as_str().unwrap_or_default();
    assert_eq!(incident.len(), 16, "{body}");
    assert_eq!(
        field_of(&capture.lines(), "incident").as_deref(),
        Some(incident)
    );
    // A client reads it back as the error's trace id.
    let wire = errwire::WireError::from_slice(errwire::WireFormat::Matrix, response.body())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(wire.trace_id.as_deref(), Some(incident));
    assert!(wire.extra.is_empty(), "{wire:?}");
}
