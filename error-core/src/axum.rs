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
//! native format, and header hooks (Djblets' `WWW-Authenticate`) see the request. A Djblets
//! error is answered in XML or as JSONP when the request asks as Djblets reads it
//! (`?api_format=xml`, an `Accept` preferring `application/xml`, `?callback=`; see
//! [`negotiation::djblets`](crate::negotiation::djblets)), which wins over problem details.
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
use http::header::{CONTENT_TYPE, HeaderValue};
use http::{HeaderMap, StatusCode};

use crate::api_error::ApiError;
use crate::descriptor::HeaderHook;
use crate::negotiation::DjbletsForm;
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
    let request = REQUEST.try_with(Clone::clone).ok();
    let instance = request.as_ref().and_then(|r| r.instance.as_deref());
    let error = &Occurrence::of(error).instance(instance);
    let native = match error.render(&native_options(error.format(), request.as_ref())) {
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

/// What an error rendered while [`negotiate_with`] runs the handler needs of the request.
#[derive(Clone, Debug)]
struct RequestView {
    /// The problem `instance` for errors without one.
    instance: Option<String>,
    /// Djblets' XML or JSON, and JSONP callback.
    djblets: DjbletsForm,
}

tokio::task_local! {
    static REQUEST: RequestView;
}

/// How the native body is written for `request`: a Djblets error in the XML or JSONP form
/// the request asks for (a callback that is no JavaScript identifier path is not used: the
/// error is answered without it).
fn native_options(format: WireFormat, request: Option<&RequestView>) -> RenderOptions<'_> {
    match request {
        Some(request) if format == WireFormat::Djblets => RenderOptions {
            encoding: request.djblets.encoding,
            callback: request
                .djblets
                .callback
                .as_deref()
                .filter(|callback| crate::render::is_callback(callback)),
            ..RenderOptions::default()
        },
        _ => RenderOptions::default(),
    }
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
    let view = RequestView {
        instance: negotiation
            .instance_from_path
            .then(|| head.uri.path().to_owned()),
        djblets: crate::negotiation::djblets(head.uri.query(), &head.headers),
    };
    // A Djblets error asked for in XML or JSONP is answered so, whatever else `Accept` says.
    let djblets_form = view.djblets != DjbletsForm::default();
    let handled = next.run(Request::from_parts(parts, body));
    let mut response = REQUEST.scope(view, handled).await;
    let Some(negotiable) = response.extensions_mut().remove::<Negotiable>() else {
        return response;
    };
    if negotiable.native != WireFormat::Problem
        && !(negotiable.native == WireFormat::Djblets && djblets_form)
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

pub use crate::negotiation::prefers_problem;
