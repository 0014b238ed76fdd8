//! The hostile inputs of RELIABILITY.md's table, one test each: what is received (bodies,
//! headers), what is rendered (values from user data), and what a request to the example
//! servers carries. Each gets a typed error or a documented result, never a panic, and what
//! is received is kept.

#[path = "../../examples/client.rs"]
#[allow(dead_code)]
mod client;
#[path = "../../examples/todo_api.rs"]
#[allow(dead_code)]
mod todo_api;

use errwire::{
    ApiError, Classified, Classify, Limits, Overrides, ReceiveError, ReceivedError, RenderError,
    WireError, WireFormat,
};
use errwire_catalog::synapse::Codes;
use serde_json::{Value, json};

fn read(format: Option<WireFormat>, status: u16, body: &[u8]) -> ReceivedError {
    ReceivedError::read(format, status, Vec::new(), body, &Limits::DEFAULT)
        .unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn a_body_over_the_limit_is_refused_before_parsing() {
    let limits = Limits {
        max_body_bytes: 1024,
        ..Limits::DEFAULT
    };
    let body = format!(r#"{{"errcode":"M_X","error":"{}"}}"#, "x".repeat(2000));
    let read = ReceivedError::read(None, 400, Vec::new(), body.as_bytes(), &limits);
    assert!(
        matches!(read, Err(ReceiveError::TooLarge { limit: 1024, .. })),
        "{read:?}"
    );
}

#[test]
fn nesting_past_the_limit_is_refused_before_parsing() {
    let body = format!(
        r#"{{"errcode":"M_X","error":"e","deep":{}{}}}"#,
        "[".repeat(200),
        "]".repeat(200)
    );
    let read = ReceivedError::read(None, 400, Vec::new(), body.as_bytes(), &Limits::DEFAULT);
    assert!(
        matches!(read, Err(ReceiveError::TooDeep { .. })),
        "{read:?}"
    );
}

#[test]
fn invalid_utf8_falls_back_to_the_status_and_keeps_the_bytes() {
    let body = b"{\"errcode\":\"M_X\",\"error\":\"caf\xe9\"}";
    let received = read(Some(WireFormat::Matrix), 502, body);
    assert_eq!(
        received.fallback,
        Some(ReceiveError::NotUtf8 { valid_up_to: 29 })
    );
    assert_eq!(received.error.message.as_deref(), Some("Bad Gateway"));
    assert_eq!(received.raw_body.as_deref(), Some(&body[..]));
}

#[test]
fn a_byte_order_mark_is_passed_over() {
    let body = "\u{FEFF}{\"errcode\":\"M_FORBIDDEN\",\"error\":\"No\"}";
    let received = read(None, 403, body.as_bytes());
    assert_eq!(received.fallback, None);
    assert_eq!(received.error.errcode.as_deref(), Some("M_FORBIDDEN"));
    assert!(matches!(
        Codes::classify(received.error),
        Classified::Known { .. }
    ));
}

#[test]
fn nan_and_infinities_are_no_json_and_a_non_finite_member_is_sent_as_null() {
    for number in ["NaN", "Infinity", "-Infinity"] {
        let body = format!(r#"{{"errcode":"M_X","error":"e","n":{number}}}"#);
        let received = read(Some(WireFormat::Matrix), 400, body.as_bytes());
        assert!(
            matches!(received.fallback, Some(ReceiveError::NotJson { .. })),
            "{number}: {:?}",
            received.fallback
        );
        assert_eq!(received.raw_body.as_deref(), Some(body.as_bytes()));
    }
    // A number too large for an f64 is JSON: it is read, and kept as its text.
    let huge = read(
        Some(WireFormat::Matrix),
        400,
        br#"{"errcode":"M_X","error":"e","n":1e999}"#,
    );
    assert_eq!(huge.error.extra.get("n"), Some(&json!("1e999")));
    // JSON has no NaN: serde_json writes a non-finite number as `null`, so the body stays JSON.
    #[derive(Debug, ApiError)]
    #[api_error(
        format = "matrix",
        http = 400,
        errcode = "M_RATIO",
        message = "Bad ratio"
    )]
    struct Ratio {
        #[api_error(extra)]
        ratio: f64,
    }
    let response = Ratio { ratio: f64::NAN }
        .to_response()
        .unwrap_or_else(|e| panic!("{e}"));
    let body: Value = serde_json::from_slice(response.body()).unwrap_or_default();
    assert_eq!(body["ratio"], Value::Null, "{body}");
}

#[test]
fn duplicate_keys_keep_the_last_as_a_json_object_does() {
    let body = br#"{"errcode":"M_FORBIDDEN","errcode":"M_NOT_FOUND","error":"a","error":"b"}"#;
    let received = read(None, 404, body);
    assert_eq!(received.error.errcode.as_deref(), Some("M_NOT_FOUND"));
    assert_eq!(received.error.message.as_deref(), Some("b"));
}

#[test]
fn a_huge_integer_is_kept_as_its_digits_not_rounded() {
    let body = br#"{"stat":"fail","err":{"code":123456789012345678901234567890,"msg":"m"}}"#;
    let received = read(Some(WireFormat::Djblets), 400, body);
    assert_eq!(received.error.code, None);
    // Kept as the text of its digits: no integer type holds it, and an f64 would round it.
    assert_eq!(
        received.error.err_extra.get("code"),
        Some(&json!("123456789012345678901234567890"))
    );
}

#[test]
fn a_member_of_the_wrong_type_is_kept_and_lifts_nothing() {
    let body = br#"{"errcode":7,"error":["not","text"]}"#;
    let received = read(Some(WireFormat::Matrix), 400, body);
    assert_eq!(received.error.errcode, None);
    assert_eq!(received.error.extra.get("errcode"), Some(&json!(7)));
    assert_eq!(
        received.error.extra.get("error"),
        Some(&json!(["not", "text"]))
    );
}

#[test]
fn header_values_with_cr_lf_or_nul_are_render_errors() {
    for value in ["a\r\nSet-Cookie: x", "a\nb", "a\rb", "a\0b"] {
        let refused = Overrides::default().header("x-note", value);
        assert!(
            matches!(&refused, Err(RenderError::InvalidHeaderValue { name, .. }) if name == "x-note"),
            "{value:?}: {refused:?}"
        );
    }
}

#[test]
fn an_invalid_header_name_is_a_render_error() {
    for name in ["", "two words", "x:y", "caf\u{e9}", "a\nb"] {
        let refused = Overrides::default().header(name, "v");
        assert!(
            matches!(&refused, Err(RenderError::InvalidHeaderName(n)) if n == name),
            "{name:?}: {refused:?}"
        );
    }
}

#[test]
fn unknown_codes_and_errcodes_are_kept_whole() {
    let received = read(
        None,
        418,
        br#"{"errcode":"M_TEAPOT","error":"Short and stout"}"#,
    );
    match Codes::classify(received.error) {
        Classified::Unknown(wire) => {
            assert_eq!(wire.errcode.as_deref(), Some("M_TEAPOT"));
            assert_eq!(wire.to_string(), "Short and stout");
        }
        other => panic!("{other:?}"),
    }
    let djblets = read(
        None,
        400,
        br#"{"stat":"fail","err":{"code":99999,"msg":"New"}}"#,
    );
    match errwire_catalog::djblets::WebApiError::classify(djblets.error) {
        Classified::Unknown(wire) => assert_eq!(wire.code, Some(99999)),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_truncated_body_says_where_it_stops_and_is_kept() {
    let body = br#"{"errcode":"M_FORBIDDEN","err"#;
    let received = read(Some(WireFormat::Matrix), 403, body);
    assert!(
        matches!(
            received.fallback,
            Some(ReceiveError::NotJson { line: 1, .. })
        ),
        "{:?}",
        received.fallback
    );
    assert_eq!(received.error.message.as_deref(), Some("Forbidden"));
    assert_eq!(received.raw_body.as_deref(), Some(&body[..]));
    // The relayed fallback is still an error that renders.
    assert!(received.error.to_response().is_ok());
}

#[test]
fn an_accept_header_of_10_kib_is_read_in_one_pass() {
    let mut accept = "text/html;q=0.9, ".repeat(700);
    accept.push_str("application/problem+json");
    assert!(accept.len() > 10 * 1024);
    let mut headers = http::HeaderMap::new();
    headers.insert(
        http::header::ACCEPT,
        http::HeaderValue::from_str(&accept).unwrap_or_else(|e| panic!("{e}")),
    );
    assert!(errwire::axum::prefers_problem(&headers));
    let store = todo_api::Store::new(1);
    errwire_tests::on_loopback(
        |listener| todo_api::serve(listener, store),
        async |address| {
            let headers = [("accept", accept.as_str())];
            let received =
                client::send(address, http::Method::GET, "/todos/7", &headers, Vec::new())
                    .await
                    .unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(received.status, 404);
            let body: Value = serde_json::from_slice(&received.body).unwrap_or_default();
            assert_eq!(body["code"], 1, "{body}");
        },
    );
}

#[test]
fn a_query_of_thousands_of_parameters_is_answered_in_the_api_format() {
    let store = todo_api::Store::new(1);
    errwire_tests::on_loopback(
        |listener| todo_api::serve(listener, store),
        async |address| {
            let unknown: Vec<String> = (0..3000).map(|n| format!("p{n}={n}")).collect();
            let ok = format!("/todos?limit=5&{}", unknown.join("&"));
            let received = client::send(address, http::Method::GET, &ok, &[], Vec::new())
                .await
                .unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(
                received.status,
                200,
                "{}",
                String::from_utf8_lossy(&received.body)
            );
            // The same parameter thousands of times is a rejection, in the API's format.
            let repeated: Vec<&str> = std::iter::repeat_n("limit=1", 3000).collect();
            let bad = format!("/todos?{}", repeated.join("&"));
            let received = client::send(address, http::Method::GET, &bad, &[], Vec::new())
                .await
                .unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(received.status, 400);
            let body: Value = serde_json::from_slice(&received.body).unwrap_or_default();
            assert_eq!(body["code"], 4, "{body}");
        },
    );
}

#[test]
fn a_relayed_body_that_is_no_object_relays_its_status() {
    for body in [&b"[1,2]"[..], b"\"text\"", b"", b"<html>oops</html>"] {
        let received = read(None, 503, body);
        assert!(received.fallback.is_some(), "{body:?}");
        let relayed: WireError = received.error;
        let response = relayed.to_response().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(response.status(), 503);
    }
}
