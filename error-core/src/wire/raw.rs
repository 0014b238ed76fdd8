//! A received body read in one pass and kept as the text it came in: protocol values are
//! lifted out (borrowed when they have no escapes), every other member stays raw JSON until a
//! field asks for it. Nothing is built that the caller does not read.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;
use serde_json::{Map, Value};

use super::layout::{self, DJBLETS_ERR, DJBLETS_STAT, Kind, Scope, Slot, Text};
use super::received::{ParseError, WireError};
use crate::descriptor::WireFormat;

/// A member no protocol value took: its name and its JSON text.
pub type RawMember<'b> = (Cow<'b, str>, &'b RawValue);

/// A received body borrowing the bytes it was read from; see
/// [`Classify::decode`](crate::Classify::decode). [`RawBody::to_wire`] gives the owned
/// [`WireError`].
#[derive(Clone, Debug)]
pub struct RawBody<'b> {
    format: WireFormat,
    status: Option<u16>,
    code: Option<i64>,
    texts: [Option<Cow<'b, str>>; Text::COUNT],
    members: Vec<RawMember<'b>>,
    err_members: Vec<RawMember<'b>>,
}

impl<'b> RawBody<'b> {
    /// Reads `body` as a `format` body, or detects the format (see [`WireError::detect`]).
    pub fn parse(format: Option<WireFormat>, body: &'b [u8]) -> Result<Self, ParseError> {
        let root = match serde_json::from_slice::<Object<'b>>(body) {
            Ok(Object(Some(members))) => members,
            Ok(Object(None)) => return Err(ParseError::NotObject),
            Err(error) => return Err(ParseError::NotJson(error)),
        };
        let format = match format {
            Some(format) => format,
            None => layout::detect(|key| {
                let (_, raw) = root.iter().rev().find(|(name, _)| name == key)?;
                Some(kind_of(raw))
            })
            .ok_or(ParseError::UnknownFormat)?,
        };
        let mut body = RawBody {
            format,
            status: None,
            code: None,
            texts: Default::default(),
            members: Vec::new(),
            err_members: Vec::new(),
        };
        for (key, raw) in root {
            body.accept(key, raw);
        }
        Ok(body)
    }

    /// Takes root member `key`: a protocol value, Djblets' `err` object, or a member kept.
    fn accept(&mut self, key: Cow<'b, str>, raw: &'b RawValue) {
        if self.format == WireFormat::Djblets {
            if key == DJBLETS_ERR {
                if let Ok(Object(Some(err))) = serde_json::from_str::<Object<'b>>(raw.get()) {
                    for (key, raw) in err {
                        if !self.lift(Scope::DjbletsErr, &key, raw) {
                            self.err_members.push((key, raw));
                        }
                    }
                    return;
                }
            } else if key == DJBLETS_STAT && raw.get() == "\"fail\"" {
                return;
            }
        }
        if !self.lift(Scope::Root, &key, raw) {
            self.members.push((key, raw));
        }
    }

    /// Sets the protocol value `key` names, if it does and `raw` has its type.
    fn lift(&mut self, scope: Scope, key: &str, raw: &'b RawValue) -> bool {
        match Slot::of(self.format, scope, key) {
            Some(Slot::Text(text)) => match raw_text(raw) {
                Some(value) => {
                    self.texts[text as usize] = Some(value);
                    true
                }
                None => false,
            },
            Some(Slot::Code) => {
                self.code = raw.get().parse().ok();
                self.code.is_some()
            }
            Some(Slot::Status) => {
                self.status = raw.get().parse().ok();
                self.status.is_some()
            }
            None => false,
        }
    }

    /// The body's format.
    pub fn format(&self) -> WireFormat {
        self.format
    }

    /// A problem's `status`.
    pub fn status(&self) -> Option<u16> {
        self.status
    }

    /// Djblets' `err.code`, or a problem's `code` extension.
    pub fn code(&self) -> Option<i64> {
        self.code
    }

    /// A text value of the body.
    pub(crate) fn text(&self, text: Text) -> Option<&str> {
        self.texts[text as usize].as_deref()
    }

    /// The root members no protocol value took, in the order received.
    pub fn members(&self) -> &[RawMember<'b>] {
        &self.members
    }

    /// The members of Djblets' `err` object no protocol value took.
    pub fn err_members(&self) -> &[RawMember<'b>] {
        &self.err_members
    }

    /// The root member `key`: the last one, as a JSON object keeps the last of duplicates.
    pub fn member(&self, key: &str) -> Option<&'b RawValue> {
        let (_, raw) = self.members.iter().rev().find(|(name, _)| name == key)?;
        Some(raw)
    }

    /// The body, owned and with every member parsed. A member nested deeper than
    /// serde_json's limit of 128 levels (only when [`Limits::max_depth`](super::Limits) allows
    /// it) is kept as a string holding its JSON text.
    pub fn to_wire(&self) -> WireError {
        let mut error = WireError::empty(self.format);
        error.status = self.status;
        error.code = self.code;
        for text in Text::ALL {
            *error.text_mut(text) = self.text(text).map(str::to_owned);
        }
        error.extra = to_map(&self.members);
        error.err_extra = to_map(&self.err_members);
        error
    }
}

/// The members as a JSON map.
fn to_map(members: &[RawMember<'_>]) -> Map<String, Value> {
    members
        .iter()
        .map(|(key, raw)| (key.clone().into_owned(), to_value(raw)))
        .collect()
}

/// A raw member as a JSON value; see [`RawBody::to_wire`].
pub(crate) fn to_value(raw: &RawValue) -> Value {
    serde_json::from_str(raw.get()).unwrap_or_else(|_| Value::String(raw.get().to_owned()))
}

/// The string `raw` holds, borrowed from it when it has no escapes; `None` if not a string.
fn raw_text(raw: &RawValue) -> Option<Cow<'_, str>> {
    let json = raw.get();
    let inner = json.strip_prefix('"')?.strip_suffix('"')?;
    if inner.contains('\\') {
        serde_json::from_str(json).ok().map(Cow::Owned)
    } else {
        Some(Cow::Borrowed(inner))
    }
}

/// The JSON type of a raw value, from its first byte (serde_json strips the whitespace).
fn kind_of(raw: &RawValue) -> Kind {
    match raw.get().as_bytes().first() {
        Some(b'"') => Kind::String,
        Some(b'{') => Kind::Object,
        Some(b'0'..=b'9') if raw.get().parse::<u64>().is_ok() => Kind::Unsigned,
        _ => Kind::Other,
    }
}

/// A JSON value read as an object's raw members, or `None` when it is no object.
struct Object<'b>(Option<Vec<RawMember<'b>>>);

impl<'b> Deserialize<'b> for Object<'b> {
    fn deserialize<D: Deserializer<'b>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ObjectVisitor)
    }
}

struct ObjectVisitor;

impl<'b> Visitor<'b> for ObjectVisitor {
    type Value = Object<'b>;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a JSON value")
    }

    fn visit_map<A: MapAccess<'b>>(self, mut map: A) -> Result<Object<'b>, A::Error> {
        let mut members = Vec::new();
        while let Some(Key(key)) = map.next_key()? {
            members.push((key, map.next_value::<&'b RawValue>()?));
        }
        Ok(Object(Some(members)))
    }

    // Any other value is valid JSON but no object; `IgnoredAny` reads it through.
    fn visit_seq<A: de::SeqAccess<'b>>(self, mut seq: A) -> Result<Object<'b>, A::Error> {
        while seq.next_element::<de::IgnoredAny>()?.is_some() {}
        Ok(Object(None))
    }

    fn visit_bool<E>(self, _: bool) -> Result<Object<'b>, E> {
        Ok(Object(None))
    }

    fn visit_i64<E>(self, _: i64) -> Result<Object<'b>, E> {
        Ok(Object(None))
    }

    fn visit_u64<E>(self, _: u64) -> Result<Object<'b>, E> {
        Ok(Object(None))
    }

    fn visit_f64<E>(self, _: f64) -> Result<Object<'b>, E> {
        Ok(Object(None))
    }

    fn visit_str<E>(self, _: &str) -> Result<Object<'b>, E> {
        Ok(Object(None))
    }

    fn visit_unit<E>(self) -> Result<Object<'b>, E> {
        Ok(Object(None))
    }
}

/// A member name, borrowed from the body when it has no escapes.
struct Key<'b>(Cow<'b, str>);

impl<'b> Deserialize<'b> for Key<'b> {
    fn deserialize<D: Deserializer<'b>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(KeyVisitor)
    }
}

struct KeyVisitor;

impl<'b> Visitor<'b> for KeyVisitor {
    type Value = Key<'b>;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a member name")
    }

    fn visit_borrowed_str<E>(self, key: &'b str) -> Result<Key<'b>, E> {
        Ok(Key(Cow::Borrowed(key)))
    }

    fn visit_str<E>(self, key: &str) -> Result<Key<'b>, E> {
        Ok(Key(Cow::Owned(key.to_owned())))
    }
}
