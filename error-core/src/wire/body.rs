//! A typed error's body, ready for any serde serializer: the format writes its protocol
//! members, then the error its own.

use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::{Map, Value};

use super::WireFormat;
use crate::api_error::ApiError;
use crate::render::RenderError;

/// An error's body in one format, ready for any serde serializer.
pub struct Body<'a, E> {
    error: &'a E,
    format: WireFormat,
    /// The instance's extra members ([`Overrides::extra`](crate::Overrides::extra)).
    instance_extra: Option<&'a Map<String, Value>>,
    /// The render's ([`RenderOptions::extra`](crate::RenderOptions::extra)), written after
    /// the instance's, so a render-time member replaces an instance's of the same name.
    extra: Option<&'a Map<String, Value>>,
}

impl<'a, E: ApiError> Body<'a, E> {
    pub(crate) fn new(
        error: &'a E,
        format: WireFormat,
        extra: Option<&'a Map<String, Value>>,
    ) -> Self {
        let instance_extra = error
            .overrides()
            .and_then(|overrides| overrides.extra.as_ref())
            .filter(|extra| !extra.is_empty());
        Body {
            error,
            format,
            instance_extra,
            extra,
        }
    }
}

impl<E: ApiError> Body<'_, E> {
    /// Whether the body is the error's own members only: a `bare` error in its native format
    /// (in another, the format's members are written, as that format's clients need them).
    fn bare(&self) -> bool {
        self.error.bare_body() && self.format == self.error.format()
    }

    /// Whether members may replace others: a flattened map, or members added by the
    /// instance or the render.
    fn may_replace(&self) -> bool {
        self.instance_extra.is_some() || self.extra.is_some() || self.error.has_flatten()
    }

    /// Writes the body as JSON into `out`: streamed member by member, or through a map when
    /// members may replace others (see [`merged`](Self::merged)).
    #[inline]
    pub(crate) fn write_json(&self, out: &mut Vec<u8>) -> Result<(), RenderError> {
        // Checked here too, for the typed error: the format's writer can only say it to serde.
        if self.format == WireFormat::Problem
            && let Some(instance) = self.error.problem_instance()
        {
            super::problem::check_instance(instance)?;
        }
        // Most bodies stream; only one whose members may replace others is built as a map
        // first, which the common case should not pay for even as a returned `None`.
        let result = if !self.may_replace() {
            serde_json::to_writer(out, &Streamed(self))
        } else {
            match self.merged()? {
                Some(root) => serde_json::to_writer(out, &root),
                None => serde_json::to_writer(out, &Streamed(self)),
            }
        };
        result.map_err(RenderError::Body)
    }

    /// Writes the body as Djblets' XML into `out` (the one format with an XML form): its
    /// members, in the order the JSON form has them, through [`xml`](super::xml).
    pub(crate) fn write_xml(&self, out: &mut Vec<u8>) -> Result<(), RenderError> {
        if self.format != WireFormat::Djblets {
            return Err(RenderError::Xml(format!(
                "the {} format has no XML form",
                self.format.name()
            )));
        }
        let root = match self.merged()? {
            Some(root) => root,
            None => object(&Streamed(self))?,
        };
        super::xml::write(&root, out)
    }

    /// The body as one JSON map, when it has members that may replace others (a flattened
    /// map, render-time extras); `None` when it streams. In Djblets and Matrix bodies such a
    /// member replaces the one of its name, as those libraries do; in a problem body it never
    /// replaces a member the format wrote (RFC 9457's `type`, `title`, `status`, `detail`,
    /// `instance`, or one of this toolkit's): that is [`RenderError::ReservedMember`], except
    /// for a relayed error's received member, which is left out.
    fn merged(&self) -> Result<Option<Map<String, Value>>, RenderError> {
        if !self.may_replace() {
            return Ok(None);
        }
        let mut root = object(&FormatMembers(self))?;
        let mut own = object(&OwnMembers(self))?;
        let received = self.error.members_received();
        if self.format == WireFormat::Problem && received {
            // A relayed error's member named like one this body wrote stated that value in
            // its native body; here the problem's own member says it. The others (a received
            // `instance`, say) are relayed.
            own.retain(|name, _| !root.contains_key(name));
        }
        let extra = self.extras();
        if self.format == WireFormat::Problem {
            let declared = own.iter().filter(|_| !received);
            for (name, _) in declared.chain(extra.clone()) {
                if root.contains_key(name) || super::problem::is_standard_member(name) {
                    return Err(RenderError::ReservedMember { name: name.clone() });
                }
            }
            // An added member never replaces one of the error's own either.
            if let Some((name, _)) = self.extras().find(|(name, _)| own.contains_key(*name)) {
                return Err(RenderError::ReservedMember { name: name.clone() });
            }
        }
        let members = own.iter().chain(extra);
        root.extend(members.map(|(name, value)| (name.clone(), value.clone())));
        Ok(Some(root))
    }
}

impl<E> Body<'_, E> {
    /// The added members: the instance's, then the render's.
    fn extras(&self) -> impl Iterator<Item = (&String, &Value)> + Clone {
        let instance = self.instance_extra.into_iter().flatten();
        instance.chain(self.extra.into_iter().flatten())
    }
}

/// A serializable map as a JSON object.
fn object<T: Serialize>(value: &T) -> Result<Map<String, Value>, RenderError> {
    match serde_json::to_value(value).map_err(RenderError::Body)? {
        Value::Object(object) => Ok(object),
        _ => Ok(Map::new()),
    }
}

/// The members the format writes.
struct FormatMembers<'b, 'a, E>(&'b Body<'a, E>);

impl<E: ApiError> Serialize for FormatMembers<'_, '_, E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        if !self.0.bare() {
            self.0.format.write(self.0.error, &mut map)?;
        }
        map.end()
    }
}

/// The error's own members (`extra`, `flatten` and `field_errors` fields).
struct OwnMembers<'b, 'a, E>(&'b Body<'a, E>);

impl<E: ApiError> Serialize for OwnMembers<'_, '_, E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        self.0.error.serialize_extra(&mut map)?;
        write_field_errors(self.0.error, self.0.format, &mut map)?;
        map.end()
    }
}

/// The error's field errors, if it has some, in `format`'s convention.
#[inline]
fn write_field_errors<E: ApiError, M: SerializeMap>(
    error: &E,
    format: WireFormat,
    map: &mut M,
) -> Result<(), M::Error> {
    match error.field_errors() {
        Some(errors) if !errors.is_empty() => format.write_field_errors(errors, map),
        _ => Ok(()),
    }
}

impl<E: ApiError> Serialize for Body<'_, E> {
    #[inline]
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.merged() {
            Ok(Some(root)) => root.serialize(serializer),
            Ok(None) => Streamed(self).serialize(serializer),
            Err(error) => Err(serde::ser::Error::custom(error)),
        }
    }
}

/// The body written member by member.
struct Streamed<'b, 'a, E>(&'b Body<'a, E>);

impl<E: ApiError> Serialize for Streamed<'_, '_, E> {
    #[inline]
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let Body { error, format, .. } = *self.0;
        let mut map = serializer.serialize_map(None)?;
        if !self.0.bare() {
            format.write(error, &mut map)?;
        }
        error.serialize_extra(&mut map)?;
        write_field_errors(error, format, &mut map)?;
        map.end()
    }
}

/// The effective message, written straight into the serializer: fixed text as a string,
/// a template through `Display`, never through an intermediate `String`. A 5xx whose
/// template shows its source sends the status phrase instead.
pub(crate) struct Message<'a, E>(pub(crate) &'a E);

impl<E: ApiError> Serialize for Message<'_, E> {
    #[inline]
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // A server error's cause is never sent: a message showing it gives way to the phrase.
        if self.0.message_shows_source() {
            let status = self.0.status();
            if status.is_server_error() {
                return serializer
                    .serialize_str(status.canonical_reason().unwrap_or("Server Error"));
            }
        }
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
