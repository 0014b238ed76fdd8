//! Synapse 1.163.2's `error_dict(config)` (`fixtures/synapse-config.json`): with each
//! homeserver option off and on, every case's body; `HomeserverConfig` must add exactly what
//! Synapse adds (MSC3848's unstable errcode, for `UnstableSpecAuthError` only).

mod common;

use common::{entry, fixture, object};
use errwire::{Overrides, RenderOptions};
use errwire_catalog::synapse::HomeserverConfig;
use serde_json::Value;

const FIXTURE: &str = include_str!("../fixtures/synapse-config.json");

#[test]
fn the_homeserver_config_changes_the_bodies_synapse_changes_and_no_other() {
    let fixture = fixture(FIXTURE);
    let on = HomeserverConfig {
        msc3848_enabled: true,
    };
    let (mut dependent, mut unchanged) = (0, 0);
    for case in common::cases(&fixture) {
        let bodies = &case["bodies"];
        if bodies.is_null() {
            continue;
        }
        let reference = case["reference"].as_str().unwrap_or_default();
        let entry = entry(reference).unwrap_or_else(|| panic!("{reference} is not declared"));
        let mut args = object(&case["args"]);
        // Positional arguments, named as the fields (declared in the constructor's order).
        if let Some(Value::Array(values)) = args.remove("*args") {
            for (field, value) in entry.descriptor.fields.iter().zip(values) {
                args.insert(field.name.to_owned(), value);
            }
        }
        let members = on.members(entry.descriptor, &args);
        if case["config_dependent"] != true {
            assert_eq!(
                bodies["msc3848_enabled=true"], bodies["all_off"],
                "{reference}"
            );
            assert!(members.is_empty(), "{reference}: {members:?}");
            unchanged += 1;
            continue;
        }
        dependent += 1;
        let error = (entry.build)(args, Overrides::default())
            .unwrap_or_else(|e| panic!("{reference} [{}]: {e}", case["label"]));
        for (config, body) in [
            ("msc3848_enabled=true", &members),
            ("all_off", &Default::default()),
        ] {
            let response = error
                .render_dyn(&RenderOptions {
                    extra: Some(body),
                    ..RenderOptions::default()
                })
                .unwrap_or_else(|e| panic!("{reference}: {e}"));
            let rendered: Value = serde_json::from_slice(response.body()).unwrap_or_default();
            if bodies[config].get("$raised").is_some() {
                // The one divergence: `additional_fields` already holding the member make
                // Synapse raise (`cs_error` gets it twice); the render replaces it.
                assert_eq!(
                    rendered[errwire_catalog::synapse::MSC3848_UNSTABLE_ERRCODE],
                    case["args"]["errcode"],
                    "{reference}"
                );
                continue;
            }
            assert_eq!(
                rendered, bodies[config],
                "{reference} [{}] {config}",
                case["label"]
            );
        }
    }
    assert!(dependent >= 3, "{dependent} config-dependent cases");
    assert!(unchanged >= 200, "{unchanged} unchanged cases");
}
