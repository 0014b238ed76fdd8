//! axum's own rejections in the API's format. The extractors here ([`Json`], [`Query`],
//! [`Path`], [`Form`]) are axum's, with their rejections (a body that is not JSON, a bad
//! query string or path parameter, a body over the limit) answered as an error of the user's
//! catalog; [`not_found`] and [`method_not_allowed`] answer unmatched routes and wrong
//! methods the same way. Each answer goes through [`into_response`](super::into_response),
//! so [`negotiate`](super::negotiate) picks its format as for any other error.
//!
//! Which error each rejection becomes is one [`Rejections`], installed as a layer; without
//! one, a rejection is a [`Rejected`] in problem details, its status axum's and its detail
//! axum's text.

use std::fmt;
use std::sync::Arc;

use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::response::{IntoResponse, Response};
use http::StatusCode;
use http::request::Parts;
use serde::de::DeserializeOwned;

use crate::__private::Generated;
use crate::api_error::ApiError;
use crate::descriptor::ErrorDescriptor;
use crate::instance::Instance;
use crate::wire::WireFormat;

/// What was wrong with a request that no handler saw.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RejectionKind {
    /// The body is not the JSON the handler takes (or has no JSON content type).
    Json,
    /// The query string does not fit the handler's parameters.
    Query,
    /// A path parameter does not fit the handler's type.
    Path,
    /// The form body does not fit the handler's type.
    Form,
    /// The body is over the limit (`axum::extract::DefaultBodyLimit`).
    BodyTooLarge,
    /// No route matches the path.
    NotFound,
    /// A route matches the path, not the method.
    MethodNotAllowed,
}

impl RejectionKind {
    /// The Matrix errcode of this kind, as the Matrix specification names them.
    pub fn errcode(self) -> &'static str {
        match self {
            RejectionKind::Json => "M_BAD_JSON",
            RejectionKind::Query | RejectionKind::Path | RejectionKind::Form => "M_INVALID_PARAM",
            RejectionKind::BodyTooLarge => "M_TOO_LARGE",
            RejectionKind::NotFound | RejectionKind::MethodNotAllowed => "M_UNRECOGNIZED",
        }
    }
}

/// A rejection, as the function of [`Rejections::with`] sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejection {
    /// What was wrong.
    pub kind: RejectionKind,
    /// The status axum gives it (`400`, `413`, `415`, `422`, `404`, `405`).
    pub status: StatusCode,
    /// axum's words for it (`Failed to parse the request body as JSON: …`): about the
    /// client's own request, so safe to send back as the detail.
    pub detail: String,
}

/// Which error of the user's catalog each rejection becomes: installed with
/// [`layer`](Rejections::layer) (an `axum::Extension`), read by the extractors and
/// fallbacks of this module.
///
/// ```no_run
/// use axum::{Router, routing::post};
/// use errwire::ApiError;
/// use errwire::axum::{Json, Rejection, RejectionKind, Rejections};
///
/// #[derive(Debug, ApiError)]
/// #[api_error(format = "djblets")]
/// enum TodoError {
///     #[api_error(code = 105, http = 400, message = "One or more fields had errors")]
///     InvalidForm { #[api_error(detail)] detail: String },
///     #[api_error(code = 100, http = 404, message = "Object does not exist")]
///     DoesNotExist,
/// }
///
/// fn rejected(rejection: &Rejection) -> TodoError {
///     match rejection.kind {
///         RejectionKind::NotFound => TodoError::DOES_NOT_EXIST,
///         _ => TodoError::InvalidForm { detail: rejection.detail.clone() },
///     }
/// }
///
/// async fn create(Json(title): Json<String>) -> String { title }
///
/// let app: Router = Router::new()
///     .route("/todos", post(create))
///     .fallback(errwire::axum::not_found)
///     .method_not_allowed_fallback(errwire::axum::method_not_allowed)
///     .layer(Rejections::with(rejected).layer())
///     .layer(axum::middleware::from_fn(errwire::axum::negotiate));
/// ```
#[derive(Clone)]
pub struct Rejections {
    answer: Arc<dyn Fn(&Rejection) -> Response + Send + Sync>,
}

impl Rejections {
    /// Every rejection as the error `error` makes of it.
    pub fn with<E: ApiError>(error: impl Fn(&Rejection) -> E + Send + Sync + 'static) -> Self {
        Rejections {
            answer: Arc::new(move |rejection| super::into_response(&error(rejection))),
        }
    }

    /// Every rejection as a [`Rejected`] rendered natively in `format`.
    pub fn in_format(format: WireFormat) -> Self {
        Rejections::with(move |rejection| Rejected::new(rejection.clone(), format))
    }

    /// The layer that installs these answers: `router.layer(rejections.layer())`.
    pub fn layer(self) -> axum::Extension<Self> {
        axum::Extension(self)
    }

    /// The response to `rejection`.
    pub fn answer(&self, rejection: &Rejection) -> Response {
        (self.answer)(rejection)
    }
}

/// A [`Rejected`] in problem details.
impl Default for Rejections {
    fn default() -> Self {
        Rejections::in_format(WireFormat::Problem)
    }
}

impl fmt::Debug for Rejections {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Rejections")
    }
}

/// The answer to a rejection, by the installed [`Rejections`] or the default.
fn answer(
    extensions: &http::Extensions,
    kind: RejectionKind,
    status: StatusCode,
    detail: String,
) -> Response {
    // A body over the limit is its own kind, whichever extractor read it.
    let kind = if status == StatusCode::PAYLOAD_TOO_LARGE {
        RejectionKind::BodyTooLarge
    } else {
        kind
    };
    let rejection = Rejection {
        kind,
        status,
        detail,
    };
    match extensions.get::<Rejections>() {
        Some(rejections) => rejections.answer(&rejection),
        None => Rejections::default().answer(&rejection),
    }
}

/// The error a rejection is when the user chose none: axum's status, the status phrase as
/// its title, axum's text as its message, the kind's Matrix errcode.
#[derive(Clone, Debug)]
pub struct Rejected {
    rejection: Rejection,
    format: WireFormat,
}

impl Rejected {
    /// `rejection` as an error rendered natively in `format`.
    pub fn new(rejection: Rejection, format: WireFormat) -> Self {
        Rejected { rejection, format }
    }

    /// The rejection.
    pub fn rejection(&self) -> &Rejection {
        &self.rejection
    }
}

/// The description of every [`Rejected`]: its status and message are the instance's.
pub static REJECTED: ErrorDescriptor = ErrorDescriptor {
    name: "Rejected",
    module: module_path!(),
    code: None,
    status: StatusCode::BAD_REQUEST,
    errcode: None,
    error_type: None,
    error_subtype: None,
    message: "{detail}",
    title: None,
    doc: "A request axum rejected before any handler saw it.",
    doc_url: None,
    deprecated: None,
    format: WireFormat::Problem,
    fields: &[],
    parent: None,
    headers: None,
};

impl ApiError for Rejected {
    fn descriptor(&self) -> &'static ErrorDescriptor {
        &REJECTED
    }

    fn format(&self) -> WireFormat {
        self.format
    }
}

impl Generated for Rejected {
    fn message_text(&self) -> Option<&str> {
        Some(&self.rejection.detail)
    }

    fn instance(&self) -> Instance<'_> {
        Instance {
            status: Some(self.rejection.status),
            errcode: Some(self.rejection.kind.errcode()),
            ..Instance::NONE
        }
    }

    fn has_flatten(&self) -> bool {
        false
    }
}

impl fmt::Display for Rejected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.rejection.detail)
    }
}

impl std::error::Error for Rejected {}

impl IntoResponse for Rejected {
    fn into_response(self) -> Response {
        super::into_response(&self)
    }
}

macro_rules! extractor {
    ($(#[$doc:meta])* $name:ident, $kind:ident, body) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, Default)]
        pub struct $name<T>(pub T);

        impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for $name<T> {
            type Rejection = Response;

            async fn from_request(request: Request, state: &S) -> Result<Self, Response> {
                let extensions = request.extensions().clone();
                match axum::$name::<T>::from_request(request, state).await {
                    Ok(axum::$name(value)) => Ok($name(value)),
                    Err(rejection) => Err(answer(
                        &extensions,
                        RejectionKind::$kind,
                        rejection.status(),
                        rejection.body_text(),
                    )),
                }
            }
        }
    };
    ($(#[$doc:meta])* $name:ident, $kind:ident, parts, $($path:ident)::+) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, Default)]
        pub struct $name<T>(pub T);

        impl<T: DeserializeOwned + Send, S: Send + Sync> FromRequestParts<S> for $name<T> {
            type Rejection = Response;

            async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Response> {
                match $($path)::+::<T>::from_request_parts(parts, state).await {
                    Ok($($path)::+(value)) => Ok($name(value)),
                    Err(rejection) => Err(answer(
                        &parts.extensions,
                        RejectionKind::$kind,
                        rejection.status(),
                        rejection.body_text(),
                    )),
                }
            }
        }
    };
}

extractor!(
    /// `axum::Json`, its rejections answered as [`Rejections`] says. As a response, the
    /// value is sent as axum's `Json` sends it.
    Json, Json, body
);
extractor!(
    /// `axum::Form`, its rejections answered as [`Rejections`] says.
    Form, Form, body
);
extractor!(
    /// `axum::extract::Query`, its rejections answered as [`Rejections`] says.
    Query, Query, parts, axum::extract::Query
);
extractor!(
    /// `axum::extract::Path`, its rejections answered as [`Rejections`] says.
    Path, Path, parts, axum::extract::Path
);

impl<T: serde::Serialize> IntoResponse for Json<T> {
    fn into_response(self) -> Response {
        axum::Json(self.0).into_response()
    }
}

/// The fallback for unmatched routes (`Router::fallback(errwire::axum::not_found)`): a
/// [`RejectionKind::NotFound`] answered as [`Rejections`] says.
pub async fn not_found(request: Request) -> Response {
    let detail = format!("No route for {}", request.uri().path());
    answer(
        request.extensions(),
        RejectionKind::NotFound,
        StatusCode::NOT_FOUND,
        detail,
    )
}

/// The fallback for wrong methods
/// (`Router::method_not_allowed_fallback(errwire::axum::method_not_allowed)`): a
/// [`RejectionKind::MethodNotAllowed`] answered as [`Rejections`] says. axum adds the
/// `Allow` header.
pub async fn method_not_allowed(request: Request) -> Response {
    let detail = format!(
        "{} is not allowed for {}",
        request.method(),
        request.uri().path()
    );
    answer(
        request.extensions(),
        RejectionKind::MethodNotAllowed,
        StatusCode::METHOD_NOT_ALLOWED,
        detail,
    )
}
