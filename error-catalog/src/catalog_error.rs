//! Any catalog error behind one object-safe face: what the registry builds, what
//! `classify` returns, and what the catalogs' own dispatchers (`py42::raise_py42_error`,
//! `tenable::error_for_response`) return. It sits below both the catalogs and the registry,
//! so that neither imports the other for it.

use errwire::{ApiError, RenderError, RenderOptions};
use serde_json::{Map, Value};

/// A catalog error of any type, behind one object-safe face.
pub trait CatalogError: ApiError + Send + Sync {
    /// The complete HTTP response.
    fn render_dyn(
        &self,
        options: &RenderOptions<'_>,
    ) -> Result<http::Response<Vec<u8>>, RenderError>;

    /// The body as JSON, in `format` (the native one if `None`).
    fn body_json(&self, format: Option<errwire::WireFormat>) -> Result<Value, serde_json::Error>;

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

    fn body_json(&self, format: Option<errwire::WireFormat>) -> Result<Value, serde_json::Error> {
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
