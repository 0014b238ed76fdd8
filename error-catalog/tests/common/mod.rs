//! What every conformance test shares: loading a fixture, building and rendering a catalog
//! entry, comparing field by field, and accounting for documented divergences.
#![allow(dead_code)]

use std::collections::BTreeSet;

use errwire::{Overrides, RenderOptions};
use errwire_catalog::{CatalogError, Entry, System, entries};
use serde_json::{Map, Value};

/// A fixture file, parsed.
pub fn fixture(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or(Value::Null)
}

/// The fixture's observed cases.
pub fn cases(fixture: &Value) -> &[Value] {
    fixture["cases"].as_array().map_or(&[], Vec::as_slice)
}

/// The catalog entry documented as `reference`.
pub fn entry(reference: &str) -> Option<&'static Entry> {
    entries().iter().find(|entry| entry.reference == reference)
}

/// What a rendered error looks like from outside.
#[derive(Debug)]
pub struct Rendered {
    pub error: Box<dyn CatalogError>,
    pub status: u16,
    pub headers: Value,
    pub body: Value,
    pub message: String,
}

/// Builds `entry` from `args` with `overrides`, and renders it with `extra` root members.
pub fn render(
    entry: &Entry,
    args: Map<String, Value>,
    overrides: Overrides,
    extra: Option<&Map<String, Value>>,
) -> Result<Rendered, String> {
    let error = (entry.build)(args, overrides).map_err(|e| e.to_string())?;
    let response = error
        .render_dyn(&RenderOptions {
            extra,
            ..RenderOptions::default()
        })
        .map_err(|e| e.to_string())?;
    let headers = errwire_catalog::cli::headers_json(response.headers());
    Ok(Rendered {
        status: response.status().as_u16(),
        headers: Value::Object(headers),
        body: serde_json::from_slice(response.body()).unwrap_or(Value::Null),
        message: error.to_string(),
        error,
    })
}

pub use errwire_catalog::divergences::Divergence;

/// Mismatches found so far, by (reference, label).
#[derive(Default)]
pub struct Report {
    mismatches: Vec<(String, String, String)>,
    checked: usize,
}

impl Report {
    /// Records that one case was checked.
    pub fn checked(&mut self) {
        self.checked += 1;
    }

    /// Compares one observed value with the catalog's.
    pub fn compare(&mut self, case: &Value, what: &str, expected: &Value, actual: &Value) {
        if expected != actual {
            self.mismatch(
                case,
                format!("{what}: library {expected}, catalog {actual}"),
            );
        }
    }

    /// Records a mismatch of `case`.
    pub fn mismatch(&mut self, case: &Value, problem: String) {
        let reference = case["reference"].as_str().unwrap_or("?").to_owned();
        let label = case["label"].as_str().unwrap_or("?").to_owned();
        self.mismatches.push((reference, label, problem));
    }

    /// Fails unless every mismatch is a divergence listed for `fixture`
    /// (`errwire_catalog::divergences`) and every one listed still differs.
    pub fn finish(self, fixture: &str) {
        let divergences: Vec<&Divergence> = errwire_catalog::divergences::of(fixture).collect();
        let covers = |d: &Divergence, reference: &str, label: &str| {
            (d.reference == "*" || d.reference == reference) && d.label == label
        };
        let unexplained: Vec<String> = self
            .mismatches
            .iter()
            .filter(|(r, l, _)| !divergences.iter().any(|d| covers(d, r, l)))
            .map(|(r, l, p)| format!("{r} [{l}]: {p}"))
            .collect();
        let stale: Vec<String> = divergences
            .iter()
            .filter(|d| !self.mismatches.iter().any(|(r, l, _)| covers(d, r, l)))
            .map(|d| format!("{} [{}]: {}", d.reference, d.label, d.reason))
            .collect();
        assert!(self.checked > 0, "no case was checked");
        assert!(
            unexplained.is_empty() && stale.is_empty(),
            "{} unexplained mismatches:\n{}\n\n{} divergences that no longer differ:\n{}",
            unexplained.len(),
            unexplained.join("\n"),
            stale.len(),
            stale.join("\n")
        );
    }
}

/// Every entry of `system` has at least one case, and every error the fixture says the page
/// documents is declared.
pub fn check_coverage(system: System, fixture: &Value, must_declare: impl Fn(&Value) -> bool) {
    let with_cases: BTreeSet<&str> = cases(fixture)
        .iter()
        .filter_map(|case| case["reference"].as_str())
        .collect();
    let without: Vec<&str> = entries()
        .iter()
        .filter(|entry| entry.system == system && !with_cases.contains(entry.reference))
        .map(|entry| entry.reference)
        .collect();
    assert!(
        without.is_empty(),
        "entries without a fixture case: {without:?}"
    );
    let undeclared: Vec<&str> = fixture["entries"]
        .as_array()
        .map_or(&[][..], Vec::as_slice)
        .iter()
        .filter(|documented| must_declare(documented))
        .filter_map(|documented| documented["reference"].as_str())
        .filter(|reference| entry(reference).is_none())
        .collect();
    assert!(
        undeclared.is_empty(),
        "documented but not declared: {undeclared:?}"
    );
}

/// A JSON object's members, or none.
pub fn object(value: &Value) -> Map<String, Value> {
    value.as_object().cloned().unwrap_or_default()
}

/// Djblets' `with_overrides(msg, headers, error_subtype, detail, trace_id)` as `Overrides`.
pub fn djblets_overrides(fields: &Value) -> Result<Overrides, String> {
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
