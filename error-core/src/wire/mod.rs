//! The three wire formats: serializing a typed error's body, and parsing any received body
//! back into a generic [`WireError`].
//!
//! | format | body |
//! |---|---|
//! | `djblets` | `{"stat":"fail","err":{"code":105,"msg":"…","type":"…","subtype":"…","detail":"…","trace_id":"…"}, extra…}` |
//! | `matrix` | `{"errcode":"M_…","error":"…", extra…}` |
//! | `problem` | `{"type":"about:blank","title":"Bad Request","status":400,"detail":"…", "code":…, "errcode":…, "error_type":…, "error_subtype":…, "error_detail":…, "trace_id":…, extra…}` |
//!
//! Absent values are omitted, never written as `null`. Matrix bodies carry no subtype, detail
//! or trace id, as Synapse's `cs_error` has no place for them; an error without an errcode is
//! sent as `M_UNKNOWN`.

mod access;
mod layout;
mod raw;
mod receive;
mod received;
mod unrecognized;

use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::{Map, Value};

use crate::api_error::ApiError;
use crate::descriptor::WireFormat;

pub use access::{Member, ReceivedBody};
pub use raw::RawBody;
pub use receive::{Fallback, Limits, ReceiveError, ReceivedError, reason_phrase};
pub use received::{ParseError, WireError};
pub use unrecognized::UNRECOGNIZED;

/// The errcode a Matrix body carries when the error declares none.
pub const MATRIX_UNKNOWN_ERRCODE: &str = "M_UNKNOWN";

/// The `type` of a problem details body: RFC 9457's default, so `title` is the status phrase.
pub const PROBLEM_TYPE_DEFAULT: &str = "about:blank";

/// An error's body in one format, ready for any serde serializer.
pub struct Body<'a, E> {
    error: &'a E,
    format: WireFormat,
    extra: Option<&'a Map<String, Value>>,
}

impl<'a, E: ApiError> Body<'a, E> {
    pub(crate) fn new(
        error: &'a E,
        format: WireFormat,
        extra: Option<&'a Map<String, Value>>,
    ) -> Self {
        Body {
            error,
            format,
            extra,
        }
    }
}

impl<E: ApiError> Serialize for Body<'_, E> {
    #[inline]
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // Members that may replace others (a flattened map, render-time extras) go through a
        // JSON map, whose insert replaces in place; every other body streams straight out.
        if self.extra.is_some() || self.error.has_flatten() {
            let streamed = Body {
                extra: None,
                ..*self
            };
            let mut root = match serde_json::to_value(Streamed(&streamed)) {
                Ok(Value::Object(root)) => root,
                Ok(_) => Map::new(),
                Err(error) => return Err(serde::ser::Error::custom(error)),
            };
            if let Some(extra) = self.extra {
                root.extend(
                    extra
                        .iter()
                        .map(|(key, value)| (key.clone(), value.clone())),
                );
            }
            return root.serialize(serializer);
        }
        Streamed(self).serialize(serializer)
    }
}

/// The body written member by member.
struct Streamed<'b, 'a, E>(&'b Body<'a, E>);

impl<E: ApiError> Serialize for Streamed<'_, '_, E> {
    #[inline]
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let Body { error, format, .. } = *self.0;
        let mut map = serializer.serialize_map(None)?;
        match format {
            WireFormat::Djblets => {
                map.serialize_entry("stat", "fail")?;
                map.serialize_entry("err", &DjbletsErr(error))?;
            }
            WireFormat::Matrix => {
                let errcode = error.errcode().unwrap_or(MATRIX_UNKNOWN_ERRCODE);
                map.serialize_entry("errcode", errcode)?;
                map.serialize_entry("error", &Message(error))?;
            }
            WireFormat::Problem => {
                let status = error.status();
                map.serialize_entry("type", PROBLEM_TYPE_DEFAULT)?;
                map.serialize_entry(
                    "title",
                    status.canonical_reason().unwrap_or("Unknown Error"),
                )?;
                map.serialize_entry("status", &status.as_u16())?;
                map.serialize_entry("detail", &Message(error))?;
                serialize_some(&mut map, "code", error.code())?;
                serialize_some(&mut map, "errcode", error.errcode())?;
                serialize_some(&mut map, "error_type", error.error_type())?;
                serialize_some(&mut map, "error_subtype", error.error_subtype())?;
                serialize_some(&mut map, "error_detail", error.detail())?;
                serialize_some(&mut map, "trace_id", error.trace_id())?;
            }
        }
        error.serialize_extra(&mut map)?;
        map.end()
    }
}

/// Djblets' `err` object. As `WebAPIResponseError` does, empty values are left out, and the
/// subtype is sent only with a type.
struct DjbletsErr<'a, E>(&'a E);

impl<E: ApiError> Serialize for DjbletsErr<'_, E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let error = self.0;
        let error_type = present(error.error_type());
        let mut map = serializer.serialize_map(None)?;
        serialize_some(&mut map, "code", error.code())?;
        map.serialize_entry("msg", &Message(error))?;
        serialize_some(&mut map, "type", error_type)?;
        serialize_some(
            &mut map,
            "subtype",
            error_type.and(present(error.error_subtype())),
        )?;
        serialize_some(&mut map, "detail", present(error.detail()))?;
        serialize_some(&mut map, "trace_id", present(error.trace_id()))?;
        map.end()
    }
}

/// The effective message, written straight into the serializer: fixed text as a string,
/// a template through `Display`, never through an intermediate `String`.
struct Message<'a, E>(&'a E);

impl<E: ApiError> Serialize for Message<'_, E> {
    #[inline]
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0.message_text() {
            Some(text) => serializer.serialize_str(text),
            None => serializer.collect_str(self.0),
        }
    }
}

/// A value that is there and not empty: Djblets leaves empty values out, and ignores empty
/// overrides.
pub(crate) fn present(value: Option<&str>) -> Option<&str> {
    value.filter(|text| !text.is_empty())
}

fn serialize_some<M: SerializeMap, T: Serialize>(
    map: &mut M,
    key: &'static str,
    value: Option<T>,
) -> Result<(), M::Error> {
    match value {
        Some(value) => map.serialize_entry(key, &value),
        None => Ok(()),
    }
}
