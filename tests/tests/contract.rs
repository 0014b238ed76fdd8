//! The error contract of a user's own catalog: documentation URLs on the wire, deprecation
//! recorded and warned about, and `assert_compatible` as the CI gate.

use errwire::ApiError;
use errwire::contract::{self, ChangeKind, Checked, Contract, ContractFailure};

/// The errors of a small API: a base URL joined with each slug, one page of its own.
#[derive(Debug, ApiError)]
#[api_error(format = "problem", doc_base = "https://docs.example.com/errors/")]
pub enum ShopError {
    /// No such order.
    #[api_error(http = 404, error_type = "order-not-found", message = "No order {id}")]
    OrderNotFound { id: u64 },
    #[api_error(
        http = 409,
        message = "Out of stock",
        doc_url = "https://shop.example/stock"
    )]
    OutOfStock {
        #[api_error(extra)]
        sku: String,
    },
    /// Replaced by `OutOfStock`.
    #[deprecated(since = "1.4.0", note = "use OutOfStock")]
    #[api_error(http = 410, message = "Sold out")]
    SoldOut,
}

/// A struct error with neither key: `about:blank`, as before.
#[derive(Debug, ApiError)]
#[api_error(http = 400, message = "Bad request")]
pub struct Plain;

/// A struct error with its own page.
#[derive(Debug, ApiError)]
#[api_error(
    http = 429,
    message = "Slow down",
    doc_base = "https://docs.example.com/errors"
)]
pub struct RateLimited;

fn body(error: &impl ApiError) -> serde_json::Value {
    let body = error
        .to_response()
        .map(|r| r.into_body())
        .unwrap_or_default();
    serde_json::from_slice(&body).unwrap_or_default()
}

#[test]
fn the_problem_type_is_the_documentation_url() {
    assert_eq!(
        body(&ShopError::order_not_found(7))["type"],
        "https://docs.example.com/errors/order-not-found"
    );
    assert_eq!(
        body(&ShopError::out_of_stock("A1".into()))["type"],
        "https://shop.example/stock"
    );
    assert_eq!(
        body(&RateLimited)["type"],
        "https://docs.example.com/errors/rate-limited"
    );
    assert_eq!(body(&Plain)["type"], "about:blank");
    // The rest of the body is as it was.
    assert_eq!(body(&ShopError::order_not_found(7))["title"], "Not Found");
    assert_eq!(body(&ShopError::order_not_found(7))["detail"], "No order 7");
}

#[test]
#[allow(deprecated)]
fn deprecation_is_recorded_and_the_error_still_works() {
    let sold_out = ShopError::SOLD_OUT;
    let deprecated = sold_out.descriptor().deprecated;
    assert_eq!(deprecated.and_then(|d| d.since), Some("1.4.0"));
    assert_eq!(deprecated.and_then(|d| d.note), Some("use OutOfStock"));
    assert_eq!(sold_out.status(), 410);
    assert!(
        ShopError::order_not_found(1)
            .descriptor()
            .deprecated
            .is_none()
    );
}

#[test]
fn the_contract_holds_every_value_a_client_relies_on() {
    let contract = Contract::of::<ShopError>();
    let names: Vec<&str> = contract.errors.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "ShopError::OrderNotFound",
            "ShopError::OutOfStock",
            "ShopError::SoldOut"
        ]
    );
    let order = &contract.errors[0];
    assert_eq!(order.placeholders, ["id"]);
    assert_eq!(order.error_type.as_deref(), Some("order-not-found"));
    assert_eq!(order.doc, "No such order.");
    assert_eq!(order.fields[0].role, "context");
    let stock = &contract.errors[1];
    assert_eq!(stock.fields[0].wire_name.as_deref(), Some("sku"));
    assert_eq!(stock.doc_url.as_deref(), Some("https://shop.example/stock"));
    let sold_out = contract.errors[2].deprecated.as_ref();
    assert_eq!(
        sold_out.and_then(|d| d.note.as_deref()),
        Some("use OutOfStock")
    );
    // Several types make one contract, in order.
    let both = Contract::of::<(ShopError, Plain, RateLimited)>();
    assert_eq!(both.errors.len(), 5);
    assert_eq!(both.errors[3].name, "Plain");
    let markdown = contract.to_markdown("Shop errors");
    assert!(markdown.contains("| [`ShopError::OutOfStock`](https://shop.example/stock) |"));
    assert!(markdown.contains("**Deprecated** since 1.4.0: use OutOfStock"));
}

#[test]
fn the_export_is_valid_against_the_committed_schema() {
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    let url = "https://github.com/errwire/errwire/error-core/contract.schema.json";
    let schema: serde_json::Value = serde_json::from_str(contract::SCHEMA).unwrap_or_default();
    if let Err(error) = compiler.add_resource(url, schema) {
        panic!("the schema is refused: {error}");
    }
    let index = match compiler.compile(url, &mut schemas) {
        Ok(index) => index,
        Err(error) => panic!("the schema does not compile: {error}"),
    };
    let json = Contract::of::<(ShopError, Plain, RateLimited)>().to_json();
    let document: serde_json::Value = serde_json::from_str(&json).unwrap_or_default();
    if let Err(error) = schemas.validate(&document, index) {
        panic!("not valid: {error:#}\n{json}");
    }
    // A documentation URL the derive would refuse is refused by the schema too.
    let mut bad = document.clone();
    bad["errors"][1]["doc_url"] = "/stock".into();
    assert!(schemas.validate(&bad, index).is_err());
}

#[test]
fn openapi_components_reference_each_errors_schema() {
    let components = Contract::of::<ShopError>().to_openapi();
    let json = serde_json::to_value(&components).unwrap_or_default();
    let response = &json["responses"]["ShopError.OutOfStock"];
    assert_eq!(
        response["content"]["application/problem+json"]["schema"]["$ref"],
        "#/components/schemas/ShopError.OutOfStock"
    );
    let schema = &json["schemas"]["ShopError.OutOfStock"];
    assert_eq!(schema["properties"]["sku"]["type"], "string");
    assert!(
        schema["required"]
            .as_array()
            .is_some_and(|r| r.contains(&"sku".into()))
    );
    assert_eq!(json["schemas"]["ShopError.SoldOut"]["deprecated"], true);
}

/// A scratch file for one test.
fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("errwire-tests-contract-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join(name);
    let _ = std::fs::remove_file(&path);
    path
}

#[test]
fn the_gate_writes_a_missing_file_then_holds_it() {
    let path = scratch("shop.contract.json");
    assert!(matches!(
        contract::check_compatible::<ShopError>(&path),
        Ok(Checked::Written)
    ));
    assert_eq!(
        Contract::read(&path).ok(),
        Some(Contract::of::<ShopError>())
    );
    assert!(matches!(
        contract::check_compatible::<ShopError>(&path),
        Ok(Checked::Unchanged)
    ));
    contract::assert_compatible::<ShopError>(&path);
}

#[test]
fn the_gate_fails_on_a_breaking_change_with_the_report() {
    let path = scratch("shop-broken.contract.json");
    let mut committed = Contract::of::<ShopError>();
    committed.errors[0].status = 400;
    committed.errors.push({
        let mut gone = committed.errors[0].clone();
        gone.name = "ShopError::Gone".to_owned();
        gone
    });
    let _ = std::fs::write(&path, committed.to_json());
    let failure = contract::check_compatible::<ShopError>(&path).err();
    let Some(ContractFailure::Breaking { report, .. }) = &failure else {
        panic!("expected a breaking change, got {failure:?}");
    };
    let kinds: Vec<(&str, &str, ChangeKind)> = report
        .changes
        .iter()
        .map(|c| (c.error.as_str(), c.subject.as_str(), c.kind))
        .collect();
    assert_eq!(
        kinds,
        [
            ("ShopError::OrderNotFound", "status", ChangeKind::Changed),
            ("ShopError::Gone", "error", ChangeKind::Removed),
        ]
    );
    let text = failure.map(|f| f.to_string()).unwrap_or_default();
    assert!(
        text.contains("ShopError::OrderNotFound\n  breaking    status changed: \"400\" -> \"404\""),
        "{text}"
    );
    assert!(text.contains("ERRWIRE_CONTRACT=overwrite"), "{text}");
    let panicked = std::panic::catch_unwind(|| contract::assert_compatible::<ShopError>(&path));
    assert!(panicked.is_err());
}

#[test]
fn the_gate_passes_compatible_changes_and_refuses_bad_files() {
    let path = scratch("shop-older.contract.json");
    let mut committed = Contract::of::<ShopError>();
    committed.errors.remove(1);
    let _ = std::fs::write(&path, committed.to_json());
    let checked = contract::check_compatible::<ShopError>(&path);
    let Ok(Checked::Compatible(report)) = &checked else {
        panic!("expected compatible changes, got {checked:?}");
    };
    assert_eq!(report.changes.len(), 1);
    assert_eq!(report.changes[0].kind, ChangeKind::Added);

    let bad = scratch("shop-bad.contract.json");
    let _ = std::fs::write(&bad, "not json");
    let failure = contract::check_compatible::<ShopError>(&bad).err();
    let text = failure.map(|f| f.to_string()).unwrap_or_default();
    assert!(
        text.starts_with(&format!("{}: not JSON", bad.display())),
        "{text}"
    );
}

#[test]
fn two_types_with_one_name_are_refused() {
    mod other {
        #[derive(Debug, errwire::ApiError)]
        #[api_error(http = 400, message = "Also plain")]
        pub struct Plain;
    }
    let path = scratch("twice.contract.json");
    let failure = contract::check_compatible::<(Plain, other::Plain)>(&path).err();
    let text = failure.map(|f| f.to_string()).unwrap_or_default();
    assert!(text.contains("two errors are named `Plain`"), "{text}");
    assert!(!path.exists());
}
