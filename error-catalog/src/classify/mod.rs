//! Turning a received error response into the typed catalog error, by each library's own
//! rules: Djblets by the body's code, Synapse by `to_synapse_error()`, py42 by
//! `raise_py42_error`'s statuses, pyTenable by its session's status mapping.
//!
//! Every body goes through [`ReceivedError::read`] first, so oversized and deeply nested
//! bodies are refused before parsing and nothing panics.
//!
//! [`classify`] applies each library's rules as the library itself does: for Synapse those
//! are the rules of a homeserver relaying another's error. [`classify_client`] is what a
//! client of the API wants: for Matrix, the most specific catalog error of the errcode
//! ([`matrix_client`]); py42, pyTenable and Djblets are client libraries, so their rules
//! are the same on both sides.

pub mod matrix_client;

use std::time::{Duration, SystemTime};

use errwire::{
    Classify, Limits, ReceiveError, ReceivedError, ResponseRecord, RetryAfter, WireError,
    WireFormat,
};
use serde_json::{Map, Value};

use crate::catalog_error::CatalogError;
use crate::djblets::{CustomWebApiError, WebApiError};
use crate::py42;
use crate::registry::{Entry, System};
use crate::synapse::HttpResponseException;
use crate::tenable::{self, Session};

/// A received response.
#[derive(Clone, Debug, Default)]
pub struct Response {
    /// The status.
    pub status: u16,
    /// The headers, in order.
    pub headers: Vec<(String, String)>,
    /// The body as received.
    pub body: Vec<u8>,
    /// The request method, if known (py42 and pyTenable show it).
    pub method: Option<String>,
    /// The request URL, if known.
    pub url: Option<String>,
    /// The reason phrase, as received (any text, possibly empty); `None` when the client
    /// does not give one, which stands for the status's standard phrase. Synapse's
    /// fallbacks use it as the message, exactly as `to_synapse_error` does.
    pub reason: Option<String>,
}

impl Response {
    /// A response as the `http` crate holds it, with any body that is bytes (header values
    /// kept as [`errwire::header_pairs`] does).
    pub fn from_http<B: AsRef<[u8]>>(response: &http::Response<B>) -> Self {
        Self::from_parts(
            response.status(),
            response.headers(),
            response.body().as_ref(),
        )
    }

    /// A response from its status, headers and body bytes.
    pub fn from_parts(status: http::StatusCode, headers: &http::HeaderMap, body: &[u8]) -> Self {
        Response {
            status: status.as_u16(),
            headers: errwire::header_pairs(headers),
            body: body.to_vec(),
            ..Response::default()
        }
    }

    /// The response read as an error of `format` ([`ReceivedError::read`]).
    fn read(&self, format: WireFormat, limits: &Limits) -> Result<ReceivedError, ClassifyError> {
        ReceivedError::read(
            Some(format),
            self.status,
            self.headers.clone(),
            &self.body,
            limits,
        )
        .map_err(ClassifyError::Refused)
    }

    fn record(&self) -> ResponseRecord {
        ResponseRecord {
            status: self.status,
            reason: self.reason.clone(),
            method: self.method.clone(),
            url: self.url.clone(),
            headers: self.headers.clone(),
            body: String::from_utf8_lossy(&self.body).into_owned(),
        }
    }
}

/// What a response is, for one system.
pub struct Classification {
    /// The typed error: a catalog error, or the system's documented fallback.
    pub error: Box<dyn CatalogError>,
    /// The catalog entry of the error; `None` for a body no catalog error describes (kept
    /// whole as an [`errwire::WireError`]).
    pub entry: Option<&'static Entry>,
    /// The error's fields as received: the body members it carries.
    pub fields: Map<String, Value>,
    /// How long the server asked the client to wait before trying again, counted from the
    /// response's arrival: its `Retry-After` (see [`RetryAfter::from_pairs`]), which the
    /// Matrix spec prefers to the body's deprecated `retry_after_ms`, else that member.
    pub retry_after: Option<Duration>,
}

/// Why a response could not be classified.
#[derive(Debug)]
pub enum ClassifyError {
    /// The body was refused before parsing.
    Refused(ReceiveError),
    /// The library would raise no error for this response (a pyTenable 2xx).
    NotAnError(u16),
}

impl std::fmt::Display for ClassifyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ClassifyError::Refused(error) => write!(f, "{error}"),
            ClassifyError::NotAnError(status) => {
                write!(f, "the library raises no error for status {status}")
            }
        }
    }
}

impl std::error::Error for ClassifyError {}

/// The error `response` is in `system`. `trusted` (Synapse only) relays the remote errcode
/// and status verbatim, as `unsafe_to_verbatim_synapse_error()` does for the homeserver's own
/// workers; otherwise `to_synapse_error()`'s safety rules apply.
pub fn classify(
    system: System,
    response: &Response,
    trusted: bool,
    limits: &Limits,
) -> Result<Classification, ClassifyError> {
    limits
        .check(&response.body)
        .map_err(ClassifyError::Refused)?;
    match system {
        System::Djblets => djblets(response, limits),
        System::Matrix => Ok(matrix(response, trusted)),
        System::Py42 => Ok(typed(py42::raise_py42_error(response.record()))),
        System::Tenable => {
            let raised = tenable::error_for_response(Session::Base, response.record(), &[]);
            raised
                .map(typed)
                .ok_or(ClassifyError::NotAnError(response.status))
        }
    }
}

/// The error `response` is for a client of `system` (see the module's documentation).
pub fn classify_client(
    system: System,
    response: &Response,
    limits: &Limits,
) -> Result<Classification, ClassifyError> {
    classify_client_at(system, response, limits, SystemTime::now())
}

/// [`classify_client`] for a response that arrived at `now`, which a `Retry-After` date is
/// counted from.
pub fn classify_client_at(
    system: System,
    response: &Response,
    limits: &Limits,
    now: SystemTime,
) -> Result<Classification, ClassifyError> {
    // Both paths check the limits before reading.
    match system {
        System::Matrix => matrix_client::classify(response, limits, now),
        _ => classify(system, response, false, limits).map(|mut classified| {
            classified.retry_after =
                RetryAfter::from_pairs(&response.headers).map(|hint| hint.delay_from(now));
            classified
        }),
    }
}

/// Djblets: the body's code names the predefined error, which keeps the body's message,
/// subtype, detail and trace id as overrides; an unknown code is a `WebAPIError` with every
/// value received; a body that is no Djblets error is kept whole.
fn djblets(response: &Response, limits: &Limits) -> Result<Classification, ClassifyError> {
    let received = response.read(WireFormat::Djblets, limits)?;
    let fields = received.error.extra.clone();
    if received.fallback.is_some() {
        return Ok(unrecognized(received.error, fields));
    }
    let error: Box<dyn CatalogError> = match WebApiError::classify(received.error).into_received() {
        Ok(error) => Box::new(error),
        Err(wire) => match wire.code {
            Some(code) => Box::new(CustomWebApiError {
                code,
                msg: wire.message.unwrap_or_default(),
                http_status: response.status,
                headers: Default::default(),
                error_type: wire.error_type,
                error_subtype: wire.error_subtype,
                detail: wire.detail,
                trace_id: wire.trace_id,
            }),
            None => return Ok(unrecognized(wire, fields)),
        },
    };
    let entry = entry_of(&*error);
    Ok(Classification {
        error,
        entry,
        fields,
        retry_after: None,
    })
}

/// Synapse: `HttpResponseException(code, msg, response).to_synapse_error()`.
fn matrix(response: &Response, trusted: bool) -> Classification {
    let exception = HttpResponseException {
        code: response.status,
        msg: response
            .reason
            .clone()
            .unwrap_or_else(|| errwire::reason_phrase(response.status).to_owned()),
        response: response.record(),
    };
    let proxied = if trusted {
        exception.unsafe_to_verbatim_synapse_error()
    } else {
        exception.to_synapse_error()
    };
    typed(Box::new(proxied))
}

fn typed(error: Box<dyn CatalogError>) -> Classification {
    let fields = error.extra_json();
    Classification {
        entry: entry_of(&*error),
        error,
        fields,
        retry_after: None,
    }
}

fn unrecognized(wire: WireError, fields: Map<String, Value>) -> Classification {
    Classification {
        error: Box::new(wire),
        entry: None,
        fields,
        retry_after: None,
    }
}

/// The registry entry whose descriptor `error` has.
pub fn entry_of(error: &dyn CatalogError) -> Option<&'static Entry> {
    crate::registry::entry_of(error.descriptor())
}

impl Classification {
    /// The classification as `errwire-catalog classify` prints it.
    pub fn to_json(&self) -> Value {
        let error = &*self.error;
        let ancestors: Vec<Value> = error
            .descriptor()
            .ancestors()
            .map(|ancestor| {
                let entry = crate::registry::entry_of(ancestor);
                Value::from(entry.map_or(ancestor.name, |e| e.reference))
            })
            .collect();
        serde_json::json!({
            "name": self.entry.map(|e| e.name),
            "reference": self.entry.map(|e| e.reference),
            "status": error.status().as_u16(),
            "errcode": error.errcode(),
            "code": error.code(),
            "message": error.to_string(),
            "fields": self.fields,
            "ancestors": ancestors,
            "retry_after_ms": self.retry_after.map(|wait| u64::try_from(wait.as_millis()).unwrap_or(u64::MAX)),
        })
    }
}
