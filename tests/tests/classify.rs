//! Reading received responses and finding the typed catalog error they name.

use std::collections::BTreeMap;

// The generated lookups, tested directly.
use errwire::__private::GeneratedClassify as _;
use errwire::{
    ApiError, Classified, Classify, Limits, ReceiveError, ReceivedError, WireError, WireFormat,
};
use serde_json::json;

#[derive(Debug, PartialEq, ApiError)]
#[api_error(format = "djblets")]
pub enum WebApiError {
    #[api_error(code = 100, http = 404, message = "Object does not exist")]
    DoesNotExist,
    #[api_error(code = 105, http = 400, message = "One or more fields had errors")]
    InvalidFormData {
        #[api_error(extra)]
        fields: BTreeMap<String, Vec<String>>,
        #[api_error(trace_id)]
        trace_id: Option<String>,
    },
}

#[derive(Debug, PartialEq, ApiError)]
#[api_error(format = "matrix")]
pub enum MatrixError {
    #[api_error(
        http = 429,
        errcode = "M_LIMIT_EXCEEDED",
        message = "Too Many Requests"
    )]
    LimitExceeded {
        #[api_error(extra)]
        retry_after_ms: Option<u64>,
    },
    #[api_error(http = 403, errcode = "M_FORBIDDEN", message = "{msg}")]
    Forbidden {
        msg: String,
        #[api_error(flatten)]
        additional_fields: serde_json::Map<String, serde_json::Value>,
    },
    #[api_error(
        http = 400,
        errcode = "IO.ELEMENT.MSC4512.M_FEDPROXY_NO_PROXY_PREFIX",
        message = "no prefix"
    )]
    NoProxyPrefix,
}

fn read(format: WireFormat, status: u16, body: &[u8]) -> ReceivedError {
    ReceivedError::read(Some(format), status, Vec::new(), body, &Limits::default())
        .unwrap_or_else(|error| panic!("refused: {error}"))
}

#[test]
fn lookups_by_code_and_errcode() {
    assert_eq!(WebApiError::index_by_code(105), Some(1));
    assert_eq!(WebApiError::index_by_code(999), None);
    assert_eq!(
        WebApiError::descriptor_by_code(100).map(|d| d.name),
        Some("WebApiError::DoesNotExist")
    );
    assert_eq!(MatrixError::index_by_errcode("M_FORBIDDEN"), Some(1));
    assert_eq!(
        MatrixError::index_by_errcode("IO.ELEMENT.MSC4512.M_FEDPROXY_NO_PROXY_PREFIX"),
        Some(2)
    );
    assert_eq!(MatrixError::index_by_errcode("M_FORBIDDEN_"), None);
    assert_eq!(MatrixError::index_by_errcode(""), None);
    assert_eq!(WebApiError::index_by_errcode("M_FORBIDDEN"), None);
}

#[test]
fn a_djblets_body_becomes_the_catalog_error_with_its_fields() {
    let body = br#"{"stat":"fail","err":{"code":105,"msg":"Bad form","trace_id":"t-1","subtype":"s"},"fields":{"name":["required"]},"future":1}"#;
    let received = read(WireFormat::Djblets, 400, body);
    match WebApiError::classify(received.error) {
        Classified::Known { error, wire } => {
            assert_eq!(
                error,
                WebApiError::InvalidFormData {
                    fields: BTreeMap::from([("name".to_owned(), vec!["required".to_owned()])]),
                    trace_id: Some("t-1".to_owned()),
                }
            );
            // Nothing is lost: the members no field holds stay in the body.
            assert_eq!(wire.extra.get("future"), Some(&json!(1)));
            assert_eq!(wire.error_subtype.as_deref(), Some("s"));
            assert_eq!(wire.message.as_deref(), Some("Bad form"));
            assert_eq!(wire.status, Some(400));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_matrix_body_fills_extra_flatten_and_message_fields() {
    let received = read(
        WireFormat::Matrix,
        429,
        br#"{"errcode":"M_LIMIT_EXCEEDED","error":"slow","retry_after_ms":1500}"#,
    );
    assert_eq!(
        MatrixError::from_wire(&received.error),
        Some(MatrixError::LimitExceeded {
            retry_after_ms: Some(1500)
        })
    );
    let received = read(
        WireFormat::Matrix,
        403,
        br#"{"errcode":"M_FORBIDDEN","error":"No entry","consent_uri":"https://x","admin_contact":"mailto:a"}"#,
    );
    let forbidden = MatrixError::from_wire(&received.error);
    let Some(MatrixError::Forbidden {
        msg,
        additional_fields,
    }) = forbidden
    else {
        panic!("{forbidden:?}");
    };
    assert_eq!(msg, "No entry");
    assert_eq!(additional_fields.len(), 2);
    assert_eq!(additional_fields["consent_uri"], json!("https://x"));
}

#[test]
fn an_unknown_code_is_kept_whole_for_the_fallback() {
    let received = read(
        WireFormat::Matrix,
        400,
        br#"{"errcode":"M_NEW_IN_V2","error":"Something new","hint":[1,2]}"#,
    );
    match MatrixError::classify(received.error) {
        Classified::Unknown(wire) => {
            assert_eq!(wire.errcode.as_deref(), Some("M_NEW_IN_V2"));
            assert_eq!(wire.message.as_deref(), Some("Something new"));
            assert_eq!(wire.extra.get("hint"), Some(&json!([1, 2])));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_field_of_the_wrong_type_leaves_the_error_unknown_not_wrong() {
    let received = read(
        WireFormat::Matrix,
        429,
        br#"{"errcode":"M_LIMIT_EXCEEDED","error":"x","retry_after_ms":"soon"}"#,
    );
    assert!(matches!(
        MatrixError::classify(received.error),
        Classified::Unknown(_)
    ));
}

#[test]
fn rendering_then_reading_gives_back_the_same_error() {
    let errors = [
        MatrixError::LimitExceeded {
            retry_after_ms: Some(2000),
        },
        MatrixError::LimitExceeded {
            retry_after_ms: None,
        },
        MatrixError::Forbidden {
            msg: "caf\u{e9} \"\u{2603}\"".into(),
            additional_fields: json!({"limit_type": "monthly"})
                .as_object()
                .cloned()
                .unwrap_or_default(),
        },
        MatrixError::NoProxyPrefix,
    ];
    for error in errors {
        let response = error.to_response().unwrap_or_else(|e| panic!("{e}"));
        let received = read(error.format(), response.status().as_u16(), response.body());
        assert_eq!(
            MatrixError::from_wire(&received.error).as_ref(),
            Some(&error)
        );
    }
}

#[test]
fn non_json_non_object_and_non_utf8_bodies_fall_back_to_the_status() {
    let not_json = |line, column, reason: &str| ReceiveError::NotJson {
        line,
        column,
        reason: reason.to_owned(),
    };
    for (body, fallback) in [
        (
            &b"<html>Bad Gateway</html>"[..],
            not_json(1, 1, "expected value at line 1 column 1"),
        ),
        (
            &b""[..],
            not_json(1, 0, "EOF while parsing a value at line 1 column 0"),
        ),
        (&b"[1,2]"[..], ReceiveError::NotObject),
        (&b"\"text\""[..], ReceiveError::NotObject),
        (
            &b"{\"error\":\"\xff\xfe\"}"[..],
            ReceiveError::NotUtf8 { valid_up_to: 10 },
        ),
    ] {
        let received = read(WireFormat::Matrix, 502, body);
        assert_eq!(received.fallback, Some(fallback), "{body:?}");
        assert_eq!(received.error.message.as_deref(), Some("Bad Gateway"));
        assert_eq!(received.error.status, Some(502));
        assert_eq!(received.raw_body.as_deref(), Some(body));
    }
    let unknown = ReceivedError::read(None, 418, Vec::new(), br#"{"hello":1}"#, &Limits::default());
    assert_eq!(
        unknown.map(|r| r.fallback).ok(),
        Some(Some(ReceiveError::UnknownFormat))
    );
}

#[test]
fn oversized_and_deeply_nested_bodies_are_refused_before_parsing() {
    let limits = Limits {
        max_body_bytes: 64,
        max_depth: 8,
    };
    let big = vec![b' '; 65];
    assert_eq!(
        ReceivedError::read(None, 400, Vec::new(), &big, &limits),
        Err(ReceiveError::TooLarge {
            size: 65,
            limit: 64
        })
    );
    let deep = format!("{}{}", "[".repeat(9), "]".repeat(9));
    assert_eq!(
        ReceivedError::read(None, 400, Vec::new(), deep.as_bytes(), &limits),
        Err(ReceiveError::TooDeep { limit: 8 })
    );
    // Far past serde_json's own recursion limit, still a typed error and no stack overflow.
    let hostile = "[".repeat(100_000);
    assert!(
        ReceivedError::read(None, 400, Vec::new(), hostile.as_bytes(), &Limits::DEFAULT).is_err()
    );
}

#[test]
fn messages_are_kept_as_received_never_formatted() {
    let received = read(
        WireFormat::Matrix,
        403,
        br#"{"errcode":"M_FORBIDDEN","error":"{msg} {0} {{x}} %s"}"#,
    );
    let error = MatrixError::from_wire(&received.error);
    assert_eq!(
        error.as_ref().map(ToString::to_string).as_deref(),
        Some("{msg} {0} {{x}} %s")
    );
    let wire: &WireError = &received.error;
    assert_eq!(wire.message.as_deref(), Some("{msg} {0} {{x}} %s"));
}

#[test]
fn headers_are_kept_and_found_case_insensitively() {
    let received = ReceivedError::read(
        Some(WireFormat::Matrix),
        429,
        vec![("Retry-After".into(), "2".into())],
        br#"{"errcode":"M_LIMIT_EXCEEDED","error":"slow"}"#,
        &Limits::default(),
    );
    assert_eq!(
        received.ok().as_ref().and_then(|r| r.header("retry-after")),
        Some("2")
    );
}

#[test]
fn an_unknown_error_is_still_an_api_error_and_relays_unchanged() {
    let body = br#"{"errcode":"M_NEW_IN_V2","error":"Something {new}","hint":[1,2]}"#;
    let received = read(WireFormat::Matrix, 418, body);
    let Classified::Unknown(wire) = MatrixError::classify(received.error) else {
        panic!("known?");
    };
    assert_eq!(wire.status(), 418);
    assert_eq!(wire.errcode(), Some("M_NEW_IN_V2"));
    assert_eq!(wire.to_string(), "Something {new}");
    let relayed = wire.to_response().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(relayed.status(), 418);
    let again: serde_json::Value = serde_json::from_slice(relayed.body()).unwrap_or_default();
    let original: serde_json::Value = serde_json::from_slice(body).unwrap_or_default();
    assert_eq!(again, original);
}
