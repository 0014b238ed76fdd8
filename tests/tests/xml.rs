//! Djblets' XML and JSONP forms beyond the conformance cases: what a client reads back, what
//! the reader refuses, and what the axum middleware answers for each way a request asks.

#[path = "../../examples/client.rs"]
#[allow(dead_code)]
mod client;

use axum::Router;
use axum::routing::get;
use errwire::{
    ApiError, Classified, Classify, Encoding, Limits, ReceiveError, ReceivedError, RenderOptions,
};
use errwire_catalog::djblets::WebApiError;

fn xml_of(error: &WebApiError) -> Vec<u8> {
    error
        .render(&RenderOptions {
            encoding: Encoding::Xml,
            ..RenderOptions::default()
        })
        .unwrap_or_else(|e| panic!("{e}"))
        .into_body()
}

fn read_xml(status: u16, body: &[u8]) -> ReceivedError {
    let headers = vec![("Content-Type".to_owned(), "application/xml".to_owned())];
    ReceivedError::read(None, status, headers, body, &Limits::DEFAULT)
        .unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn an_xml_body_reads_back_as_the_same_typed_error() {
    let error = WebApiError::DOES_NOT_EXIST.with_overrides(errwire::Overrides {
        detail: Some("no <review> & \"none\"".into()),
        trace_id: Some("t-1".into()),
        ..errwire::Overrides::default()
    });
    let body = error
        .render(&RenderOptions {
            encoding: Encoding::Xml,
            ..RenderOptions::default()
        })
        .unwrap_or_else(|e| panic!("{e}"))
        .into_body();
    let received = read_xml(404, &body);
    assert_eq!(received.fallback, None);
    assert_eq!(received.error.code, Some(100));
    assert_eq!(
        received.error.detail.as_deref(),
        Some("no <review> & \"none\"")
    );
    assert_eq!(received.error.trace_id.as_deref(), Some("t-1"));
    match WebApiError::classify(received.error) {
        Classified::Known { error, .. } => assert_eq!(error, WebApiError::DOES_NOT_EXIST),
        other => panic!("{other:?}"),
    }
    // Field errors come back as the lists they were.
    let form = read_xml(
        400,
        br#"<?xml version="1.0" encoding="utf-8"?>
<rsp>
 <stat>fail</stat>
 <err>
  <code>105</code>
  <msg>One or more fields had errors</msg>
 </err>
 <fields>
  <name>
   <array>
    <item>This field is required.</item>
   </array>
  </name>
 </fields>
 <nothing>
 </nothing>
</rsp>"#,
    );
    assert_eq!(
        form.error.extra["fields"],
        serde_json::json!({"name": ["This field is required."]})
    );
    assert_eq!(form.error.extra["nothing"], serde_json::Value::Null);
}

#[test]
fn hostile_xml_gets_the_fallback_and_is_kept() {
    let cases: [(&[u8], &str); 5] = [
        (
            br#"<?xml version="1.0"?><!DOCTYPE rsp [<!ENTITY x "boom">]><rsp><err><msg>&x;</msg></err></rsp>"#,
            "document type",
        ),
        (br#"<rsp><err><msg>&x;</msg></err></rsp>"#, "entity"),
        (br#"<rsp><err><msg>cut"#, ""),
        (b"<rsp><err><msg>caf\xe9</msg></err></rsp>", ""),
        (br#"<rsp><stat>fail</stat></err></rsp>"#, ""),
    ];
    for (body, reason) in cases {
        let received = read_xml(400, body);
        let fallback = received.fallback.clone();
        assert!(fallback.is_some(), "{}", String::from_utf8_lossy(body));
        if !reason.is_empty() {
            assert!(
                matches!(&fallback, Some(ReceiveError::NotXml { reason: r }) if r.contains(reason)),
                "{fallback:?}"
            );
        }
        assert_eq!(received.raw_body.as_deref(), Some(body));
        assert_eq!(received.error.message.as_deref(), Some("Bad Request"));
    }
    let deep = format!("<rsp>{}x{}</rsp>", "<a>".repeat(100), "</a>".repeat(100));
    let headers = vec![(
        "content-type".to_owned(),
        "text/xml; charset=utf-8".to_owned(),
    )];
    let refused = ReceivedError::read(None, 400, headers, deep.as_bytes(), &Limits::DEFAULT);
    assert!(
        matches!(refused, Err(ReceiveError::TooDeep { .. })),
        "{refused:?}"
    );
}

#[test]
fn a_jsonp_callback_wraps_the_body_and_only_an_identifier_path_is_taken() {
    let options = |callback| RenderOptions {
        callback: Some(callback),
        ..RenderOptions::default()
    };
    let wrapped = WebApiError::DOES_NOT_EXIST
        .render(&options("jQuery.cb_1"))
        .unwrap_or_else(|e| panic!("{e}"));
    let text = String::from_utf8_lossy(wrapped.body()).into_owned();
    assert!(
        text.starts_with("jQuery.cb_1({") && text.ends_with("});"),
        "{text}"
    );
    for hostile in ["alert(1)//", "", "a b", "</script>", "1abc", "a..b"] {
        assert!(
            matches!(
                WebApiError::DOES_NOT_EXIST.render(&options(hostile)),
                Err(errwire::RenderError::InvalidCallback(_))
            ),
            "{hostile:?}"
        );
    }
}

async fn missing() -> Result<&'static str, WebApiError> {
    Err(WebApiError::DOES_NOT_EXIST)
}

#[test]
fn the_middleware_answers_xml_and_jsonp_as_djblets_reads_the_request() {
    let app = Router::new()
        .route("/api/review", get(missing))
        .layer(axum::middleware::from_fn(errwire::axum::negotiate));
    errwire_tests::on_loopback(
        |listener| async move { axum::serve(listener, app).await },
        async |address| {
            let call = async |path: &str, accept: Option<&str>| {
                let headers: Vec<(&str, &str)> =
                    accept.map(|a| ("accept", a)).into_iter().collect();
                let received = client::send(address, http::Method::GET, path, &headers, Vec::new())
                    .await
                    .unwrap_or_else(|e| panic!("{e}"));
                let content_type = received
                    .headers
                    .iter()
                    .find(|(n, _)| n == "content-type")
                    .map(|(_, v)| v.clone())
                    .unwrap_or_default();
                (
                    received.status,
                    content_type,
                    String::from_utf8_lossy(&received.body).into_owned(),
                )
            };
            let expected_xml =
                String::from_utf8_lossy(&xml_of(&WebApiError::DOES_NOT_EXIST)).into_owned();
            let (status, content_type, body) = call("/api/review?api_format=xml", None).await;
            assert_eq!((status, content_type.as_str()), (404, "application/xml"));
            assert_eq!(body, expected_xml);
            let (_, content_type, _) = call("/api/review", Some("application/xml")).await;
            assert_eq!(content_type, "application/xml");
            // `api_format=json` wins over Accept, and over a preference for problem details.
            let (_, content_type, _) =
                call("/api/review?api_format=json", Some("application/xml")).await;
            assert_eq!(content_type, "application/json");
            let (_, content_type, _) = call(
                "/api/review?api_format=xml",
                Some("application/problem+json"),
            )
            .await;
            assert_eq!(content_type, "application/xml");
            // Without a Djblets choice, a preference for problem details still counts.
            let (_, content_type, _) = call("/api/review", Some("application/problem+json")).await;
            assert_eq!(content_type, "application/problem+json");
            let (_, content_type, body) = call("/api/review?callback=cb", None).await;
            assert_eq!(content_type, "application/json");
            assert!(body.starts_with("cb({") && body.ends_with("});"), "{body}");
            // A callback that is no identifier path is not used: plain JSON.
            let (status, _, body) = call("/api/review?callback=alert(1)//", None).await;
            assert_eq!(status, 404);
            assert!(body.starts_with('{'), "{body}");
        },
    );
}
