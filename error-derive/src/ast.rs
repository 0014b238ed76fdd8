//! The input as darling reads it: one receiver per level (type, variant, field). Unknown keys,
//! wrong value types and duplicates are reported here, all at once, with "did you mean" hints.

use darling::ast::{Data, Fields};
use darling::{FromDeriveInput, FromField, FromMeta, FromVariant};
use proc_macro2::Span;
use syn::spanned::Spanned;

use crate::model::InstanceValue;

/// A key without a value (`#[api_error(extra)]`), with where it was written. darling has
/// one, but its check of a key given a value panics on an empty list (`detail()`, darling
/// 0.24); this one refuses every value with a spanned error.
#[derive(Clone, Copy, Debug, Default)]
pub struct Flag(Option<Span>);

impl Flag {
    pub fn is_present(&self) -> bool {
        self.0.is_some()
    }

    /// Where the key was written (the call site if it was not).
    pub fn span(&self) -> Span {
        self.0.unwrap_or_else(Span::call_site)
    }
}

impl FromMeta for Flag {
    fn from_none() -> Option<Self> {
        Some(Flag(None))
    }

    fn from_meta(meta: &syn::Meta) -> darling::Result<Self> {
        match meta {
            syn::Meta::Path(path) => Ok(Flag(Some(path.span()))),
            other => {
                let key = quote::ToTokens::to_token_stream(other.path()).to_string();
                Err(darling::Error::custom(format!(
                    "`{key}` takes no value: write `#[api_error({key})]`"
                ))
                .with_span(other))
            }
        }
    }
}

/// An integer written as a literal, possibly negative: `code = 100`, `code = -1`. A string
/// such as `code = "100"` is refused, so a value is always written one way.
#[derive(Clone, Debug)]
pub struct IntLit {
    pub digits: String,
    pub span: Span,
}

impl IntLit {
    pub fn parse<N: std::str::FromStr>(&self) -> Option<N> {
        self.digits.parse().ok()
    }
}

impl FromMeta for IntLit {
    fn from_expr(expr: &syn::Expr) -> darling::Result<Self> {
        match expr {
            syn::Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Int(int),
                ..
            }) => Ok(IntLit {
                digits: int.base10_digits().to_owned(),
                span: int.span(),
            }),
            syn::Expr::Unary(syn::ExprUnary {
                op: syn::UnOp::Neg(_),
                expr: inner,
                ..
            }) => match IntLit::from_expr(inner) {
                Ok(positive) => Ok(IntLit {
                    digits: format!("-{}", positive.digits),
                    span: expr.span(),
                }),
                Err(_) => Err(not_an_integer(expr)),
            },
            syn::Expr::Group(group) => IntLit::from_expr(&group.expr),
            _ => Err(not_an_integer(expr)),
        }
    }
}

fn not_an_integer(expr: &syn::Expr) -> darling::Error {
    darling::Error::custom("expected an integer literal, like `100`").with_span(expr)
}

/// Keys allowed on the type and on each variant. On an enum, the type's values are defaults
/// for every variant.
#[derive(Debug, Default, FromMeta)]
pub struct ErrorAttrs {
    pub code: Option<IntLit>,
    pub http: Option<IntLit>,
    pub errcode: Option<syn::LitStr>,
    pub error_type: Option<syn::LitStr>,
    pub error_subtype: Option<syn::LitStr>,
    pub message: Option<syn::LitStr>,
    /// RFC 9457's `title`: a short summary of the problem type (the status phrase if not
    /// given).
    pub title: Option<syn::LitStr>,
    pub format: Option<syn::LitStr>,
    pub parent: Option<syn::Path>,
    pub headers: Option<syn::Path>,
    pub display: Option<syn::Path>,
    /// The error's documentation page; on the RFC 9457 `type` member.
    pub doc_url: Option<syn::LitStr>,
    /// A base URL the error's slug is joined to, for its documentation page.
    pub doc_base: Option<syn::LitStr>,
    /// The body in the native format is the error's own members only, none of the format's
    /// (Synapse's `InteractiveAuthIncompleteError`, answered with its `result` as the body).
    pub bare: Flag,
}

#[derive(Debug, FromDeriveInput)]
#[darling(
    attributes(api_error),
    forward_attrs(doc, deprecated),
    supports(struct_any, enum_any)
)]
pub struct Input {
    pub ident: syn::Ident,
    pub vis: syn::Visibility,
    pub generics: syn::Generics,
    pub attrs: Vec<syn::Attribute>,
    pub data: Data<Variant, Field>,
    /// Where the runtime is (`crate = "my::errors"`), for a renamed or re-exported dependency,
    /// as serde's `#[serde(crate = "…")]`; `::errwire` when not given.
    #[darling(rename = "crate")]
    pub krate: Option<syn::Path>,
    #[darling(flatten)]
    pub error: ErrorAttrs,
}

/// How deep a declaration may nest (parentheses, brackets, braces, `<…>`, and runs of `&`
/// or `*`, all of which syn parses by recursion): far past any real one, and far short of
/// the depth at which syn, built as cargo builds a proc macro (unoptimized), overflows the
/// 8 MiB stack rustc runs derives on (about 400 parentheses).
pub const MAX_NESTING: usize = 128;

/// An error at the first token nested deeper than [`MAX_NESTING`], found before syn parses
/// the input, by a walk with a stack of its own (not by recursion).
pub fn nesting_error(tokens: &proc_macro2::TokenStream) -> Option<syn::Error> {
    use proc_macro2::{Spacing, TokenTree};

    /// One group being walked: its tokens, the depth its tokens start at, and the `<` open in it.
    struct Frame {
        trees: proc_macro2::token_stream::IntoIter,
        outer: usize,
        angles: usize,
    }
    let mut stack = vec![Frame {
        trees: tokens.clone().into_iter(),
        outer: 0,
        angles: 0,
    }];
    // The `&` and `*` just before, and the previous punctuation if it joins this one (`->`).
    let mut run = 0;
    let mut joined = None;
    while let Some(frame) = stack.last_mut() {
        let Some(tree) = frame.trees.next() else {
            stack.pop();
            (run, joined) = (0, None);
            continue;
        };
        let depth = frame.outer + frame.angles + run;
        if depth > MAX_NESTING {
            return Some(syn::Error::new(
                tree.span(),
                format!(
                    "this declaration nests deeper than {MAX_NESTING} levels, more than the derive reads"
                ),
            ));
        }
        match tree {
            TokenTree::Group(group) => {
                (run, joined) = (0, None);
                stack.push(Frame {
                    trees: group.stream().into_iter(),
                    outer: depth + 1,
                    angles: 0,
                });
            }
            TokenTree::Punct(punct) => {
                let c = punct.as_char();
                match c {
                    '<' => frame.angles += 1,
                    '>' if !matches!(joined, Some('-' | '=')) => {
                        frame.angles = frame.angles.saturating_sub(1);
                    }
                    _ => {}
                }
                run = if matches!(c, '&' | '*') { run + 1 } else { 0 };
                joined = (punct.spacing() == Spacing::Joint).then_some(c);
            }
            _ => (run, joined) = (0, None),
        }
    }
    None
}

/// The syntax errors of every `#[api_error(…)]` on the input (the type, its variants, their
/// fields): a list that is not `key`, `key = value` and `key(…)` items separated by commas.
/// Read here, within the attribute's parentheses, an error at the end of the list (`message
/// = )`) points at its closing parenthesis; darling reads the list without them and would
/// point at nothing.
pub fn syntax_errors(input: &syn::DeriveInput) -> Option<darling::Error> {
    let mut attrs: Vec<&syn::Attribute> = input.attrs.iter().collect();
    match &input.data {
        syn::Data::Struct(data) => attrs.extend(data.fields.iter().flat_map(|f| &f.attrs)),
        syn::Data::Enum(data) => {
            for variant in &data.variants {
                attrs.extend(&variant.attrs);
                attrs.extend(variant.fields.iter().flat_map(|f| &f.attrs));
            }
        }
        syn::Data::Union(_) => {}
    }
    let mut errors = darling::Error::accumulator();
    for attr in attrs {
        if attr.path().is_ident("api_error") && matches!(attr.meta, syn::Meta::List(_)) {
            let items = attr.parse_args_with(|input: syn::parse::ParseStream<'_>| {
                syn::punctuated::Punctuated::<(), syn::Token![,]>::parse_terminated_with(
                    input, list_item,
                )
            });
            errors.handle(items.map_err(darling::Error::from));
        }
    }
    errors.finish().err()
}

/// One item of an attribute's list: a literal, or a `syn::Meta` (whose value is a whole
/// expression: darling defers that parse, and would report its end-of-input error unspanned).
fn list_item(input: syn::parse::ParseStream<'_>) -> syn::Result<()> {
    if input.peek(syn::Lit) && !(input.peek(syn::LitBool) && input.peek2(syn::Token![=])) {
        input.parse::<syn::Lit>().map(drop)
    } else {
        input.parse::<syn::Meta>().map(drop)
    }
}

/// The runtime's path for [`fallback`](crate::fallback): read leniently from the type's
/// attributes, so the stub impls name the crate the user pointed at even when darling
/// refused some other key (and reports it).
pub fn runtime_path(attrs: &[syn::Attribute]) -> syn::Path {
    let from_attribute = |attr: &syn::Attribute| {
        let mut found = None;
        // A mistake stops the scan; darling reports it.
        let _ = attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("crate") {
                let path: syn::LitStr = meta.value()?.parse()?;
                found = path.parse().ok();
            } else if meta.input.peek(syn::Token![=]) {
                meta.value()?.parse::<syn::Lit>()?;
            }
            Ok(())
        });
        found
    };
    attrs
        .iter()
        .filter(|attr| attr.path().is_ident("api_error"))
        .find_map(from_attribute)
        .unwrap_or_else(default_runtime_path)
}

/// `::errwire`, the runtime's name on crates.io.
pub fn default_runtime_path() -> syn::Path {
    syn::parse_quote!(::errwire)
}

#[derive(Debug, FromVariant)]
#[darling(attributes(api_error), forward_attrs(doc, deprecated))]
pub struct Variant {
    pub ident: syn::Ident,
    pub attrs: Vec<syn::Attribute>,
    pub fields: Fields<Field>,
    #[darling(flatten)]
    pub error: ErrorAttrs,
}

#[derive(Debug, FromField)]
#[darling(attributes(api_error))]
pub struct Field {
    pub ident: Option<syn::Ident>,
    pub ty: syn::Type,
    /// Serialized into the body.
    pub extra: Flag,
    /// An `extra` `Option` sent as `null` when `None`, rather than left out.
    pub nullable: Flag,
    /// A map whose entries are serialized at the body's root, replacing members of the same name.
    pub flatten: Flag,
    /// The key in the body, for `extra`.
    pub rename: Option<syn::LitStr>,
    /// Sent as this HTTP header.
    pub header: Option<syn::LitStr>,
    /// A map of header names to values, every one sent.
    pub headers: Flag,
    /// Maps the value before it becomes a header.
    pub with: Option<syn::Path>,
    /// The `Error::source`.
    pub source: Flag,
    /// The `Error::source`, and a `From` conversion from its type, as thiserror's `#[from]`.
    pub from: Flag,
    /// Several field errors (`errwire::FieldErrors`), written in each format's convention.
    pub field_errors: Flag,
    /// Private: never serialized, sent or formatted.
    pub skip: Flag,
    /// The instance's own HTTP status.
    pub status: Flag,
    /// The instance's own numeric code.
    pub code: Flag,
    /// The instance's own errcode.
    pub errcode: Flag,
    /// The instance's own error type.
    pub error_type: Flag,
    /// The instance's own error subtype.
    pub error_subtype: Flag,
    /// Further detail on the occurrence.
    pub detail: Flag,
    /// The occurrence's trace id.
    pub trace_id: Flag,
    /// RFC 9457's `instance`: a URI reference identifying the occurrence.
    pub instance: Flag,
}

impl Field {
    /// The instance values this field is marked as, with the span of each key.
    pub fn values(&self) -> Vec<(InstanceValue, Span)> {
        [
            (InstanceValue::Status, &self.status),
            (InstanceValue::Code, &self.code),
            (InstanceValue::Errcode, &self.errcode),
            (InstanceValue::ErrorType, &self.error_type),
            (InstanceValue::ErrorSubtype, &self.error_subtype),
            (InstanceValue::Detail, &self.detail),
            (InstanceValue::TraceId, &self.trace_id),
            (InstanceValue::Instance, &self.instance),
        ]
        .into_iter()
        .filter(|(_, flag)| flag.is_present())
        .map(|(value, flag)| (value, flag.span()))
        .collect()
    }
}

/// The doc comment of an item, lines joined as rustdoc joins them (trimmed, one per line).
pub fn doc_of(attrs: &[syn::Attribute]) -> String {
    let mut lines = Vec::new();
    for attr in attrs {
        if !attr.path().is_ident("doc") {
            continue;
        }
        if let syn::Meta::NameValue(meta) = &attr.meta
            && let syn::Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(text),
                ..
            }) = &meta.value
        {
            lines.push(text.value().trim().to_owned());
        }
    }
    lines.join("\n").trim().to_owned()
}

/// The `#[deprecated]` attribute of an item, with its `since` and `note`: `#[deprecated]`,
/// `#[deprecated = "note"]` or `#[deprecated(since = "…", note = "…")]`. rustc checks the
/// attribute's form; a form it refuses is read as far as it goes.
pub fn deprecation_of(
    attrs: &[syn::Attribute],
) -> Option<(&syn::Attribute, crate::model::Deprecation)> {
    let attr = attrs
        .iter()
        .find(|attr| attr.path().is_ident("deprecated"))?;
    let mut deprecation = crate::model::Deprecation::default();
    match &attr.meta {
        syn::Meta::Path(_) => {}
        syn::Meta::NameValue(meta) => {
            if let syn::Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(note),
                ..
            }) = &meta.value
            {
                deprecation.note = Some(note.value());
            }
        }
        syn::Meta::List(_) => {
            // A mistake stops the scan; rustc reports it.
            let _ = attr.parse_nested_meta(|meta| {
                let value: syn::LitStr = meta.value()?.parse()?;
                if meta.path.is_ident("since") {
                    deprecation.since = Some(value.value());
                } else if meta.path.is_ident("note") {
                    deprecation.note = Some(value.value());
                }
                Ok(())
            });
        }
    }
    Some((attr, deprecation))
}
