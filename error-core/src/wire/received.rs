//! A received error body in any format, kept whole: known members are lifted into typed
//! fields, everything else (and any known member of an unexpected type) stays in `extra`.

use std::fmt;

use serde_json::{Map, Value};

use super::PROBLEM_TYPE_DEFAULT;
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
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParseError::NotJson(error) => write!(f, "error body is not JSON: {error}"),
            ParseError::NotObject => f.write_str("error body is not a JSON object"),
            ParseError::UnknownFormat => f.write_str("error body is in no known format"),
        }
    }
}

impl std::error::Error for ParseError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ParseError::NotJson(error) => Some(error),
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
        Self::from_value(format, object_of(body)?)
    }

    /// Parses a body in whichever format it is (see [`WireError::detect`]).
    pub fn from_slice_any(body: &[u8]) -> Result<Self, ParseError> {
        let object = object_of(body)?;
        let format = Self::detect(&object).ok_or(ParseError::UnknownFormat)?;
        Self::from_value(format, object)
    }

    /// The format of a body: `stat` and an `err` object mean Djblets; a string `type` or
    /// `title` means problem details (which may also carry an `errcode` extension); an
    /// `errcode` alone means Matrix; a numeric `status` alone, problem details again.
    pub fn detect(object: &Map<String, Value>) -> Option<WireFormat> {
        let is_string = |key| object.get(key).is_some_and(Value::is_string);
        if object.get("stat").is_some() && object.get("err").is_some_and(Value::is_object) {
            Some(WireFormat::Djblets)
        } else if is_string("type") || is_string("title") {
            Some(WireFormat::Problem)
        } else if object.contains_key("errcode") {
            Some(WireFormat::Matrix)
        } else if object.get("status").is_some_and(Value::is_u64) {
            Some(WireFormat::Problem)
        } else {
            None
        }
    }

    /// Reads an object known to be in `format`.
    pub fn from_value(format: WireFormat, root: Map<String, Value>) -> Result<Self, ParseError> {
        Ok(Self::from_object(format, root))
    }

    /// Reads an object known to be in `format`: never fails, as every member it does not
    /// recognize (or of an unexpected type) is kept in `extra`.
    pub fn from_object(format: WireFormat, mut root: Map<String, Value>) -> Self {
        let mut error = WireError::empty(format);
        match format {
            WireFormat::Djblets => {
                let mut err = match root.shift_remove("err") {
                    Some(Value::Object(err)) => err,
                    Some(other) => {
                        root.insert("err".to_owned(), other);
                        Map::new()
                    }
                    None => Map::new(),
                };
                // `stat` is always "fail" in an error; anything else is kept as received.
                if root.get("stat").and_then(Value::as_str) == Some("fail") {
                    root.shift_remove("stat");
                }
                error.code = take_i64(&mut err, "code");
                error.message = take_string(&mut err, "msg");
                error.error_type = take_string(&mut err, "type");
                error.error_subtype = take_string(&mut err, "subtype");
                error.detail = take_string(&mut err, "detail");
                error.trace_id = take_string(&mut err, "trace_id");
                error.err_extra = err;
            }
            WireFormat::Matrix => {
                error.errcode = take_string(&mut root, "errcode");
                error.message = take_string(&mut root, "error");
            }
            WireFormat::Problem => {
                error.problem_type = take_string(&mut root, "type");
                error.title = take_string(&mut root, "title");
                error.status = take_u16(&mut root, "status");
                error.message = take_string(&mut root, "detail");
                error.code = take_i64(&mut root, "code");
                error.errcode = take_string(&mut root, "errcode");
                error.error_type = take_string(&mut root, "error_type");
                error.error_subtype = take_string(&mut root, "error_subtype");
                error.detail = take_string(&mut root, "error_detail");
                error.trace_id = take_string(&mut root, "trace_id");
            }
        }
        error.extra = root;
        error
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

fn object_of(body: &[u8]) -> Result<Map<String, Value>, ParseError> {
    match serde_json::from_slice(body).map_err(ParseError::NotJson)? {
        Value::Object(object) => Ok(object),
        _ => Err(ParseError::NotObject),
    }
}

fn put(map: &mut Map<String, Value>, key: &str, value: Option<Value>) {
    if let Some(value) = value {
        map.insert(key.to_owned(), value);
    }
}

/// Removes `key` if it holds a string; a value of another type stays where it is.
fn take_string(map: &mut Map<String, Value>, key: &str) -> Option<String> {
    match map.get(key) {
        Some(Value::String(_)) => match map.shift_remove(key) {
            Some(Value::String(text)) => Some(text),
            _ => None,
        },
        _ => None,
    }
}

fn take_i64(map: &mut Map<String, Value>, key: &str) -> Option<i64> {
    let number = map.get(key).and_then(Value::as_i64)?;
    map.shift_remove(key);
    Some(number)
}

fn take_u16(map: &mut Map<String, Value>, key: &str) -> Option<u16> {
    let number = map
        .get(key)
        .and_then(Value::as_u64)
        .and_then(|n| u16::try_from(n).ok())?;
    map.shift_remove(key);
    Some(number)
}
