use super::*;

/// A contract of one Matrix error, `NotFound`, as JSON, with `changes` applied to its error.
fn contract_with(changes: impl FnOnce(&mut ErrorContract)) -> Contract {
    let mut error = ErrorContract {
        name: "Errors::NotFound".to_owned(),
        format: "matrix".to_owned(),
        code: None,
        errcode: Some("M_NOT_FOUND".to_owned()),
        error_type: None,
        error_subtype: None,
        status: 404,
        message: "No room {room}".to_owned(),
        placeholders: vec!["room".to_owned()],
        fields: vec![
            field("room", "String", "context", None, None),
            field(
                "retry_after_ms",
                "Option<u64>",
                "extra",
                Some("retry_after_ms"),
                None,
            ),
            field("retry", "u64", "header", None, Some("Retry-After")),
        ],
        doc: "No such room.".to_owned(),
        doc_url: None,
        parent: None,
        deprecated: None,
    };
    changes(&mut error);
    Contract::new(vec![error])
}

fn field(
    name: &str,
    ty: &str,
    role: &str,
    wire_name: Option<&str>,
    header: Option<&str>,
) -> FieldContract {
    FieldContract {
        name: name.to_owned(),
        ty: ty.to_owned(),
        role: role.to_owned(),
        wire_name: wire_name.map(str::to_owned),
        header: header.map(str::to_owned),
    }
}

/// Each change as `(subject, kind, breaking)`.
fn changes(old: &Contract, new: &Contract) -> Vec<(String, ChangeKind, bool)> {
    diff(old, new)
        .changes
        .into_iter()
        .map(|c| (c.subject, c.kind, c.breaking))
        .collect()
}

fn one(subject: &str, kind: ChangeKind, breaking: bool) -> Vec<(String, ChangeKind, bool)> {
    vec![(subject.to_owned(), kind, breaking)]
}

#[test]
fn placeholders_are_the_names_shown_once_each() {
    assert_eq!(
        placeholders("{{literal}} {name} and {count:>4} of {name}, {0}"),
        ["name", "count", "0"]
    );
    assert!(placeholders("no placeholder, a lone } and a { never closed").is_empty());
}

#[test]
fn json_round_trips_and_leaves_absent_values_out() {
    let contract = contract_with(|_| {});
    let json = contract.to_json();
    assert!(json.ends_with("}\n"));
    assert!(!json.contains("null"), "{json}");
    assert_eq!(Contract::from_json(&json).ok(), Some(contract));
}

#[test]
fn a_contract_compared_with_itself_has_no_change() {
    let contract = contract_with(|_| {});
    let report = diff(&contract, &contract);
    assert!(report.is_empty());
    assert_eq!(report.to_string(), "no changes\n");
}

#[test]
fn identity_changes_break() {
    let old = contract_with(|_| {});
    for (subject, change) in [
        (
            "status",
            (|e: &mut ErrorContract| e.status = 410) as fn(&mut ErrorContract),
        ),
        ("errcode", |e| e.errcode = Some("M_GONE".to_owned())),
        ("code", |e| e.code = Some(7)),
        ("format", |e| e.format = "problem".to_owned()),
        ("parent", |e| e.parent = Some("Errors::Base".to_owned())),
    ] {
        let new = contract_with(change);
        let found = changes(&old, &new);
        assert_eq!(found.len(), 1, "{subject}: {found:?}");
        assert_eq!(found[0].0, subject);
        assert!(found[0].2, "{subject} is breaking");
    }
}

#[test]
fn wording_is_compatible_and_placeholders_are_not() {
    let old = contract_with(|_| {});
    let reworded = contract_with(|e| {
        e.message = "Room {room} not found".to_owned();
        e.doc = "There is no such room.".to_owned();
    });
    assert_eq!(
        changes(&old, &reworded),
        [
            ("message".to_owned(), ChangeKind::Changed, false),
            ("doc".to_owned(), ChangeKind::Changed, false),
        ]
    );
    let renamed = contract_with(|e| {
        e.message = "No room {room_id}".to_owned();
        e.placeholders = vec!["room_id".to_owned()];
    });
    let found = changes(&old, &renamed);
    assert!(found.contains(&("placeholder `{room}`".to_owned(), ChangeKind::Removed, true)));
    assert!(found.contains(&(
        "placeholder `{room_id}`".to_owned(),
        ChangeKind::Added,
        false
    )));
}

#[test]
fn members_and_headers_compare_by_their_wire_names() {
    let old = contract_with(|_| {});
    // The Rust field renamed, the wire name kept: nothing a client sees.
    let renamed_field = contract_with(|e| e.fields[1].name = "retry".to_owned());
    assert!(changes(&old, &renamed_field).is_empty());
    let retyped = contract_with(|e| e.fields[1].ty = "Option<String>".to_owned());
    assert_eq!(
        changes(&old, &retyped),
        one("member `retry_after_ms`", ChangeKind::Changed, true)
    );
    let removed = contract_with(|e| {
        e.fields.remove(1);
    });
    assert_eq!(
        changes(&old, &removed),
        one("member `retry_after_ms`", ChangeKind::Removed, true)
    );
    let optional_added = contract_with(|e| {
        e.fields
            .push(field("pause", "Option<bool>", "extra", Some("pause"), None));
    });
    assert_eq!(
        changes(&old, &optional_added),
        one("member `pause`", ChangeKind::Added, false)
    );
    let required_added = contract_with(|e| {
        e.fields
            .push(field("pause", "bool", "extra", Some("pause"), None));
    });
    assert_eq!(
        changes(&old, &required_added),
        one("member `pause`", ChangeKind::Added, true)
    );
    let header_gone = contract_with(|e| {
        e.fields.remove(2);
    });
    assert_eq!(
        changes(&old, &header_gone),
        one("header `retry-after`", ChangeKind::Removed, true)
    );
    let header_added = contract_with(|e| {
        e.fields
            .push(field("trace", "String", "header", None, Some("X-Trace")));
    });
    assert_eq!(
        changes(&old, &header_added),
        one("header `x-trace`", ChangeKind::Added, false)
    );
    // A field that never reaches the wire is not compared.
    let context_gone = contract_with(|e| {
        e.fields.remove(0);
    });
    assert!(changes(&old, &context_gone).is_empty());
    let status_field = contract_with(|e| e.fields.push(field("code", "u16", "status", None, None)));
    assert_eq!(
        changes(&old, &status_field),
        one("per-instance status", ChangeKind::Added, true)
    );
}

#[test]
fn documentation_urls_refine_about_blank_and_then_stay() {
    let old = contract_with(|_| {});
    let url = |url: &str| {
        let url = url.to_owned();
        contract_with(move |e| e.doc_url = Some(url))
    };
    assert_eq!(
        changes(&old, &url("https://x/a")),
        one("doc_url", ChangeKind::Added, false)
    );
    assert_eq!(
        changes(&url("https://x/a"), &url("https://x/b")),
        one("doc_url", ChangeKind::Changed, true)
    );
    assert_eq!(
        changes(&url("https://x/a"), &old),
        one("doc_url", ChangeKind::Removed, true)
    );
}

#[test]
fn removal_is_breaking_unless_the_error_was_deprecated() {
    let old = contract_with(|_| {});
    let empty = Contract::new(Vec::new());
    assert_eq!(
        changes(&old, &empty),
        one("error", ChangeKind::Removed, true)
    );
    assert_eq!(
        changes(&empty, &old),
        one("error", ChangeKind::Added, false)
    );
    let deprecated = contract_with(|e| {
        e.deprecated = Some(DeprecationContract {
            since: Some("2.0".to_owned()),
            note: Some("use Errors::Gone".to_owned()),
        })
    });
    let report = diff(&old, &deprecated);
    assert_eq!(report.changes.len(), 1);
    assert_eq!(report.changes[0].kind, ChangeKind::Deprecated);
    assert_eq!(
        report.changes[0].new.as_deref(),
        Some("2.0: use Errors::Gone")
    );
    assert_eq!(
        changes(&deprecated, &empty),
        one("error", ChangeKind::RemovedAfterDeprecation, false)
    );
}

#[test]
fn the_report_reads_error_by_error() {
    let old = contract_with(|_| {});
    let new = contract_with(|e| {
        e.status = 410;
        e.message = "Gone".to_owned();
        e.placeholders.clear();
    });
    assert_eq!(
        diff(&old, &new).to_string(),
        "2 breaking, 1 compatible change in 1 error\n\
         \n\
         Errors::NotFound\n  \
           breaking    status changed: \"404\" -> \"410\"\n  \
           compatible  message changed: \"No room {room}\" -> \"Gone\"\n  \
           breaking    placeholder `{room}` removed\n"
    );
}

fn problem_of(text: &str) -> Option<ContractProblem> {
    Contract::from_json(text).err().map(|e| e.problem().clone())
}

#[test]
fn bad_documents_are_refused_with_what_is_wrong() {
    let good: Value = serde_json::from_str(&contract_with(|_| {}).to_json()).unwrap_or_default();
    let edited = |edit: fn(&mut Value)| {
        let mut value = good.clone();
        edit(&mut value);
        value.to_string()
    };
    assert!(matches!(
        problem_of("{\"schema_version\": 1,"),
        Some(ContractProblem::NotJson(_))
    ));
    assert!(matches!(
        problem_of("[]"),
        Some(ContractProblem::Invalid { .. })
    ));
    assert_eq!(
        problem_of(&edited(|v| v["schema_version"] = 2.into())),
        Some(ContractProblem::NewerSchema { found: 2 })
    );
    assert_eq!(
        problem_of(&edited(|v| {
            let error = v["errors"][0].clone();
            if let Some(errors) = v["errors"].as_array_mut() {
                errors.push(error);
            }
        })),
        Some(ContractProblem::DuplicateName(
            "Errors::NotFound".to_owned()
        ))
    );
    assert_eq!(
        problem_of(&edited(|v| {
            v["errors"][0].as_object_mut().map(|e| e.remove("status"));
        })),
        Some(ContractProblem::MissingMember {
            at: "errors[0] (`Errors::NotFound`)".to_owned(),
            member: "status"
        })
    );
    assert_eq!(
        problem_of(&edited(|v| {
            v["errors"][0]["fields"][1]
                .as_object_mut()
                .map(|f| f.remove("type"));
        })),
        Some(ContractProblem::MissingMember {
            at: "errors[0] (`Errors::NotFound`), fields[1]".to_owned(),
            member: "type"
        })
    );
    assert_eq!(
        problem_of(&edited(|v| {
            v.as_object_mut().map(|d| d.remove("schema_version"));
        })),
        Some(ContractProblem::MissingMember {
            at: "the document".to_owned(),
            member: "schema_version"
        })
    );
    let wrong_type = problem_of(&edited(|v| v["errors"][0]["status"] = "404".into()));
    assert!(
        matches!(&wrong_type, Some(ContractProblem::Invalid { at, message })
            if at.contains("Errors::NotFound") && message.contains("u16")),
        "{wrong_type:?}"
    );
}

#[test]
fn a_file_error_names_the_file() {
    let missing = Contract::read("no/such/errors.contract.json").err();
    let text = missing.map(|e| e.to_string()).unwrap_or_default();
    assert!(
        text.starts_with("no/such/errors.contract.json: cannot read"),
        "{text}"
    );
}

#[test]
fn the_schema_is_json_of_this_version() {
    let schema: Value = serde_json::from_str(SCHEMA).unwrap_or_default();
    assert_eq!(
        schema["properties"]["schema_version"]["const"],
        Value::from(SCHEMA_VERSION)
    );
}

#[test]
fn an_update_rewrites_the_file_even_over_a_breaking_change() {
    let dir = std::env::temp_dir().join(format!("errwire-contract-unit-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join("update.contract.json");
    let declared = contract_with(|_| {});
    let committed = contract_with(|e| e.status = 400);
    let _ = std::fs::write(&path, committed.to_json());
    assert!(matches!(
        check::check(&declared, &path, false),
        Err(ContractFailure::Breaking { .. })
    ));
    assert!(matches!(
        check::check(&declared, &path, true),
        Ok(Checked::Written)
    ));
    assert_eq!(Contract::read(&path).ok(), Some(declared.clone()));
    assert!(matches!(
        check::check(&declared, &path, false),
        Ok(Checked::Unchanged)
    ));
    let _ = std::fs::remove_file(&path);
}
