//! Bodies, headers and responses in each format, and parsing them back.

use std::collections::BTreeMap;

use errwire::{ApiError, Overrides, RenderError, RenderOptions, WireError, WireFormat};
use http::header::{CONTENT_TYPE, WWW_AUTHENTICATE};
use serde_json::{Value, json};

fn auth_challenge(request: Option<&http::request::Parts>, headers: &mut http::HeaderMap) {
    let realm = request
        .and_then(|r| r.uri.host())
        .unwrap_or("api")
        .to_owned();
    if let Ok(value) = http::HeaderValue::from_str(&format!("Basic realm=\"{realm}\"")) {
        headers.insert(WWW_AUTHENTICATE, value);
    }
}

#[derive(Debug, ApiError)]
#[api_error(format = "djblets")]
pub enum WebApiError {
    #[api_error(
        code = 103,
        http = 401,
        error_type = "not-logged-in",
        message = "You are not logged in",
        headers = auth_challenge
    )]
    NotLoggedIn,
    #[api_error(
        code = 105,
        http = 400,
        error_type = "request-field-error",
        message = "One or more fields had errors"
    )]
    InvalidFormData {
        #[api_error(extra)]
        fields: BTreeMap<String, Vec<String>>,
    },
    #[api_error(
        code = 114,
        http = 429,
        error_type = "rate-limit-exceeded",
        message = "API rate limit has been exceeded"
    )]
    RateLimitExceeded {
        #[api_error(header = "Retry-After")]
        retry_after: u64,
        #[api_error(header = "X-Note")]
        note: String,
    },
}

fn ms_to_secs(ms: &u64) -> u64 {
    ms.div_ceil(1000)
}

#[derive(Debug, ApiError)]
#[api_error(
    format = "matrix",
    http = 429,
    errcode = "M_LIMIT_EXCEEDED",
    message = "Too Many Requests"
)]
pub struct LimitExceeded {
    #[api_error(extra, header = "Retry-After", with = ms_to_secs)]
    pub retry_after_ms: Option<u64>,
}

#[derive(Debug, ApiError)]
#[api_error(
    http = 403,
    code = 7,
    errcode = "M_FORBIDDEN",
    error_type = "forbidden",
    message = "No access to {room}"
)]
pub struct Forbidden {
    #[api_error(extra, rename = "room_id")]
    pub room: String,
}

fn body_of<E: ApiError>(error: &E, format: WireFormat) -> Value {
    serde_json::to_value(error.body_in(format)).unwrap_or(Value::Null)
}

fn form_error() -> WebApiError {
    WebApiError::invalid_form_data(BTreeMap::from([(
        "name".to_owned(),
        vec!["This field is required.".to_owned()],
    )]))
}

#[test]
fn djblets_body_nests_err_and_puts_extra_at_the_root() {
    assert_eq!(
        serde_json::to_value(form_error()).ok(),
        Some(json!({
            "stat": "fail",
            "err": {"code": 105, "msg": "One or more fields had errors", "type": "request-field-error"},
            "fields": {"name": ["This field is required."]}
        }))
    );
}

#[test]
fn matrix_body_is_errcode_error_and_extra_and_omits_none() {
    assert_eq!(
        body_of(&LimitExceeded::new(Some(1500)), WireFormat::Matrix),
        json!({"errcode": "M_LIMIT_EXCEEDED", "error": "Too Many Requests", "retry_after_ms": 1500})
    );
    assert_eq!(
        body_of(&LimitExceeded::new(None), WireFormat::Matrix),
        json!({"errcode": "M_LIMIT_EXCEEDED", "error": "Too Many Requests"})
    );
    // An error without an errcode travels as M_UNKNOWN.
    assert_eq!(
        body_of(&form_error(), WireFormat::Matrix)["errcode"],
        json!("M_UNKNOWN")
    );
}

#[test]
fn problem_body_has_rfc9457_members_and_extensions() {
    let error = Forbidden::new("!room:example.org".into());
    assert_eq!(
        body_of(&error, WireFormat::Problem),
        json!({
            "type": "about:blank",
            "title": "Forbidden",
            "status": 403,
            "detail": "No access to !room:example.org",
            "code": 7,
            "errcode": "M_FORBIDDEN",
            "error_type": "forbidden",
            "room_id": "!room:example.org"
        })
    );
    let response = error.to_response().ok();
    assert_eq!(
        response
            .as_ref()
            .and_then(|r| r.headers().get(CONTENT_TYPE)),
        Some(&http::HeaderValue::from_static("application/problem+json"))
    );
}

#[test]
fn every_format_parses_back_to_the_same_values() {
    let error = Forbidden::new("caf\u{e9} \"quoted\" \u{2603}".into()).with_overrides(Overrides {
        error_subtype: Some("sub".into()),
        detail: Some("more".into()),
        trace_id: Some("t-1".into()),
        ..Overrides::default()
    });
    for format in WireFormat::ALL {
        let bytes = serde_json::to_vec(&error.body_in(format)).unwrap_or_default();
        let parsed = WireError::from_slice(format, &bytes);
        let parsed = parsed.as_ref().ok();
        let auto = WireError::from_slice_any(&bytes).ok();
        assert_eq!(parsed, auto.as_ref(), "{format:?}: detected format");
        let parsed = parsed.cloned().unwrap_or_else(|| WireError::empty(format));
        assert_eq!(parsed.format, format);
        assert_eq!(parsed.message.as_deref(), Some(error.to_string().as_str()));
        assert_eq!(
            parsed.extra.get("room_id"),
            Some(&json!("caf\u{e9} \"quoted\" \u{2603}"))
        );
        match format {
            WireFormat::Djblets => {
                assert_eq!(parsed.code, Some(7));
                assert_eq!(parsed.error_type.as_deref(), Some("forbidden"));
                assert_eq!(parsed.error_subtype.as_deref(), Some("sub"));
                assert_eq!(parsed.detail.as_deref(), Some("more"));
                assert_eq!(parsed.trace_id.as_deref(), Some("t-1"));
            }
            WireFormat::Matrix => assert_eq!(parsed.errcode.as_deref(), Some("M_FORBIDDEN")),
            WireFormat::Problem => {
                assert_eq!(parsed.status, Some(403));
                assert_eq!(parsed.code, Some(7));
                assert_eq!(parsed.errcode.as_deref(), Some("M_FORBIDDEN"));
                assert_eq!(parsed.trace_id.as_deref(), Some("t-1"));
            }
        }
        // And the generic value serializes back to the very same body.
        let original: Value = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
        assert_eq!(parsed.to_value(), original, "{format:?}");
    }
}

#[test]
fn unknown_members_are_kept_and_mistyped_known_members_are_not_lost() {
    let body =
        br#"{"stat":"fail","err":{"code":"one-hundred","msg":"m","future":1},"new_root":[1,2]}"#;
    let parsed = WireError::from_slice_any(body).ok();
    let parsed = parsed.unwrap_or_else(|| WireError::empty(WireFormat::Problem));
    assert_eq!(parsed.format, WireFormat::Djblets);
    assert_eq!(parsed.code, None);
    assert_eq!(parsed.err_extra.get("code"), Some(&json!("one-hundred")));
    assert_eq!(parsed.err_extra.get("future"), Some(&json!(1)));
    assert_eq!(parsed.extra.get("new_root"), Some(&json!([1, 2])));
    let again: Value = serde_json::from_slice(body).unwrap_or(Value::Null);
    assert_eq!(parsed.to_value(), again);
}

#[test]
fn malformed_bodies_are_typed_errors() {
    assert!(matches!(
        WireError::from_slice_any(b"<html>502</html>"),
        Err(errwire::ReceiveError::NotJson { .. })
    ));
    assert!(matches!(
        WireError::from_slice_any(b"[1]"),
        Err(errwire::ReceiveError::NotObject)
    ));
    assert!(matches!(
        WireError::from_slice_any(b"{\"hello\":1}"),
        Err(errwire::ReceiveError::UnknownFormat)
    ));
}

#[test]
fn overrides_show_in_body_and_headers_and_leave_the_catalog_untouched() {
    let error = form_error().with_overrides(
        Overrides {
            message: Some("Bad name".into()),
            error_subtype: Some("name-required".into()),
            detail: Some("name is empty".into()),
            trace_id: Some("abc".into()),
            ..Overrides::default()
        }
        .header("X-Trace", "abc")
        .unwrap_or_default(),
    );
    let response = error.to_response().ok();
    let response = response.as_ref();
    assert_eq!(response.map(|r| r.status().as_u16()), Some(400));
    assert_eq!(
        response
            .and_then(|r| r.headers().get("x-trace"))
            .map(|v| v.as_bytes()),
        Some(&b"abc"[..])
    );
    let body: Value = response
        .and_then(|r| serde_json::from_slice(r.body()).ok())
        .unwrap_or(Value::Null);
    assert_eq!(
        body,
        json!({
            "stat": "fail",
            "err": {"code": 105, "msg": "Bad name", "type": "request-field-error",
                    "subtype": "name-required", "detail": "name is empty", "trace_id": "abc"},
            "fields": {"name": ["This field is required."]}
        })
    );
    assert_eq!(error.error().to_string(), "One or more fields had errors");
    // Overriding again keeps what the new overrides leave unset.
    let again = error.with_message("Other");
    assert_eq!(again.to_string(), "Other");
    assert_eq!(again.trace_id(), Some("abc"));
}

#[test]
fn request_dependent_headers_see_the_request() {
    let (parts, ()) = http::Request::builder()
        .uri("https://reviews.example.com/api/")
        .body(())
        .map(http::Request::into_parts)
        .unwrap_or_else(|_| http::Request::new(()).into_parts());
    let response = WebApiError::NOT_LOGGED_IN
        .render(&RenderOptions {
            request: Some(&parts),
            ..RenderOptions::default()
        })
        .ok();
    assert_eq!(
        response
            .as_ref()
            .and_then(|r| r.headers().get(WWW_AUTHENTICATE)),
        Some(&http::HeaderValue::from_static(
            "Basic realm=\"reviews.example.com\""
        ))
    );
    let without_request = WebApiError::NOT_LOGGED_IN.headers(None).ok();
    assert_eq!(
        without_request
            .as_ref()
            .and_then(|h| h.get(WWW_AUTHENTICATE)),
        Some(&http::HeaderValue::from_static("Basic realm=\"api\""))
    );
    // Overriding the headers replaces the hook.
    let replaced = WebApiError::NOT_LOGGED_IN
        .with_overrides(Overrides::default().computed_headers(|_, headers| {
            headers.insert("x-custom", http::HeaderValue::from_static("1"));
        }))
        .headers(Some(&parts))
        .ok();
    assert!(
        replaced
            .as_ref()
            .is_some_and(|h| h.get(WWW_AUTHENTICATE).is_none() && h.get("x-custom").is_some())
    );
}

#[test]
fn header_fields_are_sent_and_mapped() {
    let response = LimitExceeded::new(Some(1001)).to_response().ok();
    assert_eq!(
        response
            .as_ref()
            .and_then(|r| r.headers().get("retry-after")),
        Some(&http::HeaderValue::from_static("2"))
    );
    let response = LimitExceeded::new(None).to_response().ok();
    assert!(
        response
            .as_ref()
            .is_some_and(|r| r.headers().get("retry-after").is_none())
    );
}

#[test]
fn a_header_value_with_cr_or_lf_is_an_error_not_a_panic() {
    for bad in ["a\r\nSet-Cookie: x=1", "line\nfeed", "carriage\rreturn"] {
        let error = WebApiError::RateLimitExceeded {
            retry_after: 1,
            note: bad.to_owned(),
        };
        match error.to_response() {
            Err(RenderError::InvalidHeaderValue { name, value }) => {
                assert_eq!(name, "X-Note");
                assert_eq!(value, bad);
            }
            other => panic!("{bad:?} gave {other:?}"),
        }
        assert!(matches!(
            Overrides::default().header("X-Other", bad),
            Err(RenderError::InvalidHeaderValue { .. })
        ));
    }
    assert!(matches!(
        Overrides::default().header("Bad Name", "v"),
        Err(RenderError::InvalidHeaderName(_))
    ));
}

#[test]
fn rendering_in_another_format_changes_body_and_content_type() {
    let response = LimitExceeded::new(Some(2000))
        .render(&RenderOptions {
            format: Some(WireFormat::Problem),
            ..RenderOptions::default()
        })
        .ok();
    let response = response.as_ref();
    assert_eq!(
        response.and_then(|r| r.headers().get(CONTENT_TYPE)),
        Some(&http::HeaderValue::from_static("application/problem+json"))
    );
    let body: Value = response
        .and_then(|r| serde_json::from_slice(r.body()).ok())
        .unwrap_or(Value::Null);
    assert_eq!(body["status"], json!(429));
    assert_eq!(body["errcode"], json!("M_LIMIT_EXCEEDED"));
    assert_eq!(body["retry_after_ms"], json!(2000));
}

/// Synapse's `SynapseError(code, msg, errcode, additional_fields)`.
#[derive(Debug, ApiError)]
#[api_error(
    format = "matrix",
    http = 400,
    errcode = "M_UNKNOWN",
    message = "{msg}"
)]
pub struct SynapseError {
    #[api_error(status)]
    pub code: u16,
    pub msg: String,
    #[api_error(errcode)]
    pub errcode: String,
    #[api_error(flatten)]
    pub additional_fields: Option<serde_json::Map<String, Value>>,
}

/// A body member sent as `null` when absent, as Synapse's `LimitExceededError` does.
#[derive(Debug, ApiError)]
#[api_error(format = "matrix", http = 429, errcode = "M_LIMIT_EXCEEDED", display = too_many)]
pub struct Limited {
    #[api_error(extra, nullable)]
    pub retry_after_ms: Option<u64>,
}

fn too_many(_: &Limited, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
    f.write_str("Too Many Requests")
}

#[test]
fn flattened_fields_spread_over_the_body_and_replace_members() {
    let fields = json!({"admin_contact": "mailto:a@example.org", "error": "replaced"});
    let error = SynapseError {
        code: 403,
        msg: "original".into(),
        errcode: "M_FORBIDDEN".into(),
        additional_fields: fields.as_object().cloned(),
    };
    let response = error.to_response().ok();
    let body: Value = response
        .as_ref()
        .and_then(|r| serde_json::from_slice(r.body()).ok())
        .unwrap_or(Value::Null);
    assert_eq!(
        body,
        json!({"errcode": "M_FORBIDDEN", "error": "replaced", "admin_contact": "mailto:a@example.org"})
    );
    assert_eq!(response.map(|r| r.status().as_u16()), Some(403));
}

#[test]
fn nullable_members_are_sent_as_null_and_display_functions_write_the_message() {
    assert_eq!(
        body_of(&Limited::new(None), WireFormat::Matrix),
        json!({"errcode": "M_LIMIT_EXCEEDED", "error": "Too Many Requests", "retry_after_ms": null})
    );
}

#[test]
fn render_time_extras_are_merged_at_the_root() {
    let extra = json!({"fields": {"name": ["required"]}, "stat": "replaced"});
    let response = WebApiError::NOT_LOGGED_IN
        .render(&RenderOptions {
            extra: extra.as_object(),
            ..RenderOptions::default()
        })
        .ok();
    let body: Value = response
        .as_ref()
        .and_then(|r| serde_json::from_slice(r.body()).ok())
        .unwrap_or(Value::Null);
    assert_eq!(body["fields"], json!({"name": ["required"]}));
    assert_eq!(body["stat"], json!("replaced"));
    assert_eq!(body["err"]["code"], json!(103));
}

#[test]
fn djblets_leaves_out_empty_values_and_a_subtype_without_type() {
    #[derive(Debug, ApiError)]
    #[api_error(
        format = "djblets",
        http = 400,
        code = 1,
        error_subtype = "sub",
        message = "m"
    )]
    struct Untyped;
    assert_eq!(
        body_of(&Untyped, WireFormat::Djblets),
        json!({"stat": "fail", "err": {"code": 1, "msg": "m"}})
    );
    // An empty override overrides nothing, as Djblets combines values with `or`.
    let error = WebApiError::NOT_LOGGED_IN.with_overrides(Overrides {
        message: Some("".into()),
        detail: Some("".into()),
        ..Overrides::default()
    });
    assert_eq!(error.to_string(), "You are not logged in");
    assert_eq!(error.detail(), None);
    let response = error.to_response().ok();
    assert_eq!(
        response
            .as_ref()
            .and_then(|r| r.headers().get("x-content-type-options")),
        Some(&http::HeaderValue::from_static("nosniff"))
    );
}

#[test]
fn response_records_round_trip_through_json() {
    let record = errwire::ResponseRecord {
        status: 404,
        reason: Some("Not Found".into()),
        method: Some("GET".into()),
        url: Some("https://example.com/a".into()),
        headers: vec![("X-Request-Uuid".into(), "abc".into())],
        body: "{\"error\":\"missing\"}".into(),
    };
    let value = serde_json::to_value(&record).unwrap_or(Value::Null);
    assert_eq!(value["headers"], json!({"X-Request-Uuid": "abc"}));
    let back: Option<errwire::ResponseRecord> = serde_json::from_value(value).ok();
    assert_eq!(back.as_ref(), Some(&record));
    assert_eq!(record.header("x-request-uuid"), Some("abc"));
    assert_eq!(
        record.to_string(),
        "HTTP 404 Not Found (GET https://example.com/a)"
    );
    assert!(errwire::ResponseRecord::from_value(&json!({"status": "x"})).is_err());
}

#[test]
fn header_maps_send_every_header_and_check_each() {
    #[derive(Debug, ApiError)]
    #[api_error(format = "djblets", http = 402, code = 300, message = "Quota")]
    struct Quota {
        #[api_error(headers)]
        headers: BTreeMap<String, String>,
    }
    let quota = Quota {
        headers: BTreeMap::from([
            ("Retry-After".to_owned(), "60".to_owned()),
            ("X-Quota".to_owned(), "0".to_owned()),
        ]),
    };
    let headers = quota.headers(None).ok();
    assert_eq!(headers.as_ref().map(|h| h.len()), Some(2));
    assert_eq!(
        headers.as_ref().and_then(|h| h.get("x-quota")),
        Some(&http::HeaderValue::from_static("0"))
    );
    let bad = Quota {
        headers: BTreeMap::from([("Bad Name".to_owned(), "v".to_owned())]),
    };
    assert!(matches!(
        bad.headers(None),
        Err(RenderError::InvalidHeaderName(_))
    ));
    let injected = Quota {
        headers: BTreeMap::from([("X-A".to_owned(), "v\r\nX-B: w".to_owned())]),
    };
    assert!(matches!(
        injected.headers(None),
        Err(RenderError::InvalidHeaderValue { .. })
    ));
}

/// Header fields of every kind of value: integers are written directly, anything else through
/// `Display`, short values on the stack and long ones on the heap.
#[derive(Debug, ApiError)]
#[api_error(
    format = "matrix",
    http = 503,
    errcode = "M_UNAVAILABLE",
    message = "Try later"
)]
pub struct Unavailable {
    #[api_error(header = "Retry-After")]
    pub seconds: u32,
    #[api_error(header = "X-Offset")]
    pub offset: i64,
    #[api_error(header = "X-Ratio")]
    pub ratio: f64,
    #[api_error(header = "X-Reason")]
    pub reason: String,
}

#[test]
fn header_values_of_every_type_are_sent_as_display_writes_them() {
    let long = "x".repeat(64) + "-and-more-past-the-stack-buffer";
    for reason in ["short".to_owned(), long] {
        let error = Unavailable {
            seconds: 30,
            offset: -5,
            ratio: 0.25,
            reason: reason.clone(),
        };
        let response = error.to_response().ok();
        let header = |name| {
            response
                .as_ref()
                .and_then(|r| r.headers().get(name))
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        assert_eq!(header("retry-after").as_deref(), Some("30"));
        assert_eq!(header("x-offset").as_deref(), Some("-5"));
        assert_eq!(header("x-ratio").as_deref(), Some("0.25"));
        assert_eq!(header("x-reason"), Some(reason));
    }
    let bad = Unavailable {
        seconds: 1,
        offset: 0,
        ratio: 1.0,
        reason: "x".repeat(70) + "\r\nSet-Cookie: a=1",
    };
    assert!(matches!(
        bad.to_response(),
        Err(RenderError::InvalidHeaderValue { name, .. }) if name == "X-Reason"
    ));
}

#[test]
fn only_errors_with_a_flatten_field_build_their_body_as_a_map() {
    // The generated answer, tested directly.
    use errwire::__private::Generated as _;

    // Answered at compile time for a type without one, from the descriptor otherwise.
    assert!(!LimitExceeded::new(Some(1)).has_flatten());
    let forbidden = errwire_catalog::synapse::ProxiedRequestError {
        code: 400,
        msg: "no".to_owned(),
        errcode: "M_X".to_owned(),
        additional_fields: None,
    };
    assert_eq!(
        forbidden.has_flatten(),
        forbidden.descriptor().has_flatten()
    );
    assert!(forbidden.has_flatten());
    assert!(forbidden.with_message("other").has_flatten());
    assert!(
        !LimitExceeded::new(Some(1))
            .with_message("other")
            .has_flatten()
    );
}
