//! The validated input: what [`valid`](crate::valid) builds and [`expand`](crate::expand)
//! generates from. Every value here has passed its checks, and what the checks forbid cannot
//! be written: a field has one [`Role`].

use darling::ast::Style;

use crate::attr::Format;
use crate::fmt::{Member, Template};
use crate::ty;

pub struct Model<'a> {
    pub ident: &'a syn::Ident,
    pub vis: &'a syn::Visibility,
    pub generics: &'a syn::Generics,
    /// The runtime crate's path, which generated code names as `__errwire`.
    pub runtime: syn::Path,
    pub kind: Kind,
    /// One error for a struct, one per variant for an enum.
    pub errors: Vec<ErrorDef<'a>>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Struct,
    Enum,
}

/// One error: a struct, or one variant of an enum.
pub struct ErrorDef<'a> {
    /// `None` for a struct.
    pub variant: Option<&'a syn::Ident>,
    /// `Type` or `Type::Variant`.
    pub name: String,
    pub style: Style,
    pub code: Option<i64>,
    /// `None` when inherited from the parent.
    pub status: Option<u16>,
    pub errcode: Option<String>,
    pub error_type: Option<String>,
    pub error_subtype: Option<String>,
    /// `None` when inherited from the parent.
    pub message: Option<Template>,
    /// RFC 9457's `title`; `None` when inherited from the parent or left to the status phrase.
    pub title: Option<String>,
    /// `None` when inherited from the parent.
    pub format: Option<Format>,
    pub parent: Option<&'a syn::Path>,
    pub headers: Option<&'a syn::Path>,
    /// A function that writes the message instead of the template.
    pub display: Option<&'a syn::Path>,
    pub doc: String,
    /// The documentation URL: `doc_url`, or `doc_base` joined with the slug.
    pub doc_url: Option<String>,
    /// `#[deprecated]`, as written and as read.
    pub deprecated: Option<(&'a syn::Attribute, Deprecation)>,
    /// `bare`: the native body is the error's own members only.
    pub bare: bool,
    pub fields: Vec<FieldDef<'a>>,
}

/// What `#[deprecated]` says.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Deprecation {
    pub since: Option<String>,
    pub note: Option<String>,
}

pub struct FieldDef<'a> {
    pub member: Member,
    /// The field's name; `None` for a tuple field.
    pub ident: Option<&'a syn::Ident>,
    pub ty: &'a syn::Type,
    pub role: Role<'a>,
}

/// What a field is to the error. The keys of `#[api_error(…)]` on a field choose one of
/// these; [`valid`](crate::valid) refuses keys that would make two.
pub enum Role<'a> {
    /// Shown by the message template, if at all: never sent on its own.
    Context,
    /// A member of the body (`extra`).
    Extra(Extra),
    /// An HTTP header (`header = "Name"`).
    Header(Header<'a>),
    /// Both a member of the body and a header (`extra, header = "Name"`).
    ExtraAndHeader(Extra, Header<'a>),
    /// A map spread over the body's root (`flatten`).
    Flatten,
    /// A map of headers, every one sent (`headers`).
    Headers,
    /// Several field errors, in each format's convention (`field_errors`).
    FieldErrors,
    /// The `Error::source` (`source`).
    Source,
    /// The `Error::source`, which the error is also made `From` (`from`).
    From,
    /// One of the error's own values, for this instance (`status`, `code`, …).
    Value(InstanceValue),
    /// Private: never serialized, sent or formatted (`skip`).
    Skip,
}

/// How an `extra` field is sent in the body.
pub struct Extra {
    /// The member's name.
    pub key: String,
    /// Sent as `null` when `None`, rather than left out.
    pub nullable: bool,
}

/// How a `header` field is sent.
pub struct Header<'a> {
    /// The name as declared.
    pub name: String,
    /// The name as `http::HeaderName` holds it, lower-case.
    pub sent_as: String,
    /// Maps the value before it becomes a header.
    pub with: Option<&'a syn::Path>,
}

impl Role<'_> {
    /// The body member, for `extra` fields.
    pub fn extra(&self) -> Option<&Extra> {
        match self {
            Role::Extra(extra) | Role::ExtraAndHeader(extra, _) => Some(extra),
            _ => None,
        }
    }

    /// The header, for `header` fields.
    pub fn header(&self) -> Option<&Header<'_>> {
        match self {
            Role::Header(header) | Role::ExtraAndHeader(_, header) => Some(header),
            _ => None,
        }
    }

    /// Whether the field is the `Error::source` (`source` or `from`).
    pub fn is_source(&self) -> bool {
        matches!(self, Role::Source | Role::From)
    }

    /// The instance value, for fields that supply one.
    pub fn value(&self) -> Option<InstanceValue> {
        match self {
            Role::Value(value) => Some(*value),
            _ => None,
        }
    }

    /// The `errwire::FieldRole` variant's name.
    pub fn variant_name(&self) -> &'static str {
        match self {
            Role::Context => "Context",
            Role::Extra(_) => "Extra",
            Role::Header(_) => "Header",
            Role::ExtraAndHeader(..) => "ExtraAndHeader",
            Role::Flatten => "Flatten",
            Role::Headers => "Headers",
            Role::FieldErrors => "FieldErrors",
            Role::Source | Role::From => "Source",
            Role::Value(value) => value.role(),
            Role::Skip => "Skip",
        }
    }
}

/// A value of the error that a field of the instance can supply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InstanceValue {
    Status,
    Code,
    Errcode,
    ErrorType,
    ErrorSubtype,
    Detail,
    TraceId,
    Instance,
}

impl InstanceValue {
    pub const ALL: [InstanceValue; 8] = [
        InstanceValue::Status,
        InstanceValue::Code,
        InstanceValue::Errcode,
        InstanceValue::ErrorType,
        InstanceValue::ErrorSubtype,
        InstanceValue::Detail,
        InstanceValue::TraceId,
        InstanceValue::Instance,
    ];

    /// The key, as written in `#[api_error(…)]` and as named in `errwire::Instance`.
    pub fn key(self) -> &'static str {
        match self {
            InstanceValue::Status => "status",
            InstanceValue::Code => "code",
            InstanceValue::Errcode => "errcode",
            InstanceValue::ErrorType => "error_type",
            InstanceValue::ErrorSubtype => "error_subtype",
            InstanceValue::Detail => "detail",
            InstanceValue::TraceId => "trace_id",
            InstanceValue::Instance => "instance",
        }
    }

    /// The `errwire::FieldRole` variant.
    pub fn role(self) -> &'static str {
        match self {
            InstanceValue::Status => "Status",
            InstanceValue::Code => "Code",
            InstanceValue::Errcode => "Errcode",
            InstanceValue::ErrorType => "ErrorType",
            InstanceValue::ErrorSubtype => "ErrorSubtype",
            InstanceValue::Detail => "Detail",
            InstanceValue::TraceId => "TraceId",
            InstanceValue::Instance => "Instance",
        }
    }

    /// Whether the value is a number (status, code) rather than text.
    pub fn is_number(self) -> bool {
        matches!(self, InstanceValue::Status | InstanceValue::Code)
    }
}

impl FieldDef<'_> {
    /// The field's type, if it is `Option<T>`: `None` values are left out of bodies and
    /// headers.
    pub fn option_inner(&self) -> Option<&syn::Type> {
        ty::option_inner(self.ty)
    }
}

impl ErrorDef<'_> {
    pub fn field(&self, member: &Member) -> Option<&FieldDef<'_>> {
        self.fields.iter().find(|field| &field.member == member)
    }

    /// The variant name, or the type name for a struct.
    pub fn name_tail(&self) -> String {
        match self.variant {
            Some(variant) => variant.to_string(),
            None => self.name.clone(),
        }
    }

    /// The message template for docs, or a note that it is inherited.
    pub fn message_text(&self) -> String {
        match &self.message {
            Some(template) => template.lit.value(),
            None => "message inherited from its parent".to_owned(),
        }
    }

    /// The generated constructor's name: the variant's, `new` for a struct.
    pub fn constructor_name(&self) -> String {
        match self.variant {
            Some(variant) => constructor_name(variant),
            None => "new".to_owned(),
        }
    }

    /// The generated constant's name, for a unit variant.
    pub fn constant_name(&self) -> Option<String> {
        let variant = self.variant.filter(|_| self.style == Style::Unit)?;
        Some(constant_name(variant))
    }
}

/// The slug a `doc_base` is joined with: the name in kebab-case (`DoesNotExist` →
/// `does-not-exist`).
pub fn slug(name: &str) -> String {
    snake_case(name).replace('_', "-")
}

/// The constructor the inherent impl generates for a variant: its name in snake_case.
pub fn constructor_name(variant: &syn::Ident) -> String {
    snake_case(&variant.to_string())
}

/// The constant the inherent impl generates for a unit variant: its name in SCREAMING_CASE.
pub fn constant_name(variant: &syn::Ident) -> String {
    constructor_name(variant).to_uppercase()
}

/// The inherent methods `expand::constructors` generates besides the constructors: a
/// constructor of one of these names would be a second definition.
pub const GENERATED_METHODS: [&str; 2] = ["with_overrides", "with_message"];

/// The constants generated code and users reach through the type's path (`Type::ERRORS` is
/// `Catalog::ERRORS`): an inherent constant of one of these names would hide it.
pub const TYPE_CONSTANTS: [&str; 1] = ["ERRORS"];

/// `DoesNotExist` → `does_not_exist`; `HTTPError` → `http_error`.
pub fn snake_case(name: &str) -> String {
    let chars = name.chars().collect::<Vec<_>>();
    let mut snake = String::with_capacity(name.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        if c.is_uppercase() {
            let prev = i.checked_sub(1).map(|p| chars[p]);
            let next = chars.get(i + 1);
            let starts_word = match prev {
                None | Some('_') => false,
                Some(prev) => {
                    prev.is_lowercase()
                        || prev.is_ascii_digit()
                        || (prev.is_uppercase() && next.is_some_and(|n| n.is_lowercase()))
                }
            };
            if starts_word {
                snake.push('_');
            }
            snake.extend(c.to_lowercase());
        } else {
            snake.push(c);
        }
    }
    snake
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snake_case_splits_words_and_acronyms() {
        for (name, snake) in [
            ("DoesNotExist", "does_not_exist"),
            ("HTTPError", "http_error"),
            ("Py42BadRequestError", "py42_bad_request_error"),
            ("Io", "io"),
            ("A", "a"),
        ] {
            assert_eq!(snake_case(name), snake);
        }
    }
}
