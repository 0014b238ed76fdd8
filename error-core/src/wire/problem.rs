//! RFC 9457 problem details: `{"type":"about:blank","title":"Bad Request","status":400,
//! "detail":"…", "instance":"…", "code":…, "errcode":…, "error_type":…, "error_subtype":…,
//! "error_detail":…, "trace_id":…, extra…}`. The members after `detail` are this toolkit's
//! extension members; absent values are omitted, never written as `null`. `title` is the
//! error's declared one, else the status phrase; `instance` is the instance's (an
//! `#[api_error(instance)]` field), checked to be a URI reference before it is sent. No
//! member of the error's replaces one of these: the derive refuses such an `extra`, and a
//! flattened or render-time member of such a name is `RenderError::ReservedMember`.

use serde::ser::SerializeMap;
use serde_json::{Map, Value};

use super::body::Message;
use super::format::{Evidence, Format, Kind, Root, Slot, Text, put, serialize_some, text};
use super::wire_error::WireError;
use crate::api_error::ApiError;
use crate::descriptor::{ErrorDescriptor, FieldRole};
use crate::render::RenderError;
use crate::wire::WireFormat;

const TYPE: &str = "type";
const TITLE: &str = "title";
const STATUS: &str = "status";
const DETAIL: &str = "detail";
const INSTANCE: &str = "instance";
// Extension members: the values the other formats carry.
const CODE: &str = "code";
const ERRCODE: &str = "errcode";
const ERROR_TYPE: &str = "error_type";
const ERROR_SUBTYPE: &str = "error_subtype";
const ERROR_DETAIL: &str = "error_detail";
const TRACE_ID: &str = "trace_id";
/// The field errors (RFC 9457 §3's example of several problems).
const ERRORS: &str = "errors";

/// Whether `name` is one of RFC 9457's members of a problem body, which no member of the
/// error's replaces.
pub(crate) fn is_standard_member(name: &str) -> bool {
    [TYPE, TITLE, STATUS, DETAIL, INSTANCE].contains(&name)
}

/// Refuses an `instance` that is no URI reference (RFC 3986 §4.1): one made only of the
/// characters a URI may hold, every `%` starting an escape of two hex digits. A relative
/// reference (`/orders/7#line-2`) is one.
pub(crate) fn check_instance(value: &str) -> Result<(), RenderError> {
    let bytes = value.as_bytes();
    let allowed = |b: u8| b.is_ascii_alphanumeric() || b"-._~:/?#[]@!$&'()*+,;=%".contains(&b);
    let escapes_hold = bytes
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'%')
        .all(|(at, _)| {
            bytes
                .get(at + 1..at + 3)
                .is_some_and(|hex| hex.iter().all(u8::is_ascii_hexdigit))
        });
    if !value.is_empty() && bytes.iter().all(|b| allowed(*b)) && escapes_hold {
        Ok(())
    } else {
        Err(RenderError::InvalidInstance {
            value: value.to_owned(),
        })
    }
}

/// The `type` of a problem details body of an error without a documentation URL: RFC 9457's
/// default, so `title` is the status phrase.
pub const PROBLEM_TYPE_DEFAULT: &str = "about:blank";

/// The `type` of an error's problem details: its documentation URL (RFC 9457 §3.1.1 makes
/// `type` the problem type's identifier), else `about:blank`.
pub(crate) fn problem_type(descriptor: &ErrorDescriptor) -> &'static str {
    descriptor.doc_url.unwrap_or(PROBLEM_TYPE_DEFAULT)
}

/// The `title` of a problem of `descriptor` sent with `status`: the declared one, else the
/// status phrase.
fn title(descriptor: &ErrorDescriptor, status: http::StatusCode) -> &'static str {
    match descriptor.title {
        Some(title) => title,
        None => status.canonical_reason().unwrap_or("Unknown Error"),
    }
}

/// Whether `error`'s own members include `name`: its declared `extra` fields, or, for a
/// received error relayed, the members it came with. Only an error of another native format
/// can have one named like this format's extension members (the derive refuses it in a
/// problem error): rendered as problem details, its own member is kept, as its native body
/// has it, and the toolkit's member of that name is left out.
fn claims<E: ApiError>(error: &E, name: &str) -> bool {
    let declared = |field: &crate::FieldDescriptor| match field.role {
        FieldRole::Extra { wire_name } | FieldRole::ExtraAndHeader { wire_name, .. } => {
            wire_name == name
        }
        _ => false,
    };
    error.has_own_member(name) || error.descriptor().fields.iter().any(declared)
}

/// The problem details format.
pub(crate) struct Problem;

impl Format for Problem {
    const NAME: &'static str = "problem";
    const CONTENT_TYPE: &'static str = "application/problem+json";

    fn detect(kind: &dyn Fn(&str) -> Option<Kind>) -> Option<Evidence> {
        if kind(TYPE) == Some(Kind::String) || kind(TITLE) == Some(Kind::String) {
            Some(Evidence::Strong)
        } else {
            (kind(STATUS) == Some(Kind::Unsigned)).then_some(Evidence::Weak)
        }
    }

    #[inline]
    fn root(key: &str) -> Root {
        let text = |text| Root::Value(Slot::Text(text));
        match key {
            TYPE => text(Text::ProblemType),
            TITLE => text(Text::Title),
            STATUS => Root::Value(Slot::Status),
            DETAIL => text(Text::Message),
            CODE => Root::Value(Slot::Code),
            ERRCODE => text(Text::Errcode),
            ERROR_TYPE => text(Text::ErrorType),
            ERROR_SUBTYPE => text(Text::ErrorSubtype),
            ERROR_DETAIL => text(Text::Detail),
            TRACE_ID => text(Text::TraceId),
            _ => Root::Member,
        }
    }

    #[inline]
    fn write<E: ApiError, M: SerializeMap>(error: &E, map: &mut M) -> Result<(), M::Error> {
        let status = error.status();
        map.serialize_entry(TYPE, problem_type(error.descriptor()))?;
        map.serialize_entry(TITLE, title(error.descriptor(), status))?;
        map.serialize_entry(STATUS, &status.as_u16())?;
        map.serialize_entry(DETAIL, &Message(error))?;
        let instance = error.problem_instance();
        if let Some(instance) = instance
            && let Err(error) = check_instance(instance)
        {
            return Err(serde::ser::Error::custom(error));
        }
        serialize_some(map, INSTANCE, instance)?;
        // A problem error never claims these names; an error of another format may.
        let foreign = error.format() != WireFormat::Problem;
        let unclaimed = |name| !foreign || !claims(error, name);
        serialize_some(map, CODE, error.code().filter(|_| unclaimed(CODE)))?;
        serialize_some(map, ERRCODE, error.errcode().filter(|_| unclaimed(ERRCODE)))?;
        serialize_some(
            map,
            ERROR_TYPE,
            error.error_type().filter(|_| unclaimed(ERROR_TYPE)),
        )?;
        serialize_some(
            map,
            ERROR_SUBTYPE,
            error.error_subtype().filter(|_| unclaimed(ERROR_SUBTYPE)),
        )?;
        serialize_some(
            map,
            ERROR_DETAIL,
            error.detail().filter(|_| unclaimed(ERROR_DETAIL)),
        )?;
        serialize_some(
            map,
            TRACE_ID,
            error.trace_id().filter(|_| unclaimed(TRACE_ID)),
        )
    }

    /// `errors`, `{detail, pointer}` objects, as RFC 9457's example of several problems.
    fn write_field_errors<M: SerializeMap>(
        errors: &crate::FieldErrors,
        map: &mut M,
    ) -> Result<(), M::Error> {
        map.serialize_entry(ERRORS, &errors.as_list())
    }

    fn write_received(wire: &WireError, root: &mut Map<String, Value>) {
        put(root, TYPE, text(&wire.problem_type));
        put(root, TITLE, text(&wire.title));
        put(root, STATUS, wire.status.map(Value::from));
        put(root, DETAIL, text(&wire.message));
        put(root, CODE, wire.code.map(Value::from));
        put(root, ERRCODE, text(&wire.errcode));
        put(root, ERROR_TYPE, text(&wire.error_type));
        put(root, ERROR_SUBTYPE, text(&wire.error_subtype));
        put(root, ERROR_DETAIL, text(&wire.detail));
        put(root, TRACE_ID, text(&wire.trace_id));
    }

    fn describe(descriptor: &ErrorDescriptor, example: &mut WireError) {
        let status = descriptor.status.as_u16();
        example.problem_type = Some(problem_type(descriptor).to_owned());
        example.title = Some(title(descriptor, descriptor.status).to_owned());
        example.status = Some(status);
    }

    #[cfg(feature = "utoipa")]
    fn schema() -> utoipa::openapi::ObjectBuilder {
        use super::format::schema::{integer, text};
        utoipa::openapi::ObjectBuilder::new()
            .property(TYPE, text())
            .property(TITLE, text())
            .property(STATUS, integer())
            .property(DETAIL, text())
            .property(INSTANCE, text())
            .property(CODE, integer())
            .property(ERRCODE, text())
            .property(ERROR_TYPE, text())
            .property(ERROR_SUBTYPE, text())
            .property(ERROR_DETAIL, text())
            .property(TRACE_ID, text())
            .required(TYPE)
            .required(TITLE)
            .required(STATUS)
    }
}
