//! Real HTTP on the loopback interface: the `axum_server` example serves, the `client` example
//! and raw requests call it. Every Djblets and Matrix catalog error is answered over HTTP and
//! checked against the catalog's own rendering, natively and as problem details.

#[path = "../../examples/axum_server.rs"]
#[allow(dead_code)]
mod axum_server;
#[path = "../../examples/client.rs"]
#[allow(dead_code)]
mod client;

use std::net::SocketAddr;
use std::time::Duration;

use axum::Router;
use axum::routing::get;
use errwire::{Classified, RenderOptions, WireFormat};
use errwire_catalog::synapse::Codes;
use errwire_catalog::{System, entries};
use serde_json::{Map, Value};

/// Runs `test` against the example server on an ephemeral loopback port.
fn with_server(limiter: axum_server::RateLimiter, test: impl AsyncFnOnce(SocketAddr)) {
    errwire_tests::on_loopback(|listener| axum_server::serve(listener, limiter), test);
}

fn header_map(received: &client::Received) -> Map<String, Value> {
    received
        .headers
        .iter()
        .filter(|(name, _)| name != "date" && name != "content-length")
        .map(|(name, value)| (name.clone(), Value::String(value.clone())))
        .collect()
}

#[test]
fn every_djblets_and_matrix_error_over_http_native_and_problem() {
    let fixtures = errwire_tests::catalog::fixtures();
    with_server(axum_server::RateLimiter::default(), async |server| {
        let mut checked = 0;
        for entry in entries()
            .iter()
            .filter(|e| matches!(e.system, System::Djblets | System::Matrix))
        {
            let fields = errwire_tests::catalog::buildable_fields(entry.reference, &fixtures)
                .unwrap_or_else(|| panic!("no buildable fields for {}", entry.reference));
            let local = (entry.build)(fields.clone(), Default::default())
                .unwrap_or_else(|e| panic!("{}: {e}", entry.reference));
            for accept in [None, Some("application/problem+json")] {
                let mut headers = vec![("content-type", "application/json")];
                headers.extend(accept.map(|accept| ("accept", accept)));
                let path = format!("/errors/{}", entry.reference);
                let body = serde_json::to_vec(&fields).unwrap_or_default();
                let received = client::send(server, http::Method::POST, &path, &headers, body)
                    .await
                    .unwrap_or_else(|e| panic!("{}: {e}", entry.reference));
                let (mut request, ()) = http::Request::new(()).into_parts();
                for (name, value) in &headers {
                    if let (Ok(name), Ok(value)) = (
                        http::HeaderName::from_bytes(name.as_bytes()),
                        http::HeaderValue::from_str(value),
                    ) {
                        request.headers.insert(name, value);
                    }
                }
                let format = accept.map(|_| WireFormat::Problem);
                let expected = local
                    .render_dyn(&RenderOptions {
                        format,
                        request: Some(&request),
                        ..RenderOptions::default()
                    })
                    .unwrap_or_else(|e| panic!("{}: {e}", entry.reference));
                let what = format!("{} ({})", entry.reference, accept.unwrap_or("native"));
                assert_eq!(
                    received.status,
                    expected.status().as_u16(),
                    "{what}: status"
                );
                let expected_headers: Map<String, Value> = expected
                    .headers()
                    .iter()
                    .map(|(n, v)| {
                        (
                            n.to_string(),
                            Value::String(String::from_utf8_lossy(v.as_bytes()).into()),
                        )
                    })
                    .collect();
                assert_eq!(header_map(&received), expected_headers, "{what}: headers");
                let content_type = if accept.is_some() {
                    "application/problem+json"
                } else {
                    local.format().content_type()
                };
                assert_eq!(
                    expected_headers.get("content-type"),
                    Some(&Value::from(content_type)),
                    "{what}"
                );
                let body: Value = serde_json::from_slice(&received.body).unwrap_or_default();
                let expected_body: Value =
                    serde_json::from_slice(expected.body()).unwrap_or_default();
                assert_eq!(body, expected_body, "{what}: body");
                checked += 1;
            }
        }
        let declared = entries()
            .iter()
            .filter(|e| matches!(e.system, System::Djblets | System::Matrix))
            .count();
        assert_eq!(checked, 2 * declared);
        assert!(declared >= 18 + 76);
    });
}

#[test]
fn typed_routes_answer_with_catalog_errors_and_the_client_reads_them_back() {
    with_server(axum_server::RateLimiter::default(), async |server| {
        let found = client::get_room(server, "!lobby:example.org", Some("token"), 0).await;
        assert_eq!(
            found.ok().as_deref(),
            Some("{\"room_id\":\"!lobby:example.org\"}")
        );
        match client::get_room(server, "!nowhere:example.org", Some("token"), 0).await {
            Err(client::CallError::Api(Classified::Known { error, wire })) => {
                assert_eq!(error, Codes::NotFound);
                assert_eq!(
                    wire.message.as_deref(),
                    Some("Unknown room !nowhere:example.org")
                );
                assert_eq!(wire.status, Some(404));
            }
            other => panic!("{other:?}"),
        }
        match client::get_room(server, "!lobby:example.org", None, 0).await {
            Err(client::CallError::Api(Classified::Known { error, .. })) => {
                assert_eq!(error, Codes::MissingToken)
            }
            other => panic!("{other:?}"),
        }
        // The same error as problem details, negotiated by the middleware.
        let problem = client::send(
            server,
            http::Method::GET,
            "/_matrix/client/v3/rooms/x",
            &[
                ("authorization", "Bearer t"),
                ("accept", "application/json;q=0.5, application/problem+json"),
            ],
            Vec::new(),
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(problem.status, 404);
        let body: Value = serde_json::from_slice(&problem.body).unwrap_or_default();
        assert_eq!(body["type"], "about:blank");
        assert_eq!(body["errcode"], "M_NOT_FOUND");
        assert_eq!(body["detail"], "Unknown room x");
    });
}

#[test]
fn rate_limiting_answers_m_limit_exceeded_with_retry_after_and_the_client_waits() {
    let limiter = axum_server::RateLimiter::new(2, Duration::from_millis(400));
    with_server(limiter, async |server| {
        for _ in 0..2 {
            assert!(
                client::get_room(server, "!lobby:example.org", Some("t"), 0)
                    .await
                    .is_ok()
            );
        }
        let limited = client::send(
            server,
            http::Method::GET,
            "/_matrix/client/v3/rooms/!lobby:example.org",
            &[("authorization", "Bearer t")],
            Vec::new(),
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(limited.status, 429);
        let retry_after = limited
            .headers
            .iter()
            .find(|(n, _)| n == "retry-after")
            .map(|(_, v)| v.clone());
        assert_eq!(
            retry_after.as_deref(),
            Some("1"),
            "whole seconds, rounded up"
        );
        let body: Value = serde_json::from_slice(&limited.body).unwrap_or_default();
        assert_eq!(body["errcode"], "M_LIMIT_EXCEEDED");
        assert!(
            body["retry_after_ms"].as_u64().is_some_and(|ms| ms <= 400),
            "{body}"
        );
        let announced = errwire::RetryAfter::from_pairs(&limited.headers);
        assert_eq!(
            announced,
            Some(errwire::RetryAfter::Delay(std::time::Duration::from_secs(
                1
            )))
        );
        match client::classify(limited) {
            client::CallError::Api(Classified::Known { error, wire }) => {
                assert_eq!(error, Codes::LimitExceeded);
                // The header wins over the body, as the Matrix spec says.
                assert_eq!(
                    client::retry_after(announced, &wire),
                    Some(std::time::Duration::from_secs(1))
                );
                assert!(client::retry_after(None, &wire).is_some());
            }
            other => panic!("{other:?}"),
        }
        // The client waits as told and gets through.
        let room = client::get_room(server, "!lobby:example.org", Some("t"), 2).await;
        assert!(room.is_ok(), "{room:?}");
    });
}

/// An error whose challenge names the host the request was sent to.
#[derive(Debug, errwire::ApiError)]
#[api_error(format = "djblets", code = 103, http = 401, message = "You are not logged in", headers = challenge)]
struct NotLoggedIn;

fn challenge(request: Option<&http::request::Parts>, headers: &mut http::HeaderMap) {
    let host = request
        .and_then(|r| r.headers.get(http::header::HOST))
        .and_then(|h| h.to_str().ok())
        .unwrap_or("unknown");
    if let Ok(value) = http::HeaderValue::from_str(&format!("Basic realm=\"{host}\"")) {
        headers.insert(http::header::WWW_AUTHENTICATE, value);
    }
}

#[test]
fn request_dependent_headers_see_the_request_through_the_middleware() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap_or_else(|e| panic!("runtime: {e}"));
    runtime.block_on(async {
        async fn handler() -> Result<&'static str, NotLoggedIn> {
            Err(NotLoggedIn)
        }
        let app = Router::new()
            .route("/session", get(handler))
            .layer(axum::middleware::from_fn(errwire::axum::negotiate));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let address = listener.local_addr().unwrap_or_else(|e| panic!("{e}"));
        let server = tokio::spawn(async move { axum::serve(listener, app).await });
        let received = client::send(address, http::Method::GET, "/session", &[], Vec::new())
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(received.status, 401);
        let challenge = received
            .headers
            .iter()
            .find(|(n, _)| n == "www-authenticate")
            .map(|(_, v)| v.clone());
        assert_eq!(challenge, Some(format!("Basic realm=\"{address}\"")));
        let body: Value = serde_json::from_slice(&received.body).unwrap_or_default();
        assert_eq!(body["err"]["code"], 103);
        server.abort();
    });
}

#[test]
fn accept_negotiation_prefers_problem_only_when_the_client_does() {
    let prefers = |accept: &str| {
        let mut headers = http::HeaderMap::new();
        if let Ok(value) = http::HeaderValue::from_str(accept) {
            headers.insert(http::header::ACCEPT, value);
        }
        errwire::axum::prefers_problem(&headers)
    };
    assert!(prefers("application/problem+json"));
    assert!(prefers("application/problem+json, application/json"));
    assert!(prefers("application/json;q=0.5, application/problem+json"));
    assert!(!prefers("application/json, application/problem+json"));
    assert!(!prefers(
        "application/problem+json;q=0.2, application/json;q=0.9"
    ));
    assert!(!prefers("application/problem+json;q=0"));
    assert!(!prefers("*/*"));
    assert!(!prefers("text/html"));
    assert!(!prefers(""));
}

#[test]
fn a_derived_error_documents_its_responses_for_utoipa() {
    use utoipa::IntoResponses as _;
    let responses = errwire_catalog::djblets::WebApiError::responses();
    let statuses: Vec<&str> = responses.keys().map(String::as_str).collect();
    assert_eq!(
        statuses,
        ["400", "401", "403", "404", "409", "429", "500", "503"]
    );
    let json = serde_json::to_value(&responses).unwrap_or_default();
    let not_found = &json["404"];
    assert!(
        not_found["description"]
            .as_str()
            .is_some_and(|d| d.contains("WebApiError::DoesNotExist"))
    );
    let example =
        &not_found["content"]["application/json"]["examples"]["WebApiError::DoesNotExist"]["value"];
    assert_eq!(example["err"]["code"], 100);
    assert_eq!(example["err"]["msg"], "Object does not exist");
    let problem = &not_found["content"]["application/problem+json"]["examples"]["WebApiError::DoesNotExist"]
        ["value"];
    assert_eq!(problem["status"], 404);
    assert_eq!(problem["title"], "Not Found");
    assert_eq!(
        not_found["content"]["application/json"]["schema"]["required"],
        serde_json::json!(["stat", "err"])
    );
    // And for a Matrix catalog.
    let matrix = serde_json::to_value(Codes::responses()).unwrap_or_default();
    let limit =
        &matrix["429"]["content"]["application/json"]["examples"]["Codes::LimitExceeded"]["value"];
    assert_eq!(limit["errcode"], "M_LIMIT_EXCEEDED");
}
