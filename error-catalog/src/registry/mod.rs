//! Every declared error as a registry entry: what the `errwire-catalog` tool lists, shows and
//! renders, and what the conformance tests check against the real libraries.
//!
//! The registry depends on the catalog modules (it lists their types, in `catalogs.rs`);
//! they never depend on it.

use std::fmt;
use std::sync::LazyLock;

use errwire::{Classify, ErrorDescriptor, Overridden, Overrides, WireError};
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::catalog_error::CatalogError;

mod catalogs;
pub mod probe;

pub use probe::{Kind, Shape};

/// The four documented libraries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum System {
    /// Djblets WebAPI, `djblets.webapi.errors`.
    Djblets,
    /// Matrix Synapse, `synapse.api.errors`.
    Matrix,
    /// py42, `py42.exceptions`.
    Py42,
    /// pyTenable, `tenable.errors`.
    Tenable,
}

impl System {
    /// Every system, in catalog order.
    pub const ALL: [System; 4] = [
        System::Djblets,
        System::Matrix,
        System::Py42,
        System::Tenable,
    ];

    /// The name used on the command line and in JSON.
    pub const fn name(self) -> &'static str {
        match self {
            System::Djblets => "djblets",
            System::Matrix => "matrix",
            System::Py42 => "py42",
            System::Tenable => "tenable",
        }
    }

    /// The system called `name`.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|system| system.name() == name)
    }
}

/// Why an error could not be built from field values.
#[derive(Debug)]
pub struct BuildError(String);

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for BuildError {}

/// Builds an error from its field values by name (a field left out takes its default), with
/// `overrides` applied if they replace anything.
pub type Build = fn(Map<String, Value>, Overrides) -> Result<Box<dyn CatalogError>, BuildError>;

/// Reads a received body as the error `descriptor` describes: its fields filled from the
/// body, and what its type cannot hold kept as overrides
/// ([`errwire::Classified::into_received`]); `None` when the body names another error or
/// does not fit this one.
pub type Receive = fn(&'static ErrorDescriptor, WireError) -> Option<Box<dyn CatalogError>>;

fn receive_as<E: Classify + CatalogError + 'static>(
    descriptor: &'static ErrorDescriptor,
    wire: WireError,
) -> Option<Box<dyn CatalogError>> {
    let received = E::classify(wire).into_received().ok()?;
    if !received.descriptor().same_as(descriptor) {
        return None;
    }
    Some(Box::new(received))
}

/// `error`, wrapped with `overrides` if they replace anything.
fn boxed<E: CatalogError + 'static>(error: E, overrides: Overrides) -> Box<dyn CatalogError> {
    if overrides.is_empty() {
        Box::new(error)
    } else {
        Box::new(Overridden::new(error, overrides))
    }
}

/// One declared error.
pub struct Entry {
    /// The library it comes from.
    pub system: System,
    /// The Rust path inside this crate (`djblets::WebApiError::DoesNotExist`).
    pub name: &'static str,
    /// The documented Python name (`djblets.webapi.errors.DOES_NOT_EXIST`).
    pub reference: &'static str,
    /// Whether the seed page documents it (else it comes from the library itself).
    pub in_page: bool,
    /// Its static description.
    pub descriptor: &'static ErrorDescriptor,
    /// Builds an instance from field values.
    pub build: Build,
    /// Reads a received body as this error.
    pub receive: Receive,
    /// What field `name` takes, asked of its own `Deserialize` ([`probe::shape`]).
    pub field_shape: fn(&str) -> Shape,
    /// Whether field `name` reads a JSON value, or the field's complaint
    /// ([`probe::accepts`]).
    pub field_accepts: fn(&str, &Value) -> Result<(), String>,
}

impl Entry {
    /// The entry of an error type whose fields deserialize from their values.
    pub fn of<E>(system: System, name: &'static str, reference: &'static str, in_page: bool) -> Self
    where
        E: errwire::Described + Classify + CatalogError + DeserializeOwned + 'static,
    {
        Entry {
            system,
            name,
            reference,
            in_page,
            descriptor: E::DESCRIPTOR,
            build: build_from_fields::<E>,
            receive: receive_as::<E>,
            field_shape: probe::shape::<E>,
            field_accepts: probe::accepts::<E>,
        }
    }

    /// The entry of a field-less error: a catalog constant of `C`.
    pub fn constant<C: Classify + CatalogError + 'static>(
        system: System,
        name: &'static str,
        reference: &'static str,
        in_page: bool,
        descriptor: &'static ErrorDescriptor,
        build: Build,
    ) -> Self {
        Entry {
            system,
            name,
            reference,
            in_page,
            descriptor,
            build,
            receive: receive_as::<C>,
            // A constant has no fields to probe.
            field_shape: |_| Shape::default(),
            field_accepts: |field, _| Err(format!("no field `{field}`")),
        }
    }

    /// The reference of the parent error, if declared.
    pub fn parent_reference(&self) -> Option<&'static str> {
        entry_of(self.descriptor.parent?).map(|entry| entry.reference)
    }
}

fn build_from_fields<E>(
    fields: Map<String, Value>,
    overrides: Overrides,
) -> Result<Box<dyn CatalogError>, BuildError>
where
    E: CatalogError + DeserializeOwned + 'static,
{
    match serde_json::from_value::<E>(Value::Object(fields)) {
        Ok(error) => Ok(boxed(error, overrides)),
        Err(error) => Err(BuildError(error.to_string())),
    }
}

/// Builds a constant: it has no fields, so any given is an error.
pub fn build_constant<E: CatalogError + 'static>(
    error: E,
    fields: Map<String, Value>,
    overrides: Overrides,
) -> Result<Box<dyn CatalogError>, BuildError> {
    match fields.keys().next() {
        None => Ok(boxed(error, overrides)),
        Some(field) => Err(BuildError(format!(
            "unknown field `{field}`: this error has no fields"
        ))),
    }
}

/// The entry that declares `descriptor`.
pub fn entry_of(descriptor: &ErrorDescriptor) -> Option<&'static Entry> {
    entries()
        .iter()
        .find(|entry| entry.descriptor.same_as(descriptor))
}

/// Every declared error, system by system.
pub fn entries() -> &'static [Entry] {
    // Built once, on first use: the descriptors of the constants come from a trait method,
    // which a `const` cannot call.
    static ENTRIES: LazyLock<Vec<Entry>> = LazyLock::new(catalogs::all);
    &ENTRIES
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The dependency runs one way: a catalog module that named the registry would make the
    /// circle this layout removed.
    #[test]
    fn no_catalog_module_imports_the_registry() {
        for (module, source) in [
            ("djblets", include_str!("../djblets.rs")),
            ("synapse", include_str!("../synapse.rs")),
            ("py42", include_str!("../py42.rs")),
            ("tenable", include_str!("../tenable.rs")),
            ("catalog_error", include_str!("../catalog_error.rs")),
        ] {
            assert!(
                !source.contains("registry::"),
                "{module}.rs imports the registry"
            );
        }
    }

    #[test]
    fn the_list_is_built_once_and_every_system_has_entries() {
        assert!(std::ptr::eq(entries(), entries()));
        for system in System::ALL {
            assert!(
                entries().iter().any(|entry| entry.system == system),
                "{system:?}"
            );
        }
        assert!(
            entries()
                .iter()
                .all(|entry| entry_of(entry.descriptor).is_some())
        );
    }
}
