//! What a wire format is: the [`Format`] each format module implements, and the
//! [`formats!`](crate::wire) registration that makes [`WireFormat`] of them, so a new format
//! is one new module and one line in `wire/mod.rs`.

use http::HeaderMap;
use serde::ser::SerializeMap;
use serde_json::{Map, Value};

use super::wire_error::WireError;
use crate::api_error::ApiError;
use crate::descriptor::ErrorDescriptor;

/// One wire format, stated in one module: its name, its content type, how a body shows it,
/// where each member goes when read, and how a body is written.
pub(crate) trait Format {
    /// The name used in `#[api_error(format = "…")]`.
    const NAME: &'static str;

    /// The `Content-Type` of a response in this format.
    const CONTENT_TYPE: &'static str;

    /// How strongly the root members show a body is in this format; `kind(name)` is the JSON
    /// type of root member `name`, `None` when absent.
    fn detect(kind: &dyn Fn(&str) -> Option<Kind>) -> Option<Evidence>;

    /// What root member `key` is.
    fn root(key: &str) -> Root;

    /// The protocol value member `key` of a [`Root::Object`] member holds, if any.
    fn nested(key: &str) -> Option<Slot> {
        let _ = key;
        None
    }

    /// Writes the protocol members of `error`'s body; the error's own members follow.
    fn write<E: ApiError, M: SerializeMap>(error: &E, map: &mut M) -> Result<(), M::Error>;

    /// Writes an error's field errors in this format's convention, after its own members;
    /// a format without one writes nothing.
    fn write_field_errors<M: SerializeMap>(
        errors: &crate::FieldErrors,
        map: &mut M,
    ) -> Result<(), M::Error> {
        let _ = (errors, map);
        Ok(())
    }

    /// Writes the protocol values of a received body back into `root`, as they came.
    fn write_received(wire: &WireError, root: &mut Map<String, Value>);

    /// Fills `example` with the protocol values a body of `descriptor` shows in this format,
    /// for documentation: the catalog's values are already in it.
    fn describe(descriptor: &ErrorDescriptor, example: &mut WireError) {
        let _ = (descriptor, example);
    }

    /// Adds the headers every response in this format carries besides `Content-Type`.
    fn write_headers(headers: &mut HeaderMap) {
        let _ = headers;
    }

    /// The schema of a body; members beyond the listed ones are allowed (extra fields).
    #[cfg(feature = "utoipa")]
    fn schema() -> utoipa::openapi::ObjectBuilder;
}

/// How strongly a body's members show its format; the strongest evidence of all formats
/// wins. The levels are shared by every format, so each states its own evidence against the
/// same scale: a Djblets `stat` with an `err` object is unmistakable, a problem's string
/// `type` or `title` beats an `errcode` (a problem may carry one as an extension), and a bare
/// numeric `status` is the weakest sign.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Evidence {
    /// A member any body might have, of the format's type.
    Weak,
    /// A member that names the format, unless stronger evidence says otherwise.
    Likely,
    /// Members that name the format even beside another format's members.
    Strong,
    /// A shape no other format has.
    Definitive,
}

/// What a root member of a received body is, in one format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Root {
    /// A protocol value.
    Value(Slot),
    /// An object whose members are protocol values (Djblets' `err`): each is read with
    /// [`Format::nested`], the others kept as members of that object. Of another type, it is
    /// kept as a root member.
    Object,
    /// A member whose value is always this JSON text (Djblets' `"stat": "fail"`): dropped
    /// when it is, kept when it is not.
    Constant(&'static str),
    /// A member of the error, kept.
    Member,
}

/// A protocol value of a body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Slot {
    /// A status: a `u16`.
    Status,
    /// A numeric code: an `i64`.
    Code,
    /// A text value.
    Text(Text),
}

/// The text values of a body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Text {
    Errcode,
    Message,
    ErrorType,
    ErrorSubtype,
    Detail,
    TraceId,
    ProblemType,
    Title,
}

impl Text {
    /// Every text value, each at its own position (`text as usize`).
    pub(crate) const ALL: [Text; 8] = [
        Text::Errcode,
        Text::Message,
        Text::ErrorType,
        Text::ErrorSubtype,
        Text::Detail,
        Text::TraceId,
        Text::ProblemType,
        Text::Title,
    ];

    /// How many text values a body has.
    pub(crate) const COUNT: usize = Text::ALL.len();
}

/// The JSON type of a root member, as format detection needs it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    String,
    Object,
    Unsigned,
    Other,
}

/// Makes [`WireFormat`] of the format modules: each variant, documented, and the type that
/// implements [`Format`] for it. Every function of `WireFormat` dispatches to that type.
macro_rules! formats {
    ($( $(#[$doc:meta])* $variant:ident => $format:ty, )*) => {
        /// The wire format an error is rendered in.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum WireFormat {
            $( $(#[$doc])* $variant, )*
        }

        impl WireFormat {
            /// Every format, in declaration order.
            pub const ALL: [WireFormat; [$(stringify!($variant)),*].len()] =
                [$(WireFormat::$variant),*];

            /// The name used in `#[api_error(format = "…")]`.
            pub const fn name(self) -> &'static str {
                match self {
                    $(WireFormat::$variant => <$format as $crate::wire::format::Format>::NAME,)*
                }
            }

            /// The `Content-Type` a response in this format carries.
            pub const fn content_type(self) -> &'static str {
                match self {
                    $(WireFormat::$variant =>
                        <$format as $crate::wire::format::Format>::CONTENT_TYPE,)*
                }
            }

            /// The `Content-Type` as a header value, made at compile time: `from_static`
            /// checks its text when called at run time.
            pub(crate) fn content_type_header(self) -> ::http::HeaderValue {
                match self {
                    $(WireFormat::$variant => const {
                        ::http::HeaderValue::from_static(
                            <$format as $crate::wire::format::Format>::CONTENT_TYPE,
                        )
                    },)*
                }
            }

            /// The format whose evidence in a body is the strongest, if any shows.
            pub(crate) fn detect(
                kind: impl Fn(&str) -> Option<$crate::wire::format::Kind>,
            ) -> Option<WireFormat> {
                let mut best = None;
                $(
                    let evidence = <$format as $crate::wire::format::Format>::detect(&kind);
                    if let Some(evidence) = evidence {
                        if best.is_none_or(|(strongest, _)| evidence > strongest) {
                            best = Some((evidence, WireFormat::$variant));
                        }
                    }
                )*
                best.map(|(_, format)| format)
            }

            #[inline]
            pub(crate) fn root(self, key: &str) -> $crate::wire::format::Root {
                match self {
                    $(WireFormat::$variant =>
                        <$format as $crate::wire::format::Format>::root(key),)*
                }
            }

            #[inline]
            pub(crate) fn nested(self, key: &str) -> Option<$crate::wire::format::Slot> {
                match self {
                    $(WireFormat::$variant =>
                        <$format as $crate::wire::format::Format>::nested(key),)*
                }
            }

            #[inline]
            pub(crate) fn write<E: $crate::ApiError, M: ::serde::ser::SerializeMap>(
                self,
                error: &E,
                map: &mut M,
            ) -> Result<(), M::Error> {
                match self {
                    $(WireFormat::$variant =>
                        <$format as $crate::wire::format::Format>::write(error, map),)*
                }
            }

            #[inline]
            pub(crate) fn write_field_errors<M: ::serde::ser::SerializeMap>(
                self,
                errors: &$crate::FieldErrors,
                map: &mut M,
            ) -> Result<(), M::Error> {
                match self {
                    $(WireFormat::$variant =>
                        <$format as $crate::wire::format::Format>::write_field_errors(errors, map),)*
                }
            }

            pub(crate) fn write_received(
                self,
                wire: &$crate::WireError,
                root: &mut ::serde_json::Map<String, ::serde_json::Value>,
            ) {
                match self {
                    $(WireFormat::$variant =>
                        <$format as $crate::wire::format::Format>::write_received(wire, root),)*
                }
            }

            #[cfg_attr(not(feature = "utoipa"), allow(dead_code))]
            pub(crate) fn describe(
                self,
                descriptor: &$crate::ErrorDescriptor,
                example: &mut $crate::WireError,
            ) {
                match self {
                    $(WireFormat::$variant =>
                        <$format as $crate::wire::format::Format>::describe(descriptor, example),)*
                }
            }

            #[inline]
            pub(crate) fn write_headers(self, headers: &mut ::http::HeaderMap) {
                match self {
                    $(WireFormat::$variant =>
                        <$format as $crate::wire::format::Format>::write_headers(headers),)*
                }
            }

            #[cfg(feature = "utoipa")]
            pub(crate) fn schema(self) -> ::utoipa::openapi::ObjectBuilder {
                match self {
                    $(WireFormat::$variant =>
                        <$format as $crate::wire::format::Format>::schema(),)*
                }
            }

            /// Reads a format from its attribute name.
            pub const fn from_name(name: &str) -> Option<Self> {
                $(
                    if $crate::wire::format::same_text(
                        name,
                        <$format as $crate::wire::format::Format>::NAME,
                    ) {
                        return Some(WireFormat::$variant);
                    }
                )*
                None
            }
        }
    };
}

pub(crate) use formats;

/// Whether two texts are equal, in `const` context.
pub(crate) const fn same_text(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut index = 0;
    while index < a.len() {
        if a[index] != b[index] {
            return false;
        }
        index += 1;
    }
    true
}

/// Writes `key` when `value` is there.
pub(crate) fn serialize_some<M: SerializeMap, T: serde::Serialize>(
    map: &mut M,
    key: &'static str,
    value: Option<T>,
) -> Result<(), M::Error> {
    match value {
        Some(value) => map.serialize_entry(key, &value),
        None => Ok(()),
    }
}

/// Puts `key` into a received body's object when `value` is there.
pub(crate) fn put(map: &mut Map<String, Value>, key: &str, value: Option<Value>) {
    if let Some(value) = value {
        map.insert(key.to_owned(), value);
    }
}

/// A received text value as JSON.
pub(crate) fn text(value: &Option<String>) -> Option<Value> {
    value.clone().map(Value::String)
}

/// The member schemas the formats' [`Format::schema`] are made of.
#[cfg(feature = "utoipa")]
pub(crate) mod schema {
    use utoipa::openapi::{ObjectBuilder, Type};

    /// A string member.
    pub(crate) fn text() -> ObjectBuilder {
        ObjectBuilder::new().schema_type(Type::String)
    }

    /// An integer member.
    pub(crate) fn integer() -> ObjectBuilder {
        ObjectBuilder::new().schema_type(Type::Integer)
    }
}
