//! The Matrix client-server API: `{"errcode":"M_…","error":"…", extra…}`. Matrix bodies carry
//! no subtype or detail, as Synapse's `cs_error` has no place for them; an error without an
//! errcode is sent as `M_UNKNOWN`. A trace id (a 5xx's incident id, an override) has no
//! member in the spec either, so it goes in `errwire.trace_id`: namespaced, as the spec asks
//! of keys it does not define, and ignored by clients that do not know it.

use serde::ser::SerializeMap;
use serde_json::{Map, Value};

use super::body::{Message, present};
use super::format::{Evidence, Format, Kind, Root, Slot, Text, put, serialize_some, text};
use super::wire_error::WireError;
use crate::api_error::ApiError;
use crate::descriptor::ErrorDescriptor;

const ERRCODE: &str = "errcode";
const ERROR: &str = "error";
/// The trace id, in the namespace of this toolkit.
const TRACE_ID: &str = "errwire.trace_id";

/// The errcode a Matrix body carries when the error declares none.
pub const MATRIX_UNKNOWN_ERRCODE: &str = "M_UNKNOWN";

/// The Matrix format.
pub(crate) struct Matrix;

impl Format for Matrix {
    const NAME: &'static str = "matrix";
    const CONTENT_TYPE: &'static str = "application/json";

    fn detect(kind: &dyn Fn(&str) -> Option<Kind>) -> Option<Evidence> {
        kind(ERRCODE).map(|_| Evidence::Likely)
    }

    #[inline]
    fn root(key: &str) -> Root {
        match key {
            ERRCODE => Root::Value(Slot::Text(Text::Errcode)),
            ERROR => Root::Value(Slot::Text(Text::Message)),
            TRACE_ID => Root::Value(Slot::Text(Text::TraceId)),
            _ => Root::Member,
        }
    }

    #[inline]
    fn write<E: ApiError, M: SerializeMap>(error: &E, map: &mut M) -> Result<(), M::Error> {
        let errcode = error.errcode().unwrap_or(MATRIX_UNKNOWN_ERRCODE);
        map.serialize_entry(ERRCODE, errcode)?;
        map.serialize_entry(ERROR, &Message(error))?;
        serialize_some(map, TRACE_ID, present(error.trace_id()))
    }

    fn write_received(wire: &WireError, root: &mut Map<String, Value>) {
        put(root, ERRCODE, text(&wire.errcode));
        put(root, ERROR, text(&wire.message));
        put(root, TRACE_ID, text(&wire.trace_id));
    }

    fn describe(descriptor: &ErrorDescriptor, example: &mut WireError) {
        let errcode = descriptor.errcode.unwrap_or(MATRIX_UNKNOWN_ERRCODE);
        example.errcode = Some(errcode.to_owned());
        example.code = None;
        example.error_type = None;
        example.error_subtype = None;
    }

    #[cfg(feature = "utoipa")]
    fn schema() -> utoipa::openapi::ObjectBuilder {
        use super::format::schema::text;
        utoipa::openapi::ObjectBuilder::new()
            .property(ERRCODE, text())
            .property(ERROR, text())
            .required(ERRCODE)
            .required(ERROR)
    }
}
