//! Every pyTenable case of `fixtures/tenable.json`, observed from pyTenable 1.3.3, built by the
//! catalog and compared with the library: `str(e)`, `repr(e)`, the status and the attributes
//! (`code`, `uuid`, `msg`, `attempts`, `response`, the export and download fields); then every
//! documented class against its description, and the status mapping of each session class.
//!
//! Not compared: the `args` attribute (Python's `BaseException.args`, the call's positional
//! values, which no Rust error has), and `headers`/`body` (null: pyTenable errors are raised by
//! a client, never rendered as responses). The retry sleeps and Tenable.io's retry headers of
//! the classification are client behaviour, not error data (see `tenable::NOTES`).

mod common;

use common::{Report, check_coverage, entry, fixture, object, render};
use errwire::{Overrides, ResponseRecord};
use errwire_catalog::System;
use errwire_catalog::tenable::RetryDecision;
use errwire_catalog::tenable::{
    self, APIError, ConnectionError, FileDownloadError, ImpersonationError, InvalidInputError,
    NotFoundError, PackageMissingError, PasswordComplexityError, PermissionError, RETRIES,
    RETRY_STATUSES, RetryError, ServerError, Session, TenableException, TioExportsError,
    TioExportsTimeout, UnexpectedValueError, UnknownError, UnsupportedError,
};
use serde::de::DeserializeOwned;
use serde_json::{Map, Value, json};

const FIXTURE: &str = include_str!("../fixtures/tenable.json");

/// The case's arguments as field values: a tagged `{"$response": …}` becomes the full
/// response the observer built (the case's `response`), as a `ResponseRecord` reads it.
fn arguments(case: &Value) -> Map<String, Value> {
    object(&case["args"])
        .into_iter()
        .map(|(name, value)| {
            let value = match value.get("$response") {
                Some(_) if case["response"].is_object() => case["response"].clone(),
                Some(tag) => tag.clone(),
                None => value,
            };
            (name, value)
        })
        .collect()
}

/// A response as the fixture tags it among the attributes.
fn response_tag(response: &ResponseRecord) -> Value {
    json!({"$response": {"status": response.status, "url": response.url}})
}

fn build<E: DeserializeOwned>(args: &Map<String, Value>) -> Result<E, String> {
    serde_json::from_value(Value::Object(args.clone())).map_err(|e| e.to_string())
}

/// The attributes of the catalog error for `reference`, as pyTenable names them.
fn attributes(reference: &str, args: &Map<String, Value>) -> Result<Value, String> {
    macro_rules! with_response {
        ($error:ty) => {{
            let error: $error = build(args)?;
            json!({
                "code": error.code(),
                "uuid": error.uuid(),
                "msg": error.msg(),
                "response": response_tag(&error.response),
            })
        }};
    }
    macro_rules! with_msg {
        ($error:ty) => {{
            let error: $error = build(args)?;
            json!({"msg": error.msg})
        }};
    }
    macro_rules! export {
        ($error:ty) => {{
            let error: $error = build(args)?;
            json!({"export": error.export, "uuid": error.uuid, "msg": error.msg()})
        }};
    }
    Ok(match reference.trim_start_matches("tenable.errors.") {
        "TenableException" => with_msg!(TenableException),
        "ConnectionError" => with_msg!(ConnectionError),
        "PackageMissingError" => with_msg!(PackageMissingError),
        "UnexpectedValueError" => with_msg!(UnexpectedValueError),
        "FileDownloadError" => {
            let error: FileDownloadError = build(args)?;
            json!({
                "resource": error.resource,
                "resource_id": error.resource_id,
                "filename": error.filename,
                "msg": error.msg(),
            })
        }
        "TioExportsError" => export!(TioExportsError),
        "TioExportsTimeout" => export!(TioExportsTimeout),
        "APIError" => with_response!(APIError),
        "ImpersonationError" => with_response!(ImpersonationError),
        "InvalidInputError" => with_response!(InvalidInputError),
        "NotFoundError" => with_response!(NotFoundError),
        "PasswordComplexityError" => with_response!(PasswordComplexityError),
        "PermissionError" => with_response!(PermissionError),
        "ServerError" => with_response!(ServerError),
        "UnknownError" => with_response!(UnknownError),
        "UnsupportedError" => with_response!(UnsupportedError),
        "RetryError" => {
            let error: RetryError = build(args)?;
            json!({
                "code": error.code(),
                "uuid": error.uuid(),
                "msg": error.msg(),
                "response": response_tag(&error.response),
                "attempts": error.attempts,
            })
        }
        other => return Err(format!("no attributes known for {other}")),
    })
}

/// Python's `repr()` of a `str`: single quotes unless the text has some and no double ones,
/// backslash escapes for the quote, backslash and control characters.
fn python_repr(text: &str) -> String {
    let quote = if text.contains('\'') && !text.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut repr = String::from(quote);
    for c in text.chars() {
        match c {
            '\\' => repr.push_str("\\\\"),
            '\n' => repr.push_str("\\n"),
            '\r' => repr.push_str("\\r"),
            '\t' => repr.push_str("\\t"),
            c if c == quote => {
                repr.push('\\');
                repr.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                repr.push_str(&format!("\\x{:02x}", c as u32));
            }
            c => repr.push(c),
        }
    }
    repr.push(quote);
    repr
}

#[test]
fn every_tenable_case_matches_the_library() {
    let fixture = fixture(FIXTURE);
    let mut report = Report::default();
    for case in common::cases(&fixture) {
        report.checked();
        let reference = case["reference"].as_str().unwrap_or_default();
        let Some(entry) = entry(reference) else {
            report.mismatch(case, "not declared".to_owned());
            continue;
        };
        let args = arguments(case);
        let rendered = match render(entry, args.clone(), Overrides::default(), None) {
            Ok(rendered) => rendered,
            Err(problem) => {
                if case["error"].is_null() {
                    report.mismatch(case, format!("catalog refused the case: {problem}"));
                }
                continue;
            }
        };
        if let Some(error) = case["error"].as_str() {
            report.mismatch(case, format!("library raised {error}, catalog built it"));
            continue;
        }
        report.compare(
            case,
            "message",
            &case["message"],
            &Value::from(rendered.message.clone()),
        );
        report.compare(
            case,
            "repr",
            &case["repr"],
            &Value::from(python_repr(&rendered.message)),
        );
        // pyTenable's status is the wrapped response's; the other classes have none, and the
        // catalog's default for them is a choice (see `tenable::NOTES`).
        if !case["status"].is_null() {
            report.compare(
                case,
                "status",
                &case["status"],
                &Value::from(rendered.status),
            );
        }
        let observed = object(&case["attributes"]);
        match attributes(reference, &args) {
            Ok(actual) => {
                for (name, expected) in observed.iter().filter(|(name, _)| *name != "args") {
                    let actual = actual.get(name).cloned().unwrap_or(Value::Null);
                    report.compare(case, &format!("attribute {name}"), expected, &actual);
                }
            }
            Err(problem) => report.mismatch(case, format!("no attributes: {problem}")),
        }
    }
    report.finish("tenable.json");
}

/// Whitespace collapsed, for docstrings that wrap differently.
fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn every_tenable_class_matches_its_description() {
    let fixture = fixture(FIXTURE);
    let mut report = Report::default();
    for documented in fixture["entries"].as_array().map_or(&[][..], Vec::as_slice) {
        report.checked();
        let reference = documented["reference"].as_str().unwrap_or_default();
        let case = json!({"reference": reference, "label": "description"});
        let Some(entry) = entry(reference) else {
            report.mismatch(&case, "not declared".to_owned());
            continue;
        };
        let d = entry.descriptor;
        report.compare(
            &case,
            "parent",
            &documented["parent"],
            &Value::from(entry.parent_reference()),
        );
        report.compare(
            &case,
            "in_page",
            &documented["in_page"],
            &Value::from(entry.in_page),
        );
        if !documented["status"].is_null() {
            report.compare(
                &case,
                "status",
                &documented["status"],
                &Value::from(d.status.as_u16()),
            );
        }
        report.compare(
            &case,
            "message",
            &documented["message"],
            &Value::from(d.message),
        );
        let doc = words(documented["doc"].as_str().unwrap_or_default());
        if !words(d.doc).starts_with(&doc) {
            report.mismatch(&case, format!("doc: library {doc:?}, catalog {:?}", d.doc));
        }
        // The constructor's parameters are the fields; `r` is kept as `response`, the attribute.
        let params: Vec<Value> = documented["params"]
            .as_array()
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .map(|param| match param["name"].as_str() {
                Some("r") => Value::from("response"),
                _ => param["name"].clone(),
            })
            .collect();
        let fields: Vec<Value> = d.fields.iter().map(|f| Value::from(f.name)).collect();
        report.compare(&case, "fields", &Value::from(params), &Value::from(fields));
    }
    report.finish("tenable.json#entries");
}

/// The response a classification case ends with: its script's last one, or the observer's
/// fake error response for `status_in` (the body and request UUID its messages show).
fn final_response(case: &Value) -> ResponseRecord {
    let last = case["script"].as_array().and_then(|script| script.last());
    let value = match last {
        Some(last) => last.clone(),
        None => json!({
            "status": case["status_in"],
            "headers": {"X-Request-Uuid": "4b1c0d6e-7f3a-4e55-9a2c-0f1e2d3c4b5a"},
            "body": "{\"error\":\"x\"}",
        }),
    };
    ResponseRecord::from_value(&value).unwrap_or_default()
}

/// Runs `tenable::retry_policy()` over the responses of a case (its script, the last one
/// repeating, or its one status): the waits it prescribes, the requests made, and the attempts
/// a `RetryError` would report.
fn replay_retries(case: &Value, retry_on: &[u16]) -> (Value, Value, Value) {
    let script: Vec<ResponseRecord> = match case["script"].as_array() {
        Some(script) => script
            .iter()
            .filter_map(|step| ResponseRecord::from_value(step).ok())
            .collect(),
        None => vec![final_response(case)],
    };
    let policy = tenable::retry_policy();
    let mut sleeps = Vec::new();
    let mut attempt = 0u32;
    let mut gave_up = Value::Null;
    loop {
        attempt += 1;
        let index = usize::try_from(attempt - 1).unwrap_or(usize::MAX);
        let Some(response) = script.get(index).or(script.last()) else {
            break;
        };
        let retry_after = response.header("Retry-After");
        match policy.decide(attempt, response.status, retry_after, retry_on) {
            RetryDecision::Done => break,
            RetryDecision::Retry { wait } => sleeps.push(Value::from(wait.as_secs_f64())),
            RetryDecision::GiveUp { attempts, wait } => {
                sleeps.push(Value::from(wait.as_secs_f64()));
                gave_up = Value::from(attempts);
                break;
            }
        }
    }
    (Value::Array(sleeps), Value::from(attempt), gave_up)
}

#[test]
fn every_session_maps_statuses_as_the_library() {
    let fixture = fixture(FIXTURE);
    let classification = &fixture["classification"];
    let mut report = Report::default();
    let retry: Vec<Value> = RETRY_STATUSES.iter().map(|s| Value::from(*s)).collect();
    let top = json!({"reference": "classification", "label": "retry codes"});
    report.compare(
        &top,
        "retry_codes",
        &classification["retry_codes"],
        &Value::from(retry),
    );
    let sessions = object(&classification["sessions"]);
    assert_eq!(sessions.len(), 3, "the fixture's session classes");
    for (name, observed) in &sessions {
        let session = match name.as_str() {
            "tenable.sc.TenableSC" => Session::Sc,
            _ => Session::Base,
        };
        let mapping = json!({"reference": name, "label": "error codes"});
        report.compare(
            &mapping,
            "retries",
            &observed["retries"],
            &Value::from(RETRIES),
        );
        let codes: Map<String, Value> = (100..=599)
            .filter_map(|status| {
                let class = session.error_class(status)?;
                Some((status.to_string(), Value::from(class.name)))
            })
            .collect();
        report.compare(
            &mapping,
            "error_codes",
            &observed["error_codes"],
            &Value::Object(codes),
        );
        for case in observed["cases"].as_array().map_or(&[][..], Vec::as_slice) {
            report.checked();
            let label = match case["label"].as_str() {
                Some(label) => label.to_owned(),
                None => format!("status {}", case["status_in"]),
            };
            let labelled = json!({"reference": name, "label": label});
            let retry_on: Vec<u16> = case["request_kwargs"]["retry_on"]
                .as_array()
                .map_or(&[][..], Vec::as_slice)
                .iter()
                .filter_map(|status| status.as_u64()?.try_into().ok())
                .collect();
            let raised = tenable::error_for_response(session, final_response(case), &retry_on);
            let raised_name = raised.as_ref().map(|error| error.descriptor().name);
            report.compare(
                &labelled,
                "raised",
                &case["raised"],
                &Value::from(raised_name),
            );
            let (sleeps, requests, attempts) = replay_retries(case, &retry_on);
            report.compare(&labelled, "sleeps", &case["sleeps"], &sleeps);
            report.compare(
                &labelled,
                "requests_made",
                &case["requests_made"],
                &requests,
            );
            if case.get("attempts").is_some() {
                report.compare(&labelled, "attempts", &case["attempts"], &attempts);
            }
            if let Some(error) = raised {
                report.compare(
                    &labelled,
                    "message",
                    &case["message"],
                    &Value::from(error.to_string()),
                );
                report.compare(
                    &labelled,
                    "status",
                    &case["status"],
                    &Value::from(error.status().as_u16()),
                );
            }
        }
    }
    report.finish("tenable.json#mapping");
}

#[test]
fn every_tenable_error_is_declared_and_has_cases() {
    check_coverage(System::Tenable, &fixture(FIXTURE), |_| true);
}
