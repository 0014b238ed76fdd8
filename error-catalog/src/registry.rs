//! Every declared error as a registry entry: what the `error-catalog` tool lists, shows and
//! renders, and what the conformance tests check against the real libraries.

use std::fmt;
use std::sync::LazyLock;

use error_core::{ApiError, ErrorDescriptor, Overridden, Overrides, RenderError, RenderOptions};
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

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

/// A catalog error of any type, behind one object-safe face.
pub trait CatalogError: ApiError + Send + Sync {
    /// The complete HTTP response.
    fn render_dyn(
        &self,
        options: &RenderOptions<'_>,
    ) -> Result<http::Response<Vec<u8>>, RenderError>;

    /// The body as JSON, in `format` (the native one if `None`).
    fn body_json(&self, format: Option<error_core::WireFormat>)
    -> Result<Value, serde_json::Error>;

    /// The members the error's own fields add to its body (`extra` and `flatten` fields).
    fn extra_json(&self) -> Map<String, Value>;
}

impl<E: ApiError + Send + Sync + 'static> CatalogError for E {
    fn render_dyn(
        &self,
        options: &RenderOptions<'_>,
    ) -> Result<http::Response<Vec<u8>>, RenderError> {
        self.render(options)
    }

    fn body_json(
        &self,
        format: Option<error_core::WireFormat>,
    ) -> Result<Value, serde_json::Error> {
        serde_json::to_value(self.body_in(format.unwrap_or_else(|| self.format())))
    }

    fn extra_json(&self) -> Map<String, Value> {
        match serde_json::to_value(ExtraMembers(self)) {
            Ok(Value::Object(members)) => members,
            _ => Map::new(),
        }
    }
}

/// The members an error's fields add to its body, as a map of their own.
struct ExtraMembers<'a, E>(&'a E);

impl<E: ApiError> serde::Serialize for ExtraMembers<'_, E> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap as _;
        let mut map = serializer.serialize_map(None)?;
        self.0.serialize_extra(&mut map)?;
        map.end()
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
}

impl Entry {
    /// The entry of an error type whose fields deserialize from their values.
    pub fn of<E>(system: System, name: &'static str, reference: &'static str, in_page: bool) -> Self
    where
        E: error_core::Described + CatalogError + DeserializeOwned + 'static,
    {
        Entry {
            system,
            name,
            reference,
            in_page,
            descriptor: E::DESCRIPTOR,
            build: build_from_fields::<E>,
        }
    }

    /// The entry of a field-less error: a catalog constant.
    pub fn constant(
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
    static ENTRIES: LazyLock<Vec<Entry>> = LazyLock::new(|| {
        let mut entries = crate::djblets::entries();
        entries.extend(crate::synapse::entries());
        entries.extend(crate::py42::entries());
        entries.extend(crate::tenable::entries());
        entries
    });
    &ENTRIES
}
