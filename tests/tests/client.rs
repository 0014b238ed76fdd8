//! The client side: what a received error keeps (the server's message, every member), the
//! `Retry-After` hint in both of RFC 9110's forms, the inputs clients have (`http::Response`,
//! `HeaderMap`; a `reqwest::Response` in errwire's `tests/reqwest.rs`), and members an
//! instance carries on every render path.

use std::time::{Duration, SystemTime};

use errwire::{
    ApiError, Classify, Limits, Overrides, ReceivedError, RenderError, RenderOptions, RetryAfter,
    WireFormat,
};
use errwire_catalog::classify::{Response, classify_client, classify_client_at};
use errwire_catalog::registry::System;
use errwire_catalog::synapse::Codes;
use serde_json::{Value, json};

fn matrix(status: u16, headers: &[(&str, &str)], body: Value) -> Response {
    Response {
        status,
        headers: headers
            .iter()
            .map(|(name, value)| ((*name).to_owned(), (*value).to_owned()))
            .collect(),
        body: body.to_string().into_bytes(),
        ..Response::default()
    }
}

fn body_of(response: &http::Response<Vec<u8>>) -> Value {
    serde_json::from_slice(response.body()).unwrap_or_else(|e| panic!("{e}"))
}

fn date(text: &str) -> SystemTime {
    match RetryAfter::parse(text) {
        Some(RetryAfter::At(at)) => at,
        other => panic!("{text}: {other:?}"),
    }
}

/// The four errcodes whose catalog message is fixed text: the server's own words come back
/// as the error's `Display`, the catalog's template stays the descriptor's, and a member no
/// class declares is kept and sent again when the error is relayed.
#[test]
fn a_fixed_text_error_keeps_the_servers_message_and_every_member() {
    let cases = [
        (
            400,
            "M_INCOMPATIBLE_ROOM_VERSION",
            "Your homeserver does not support the features required to join this room (v9)",
            json!({"room_version": "9"}),
            "synapse::IncompatibleRoomVersionError",
        ),
        (
            403,
            "M_WRONG_ROOM_KEYS_VERSION",
            "Wrong room_keys version. Current version is 42",
            json!({"current_version": "42"}),
            "synapse::RoomKeysVersionError",
        ),
        (
            429,
            "M_LIMIT_EXCEEDED",
            "Too many logins, slow down",
            json!({"retry_after_ms": 2000}),
            "synapse::LimitExceededError",
        ),
        (
            401,
            "M_USER_LOCKED",
            "Your account is locked until an admin unlocks it",
            json!({"soft_logout": true}),
            "synapse::UserLockedError",
        ),
    ];
    for (status, errcode, message, members, class) in cases {
        let mut body = json!({"errcode": errcode, "error": message, "org.example.extra": [1, 2]});
        for (name, value) in members.as_object().into_iter().flatten() {
            body[name] = value.clone();
        }
        let classified = classify_client(
            System::Matrix,
            &matrix(status, &[], body.clone()),
            &Limits::DEFAULT,
        )
        .unwrap_or_else(|e| panic!("{errcode}: {e}"));
        assert_eq!(classified.entry.map(|e| e.name), Some(class), "{errcode}");
        let error = &*classified.error;
        assert_eq!(error.to_string(), message, "{errcode}");
        assert_ne!(error.descriptor().message, message, "{errcode}");
        assert_eq!(error.errcode(), Some(errcode));
        assert_eq!(error.status().as_u16(), status);
        // Relayed: the same body, the undeclared member included.
        let relayed = error
            .render_dyn(&RenderOptions::default())
            .unwrap_or_else(|e| panic!("{errcode}: {e}"));
        assert_eq!(body_of(&relayed), body, "{errcode}");
    }
}

/// The core's own path, without the catalog's rules: `Classified::into_received`.
#[test]
fn into_received_keeps_the_message_and_the_members_the_type_does_not_write() {
    let body = json!({
        "errcode": "M_WRONG_ROOM_KEYS_VERSION",
        "error": "Wrong room_keys version. Current version is 42",
        "current_version": "42",
    });
    let read = ReceivedError::read(
        Some(WireFormat::Matrix),
        403,
        Vec::new(),
        body.to_string().as_bytes(),
        &Limits::DEFAULT,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let received = Codes::classify(read.error)
        .into_received()
        .unwrap_or_else(|wire| panic!("unknown: {wire:?}"));
    assert_eq!(*received.error(), Codes::WrongRoomKeysVersion);
    assert_eq!(
        received.to_string(),
        "Wrong room_keys version. Current version is 42"
    );
    let sent = received.to_response().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(body_of(&sent), body);
    // An unknown errcode is the body, kept whole.
    let unknown = ReceivedError::read(
        Some(WireFormat::Matrix),
        400,
        Vec::new(),
        br#"{"errcode":"X_NEW","error":"new"}"#,
        &Limits::DEFAULT,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let kept = Codes::classify(unknown.error.clone()).into_received();
    assert_eq!(kept.err(), Some(unknown.error));
}

/// RFC 9110 §10.2.3: `Retry-After` is delay-seconds or an HTTP-date. Either fills the
/// typed `retry_after_ms` when the body has none; when both are there the field keeps the
/// body's value and the wait is the header's, as the Matrix spec prefers.
#[test]
fn retry_after_in_either_form_fills_the_retry_field_when_the_body_has_none() {
    let now = date("Fri, 31 Dec 1999 23:59:00 GMT");
    let limited = json!({"errcode": "M_LIMIT_EXCEEDED", "error": "Too Many Requests"});
    // The headers, the body, the typed field (ms) and the wait (ms) expected.
    type Case<'a> = (&'a [(&'a str, &'a str)], Value, Option<u64>, Option<u64>);
    let cases: [Case; 7] = [
        (
            &[("Retry-After", "7")],
            limited.clone(),
            Some(7000),
            Some(7000),
        ),
        (
            &[("retry-after", "Fri, 31 Dec 1999 23:59:30 GMT")],
            limited.clone(),
            Some(30_000),
            Some(30_000),
        ),
        // A date already past: retry now.
        (
            &[("Retry-After", "Fri, 31 Dec 1999 23:00:00 GMT")],
            limited.clone(),
            Some(0),
            Some(0),
        ),
        // Both: the field is the body's, the wait the header's.
        (
            &[("Retry-After", "9")],
            json!({"errcode": "M_LIMIT_EXCEEDED", "error": "x", "retry_after_ms": 1500}),
            Some(1500),
            Some(9000),
        ),
        // Unparsable, or two that disagree: no hint from the header.
        (&[("Retry-After", "soon")], limited.clone(), None, None),
        (
            &[("Retry-After", "5"), ("Retry-After", "6")],
            limited.clone(),
            None,
            None,
        ),
        (
            &[("Retry-After", "nope")],
            json!({"errcode": "M_LIMIT_EXCEEDED", "error": "x", "retry_after_ms": 250}),
            Some(250),
            Some(250),
        ),
    ];
    for (headers, body, field, wait) in cases {
        let response = matrix(429, headers, body);
        let classified = classify_client_at(System::Matrix, &response, &Limits::DEFAULT, now)
            .unwrap_or_else(|e| panic!("{headers:?}: {e}"));
        assert_eq!(
            classified.entry.map(|e| e.name),
            Some("synapse::LimitExceededError")
        );
        let sent = classified
            .error
            .body_json(None)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(sent["retry_after_ms"].as_u64(), field, "{headers:?}");
        assert_eq!(
            classified.retry_after,
            wait.map(Duration::from_millis),
            "{headers:?}"
        );
        // The fields are the body as received: a hint from the header is not one of them.
        let in_body = response.body.windows(14).any(|w| w == b"retry_after_ms");
        assert_eq!(classified.fields.contains_key("retry_after_ms"), in_body);
    }
    // Rendering writes delay-seconds, the form Synapse sends, rounded up.
    let error = errwire_catalog::synapse::LimitExceededError {
        limiter_name: "login".into(),
        code: 429,
        retry_after_ms: Some(1001),
        errcode: "M_LIMIT_EXCEEDED".into(),
        pause: None,
    };
    let sent = error.to_response().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(sent.headers()["retry-after"], "2");
}

/// The errcode's most specific class, by the documented rules; the proxy rules stay
/// Synapse's.
#[test]
fn a_matrix_client_gets_the_most_specific_class_and_a_proxy_synapses_relay() {
    let cases = [
        (
            403,
            json!({"errcode": "M_FORBIDDEN", "error": "You are not invited"}),
            "synapse::AuthError",
        ),
        (
            403,
            json!({"errcode": "M_FORBIDDEN", "error": "Federation denied with evil.example."}),
            "synapse::FederationDeniedError",
        ),
        (
            401,
            json!({"errcode": "M_UNKNOWN", "error": "bad proxy"}),
            "synapse::InvalidProxyCredentialsError",
        ),
        (
            500,
            json!({"errcode": "M_UNKNOWN", "error": "Internal error"}),
            "synapse::SynapseError",
        ),
        (
            404,
            json!({"errcode": "M_NOT_FOUND", "error": "No room"}),
            "synapse::NotFoundError",
        ),
        (
            400,
            json!({"errcode": "M_USER_IN_USE", "error": "Taken"}),
            "synapse::Codes::UserInUse",
        ),
        // A fixed-status class cannot hold another status: the base class keeps it.
        (
            500,
            json!({"errcode": "M_WRONG_ROOM_KEYS_VERSION", "error": "x", "current_version": "1"}),
            "synapse::SynapseError",
        ),
        (
            418,
            json!({"errcode": "ORG_EXAMPLE_NEW", "error": "new", "n": 1}),
            "synapse::SynapseError",
        ),
    ];
    for (status, body, class) in cases {
        let response = matrix(status, &[], body.clone());
        let client = classify_client(System::Matrix, &response, &Limits::DEFAULT)
            .unwrap_or_else(|e| panic!("{body}: {e}"));
        assert_eq!(client.entry.map(|e| e.name), Some(class), "{body}");
        assert_eq!(client.error.status().as_u16(), status, "{body}");
        assert_eq!(
            Some(client.error.to_string()),
            body["error"].as_str().map(str::to_owned)
        );
        let relayed = client
            .error
            .body_json(None)
            .unwrap_or_else(|e| panic!("{e}"));
        for (name, value) in body.as_object().into_iter().flatten() {
            assert_eq!(&relayed[name], value, "{body}: {name}");
        }
        let proxy =
            errwire_catalog::classify::classify(System::Matrix, &response, false, &Limits::DEFAULT)
                .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            proxy.entry.map(|e| e.name),
            Some("synapse::ProxiedRequestError"),
            "{body}"
        );
    }
    // An unknown errcode keeps its trace id too.
    let traced = json!({"errcode": "ORG_EXAMPLE_NEW", "error": "new", "errwire.trace_id": "t-1"});
    let client = classify_client(
        System::Matrix,
        &matrix(500, &[], traced.clone()),
        &Limits::DEFAULT,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(client.error.trace_id(), Some("t-1"));
    assert_eq!(client.error.body_json(None).unwrap_or_default(), traced);
    // What is no Matrix error is kept whole, bytes and all.
    let html = Response {
        status: 502,
        body: b"<html>Bad gateway</html>".to_vec(),
        ..Response::default()
    };
    let kept =
        classify_client(System::Matrix, &html, &Limits::DEFAULT).unwrap_or_else(|e| panic!("{e}"));
    assert!(kept.entry.is_none());
    assert_eq!(kept.error.status().as_u16(), 502);
}

/// `http::Response` with a body of any bytes type, and `HeaderMap`s, as clients hold them;
/// a header value that is not UTF-8 is kept byte for byte (as ISO-8859-1).
#[test]
fn http_responses_and_header_maps_are_read_as_they_are() {
    let body = br#"{"errcode":"M_NOT_FOUND","error":"No room"}"#;
    let mut response = http::Response::new(bytes_body(body));
    *response.status_mut() = http::StatusCode::NOT_FOUND;
    let headers = response.headers_mut();
    headers.insert(
        "content-type",
        http::HeaderValue::from_static("application/json"),
    );
    headers.append("x-note", http::HeaderValue::from_static("a"));
    headers.append("x-note", http::HeaderValue::from_static("b"));
    let latin = http::HeaderValue::from_bytes(b"caf\xe9").unwrap_or_else(|e| panic!("{e}"));
    headers.insert("x-latin", latin);
    let read = ReceivedError::from_response(Some(WireFormat::Matrix), &response, &Limits::DEFAULT)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(read.status, 404);
    assert_eq!(read.error.errcode.as_deref(), Some("M_NOT_FOUND"));
    let notes: Vec<_> = read
        .headers
        .iter()
        .filter(|(n, _)| n == "x-note")
        .map(|(_, v)| v.as_str())
        .collect();
    assert_eq!(notes, ["a", "b"]);
    let latin = read.header("x-latin").unwrap_or_default();
    assert_eq!(latin, "caf\u{e9}");
    let back: Vec<u8> = latin
        .chars()
        .map(|c| u8::try_from(u32::from(c)).unwrap_or(0))
        .collect();
    assert_eq!(back, b"caf\xe9");
    let client = Response::from_http(&response);
    let classified = classify_client(System::Matrix, &client, &Limits::DEFAULT)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        classified.entry.map(|e| e.name),
        Some("synapse::NotFoundError")
    );
    let string_body = http::Response::new(String::from_utf8_lossy(body).into_owned());
    let from_string =
        ReceivedError::from_response(Some(WireFormat::Matrix), &string_body, &Limits::DEFAULT)
            .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(from_string.error.message.as_deref(), Some("No room"));
}

fn bytes_body(body: &[u8]) -> hyper::body::Bytes {
    hyper::body::Bytes::copy_from_slice(body)
}

/// A bare errcode constant sends the members the spec requires with it, on every render
/// path: `to_response`, `render`, axum's `IntoResponse`; a render's own `extra` replaces
/// one of the same name; in problem details a member named like a standard one is refused.
#[test]
fn an_instance_carries_its_extra_members_on_every_render_path() {
    let error = Codes::IncompatibleRoomVersion.with_overrides(
        Overrides::default()
            .member("room_version", "9")
            .unwrap_or_else(|e| panic!("{e}")),
    );
    let expected = json!({
        "errcode": "M_INCOMPATIBLE_ROOM_VERSION",
        "error": Codes::IncompatibleRoomVersion.to_string(),
        "room_version": "9",
    });
    let sent = error.to_response().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(body_of(&sent), expected);
    let rendered = error
        .render(&RenderOptions::default())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(body_of(&rendered), expected);
    let axum_response = axum::response::IntoResponse::into_response(error.clone());
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    let bytes = runtime
        .block_on(http_body_util::BodyExt::collect(axum_response.into_body()))
        .unwrap_or_else(|e| panic!("{e}"))
        .to_bytes();
    assert_eq!(
        serde_json::from_slice::<Value>(&bytes).unwrap_or_default(),
        expected
    );
    // The render's extra wins over the instance's.
    let mut extra = serde_json::Map::new();
    extra.insert("room_version".into(), json!("10"));
    let options = RenderOptions {
        extra: Some(&extra),
        ..RenderOptions::default()
    };
    let replaced = error.render(&options).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(body_of(&replaced)["room_version"], "10");
    // Overrides add up: a newer member joins, one of the same name replaces.
    let more = error.clone().with_overrides(
        Overrides::default()
            .member("info_uri", "https://example.org")
            .unwrap_or_else(|e| panic!("{e}")),
    );
    let both = body_of(&more.to_response().unwrap_or_else(|e| panic!("{e}")));
    assert_eq!(
        (both["room_version"].as_str(), both["info_uri"].as_str()),
        (Some("9"), Some("https://example.org"))
    );
    // Problem details: a member never replaces a standard one.
    let problem = RenderOptions {
        format: Some(WireFormat::Problem),
        ..RenderOptions::default()
    };
    let as_problem = body_of(&error.render(&problem).unwrap_or_else(|e| panic!("{e}")));
    assert_eq!(as_problem["room_version"], "9");
    let clash = Codes::IncompatibleRoomVersion.with_overrides(
        Overrides::default()
            .member("status", 200)
            .unwrap_or_else(|e| panic!("{e}")),
    );
    assert!(
        matches!(clash.render(&problem), Err(RenderError::ReservedMember { name }) if name == "status")
    );
    // Matrix: a member replaces the one of its name, as Synapse's additional fields do.
    let native = clash.to_response().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(body_of(&native)["status"], 200);
}
