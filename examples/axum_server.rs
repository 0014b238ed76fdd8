//! A small Matrix-style API on axum that answers with catalog errors: unknown rooms are
//! `M_NOT_FOUND`, requests without a token `M_MISSING_TOKEN`, and a client that sends too many
//! requests gets `M_LIMIT_EXCEEDED` with `Retry-After`. `POST /errors/{reference}` answers
//! with any Djblets or Matrix catalog error built from the JSON object of field values it is
//! sent, for the end-to-end tests.
//!
//! `cargo run -p errwire-tests --example axum_server -- 127.0.0.1:8008`

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{ConnectInfo, Path, Request, State};
use axum::http::{HeaderMap, Uri};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use errwire::{RenderOptions, WireFormat};
use errwire_catalog::synapse::{LimitExceededError, MissingClientTokenError, NotFoundError};
use errwire_catalog::{System, entries};

/// Requests seen per client address in the current window: more than `requests` in one
/// window are refused until it ends.
#[derive(Clone)]
pub struct RateLimiter {
    requests: u32,
    window: Duration,
    seen: Arc<Mutex<HashMap<std::net::IpAddr, (Instant, u32)>>>,
}

impl Default for RateLimiter {
    /// Five requests per ten seconds.
    fn default() -> Self {
        RateLimiter::new(5, Duration::from_secs(10))
    }
}

impl RateLimiter {
    /// At most `requests` per `window` for each client.
    pub fn new(requests: u32, window: Duration) -> Self {
        RateLimiter {
            requests,
            window,
            seen: Arc::default(),
        }
    }

    /// `None` if the client may go on, else how long it must wait.
    fn check(&self, client: std::net::IpAddr) -> Option<Duration> {
        let mut seen = self
            .seen
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let now = Instant::now();
        let (start, count) = seen.entry(client).or_insert((now, 0));
        if now.duration_since(*start) >= self.window {
            (*start, *count) = (now, 0);
        }
        *count += 1;
        (*count > self.requests).then(|| self.window.saturating_sub(now.duration_since(*start)))
    }
}

/// The API: the Matrix routes rate limited, and every error answered in the format `Accept`
/// prefers.
pub fn app(limiter: RateLimiter) -> Router {
    let matrix = Router::new()
        .route("/_matrix/client/v3/rooms/{room}", get(room))
        .route_layer(middleware::from_fn_with_state(limiter, rate_limit));
    Router::new()
        .merge(matrix)
        .route("/errors/{reference}", post(catalog_error))
        .layer(middleware::from_fn(errwire::axum::negotiate))
}

/// Serves `app` on `listener` until the process ends.
pub async fn serve(listener: tokio::net::TcpListener, limiter: RateLimiter) -> std::io::Result<()> {
    let app = app(limiter);
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .await
}

async fn rate_limit(
    State(limiter): State<RateLimiter>,
    ConnectInfo(client): ConnectInfo<SocketAddr>,
    request: Request,
    next: Next,
) -> Response {
    match limiter.check(client.ip()) {
        None => next.run(request).await,
        Some(wait) => LimitExceededError {
            limiter_name: "client".to_owned(),
            code: 429,
            retry_after_ms: Some(u64::try_from(wait.as_millis()).unwrap_or(u64::MAX)),
            errcode: "M_LIMIT_EXCEEDED".to_owned(),
            pause: None,
        }
        .into_response(),
    }
}

/// A room the caller must be logged in to see; only `!lobby:example.org` exists.
async fn room(Path(room): Path<String>, headers: HeaderMap) -> Result<String, Response> {
    if !headers.contains_key(http::header::AUTHORIZATION) {
        return Err(MissingClientTokenError {
            msg: "Missing access token".to_owned(),
        }
        .into_response());
    }
    if room != "!lobby:example.org" {
        return Err(NotFoundError {
            msg: format!("Unknown room {room}"),
            errcode: "M_NOT_FOUND".to_owned(),
        }
        .into_response());
    }
    Ok(format!("{{\"room_id\":\"{room}\"}}"))
}

/// Any Djblets or Matrix catalog error, built from the field values in the request body,
/// in the format `Accept` prefers, its headers computed for this request.
async fn catalog_error(
    Path(reference): Path<String>,
    uri: Uri,
    headers: HeaderMap,
    fields: Bytes,
) -> Response {
    let entry = entries().iter().find(|entry| {
        entry.reference == reference && matches!(entry.system, System::Djblets | System::Matrix)
    });
    let Some(entry) = entry else {
        return NotFoundError {
            msg: format!("No catalog error {reference}"),
            errcode: "M_NOT_FOUND".to_owned(),
        }
        .into_response();
    };
    let fields = match serde_json::from_slice(&fields) {
        Ok(serde_json::Value::Object(fields)) => fields,
        _ => serde_json::Map::new(),
    };
    let error = match (entry.build)(fields, Default::default()) {
        Ok(error) => error,
        Err(problem) => {
            return (http::StatusCode::BAD_REQUEST, problem.to_string()).into_response();
        }
    };
    let (mut request, ()) = http::Request::new(()).into_parts();
    request.uri = uri;
    request.headers = headers;
    let format = errwire::axum::prefers_problem(&request.headers).then_some(WireFormat::Problem);
    let options = RenderOptions {
        format,
        request: Some(&request),
        ..RenderOptions::default()
    };
    match error.render_dyn(&options) {
        Ok(response) => response.map(Body::from),
        Err(problem) => {
            (http::StatusCode::INTERNAL_SERVER_ERROR, problem.to_string()).into_response()
        }
    }
}

#[allow(dead_code)]
fn main() -> std::io::Result<()> {
    let address = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:8008".to_owned());
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(&address).await?;
        println!("listening on http://{}", listener.local_addr()?);
        serve(listener, RateLimiter::default()).await
    })
}
