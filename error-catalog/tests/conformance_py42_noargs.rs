//! py42's errors built without arguments (`fixtures/py42-noargs.json`): the two py42 can build
//! so (`Py42Error()`, whose message is empty as `args` is `()`, and
//! `Py42CloudAliasCharacterLimitExceededError()`) give the same message here, and every one
//! py42 refuses (a `TypeError` for a missing argument) is refused here too.

mod common;

use common::{entry, fixture};
use errwire::Overrides;
use serde_json::Map;

const FIXTURE: &str = include_str!("../fixtures/py42-noargs.json");

#[test]
fn errors_built_without_arguments_behave_as_py42s() {
    let fixture = fixture(FIXTURE);
    let (mut built, mut refused) = (0, 0);
    for case in common::cases(&fixture)
        .iter()
        .filter(|c| c["label"] == "no args")
    {
        let reference = case["reference"].as_str().unwrap_or_default();
        let entry = entry(reference).unwrap_or_else(|| panic!("{reference} is not declared"));
        let result = (entry.build)(Map::new(), Overrides::default());
        match (case["error"].as_str(), result) {
            (Some(_), Err(_)) => refused += 1,
            (None, Ok(error)) => {
                assert_eq!(error.to_string(), case["message"], "{reference}");
                built += 1;
            }
            (Some(raised), Ok(error)) => {
                panic!("{reference}: py42 raised {raised}; the catalog built {error}")
            }
            (None, Err(problem)) => panic!("{reference}: py42 built it; the catalog: {problem}"),
        }
    }
    assert_eq!(built, 2);
    assert!(refused >= 45, "{refused}");
}
