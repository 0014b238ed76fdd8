//! Djblets 6.1's XML and JSONP answers (`fixtures/djblets-formats.json`): every predefined
//! error in XML, overrides, extra members, non-ASCII and hostile text in XML and JSONP,
//! callbacks, and the format negotiation of `WebAPIResponseError`; XML compared byte for
//! byte, JSONP by its wrapper byte for byte and the JSON inside as values.

mod common;

use common::{Report, djblets_overrides as overrides_of, entry, fixture};
use errwire::{Encoding, RenderOptions};
use serde_json::{Map, Value};

const FIXTURE: &str = include_str!("../fixtures/djblets-formats.json");

/// Cases whose values JSON has no form for (Python's `datetime`, `Decimal`, `set`, non-text
/// keys, a lone surrogate, a root that is no dict), so no Rust caller can send them.
const PYTHON_ONLY: &[&str] = &[
    "integer keys",
    "bool key",
    "float key",
    "None key",
    "datetime (aware, with microseconds)",
    "date",
    "Decimal",
    "UUID",
    "set",
    "bytes",
    "object no encoder handles",
    "dict holding an object no encoder handles",
    "text: lone surrogate",
    "root None",
    "root boolean",
    "root integer",
    "root list",
    "root string",
    "non-finite floats",
];

fn label(case: &Value) -> &str {
    case["label"].as_str().unwrap_or_default()
}

#[test]
fn every_xml_and_jsonp_case_matches_the_library() {
    let fixture = fixture(FIXTURE);
    let mut report = Report::default();
    let mut skipped = Vec::new();
    for case in common::cases(&fixture) {
        let category = case["category"].as_str().unwrap_or_default();
        if !matches!(category, "xml-all" | "variants" | "jsonp" | "xml-encoding") {
            continue;
        }
        if PYTHON_ONLY.contains(&label(case)) {
            skipped.push(label(case).to_owned());
            continue;
        }
        // Cases that depend on how the request is read are the negotiation test's.
        if case["request"]["method"] == "POST" || label(case).starts_with("repeated") {
            continue;
        }
        if label(case).contains("Accept") || case["via"] != "WebAPIResponseError" {
            continue;
        }
        report.checked();
        // Djblets raised (a header value with CR or LF: Django's `BadHeaderError`); errwire
        // must refuse it too.
        let raised = case.get("raised").is_some_and(|raised| !raised.is_null());
        let reference = case["reference"].as_str().unwrap_or_default();
        let Some(entry) = entry(reference) else {
            report.mismatch(case, "not declared".to_owned());
            continue;
        };
        let error = match overrides_of(&case["overrides"])
            .and_then(|o| (entry.build)(Map::new(), o).map_err(|e| e.to_string()))
        {
            Ok(error) => error,
            Err(_) if raised => continue,
            Err(problem) => {
                report.mismatch(case, format!("not built: {problem}"));
                continue;
            }
        };
        let xml = case["adapter"] == "XMLEncoderAdapter";
        let callback = case["callback"].as_str();
        // The members in the order Djblets writes them (the fixture's own keys are sorted).
        let extra: Option<Map<String, Value>> = case["extra_params_in_order"]
            .as_str()
            .and_then(|json| serde_json::from_str(json).ok());
        let response_headers: Option<http::HeaderMap> =
            case["response_headers"].as_object().map(|given| {
                given
                    .iter()
                    .filter_map(|(name, value)| {
                        Some((
                            http::HeaderName::from_bytes(name.as_bytes()).ok()?,
                            http::HeaderValue::from_str(value.as_str()?).ok()?,
                        ))
                    })
                    .collect()
            });
        let options = RenderOptions {
            encoding: if xml { Encoding::Xml } else { Encoding::Json },
            callback,
            extra: extra.as_ref(),
            response_headers: response_headers.as_ref(),
            ..RenderOptions::default()
        };
        let response = match error.render_dyn(&options) {
            Ok(response) => response,
            Err(errwire::RenderError::InvalidCallback(callback)) => {
                report.mismatch(case, format!("callback {callback:?} refused"));
                continue;
            }
            Err(_) if raised => continue,
            Err(problem) => {
                report.mismatch(case, format!("not rendered: {problem}"));
                continue;
            }
        };
        if raised {
            report.mismatch(case, "Djblets raised, errwire rendered".to_owned());
            continue;
        }
        report.compare(
            case,
            "status",
            &case["status"],
            &Value::from(response.status().as_u16()),
        );
        let headers = errwire_catalog::cli::headers_json(response.headers());
        report.compare(case, "headers", &case["headers"], &Value::Object(headers));
        let expected = case["body_text"].as_str().unwrap_or_default();
        let actual = String::from_utf8_lossy(response.body()).into_owned();
        match callback {
            // JSONP: the wrapper byte for byte, the JSON (Python's `json.dumps`) as values.
            Some(callback) if !xml => {
                let inner = |text: &str| -> Option<Value> {
                    let json = text
                        .strip_prefix(&format!("{callback}("))?
                        .strip_suffix(");")?;
                    serde_json::from_str(json).ok()
                };
                match (inner(expected), inner(&actual)) {
                    (Some(expected), Some(actual)) => {
                        report.compare(case, "JSONP body", &expected, &actual);
                    }
                    _ => report.mismatch(case, format!("JSONP {expected:?} vs {actual:?}")),
                }
            }
            _ if (xml || callback.is_some()) && expected != actual => {
                report.mismatch(case, format!("body:\n{expected}\nvs\n{actual}"));
            }
            _ => {}
        }
    }
    let mut skipped_labels = skipped.clone();
    skipped_labels.sort();
    skipped_labels.dedup();
    let mut expected_skips: Vec<String> = PYTHON_ONLY.iter().map(|s| (*s).to_owned()).collect();
    expected_skips.sort();
    assert_eq!(skipped_labels, expected_skips, "Python-only cases");
    report.finish("djblets-formats.json");
}

#[test]
fn the_format_negotiation_of_web_api_response_error_matches() {
    let fixture = fixture(FIXTURE);
    let mut report = Report::default();
    for case in common::cases(&fixture) {
        let negotiated = case["category"] == "negotiation" || label(case).contains("Accept");
        if !negotiated
            || case["via"] != "WebAPIResponseError"
            || case["response_kwargs"]
                .as_object()
                .is_some_and(|k| !k.is_empty())
        {
            continue;
        }
        let request = &case["request"];
        let mut headers = http::HeaderMap::new();
        if let Some(accept) = request["accept"].as_str()
            && let Ok(value) = http::HeaderValue::from_str(accept)
        {
            headers.insert(http::header::ACCEPT, value);
        }
        let form = errwire::negotiation::djblets(request["query_string"].as_str(), &headers);
        let expected = match case["content_type"].as_str() {
            Some("application/xml") => Some(Encoding::Xml),
            Some("application/json") => Some(Encoding::Json),
            _ => None,
        };
        report.checked();
        if expected != Some(form.encoding) {
            report.mismatch(
                case,
                format!("Djblets {expected:?}, errwire {:?}", form.encoding),
            );
        }
        if let Some(callback) = case["callback"].as_str() {
            assert_eq!(form.callback.as_deref(), Some(callback), "{}", label(case));
        }
    }
    report.finish("djblets-formats.json#negotiation");
}
