//! RFC 9457 problem details: `{"type":"about:blank","title":"Bad Request","status":400,
//! "detail":"…", "code":…, "errcode":…, "error_type":…, "error_subtype":…,
//! "error_detail":…, "trace_id":…, extra…}`. The members after `detail` are this toolkit's
//! extension members; absent values are omitted, never written as `null`.

use serde::ser::SerializeMap;
use serde_json::{Map, Value};

use super::body::Message;
use super::format::{Evidence, Format, Kind, Root, Slot, Text, put, serialize_some, text};
use super::wire_error::WireError;
use crate::api_error::ApiError;
use crate::descriptor::ErrorDescriptor;

const TYPE: &str = "type";
const TITLE: &str = "title";
const STATUS: &str = "status";
const DETAIL: &str = "detail";
// Extension members: the values the other formats carry.
const CODE: &str = "code";
const ERRCODE: &str = "errcode";
const ERROR_TYPE: &str = "error_type";
const ERROR_SUBTYPE: &str = "error_subtype";
const ERROR_DETAIL: &str = "error_detail";
const TRACE_ID: &str = "trace_id";

/// The `type` of a problem details body of an error without a documentation URL: RFC 9457's
/// default, so `title` is the status phrase.
pub const PROBLEM_TYPE_DEFAULT: &str = "about:blank";

/// The `type` of an error's problem details: its documentation URL (RFC 9457 §3.1.1 makes
/// `type` the problem type's identifier), else `about:blank`.
pub(crate) fn problem_type(descriptor: &ErrorDescriptor) -> &'static str {
    descriptor.doc_url.unwrap_or(PROBLEM_TYPE_DEFAULT)
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
        map.serialize_entry(TITLE, status.canonical_reason().unwrap_or("Unknown Error"))?;
        map.serialize_entry(STATUS, &status.as_u16())?;
        map.serialize_entry(DETAIL, &Message(error))?;
        serialize_some(map, CODE, error.code())?;
        serialize_some(map, ERRCODE, error.errcode())?;
        serialize_some(map, ERROR_TYPE, error.error_type())?;
        serialize_some(map, ERROR_SUBTYPE, error.error_subtype())?;
        serialize_some(map, ERROR_DETAIL, error.detail())?;
        serialize_some(map, TRACE_ID, error.trace_id())
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
        example.title = Some(super::reason_phrase(status).to_owned());
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
