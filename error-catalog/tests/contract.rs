//! The error contract of the seed catalogs: every export is valid against the committed JSON
//! Schema, the command line exports and compares contracts, and the compatibility check, run
//! on real history (Synapse 1.9.1 against 1.163.2), reports exactly the documented changes.

use std::collections::BTreeSet;

use errwire::contract::{self, ChangeKind, Contract, ErrorContract, FieldContract};
use errwire_catalog::{System, entries};
use serde_json::Value;

mod tool;

use tool::tool;

/// The committed schema, compiled.
fn schema() -> (boon::Schemas, boon::SchemaIndex) {
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    let url = "https://github.com/errwire/errwire/error-core/contract.schema.json";
    let document: Value = serde_json::from_str(contract::SCHEMA).unwrap_or(Value::Null);
    if let Err(error) = compiler.add_resource(url, document) {
        panic!("the committed schema is refused: {error}");
    }
    match compiler.compile(url, &mut schemas) {
        Ok(index) => (schemas, index),
        Err(error) => panic!("the committed schema does not compile: {error}"),
    }
}

fn assert_valid(what: &str, json: &str) {
    let (schemas, index) = schema();
    let document: Value = serde_json::from_str(json).unwrap_or(Value::Null);
    if let Err(error) = schemas.validate(&document, index) {
        panic!("{what} is not valid against contract.schema.json: {error:#}");
    }
}

#[test]
fn every_export_is_valid_against_the_schema() {
    assert_valid("the empty contract", &Contract::new(Vec::new()).to_json());
    for system in System::ALL.map(Some).into_iter().chain([None]) {
        let (code, out, err) = match system {
            Some(system) => tool(&["contract", "--system", system.name()]),
            None => tool(&["contract"]),
        };
        assert_eq!(code, 0, "{err}");
        assert_valid(&format!("contract of {system:?}"), &out);
        let read = Contract::from_json(&out).map(|c| c.errors.len()).ok();
        let expected = entries()
            .iter()
            .filter(|e| system.is_none_or(|s| e.system == s))
            .count();
        assert_eq!(read, Some(expected), "{system:?}");
    }
}

#[test]
fn the_schema_refuses_what_the_reader_refuses() {
    let (schemas, index) = schema();
    let good: Value =
        serde_json::from_str(&errwire_catalog::contract::seed(Some(System::Djblets)).to_json())
            .unwrap_or(Value::Null);
    assert!(schemas.validate(&good, index).is_ok());
    for (what, edit) in [
        (
            "no status",
            (|v: &mut Value| {
                v["errors"][0].as_object_mut().map(|e| e.remove("status"));
            }) as fn(&mut Value),
        ),
        ("a newer version", |v| v["schema_version"] = 2.into()),
        ("a status that is not an error's", |v| {
            v["errors"][0]["status"] = 200.into()
        }),
        ("an unknown role", |v| {
            v["errors"][17]["fields"][0]["role"] = "nope".into();
        }),
    ] {
        let mut bad = good.clone();
        edit(&mut bad);
        assert!(schemas.validate(&bad, index).is_err(), "{what}");
    }
}

#[test]
fn markdown_is_the_catalog_page_and_openapi_needs_its_feature() {
    let (code, contract_md, _) = tool(&["contract", "--format", "markdown"]);
    let (_, list_md, _) = tool(&["list", "--format", "markdown"]);
    assert_eq!(code, 0);
    assert_eq!(contract_md, list_md);
    let (code, section, _) = tool(&["contract", "--system", "py42", "--format", "markdown"]);
    assert_eq!(code, 0);
    assert!(section.starts_with("\n## py42"), "{section}");
    let (code, out, err) = tool(&["contract", "--format", "openapi"]);
    if cfg!(feature = "utoipa") {
        assert_eq!(code, 0, "{err}");
        let components: Value = serde_json::from_str(&out).unwrap_or(Value::Null);
        let response = &components["components"]["responses"]["synapse.Codes.LimitExceeded"];
        assert_eq!(
            response["content"]["application/json"]["schema"]["$ref"],
            "#/components/schemas/synapse.Codes.LimitExceeded"
        );
        let schema = &components["components"]["schemas"]["synapse.LimitExceededError"];
        assert_eq!(schema["properties"]["retry_after_ms"]["type"], "integer");
    } else {
        assert_eq!(code, 2);
        assert!(err.contains("--features utoipa"), "{err}");
    }
    let (code, _, err) = tool(&["contract", "--format", "yaml"]);
    assert_eq!(
        (code, err.lines().next()),
        (2, Some("error: unknown format `yaml`"))
    );
}

/// A file in the test's own scratch folder.
fn scratch(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("errwire-contract-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join(name);
    let _ = std::fs::write(&path, text);
    path.display().to_string()
}

#[test]
fn diff_of_a_file_with_itself_reports_no_change() {
    let (_, out, _) = tool(&["contract"]);
    let path = scratch("all.json", &out);
    assert_eq!(
        tool(&["diff", &path, &path]),
        (0, "no changes\n".to_owned(), String::new())
    );
}

#[test]
fn diff_exits_1_on_a_breaking_change_and_0_on_compatible_ones() {
    let (_, matrix, _) = tool(&["contract", "--system", "matrix"]);
    let old = scratch("matrix-old.json", &matrix);
    let mut contract = Contract::from_json(&matrix).unwrap_or_else(|e| panic!("{e}"));
    let limit = contract
        .errors
        .iter_mut()
        .find(|e| e.name == "synapse::Codes::LimitExceeded");
    if let Some(limit) = limit {
        limit.status = 420;
        limit.doc = "Slow down.".to_owned();
    }
    let broken = scratch("matrix-broken.json", &contract.to_json());
    let (code, out, err) = tool(&["diff", &old, &broken]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(
        out,
        "1 breaking, 1 compatible change in 1 error\n\n\
         synapse::Codes::LimitExceeded\n  \
           breaking    status changed: \"429\" -> \"420\"\n  \
           compatible  doc changed\n"
    );
    assert!(err.starts_with("error: 1 breaking change from "), "{err}");
    // The other way round, with an error added: still breaking (the status), and the
    // addition compatible.
    contract
        .errors
        .retain(|e| e.name != "synapse::Codes::Forbidden");
    let fewer = scratch("matrix-fewer.json", &contract.to_json());
    let (code, out, _) = tool(&["diff", &fewer, &old]);
    assert_eq!(code, 1);
    assert!(
        out.contains("synapse::Codes::Forbidden\n  compatible  error added\n"),
        "{out}"
    );
    let (code, out, err) = tool(&["diff", &broken, &fewer]);
    assert_eq!(code, 1, "{err}");
    assert!(out.contains("breaking    error removed"), "{out}");
    let only_added = scratch("matrix-only-added.json", &{
        let mut all = Contract::from_json(&matrix).unwrap_or_else(|e| panic!("{e}"));
        all.errors.retain(|e| e.name != "synapse::Codes::Forbidden");
        all.to_json()
    });
    let (code, out, err) = tool(&["diff", &only_added, &old]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(
        out,
        "0 breaking, 1 compatible change in 1 error\n\nsynapse::Codes::Forbidden\n  compatible  error added\n"
    );
}

#[test]
fn diff_refuses_bad_files_naming_them() {
    let (_, good, _) = tool(&["contract", "--system", "djblets"]);
    let good_path = scratch("good.json", &good);
    let newer = good.replacen("\"schema_version\": 1", "\"schema_version\": 9", 1);
    let repeated = {
        let mut value: Value = serde_json::from_str(&good).unwrap_or(Value::Null);
        let first = value["errors"][0].clone();
        if let Some(errors) = value["errors"].as_array_mut() {
            errors.push(first);
        }
        value.to_string()
    };
    let missing = {
        let mut value: Value = serde_json::from_str(&good).unwrap_or(Value::Null);
        value["errors"][2]
            .as_object_mut()
            .map(|e| e.remove("message"));
        value.to_string()
    };
    for (name, text, says) in [
        (
            "not-json.json",
            "errors:\n  - NoError\n".to_owned(),
            "not JSON",
        ),
        ("newer.json", newer, "schema_version 9 is newer"),
        (
            "repeated.json",
            repeated,
            "two errors are named `djblets::WebApiError::NoError`",
        ),
        (
            "missing.json",
            missing,
            "errors[2] (`djblets::WebApiError::DoesNotExist`) has no member `message`",
        ),
    ] {
        let path = scratch(name, &text);
        let (code, out, err) = tool(&["diff", &good_path, &path]);
        assert_eq!(code, 2, "{name}: {err}");
        assert!(out.is_empty());
        let first = err.lines().next().unwrap_or_default();
        assert!(
            first.starts_with(&format!("error: {path}: ")),
            "{name}: {first}"
        );
        assert!(first.contains(says), "{name}: {first}");
    }
    let (code, _, err) = tool(&["diff", &good_path, "no/such/file.json"]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with("error: no/such/file.json: cannot read"),
        "{err}"
    );
}

// Synapse 1.9.1 against 1.163.2, on the fixtures observed from both releases.

fn synapse_fixture() -> Value {
    let text = include_str!("../fixtures/synapse.json");
    serde_json::from_str(text).unwrap_or(Value::Null)
}

/// The fixture's entry documenting `reference`.
fn fixture_entry<'f>(fixture: &'f Value, reference: &str) -> Option<&'f Value> {
    fixture["entries"]
        .as_array()?
        .iter()
        .find(|entry| entry["reference"] == reference)
}

fn in_version(entry: &Value, version: &str) -> bool {
    entry["in_versions"]
        .as_array()
        .is_some_and(|versions| versions.iter().any(|v| v == version))
}

/// The parameter names of a class's constructor in `version`; `*args, **kwargs` are the
/// parent's, as Synapse forwarded them.
fn params(fixture: &Value, entry: &Value, version: &str) -> Vec<String> {
    let listed = entry["by_version"][version]["params"]
        .as_array()
        .map_or(&[][..], Vec::as_slice);
    let forwards = listed
        .iter()
        .any(|p| p["kind"] == "var_positional" || p["kind"] == "var_keyword");
    if forwards {
        let parent = entry["by_version"][version]["parent"]
            .as_str()
            .unwrap_or_default();
        return fixture_entry(fixture, parent)
            .map_or_else(Vec::new, |parent| params(fixture, parent, version));
    }
    listed
        .iter()
        .filter_map(|p| p["name"].as_str().map(str::to_owned))
        .collect()
}

/// Whether every body observed from 1.9.1 for `reference` has `member` (true when 1.9.1's
/// bodies were not observed).
fn sent_by_1_9_1(fixture: &Value, reference: &str, member: &str) -> bool {
    let bodies: Vec<&Value> = fixture["cases"]
        .as_array()
        .map_or(&[][..], Vec::as_slice)
        .iter()
        .filter(|case| case["reference"] == reference)
        .filter_map(|case| case.get("body_1_9_1"))
        .collect();
    bodies.iter().all(|body| body.get(member).is_some())
}

/// The Matrix catalog's contract as `version` had it. 1.163.2's is the catalog's own,
/// without the errors 1.163.2 no longer has. 1.9.1's is derived from it by the fixtures:
/// only the errors 1.9.1 had; its message where 1.9.1's differed; only the fields its
/// constructor took (the parent's for `*args, **kwargs`, with the parent's declaration);
/// and only the body members 1.9.1 was observed to send.
fn synapse_contract(version: &str) -> Contract {
    let fixture = synapse_fixture();
    let seed = errwire_catalog::contract::seed(Some(System::Matrix));
    let mut errors = Vec::new();
    for entry in entries().iter().filter(|e| e.system == System::Matrix) {
        let Some(observed) = fixture_entry(&fixture, entry.reference) else {
            panic!("{} is not in the fixture", entry.reference);
        };
        let Some(mut error) = seed.error(entry.name).cloned() else {
            continue;
        };
        if !in_version(observed, version) {
            continue;
        }
        if version == "1.9.1" && observed["kind"] == "class" {
            one_point_nine(&fixture, &seed, entry.reference, observed, &mut error);
        }
        errors.push(error);
    }
    Contract::new(errors)
}

fn one_point_nine(
    fixture: &Value,
    seed: &Contract,
    reference: &str,
    observed: &Value,
    error: &mut ErrorContract,
) {
    let then = &observed["by_version"]["1.9.1"];
    let now = &observed["by_version"]["1.163.2"];
    if let Some(message) = then["message"].as_str()
        && now.get("message").is_some_and(|m| m != message)
    {
        error.message = message.to_owned();
        error.placeholders = contract::placeholders(message);
    }
    if let Some(doc) = then["doc"].as_str()
        && now.get("doc").is_some_and(|d| d != doc)
    {
        error.doc = doc.to_owned();
    }
    // A class that forwarded `*args, **kwargs` with a status of its own in 1.9.1 left the
    // caller none to choose.
    let forwards = then["params"]
        .as_array()
        .is_some_and(|params| params.iter().any(|p| p["kind"] == "var_positional"));
    let fixed_status = forwards && !then["status"].is_null();
    let parent = error
        .parent
        .as_deref()
        .and_then(|parent| seed.error(parent));
    let taken = params(fixture, observed, "1.9.1");
    let fields: Vec<FieldContract> = taken
        .iter()
        .filter_map(|name| {
            let own = error.fields.iter().find(|f| &f.name == name);
            own.or_else(|| parent?.fields.iter().find(|f| &f.name == name))
                .cloned()
        })
        .filter(|field| !(fixed_status && field.role == "status"))
        .filter(|field| {
            field
                .wire_name
                .as_deref()
                .is_none_or(|member| sent_by_1_9_1(fixture, reference, member))
        })
        .map(|mut field| {
            // The fixtures record no 1.9.1 headers; the catalog's notes say that 1.9.1's
            // `LimitExceededError` "sent no header".
            if reference.ends_with(".LimitExceededError") && field.header.is_some() {
                field.header = None;
                field.role = "extra".to_owned();
            }
            field
        })
        .collect();
    error.fields = fields;
}

/// Each change as `error subject kind`, `!` marking the breaking ones.
fn lines(report: &contract::Report) -> BTreeSet<String> {
    report
        .changes
        .iter()
        .map(|c| {
            let kind = match c.kind {
                ChangeKind::Added => "added",
                ChangeKind::Removed => "removed",
                ChangeKind::Changed => "changed",
                ChangeKind::Deprecated => "deprecated",
                ChangeKind::RemovedAfterDeprecation => "removed after deprecation",
                _ => "other",
            };
            let error = c.error.trim_start_matches("synapse::");
            format!(
                "{}{error} {} {kind}",
                if c.breaking { "!" } else { "" },
                c.subject
            )
        })
        .collect()
}

#[test]
fn synapse_1_9_1_to_1_163_2_reports_exactly_the_documented_changes() {
    let old = synapse_contract("1.9.1");
    let new = synapse_contract("1.163.2");
    assert_valid("Synapse 1.9.1", &old.to_json());
    let report = contract::diff(&old, &new);
    let found = lines(&report);
    println!("{report}");

    let fixture = synapse_fixture();
    // "`Codes` grew from 36 members in 1.9.1 to 76 in 1.163.2", and fifteen classes came, of
    // which the catalog declares the eleven a client can receive (not
    // `FederationPullAttemptBackoffError`, `HomeServerNotSetupException`,
    // `ModuleFailedException` or `ShadowBanError`, which never reach one).
    let added: BTreeSet<String> = entries()
        .iter()
        .filter(|e| e.system == System::Matrix)
        .filter(|e| fixture_entry(&fixture, e.reference).is_some_and(|o| !in_version(o, "1.9.1")))
        .map(|e| format!("{} error added", e.name.trim_start_matches("synapse::")))
        .collect();
    assert_eq!(added.len(), 40 + 11);
    let mut expected: BTreeSet<String> = added;
    expected.extend(
        [
            // "`EventStreamError`, which 1.163.2 dropped".
            "!EventStreamError error removed",
            // "`IncompatibleRoomVersionError`'s message is \"…required to interact with this
            // room\" (1.163.2), was \"…required to join this room\" (1.9.1)".
            "IncompatibleRoomVersionError message changed",
            // "`RoomKeysVersionError` sends `current_version` in its body since 1.163.2".
            "!RoomKeysVersionError member `current_version` added",
            // "`CodeMessageException` and `SynapseError` (so `LoginError` and `StoreError`)
            // take `headers` […] and `SynapseError` and `AuthError` take
            // `additional_fields`, spread over the body […] since 1.163.2".
            "CodeMessageException headers field added",
            "SynapseError headers field added",
            "LoginError headers field added",
            "StoreError headers field added",
            "SynapseError flatten field added",
            "LoginError flatten field added",
            "StoreError flatten field added",
            "AuthError flatten field added",
            // The docstrings 1.163.2 rewrote.
            "CodeMessageException doc changed",
            "SynapseError doc changed",
            "FederationError doc changed",
            // "`LimitExceededError` […] sends `Retry-After`; 1.9.1 […] sent no header".
            "LimitExceededError header `retry-after` added",
            // "`ThreepidValidationError` […] whose status is now always 400 (the caller chose
            // it in 1.9.1)".
            "ThreepidValidationError per-instance status removed",
            // "`UnrecognizedRequestError` […] whose status may now be chosen (405) and
            // errcode no longer".
            "!UnrecognizedRequestError per-instance status added",
            "UnrecognizedRequestError per-instance errcode removed",
            // "`EventSizeError(msg, unpersistable)`, whose errcode is now always
            // `M_TOO_LARGE`".
            "EventSizeError per-instance errcode removed",
        ]
        .map(str::to_owned),
    );
    let missing: Vec<&String> = expected.difference(&found).collect();
    let unexpected: Vec<&String> = found.difference(&expected).collect();
    assert!(
        missing.is_empty() && unexpected.is_empty(),
        "missing {missing:#?}\nunexpected {unexpected:#?}"
    );
    assert!(report.is_breaking());
}
