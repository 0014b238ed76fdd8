//! What the interop tests share: every catalog error of a library, built from the observed
//! calls of the real library (the fixtures) and rendered as a server answers.

use errwire::{RenderOptions, WireFormat};
use errwire_catalog::{Entry, System, entries};
use serde_json::Value;

/// One catalog error, rendered.
pub struct Rendered {
    /// Its registry entry.
    pub entry: &'static Entry,
    /// The response a server sends for it.
    pub response: http::Response<Vec<u8>>,
}

impl Rendered {
    /// The body as JSON.
    pub fn body(&self) -> Value {
        serde_json::from_slice(self.response.body())
            .unwrap_or_else(|e| panic!("{}: {e}", self.entry.reference))
    }
}

/// Every error of `system`, rendered in `format` (its native one if `None`).
pub fn every_error(system: System, format: Option<WireFormat>) -> Vec<Rendered> {
    let fixtures = errwire_tests::catalog::fixtures();
    let rendered: Vec<Rendered> = entries()
        .iter()
        .filter(|entry| entry.system == system)
        .map(|entry| {
            let fields = errwire_tests::catalog::buildable_fields(entry.reference, &fixtures)
                .unwrap_or_else(|| panic!("no buildable fields for {}", entry.reference));
            let error = (entry.build)(fields, Default::default())
                .unwrap_or_else(|e| panic!("{}: {e}", entry.reference));
            let options = RenderOptions {
                format,
                ..RenderOptions::default()
            };
            let response = error
                .render_dyn(&options)
                .unwrap_or_else(|e| panic!("{}: {e}", entry.reference));
            Rendered { entry, response }
        })
        .collect();
    assert!(
        rendered.len() > 10,
        "only {} {system:?} errors",
        rendered.len()
    );
    rendered
}
