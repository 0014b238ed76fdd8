//! A received error body in any format, kept whole: known members are lifted into typed
//! fields, everything else (and any known member of an unexpected type) stays in `extra`.

use std::fmt;

use serde_json::{Map, Value};

use super::PROBLEM_TYPE_DEFAULT;
use super::layout::{self, DJBLETS_ERR, DJBLETS_STAT, Kind, Scope, Slot, Text};
use super::raw::RawBody;
use crate::descriptor::WireFormat;

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

/// Why a received body could not be read as an error.
#[derive(Debug)]
#[non_exhaustive]
pub enum ParseError {
    /// The body is not JSON.
    NotJson(serde_json::Error),
    /// The body is JSON but not an object.
    NotObject,
    /// The body is an object, but of none of the three formats.
    UnknownFormat,
    /// The body was refused before parsing: too large or too deep.
    Refused(super::ReceiveError),
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParseError::NotJson(error) => write!(f, "error body is not JSON: {error}"),
            ParseError::NotObject => f.write_str("error body is not a JSON object"),
            ParseError::UnknownFormat => f.write_str("error body is in no known format"),
            ParseError::Refused(error) => error.fmt(f),
        }
    }
}

impl std::error::Error for ParseError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ParseError::NotJson(error) => Some(error),
            ParseError::Refused(error) => Some(error),
            _ => None,
        }
    }
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
    pub fn from_slice(format: WireFormat, body: &[u8]) -> Result<Self, ParseError> {
        Ok(RawBody::parse(Some(format), body)?.to_wire())
    }

    /// Parses a body in whichever format it is (see [`WireError::detect`]).
    pub fn from_slice_any(body: &[u8]) -> Result<Self, ParseError> {
        Ok(RawBody::parse(None, body)?.to_wire())
    }

    /// The format of a body: `stat` and an `err` object mean Djblets; a string `type` or
    /// `title` means problem details (which may also carry an `errcode` extension); an
    /// `errcode` alone means Matrix; a numeric `status` alone, problem details again.
    pub fn detect(object: &Map<String, Value>) -> Option<WireFormat> {
        layout::detect(|key| {
            Some(match object.get(key)? {
                Value::String(_) => Kind::String,
                Value::Object(_) => Kind::Object,
                value if value.is_u64() => Kind::Unsigned,
                _ => Kind::Other,
            })
        })
    }

    /// Reads an object known to be in `format`.
    pub fn from_value(format: WireFormat, root: Map<String, Value>) -> Result<Self, ParseError> {
        Ok(Self::from_object(format, root))
    }

    /// Reads an object known to be in `format`: never fails, as every member it does not
    /// recognize (or of an unexpected type) is kept in `extra`.
    pub fn from_object(format: WireFormat, root: Map<String, Value>) -> Self {
        let mut error = WireError::empty(format);
        for (key, value) in root {
            if format == WireFormat::Djblets {
                match value {
                    Value::Object(err) if key == DJBLETS_ERR => {
                        for (key, value) in err {
                            if let Some(value) = error.lift(Scope::DjbletsErr, &key, value) {
                                error.err_extra.insert(key, value);
                            }
                        }
                        continue;
                    }
                    Value::String(ref stat) if key == DJBLETS_STAT && stat == "fail" => continue,
                    _ => {}
                }
            }
            if let Some(value) = error.lift(Scope::Root, &key, value) {
                error.extra.insert(key, value);
            }
        }
        error
    }

    /// Sets the protocol value `key` names, if it does and `value` has its type; else gives
    /// `value` back.
    fn lift(&mut self, scope: Scope, key: &str, value: Value) -> Option<Value> {
        match (Slot::of(self.format, scope, key), value) {
            (Some(Slot::Text(text)), Value::String(value)) => {
                *self.text_mut(text) = Some(value);
                None
            }
            (Some(Slot::Code), value) if value.is_i64() => {
                self.code = value.as_i64();
                None
            }
            (Some(Slot::Status), value) => match value.as_u64().and_then(|n| u16::try_from(n).ok())
            {
                Some(status) => {
                    self.status = Some(status);
                    None
                }
                None => Some(value),
            },
            (_, value) => Some(value),
        }
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
        let text = |value: &Option<String>| value.clone().map(Value::String);
        match self.format {
            WireFormat::Djblets => {
                let mut err = Map::new();
                put(&mut err, "code", self.code.map(Value::from));
                put(&mut err, "msg", text(&self.message));
                put(&mut err, "type", text(&self.error_type));
                put(&mut err, "subtype", text(&self.error_subtype));
                put(&mut err, "detail", text(&self.detail));
                put(&mut err, "trace_id", text(&self.trace_id));
                err.extend(self.err_extra.clone());
                root.insert("stat".to_owned(), Value::from("fail"));
                root.insert("err".to_owned(), Value::Object(err));
            }
            WireFormat::Matrix => {
                put(&mut root, "errcode", text(&self.errcode));
                put(&mut root, "error", text(&self.message));
            }
            WireFormat::Problem => {
                put(&mut root, "type", text(&self.problem_type));
                put(&mut root, "title", text(&self.title));
                put(&mut root, "status", self.status.map(Value::from));
                put(&mut root, "detail", text(&self.message));
                put(&mut root, "code", self.code.map(Value::from));
                put(&mut root, "errcode", text(&self.errcode));
                put(&mut root, "error_type", text(&self.error_type));
                put(&mut root, "error_subtype", text(&self.error_subtype));
                put(&mut root, "error_detail", text(&self.detail));
                put(&mut root, "trace_id", text(&self.trace_id));
            }
        }
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

fn put(map: &mut Map<String, Value>, key: &str, value: Option<Value>) {
    if let Some(value) = value {
        map.insert(key.to_owned(), value);
    }
}
