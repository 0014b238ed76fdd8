//! Djblets 6.1's XML and JSONP answers (`fixtures/djblets-formats.json`): every predefined
//! error in XML, overrides, extra members, non-ASCII and hostile text in XML and JSONP,
//! callbacks, and the format negotiation of `WebAPIResponseError`; XML compared byte for
//! byte, JSONP by its wrapper byte for byte and the JSON inside as values.

mod common;

use common::{Divergence, Report, entry, fixture};
use errwire::{Encoding, Overrides, RenderOptions};
use serde_json::{Map, Value};

const FIXTURE: &str = include_str!("../fixtures/djblets-formats.json");

/// Where the catalog knowingly differs from Djblets; also listed in CATALOG.md.
const DIVERGENCES: &[Divergence] = &[
    Divergence {
        reference: "*",
        label: "xml: with_message control characters",
        reason: "Djblets writes control characters raw, which makes XML no parser reads; errwire writes U+FFFD for each character XML 1.0 forbids, and a carriage return as `&#13;`.",
    },
    Divergence {
        reference: "*",
        label: "text: C0 controls and DEL",
        reason: "As above: U+FFFD for the characters XML 1.0 forbids, `&#13;` for a carriage return.",
    },
    Divergence {
        reference: "*",
        label: "text: U+0085, U+2028, U+FFFE, U+FFFF",
        reason: "As above: U+FFFE and U+FFFF are no XML characters, written as U+FFFD.",
    },
    Divergence {
        reference: "*",
        label: "text: tab, newline, carriage return",
        reason: "A carriage return is written `&#13;` (quick-xml's escape), so a parser reads it back instead of turning it into a line feed.",
    },
    Divergence {
        reference: "*",
        label: "keys that are not XML names",
        reason: "Djblets writes such a member as an ill-formed tag; errwire refuses the body (`RenderError::Xml`).",
    },
    Divergence {
        reference: "*",
        label: "xml: error header value non-ASCII",
        reason: "Django sends a non-ASCII header value as RFC 2047 (`=?utf-8?b?…?=`), which HTTP never defined; errwire sends its UTF-8 bytes (RFC 9110 §5.5's obs-text).",
    },
    Divergence {
        reference: "*",
        label: "jsonp: error header value non-ASCII",
        reason: "As above.",
    },
];

/// Callbacks Djblets passes through verbatim, which errwire refuses
/// (`RenderError::InvalidCallback`): anything but a JavaScript identifier path would run as
/// script in the caller's page.
const REFUSED_CALLBACKS: &[&str] = &[
    "alert(1)//",
    "a-b",
    "1abc",
    "a b (space)",
    "<script>",
    "</script><script>alert(1)</script>",
    "a;b",
    "newline a\\nb",
    "non-ASCII café☃",
    "empty string",
];

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

fn overrides_of(fields: &Value) -> Result<Overrides, String> {
    let text = |key: &str| fields[key].as_str().map(|s| s.to_owned().into());
    let mut overrides = Overrides {
        message: text("msg"),
        error_subtype: text("error_subtype"),
        detail: text("detail"),
        trace_id: text("trace_id"),
        ..Overrides::default()
    };
    if let Some(headers) = fields["headers"].as_object() {
        for (name, value) in headers {
            overrides = overrides
                .header(name, value.as_str().unwrap_or_default())
                .map_err(|e| e.to_string())?;
        }
    }
    Ok(overrides)
}

fn label(case: &Value) -> &str {
    case["label"].as_str().unwrap_or_default()
}

#[test]
fn every_xml_and_jsonp_case_matches_the_library() {
    let fixture = fixture(FIXTURE);
    let mut report = Report::default();
    let mut refused = std::collections::BTreeSet::new();
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
            Err(errwire::RenderError::InvalidCallback(_))
                if REFUSED_CALLBACKS.contains(&label(case)) =>
            {
                refused.insert(label(case).to_owned());
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
    let refusals: std::collections::BTreeSet<String> =
        REFUSED_CALLBACKS.iter().map(|c| (*c).to_owned()).collect();
    assert_eq!(refused, refusals, "refused callbacks");
    let mut skipped_labels = skipped.clone();
    skipped_labels.sort();
    skipped_labels.dedup();
    let mut expected_skips: Vec<String> = PYTHON_ONLY.iter().map(|s| (*s).to_owned()).collect();
    expected_skips.sort();
    assert_eq!(skipped_labels, expected_skips, "Python-only cases");
    report.finish(DIVERGENCES);
}

#[test]
fn the_format_negotiation_of_web_api_response_error_matches() {
    let fixture = fixture(FIXTURE);
    let mut checked = 0;
    let mut differ = Vec::new();
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
        checked += 1;
        if expected != Some(form.encoding) {
            differ.push(format!(
                "{} | Djblets {expected:?}, errwire {:?}",
                label(case),
                form.encoding
            ));
        }
        if let Some(callback) = case["callback"].as_str() {
            assert_eq!(form.callback.as_deref(), Some(callback), "{}", label(case));
        }
    }
    // Where Djblets answers no type at all (a broken response), errwire answers JSON; a
    // POST's `api_format` is read from its query (Djblets reads the form body, which a
    // middleware cannot without consuming it).
    let mut differ_labels: Vec<&str> = differ
        .iter()
        .map(|line| line.split(" | ").next().unwrap_or_default())
        .collect();
    differ_labels.sort();
    assert_eq!(
        differ_labels,
        [
            "Accept: */*;q=0",
            "Accept: application/json;q=0, application/xml;q=0",
            "POST, form body api_format=xml",
            "POST, query api_format=xml",
            "api_format=XML (upper case)",
            "api_format=bogus",
        ],
        "{differ:#?}"
    );
    assert!(checked >= 25, "{checked}");
}
