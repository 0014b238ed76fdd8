//! axum integration (feature `axum`): every derived error is an `IntoResponse`, so a handler
//! returns `Result<T, MyError>`; the [`negotiate`] middleware chooses the format from the
//! request's `Accept` and computes request-dependent headers.
//!
//! ```no_run
//! use axum::{Router, middleware, routing::get};
//! use errwire::ApiError;
//!
//! #[derive(Debug, ApiError)]
//! #[api_error(format = "matrix", http = 404, errcode = "M_NOT_FOUND", message = "Not found")]
//! struct NotFound;
//!
//! async fn room() -> Result<&'static str, NotFound> {
//!     Err(NotFound)
//! }
//!
//! let app: Router = Router::new()
//!     .route("/room", get(room))
//!     .layer(middleware::from_fn(errwire::axum::negotiate));
//! ```
//!
//! Without the middleware an error renders in its native format, with headers computed for
//! no request. With it, a request whose `Accept` prefers `application/problem+json` (a higher
//! `q` than `application/json`, or the same and listed first) gets RFC 9457, any other the
//! native format, and header hooks (Djblets' `WWW-Authenticate`) see the request.
//!
//! [`negotiate_with`] takes a [`Negotiation`]: with
//! [`instance_from_path`](Negotiation::instance_from_path), a problem details body names the
//! occurrence by the request's path (RFC 9457 §3.1.5's `instance`), unless the error has an
//! `instance` of its own.
//!
//! ```no_run
//! # use axum::{Router, middleware};
//! use errwire::axum::{Negotiation, negotiate_with};
//!
//! let app: Router = Router::new().layer(middleware::from_fn_with_state(
//!     Negotiation::new().instance_from_path(),
//!     negotiate_with,
//! ));
//! ```

mod rejection;

pub use rejection::{
    Form, Json, Path, Query, REJECTED, Rejected, Rejection, RejectionKind, Rejections,
    method_not_allowed, not_found,
};

use axum::body::Body as AxumBody;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use http::header::{ACCEPT, CONTENT_TYPE, HeaderValue};
use http::{HeaderMap, StatusCode};

use crate::api_error::ApiError;
use crate::descriptor::HeaderHook;
use crate::occurrence::Occurrence;
use crate::overrides::HeaderOverride;
use crate::render::RenderOptions;
use crate::wire::WireFormat;

/// What [`negotiate`] needs to answer the request again: the problem-details rendering and the
/// hooks that compute headers from the request. Kept in the response's extensions by
/// [`into_response`], so the error type itself need not be `Send` or `'static`.
#[derive(Clone)]
struct Negotiable {
    native: WireFormat,
    problem: Option<http::Response<Vec<u8>>>,
    hook: Option<RequestHeaders>,
}

#[derive(Clone)]
enum RequestHeaders {
    Catalog(HeaderHook),
    Computed(std::sync::Arc<crate::overrides::DynHeaderHook>),
}

/// The error as an axum response, in its native format; what the generated `IntoResponse`
/// impls call. An error that cannot be rendered (a header value with CR or LF) becomes a
/// plain-text 500 that says why, never a panic.
pub fn into_response<E: ApiError>(error: &E) -> Response {
    let instance = REQUEST_INSTANCE.try_with(Clone::clone).ok().flatten();
    let error = &Occurrence::of(error).instance(instance.as_deref());
    let native = match error.render(&RenderOptions::default()) {
        Ok(native) => native,
        Err(problem) => return unrenderable(&problem),
    };
    let problem = match error.format() {
        WireFormat::Problem => None,
        _ => error
            .render(&RenderOptions {
                format: Some(WireFormat::Problem),
                ..RenderOptions::default()
            })
            .ok(),
    };
    let hook = match error.overrides().and_then(|o| o.headers.as_ref()) {
        Some(HeaderOverride::Computed(hook)) => Some(RequestHeaders::Computed(hook.clone())),
        Some(HeaderOverride::Fixed(_)) => None,
        None => error.descriptor().headers.map(RequestHeaders::Catalog),
    };
    let mut response = native.map(AxumBody::from);
    response.extensions_mut().insert(Negotiable {
        native: error.format(),
        problem,
        hook,
    });
    response
}

fn unrenderable(problem: &crate::render::RenderError) -> Response {
    let mut response = Response::new(AxumBody::from(format!(
        "cannot render the error: {problem}"
    )));
    *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
    response.headers_mut().insert(
        CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    response
}

tokio::task_local! {
    /// The `instance` of errors rendered while [`negotiate_with`] runs the handler.
    static REQUEST_INSTANCE: Option<String>;
}

/// How [`negotiate_with`] answers errors beyond choosing their format.
#[derive(Clone, Debug, Default)]
#[non_exhaustive]
pub struct Negotiation {
    instance_from_path: bool,
}

impl Negotiation {
    /// Negotiation of the format and headers only, as [`negotiate`] does.
    pub fn new() -> Self {
        Negotiation::default()
    }

    /// A problem details body without an `instance` of its own gets the request's path as
    /// its `instance` (the query is left out: it may hold what a log should not).
    pub fn instance_from_path(mut self) -> Self {
        self.instance_from_path = true;
        self
    }
}

/// Middleware (`axum::middleware::from_fn(errwire::axum::negotiate)`) that answers an
/// error response in the format the request's `Accept` prefers and computes its
/// request-dependent headers with the request. Other responses pass through untouched.
pub async fn negotiate(request: Request, next: Next) -> Response {
    negotiate_with(State(Negotiation::default()), request, next).await
}

/// [`negotiate`], with the choices of a [`Negotiation`]
/// (`axum::middleware::from_fn_with_state(negotiation, errwire::axum::negotiate_with)`).
pub async fn negotiate_with(
    State(negotiation): State<Negotiation>,
    request: Request,
    next: Next,
) -> Response {
    let (parts, body) = request.into_parts();
    let head = parts.clone();
    let instance = negotiation
        .instance_from_path
        .then(|| head.uri.path().to_owned());
    let handled = next.run(Request::from_parts(parts, body));
    let mut response = REQUEST_INSTANCE.scope(instance, handled).await;
    let Some(negotiable) = response.extensions_mut().remove::<Negotiable>() else {
        return response;
    };
    if negotiable.native != WireFormat::Problem
        && prefers_problem(&head.headers)
        && let Some(problem) = negotiable.problem
    {
        let extensions = std::mem::take(response.extensions_mut());
        response = problem.map(AxumBody::from);
        *response.extensions_mut() = extensions;
    }
    if let Some(hook) = negotiable.hook {
        let mut computed = HeaderMap::new();
        match hook {
            RequestHeaders::Catalog(hook) => hook(Some(&head), &mut computed),
            RequestHeaders::Computed(hook) => hook(Some(&head), &mut computed),
        }
        response.headers_mut().extend(computed);
    }
    response
}

/// Whether `Accept` prefers `application/problem+json` to `application/json`: a higher `q`,
/// or the same `q` and listed first. Wildcards count for both, so they never tip the choice.
pub fn prefers_problem(headers: &HeaderMap) -> bool {
    let mut problem: Option<(f32, usize)> = None;
    let mut json: Option<(f32, usize)> = None;
    let ranges = headers
        .get_all(ACCEPT)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','));
    for (position, range) in ranges.enumerate() {
        let mut parts = range.split(';');
        let media = parts.next().unwrap_or_default().trim().to_ascii_lowercase();
        let q = parts
            .filter_map(|param| param.trim().strip_prefix("q="))
            .find_map(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        let slot = match media.as_str() {
            media if media == WireFormat::Problem.content_type() => &mut problem,
            // The content type of every other format.
            media if media == WireFormat::Matrix.content_type() => &mut json,
            _ => continue,
        };
        if slot.is_none_or(|(best, _)| q > best) {
            *slot = Some((q, position));
        }
    }
    match (problem, json) {
        (Some((q, _)), None) => q > 0.0,
        (Some((q_problem, at_problem)), Some((q_json, at_json))) => {
            q_problem > q_json || (q_problem == q_json && q_problem > 0.0 && at_problem < at_json)
        }
        (None, _) => false,
    }
}
