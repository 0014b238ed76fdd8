//! The catalog errors the loopback tests answer, built as the Python libraries were called.

use errwire_catalog::entries;
use serde_json::{Map, Value};

/// The Djblets and Synapse fixtures, whose observed calls give field values. Read from the
/// checkout when called, not compiled in: they live in `error-catalog/`, outside this package.
pub fn fixtures() -> [Value; 2] {
    let read = |name: &str| {
        let path = format!(
            "{}/../error-catalog/fixtures/{name}",
            env!("CARGO_MANIFEST_DIR")
        );
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        serde_json::from_str::<Value>(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
    };
    [read("djblets.json"), read("synapse.json")]
}

/// Field values that build each entry: none for a field-less error, else the arguments of the
/// first observed case of the library that the catalog accepts.
pub fn buildable_fields(reference: &str, fixtures: &[Value]) -> Option<Map<String, Value>> {
    let entry = entries().iter().find(|e| e.reference == reference)?;
    let candidates = fixtures
        .iter()
        .flat_map(|fixture| fixture["cases"].as_array().into_iter().flatten())
        .filter(|case| case["reference"] == reference)
        .filter_map(|case| case["args"].as_object().cloned())
        .map(|args| as_records(entry, args));
    std::iter::once(Map::new())
        .chain(candidates)
        .find(|fields| (entry.build)(fields.clone(), Default::default()).is_ok())
}

/// The fixtures' Python values as the catalog's records: a response body where the catalog
/// keeps a whole `ResponseRecord`, an exception (`{"$exception", "str"}`) as `{name, message}`.
fn as_records(entry: &errwire_catalog::Entry, mut args: Map<String, Value>) -> Map<String, Value> {
    for value in args.values_mut() {
        if let Some(name) = value.get("$exception").cloned() {
            *value = serde_json::json!({"name": name, "message": value["str"]});
        }
    }
    let status = args.get("code").cloned().unwrap_or(Value::from(500));
    // The response field is the one that reads a record and refuses an object without a
    // status, asked of the field's own `Deserialize`, whatever its type is named.
    let record = serde_json::json!({"status": 500, "body": ""});
    let wraps_response = |name: &str| {
        (entry.field_accepts)(name, &record).is_ok()
            && (entry.field_accepts)(name, &Value::Object(Map::new())).is_err()
    };
    for field in entry
        .descriptor
        .fields
        .iter()
        .filter(|f| wraps_response(f.name))
    {
        if let Some(body) = args
            .get(field.name)
            .filter(|value| !value.is_object())
            .cloned()
        {
            let record = serde_json::json!({"status": status, "body": body});
            args.insert(field.name.to_owned(), record);
        }
    }
    args
}
