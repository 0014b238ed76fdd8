//! A typed error's body, ready for any serde serializer: the format writes its protocol
//! members, then the error its own.

use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::{Map, Value};

use super::WireFormat;
use crate::api_error::ApiError;

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
        format.write(error, &mut map)?;
        error.serialize_extra(&mut map)?;
        map.end()
    }
}

/// The effective message, written straight into the serializer: fixed text as a string,
/// a template through `Display`, never through an intermediate `String`.
pub(crate) struct Message<'a, E>(pub(crate) &'a E);

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
