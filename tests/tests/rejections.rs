//! axum's own rejections answered in the API's format, over loopback with a real HTTP client
//! (the `client` example's hyper client): one case per rejection kind, with the default
//! answer and with errors of the user's catalog chosen by `Rejections`.

#[path = "../../examples/client.rs"]
#[allow(dead_code)]
mod client;

use std::net::SocketAddr;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use errwire::ApiError;
use errwire::axum::{Form, Json, Path, Query, Rejection, RejectionKind, Rejections};
use serde_json::Value;

#[derive(Debug, serde::Deserialize)]
struct NewTodo {
    title: String,
}

#[derive(Debug, serde::Deserialize)]
struct Page {
    #[allow(dead_code)]
    limit: u32,
}

/// The user's catalog, in Djblets' format: what each rejection becomes.
#[derive(Debug, ApiError)]
#[api_error(format = "djblets")]
enum TodoError {
    #[api_error(
        code = 105,
        http = 400,
        error_type = "request-field-error",
        message = "One or more fields had errors"
    )]
    InvalidForm {
        #[api_error(detail)]
        detail: String,
    },
    #[api_error(
        code = 100,
        http = 404,
        error_type = "resource-does-not-exist",
        message = "Object does not exist"
    )]
    DoesNotExist,
    #[api_error(code = 101, http = 405, message = "Method not allowed")]
    MethodNotAllowed,
    #[api_error(code = 106, http = 413, message = "The request is too large")]
    TooLarge,
}

fn catalog_error(rejection: &Rejection) -> TodoError {
    match rejection.kind {
        RejectionKind::NotFound => TodoError::DOES_NOT_EXIST,
        RejectionKind::MethodNotAllowed => TodoError::METHOD_NOT_ALLOWED,
        RejectionKind::BodyTooLarge => TodoError::TOO_LARGE,
        _ => TodoError::InvalidForm {
            detail: rejection.detail.clone(),
        },
    }
}

async fn create(Json(todo): Json<NewTodo>) -> String {
    todo.title
}

async fn create_from_form(Form(todo): Form<NewTodo>) -> String {
    todo.title
}

async fn list(Query(_page): Query<Page>) -> &'static str {
    "[]"
}

async fn show(Path(id): Path<u64>) -> String {
    id.to_string()
}

fn app(rejections: Option<Rejections>) -> Router {
    let router = Router::new()
        .route("/todos", post(create).get(list))
        .route("/form", post(create_from_form))
        .route("/todos/{id}", get(show))
        .fallback(errwire::axum::not_found)
        .method_not_allowed_fallback(errwire::axum::method_not_allowed)
        .layer(DefaultBodyLimit::max(64));
    let router = match rejections {
        Some(rejections) => router.layer(rejections.layer()),
        None => router,
    };
    router.layer(axum::middleware::from_fn(errwire::axum::negotiate))
}

struct Case {
    kind: RejectionKind,
    method: http::Method,
    path: &'static str,
    content_type: &'static str,
    body: Vec<u8>,
    status: u16,
}

fn cases() -> Vec<Case> {
    let case = |kind, method, path, content_type, body: &[u8], status| Case {
        kind,
        method,
        path,
        content_type,
        body: body.to_vec(),
        status,
    };
    vec![
        case(
            RejectionKind::Json,
            http::Method::POST,
            "/todos",
            "application/json",
            b"{not json",
            400,
        ),
        case(
            RejectionKind::Query,
            http::Method::GET,
            "/todos?limit=many",
            "",
            b"",
            400,
        ),
        case(
            RejectionKind::Path,
            http::Method::GET,
            "/todos/seven",
            "",
            b"",
            400,
        ),
        case(
            RejectionKind::Form,
            http::Method::POST,
            "/form",
            "application/x-www-form-urlencoded",
            b"name=x",
            422,
        ),
        case(
            RejectionKind::BodyTooLarge,
            http::Method::POST,
            "/todos",
            "application/json",
            &[b' '; 200],
            413,
        ),
        case(
            RejectionKind::NotFound,
            http::Method::GET,
            "/nowhere",
            "",
            b"",
            404,
        ),
        case(
            RejectionKind::MethodNotAllowed,
            http::Method::DELETE,
            "/todos",
            "",
            b"",
            405,
        ),
    ]
}

fn with_app(app: Router, test: impl AsyncFnOnce(SocketAddr)) {
    errwire_tests::on_loopback(
        |listener| async move { axum::serve(listener, app).await },
        test,
    );
}

async fn call(address: SocketAddr, case: &Case, accept: &str) -> (u16, String, Value) {
    let mut headers = vec![("accept", accept)];
    if !case.content_type.is_empty() {
        headers.push(("content-type", case.content_type));
    }
    let received = client::send(
        address,
        case.method.clone(),
        case.path,
        &headers,
        case.body.clone(),
    )
    .await
    .unwrap_or_else(|e| panic!("{:?}: {e}", case.kind));
    let content_type = received
        .headers
        .iter()
        .find(|(name, _)| name == "content-type")
        .map(|(_, value)| value.clone())
        .unwrap_or_default();
    let body = serde_json::from_slice(&received.body).unwrap_or(Value::Null);
    (received.status, content_type, body)
}

#[test]
fn every_rejection_kind_is_problem_details_by_default() {
    with_app(app(None), async |address| {
        for case in cases() {
            let (status, content_type, body) = call(address, &case, "*/*").await;
            assert_eq!(status, case.status, "{:?}: {body}", case.kind);
            assert_eq!(content_type, "application/problem+json", "{:?}", case.kind);
            assert_eq!(body["status"], case.status, "{:?}: {body}", case.kind);
            assert_eq!(
                body["errcode"],
                case.kind.errcode(),
                "{:?}: {body}",
                case.kind
            );
            let detail = body["detail"].as_str().unwrap_or_default();
            assert!(!detail.is_empty(), "{:?}: {body}", case.kind);
        }
    });
}

#[test]
fn the_axum_text_is_the_detail() {
    with_app(app(None), async |address| {
        let cases = cases();
        let (_, _, body) = call(address, &cases[0], "*/*").await;
        let detail = body["detail"].as_str().unwrap_or_default();
        assert!(detail.contains("JSON"), "{body}");
        let (_, _, body) = call(address, &cases[5], "*/*").await;
        assert_eq!(body["detail"], "No route for /nowhere");
        let (_, _, body) = call(address, &cases[6], "*/*").await;
        assert_eq!(body["detail"], "DELETE is not allowed for /todos");
    });
}

#[test]
fn every_rejection_kind_becomes_the_chosen_catalog_error_in_the_negotiated_format() {
    with_app(
        app(Some(Rejections::with(catalog_error))),
        async |address| {
            for case in cases() {
                let expected = catalog_error(&Rejection {
                    kind: case.kind,
                    status: http::StatusCode::BAD_REQUEST,
                    detail: String::new(),
                });
                let (status, content_type, body) = call(address, &case, "application/json").await;
                assert_eq!(
                    status,
                    expected.status().as_u16(),
                    "{:?}: {body}",
                    case.kind
                );
                assert_eq!(content_type, "application/json", "{:?}", case.kind);
                assert_eq!(body["stat"], "fail", "{:?}: {body}", case.kind);
                assert_eq!(
                    body["err"]["code"],
                    expected.code().unwrap_or(0),
                    "{:?}: {body}",
                    case.kind
                );
                // The same error, as problem details for a client that prefers them.
                let (status, content_type, body) =
                    call(address, &case, "application/problem+json").await;
                assert_eq!(
                    status,
                    expected.status().as_u16(),
                    "{:?}: {body}",
                    case.kind
                );
                assert_eq!(content_type, "application/problem+json", "{:?}", case.kind);
                assert_eq!(
                    body["code"],
                    expected.code().unwrap_or(0),
                    "{:?}: {body}",
                    case.kind
                );
            }
        },
    );
}

#[test]
fn a_good_request_passes_the_extractors() {
    with_app(
        app(Some(Rejections::with(catalog_error))),
        async |address| {
            let good = Case {
                kind: RejectionKind::Json,
                method: http::Method::POST,
                path: "/todos",
                content_type: "application/json",
                body: br#"{"title":"milk"}"#.to_vec(),
                status: 200,
            };
            let received = client::send(
                address,
                good.method.clone(),
                good.path,
                &[("content-type", good.content_type)],
                good.body.clone(),
            )
            .await
            .unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(
                (received.status, received.body.as_slice()),
                (200, b"milk".as_slice())
            );
        },
    );
}
