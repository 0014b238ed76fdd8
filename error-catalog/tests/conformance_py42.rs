//! Every py42 case of `fixtures/py42.json`, observed from py42 1.29.1 with real `requests`
//! responses, built by the catalog and compared: the message, the status the error stands for
//! and the properties py42 exposes. The declared hierarchy and the status classification of
//! `raise_py42_error` are checked against the fixture as well.

mod common;

use common::{Report, check_coverage, entry, fixture, object, render};
use errwire::{ErrorDescriptor, Overrides, ResponseRecord};
use errwire_catalog::py42::{HttpErrorText, PyValue, handle_error, raise_py42_error};
use errwire_catalog::{Entry, System};
use serde_json::{Map, Value, json};

const FIXTURE: &str = include_str!("../fixtures/py42.json");

/// The status the catalog gives a class that stands for none (NOTES).
const ROOT_STATUS: u16 = 500;

/// The fake response of a case as a `ResponseRecord` JSON object (status, reason, method,
/// URL, headers, body), without the observer's notes about the `HTTPError`.
fn response_json(case: &Value) -> Result<Value, String> {
    let mut response = case["response"]
        .as_object()
        .cloned()
        .ok_or("the case wraps a response but records none")?;
    response.remove("exception_str");
    response.remove("exception_constructed");
    Ok(Value::Object(response))
}

/// The case's arguments as the catalog's fields: a `requests.HTTPError` (`$http_error`) and a
/// `requests.Response` (`$response`) become the response record, an exception (`$exception`)
/// a `PyException`, and extra positional values (`*args`) the `args` field. The tagged values
/// are checked against the recorded response on the way.
fn fields(case: &Value, report: &mut Report) -> Result<Map<String, Value>, String> {
    let mut fields = Map::new();
    for (name, value) in object(&case["args"]) {
        let value = if let Some(text) = value.get("$http_error") {
            let response = response_json(case)?;
            let record = ResponseRecord::from_value(&response)?;
            let rebuilt = Value::from(HttpErrorText(&record).to_string());
            report.compare(case, "HTTPError str", text, &rebuilt);
            report.compare(
                case,
                "HTTPError str",
                &case["response"]["exception_str"],
                &rebuilt,
            );
            response
        } else if let Some(tagged) = value.get("$response") {
            let response = response_json(case)?;
            report.compare(
                case,
                "response status",
                &tagged["status"],
                &response["status"],
            );
            report.compare(case, "response url", &tagged["url"], &response["url"]);
            response
        } else if let Some(class) = value.get("$exception") {
            json!({"name": class, "message": value["str"]})
        } else {
            value
        };
        let name = if name == "*args" {
            "args".to_owned()
        } else {
            name
        };
        fields.insert(name, value);
    }
    Ok(fields)
}

/// Python's `str()` of a JSON-recorded value.
fn python_str(value: &Value) -> String {
    match value {
        Value::Null => "None".to_owned(),
        Value::Bool(true) => "True".to_owned(),
        Value::Bool(false) => "False".to_owned(),
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

/// The message py42 formatted: `str(e)` when the exception has one argument (or none);
/// otherwise `str(e)` is the repr of the whole `args` tuple (NOTES), and the message is the
/// first argument that is not the exception given as the cause.
fn expected_message(case: &Value) -> Value {
    let args = case["attributes"]["args"]
        .as_array()
        .map_or(&[][..], Vec::as_slice);
    if args.len() <= 1 {
        return case["message"].clone();
    }
    let message = args.iter().find(|arg| arg.get("$exception").is_none());
    Value::from(message.map(python_str).unwrap_or_default())
}

/// The fixture entry documented as `reference`.
fn documented<'f>(fixture: &'f Value, reference: &str) -> Option<&'f Value> {
    fixture["entries"]
        .as_array()?
        .iter()
        .find(|documented| documented["reference"] == reference)
}

/// The public properties py42 exposes for the class of `case` (besides `args`).
fn properties(fixture: &Value, case: &Value) -> Vec<String> {
    let reference = case["reference"].as_str().unwrap_or_default();
    documented(fixture, reference)
        .and_then(|documented| documented["properties"].as_array())
        .map_or(&[][..], Vec::as_slice)
        .iter()
        .filter_map(|property| property.as_str().map(str::to_owned))
        .collect()
}

#[test]
fn every_py42_case_matches_the_library() {
    let fixture = fixture(FIXTURE);
    let mut report = Report::default();
    for case in common::cases(&fixture) {
        report.checked();
        let reference = case["reference"].as_str().unwrap_or_default();
        let Some(entry) = entry(reference) else {
            report.mismatch(case, "not declared".to_owned());
            continue;
        };
        let built = fields(case, &mut report)
            .and_then(|fields| render(entry, fields, Overrides::default(), None));
        if let Some(raised) = case.get("error") {
            // py42 raised in the constructor: the catalog must refuse the same values.
            if built.is_ok() {
                report.mismatch(case, format!("library raised {raised}, catalog built it"));
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
        report.compare(
            case,
            "status",
            &case["status"],
            &Value::from(rendered.status),
        );
        report.compare(
            case,
            "message",
            &expected_message(case),
            &Value::from(rendered.message.as_str()),
        );
        // py42's properties: the response (its status is the error's), and the values the
        // catalog sends as body members named as the properties.
        let attributes = &case["attributes"];
        for property in properties(&fixture, case) {
            if property == "response" {
                report.compare(
                    case,
                    "response.status_code",
                    &attributes["response"]["$response"]["status"],
                    &Value::from(rendered.error.status().as_u16()),
                );
            } else {
                let actual = rendered.body.get(&property).cloned();
                report.compare(
                    case,
                    &property,
                    &attributes[&property],
                    &actual.unwrap_or(json!({"$missing": property})),
                );
            }
        }
    }
    report.finish("py42.json");
}

#[test]
fn every_py42_class_is_declared_as_py42_declares_it() {
    let fixture = fixture(FIXTURE);
    let mut report = Report::default();
    for documented in fixture["entries"].as_array().map_or(&[][..], Vec::as_slice) {
        report.checked();
        let reference = documented["reference"].as_str().unwrap_or_default();
        let class = reference.rsplit('.').next().unwrap_or_default();
        let as_case = |label: &str| json!({"reference": reference, "label": label});
        let Some(entry) = entry(reference) else {
            report.mismatch(&as_case("entry"), "not declared".to_owned());
            continue;
        };
        let d = entry.descriptor;
        report.compare(
            &as_case("name"),
            "Rust name",
            &Value::from(format!("py42::{class}")),
            &Value::from(entry.name),
        );
        report.compare(
            &as_case("name"),
            "descriptor name",
            &Value::from(class),
            &Value::from(d.name),
        );
        report.compare(
            &as_case("in_page"),
            "in_page",
            &documented["in_page"],
            &Value::from(entry.in_page),
        );
        report.compare(
            &as_case("parent"),
            "parent",
            &documented["parent"],
            &Value::from(entry.parent_reference()),
        );
        report.compare(
            &as_case("status"),
            "status",
            &Value::from(declared_status(&fixture, documented)),
            &Value::from(d.status.as_u16()),
        );
        report.compare(
            &as_case("message template"),
            "message template",
            &documented["message"],
            &Value::from(d.message),
        );
        report.compare(
            &as_case("doc"),
            "doc",
            &documented["doc"],
            &Value::from(first_paragraph(d.doc)),
        );
        let params: Vec<Value> = documented["params"]
            .as_array()
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .map(|param| param["name"].clone())
            .collect();
        let fields: Vec<Value> = d.fields.iter().map(|f| Value::from(f.name)).collect();
        report.compare(
            &as_case("fields"),
            "fields",
            &Value::from(params),
            &Value::from(fields),
        );
    }
    report.finish("py42.json#entries");
}

/// The status a class is declared with: the one py42 maps to it, else (a class that stands for
/// no status) its nearest mapped ancestor's, else the root's.
fn declared_status(fixture: &Value, documented: &Value) -> u16 {
    let mut current = Some(documented);
    while let Some(class) = current {
        if let Some(status) = class["status"].as_u64() {
            return u16::try_from(status).unwrap_or_default();
        }
        current = class["parent"]
            .as_str()
            .and_then(|parent| self::documented(fixture, parent));
    }
    ROOT_STATUS
}

/// A docstring's first paragraph on one line, as the fixture records it.
fn first_paragraph(doc: &str) -> String {
    let paragraph = doc.split("\n\n").next().unwrap_or_default();
    paragraph.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The catalog's error for a classification case's response, as py42 chose one.
fn classified(case: &Value) -> Result<Option<Box<dyn errwire_catalog::CatalogError>>, String> {
    let function = case["function"].as_str().unwrap_or_default();
    let record = match &case["response"] {
        Value::Null => None,
        response => Some(ResponseRecord::from_value(response)?),
    };
    match function {
        "py42.exceptions.raise_py42_error" => {
            Ok(Some(raise_py42_error(record.ok_or("no response")?)))
        }
        "py42.services._connection._handle_error" => {
            let input = &case["input"];
            let method = input["method"].as_str().unwrap_or_default();
            let url = input["url"].as_str().unwrap_or_default();
            Ok(handle_error(method, url, record).err())
        }
        other => Err(format!("unknown function {other}")),
    }
}

#[test]
fn py42_classifies_responses_as_the_library_does() {
    let fixture = fixture(FIXTURE);
    let classification = &fixture["classification"]["raise_py42_error"];
    let mut report = Report::default();
    for case in classification["cases"]
        .as_array()
        .map_or(&[][..], Vec::as_slice)
    {
        report.checked();
        let label = format!("status {}", case["input"]["status"]);
        let as_case = json!({"reference": case["function"], "label": label});
        let error = match classified(case) {
            Ok(error) => error,
            Err(problem) => {
                report.mismatch(&as_case, problem);
                continue;
            }
        };
        let name = error.as_ref().map(|error| error.descriptor().name);
        report.compare(&as_case, "raised", &case["raised"], &Value::from(name));
        let message = error.as_ref().map(|error| error.to_string());
        let expected = case.get("message").cloned().unwrap_or(Value::Null);
        report.compare(&as_case, "message", &expected, &Value::from(message));
        if let Some(text) = case["response"].get("exception_str") {
            let record = ResponseRecord::from_value(&case["response"]);
            let rebuilt = record.map(|record| HttpErrorText(&record).to_string());
            report.compare(&as_case, "HTTPError str", text, &Value::from(rebuilt.ok()));
        }
    }
    // Every status from 100 to 599 goes to the class py42 maps it to.
    for mapped in classification["status_map"]
        .as_array()
        .map_or(&[][..], Vec::as_slice)
    {
        let ranges = mapped["statuses"].as_array().map_or(&[][..], Vec::as_slice);
        for range in ranges {
            let (low, high) = (
                range[0].as_u64().unwrap_or(1),
                range[1].as_u64().unwrap_or(0),
            );
            for status in low..=high {
                report.checked();
                let as_case = json!({"reference": "status_map", "label": status.to_string()});
                let status = u16::try_from(status).unwrap_or_default();
                let error = raise_py42_error(ResponseRecord::with_status(status));
                report.compare(
                    &as_case,
                    "class",
                    &mapped["class"],
                    &Value::from(error.descriptor().name),
                );
                report.compare(
                    &as_case,
                    "status",
                    &Value::from(status),
                    &Value::from(error.status().as_u16()),
                );
            }
        }
    }
    report.finish("py42.json#classification");
}

#[test]
fn every_py42_class_descends_from_py42_error() {
    let root: &ErrorDescriptor = py42_entries()
        .find(|entry| entry.reference == "py42.exceptions.Py42Error")
        .map(|entry| entry.descriptor)
        .unwrap_or_else(|| panic!("Py42Error is not declared"));
    for entry in py42_entries() {
        assert!(
            entry.descriptor.is_a(root),
            "{} is no Py42Error",
            entry.name
        );
    }
}

fn py42_entries() -> impl Iterator<Item = &'static Entry> {
    errwire_catalog::entries()
        .iter()
        .filter(|entry| entry.system == System::Py42)
}

/// py42 formats its values with f-strings, which show them as `str()` does; the expected texts
/// are Python 3's.
#[test]
fn py_values_show_as_python_shows_them() {
    let shown = [
        (PyValue::None, "None"),
        (PyValue::Bool(true), "True"),
        (
            PyValue::Int(9_223_372_036_854_775_807),
            "9223372036854775807",
        ),
        (PyValue::from("café ☃"), "café ☃"),
        (PyValue::Float(1e16), "1e+16"),
        (
            PyValue::Float(1_234_567_890_123_456.0),
            "1234567890123456.0",
        ),
        (
            PyValue::Float(12_345_678_901_234_567.0),
            "1.2345678901234568e+16",
        ),
        (PyValue::Float(0.0001), "0.0001"),
        (PyValue::Float(0.00001), "1e-05"),
        (PyValue::Float(2.0), "2.0"),
        (PyValue::Float(-0.0), "-0.0"),
        (PyValue::Float(0.1), "0.1"),
        (PyValue::Float(1.5e300), "1.5e+300"),
        (PyValue::Float(-2.5e-7), "-2.5e-07"),
        (PyValue::Float(123.456), "123.456"),
    ];
    for (value, text) in shown {
        assert_eq!(value.to_string(), text, "{value:?}");
    }
    let falsy = [
        PyValue::None,
        PyValue::from(""),
        PyValue::Int(0),
        PyValue::Bool(false),
    ];
    assert!(falsy.iter().all(|value| !value.is_truthy()));
    let read: Result<Vec<PyValue>, _> =
        serde_json::from_value(json!([null, true, 18446744073709551615_u64, -1, 1.5, "x"]));
    assert_eq!(
        read.ok(),
        Some(vec![
            PyValue::None,
            PyValue::Bool(true),
            PyValue::Int(18_446_744_073_709_551_615),
            PyValue::Int(-1),
            PyValue::Float(1.5),
            PyValue::from("x"),
        ])
    );
    assert!(serde_json::from_value::<PyValue>(json!([1])).is_err());
}

#[test]
fn every_py42_error_is_declared_and_has_cases() {
    check_coverage(System::Py42, &fixture(FIXTURE), |_| true);
}
