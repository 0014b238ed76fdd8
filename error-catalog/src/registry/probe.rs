//! What an error's field takes, asked of the field's own `Deserialize` impl rather than read
//! from its type's name: the error type is deserialized from a one-member map whose value is
//! either a probe that records the first thing the field asks for (a string, an integer, an
//! option of something, ...) or a JSON value whose acceptance is recorded. The rest of the
//! error (its other, missing fields) is never built, so no field needs a value to be probed.
//!
//! This works for any spelling of a type (`String`, `std::string::String`, an alias, a
//! newtype) because serde sees through all of them.

use std::cell::Cell;
use std::fmt;

use serde::de::{self, DeserializeOwned, DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde_json::Value;

/// What a field asks its deserializer for, after any `Option`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Kind {
    /// Text (`String`, `&str`, `Cow<str>`, `char`).
    Text,
    /// A signed integer.
    Signed,
    /// A non-negative integer.
    Unsigned,
    /// A floating-point number.
    Float,
    /// A boolean.
    Bool,
    /// Anything else: any value, a list, a map, a struct, an enum (or a field that is not
    /// read at all).
    #[default]
    Other,
}

/// How a field reads a value: its [`Kind`], and whether `null` is allowed first (`Option`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Shape {
    /// Whether the field is an `Option`.
    pub optional: bool,
    /// What it reads inside the `Option`, or itself.
    pub kind: Kind,
}

/// The shape of field `field` of `E`.
pub fn shape<E: DeserializeOwned>(field: &str) -> Shape {
    let shape = Cell::new(Shape::default());
    let _ = E::deserialize(OneField {
        field,
        feed: Feed::Shape(&shape),
    });
    shape.get()
}

/// Whether field `field` of `E` reads `value`; `Err` holds the field's own complaint.
pub fn accepts<E: DeserializeOwned>(field: &str, value: &Value) -> Result<(), String> {
    let outcome = Cell::new(None);
    let _ = E::deserialize(OneField {
        field,
        feed: Feed::Value(value, &outcome),
    });
    match outcome.take() {
        Some(Ok(())) => Ok(()),
        Some(Err(problem)) => Err(problem),
        // The type never asked for the member: it does not read such a field.
        None => Err(format!("`{field}` is not read from a value")),
    }
}

/// The probe's own error: it stops the deserialization once the field has been seen.
#[derive(Debug)]
struct Stop(String);

impl fmt::Display for Stop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Stop {}

impl de::Error for Stop {
    fn custom<T: fmt::Display>(message: T) -> Self {
        Stop(message.to_string())
    }
}

#[derive(Clone, Copy)]
enum Feed<'a> {
    Shape(&'a Cell<Shape>),
    Value(&'a Value, &'a Cell<Option<Result<(), String>>>),
}

/// An error's body with one member, `field`: whatever the error type asks for, it is given
/// a map (as a derived struct expects).
struct OneField<'a> {
    field: &'a str,
    feed: Feed<'a>,
}

impl<'de> Deserializer<'de> for OneField<'_> {
    type Error = Stop;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Stop> {
        visitor.visit_map(OneMember {
            key: Some(self.field),
            feed: self.feed,
        })
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map struct enum
        identifier ignored_any
    }
}

struct OneMember<'a> {
    key: Option<&'a str>,
    feed: Feed<'a>,
}

impl<'de> MapAccess<'de> for OneMember<'_> {
    type Error = Stop;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Stop> {
        match self.key.take() {
            Some(key) => seed
                .deserialize(de::value::StrDeserializer::<Stop>::new(key))
                .map(Some),
            None => Ok(None),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Stop> {
        match self.feed {
            Feed::Shape(shape) => seed.deserialize(Asked {
                shape,
                optional: false,
            }),
            Feed::Value(value, outcome) => {
                let read = seed.deserialize(value.clone());
                outcome.set(Some(read.as_ref().map(|_| ()).map_err(|e| e.to_string())));
                read.map_err(|error| Stop(error.to_string()))
            }
        }
    }
}

/// Records what the field asks for, then stops.
struct Asked<'a> {
    shape: &'a Cell<Shape>,
    optional: bool,
}

impl Asked<'_> {
    fn record<T>(&self, kind: Kind) -> Result<T, Stop> {
        self.shape.set(Shape {
            optional: self.optional,
            kind,
        });
        Err(Stop("probed".to_owned()))
    }
}

macro_rules! asked {
    ($($method:ident => $kind:ident),* $(,)?) => {$(
        fn $method<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, Stop> {
            self.record(Kind::$kind)
        }
    )*};
}

impl<'de> Deserializer<'de> for Asked<'_> {
    type Error = Stop;

    fn deserialize_any<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, Stop> {
        self.record(Kind::Other)
    }

    // An `Option` asks for its inner type next, which is probed in turn.
    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Stop> {
        visitor.visit_some(Asked {
            shape: self.shape,
            optional: true,
        })
    }

    // A newtype (`struct Status(u16)`) reads as what it wraps.
    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Stop> {
        visitor.visit_newtype_struct(self)
    }

    asked! {
        deserialize_bool => Bool,
        deserialize_i8 => Signed,
        deserialize_i16 => Signed,
        deserialize_i32 => Signed,
        deserialize_i64 => Signed,
        deserialize_i128 => Signed,
        deserialize_u8 => Unsigned,
        deserialize_u16 => Unsigned,
        deserialize_u32 => Unsigned,
        deserialize_u64 => Unsigned,
        deserialize_u128 => Unsigned,
        deserialize_f32 => Float,
        deserialize_f64 => Float,
        deserialize_char => Text,
        deserialize_str => Text,
        deserialize_string => Text,
    }

    serde::forward_to_deserialize_any! {
        bytes byte_buf unit unit_struct seq tuple tuple_struct map struct enum identifier
        ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type Status = u16;

    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Probed {
        text: std::string::String,
        status: Status,
        signed: i32,
        maybe: Option<f64>,
        flag: bool,
        newtype: Wrapped,
        list: Vec<String>,
        any: Value,
    }

    #[derive(serde::Deserialize)]
    struct Wrapped(#[allow(dead_code)] u8);

    fn of(field: &str) -> Shape {
        shape::<Probed>(field)
    }

    #[test]
    fn shapes_come_from_the_fields_own_deserialize() {
        let plain = |kind| Shape {
            optional: false,
            kind,
        };
        assert_eq!(of("text"), plain(Kind::Text));
        assert_eq!(of("status"), plain(Kind::Unsigned));
        assert_eq!(of("signed"), plain(Kind::Signed));
        assert_eq!(
            of("maybe"),
            Shape {
                optional: true,
                kind: Kind::Float
            }
        );
        assert_eq!(of("flag"), plain(Kind::Bool));
        assert_eq!(of("newtype"), plain(Kind::Unsigned));
        assert_eq!(of("list"), plain(Kind::Other));
        assert_eq!(of("any"), plain(Kind::Other));
        assert_eq!(of("nope"), plain(Kind::Other));
    }

    #[test]
    fn acceptance_is_the_fields_own() {
        assert!(accepts::<Probed>("status", &Value::from(404)).is_ok());
        let refused = accepts::<Probed>("status", &Value::from("x"));
        assert!(refused.is_err_and(|problem| problem.contains("expected u16")));
        assert!(accepts::<Probed>("nope", &Value::from(1)).is_err());
    }
}
