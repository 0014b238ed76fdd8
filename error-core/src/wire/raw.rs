//! A received body read in one pass and kept as the text it came in: protocol values are
//! lifted out (borrowed when they have no escapes), every other member stays raw JSON until a
//! field asks for it. Nothing is built that the caller does not read.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserialize, DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;
use serde_json::{Map, Value};

use super::WireFormat;
use super::error::ReceiveError;
use super::format::{Kind, Root, Slot, Text};
use super::wire_error::WireError;

/// A member no protocol value took: its name, unescaped, and its JSON text.
type RawMember<'b> = (Cow<'b, str>, &'b RawValue);

/// A received body borrowing the bytes it was read from; see
/// [`Classify::decode`](crate::Classify::decode). [`RawBody::to_wire`] gives the owned
/// [`WireError`].
#[derive(Clone, Debug)]
pub struct RawBody<'b> {
    format: WireFormat,
    status: Option<u16>,
    code: Option<i64>,
    /// Each text value without escapes, borrowed from the body. `None` for the few with
    /// escapes, which are in `unescaped`: a body's values are then all-zero when empty, so a
    /// new body is written with a few stores, and dropping one frees nothing.
    texts: [Option<&'b str>; Text::COUNT],
    unescaped: Vec<(Text, String)>,
    members: Members<'b>,
    err_members: Vec<RawMember<'b>>,
    /// Whether a body was read into this one, which reading another must first forget.
    filled: bool,
}

impl<'b> RawBody<'b> {
    /// Reads `body` as a `format` body, or detects the format (see [`WireError::detect`]).
    pub fn parse(format: Option<WireFormat>, body: &'b [u8]) -> Result<Self, ReceiveError> {
        let Some(format) = format else {
            return Self::parse_detected(body);
        };
        let mut read = RawBody::new(format);
        read.read(body)?;
        Ok(read)
    }

    /// A body of `format` with nothing in it, to read into with
    /// [`Classify::decode_into`](crate::Classify::decode_into).
    #[inline]
    pub fn new(format: WireFormat) -> Self {
        RawBody {
            format,
            status: None,
            code: None,
            texts: [None; Text::COUNT],
            unescaped: Vec::new(),
            members: Members::EMPTY,
            err_members: Vec::new(),
            filled: false,
        }
    }

    /// Reads `body` into this body, in its format, replacing what it held. Filling a body in
    /// place, rather than returning one, saves copying it: it is some hundred bytes.
    #[inline]
    pub(crate) fn read(&mut self, body: &'b [u8]) -> Result<(), ReceiveError> {
        if self.filled {
            self.clear();
        }
        self.filled = true;
        // Checking the whole body is UTF-8 at once is quicker than serde_json checking each
        // string and raw member on its own, which it skips for a `str`.
        read_object(utf8(body)?, |key, raw| self.accept(key, raw))
    }

    /// Reads `body` in the format its members show: collected first, then taken.
    fn parse_detected(body: &'b [u8]) -> Result<Self, ReceiveError> {
        let mut root = Vec::new();
        read_object(utf8(body)?, |key, raw| root.push((key, raw)))?;
        let format = WireFormat::detect(|key| last_member(borrowed(&root), key).map(kind_of))
            .ok_or(ReceiveError::UnknownFormat)?;
        let mut body = RawBody::new(format);
        for (key, raw) in root {
            body.accept(key, raw);
        }
        Ok(body)
    }

    /// Forgets every value and member, keeping the format (and any memory for members).
    #[inline]
    fn clear(&mut self) {
        self.status = None;
        self.code = None;
        self.texts = [None; Text::COUNT];
        self.unescaped.clear();
        self.members.clear();
        self.err_members.clear();
    }

    /// Takes root member `key`: a protocol value, an object of them, or a member kept.
    #[inline]
    fn accept(&mut self, key: Cow<'b, str>, raw: &'b RawValue) {
        let format = self.format;
        let kept = match format.root(&key) {
            Root::Value(slot) => !self.lift(slot, raw),
            // Only an object has members, so nothing is taken from one of another type, which
            // is kept as it came.
            Root::Object => {
                let lifted = read_members(raw.get(), |key, raw| {
                    let taken = format.nested(&key).is_some_and(|slot| self.lift(slot, raw));
                    if !taken {
                        self.err_members.push((key, raw));
                    }
                });
                !matches!(lifted, Ok(true))
            }
            Root::Constant(json) => raw.get() != json,
            Root::Member => true,
        };
        if kept {
            self.members.push((key, raw));
        }
    }

    /// Sets the protocol value `slot` to `raw`, if `raw` has its type. A later member of the
    /// same name replaces it, as in a JSON object, even one of the wrong type.
    #[inline]
    fn lift(&mut self, slot: Slot, raw: &'b RawValue) -> bool {
        match slot {
            Slot::Text(text) => {
                // A later member replaces an earlier one, escaped or not.
                if !self.unescaped.is_empty() {
                    self.unescaped.retain(|(which, _)| *which != text);
                }
                let value = raw_text(raw);
                let taken = value.is_some();
                self.texts[text as usize] = match value {
                    Some(Cow::Borrowed(value)) => Some(value),
                    Some(Cow::Owned(value)) => {
                        self.unescaped.push((text, value));
                        None
                    }
                    None => None,
                };
                taken
            }
            Slot::Code => {
                self.code = raw.get().parse().ok();
                self.code.is_some()
            }
            Slot::Status => {
                self.status = raw.get().parse().ok();
                self.status.is_some()
            }
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
        match self.texts[text as usize] {
            Some(value) => Some(value),
            None => self
                .unescaped
                .iter()
                .find(|(which, _)| *which == text)
                .map(|(_, value)| value.as_str()),
        }
    }

    /// The root members no protocol value took, in the order received: each name and its
    /// JSON text.
    pub fn members(&self) -> impl DoubleEndedIterator<Item = (&str, &'b RawValue)> {
        self.members.iter()
    }

    /// The members of Djblets' `err` object no protocol value took.
    pub fn err_members(&self) -> impl DoubleEndedIterator<Item = (&str, &'b RawValue)> {
        borrowed(&self.err_members)
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

/// `body` as text, or where it stops being UTF-8. A leading byte order mark is passed over,
/// as RFC 8259 §8.1 allows a parser to (senders must not add one, but some do).
fn utf8(body: &[u8]) -> Result<&str, ReceiveError> {
    let text = std::str::from_utf8(body).map_err(|error| ReceiveError::NotUtf8 {
        valid_up_to: error.valid_up_to(),
    })?;
    Ok(text.strip_prefix('\u{FEFF}').unwrap_or(text))
}

/// The member `key` of `members`: the last one, as a JSON object keeps the last of
/// duplicates.
fn last_member<'m, 'b>(
    mut members: impl DoubleEndedIterator<Item = (&'m str, &'b RawValue)>,
    key: &str,
) -> Option<&'b RawValue> {
    let (_, raw) = members.rfind(|(name, _)| *name == key)?;
    Some(raw)
}

/// The members as a JSON map.
fn to_map<'m, 'b>(members: impl Iterator<Item = (&'m str, &'b RawValue)>) -> Map<String, Value> {
    members
        .map(|(key, raw)| (key.to_owned(), to_value(raw)))
        .collect()
}

/// A raw member as a JSON value; see [`RawBody::to_wire`]. A number no `i64`, `u64` or
/// `f64` holds exactly (an integer past 64 bits, `1e999`) is kept as a string of its text, so
/// its digits are not rounded away.
pub(crate) fn to_value(raw: &RawValue) -> Value {
    let text = raw.get();
    let as_text = || Value::String(text.to_owned());
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Number(number)) if number.is_f64() && !text.contains(['.', 'e', 'E']) => {
            as_text()
        }
        Ok(value) => value,
        Err(_) => as_text(),
    }
}

/// The string `raw` holds, borrowed from it when it has no escapes; `None` if not a string.
#[inline]
fn raw_text(raw: &RawValue) -> Option<Cow<'_, str>> {
    let json = raw.get();
    let inner = json.strip_prefix('"')?.strip_suffix('"')?;
    // Without an early exit the compiler vectorizes the loop: these strings are short, and a
    // `memchr` call or a byte-at-a-time loop costs more.
    let escaped = inner
        .bytes()
        .fold(false, |seen, byte| seen | (byte == b'\\'));
    if escaped {
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
    /// The first members, while their names have no escapes: all `None`, so all zero, when
    /// empty, which makes a new body cheap to write.
    inline: [Option<(&'b str, &'b RawValue)>; INLINE_MEMBERS],
    len: usize,
    /// Every member, once there are more than fit inline or a name has escapes.
    spilled: Vec<RawMember<'b>>,
}

const INLINE_MEMBERS: usize = 4;

impl<'b> Members<'b> {
    const EMPTY: Self = Members {
        inline: [None; INLINE_MEMBERS],
        len: 0,
        spilled: Vec::new(),
    };

    #[inline]
    fn push(&mut self, (key, raw): RawMember<'b>) {
        if self.spilled.is_empty() {
            if let (Cow::Borrowed(key), true) = (&key, self.len < INLINE_MEMBERS) {
                self.inline[self.len] = Some((key, raw));
                self.len += 1;
                return;
            }
            let inline = self.inline[..self.len].iter().flatten();
            let inline = inline.map(|&(key, raw)| (Cow::Borrowed(key), raw));
            self.spilled.extend(inline);
        }
        self.spilled.push((key, raw));
    }

    #[inline]
    fn clear(&mut self) {
        self.len = 0;
        self.spilled.clear();
    }

    #[inline]
    fn iter(&self) -> impl DoubleEndedIterator<Item = (&str, &'b RawValue)> {
        let (inline, spilled): (&[_], &[_]) = if self.spilled.is_empty() {
            (&self.inline[..self.len], &[])
        } else {
            (&[], &self.spilled)
        };
        let inline = inline.iter().flatten().map(|&(key, raw)| (key, raw));
        inline.chain(borrowed(spilled))
    }
}

/// Members as names and JSON texts.
fn borrowed<'m, 'b>(
    members: &'m [RawMember<'b>],
) -> impl DoubleEndedIterator<Item = (&'m str, &'b RawValue)> {
    members.iter().map(|(key, raw)| (key.as_ref(), *raw))
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

/// Reads `text` as a JSON object, each member to `each`; a body that is no object, or no
/// JSON, is the [`ReceiveError`] saying so.
fn read_object<'b>(
    text: &'b str,
    each: impl FnMut(Cow<'b, str>, &'b RawValue),
) -> Result<(), ReceiveError> {
    match read_members(text, each) {
        Ok(true) => Ok(()),
        Ok(false) => Err(ReceiveError::NotObject),
        Err(error) => Err(error.into()),
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
