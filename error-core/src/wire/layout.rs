//! Where each member of a body goes, by format: the one statement of the three layouts, read
//! both by [`WireError::from_object`](super::WireError::from_object) (parsed values) and by
//! [`RawBody`](super::RawBody) (raw text).

use crate::descriptor::WireFormat;

/// A protocol value of a body, lifted out of its members.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Slot {
    /// A problem's `status`: a `u16`.
    Status,
    /// Djblets' `err.code`, a problem's `code`: an `i64`.
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

/// Which object of the body a member is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Scope {
    /// The body's root object.
    Root,
    /// Djblets' `err` object.
    DjbletsErr,
}

impl Slot {
    /// The slot of member `key` in `scope` of a `format` body, if it is a protocol value.
    pub(crate) fn of(format: WireFormat, scope: Scope, key: &str) -> Option<Slot> {
        let text = |text| Some(Slot::Text(text));
        match (format, scope) {
            (WireFormat::Djblets, Scope::DjbletsErr) => match key {
                "code" => Some(Slot::Code),
                "msg" => text(Text::Message),
                "type" => text(Text::ErrorType),
                "subtype" => text(Text::ErrorSubtype),
                "detail" => text(Text::Detail),
                "trace_id" => text(Text::TraceId),
                _ => None,
            },
            (WireFormat::Djblets, Scope::Root) => None,
            (WireFormat::Matrix, _) => match key {
                "errcode" => text(Text::Errcode),
                "error" => text(Text::Message),
                _ => None,
            },
            (WireFormat::Problem, _) => match key {
                "type" => text(Text::ProblemType),
                "title" => text(Text::Title),
                "status" => Some(Slot::Status),
                "detail" => text(Text::Message),
                "code" => Some(Slot::Code),
                "errcode" => text(Text::Errcode),
                "error_type" => text(Text::ErrorType),
                "error_subtype" => text(Text::ErrorSubtype),
                "error_detail" => text(Text::Detail),
                "trace_id" => text(Text::TraceId),
                _ => None,
            },
        }
    }
}

/// Djblets' root member holding the error.
pub(crate) const DJBLETS_ERR: &str = "err";

/// Djblets' root member saying the request failed; `"fail"` in every error, so only another
/// value is kept.
pub(crate) const DJBLETS_STAT: &str = "stat";

/// The JSON type of a root member, as format detection needs it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    String,
    Object,
    Unsigned,
    Other,
}

/// The format of a body whose root member `key` has type `kind(key)` (`None` when absent):
/// `stat` and an `err` object mean Djblets; a string `type` or `title` means problem details
/// (which may also carry an `errcode` extension); an `errcode` alone means Matrix; a numeric
/// `status` alone, problem details again.
pub(crate) fn detect(kind: impl Fn(&str) -> Option<Kind>) -> Option<WireFormat> {
    let is = |key, wanted| kind(key) == Some(wanted);
    if kind(DJBLETS_STAT).is_some() && is(DJBLETS_ERR, Kind::Object) {
        Some(WireFormat::Djblets)
    } else if is("type", Kind::String) || is("title", Kind::String) {
        Some(WireFormat::Problem)
    } else if kind("errcode").is_some() {
        Some(WireFormat::Matrix)
    } else if is("status", Kind::Unsigned) {
        Some(WireFormat::Problem)
    } else {
        None
    }
}
