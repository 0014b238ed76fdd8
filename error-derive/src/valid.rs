//! Every check of the input, into one accumulator so that all mistakes are reported at once,
//! each spanned on the offending tokens. Builds the [`Model`] the expansion works from.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use darling::Error;
use darling::ast::{Data, Style};
use darling::error::Accumulator;
use proc_macro2::Span;
use syn::spanned::Spanned;

use crate::ast::{self, ErrorAttrs, Input};
use crate::attr::{self, Format};
use crate::fmt::{Member, Template};
use crate::model::{self, ErrorDef, Extra, FieldDef, Header, InstanceValue, Kind, Model, Role};

pub fn validate(input: &Input) -> darling::Result<Model<'_>> {
    let mut errors = Error::accumulator();
    let container = &input.error;
    let (kind, defs) = match &input.data {
        Data::Struct(fields) => {
            let def = error_def(
                &mut errors,
                ErrorSource {
                    variant: None,
                    name: input.ident.to_string(),
                    span: input.ident.span(),
                    style: fields.style,
                    fields: &fields.fields,
                    attrs: &input.attrs,
                },
                container,
                None,
            );
            (Kind::Struct, def.into_iter().collect::<Vec<_>>())
        }
        Data::Enum(variants) => {
            // Rule: identity keys belong to each variant, or every variant would share them.
            for (key, present) in [
                ("code", container.code.as_ref().map(|c| c.span)),
                ("errcode", container.errcode.as_ref().map(|e| e.span())),
                ("doc_url", container.doc_url.as_ref().map(|e| e.span())),
            ] {
                if let Some(span) = present {
                    errors.push(
                        Error::custom(format!(
                            "`{key}` identifies one error: put it on each variant, not on the enum"
                        ))
                        .with_span(&span),
                    );
                }
            }
            // Checked once here, though every variant without a `doc_url` uses it.
            if let Some(base) = &container.doc_base {
                errors.handle(attr::doc_url("doc_base", base));
            }
            if variants.is_empty() {
                errors.push(
                    Error::custom("an error catalog needs at least one variant")
                        .with_span(&input.ident),
                );
            }
            let defs = variants
                .iter()
                .filter_map(|variant| {
                    error_def(
                        &mut errors,
                        ErrorSource {
                            variant: Some(&variant.ident),
                            name: format!("{}::{}", input.ident, variant.ident),
                            span: variant.ident.span(),
                            style: variant.fields.style,
                            fields: &variant.fields.fields,
                            attrs: &variant.attrs,
                        },
                        &variant.error,
                        Some(container),
                    )
                })
                .collect::<Vec<_>>();
            check_unique(&mut errors, variants.iter().map(|v| &v.error));
            check_unique_from(&mut errors, &defs);
            check_generated_names(&mut errors, variants);
            (Kind::Enum, defs)
        }
    };
    errors.finish_with(Model {
        ident: &input.ident,
        vis: &input.vis,
        generics: &input.generics,
        runtime: input
            .krate
            .clone()
            .unwrap_or_else(crate::ast::default_runtime_path),
        kind,
        errors: defs,
    })
}

/// Where one error comes from: a struct or a variant.
struct ErrorSource<'a> {
    variant: Option<&'a syn::Ident>,
    name: String,
    span: Span,
    style: Style,
    fields: &'a [ast::Field],
    attrs: &'a [syn::Attribute],
}

fn error_def<'a>(
    errors: &mut Accumulator,
    source: ErrorSource<'a>,
    own: &'a ErrorAttrs,
    defaults: Option<&'a ErrorAttrs>,
) -> Option<ErrorDef<'a>> {
    // A variant's own value wins over the enum's default.
    fn pick<'v, T>(
        own: &'v ErrorAttrs,
        defaults: Option<&'v ErrorAttrs>,
        key: fn(&ErrorAttrs) -> Option<&T>,
    ) -> Option<&'v T> {
        key(own).or_else(|| defaults.and_then(key))
    }
    let parent = pick(own, defaults, |a| a.parent.as_ref());
    let status =
        pick(own, defaults, |a| a.http.as_ref()).and_then(|lit| errors.handle(attr::status(lit)));
    let errcode = own
        .errcode
        .as_ref()
        .and_then(|lit| errors.handle(attr::errcode(lit)));
    let format =
        pick(own, defaults, |a| a.format.as_ref()).and_then(|lit| errors.handle(attr::format(lit)));
    let message_lit = pick(own, defaults, |a| a.message.as_ref());
    let message = message_lit.and_then(|lit| errors.handle(Template::parse(lit)));
    let what = match source.variant {
        Some(_) => "variant",
        None => "error",
    };
    if parent.is_none() && pick(own, defaults, |a| a.http.as_ref()).is_none() {
        errors.push(
            Error::custom(format!(
                "missing `http = …`: every {what} needs an HTTP status, or a `parent = Type` to inherit one from"
            ))
            .with_span(&source.span),
        );
    }
    let doc_url = doc_url(errors, &source, own, defaults);
    let display_path = pick(own, defaults, |a| a.display.as_ref());
    let display = display_path.and_then(|path| errors.handle(attr::display_fn(path)));
    if parent.is_none() && message_lit.is_none() && display_path.is_none() {
        errors.push(
            Error::custom(format!(
                "missing `message = \"…\"`: every {what} needs a message, a `display = path` function, or a `parent = Type` to inherit a message from"
            ))
            .with_span(&source.span),
        );
    }
    let fields = source
        .fields
        .iter()
        .enumerate()
        .filter_map(|(index, field)| field_def(errors, index, field))
        .collect::<Vec<_>>();
    check_single_role(errors, source.fields, "source", |f| f.source.is_present());
    check_single_role(errors, source.fields, "field_errors", |f| {
        f.field_errors.is_present()
    });
    check_from(errors, source.fields);
    // An error without its own format has its parent's, unknown here; the default is
    // problem details.
    let native = format.or(parent.is_none().then_some(Format::Problem));
    check_member_names(errors, source.fields, native);
    for value in InstanceValue::ALL {
        check_single_value(errors, source.fields, value);
    }
    // With a `display` function the template only documents the message, and may name
    // values the function computes (pyTenable's `{uuid}` comes from a response header).
    if let Some(template) = message.as_ref().filter(|_| display_path.is_none()) {
        check_template(errors, template, source.style, &fields);
    }
    Some(ErrorDef {
        variant: source.variant,
        name: source.name,
        style: source.style,
        code: own
            .code
            .as_ref()
            .and_then(|lit| errors.handle(attr::code(lit))),
        status,
        errcode,
        error_type: pick(own, defaults, |a| a.error_type.as_ref()).map(syn::LitStr::value),
        error_subtype: pick(own, defaults, |a| a.error_subtype.as_ref()).map(syn::LitStr::value),
        message,
        title: pick(own, defaults, |a| a.title.as_ref())
            .and_then(|lit| errors.handle(attr::title(lit))),
        format,
        parent,
        headers: pick(own, defaults, |a| a.headers.as_ref()),
        display,
        doc: ast::doc_of(source.attrs),
        doc_url,
        deprecated: ast::deprecation_of(source.attrs),
        bare: own.bare.is_present() || defaults.is_some_and(|d| d.bare.is_present()),
        fields,
    })
}

/// The documentation URL: the error's own `doc_url`, else the `doc_base` (the error's, or
/// the enum's) joined with the error's slug by one `/`.
fn doc_url(
    errors: &mut Accumulator,
    source: &ErrorSource<'_>,
    own: &ErrorAttrs,
    defaults: Option<&ErrorAttrs>,
) -> Option<String> {
    // Rule: one error has one page; two keys on it would leave the reader guessing.
    if let (Some(_), Some(base)) = (&own.doc_url, &own.doc_base) {
        errors.push(
            Error::custom("`doc_url` names this error's page: drop `doc_base` here, or `doc_url`")
                .with_span(base),
        );
    }
    if let Some(url) = &own.doc_url {
        return errors.handle(attr::doc_url("doc_url", url));
    }
    let base = match (&own.doc_base, defaults.and_then(|d| d.doc_base.as_ref())) {
        (Some(own), _) => errors.handle(attr::doc_url("doc_base", own))?,
        // The enum's, reported (if wrong) once by `validate`.
        (None, Some(base)) => attr::doc_url("doc_base", base).ok()?,
        (None, None) => return None,
    };
    let tail = match source.variant {
        Some(variant) => variant.to_string(),
        None => source.name.clone(),
    };
    Some(format!(
        "{}/{}",
        base.trim_end_matches('/'),
        model::slug(&tail)
    ))
}

fn field_def<'a>(
    errors: &mut Accumulator,
    index: usize,
    field: &'a ast::Field,
) -> Option<FieldDef<'a>> {
    let member = match &field.ident {
        // rustc parses `_: T` (unnamed fields, unstable) before any derive runs; `self._`
        // and `Self { _: … }` do not exist, so nothing could read or build the field.
        Some(ident) if ident == "_" => {
            errors.push(
                Error::custom("a field named `_` can be neither read nor built: give it a name")
                    .with_span(ident),
            );
            return None;
        }
        Some(ident) => Member::Named(ident.to_string()),
        None => Member::Index(index),
    };
    let values = field.values();
    // Every key that makes the field travel or mean something, with where it was written.
    let mut keys: Vec<(&str, Span)> = Vec::new();
    if field.extra.is_present() {
        keys.push(("extra", field.extra.span()));
    }
    if let Some(header) = &field.header {
        keys.push(("header", header.span()));
    }
    if field.source.is_present() {
        keys.push(("source", field.source.span()));
    }
    if field.from.is_present() {
        keys.push(("from", field.from.span()));
    }
    if field.flatten.is_present() {
        keys.push(("flatten", field.flatten.span()));
    }
    if field.headers.is_present() {
        keys.push(("headers", field.headers.span()));
    }
    if field.field_errors.is_present() {
        keys.push(("field_errors", field.field_errors.span()));
    }
    keys.extend(values.iter().map(|(value, span)| (value.key(), *span)));
    // Rule: a skipped field is private, so it cannot also travel in any way.
    if field.skip.is_present() {
        let renamed = field.rename.as_ref().map(|r| ("rename", r.span()));
        let mapped = field.with.as_ref().map(|w| ("with", w.span()));
        for (key, _) in keys.iter().copied().chain(renamed).chain(mapped) {
            errors.push(
                Error::custom(format!(
                    "`skip` conflicts with `{key}`: a skipped field is never serialized, sent or formatted"
                ))
                .with_span(&field.skip.span()),
            );
        }
    }
    // Rule: the source is the cause, never part of the response. A `from` field is the
    // source too, so `source` beside it says nothing more and is allowed.
    for (source_key, flag) in [("source", &field.source), ("from", &field.from)] {
        if !flag.is_present() {
            continue;
        }
        for (key, _) in keys.iter().filter(|(key, _)| !is_source_key(key)) {
            errors.push(
                Error::custom(format!(
                    "`{source_key}` conflicts with `{key}`: the source error is never sent to the client"
                ))
                .with_span(&flag.span()),
            );
        }
    }
    // Rule: a field supplying one of the error's own values supplies only that one.
    if let Some((first, _)) = values.first() {
        for (key, span) in keys
            .iter()
            .filter(|(key, _)| *key != first.key() && !is_source_key(key))
        {
            errors.push(
                Error::custom(format!(
                    "`{key}` conflicts with `{}`: a field that is the error's {} is already sent as such",
                    first.key(),
                    first.key()
                ))
                .with_span(span),
            );
        }
    }
    // Rule: `flatten` spreads a whole map over the body; it is not also one member or headers.
    if field.flatten.is_present() {
        for (key, span) in keys
            .iter()
            .filter(|(key, _)| ["extra", "header", "headers"].contains(key))
        {
            errors.push(
                Error::custom(format!(
                    "`{key}` conflicts with `flatten`: a flattened map is spread over the body"
                ))
                .with_span(span),
            );
        }
    }
    // Rule: field errors are written by the format, in its convention: the field is nothing
    // else.
    if field.field_errors.is_present() {
        for (key, span) in keys.iter().filter(|(key, _)| *key != "field_errors") {
            errors.push(
                Error::custom(format!(
                    "`{key}` conflicts with `field_errors`: field errors are written by the format, as its protocol says"
                ))
                .with_span(span),
            );
        }
    }
    if field.nullable.is_present() && !field.extra.is_present() {
        errors.push(
            Error::custom("`nullable` says how an `extra` field is sent: it needs `extra`")
                .with_span(&field.nullable.span()),
        );
    }
    if let Some(rename) = &field.rename
        && !field.extra.is_present()
    {
        errors.push(
            Error::custom("`rename` names the field in the body: it needs `extra`")
                .with_span(rename),
        );
    }
    if let (Some(header), true) = (&field.header, field.headers.is_present()) {
        errors.push(
            Error::custom(
                "`header` conflicts with `headers`: a field is one header or a map of them",
            )
            .with_span(header),
        );
    }
    if let Some(with) = &field.with
        && field.header.is_none()
    {
        errors.push(
            Error::custom("`with` maps a header value: it needs `header = \"Name\"`")
                .with_span(with),
        );
    }
    let extra = if field.extra.is_present() {
        let nullable = field.nullable.is_present();
        match (&field.rename, &field.ident) {
            (Some(rename), _) => Some(Extra {
                key: rename.value(),
                nullable,
            }),
            (None, Some(ident)) => Some(Extra {
                key: ident.to_string(),
                nullable,
            }),
            (None, None) => {
                errors.push(
                    Error::custom(
                        "a tuple field has no name to put in the body: add `rename = \"key\"`",
                    )
                    .with_span(&field.extra.span()),
                );
                None
            }
        }
    } else {
        None
    };
    let header = field
        .header
        .as_ref()
        .and_then(|lit| errors.handle(attr::header_name(lit)))
        .map(|(name, sent_as)| Header {
            name,
            sent_as,
            with: field.with.as_ref(),
        });
    // The rules above allow one role per field, but for `extra` with `header`. Where they
    // failed, the errors are reported and this role is never generated from.
    let role = if field.skip.is_present() {
        Role::Skip
    } else if field.from.is_present() {
        Role::From
    } else if field.source.is_present() {
        Role::Source
    } else if let Some((value, _)) = values.first() {
        Role::Value(*value)
    } else if field.flatten.is_present() {
        Role::Flatten
    } else if field.headers.is_present() {
        Role::Headers
    } else if field.field_errors.is_present() {
        Role::FieldErrors
    } else {
        match (extra, header) {
            (Some(extra), Some(header)) => Role::ExtraAndHeader(extra, header),
            (Some(extra), None) => Role::Extra(extra),
            (None, Some(header)) => Role::Header(header),
            (None, None) => Role::Context,
        }
    };
    Some(FieldDef {
        member,
        ident: field.ident.as_ref(),
        ty: &field.ty,
        role,
    })
}

/// Rule: an error has at most one field supplying each of its values.
fn check_single_value(errors: &mut Accumulator, fields: &[ast::Field], value: InstanceValue) {
    let marked = fields
        .iter()
        .flat_map(|f| f.values())
        .filter(|(v, _)| *v == value);
    for (_, span) in marked.skip(1) {
        errors.push(
            Error::custom(format!("only one field can be `{}`", value.key())).with_span(&span),
        );
    }
}

/// Rule: an `extra` member never replaces or repeats a member the body's format writes:
/// RFC 9457's `type`, `title`, `status`, `detail` and `instance` in any format (every error
/// may be answered as problem details), and the native format's own members. In a problem
/// body, an extension member's name is letters, digits and `_`, as RFC 9457 §3.2 says.
fn check_member_names(errors: &mut Accumulator, fields: &[ast::Field], native: Option<Format>) {
    let has_field_errors = fields.iter().any(|f| f.field_errors.is_present());
    for field in fields.iter().filter(|f| f.extra.is_present()) {
        let (name, span) = match (&field.rename, &field.ident) {
            (Some(rename), _) => (rename.value(), rename.span()),
            (None, Some(ident)) => (ident.to_string(), ident.span()),
            // Refused in `field_def`: a tuple field needs a `rename`.
            (None, None) => continue,
        };
        let problem = if has_field_errors && attr::FIELD_ERRORS_MEMBERS.contains(&name.as_str()) {
            Some(format!(
                "`{name}` is where this error's `field_errors` are written (Djblets' `fields`, \
                 RFC 9457's `errors`): give the member another name with `rename = \"…\"`"
            ))
        } else if attr::PROBLEM_MEMBERS.contains(&name.as_str()) {
            Some(format!(
                "`{name}` is a member of every RFC 9457 problem body (`type`, `title`, `status`, \
                 `detail`, `instance`), which an `extra` never replaces: give the member another \
                 name with `rename = \"…\"`"
            ))
        } else if let Some(format) = native.filter(|f| f.own_members().contains(&name.as_str())) {
            Some(format!(
                "`{name}` is a member the `{}` format writes ({}): an `extra` of that name would \
                 repeat it; give the member another name with `rename = \"…\"`",
                format.name(),
                format
                    .own_members()
                    .iter()
                    .map(|m| format!("`{m}`"))
                    .collect::<Vec<_>>()
                    .join(", "),
            ))
        } else if native == Some(Format::Problem) {
            attr::extension_name_problem(&name).map(|what| {
                format!(
                    "`{name}` {what}: an RFC 9457 extension member's name is letters, digits \
                     and `_`, starting with a letter (§3.2); give it such a name with \
                     `rename = \"…\"`"
                )
            })
        } else {
            None
        };
        if let Some(problem) = problem {
            errors.push(Error::custom(problem).with_span(&span));
        }
    }
}

/// Whether `key` makes a field the source.
fn is_source_key(key: &str) -> bool {
    key == "source" || key == "from"
}

/// Rule: a `from` field is the error's one source, so no other field of the error is
/// `source` or `from`. (The other fields are filled with their `Default` by the `From`
/// conversion; one without a `Default` is refused by rustc, at its type.)
fn check_from(errors: &mut Accumulator, fields: &[ast::Field]) {
    let is_source = |f: &ast::Field| f.source.is_present() || f.from.is_present();
    let Some(from) = fields.iter().find(|f| f.from.is_present()) else {
        return;
    };
    let sources = fields.iter().filter(|f| is_source(f)).count();
    if sources > 1 {
        errors.push(
            Error::custom(
                "`from` makes this field the source: no other field of the error can be `source` or `from`",
            )
            .with_span(&from.from.span()),
        );
    }
}

/// Rule: within one enum, no two variants convert `from` the same type, as `From<T>` can be
/// implemented once. Types are compared token by token, as rustc would see them written.
fn check_unique_from(errors: &mut Accumulator, defs: &[ErrorDef<'_>]) {
    let mut seen: Vec<(&syn::Type, &str)> = Vec::new();
    for def in defs {
        for field in def.fields.iter().filter(|f| matches!(f.role, Role::From)) {
            match seen.iter().find(|(ty, _)| crate::ty::same_type(ty, field.ty)) {
                Some((_, first)) => errors.push(
                    Error::custom(format!(
                        "`{}` converts `from` `{}`, as `{first}` already does: `From<{}>` can be implemented once",
                        def.name,
                        crate::ty::type_name(field.ty),
                        crate::ty::type_name(field.ty),
                    ))
                    .with_span(&field.ty),
                ),
                None => seen.push((field.ty, def.name.as_str())),
            }
        }
    }
}

/// Rule: an error has at most one field of the role `key` names (`source`, `field_errors`).
fn check_single_role(
    errors: &mut Accumulator,
    fields: &[ast::Field],
    key: &str,
    has_role: fn(&ast::Field) -> bool,
) {
    for field in fields.iter().filter(|f| has_role(f)).skip(1) {
        errors.push(
            Error::custom(format!("only one field can be `{key}`")).with_span(&field_span(field)),
        );
    }
}

fn field_span(field: &ast::Field) -> Span {
    match &field.ident {
        Some(ident) => ident.span(),
        None => field.ty.span(),
    }
}

/// Rule: a template shows only fields that exist and are not `skip`.
fn check_template(
    errors: &mut Accumulator,
    template: &Template,
    style: Style,
    fields: &[FieldDef<'_>],
) {
    for member in &template.members {
        let field = fields.iter().find(|field| &field.member == member);
        let problem = match (member, field) {
            (_, Some(field)) if matches!(field.role, Role::Skip) => Some(format!(
                "`{{{member}}}` is a `skip` field, which is never shown"
            )),
            (_, Some(_)) => None,
            (Member::Index(_), None) if style != Style::Tuple => Some(format!(
                "`{{{member}}}`: this error has no tuple fields, name a field instead"
            )),
            (Member::Index(index), None) => Some(format!(
                "`{{{index}}}`: this error has {} field(s)",
                fields.len()
            )),
            (Member::Named(name), None) => {
                let known = fields
                    .iter()
                    .filter_map(|f| match &f.member {
                        Member::Named(name) => Some(name.as_str()),
                        Member::Index(_) => None,
                    })
                    .collect::<Vec<_>>();
                Some(match known.as_slice() {
                    [] => format!("`{{{name}}}`: this error has no field named `{name}`"),
                    known => format!(
                        "`{{{name}}}`: this error has no field named `{name}` (fields: {})",
                        known.join(", ")
                    ),
                })
            }
        };
        if let Some(problem) = problem {
            errors.push(Error::custom(problem).with_span(&template.lit));
        }
    }
}

/// Rule: within one enum, no two variants share a `code` or an `errcode`.
fn check_unique<'a>(errors: &mut Accumulator, variants: impl Iterator<Item = &'a ErrorAttrs>) {
    let mut codes: HashMap<i64, Span> = HashMap::new();
    let mut errcodes: HashMap<String, Span> = HashMap::new();
    for attrs in variants {
        if let Some(lit) = &attrs.code
            && let Some(code) = lit.parse::<i64>()
        {
            match codes.get(&code) {
                Some(first) => duplicate(errors, "code", &lit.digits, *first, lit.span),
                None => {
                    codes.insert(code, lit.span);
                }
            }
        }
        if let Some(lit) = &attrs.errcode {
            match errcodes.get(&lit.value()) {
                Some(first) => duplicate(errors, "errcode", &lit.value(), *first, lit.span()),
                None => {
                    errcodes.insert(lit.value(), lit.span());
                }
            }
        }
    }
}

fn duplicate(errors: &mut Accumulator, key: &str, value: &str, first: Span, second: Span) {
    errors.push(
        Error::custom(format!(
            "duplicate {key} {value}: another variant already uses it"
        ))
        .with_span(&second),
    );
    errors.push(Error::custom(format!("{key} {value} first used here")).with_span(&first));
}

/// Rule: the names the inherent impl generates from variants (`expand::constructors`: a
/// constructor per variant, a constant per unit variant) differ from each other and from the
/// names it generates anyway; rustc would otherwise report "duplicate definitions" without
/// saying which variant is to blame.
fn check_generated_names(errors: &mut Accumulator, variants: &[ast::Variant]) {
    let mut constructors: HashMap<String, &syn::Ident> = HashMap::new();
    let mut constants: HashMap<String, &syn::Ident> = HashMap::new();
    for variant in variants {
        let ident = &variant.ident;
        let constructor = model::constructor_name(ident);
        // Two variants of one snake_case name also clash on their constant: saying it once
        // is enough, so the constant is checked only when the constructor is fine.
        let clash = if model::GENERATED_METHODS.contains(&constructor.as_str()) {
            Some(format!(
                "variant `{ident}` would generate the constructor `{constructor}`, which every \
                 error type already has: rename the variant"
            ))
        } else if constructor == "new" {
            Some(format!(
                "variant `{ident}` would generate the constructor `new`, which reads as the \
                 constructor of the whole type: rename the variant"
            ))
        } else if let Some(first) = first_use(&mut constructors, constructor.clone(), ident) {
            Some(format!(
                "variants `{first}` and `{ident}` would both generate the constructor \
                 `{constructor}`: rename one of them"
            ))
        } else if variant.fields.style == Style::Unit {
            let constant = model::constant_name(ident);
            if model::TYPE_CONSTANTS.contains(&constant.as_str()) {
                Some(format!(
                    "variant `{ident}` would generate the constant `{constant}`, which would \
                     hide `errwire::Catalog::{constant}`: rename the variant"
                ))
            } else {
                first_use(&mut constants, constant.clone(), ident).map(|first| {
                    format!(
                        "variants `{first}` and `{ident}` would both generate the constant \
                         `{constant}`: rename one of them"
                    )
                })
            }
        } else {
            None
        };
        if let Some(clash) = clash {
            errors.push(Error::custom(clash).with_span(ident));
        }
    }
}

/// The variant that first took `name`, if one did; else `ident` takes it.
fn first_use<'a>(
    taken: &mut HashMap<String, &'a syn::Ident>,
    name: String,
    ident: &'a syn::Ident,
) -> Option<&'a syn::Ident> {
    match taken.entry(name) {
        Entry::Occupied(first) => Some(*first.get()),
        Entry::Vacant(slot) => {
            slot.insert(ident);
            None
        }
    }
}
