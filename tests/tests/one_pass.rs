//! The one reader of bodies (`RawBody`, `Classify::decode`) against a reference reader written
//! here the plain way, over parsed values, from the formats' documented layouts: for any
//! object, in any format, both give the same body, and the same typed error.

use std::collections::BTreeMap;

use errwire::wire::RawBody;
use errwire::{ApiError, Classified, Classify, Limits, ReceiveError, WireError, WireFormat};
use proptest::prelude::*;
use serde_json::{Map, Value, json};

/// Every member name some format gives a meaning, and some none does.
const KEYS: &[&str] = &[
    "errcode",
    "error",
    "type",
    "title",
    "status",
    "detail",
    "code",
    "error_type",
    "error_subtype",
    "error_detail",
    "trace_id",
    "stat",
    "err",
    "msg",
    "subtype",
    "fields",
    "retry_after_ms",
    "x",
];

fn scalar() -> impl Strategy<Value = Value> {
    prop_oneof![
        any::<String>().prop_map(Value::from),
        Just(Value::from("fail")),
        Just(Value::from("with \"quotes\", \\ and \u{e9}\n")),
        any::<i64>().prop_map(Value::from),
        (0u64..1000).prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        any::<bool>().prop_map(Value::from),
        Just(Value::Null),
    ]
}

fn value() -> impl Strategy<Value = Value> {
    scalar().prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..3).prop_map(Value::from),
            object_of(inner).prop_map(Value::Object),
        ]
    })
}

fn object_of(values: impl Strategy<Value = Value>) -> impl Strategy<Value = Map<String, Value>> {
    proptest::collection::vec((proptest::sample::select(KEYS), values), 0..8).prop_map(|pairs| {
        pairs
            .into_iter()
            .map(|(key, value)| (key.to_owned(), value))
            .collect()
    })
}

fn format() -> impl Strategy<Value = WireFormat> {
    prop_oneof![
        Just(WireFormat::Djblets),
        Just(WireFormat::Matrix),
        Just(WireFormat::Problem),
    ]
}

/// `root` as a body, and as parsing that body gives it (floats do not all survive the trip).
fn as_received(root: &Map<String, Value>) -> Result<(Vec<u8>, Map<String, Value>), TestCaseError> {
    let fail = |e: serde_json::Error| TestCaseError::fail(e.to_string());
    let body = serde_json::to_vec(root).map_err(fail)?;
    let root = serde_json::from_slice(&body).map_err(fail)?;
    Ok((body, root))
}

/// What each member of a body is, by format, as the module docs of `errwire::wire` state
/// it: the text member's field, or the numeric one's.
enum Lifted {
    Text(fn(&mut WireError) -> &mut Option<String>),
    Code,
    Status,
}

fn lifted(format: WireFormat, in_err: bool, key: &str) -> Option<Lifted> {
    use Lifted::{Code, Status, Text};
    Some(match (format, in_err, key) {
        (WireFormat::Djblets, true, "code") => Code,
        (WireFormat::Djblets, true, "msg") => Text(|w| &mut w.message),
        (WireFormat::Djblets, true, "type") => Text(|w| &mut w.error_type),
        (WireFormat::Djblets, true, "subtype") => Text(|w| &mut w.error_subtype),
        (WireFormat::Djblets, true, "detail") => Text(|w| &mut w.detail),
        (WireFormat::Djblets, true, "trace_id") => Text(|w| &mut w.trace_id),
        (WireFormat::Matrix, false, "errcode") => Text(|w| &mut w.errcode),
        (WireFormat::Matrix, false, "error") => Text(|w| &mut w.message),
        (WireFormat::Problem, false, "type") => Text(|w| &mut w.problem_type),
        (WireFormat::Problem, false, "title") => Text(|w| &mut w.title),
        (WireFormat::Problem, false, "status") => Status,
        (WireFormat::Problem, false, "detail") => Text(|w| &mut w.message),
        (WireFormat::Problem, false, "code") => Code,
        (WireFormat::Problem, false, "errcode") => Text(|w| &mut w.errcode),
        (WireFormat::Problem, false, "error_type") => Text(|w| &mut w.error_type),
        (WireFormat::Problem, false, "error_subtype") => Text(|w| &mut w.error_subtype),
        (WireFormat::Problem, false, "error_detail") => Text(|w| &mut w.detail),
        (WireFormat::Problem, false, "trace_id") => Text(|w| &mut w.trace_id),
        _ => return None,
    })
}

/// Sets the value `key` names if `value` has its type; else gives `value` back.
fn lift(wire: &mut WireError, in_err: bool, key: &str, value: Value) -> Option<Value> {
    match (lifted(wire.format, in_err, key), value) {
        (Some(Lifted::Text(field)), Value::String(text)) => {
            *field(wire) = Some(text);
            None
        }
        (Some(Lifted::Code), value) if value.is_i64() => {
            wire.code = value.as_i64();
            None
        }
        (Some(Lifted::Status), value) => match value.as_u64().map(u16::try_from) {
            Some(Ok(status)) => {
                wire.status = Some(status);
                None
            }
            _ => Some(value),
        },
        (_, value) => Some(value),
    }
}

/// The reference reader: Djblets' `err` object lifted, its `"stat": "fail"` dropped, every
/// other member kept as it came.
fn reference(format: WireFormat, root: Map<String, Value>) -> WireError {
    let mut wire = WireError::empty(format);
    for (key, value) in root {
        if format == WireFormat::Djblets {
            match value {
                Value::Object(err) if key == "err" => {
                    for (key, value) in err {
                        if let Some(value) = lift(&mut wire, true, &key, value) {
                            wire.err_extra.insert(key, value);
                        }
                    }
                    continue;
                }
                Value::String(ref stat) if key == "stat" && stat == "fail" => continue,
                _ => {}
            }
        }
        if let Some(value) = lift(&mut wire, false, &key, value) {
            wire.extra.insert(key, value);
        }
    }
    wire
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn one_pass_reads_what_parsed_values_read(format in format(), root in object_of(value())) {
        let (body, root) = as_received(&root)?;
        let raw = RawBody::parse(Some(format), &body).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(raw.to_wire(), reference(format, root.clone()));

        let detected = WireError::detect(&root);
        match (RawBody::parse(None, &body), detected) {
            (Ok(raw), Some(format)) => {
                prop_assert_eq!(raw.format(), format);
                prop_assert_eq!(raw.to_wire(), reference(format, root));
            }
            (Err(ReceiveError::UnknownFormat), None) => {}
            (other, detected) => prop_assert!(false, "{:?} but detected {:?}", other, detected),
        }
    }

    #[test]
    fn decode_into_a_used_body_reads_as_into_a_new_one(
        format in format(),
        first in object_of(value()),
        second in object_of(value()),
    ) {
        let (first, _) = as_received(&first)?;
        let (second, root) = as_received(&second)?;
        let mut wire = RawBody::new(format);
        let _ = Mixed::decode_into(&mut wire, &first, &Limits::DEFAULT);
        let error = Mixed::decode_into(&mut wire, &second, &Limits::DEFAULT)
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        let parsed = reference(format, root);
        prop_assert_eq!(wire.to_wire(), parsed.clone());
        prop_assert_eq!(error, Mixed::from_wire(&parsed));
    }

    #[test]
    fn decode_builds_what_from_wire_builds(format in format(), root in object_of(value())) {
        let (body, root) = as_received(&root)?;
        let parsed = reference(format, root);
        let decoded = Mixed::decode(format, &body, &Limits::DEFAULT)
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        let expected = Mixed::from_wire(&parsed);
        prop_assert_eq!(decoded.known(), expected.as_ref());
    }
}

/// Errors with every kind of field a body fills.
#[derive(Debug, PartialEq, ApiError)]
#[api_error(format = "problem")]
pub enum Mixed {
    #[api_error(http = 400, code = 105, errcode = "M_BAD", message = "{msg}")]
    Bad {
        msg: String,
        #[api_error(extra)]
        fields: Option<BTreeMap<String, Value>>,
        #[api_error(trace_id)]
        trace_id: Option<String>,
        #[api_error(status)]
        status: u16,
    },
    #[api_error(http = 429, errcode = "M_LIMIT_EXCEEDED", message = "slow down")]
    Limit {
        #[api_error(extra)]
        retry_after_ms: Option<u64>,
        #[api_error(flatten)]
        rest: Map<String, Value>,
        #[api_error(error_type)]
        error_type: Option<String>,
    },
}

#[test]
fn texts_without_escapes_are_borrowed_from_the_body() {
    let body = br#"{"errcode":"M_LIMIT_EXCEEDED","error":"caf\u00e9 \"x\"","retry_after_ms":1500}"#;
    let raw = RawBody::parse(Some(WireFormat::Matrix), body).expect("an object");
    let wire = raw.to_wire();
    assert_eq!(wire.errcode.as_deref(), Some("M_LIMIT_EXCEEDED"));
    assert_eq!(wire.message.as_deref(), Some("café \"x\""));
    assert_eq!(
        raw.member("retry_after_ms").map(|raw| raw.get()),
        Some("1500")
    );
    assert_eq!(raw.members().count(), 1);
}

#[test]
fn escaped_member_names_are_the_names_they_spell() {
    let body = br#"{"errc\u006fde":"M_FORBIDDEN","error":"no","x\u0079":1}"#;
    let raw = RawBody::parse(Some(WireFormat::Matrix), body).expect("an object");
    assert_eq!(raw.to_wire().errcode.as_deref(), Some("M_FORBIDDEN"));
    assert_eq!(raw.member("xy").map(|raw| raw.get()), Some("1"));
}

#[test]
fn an_escaped_name_among_the_first_members_keeps_their_order() {
    let body = br#"{"a":1,"b\u0062":2,"c":3,"d":4,"e":5,"f":6}"#;
    let raw = RawBody::parse(Some(WireFormat::Matrix), body).expect("an object");
    let members: Vec<(&str, &str)> = raw.members().map(|(key, raw)| (key, raw.get())).collect();
    assert_eq!(
        members,
        [
            ("a", "1"),
            ("bb", "2"),
            ("c", "3"),
            ("d", "4"),
            ("e", "5"),
            ("f", "6")
        ]
    );
    assert_eq!(raw.member("bb").map(|raw| raw.get()), Some("2"));
}

#[test]
fn a_later_text_replaces_an_earlier_one_escaped_or_not() {
    for (body, errcode) in [
        (
            &br#"{"errcode":"M_\u0041","errcode":"M_B"}"#[..],
            Some("M_B"),
        ),
        (br#"{"errcode":"M_B","errcode":"M_\u0041"}"#, Some("M_A")),
        (br#"{"errcode":"M_\u0041","errcode":5}"#, None),
    ] {
        let raw = RawBody::parse(Some(WireFormat::Matrix), body).expect("an object");
        assert_eq!(raw.to_wire().errcode.as_deref(), errcode, "{body:?}");
    }
}

#[test]
fn duplicate_members_keep_the_last_as_a_json_object_does() {
    let body = br#"{"errcode":"M_A","errcode":"M_B","x":1,"x":2}"#;
    let raw = RawBody::parse(Some(WireFormat::Matrix), body).expect("an object");
    let parsed: Value = serde_json::from_slice(body).expect("JSON");
    assert_eq!(raw.member("x").map(|raw| raw.get()), Some("2"));
    assert_eq!(raw.to_wire().errcode.as_deref(), Some("M_B"));
    assert_eq!(
        raw.to_wire().extra,
        parsed
            .as_object()
            .map(|o| {
                let mut o = o.clone();
                o.shift_remove("errcode");
                o
            })
            .expect("an object")
    );
}

#[test]
fn a_later_protocol_member_of_the_wrong_type_replaces_the_first() {
    let body = br#"{"errcode":"M_A","error":"x","errcode":5}"#;
    let parsed: Value = serde_json::from_slice(body).expect("JSON");
    let Value::Object(object) = parsed else {
        panic!("not an object");
    };
    let raw = RawBody::parse(Some(WireFormat::Matrix), body).expect("an object");
    assert_eq!(
        raw.to_wire(),
        WireError::from_object(WireFormat::Matrix, object)
    );
    assert_eq!(raw.to_wire().errcode, None);
}

#[test]
fn djblets_err_members_are_lifted_and_the_rest_kept() {
    let body = br#"{"stat":"fail","err":{"code":105,"msg":"Bad","when":3},"fields":{"a":["x"]}}"#;
    let wire = RawBody::parse(None, body).expect("an object").to_wire();
    assert_eq!(wire.format, WireFormat::Djblets);
    assert_eq!(wire.code, Some(105));
    assert_eq!(wire.message.as_deref(), Some("Bad"));
    assert_eq!(Value::Object(wire.err_extra), json!({"when": 3}));
    assert_eq!(Value::Object(wire.extra), json!({"fields": {"a": ["x"]}}));
}

#[test]
fn decode_fills_the_typed_error_and_keeps_the_body() {
    let body = br#"{"type":"about:blank","title":"Too Many Requests","status":429,"errcode":"M_LIMIT_EXCEEDED","detail":"slow down","retry_after_ms":1500,"error_type":"rate","other":[1]}"#;
    let decoded = Mixed::decode(WireFormat::Problem, body, &Limits::DEFAULT).expect("an object");
    let Classified::Known { error, wire } = decoded else {
        panic!("unknown: {decoded:?}");
    };
    let mut rest = Map::new();
    rest.insert("other".to_owned(), json!([1]));
    assert_eq!(
        error,
        Mixed::Limit {
            retry_after_ms: Some(1500),
            rest,
            error_type: Some("rate".to_owned())
        }
    );
    assert_eq!(wire.to_wire().title.as_deref(), Some("Too Many Requests"));
    assert_eq!(wire.members().count(), 2);
}

#[test]
fn decode_keeps_an_unknown_error_whole_and_refuses_what_read_refuses() {
    let body = br#"{"errcode":"M_NEWER","error":"from a newer server","x":true}"#;
    match Mixed::decode(WireFormat::Matrix, body, &Limits::DEFAULT) {
        Ok(Classified::Unknown(raw)) => {
            assert_eq!(
                raw.to_wire(),
                WireError::from_slice(WireFormat::Matrix, body).expect("JSON")
            );
        }
        other => panic!("{other:?}"),
    }
    let small = Limits {
        max_body_bytes: 8,
        ..Limits::DEFAULT
    };
    assert!(matches!(
        Mixed::decode(WireFormat::Matrix, body, &small),
        Err(ReceiveError::TooLarge { .. })
    ));
    assert!(matches!(
        Mixed::decode(WireFormat::Matrix, b"<html>", &Limits::DEFAULT),
        Err(ReceiveError::NotJson { .. })
    ));
    assert!(matches!(
        Mixed::decode(WireFormat::Matrix, b"[1, {}]", &Limits::DEFAULT),
        Err(ReceiveError::NotObject)
    ));
    // Not UTF-8: saying where.
    match Mixed::decode(
        WireFormat::Matrix,
        b"{\"errcode\":\"M_\xff\"}",
        &Limits::DEFAULT,
    ) {
        Err(ReceiveError::NotUtf8 { valid_up_to }) => assert_eq!(valid_up_to, 14),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_member_too_deep_to_build_is_kept_as_its_text() {
    // RawBody::parse checks no limits; serde_json builds no value nested past 128 levels.
    let deep = format!("{}1{}", "[".repeat(200), "]".repeat(200));
    let body = format!(r#"{{"errcode":"M_X","error":"x","deep":{deep},"flat":[1]}}"#);
    let raw = RawBody::parse(Some(WireFormat::Matrix), body.as_bytes()).expect("an object");
    let wire = raw.to_wire();
    assert_eq!(wire.extra["deep"], Value::String(deep));
    assert_eq!(wire.extra["flat"], json!([1]));
    // Through decode, the limits refuse such a body before it is read.
    assert!(matches!(
        Mixed::decode(WireFormat::Matrix, body.as_bytes(), &Limits::DEFAULT),
        Err(ReceiveError::TooDeep { limit: 64 })
    ));
}
