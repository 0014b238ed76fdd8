//! Djblets WebAPI: `{"stat":"fail","err":{"code":105,"msg":"…","type":"…","subtype":"…",
//! "detail":"…","trace_id":"…"}, extra…}`, as `WebAPIResponseError` writes it: empty values
//! are left out, and the subtype is sent only with a type. Every response carries
//! `X-Content-Type-Options: nosniff`.

use http::HeaderMap;
use http::header::{HeaderName, HeaderValue};
use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::{Map, Value};

use super::body::{Message, present};
use super::format::{Evidence, Format, Kind, Root, Slot, Text, put, serialize_some, text};
use super::wire_error::WireError;
use crate::api_error::ApiError;

/// The root member saying the request failed.
const STAT: &str = "stat";
/// `stat` of every error, as JSON text: only another value is kept when reading.
const STAT_FAIL: &str = "fail";
const STAT_FAIL_JSON: &str = "\"fail\"";
/// The root member holding the error.
const ERR: &str = "err";
/// The root member of field errors.
const FIELDS: &str = "fields";

// The members of `err`.
const CODE: &str = "code";
const MSG: &str = "msg";
const TYPE: &str = "type";
const SUBTYPE: &str = "subtype";
const DETAIL: &str = "detail";
const TRACE_ID: &str = "trace_id";

/// The Djblets WebAPI format.
pub(crate) struct Djblets;

impl Format for Djblets {
    const NAME: &'static str = "djblets";
    const CONTENT_TYPE: &'static str = "application/json";

    fn detect(kind: &dyn Fn(&str) -> Option<Kind>) -> Option<Evidence> {
        (kind(STAT).is_some() && kind(ERR) == Some(Kind::Object)).then_some(Evidence::Definitive)
    }

    #[inline]
    fn root(key: &str) -> Root {
        match key {
            ERR => Root::Object,
            STAT => Root::Constant(STAT_FAIL_JSON),
            _ => Root::Member,
        }
    }

    #[inline]
    fn nested(key: &str) -> Option<Slot> {
        Some(match key {
            CODE => Slot::Code,
            MSG => Slot::Text(Text::Message),
            TYPE => Slot::Text(Text::ErrorType),
            SUBTYPE => Slot::Text(Text::ErrorSubtype),
            DETAIL => Slot::Text(Text::Detail),
            TRACE_ID => Slot::Text(Text::TraceId),
            _ => return None,
        })
    }

    #[inline]
    fn write<E: ApiError, M: SerializeMap>(error: &E, map: &mut M) -> Result<(), M::Error> {
        map.serialize_entry(STAT, STAT_FAIL)?;
        map.serialize_entry(ERR, &Err(error))
    }

    /// `fields`, each field's messages under its name, as Djblets' `INVALID_FORM_DATA` sends.
    fn write_field_errors<M: SerializeMap>(
        errors: &crate::FieldErrors,
        map: &mut M,
    ) -> Result<(), M::Error> {
        map.serialize_entry(FIELDS, &errors.by_name())
    }

    fn write_received(wire: &WireError, root: &mut Map<String, Value>) {
        let mut err = Map::new();
        put(&mut err, CODE, wire.code.map(Value::from));
        put(&mut err, MSG, text(&wire.message));
        put(&mut err, TYPE, text(&wire.error_type));
        put(&mut err, SUBTYPE, text(&wire.error_subtype));
        put(&mut err, DETAIL, text(&wire.detail));
        put(&mut err, TRACE_ID, text(&wire.trace_id));
        err.extend(wire.err_extra.clone());
        root.insert(STAT.to_owned(), Value::from(STAT_FAIL));
        root.insert(ERR.to_owned(), Value::Object(err));
    }

    fn write_headers(headers: &mut HeaderMap) {
        const NOSNIFF: (HeaderName, HeaderValue) = (
            HeaderName::from_static("x-content-type-options"),
            HeaderValue::from_static("nosniff"),
        );
        let (name, value) = NOSNIFF;
        headers.insert(name, value);
    }

    #[cfg(feature = "utoipa")]
    fn schema() -> utoipa::openapi::ObjectBuilder {
        use super::format::schema::{integer, text};
        let err = utoipa::openapi::ObjectBuilder::new()
            .property(CODE, integer())
            .property(MSG, text())
            .property(TYPE, text())
            .property(SUBTYPE, text())
            .property(DETAIL, text())
            .property(TRACE_ID, text())
            .required(CODE)
            .required(MSG);
        utoipa::openapi::ObjectBuilder::new()
            .property(STAT, text().enum_values(Some([STAT_FAIL])))
            .property(ERR, err)
            .required(STAT)
            .required(ERR)
    }
}

/// The `err` object.
struct Err<'a, E>(&'a E);

impl<E: ApiError> Serialize for Err<'_, E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let error = self.0;
        let error_type = present(error.error_type());
        let mut map = serializer.serialize_map(None)?;
        serialize_some(&mut map, CODE, error.code())?;
        map.serialize_entry(MSG, &Message(error))?;
        serialize_some(&mut map, TYPE, error_type)?;
        serialize_some(
            &mut map,
            SUBTYPE,
            error_type.and(present(error.error_subtype())),
        )?;
        serialize_some(&mut map, DETAIL, present(error.detail()))?;
        serialize_some(&mut map, TRACE_ID, present(error.trace_id()))?;
        map.end()
    }
}
