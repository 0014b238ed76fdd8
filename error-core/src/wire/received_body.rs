//! What a received body offers the errors built from it: the protocol values and the members,
//! whether the body was parsed into a [`WireError`] or is still the [`RawBody`] text.

use serde::de::{self, DeserializeOwned, Deserializer, Visitor};
use serde_json::Value;
use serde_json::value::RawValue;

use super::WireFormat;
use super::format::Text;
use super::raw::{RawBody, to_value};
use super::wire_error::WireError;

/// A received body, as [`Classify::from_wire`](crate::Classify::from_wire) reads it.
pub trait ReceivedBody {
    /// The body's format.
    fn format(&self) -> WireFormat;
    /// A problem's `status`.
    fn status(&self) -> Option<u16>;
    /// Djblets' `err.code`, or a problem's `code` extension.
    fn code(&self) -> Option<i64>;
    /// Matrix's `errcode`, or a problem's `errcode` extension.
    fn errcode(&self) -> Option<&str>;
    /// Djblets' `err.msg`, Matrix's `error`, a problem's `detail`.
    fn message(&self) -> Option<&str>;
    /// Djblets' `err.type`, or a problem's `error_type` extension.
    fn error_type(&self) -> Option<&str>;
    /// Djblets' `err.subtype`, or a problem's `error_subtype` extension.
    fn error_subtype(&self) -> Option<&str>;
    /// Djblets' `err.detail`, or a problem's `error_detail` extension.
    fn detail(&self) -> Option<&str>;
    /// Djblets' `err.trace_id`, or a problem's `trace_id` extension.
    fn trace_id(&self) -> Option<&str>;
    /// The root member `key` that no protocol value took.
    fn member(&self, key: &str) -> Option<Member<'_>>;
    /// The root members no protocol value took, and none of `claimed`, as one object;
    /// `None` when there are none.
    fn unclaimed(&self, claimed: &[&str]) -> Option<Value>;
}

/// A value read from a received body, deserialized into a field on demand.
#[derive(Clone, Copy, Debug)]
pub enum Member<'a> {
    /// A parsed member.
    Value(&'a Value),
    /// A member still as its JSON text.
    Raw(&'a RawValue),
    /// A text protocol value.
    Text(&'a str),
    /// A numeric protocol value.
    Number(i64),
}

impl Member<'_> {
    /// The value as a `T`, if it is one.
    pub fn deserialize<T: DeserializeOwned>(self) -> Option<T> {
        match self {
            Member::Value(value) => T::deserialize(value).ok(),
            Member::Raw(raw) => serde_json::from_str(raw.get()).ok(),
            Member::Text(text) => T::deserialize(Present(de::value::BorrowedStrDeserializer::<
                serde_json::Error,
            >::new(text)))
            .ok(),
            Member::Number(number) => T::deserialize(Present(de::value::I64Deserializer::<
                serde_json::Error,
            >::new(number)))
            .ok(),
        }
    }
}

/// A present scalar: an `Option` of it is `Some`, which serde's scalar deserializers do not
/// know to say.
struct Present<D>(D);

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Present<D> {
    type Error = D::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        self.0.deserialize_any(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        visitor.visit_some(self.0)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        unit unit_struct newtype_struct seq tuple tuple_struct map struct enum identifier
        ignored_any
    }
}

impl ReceivedBody for WireError {
    fn format(&self) -> WireFormat {
        self.format
    }
    fn status(&self) -> Option<u16> {
        self.status
    }
    fn code(&self) -> Option<i64> {
        self.code
    }
    fn errcode(&self) -> Option<&str> {
        self.errcode.as_deref()
    }
    fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }
    fn error_type(&self) -> Option<&str> {
        self.error_type.as_deref()
    }
    fn error_subtype(&self) -> Option<&str> {
        self.error_subtype.as_deref()
    }
    fn detail(&self) -> Option<&str> {
        self.detail.as_deref()
    }
    fn trace_id(&self) -> Option<&str> {
        self.trace_id.as_deref()
    }
    fn member(&self, key: &str) -> Option<Member<'_>> {
        self.extra.get(key).map(Member::Value)
    }
    fn unclaimed(&self, claimed: &[&str]) -> Option<Value> {
        let members = self.extra.iter().map(|(key, value)| (key.as_str(), value));
        unclaimed_object(members, claimed, Value::clone)
    }
}

impl ReceivedBody for RawBody<'_> {
    fn format(&self) -> WireFormat {
        RawBody::format(self)
    }
    fn status(&self) -> Option<u16> {
        RawBody::status(self)
    }
    fn code(&self) -> Option<i64> {
        RawBody::code(self)
    }
    fn errcode(&self) -> Option<&str> {
        self.text(Text::Errcode)
    }
    fn message(&self) -> Option<&str> {
        self.text(Text::Message)
    }
    fn error_type(&self) -> Option<&str> {
        self.text(Text::ErrorType)
    }
    fn error_subtype(&self) -> Option<&str> {
        self.text(Text::ErrorSubtype)
    }
    fn detail(&self) -> Option<&str> {
        self.text(Text::Detail)
    }
    fn trace_id(&self) -> Option<&str> {
        self.text(Text::TraceId)
    }
    fn member(&self, key: &str) -> Option<Member<'_>> {
        RawBody::member(self, key).map(Member::Raw)
    }
    fn unclaimed(&self, claimed: &[&str]) -> Option<Value> {
        unclaimed_object(self.members(), claimed, to_value)
    }
}

/// The members not in `claimed` as one object, `None` when there are none.
fn unclaimed_object<'a, M>(
    members: impl Iterator<Item = (&'a str, M)>,
    claimed: &[&str],
    to_value: impl Fn(M) -> Value,
) -> Option<Value> {
    let unclaimed: serde_json::Map<String, Value> = members
        .filter(|(key, _)| !claimed.contains(key))
        .map(|(key, member)| (key.to_owned(), to_value(member)))
        .collect();
    (!unclaimed.is_empty()).then_some(Value::Object(unclaimed))
}
