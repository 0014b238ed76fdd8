//! A received HTTP response kept as data, for errors that wrap one.

use std::fmt;

use serde::de::{Deserialize, Deserializer, Error as _};
use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::Value;

/// An HTTP response as a client received it: what py42's and pyTenable's errors and Synapse's
/// `HttpResponseException` wrap. Plain data, never a live connection, so an error carrying it
/// can be cloned, logged, serialized and sent across threads.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ResponseRecord {
    /// The status code.
    pub status: u16,
    /// The reason phrase as received, if any (`Not Found`).
    pub reason: Option<String>,
    /// The request method (`GET`).
    pub method: Option<String>,
    /// The request URL.
    pub url: Option<String>,
    /// The response headers, in order, names as received.
    pub headers: Vec<(String, String)>,
    /// The body as text (invalid UTF-8 replaced by U+FFFD).
    pub body: String,
}

impl ResponseRecord {
    /// A response with `status` and nothing else.
    pub fn with_status(status: u16) -> Self {
        ResponseRecord {
            status,
            ..ResponseRecord::default()
        }
    }

    /// The first header called `name`, compared case-insensitively.
    pub fn header(&self, name: &str) -> Option<&str> {
        find_header(&self.headers, name)
    }

    /// The reason phrase: as received, else the status's standard one.
    pub fn reason_phrase(&self) -> Option<&str> {
        self.reason.as_deref().or_else(|| {
            http::StatusCode::from_u16(self.status)
                .ok()
                .and_then(|status| status.canonical_reason())
        })
    }

    /// Reads a record from its JSON form (see the `Serialize` impl); `headers` may be an
    /// object or a list of `[name, value]` pairs.
    pub fn from_value(value: &Value) -> Result<Self, String> {
        let object = value
            .as_object()
            .ok_or("a response record is a JSON object")?;
        let text = |key: &str| -> Result<Option<String>, String> {
            match object.get(key) {
                None | Some(Value::Null) => Ok(None),
                Some(Value::String(text)) => Ok(Some(text.clone())),
                Some(other) => Err(format!("response `{key}` must be text, not {other}")),
            }
        };
        let status = match object.get("status") {
            Some(status) => status
                .as_u64()
                .and_then(|status| u16::try_from(status).ok())
                .ok_or_else(|| {
                    format!("response `status` must be a number 0-65535, not {status}")
                })?,
            None => return Err("a response record needs a `status`".to_owned()),
        };
        let headers = match object.get("headers") {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Object(headers)) => headers
                .iter()
                .map(|(name, value)| Ok((name.clone(), header_text(value)?)))
                .collect::<Result<_, String>>()?,
            Some(Value::Array(pairs)) => pairs
                .iter()
                .map(|pair| match pair.as_array().map(Vec::as_slice) {
                    Some([Value::String(name), value]) => Ok((name.clone(), header_text(value)?)),
                    _ => Err(format!("a header pair is [name, value], not {pair}")),
                })
                .collect::<Result<_, String>>()?,
            Some(other) => {
                return Err(format!("response `headers` must be an object, not {other}"));
            }
        };
        Ok(ResponseRecord {
            status,
            reason: text("reason")?,
            method: text("method")?,
            url: text("url")?,
            headers,
            body: text("body")?.unwrap_or_default(),
        })
    }
}

/// The first of `headers` called `name`, compared case-insensitively.
pub(crate) fn find_header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(header, _)| header.eq_ignore_ascii_case(name))
        .map(|(_, value)| value.as_str())
}

fn header_text(value: &Value) -> Result<String, String> {
    match value {
        Value::String(text) => Ok(text.clone()),
        other => Err(format!("a header value is text, not {other}")),
    }
}

impl fmt::Display for ResponseRecord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "HTTP {}", self.status)?;
        if let Some(reason) = self.reason_phrase() {
            write!(f, " {reason}")?;
        }
        if let (Some(method), Some(url)) = (&self.method, &self.url) {
            write!(f, " ({method} {url})")?;
        }
        Ok(())
    }
}

impl Serialize for ResponseRecord {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("status", &self.status)?;
        map.serialize_entry("reason", &self.reason)?;
        map.serialize_entry("method", &self.method)?;
        map.serialize_entry("url", &self.url)?;
        map.serialize_entry("headers", &Headers(&self.headers))?;
        map.serialize_entry("body", &self.body)?;
        map.end()
    }
}

/// Headers as an object; a repeated name keeps its first value there, as the pairs keep all.
struct Headers<'a>(&'a [(String, String)]);

impl Serialize for Headers<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if has_repeated_name(self.0) {
            return self.0.serialize(serializer);
        }
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (name, value) in self.0 {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}

fn has_repeated_name(headers: &[(String, String)]) -> bool {
    headers.iter().enumerate().any(|(i, (name, _))| {
        headers[..i]
            .iter()
            .any(|(earlier, _)| earlier.eq_ignore_ascii_case(name))
    })
}

impl<'de> Deserialize<'de> for ResponseRecord {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(deserializer)?;
        ResponseRecord::from_value(&value).map_err(D::Error::custom)
    }
}

impl crate::__private::StatusField for ResponseRecord {
    fn to_status(&self) -> Option<http::StatusCode> {
        http::StatusCode::from_u16(self.status).ok()
    }
}
