//! The validated input: what [`valid`](crate::valid) builds and [`expand`](crate::expand)
//! generates from. Every value here has passed its checks.

use darling::ast::Style;

use crate::ast::InstanceValue;
use crate::attr::Format;
use crate::fmt::{Member, Template};

pub struct Model<'a> {
    pub ident: &'a syn::Ident,
    pub vis: &'a syn::Visibility,
    pub generics: &'a syn::Generics,
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
    /// `None` when inherited from the parent.
    pub format: Option<Format>,
    pub parent: Option<&'a syn::Path>,
    pub headers: Option<&'a syn::Path>,
    /// A function that writes the message instead of the template.
    pub display: Option<&'a syn::Path>,
    pub doc: String,
    pub fields: Vec<FieldDef<'a>>,
}

pub struct FieldDef<'a> {
    pub member: Member,
    /// The field's name; `None` for a tuple field.
    pub ident: Option<&'a syn::Ident>,
    pub ty: &'a syn::Type,
    /// The body key, for `extra` fields.
    pub extra: Option<String>,
    /// The header name and optional mapping function, for `header` fields.
    pub header: Option<(String, Option<&'a syn::Path>)>,
    pub source: bool,
    /// `extra` and sent as `null` when `None`.
    pub nullable: bool,
    /// A map spread over the body's root.
    pub flatten: bool,
    /// A map of headers, every one sent.
    pub headers: bool,
    /// The instance value the field supplies, if any.
    pub value: Option<InstanceValue>,
    pub skip: bool,
}

impl FieldDef<'_> {
    /// The field's type, if it is `Option<T>`: `None` values are left out of bodies and
    /// headers.
    pub fn option_inner(&self) -> Option<&syn::Type> {
        let syn::Type::Path(path) = self.ty else {
            return None;
        };
        let last = path.path.segments.last()?;
        if last.ident != "Option" {
            return None;
        }
        match &last.arguments {
            syn::PathArguments::AngleBracketed(args) if args.args.len() == 1 => {
                match args.args.first() {
                    Some(syn::GenericArgument::Type(inner)) => Some(inner),
                    _ => None,
                }
            }
            _ => None,
        }
    }
}

impl ErrorDef<'_> {
    pub fn field(&self, member: &Member) -> Option<&FieldDef<'_>> {
        self.fields.iter().find(|field| &field.member == member)
    }
}
