//! Every Synapse case of `fixtures/synapse.json`, observed from matrix-synapse 1.163.2 and
//! 1.9.1, rendered by the catalog and compared field by field: against 1.163.2 where the class
//! exists there, else against 1.9.1.

mod common;

use common::{Report, check_coverage, entry, fixture, object, render};
use errwire::{ApiError, Overrides, ResponseRecord};
use errwire_catalog::synapse::HttpResponseException;
use errwire_catalog::{System, entries};
use serde_json::{Map, Value, json};

const FIXTURE: &str = include_str!("../fixtures/synapse.json");
/// Synapse's HTTP layer: `to_synapse_error` with reason phrases (normal, empty, non-ASCII,
/// custom), built directly and through the real client.
const HTTP_FIXTURE: &str = include_str!("../fixtures/synapse-http.json");

/// The release the wire output follows.
const CURRENT: &str = "1.163.2";

/// The fixture's description of `reference`.
fn documented<'a>(fixture: &'a Value, reference: &str) -> Option<&'a Value> {
    fixture["entries"]
        .as_array()?
        .iter()
        .find(|documented| documented["reference"] == reference)
}

/// The suffix of the observations to compare with: 1.163.2's, or 1.9.1's for a class 1.163.2
/// dropped.
fn suffix(documented: &Value) -> &'static str {
    let current = documented["in_versions"]
        .as_array()
        .is_some_and(|versions| versions.iter().any(|v| v == CURRENT));
    if current { "" } else { "_1_9_1" }
}

/// A tagged fixture value as the catalog's fields take it.
fn untag(value: Value) -> Value {
    match value {
        Value::Object(mut map) => {
            if let Some(name) = map.remove("$exception") {
                let message = map.remove("str").unwrap_or(Value::Null);
                return json!({ "name": name, "message": message });
            }
            if let Some(text) = map.remove("$bytes") {
                return text;
            }
            if let Some(response) = map.remove("$response") {
                return untag(response);
            }
            Value::Object(map.into_iter().map(|(k, v)| (k, untag(v))).collect())
        }
        Value::Array(items) => Value::Array(items.into_iter().map(untag).collect()),
        other => other,
    }
}

/// The case's arguments by field name: positional ones named after the constructor's
/// parameters, the fake response (whose body is the `response` argument) as the
/// `ResponseRecord` the catalog keeps.
fn args(case: &Value, documented: &Value) -> Result<Map<String, Value>, String> {
    let mut args = object(&case["args"]);
    if let Some(positional) = args.remove("*args") {
        let names: Vec<&str> = documented["params"]
            .as_array()
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .filter(|p| !p["kind"].as_str().unwrap_or_default().starts_with("var_"))
            .filter_map(|p| p["name"].as_str())
            .collect();
        let values = positional.as_array().cloned().unwrap_or_default();
        if values.len() > names.len() {
            return Err(format!(
                "{} positional arguments for {names:?}",
                values.len()
            ));
        }
        for (name, value) in names.into_iter().zip(values) {
            args.insert(name.to_owned(), value);
        }
    }
    if case["response"].is_object() && args.contains_key("response") {
        args.insert("response".to_owned(), case["response"].clone());
    }
    Ok(args.into_iter().map(|(k, v)| (k, untag(v))).collect())
}

/// The response headers other than `Content-Type`, which Synapse's `headers` attribute lacks.
fn sent_headers(headers: &Value) -> Value {
    let mut headers = object(headers);
    headers.remove("content-type");
    Value::Object(headers)
}

#[test]
fn every_synapse_case_matches_the_library() {
    let fixture = fixture(FIXTURE);
    let mut report = Report::default();
    for case in common::cases(&fixture) {
        report.checked();
        let reference = case["reference"].as_str().unwrap_or_default();
        let Some(documented) = documented(&fixture, reference) else {
            report.mismatch(case, "not in the fixture's entries".to_owned());
            continue;
        };
        let observed = |key: &str| &case[format!("{key}{}", suffix(documented))];
        let Some(entry) = entry(reference) else {
            report.mismatch(case, "not declared".to_owned());
            continue;
        };
        let built = if documented["kind"] == "errcode" {
            // An errcode is sent inside a SynapseError, with that error's message.
            let msg = case["args"]["msg"].as_str().unwrap_or_default().to_owned();
            render(entry, Map::new(), Overrides::message(msg), None)
        } else {
            args(case, documented).and_then(|args| render(entry, args, Overrides::default(), None))
        };
        if let Some(raised) = observed("error").as_str() {
            if built.is_ok() {
                report.mismatch(
                    case,
                    format!("Synapse raised {raised}; the catalog built it"),
                );
            }
            continue;
        }
        let rendered = match built {
            Ok(rendered) => rendered,
            Err(problem) => {
                report.mismatch(case, format!("catalog refused the case: {problem}"));
                continue;
            }
        };
        if !observed("status").is_null() {
            let status = Value::from(rendered.status);
            report.compare(case, "status", observed("status"), &status);
            let headers = sent_headers(observed("headers"));
            let sent = sent_headers(&rendered.headers);
            report.compare(case, "headers", &headers, &sent);
        }
        if !observed("body").is_null() {
            report.compare(case, "body", observed("body"), &rendered.body);
        }
        let attributes = observed("attributes");
        let message = match attributes.get("msg") {
            Some(msg) => msg,
            None => observed("message"),
        };
        report.compare(
            case,
            "message",
            message,
            &Value::from(rendered.message.as_str()),
        );
    }
    report.finish("synapse.json");
}

#[test]
fn every_synapse_error_is_declared_and_has_cases() {
    check_coverage(System::Matrix, &fixture(FIXTURE), |documented| {
        documented["kind"] == "errcode" || documented["in_page"] == true
    });
}

/// Where the fixture gives a value, the declaration has it: on the page or not, the parent
/// class, the default status and errcode. Synapse gives three errcodes no status; the catalog
/// gives them 400 (see the module's notes).
#[test]
fn every_synapse_declaration_follows_the_fixture() {
    let fixture = fixture(FIXTURE);
    let mut problems = Vec::new();
    for entry in entries().iter().filter(|e| e.system == System::Matrix) {
        let Some(documented) = documented(&fixture, entry.reference) else {
            problems.push(format!("{}: not in the fixture", entry.reference));
            continue;
        };
        let descriptor = entry.descriptor;
        if documented["in_page"] != entry.in_page {
            problems.push(format!("{}: in_page {}", entry.reference, entry.in_page));
        }
        let parent = entry.parent_reference().map_or(Value::Null, Value::from);
        if documented["parent"] != parent {
            problems.push(format!("{}: parent {parent}", entry.reference));
        }
        let status = match (&documented["kind"], documented["status"].as_u64()) {
            (_, Some(status)) => Some(status),
            (kind, None) if kind == "errcode" => Some(400),
            _ => None,
        };
        if let Some(status) = status
            && u64::from(descriptor.status.as_u16()) != status
        {
            problems.push(format!(
                "{}: status {}, fixture {status}",
                entry.reference, descriptor.status
            ));
        }
        if let Some(errcode) = documented["errcode"].as_str()
            && descriptor.errcode != Some(errcode)
        {
            problems.push(format!(
                "{}: errcode {:?}, fixture {errcode}",
                entry.reference, descriptor.errcode
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// `HttpResponseException.to_synapse_error()` and `unsafe_to_verbatim_synapse_error()` give
/// what 1.163.2's give for every body of the fixture's classification.
#[test]
fn to_synapse_error_matches_the_library() {
    let fixtures = [fixture(FIXTURE), fixture(HTTP_FIXTURE)];
    let mut report = Report::default();
    let classification = fixtures.iter().flat_map(|fixture| {
        fixture["classification"]["to_synapse_error"]
            .as_array()
            .map_or(&[][..], Vec::as_slice)
    });
    for item in classification {
        let input = &item["input"];
        let code = input["code"]
            .as_u64()
            .and_then(|code| u16::try_from(code).ok())
            .unwrap_or_default();
        let msg = input["msg"].as_str().unwrap_or_default().to_owned();
        let body = match &input["body"] {
            Value::String(text) => text.clone(),
            tagged => {
                String::from_utf8_lossy(&hex(tagged["$bytes_hex"].as_str().unwrap_or_default()))
                    .into_owned()
            }
        };
        let response = ResponseRecord {
            status: code,
            reason: Some(msg.clone()),
            body,
            ..ResponseRecord::default()
        };
        // The same through the client side, told the reason phrase as received.
        let received = errwire_catalog::classify::Response {
            status: code,
            body: response.body.clone().into_bytes(),
            reason: Some(msg.clone()),
            ..Default::default()
        };
        let limits = errwire::Limits::DEFAULT;
        let classified =
            errwire_catalog::classify::classify(System::Matrix, &received, false, &limits)
                .ok()
                .and_then(|classification| {
                    classification.error.render_dyn(&Default::default()).ok()
                })
                .and_then(|response| serde_json::from_slice::<Value>(response.body()).ok());
        let expected_body = &item[CURRENT]["to_synapse_error"]["body"];
        if classified.as_ref() != Some(expected_body) {
            report.mismatch(
                &json!({"reference": "errwire_catalog::classify", "label": item["label"]}),
                format!("classify: {classified:?}, Synapse {expected_body}"),
            );
        }
        let exception = HttpResponseException::new(code, msg, response);
        for (method, error) in [
            ("to_synapse_error", exception.to_synapse_error()),
            (
                "unsafe_to_verbatim_synapse_error",
                exception.unsafe_to_verbatim_synapse_error(),
            ),
        ] {
            report.checked();
            let case = json!({
                "reference": format!("synapse.api.errors.HttpResponseException.{method}"),
                "label": item["label"],
            });
            let expected = &item[CURRENT][method];
            let response = match error.to_response() {
                Ok(response) => response,
                Err(problem) => {
                    report.mismatch(&case, format!("catalog cannot render: {problem}"));
                    continue;
                }
            };
            let body: Value = serde_json::from_slice(response.body()).unwrap_or(Value::Null);
            let status = Value::from(response.status().as_u16());
            report.compare(
                &case,
                "class",
                &expected["class"],
                &Value::from(error.descriptor().name),
            );
            report.compare(&case, "status", &expected["status"], &status);
            report.compare(&case, "body", &expected["body"], &body);
            report.compare(
                &case,
                "msg",
                &expected["msg"],
                &Value::from(error.msg.as_str()),
            );
        }
    }
    report.finish("synapse.json#to_synapse_error");
}

/// The bytes a hex string spells (the fixture's invalid UTF-8 body).
fn hex(text: &str) -> Vec<u8> {
    (0..text.len() / 2)
        .filter_map(|i| text.get(2 * i..2 * i + 2))
        .filter_map(|pair| u8::from_str_radix(pair, 16).ok())
        .collect()
}
