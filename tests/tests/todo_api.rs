//! The `todo_api` example over loopback: every declared error answered as declared, and the
//! served OpenAPI document valid (against the OpenAPI Initiative's JSON Schema of OpenAPI 3.1,
//! `tests/data/openapi-3.1.schema.json`, with the `boon` validator) with every error under its
//! status.

#[path = "../../examples/client.rs"]
#[allow(dead_code)]
mod client;
#[path = "../../examples/todo_api.rs"]
#[allow(dead_code)]
mod todo_api;

use std::net::SocketAddr;

use errwire::{ApiError, Catalog};
use serde_json::Value;

fn with_api(capacity: usize, test: impl AsyncFnOnce(SocketAddr)) {
    let store = todo_api::Store::new(capacity);
    errwire_tests::on_loopback(|listener| todo_api::serve(listener, store), test);
}

async fn call(
    address: SocketAddr,
    method: http::Method,
    path: &str,
    body: &str,
) -> (u16, String, Value) {
    let headers = [("content-type", "application/json")];
    let received = client::send(address, method, path, &headers, body.as_bytes().to_vec())
        .await
        .unwrap_or_else(|e| panic!("{path}: {e}"));
    let content_type = received
        .headers
        .iter()
        .find(|(name, _)| name == "content-type")
        .map(|(_, value)| value.clone())
        .unwrap_or_default();
    (
        received.status,
        content_type,
        serde_json::from_slice(&received.body).unwrap_or(Value::Null),
    )
}

/// The problem body `error` declares: status, title, code.
fn assert_declared(
    error: &todo_api::TodoError,
    (status, content_type, body): &(u16, String, Value),
) {
    let descriptor = error.descriptor();
    assert_eq!(
        *status,
        descriptor.status.as_u16(),
        "{}: {body}",
        descriptor.name
    );
    assert_eq!(
        content_type, "application/problem+json",
        "{}",
        descriptor.name
    );
    assert_eq!(
        body["status"],
        descriptor.status.as_u16(),
        "{}: {body}",
        descriptor.name
    );
    assert_eq!(
        body["title"].as_str(),
        descriptor.title,
        "{}: {body}",
        descriptor.name
    );
    assert_eq!(
        body["code"],
        descriptor.code.unwrap_or_default(),
        "{}: {body}",
        descriptor.name
    );
}

#[test]
fn every_declared_error_is_answered_as_declared() {
    use todo_api::TodoError as E;
    with_api(2, async |address| {
        let post = http::Method::POST;
        let created = call(address, post.clone(), "/todos", r#"{"title":"milk"}"#).await;
        assert_eq!(created.0, 201, "{created:?}");
        assert_eq!(created.2["title"], "milk");

        let not_found = call(address, http::Method::GET, "/todos/99", "").await;
        assert_declared(&E::NotFound { id: 99 }, &not_found);
        assert_eq!(not_found.2["id"], 99);
        assert_eq!(not_found.2["detail"], "No todo has id 99");
        // The occurrence is named by the request's path (`Negotiation::instance_from_path`).
        assert_eq!(not_found.2["instance"], "/todos/99");

        let duplicate = call(address, post.clone(), "/todos", r#"{"title":"milk"}"#).await;
        assert_declared(
            &E::Duplicate {
                title: String::new(),
            },
            &duplicate,
        );
        assert_eq!(duplicate.2["todo_title"], "milk");

        let empty = call(address, post.clone(), "/todos", r#"{"title":" "}"#).await;
        assert_declared(&E::EMPTY_TITLE, &empty);

        let malformed = call(address, post.clone(), "/todos", "{not json").await;
        assert_declared(
            &E::Malformed {
                detail: String::new(),
            },
            &malformed,
        );
        assert!(
            malformed.2["error_detail"]
                .as_str()
                .is_some_and(|d| d.contains("JSON")),
            "{malformed:?}"
        );
        let bad_query = call(address, http::Method::GET, "/todos?limit=all", "").await;
        assert_declared(
            &E::Malformed {
                detail: String::new(),
            },
            &bad_query,
        );
        // The query is left out of the `instance`, and a rejection gets one too.
        assert_eq!(bad_query.2["instance"], "/todos", "{bad_query:?}");
        let bad_path = call(address, http::Method::GET, "/todos/first", "").await;
        assert_declared(
            &E::Malformed {
                detail: String::new(),
            },
            &bad_path,
        );

        let large = format!(r#"{{"title":"{}"}}"#, "x".repeat(2000));
        let too_large = call(address, post.clone(), "/todos", &large).await;
        assert_declared(&E::TOO_LARGE, &too_large);

        let unknown = call(address, http::Method::GET, "/nowhere", "").await;
        assert_declared(
            &E::UnknownRoute {
                detail: String::new(),
            },
            &unknown,
        );
        assert_eq!(unknown.2["instance"], "/nowhere", "{unknown:?}");
        let wrong = call(address, http::Method::PUT, "/todos", "").await;
        assert_declared(
            &E::WrongMethod {
                detail: String::new(),
            },
            &wrong,
        );

        // The second todo fills the store; the third is the store's error, a 503 whose body
        // shows the declared message, never the cause.
        let second = call(address, post.clone(), "/todos", r#"{"title":"eggs"}"#).await;
        assert_eq!(second.0, 201, "{second:?}");
        let full = call(address, post.clone(), "/todos", r#"{"title":"tea"}"#).await;
        let store_error = E::from(todo_api::StoreError::default_for_tests());
        assert_declared(&store_error, &full);
        assert_eq!(full.2["detail"], "The store is unavailable");
        // (With a subscriber recording errors, the body also carries the incident id that
        // names the log line: tests/tracing.rs.)
        assert!(!full.2.to_string().contains("/var/lib"), "{full:?}");

        let listed = call(address, http::Method::GET, "/todos?limit=5", "").await;
        assert_eq!(listed.2.as_array().map(Vec::len), Some(2), "{listed:?}");
        let removed = call(address, http::Method::DELETE, "/todos/1", "").await;
        assert_eq!(removed.0, 204);
    });
}

#[test]
fn the_served_document_is_valid_openapi_and_documents_every_error_under_its_status() {
    with_api(10, async |address| {
        let received = client::send(address, http::Method::GET, "/openapi.json", &[], Vec::new())
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(received.status, 200);
        let text = String::from_utf8_lossy(&received.body).into_owned();
        let document: Value = serde_json::from_str(&text).unwrap_or_default();
        assert_valid_openapi(&document, &text);
        let paths = document["paths"].as_object().map(|paths| paths.len());
        assert_eq!(paths, Some(2), "{text}");
        for descriptor in <todo_api::TodoError as Catalog>::ERRORS {
            let status = descriptor.status.as_u16().to_string();
            for (path, method) in [
                ("/todos", "post"),
                ("/todos", "get"),
                ("/todos/{id}", "get"),
                ("/todos/{id}", "delete"),
            ] {
                let response = &document["paths"][path][method]["responses"][&status];
                let description = response["description"].as_str().unwrap_or_default();
                assert!(
                    description.contains(descriptor.name),
                    "{method} {path}: {} not under {status}: {response}",
                    descriptor.name
                );
                assert!(
                    response["content"]["application/problem+json"]["examples"][descriptor.name]
                        .is_object(),
                    "{method} {path}: no example of {}",
                    descriptor.name
                );
            }
        }
    });
}

/// Validates `document` against the OpenAPI 3.1 schema.
fn assert_valid_openapi(document: &Value, text: &str) {
    const SCHEMA: &str = include_str!("../data/openapi-3.1.schema.json");
    let url = "https://spec.openapis.org/oas/3.1/schema/2021-04-15";
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    let schema: Value = serde_json::from_str(SCHEMA).unwrap_or(Value::Null);
    if let Err(error) = compiler.add_resource(url, schema) {
        panic!("the OpenAPI schema is refused: {error}");
    }
    let index = match compiler.compile(url, &mut schemas) {
        Ok(index) => index,
        Err(error) => panic!("the OpenAPI schema does not compile: {error}"),
    };
    if let Err(error) = schemas.validate(document, index) {
        panic!("not a valid OpenAPI 3.1 document: {error:#}\n{text}");
    }
    assert!(
        document["openapi"]
            .as_str()
            .is_some_and(|v| v.starts_with("3.1.")),
        "{text}"
    );
}
