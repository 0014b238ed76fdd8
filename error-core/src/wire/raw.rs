//! A received body read in one pass and kept as the text it came in: protocol values are
//! lifted out (borrowed when they have no escapes), every other member stays raw JSON until a
//! field asks for it. Nothing is built that the caller does not read.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserialize, DeserializeSeed, Deserializer, MapAccess, Visitor};
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
    members: Members<'b>,
    err_members: Vec<RawMember<'b>>,
}

impl<'b> RawBody<'b> {
    /// Reads `body` as a `format` body, or detects the format (see [`WireError::detect`]).
    pub fn parse(format: Option<WireFormat>, body: &'b [u8]) -> Result<Self, ParseError> {
        let Some(format) = format else {
            return Self::parse_detected(body);
        };
        let mut read = RawBody::empty(format);
        read.read(body)?;
        Ok(read)
    }

    /// Reads `body` into this empty body of a known format. Filling a body in place, rather
    /// than returning one, saves copying it: it is some hundred bytes.
    #[inline]
    pub(crate) fn read(&mut self, body: &'b [u8]) -> Result<(), ParseError> {
        // Checking the whole body is UTF-8 at once is quicker than serde_json checking each
        // string and raw member on its own, which it skips for a `str`.
        let text = utf8(body)?;
        match read_members(text, |key, raw| self.accept(key, raw)) {
            Ok(true) => Ok(()),
            Ok(false) => Err(ParseError::NotObject),
            Err(error) => Err(ParseError::NotJson(error)),
        }
    }

    /// Reads `body` in the format its members show: collected first, then taken.
    fn parse_detected(body: &'b [u8]) -> Result<Self, ParseError> {
        let mut root = Vec::new();
        match read_members(utf8(body)?, |key, raw| root.push((key, raw))) {
            Ok(true) => {}
            Ok(false) => return Err(ParseError::NotObject),
            Err(error) => return Err(ParseError::NotJson(error)),
        }
        let format = layout::detect(|key| last_member(&root, key).map(kind_of))
            .ok_or(ParseError::UnknownFormat)?;
        let mut body = RawBody::empty(format);
        for (key, raw) in root {
            body.accept(key, raw);
        }
        Ok(body)
    }

    /// A body of `format` with nothing in it, to [`read`](Self::read) into.
    #[inline]
    pub(crate) fn empty(format: WireFormat) -> Self {
        RawBody {
            format,
            status: None,
            code: None,
            texts: Default::default(),
            members: Members::default(),
            err_members: Vec::new(),
        }
    }

    /// Takes root member `key`: a protocol value, Djblets' `err` object, or a member kept.
    #[inline]
    fn accept(&mut self, key: Cow<'b, str>, raw: &'b RawValue) {
        if self.format == WireFormat::Djblets {
            if key == DJBLETS_ERR {
                let mut err = Vec::new();
                if let Ok(true) = read_members(raw.get(), |key, raw| err.push((key, raw))) {
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

    /// Sets the protocol value `key` names, if it does and `raw` has its type. A later
    /// member of the same name replaces it, as in a JSON object, even one of the wrong type.
    #[inline]
    fn lift(&mut self, scope: Scope, key: &str, raw: &'b RawValue) -> bool {
        match Slot::of(self.format, scope, key) {
            Some(Slot::Text(text)) => {
                let slot = &mut self.texts[text as usize];
                *slot = raw_text(raw);
                slot.is_some()
            }
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
        self.members.as_slice()
    }

    /// The members of Djblets' `err` object no protocol value took.
    pub fn err_members(&self) -> &[RawMember<'b>] {
        &self.err_members
    }

    /// The root member `key`: the last one, as a JSON object keeps the last of duplicates.
    #[inline]
    pub fn member(&self, key: &str) -> Option<&'b RawValue> {
        last_member(self.members(), key)
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
        error.extra = to_map(self.members());
        error.err_extra = to_map(self.err_members());
        error
    }
}

/// `body` as text; if it is not UTF-8, serde_json's own error for it, which says where.
fn utf8(body: &[u8]) -> Result<&str, ParseError> {
    std::str::from_utf8(body).map_err(|_| {
        // Reading every string as text makes serde_json check them, and say where one fails.
        match serde_json::from_slice::<Value>(body) {
            Err(error) => ParseError::NotJson(error),
            Ok(_) => ParseError::NotJson(de::Error::custom("body is not UTF-8")),
        }
    })
}

/// The member `key` of `members`: the last one, as a JSON object keeps the last of
/// duplicates.
fn last_member<'b>(members: &[RawMember<'b>], key: &str) -> Option<&'b RawValue> {
    let (_, raw) = members.iter().rev().find(|(name, _)| name == key)?;
    Some(raw)
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
#[inline]
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

/// The members of an object, the first few held inline: an error body has few members beyond
/// its protocol values, and most have none, so reading one allocates nothing for them.
#[derive(Clone, Debug)]
struct Members<'b> {
    inline: [RawMember<'b>; INLINE_MEMBERS],
    len: usize,
    spilled: Vec<RawMember<'b>>,
}

const INLINE_MEMBERS: usize = 4;

impl Default for Members<'_> {
    fn default() -> Self {
        Members {
            inline: std::array::from_fn(|_| (Cow::Borrowed(""), RawValue::NULL)),
            len: 0,
            spilled: Vec::new(),
        }
    }
}

impl<'b> Members<'b> {
    #[inline]
    fn push(&mut self, member: RawMember<'b>) {
        if self.len < INLINE_MEMBERS {
            self.inline[self.len] = member;
            self.len += 1;
        } else {
            if self.spilled.is_empty() {
                self.spilled.extend(self.inline.iter().cloned());
            }
            self.spilled.push(member);
        }
    }

    #[inline]
    fn as_slice(&self) -> &[RawMember<'b>] {
        if self.spilled.is_empty() {
            &self.inline[..self.len]
        } else {
            &self.spilled
        }
    }
}

/// Reads a JSON value, handing each member of an object to the function as it is read;
/// `false` when the value is no object.
struct EachMember<F>(F);

impl<'b, F: FnMut(Cow<'b, str>, &'b RawValue)> DeserializeSeed<'b> for EachMember<F> {
    type Value = bool;

    fn deserialize<D: Deserializer<'b>>(self, deserializer: D) -> Result<bool, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'b, F: FnMut(Cow<'b, str>, &'b RawValue)> Visitor<'b> for EachMember<F> {
    type Value = bool;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a JSON value")
    }

    fn visit_map<A: MapAccess<'b>>(mut self, mut map: A) -> Result<bool, A::Error> {
        while let Some(Key(key)) = map.next_key()? {
            let raw = map.next_value()?;
            (self.0)(key, raw);
        }
        Ok(true)
    }

    // Any other value is valid JSON but no object; `IgnoredAny` reads an array through.
    fn visit_seq<A: de::SeqAccess<'b>>(self, mut seq: A) -> Result<bool, A::Error> {
        while seq.next_element::<de::IgnoredAny>()?.is_some() {}
        Ok(false)
    }

    fn visit_bool<E>(self, _: bool) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_i64<E>(self, _: i64) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_u64<E>(self, _: u64) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_f64<E>(self, _: f64) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_str<E>(self, _: &str) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_unit<E>(self) -> Result<bool, E> {
        Ok(false)
    }
}

/// Reads `text` as JSON, each member of an object to `each`: `Ok(false)` when it is no
/// object.
fn read_members<'b>(
    text: &'b str,
    each: impl FnMut(Cow<'b, str>, &'b RawValue),
) -> Result<bool, serde_json::Error> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let is_object = EachMember(each).deserialize(&mut deserializer)?;
    deserializer.end()?;
    Ok(is_object)
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
