//! The `reqwest` feature: a `reqwest::Response` read as a received error, within the limits,
//! from a server on loopback.
#![cfg(all(feature = "reqwest", feature = "axum"))]

use std::time::SystemTime;

use errwire::{Limits, RetryAfter, WireFormat};

fn date(text: &str) -> SystemTime {
    match RetryAfter::parse(text) {
        Some(RetryAfter::At(at)) => at,
        other => panic!("{text}: {other:?}"),
    }
}

/// Runs `test` against `app` served on an ephemeral loopback port.
fn on_loopback(app: axum::Router, test: impl AsyncFnOnce(std::net::SocketAddr)) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap_or_else(|e| panic!("runtime: {e}"));
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .unwrap_or_else(|e| panic!("bind: {e}"));
        let address = listener.local_addr().unwrap_or_else(|e| panic!("{e}"));
        let server = tokio::spawn(async move { axum::serve(listener, app).await });
        test(address).await;
        server.abort();
    });
}

/// A `reqwest::Response`, read within the limits: the body is taken chunk by chunk, a body
/// announced or found larger than the limit is refused with what was read, never held whole.
#[test]
fn a_reqwest_response_is_read_within_the_limits() {
    use axum::routing::get;
    let big = "x".repeat(64 * 1024);
    let app = axum::Router::new()
        .route(
            "/limited",
            get(|| async {
                (
                    http::StatusCode::TOO_MANY_REQUESTS,
                    [
                        ("retry-after", "Fri, 31 Dec 1999 23:59:30 GMT"),
                        ("content-type", "application/json"),
                    ],
                    r#"{"errcode":"M_LIMIT_EXCEEDED","error":"Too Many Requests"}"#,
                )
            }),
        )
        .route(
            "/announced",
            get(move || async move { (http::StatusCode::BAD_GATEWAY, big) }),
        )
        .route(
            "/streamed",
            get(|| async {
                let chunk = || Ok::<_, std::io::Error>(axum::body::Bytes::from(vec![b'y'; 1024]));
                let stream = futures_util::stream::iter((0..64).map(move |_| chunk()));
                (
                    http::StatusCode::BAD_GATEWAY,
                    axum::body::Body::from_stream(stream),
                )
            }),
        );
    on_loopback(app, async |server| {
        let client = reqwest::Client::new();
        let url = |path: &str| format!("http://{server}{path}");
        let limited = client
            .get(url("/limited"))
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let read = errwire::reqwest::receive(limited, Some(WireFormat::Matrix), &Limits::DEFAULT)
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(read.error.errcode.as_deref(), Some("M_LIMIT_EXCEEDED"));
        assert_eq!(
            read.retry_after(),
            Some(RetryAfter::At(date("Fri, 31 Dec 1999 23:59:30 GMT")))
        );
        let small = Limits {
            max_body_bytes: 4096,
            ..Limits::DEFAULT
        };
        // Streamed, what was read is kept: past the limit by at most what arrived at once.
        for (path, most) in [("/announced", 0), ("/streamed", 64 * 1024 - 1)] {
            let response = client
                .get(url(path))
                .send()
                .await
                .unwrap_or_else(|e| panic!("{e}"));
            match errwire::reqwest::receive(response, None, &small).await {
                Err(errwire::reqwest::ReqwestError::Refused {
                    error: errwire::ReceiveError::TooLarge { limit, .. },
                    partial,
                }) => {
                    assert_eq!(limit, 4096);
                    assert_eq!(partial.status, 502, "{path}");
                    assert!(partial.body.len() <= most, "{path}: {}", partial.body.len());
                    assert!(partial.body.iter().all(|b| *b == b'x' || *b == b'y'));
                    if path == "/streamed" {
                        assert!(partial.body.len() > 4096, "{path}: the bytes read are kept");
                    }
                }
                other => panic!("{path}: {other:?}"),
            }
        }
    });
}
