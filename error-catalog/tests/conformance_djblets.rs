//! Every Djblets case of `fixtures/djblets.json`, observed from Djblets 6.1, rendered by the
//! catalog and compared field by field.

mod common;

use common::{
    Report, check_coverage, djblets_overrides as overrides_of, entry, fixture, object, render,
};
use errwire::{Overrides, Summary};
use errwire_catalog::System;
use serde_json::{Map, Value};

const FIXTURE: &str = include_str!("../fixtures/djblets.json");

/// The overrides of one case: one `with_overrides`/`with_message` call, or a chain of two.
fn case_overrides(case: &Value) -> Result<Overrides, String> {
    let given = &case["overrides"];
    if given.get("first").is_some() {
        let mut first = overrides_of(&given["first"])?;
        if let Some(message) = given["then_msg"].as_str() {
            first.message = Some(message.to_owned().into());
        }
        return Ok(first);
    }
    overrides_of(given)
}

#[test]
fn every_djblets_case_matches_the_library() {
    let fixture = fixture(FIXTURE);
    let mut report = Report::default();
    for case in common::cases(&fixture) {
        report.checked();
        let reference = case["reference"].as_str().unwrap_or_default();
        let Some(entry) = entry(reference) else {
            report.mismatch(case, "not declared".to_owned());
            continue;
        };
        let extra: Option<Map<String, Value>> = case["extra_params"].as_object().cloned();
        let rendered = case_overrides(case)
            .and_then(|overrides| render(entry, object(&case["args"]), overrides, extra.as_ref()));
        let rendered = match rendered {
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
        if case["label"] == "xml api_format" {
            // Djblets' XML form, byte for byte (every other XML case is in
            // conformance_djblets_formats.rs).
            let xml = rendered.error.render_dyn(&errwire::RenderOptions {
                encoding: errwire::Encoding::Xml,
                ..errwire::RenderOptions::default()
            });
            match xml {
                Ok(xml) => {
                    let headers = errwire_catalog::cli::headers_json(xml.headers());
                    report.compare(case, "headers", &case["headers"], &Value::Object(headers));
                    let text = String::from_utf8_lossy(xml.body()).into_owned();
                    report.compare(case, "body_text", &case["body_text"], &Value::from(text));
                }
                Err(problem) => report.mismatch(case, format!("no XML: {problem}")),
            }
        } else {
            report.compare(case, "headers", &case["headers"], &rendered.headers);
            report.compare(case, "body", &case["body"], &rendered.body);
        }
        report.compare(
            case,
            "message",
            &case["message"],
            &Value::from(rendered.message),
        );
        let summary = Summary::of(&*rendered.error).to_string();
        report.compare(case, "str", &case["str"], &Value::from(summary));
        let code = rendered.error.code();
        report.compare(
            case,
            "code",
            &case["attributes"]["code"],
            &Value::from(code),
        );
    }
    report.finish("djblets.json");
}

#[test]
fn every_djblets_error_is_declared_and_has_cases() {
    check_coverage(System::Djblets, &fixture(FIXTURE), |_| true);
}
