//! Djblets' XML form of a body (`?api_format=xml`, or an `Accept` preferring
//! `application/xml`), as Djblets 6.1's `XMLEncoderAdapter` writes it, byte for byte:
//!
//! ```text
//! <?xml version="1.0" encoding="utf-8"?>
//! <rsp>
//!  <stat>fail</stat>
//!  <err>
//!   <code>100</code>
//!   <msg>Object does not exist</msg>
//!  </err>
//! </rsp>
//! ```
//!
//! Every member is an element on a line of its own, indented one space per level; a list is
//! `<array>` of `<item>`s; `true` and `false` are `1` and `0`, `null` an element with nothing
//! in it; text escapes `&`, `<` and `>` only (`xml.sax.saxutils.escape`). Where Djblets would
//! write XML no parser accepts, this writes well-formed XML instead: a character XML 1.0 does
//! not allow (a control character, U+FFFE) becomes U+FFFD, and a member whose name is no XML
//! name is a [`RenderError::Xml`]. XML carries text only, so a body read back has strings
//! where the JSON one had numbers, except Djblets' `err.code`.
//!
//! Reading refuses a document type declaration and any entity but XML's five and character
//! references: nothing is expanded that the sender did not write.

use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use serde_json::{Map, Value};

use super::error::ReceiveError;
use super::limits::Limits;
use crate::render::RenderError;

/// The `Content-Type` of a Djblets XML body.
pub const XML_CONTENT_TYPE: &str = "application/xml";

/// The root element of a Djblets response.
const ROOT: &str = "rsp";
const ARRAY: &str = "array";
const ITEM: &str = "item";

/// Writes `root` (a body's members, in order) as Djblets' XML into `out`.
pub(crate) fn write(root: &Map<String, Value>, out: &mut Vec<u8>) -> Result<(), RenderError> {
    let mut writer = quick_xml::Writer::new(out);
    writer
        .write_event(Event::Decl(BytesDecl::new("1.0", Some("utf-8"), None)))
        .map_err(xml_error)?;
    let mut writer = Indented(writer);
    writer.members(ROOT, root, 0)
}

fn xml_error(error: impl std::fmt::Display) -> RenderError {
    RenderError::Xml(error.to_string())
}

/// quick-xml's writer, with Djblets' layout: each element on a new line, one space a level.
struct Indented<'o>(quick_xml::Writer<&'o mut Vec<u8>>);

impl Indented<'_> {
    fn new_line(&mut self, level: usize) {
        let out = self.0.get_mut();
        out.push(b'\n');
        out.resize(out.len() + level, b' ');
    }

    fn start(&mut self, name: &str, level: usize) -> Result<(), RenderError> {
        if !is_xml_name(name) {
            return Err(RenderError::Xml(format!(
                "member {name:?} is not an XML element name"
            )));
        }
        self.new_line(level);
        self.0
            .write_event(Event::Start(BytesStart::new(name)))
            .map_err(xml_error)
    }

    fn end(&mut self, name: &str) -> Result<(), RenderError> {
        self.0
            .write_event(Event::End(BytesEnd::new(name)))
            .map_err(xml_error)
    }

    /// An element holding other elements (or nothing: `null`), its end on a line of its own.
    fn members(
        &mut self,
        name: &str,
        members: &Map<String, Value>,
        level: usize,
    ) -> Result<(), RenderError> {
        self.start(name, level)?;
        for (key, value) in members {
            self.element(key, value, level + 1)?;
        }
        self.new_line(level);
        self.end(name)
    }

    /// One member and its value.
    fn element(&mut self, name: &str, value: &Value, level: usize) -> Result<(), RenderError> {
        let text = match value {
            Value::Object(members) => return self.members(name, members, level),
            Value::Array(items) => {
                self.start(name, level)?;
                self.start(ARRAY, level + 1)?;
                for item in items {
                    self.element(ITEM, item, level + 2)?;
                }
                self.new_line(level + 1);
                self.end(ARRAY)?;
                self.new_line(level);
                return self.end(name);
            }
            Value::Null => return self.members(name, &Map::new(), level),
            Value::Bool(true) => "1".into(),
            Value::Bool(false) => "0".into(),
            Value::Number(number) => number_text(number),
            Value::String(text) => xml_chars(text),
        };
        self.start(name, level)?;
        let escaped = quick_xml::escape::partial_escape(text);
        self.0
            .write_event(Event::Text(BytesText::from_escaped(escaped)))
            .map_err(xml_error)?;
        self.end(name)
    }
}

/// A number as Python writes it (`%d`, and `repr` of a float: `0.5`, `42.0`, `1e+20`).
fn number_text(number: &serde_json::Number) -> std::borrow::Cow<'static, str> {
    match number.as_f64().filter(|_| number.is_f64()) {
        Some(float) => python_float(float).into(),
        None => number.to_string().into(),
    }
}

/// `repr(float)`: the shortest digits that read back, positional for exponents from -4 to
/// 15 (with `.0` when integral), else `d.ddde±XX`.
fn python_float(float: f64) -> String {
    if float.is_nan() {
        return "nan".to_owned();
    }
    if float.is_infinite() {
        return if float > 0.0 { "inf" } else { "-inf" }.to_owned();
    }
    let scientific = format!("{float:e}");
    let (mantissa, exponent) = scientific.split_once('e').unwrap_or((&scientific, "0"));
    let exponent: i32 = exponent.parse().unwrap_or(0);
    if (-4..16).contains(&exponent) {
        let positional = format!("{float}");
        if positional.contains('.') {
            positional
        } else {
            format!("{positional}.0")
        }
    } else {
        let sign = if exponent < 0 { '-' } else { '+' };
        format!("{mantissa}e{sign}{:02}", exponent.unsigned_abs())
    }
}

/// `text` with every character XML 1.0 does not allow replaced by U+FFFD.
fn xml_chars(text: &str) -> std::borrow::Cow<'_, str> {
    let allowed = |c: char| matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..);
    if text.chars().all(allowed) {
        text.into()
    } else {
        text.chars()
            .map(|c| if allowed(c) { c } else { '\u{FFFD}' })
            .collect::<String>()
            .into()
    }
}

/// An XML element name: a letter or `_` first, then letters, digits, `-`, `.` and `_` (a
/// `:` would name a namespace).
fn is_xml_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|first| first.is_alphabetic() || first == '_')
        && chars.all(|c| c.is_alphanumeric() || matches!(c, '-' | '.' | '_'))
}

/// Whether a `Content-Type` is XML's: `application/xml`, `text/xml`, or a `+xml` type.
pub(crate) fn is_xml_content_type(content_type: &str) -> bool {
    let media = content_type.split(';').next().unwrap_or_default().trim();
    media.eq_ignore_ascii_case(XML_CONTENT_TYPE)
        || media.eq_ignore_ascii_case("text/xml")
        || media.to_ascii_lowercase().ends_with("+xml")
}

/// A Djblets XML body as the JSON text of the same members, for the one reader of bodies:
/// text elements are strings (`err.code` a number, as the JSON form has it), elements of
/// elements objects, `<array>` of `<item>`s arrays, an element with only a line break in
/// it `null`. A document type declaration, an entity other than XML's five, a body nested
/// deeper than `limits` or not UTF-8 is refused.
pub(crate) fn to_json(body: &[u8], limits: &Limits) -> Result<String, ReceiveError> {
    let text = std::str::from_utf8(body).map_err(|error| ReceiveError::NotUtf8 {
        valid_up_to: error.valid_up_to(),
    })?;
    let mut reader = quick_xml::Reader::from_str(text);
    let mut open: Vec<Open> = Vec::new();
    let mut root = None;
    let not_xml = |reason: String| ReceiveError::NotXml { reason };
    loop {
        let event = reader
            .read_event()
            .map_err(|error| not_xml(format!("at byte {}: {error}", reader.error_position())))?;
        match event {
            Event::Start(start) => {
                if open.len() >= limits.max_depth {
                    return Err(ReceiveError::TooDeep {
                        limit: limits.max_depth,
                    });
                }
                let qname = start.name();
                let name: &str = qname.as_ref();
                let name = name.to_owned();
                open.push(Open {
                    name,
                    children: Vec::new(),
                    content: String::new(),
                });
            }
            Event::Empty(empty) => {
                let qname = empty.name();
                let name: &str = qname.as_ref();
                let name = name.to_owned();
                match open.last_mut() {
                    Some(parent) => parent.children.push((name, Value::String(String::new()))),
                    None => root = Some(Value::Object(Map::new())),
                }
            }
            Event::Text(text) => {
                if let Some(element) = open.last_mut() {
                    element.content.push_str(&text.xml10_content());
                }
            }
            Event::CData(data) => {
                if let Some(element) = open.last_mut() {
                    element.content.push_str(&data.xml10_content());
                }
            }
            Event::GeneralRef(reference) => {
                let resolved = match reference.resolve_char_ref() {
                    Ok(Some(c)) => c,
                    Err(error) => return Err(not_xml(error.to_string())),
                    Ok(None) => {
                        let name = reference.into_inner();
                        match name.as_ref() {
                            "lt" => '<',
                            "gt" => '>',
                            "amp" => '&',
                            "apos" => '\'',
                            "quot" => '"',
                            _ => return Err(not_xml(format!("entity &{name}; is not XML's"))),
                        }
                    }
                };
                if let Some(element) = open.last_mut() {
                    element.content.push(resolved);
                }
            }
            Event::End(_) => {
                let Some(Open {
                    name,
                    children,
                    content,
                }) = open.pop()
                else {
                    return Err(not_xml("an end tag without a start".to_owned()));
                };
                let parent = open.last().map(|parent| parent.name.as_str());
                let value = element_value(&name, parent, children, content);
                match open.last_mut() {
                    Some(parent) => parent.children.push((name, value)),
                    None => root = Some(value),
                }
            }
            Event::DocType(_) => {
                return Err(not_xml(
                    "a document type declaration (no entity is expanded)".to_owned(),
                ));
            }
            Event::Decl(_) | Event::Comment(_) | Event::PI(_) => {}
            Event::Eof => break,
        }
    }
    match root {
        Some(Value::Object(members)) if open.is_empty() => Ok(Value::Object(members).to_string()),
        Some(_) => Err(ReceiveError::NotObject),
        None => Err(not_xml("no root element".to_owned())),
    }
}

/// An element being read: its name, its child elements so far, its text so far.
struct Open {
    name: String,
    children: Vec<(String, Value)>,
    content: String,
}

/// The value of a closed element, inside `parent`.
fn element_value(
    name: &str,
    parent: Option<&str>,
    children: Vec<(String, Value)>,
    content: String,
) -> Value {
    if name == ARRAY && children.iter().all(|(child, _)| child == ITEM) {
        return Value::Array(children.into_iter().map(|(_, value)| value).collect());
    }
    if children.is_empty() {
        if content.contains('\n') && content.trim().is_empty() {
            return Value::Null;
        }
        // Djblets' `err.code` is a number in its JSON form.
        if parent == Some("err")
            && name == "code"
            && let Ok(code) = content.parse::<i64>()
        {
            return Value::from(code);
        }
        return Value::String(content);
    }
    if let [(child, Value::Array(_))] = children.as_slice()
        && child == ARRAY
    {
        return children
            .into_iter()
            .next()
            .map(|(_, list)| list)
            .unwrap_or_default();
    }
    Value::Object(children.into_iter().collect())
}
