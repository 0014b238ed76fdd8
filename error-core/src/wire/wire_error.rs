//! A received error body in any format, owned and kept whole: known members are lifted into
//! typed fields, everything else (and any known member of an unexpected type) stays in
//! `extra`. [`RawBody`] reads it; this is what it gives to keep.

use serde_json::{Map, Value};

use super::WireFormat;
use super::error::ReceiveError;
use super::format::{Kind, Text};
use super::problem::PROBLEM_TYPE_DEFAULT;
use super::raw::RawBody;

/// An error body as received, in any of the three formats.
#[derive(Clone, Debug, PartialEq)]
pub struct WireError {
    /// The format the body was in.
    pub format: WireFormat,
    /// The status: what a problem details body states, else the response's when read from a
    /// response ([`ReceivedError::read`](super::ReceivedError::read)).
    pub status: Option<u16>,
    /// Djblets' `err.code`, or a problem's `code` extension.
    pub code: Option<i64>,
    /// Matrix's `errcode`, or a problem's `errcode` extension.
    pub errcode: Option<String>,
    /// The human-readable message: Djblets' `err.msg`, Matrix's `error`, a problem's `detail`.
    pub message: Option<String>,
    /// Djblets' `err.type`, or a problem's `error_type` extension.
    pub error_type: Option<String>,
    /// Djblets' `err.subtype`, or a problem's `error_subtype` extension.
    pub error_subtype: Option<String>,
    /// Djblets' `err.detail`, or a problem's `error_detail` extension.
    pub detail: Option<String>,
    /// Djblets' `err.trace_id`, or a problem's `trace_id` extension.
    pub trace_id: Option<String>,
    /// A problem's `type`.
    pub problem_type: Option<String>,
    /// A problem's `title`.
    pub title: Option<String>,
    /// Every other member of the body's root object, in the order received.
    pub extra: Map<String, Value>,
    /// Every other member of Djblets' `err` object.
    pub err_extra: Map<String, Value>,
}

impl WireError {
    /// An empty error of `format`.
    pub fn empty(format: WireFormat) -> Self {
        WireError {
            format,
            status: None,
            code: None,
            errcode: None,
            message: None,
            error_type: None,
            error_subtype: None,
            detail: None,
            trace_id: None,
            problem_type: None,
            title: None,
            extra: Map::new(),
            err_extra: Map::new(),
        }
    }

    /// Parses a body known to be in `format`.
    pub fn from_slice(format: WireFormat, body: &[u8]) -> Result<Self, ReceiveError> {
        Ok(RawBody::parse(Some(format), body)?.to_wire())
    }

    /// Parses a body in whichever format it is (see [`WireError::detect`]).
    pub fn from_slice_any(body: &[u8]) -> Result<Self, ReceiveError> {
        Ok(RawBody::parse(None, body)?.to_wire())
    }

    /// The format of a body, from its members: each format states what shows it (a Djblets
    /// `stat` with an `err` object, a problem's string `type` or `title`, an `errcode`, a
    /// numeric `status`), and the strongest evidence wins.
    pub fn detect(object: &Map<String, Value>) -> Option<WireFormat> {
        WireFormat::detect(|key| {
            Some(match object.get(key)? {
                Value::String(_) => Kind::String,
                Value::Object(_) => Kind::Object,
                value if value.is_u64() => Kind::Unsigned,
                _ => Kind::Other,
            })
        })
    }

    /// Reads an object known to be in `format`.
    pub fn from_value(format: WireFormat, root: Map<String, Value>) -> Result<Self, ReceiveError> {
        Ok(Self::from_object(format, root))
    }

    /// Reads an object known to be in `format`: never fails, as every member it does not
    /// recognize (or of an unexpected type) is kept in `extra`. It is read as its JSON text
    /// is, by the one reader of bodies, [`RawBody`].
    pub fn from_object(format: WireFormat, root: Map<String, Value>) -> Self {
        let text = Value::Object(root).to_string();
        // A map serializes to a JSON object, which every format reads.
        RawBody::parse(Some(format), text.as_bytes())
            .map(|raw| raw.to_wire())
            .unwrap_or_else(|_| WireError::empty(format))
    }

    /// The field holding text value `text`.
    pub(crate) fn text_mut(&mut self, text: Text) -> &mut Option<String> {
        match text {
            Text::Errcode => &mut self.errcode,
            Text::Message => &mut self.message,
            Text::ErrorType => &mut self.error_type,
            Text::ErrorSubtype => &mut self.error_subtype,
            Text::Detail => &mut self.detail,
            Text::TraceId => &mut self.trace_id,
            Text::ProblemType => &mut self.problem_type,
            Text::Title => &mut self.title,
        }
    }

    /// The body again, in its format: parsing it gives back an equal `WireError`.
    pub fn to_value(&self) -> Value {
        let mut root = Map::new();
        self.format.write_received(self, &mut root);
        root.extend(self.extra.clone());
        Value::Object(root)
    }

    /// Whether a problem body uses RFC 9457's default type.
    pub fn is_default_problem_type(&self) -> bool {
        self.problem_type
            .as_deref()
            .is_none_or(|t| t == PROBLEM_TYPE_DEFAULT)
    }
}
