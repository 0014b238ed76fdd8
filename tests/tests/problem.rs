//! RFC 9457 as the RFC says: a declared `title`, a per-occurrence `instance`, and no member
//! of the error's ever replacing one the problem body has.

use errwire::{ApiError, RenderError, RenderOptions, WireFormat};
use serde_json::{Map, Value, json};

#[derive(Debug, ApiError)]
#[api_error(
    http = 403,
    title = "You do not have enough credit",
    message = "Your balance is {balance}"
)]
pub struct OutOfCredit {
    #[api_error(extra)]
    balance: u32,
    #[api_error(instance)]
    instance: Option<String>,
}

#[derive(Debug, ApiError)]
#[api_error(http = 404, message = "No such todo")]
pub struct NotFound;

#[derive(Debug, ApiError)]
#[api_error(parent = OutOfCredit)]
pub struct StillOutOfCredit;

/// A map spread over the body, as Synapse's `additional_fields`.
#[derive(Debug, ApiError)]
#[api_error(http = 400, message = "Bad")]
pub struct Spread {
    #[api_error(flatten)]
    members: Map<String, Value>,
}

#[derive(Debug, ApiError)]
#[api_error(format = "matrix", http = 400, errcode = "M_BAD", message = "Bad")]
pub struct SpreadInMatrix {
    #[api_error(flatten)]
    members: Map<String, Value>,
}

/// Synapse's `FederationError` has an `extra` named `code`, which is also one of the
/// toolkit's problem members.
#[derive(Debug, ApiError)]
#[api_error(
    format = "djblets",
    code = 7,
    http = 500,
    message = "Federation failed"
)]
pub struct Federation {
    #[api_error(extra, rename = "code")]
    pdu_code: u16,
}

fn body_of(response: Result<http::Response<Vec<u8>>, RenderError>) -> Value {
    let bytes = response.map(|r| r.into_body()).unwrap_or_default();
    serde_json::from_slice(&bytes).unwrap_or(Value::Null)
}

fn members(values: &[(&str, Value)]) -> Map<String, Value> {
    values
        .iter()
        .map(|(k, v)| ((*k).to_owned(), v.clone()))
        .collect()
}

#[test]
fn title_is_declared_or_the_status_phrase_and_is_inherited() {
    let error = OutOfCredit {
        balance: 30,
        instance: Some("/account/12345/msgs/abc".into()),
    };
    assert_eq!(
        body_of(error.to_response()),
        json!({
            "type": "about:blank",
            "title": "You do not have enough credit",
            "status": 403,
            "detail": "Your balance is 30",
            "instance": "/account/12345/msgs/abc",
            "balance": 30,
        })
    );
    assert_eq!(body_of(NotFound.to_response())["title"], "Not Found");
    assert_eq!(
        body_of(StillOutOfCredit.to_response())["title"],
        "You do not have enough credit"
    );
}

#[test]
fn an_instance_that_is_no_uri_reference_is_a_render_error() {
    for bad in ["/orders/7 8", "urn:x:%zz", "line\nbreak", ""] {
        let error = OutOfCredit {
            balance: 1,
            instance: Some(bad.into()),
        };
        match error.to_response() {
            Err(RenderError::InvalidInstance { value }) => assert_eq!(value, bad),
            other => panic!("{bad:?} rendered: {other:?}"),
        }
        // Through serde too, the body is refused rather than changed.
        assert!(serde_json::to_vec(&error.body()).is_err(), "{bad:?}");
    }
    for good in [
        "/orders/7#line-2",
        "urn:uuid:7f1c",
        "https://example.com/e/1?x=%41",
    ] {
        let error = OutOfCredit {
            balance: 1,
            instance: Some(good.into()),
        };
        assert_eq!(body_of(error.to_response())["instance"], good);
    }
}

#[test]
fn a_flattened_member_never_replaces_a_problem_member() {
    for name in ["type", "title", "status", "detail", "instance"] {
        let error = Spread {
            members: members(&[(name, json!("x"))]),
        };
        match error.to_response() {
            Err(RenderError::ReservedMember { name: refused }) => assert_eq!(refused, name),
            other => panic!("{name} rendered: {other:?}"),
        }
        assert!(serde_json::to_vec(&error.body()).is_err(), "{name}");
    }
    let fine = Spread {
        members: members(&[("limit", json!(3))]),
    };
    assert_eq!(body_of(fine.to_response())["limit"], 3);
}

#[test]
fn a_flattened_member_replaces_in_matrix_as_synapse_does_but_not_as_problem() {
    let error = SpreadInMatrix {
        members: members(&[("error", json!("Own words"))]),
    };
    assert_eq!(body_of(error.to_response())["error"], "Own words");
    let as_problem = error.render(&RenderOptions {
        format: Some(WireFormat::Problem),
        ..RenderOptions::default()
    });
    // The toolkit's `errcode` member is in the problem body: a flattened one is refused.
    let error = SpreadInMatrix {
        members: members(&[("errcode", json!("M_OWN"))]),
    };
    let errcode_as_problem = error.render(&RenderOptions {
        format: Some(WireFormat::Problem),
        ..RenderOptions::default()
    });
    assert!(as_problem.is_ok(), "{as_problem:?}");
    assert!(
        matches!(&errcode_as_problem, Err(RenderError::ReservedMember { name }) if name == "errcode"),
        "{errcode_as_problem:?}"
    );
}

#[test]
fn a_render_time_member_never_replaces_a_problem_member() {
    let extra = members(&[("status", json!(200))]);
    let options = RenderOptions {
        extra: Some(&extra),
        ..RenderOptions::default()
    };
    let rendered = NotFound.render(&options);
    assert!(
        matches!(&rendered, Err(RenderError::ReservedMember { name }) if name == "status"),
        "{rendered:?}"
    );
    let extra = members(&[("fields", json!({"title": ["required"]}))]);
    let options = RenderOptions {
        extra: Some(&extra),
        ..RenderOptions::default()
    };
    assert_eq!(
        body_of(NotFound.render(&options))["fields"]["title"][0],
        "required"
    );
}

#[test]
fn an_error_of_another_format_keeps_its_own_member_as_problem_details() {
    let error = Federation { pdu_code: 403 };
    let native = body_of(error.to_response());
    assert_eq!(native["code"], 403);
    assert_eq!(native["err"]["code"], 7);
    let bytes = error
        .render(&RenderOptions {
            format: Some(WireFormat::Problem),
            ..RenderOptions::default()
        })
        .map(|r| r.into_body())
        .unwrap_or_default();
    let text = String::from_utf8_lossy(&bytes);
    // One `code`, the error's own: the toolkit's is left out rather than sent twice.
    assert_eq!(text.matches("\"code\"").count(), 1, "{text}");
    assert_eq!(body_of(Ok(http::Response::new(bytes)))["code"], 403);
}

/// Every root member each format writes, for an error carrying every value: the names the
/// derive refuses for an `extra` (`error-derive/src/attr.rs`) are these.
#[test]
fn the_members_each_format_writes_are_the_ones_the_derive_reserves() {
    #[derive(Debug, ApiError)]
    #[api_error(
        code = 1,
        http = 400,
        errcode = "M_ALL",
        error_type = "all",
        error_subtype = "sub",
        message = "All"
    )]
    struct Everything {
        #[api_error(detail)]
        detail: String,
        #[api_error(trace_id)]
        trace_id: String,
        #[api_error(instance)]
        instance: String,
    }
    let error = Everything {
        detail: "d".into(),
        trace_id: "t".into(),
        instance: "/i".into(),
    };
    let keys = |format| {
        let body = body_of(error.render(&RenderOptions {
            format: Some(format),
            ..RenderOptions::default()
        }));
        let mut keys = body
            .as_object()
            .map(|o| o.keys().cloned().collect::<Vec<_>>())
            .unwrap_or_default();
        keys.sort();
        keys
    };
    assert_eq!(keys(WireFormat::Djblets), ["err", "stat"]);
    assert_eq!(
        keys(WireFormat::Matrix),
        ["errcode", "error", "errwire.trace_id"]
    );
    assert_eq!(
        keys(WireFormat::Problem),
        [
            "code",
            "detail",
            "errcode",
            "error_detail",
            "error_subtype",
            "error_type",
            "instance",
            "status",
            "title",
            "trace_id",
            "type"
        ]
    );
}

/// A received Matrix error relayed with a member of its own named like a problem extension
/// member (`code`) and a 5xx status.
fn relayed(status: u16) -> errwire::WireError {
    let body = br#"{"errcode":"M_UNKNOWN","error":"database at 10.0.0.3 is down","code":7}"#;
    let mut wire =
        errwire::WireError::from_slice(WireFormat::Matrix, body).unwrap_or_else(|e| panic!("{e}"));
    wire.status = Some(status);
    wire
}

#[test]
fn a_relayed_5xx_sends_the_status_phrase_and_keeps_the_message() {
    let wire = relayed(502);
    for format in WireFormat::ALL {
        let options = RenderOptions {
            format: Some(format),
            ..RenderOptions::default()
        };
        let response = wire.render(&options).unwrap_or_else(|e| panic!("{e}"));
        let text = String::from_utf8_lossy(response.body()).into_owned();
        assert!(!text.contains("10.0.0.3"), "{format:?}: {text}");
        assert!(text.contains("Bad Gateway"), "{format:?}: {text}");
    }
    // Nothing received is lost: the message stays the error's.
    assert_eq!(wire.to_string(), "database at 10.0.0.3 is down");
    // A 4xx relays its words unchanged.
    let client_error = relayed(400).to_response().unwrap_or_else(|e| panic!("{e}"));
    let text = String::from_utf8_lossy(client_error.body()).into_owned();
    assert!(text.contains("database at 10.0.0.3 is down"), "{text}");
}

#[test]
fn a_relayed_member_named_like_an_extension_member_is_sent_once() {
    // Djblets' `err.code` is the body's code; this body also has a root member `code`.
    let body = br#"{"stat":"fail","err":{"code":105,"msg":"Bad form"},"code":1}"#;
    let mut wire =
        errwire::WireError::from_slice(WireFormat::Djblets, body).unwrap_or_else(|e| panic!("{e}"));
    wire.status = Some(400);
    assert_eq!(wire.code, Some(105));
    let options = RenderOptions {
        format: Some(WireFormat::Problem),
        ..RenderOptions::default()
    };
    let response = wire.render(&options).unwrap_or_else(|e| panic!("{e}"));
    let text = String::from_utf8_lossy(response.body()).into_owned();
    assert_eq!(text.matches("\"code\"").count(), 1, "{text}");
    let body: Value = serde_json::from_str(&text).unwrap_or_default();
    // The member it came with is kept, as its native body has it.
    assert_eq!(body["code"], json!(1));
}

#[test]
fn an_override_names_the_instance_and_is_checked_as_a_field_is() {
    let overridden = NotFound.with_overrides(errwire::Overrides {
        instance: Some("/todos/7".into()),
        ..errwire::Overrides::default()
    });
    assert_eq!(body_of(overridden.to_response())["instance"], "/todos/7");
    // The override wins over the field, as every override does.
    let field = OutOfCredit {
        balance: 1,
        instance: Some("/accounts/1".into()),
    };
    let both = field.with_overrides(errwire::Overrides {
        instance: Some("/accounts/2".into()),
        ..errwire::Overrides::default()
    });
    assert_eq!(body_of(both.to_response())["instance"], "/accounts/2");
    let bad = NotFound.with_overrides(errwire::Overrides {
        instance: Some("not a uri".into()),
        ..errwire::Overrides::default()
    });
    assert!(
        matches!(bad.to_response(), Err(RenderError::InvalidInstance { value }) if value == "not a uri")
    );
    // Only problem details have an `instance`.
    let matrix = body_of(overridden.render(&RenderOptions {
        format: Some(WireFormat::Matrix),
        ..RenderOptions::default()
    }));
    assert!(matrix.get("instance").is_none(), "{matrix}");
}

#[test]
fn a_relayed_member_named_like_a_problem_member_is_left_out_of_problem_details_only() {
    let body =
        br#"{"errcode":"M_LIMIT","error":"Slow down","status":"busy","title":7,"instance":"/r/1"}"#;
    let mut wire =
        errwire::WireError::from_slice(WireFormat::Matrix, body).unwrap_or_else(|e| panic!("{e}"));
    wire.status = Some(429);
    let problem = wire
        .render(&RenderOptions {
            format: Some(WireFormat::Problem),
            ..RenderOptions::default()
        })
        .unwrap_or_else(|e| panic!("{e}"));
    let text = String::from_utf8_lossy(problem.body()).into_owned();
    for member in ["\"status\"", "\"title\"", "\"instance\""] {
        assert_eq!(text.matches(member).count(), 1, "{member}: {text}");
    }
    let parsed: Value = serde_json::from_str(&text).unwrap_or_default();
    assert_eq!(parsed["status"], 429, "{text}");
    assert_eq!(parsed["title"], "Too Many Requests", "{text}");
    // A member the problem body does not write itself is relayed.
    assert_eq!(parsed["instance"], "/r/1", "{text}");
    // Natively, and in the error itself, every member it came with is kept.
    let native: Value =
        serde_json::from_slice(wire.to_response().unwrap_or_else(|e| panic!("{e}")).body())
            .unwrap_or_default();
    assert_eq!(native["status"], "busy");
    assert_eq!(native["title"], 7);
    assert_eq!(wire.extra.len(), 3, "{wire:?}");
}
