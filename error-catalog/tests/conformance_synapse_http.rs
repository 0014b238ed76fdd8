//! What Synapse 1.163.2's HTTP layer really sends (`fixtures/synapse-http.json`): an
//! `InteractiveAuthIncompleteError` caught by `interactive_auth_handler` is 401 with its
//! `result` as the whole body, and the catalog's is the same.

mod common;

use common::{entry, fixture, object};
use errwire::Overrides;
use serde_json::Value;

const FIXTURE: &str = include_str!("../fixtures/synapse-http.json");

#[test]
fn interactive_auth_is_answered_with_the_result_as_the_body() {
    let fixture = fixture(FIXTURE);
    let mut checked = 0;
    for case in common::cases(&fixture)
        .iter()
        .filter(|c| c["category"] == "interactive-auth")
    {
        // Without `interactive_auth_handler` it is an unhandled exception (500), which is the
        // handler's doing, not the error's.
        if case["status"] != 401 {
            continue;
        }
        let reference = case["reference"]
            .as_str()
            .unwrap_or("synapse.api.errors.InteractiveAuthIncompleteError");
        let entry = entry(reference).unwrap_or_else(|| panic!("{reference} is not declared"));
        let error = (entry.build)(object(&case["args"]), Overrides::default())
            .unwrap_or_else(|e| panic!("{}: {e}", case["label"]));
        let response = error
            .render_dyn(&Default::default())
            .unwrap_or_else(|e| panic!("{}: {e}", case["label"]));
        assert_eq!(response.status().as_u16(), 401, "{}", case["label"]);
        let body: Value = serde_json::from_slice(response.body()).unwrap_or_default();
        assert_eq!(body, case["body"], "{}", case["label"]);
        assert_eq!(
            response.headers()[http::header::CONTENT_TYPE],
            "application/json",
            "{}",
            case["label"]
        );
        checked += 1;
    }
    assert!(checked >= 6, "{checked}");
}
