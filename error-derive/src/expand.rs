//! Code generation from the validated model. Everything is named by absolute path, locals are
//! `__`-prefixed, and optional parts are left out rather than emitted empty, so that
//! `cargo expand` shows code a person could have written.

use std::collections::HashMap;

use darling::FromDeriveInput;
use darling::ast::Style;
use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;

use crate::ast::{Input, InstanceValue};
use crate::fallback;
use crate::model::{ErrorDef, FieldDef, Kind, Model};
use crate::valid;

/// Which integrations to implement: error-core turns them on through this crate's features.
#[derive(Clone, Copy, Debug, Default)]
pub struct Integrations {
    pub axum: bool,
    pub utoipa: bool,
}

impl Integrations {
    /// The integrations this build of the derive was compiled with.
    pub const ENABLED: Integrations = Integrations {
        axum: cfg!(feature = "axum"),
        utoipa: cfg!(feature = "utoipa"),
    };
}

/// The derive: parse, validate, generate; on any mistake, every error plus stub impls.
pub fn derive(input: &syn::DeriveInput) -> TokenStream {
    derive_with(input, Integrations::ENABLED)
}

/// The derive with the given integrations, whatever the features (for the snapshots).
pub fn derive_with(input: &syn::DeriveInput, integrations: Integrations) -> TokenStream {
    let parsed = match Input::from_derive_input(input) {
        Ok(parsed) => parsed,
        Err(errors) => return fallback::expand(input, errors),
    };
    match valid::validate(&parsed) {
        Ok(model) => expand(&model, integrations),
        Err(errors) => fallback::expand(input, errors),
    }
}

pub fn expand(model: &Model<'_>, integrations: Integrations) -> TokenStream {
    let catalog = catalog_impl(model);
    let api_error = api_error_impl(model);
    let display = display_impl(model);
    let error = error_impl(model);
    let serialize = serialize_impl(model);
    let classify = classify_impl(model);
    let inherent = inherent_impl(model);
    let axum = integrations.axum.then(|| axum_impl(model));
    let utoipa = integrations.utoipa.then(|| utoipa_impl(model));
    quote! {
        #catalog
        #api_error
        #display
        #error
        #serialize
        #classify
        #inherent
        #axum
        #utoipa
    }
}

fn catalog_impl(model: &Model<'_>) -> TokenStream {
    let ident = model.ident;
    let (impl_generics, ty_generics, where_clause) = model.generics.split_for_impl();
    match model.kind {
        Kind::Struct => {
            let descriptor = model.errors.first().map(|def| {
                descriptor_literal(&descriptor_fields(def, &mut Shared::inline()), None)
            });
            quote! {
                #[automatically_derived]
                impl #impl_generics ::error_core::Described for #ident #ty_generics #where_clause {
                    const DESCRIPTOR: &'static ::error_core::ErrorDescriptor = &#descriptor;
                }

                #[automatically_derived]
                impl #impl_generics ::error_core::Catalog for #ident #ty_generics #where_clause {
                    const ERRORS: &'static [::error_core::ErrorDescriptor] =
                        ::core::slice::from_ref(<Self as ::error_core::Described>::DESCRIPTOR);
                }
            }
        }
        Kind::Enum => {
            // What many errors have alike (the module, field lists, statuses) is written once
            // as a constant they all name: less for rustc to check and evaluate.
            let mut shared = Shared::default();
            let all: Vec<DescriptorFields> = model
                .errors
                .iter()
                .map(|def| descriptor_fields(def, &mut shared))
                .collect();
            let (base, descriptors) = match all.as_slice() {
                [one] => (None, vec![descriptor_literal(one, None)]),
                _ => {
                    let (base, descriptors) = descriptors_from_base(&all);
                    (Some(base), descriptors)
                }
            };
            let consts = shared.items;
            quote! {
                #[automatically_derived]
                impl #impl_generics ::error_core::Catalog for #ident #ty_generics #where_clause {
                    const ERRORS: &'static [::error_core::ErrorDescriptor] = {
                        #(#consts)*
                        #base
                        &[#(#descriptors),*]
                    };
                }
            }
        }
    }
}

/// Constants shared by the descriptors of an enum's errors, each written once.
#[derive(Default)]
struct Shared {
    /// Each constant's name, by its value as text.
    known: HashMap<String, syn::Ident>,
    items: Vec<TokenStream>,
    /// Values written where they are used: one descriptor has nothing to share.
    inline: bool,
}

impl Shared {
    fn inline() -> Self {
        Shared {
            inline: true,
            ..Shared::default()
        }
    }

    /// The name of a constant of type `ty` holding `value`, declared as `name` the first time
    /// it is asked for (`name` must differ for different values); `value` itself when inline.
    fn constant(&mut self, name: syn::Ident, ty: TokenStream, value: TokenStream) -> TokenStream {
        if self.inline {
            return value;
        }
        let key = value.to_string();
        if let Some(ident) = self.known.get(&key) {
            return quote!(#ident);
        }
        self.items.push(quote!(const #name: #ty = #value;));
        self.known.insert(key, name.clone());
        quote!(#name)
    }

    /// A fresh name for a list of fields.
    fn fields_name(&self) -> syn::Ident {
        format_ident!("__FIELDS{}", self.known.len())
    }
}

fn descriptor_fields(def: &ErrorDef<'_>, shared: &mut Shared) -> DescriptorFields {
    let parent = def
        .parent
        .map(|parent| quote!(<#parent as ::error_core::Described>::DESCRIPTOR));
    // A value the error leaves unset is its parent's, or absent.
    let inherited = |field: TokenStream| match &parent {
        Some(parent) => quote!(#parent.#field),
        None => quote!(::core::option::Option::None),
    };
    let name = &def.name;
    let code = match def.code {
        Some(code) => {
            let code = proc_macro2::Literal::i64_unsuffixed(code);
            quote!(::core::option::Option::Some(#code))
        }
        None => quote!(::core::option::Option::None),
    };
    let status = match (def.status, &parent) {
        (Some(status), _) => {
            let status = proc_macro2::Literal::u16_unsuffixed(status);
            shared.constant(
                format_ident!("__STATUS_{}", status.to_string()),
                quote!(::error_core::__private::http::StatusCode),
                quote!(::error_core::__private::status(#status)),
            )
        }
        (None, Some(parent)) => quote!(#parent.status),
        // Unreachable: validation demands `http` or `parent`.
        (None, None) => quote!(::error_core::__private::status(500)),
    };
    let errcode = some_str(def.errcode.as_deref());
    let error_type = match &def.error_type {
        Some(error_type) => some_str(Some(error_type)),
        None => inherited(quote!(error_type)),
    };
    let error_subtype = match &def.error_subtype {
        Some(subtype) => some_str(Some(subtype)),
        None => inherited(quote!(error_subtype)),
    };
    let message = match (&def.message, &parent) {
        (Some(template), _) => {
            let text = template.lit.value();
            quote!(#text)
        }
        (None, Some(parent)) => quote!(#parent.message),
        (None, None) => quote!(""),
    };
    let doc = &def.doc;
    let format = match (def.format, &parent) {
        (Some(format), _) => {
            let variant = format_ident!("{}", format.variant_name());
            quote!(::error_core::WireFormat::#variant)
        }
        (None, Some(parent)) => quote!(#parent.format),
        (None, None) => quote!(::error_core::WireFormat::Problem),
    };
    let fields = def.fields.iter().map(field_descriptor);
    let fields = shared.constant(
        shared.fields_name(),
        quote!(&'static [::error_core::FieldDescriptor]),
        quote!(&[#(#fields),*]),
    );
    let module = shared.constant(
        format_ident!("__MODULE"),
        quote!(&'static ::core::primitive::str),
        quote!(::core::module_path!()),
    );
    let parent_value = match &parent {
        Some(parent) => quote!(::core::option::Option::Some(#parent)),
        None => quote!(::core::option::Option::None),
    };
    let headers = match def.headers {
        Some(hook) => {
            // Spanned on the path, so a function of the wrong signature is shown there.
            let cast = quote_spanned!(hook.span()=> #hook as ::error_core::HeaderHook);
            quote!(::core::option::Option::Some(#cast))
        }
        None => inherited(quote!(headers)),
    };
    [
        ("name", quote!(#name)),
        ("module", module),
        ("code", code),
        ("status", status),
        ("errcode", errcode),
        ("error_type", error_type),
        ("error_subtype", error_subtype),
        ("message", message),
        ("doc", quote!(#doc)),
        ("format", format),
        ("fields", fields),
        ("parent", parent_value),
        ("headers", headers),
    ]
}

/// An `ErrorDescriptor` literal of the given fields, the others taken from `base`.
fn descriptor_literal<'f>(
    fields: impl IntoIterator<Item = &'f (&'static str, TokenStream)>,
    base: Option<&syn::Ident>,
) -> TokenStream {
    let fields = fields.into_iter().map(|(name, value)| {
        let name = format_ident!("{name}");
        quote!(#name: #value,)
    });
    let base = base.map(|base| quote!(..#base));
    quote!(::error_core::ErrorDescriptor { #(#fields)* #base })
}

/// An enum's descriptors, each spelling out only what differs from a shared `__BASE`
/// descriptor of the values most errors have: a tenth of the tokens for rustc to check in a
/// catalog of one shape. Returns the `__BASE` item and the descriptors.
fn descriptors_from_base(all: &[DescriptorFields]) -> (TokenStream, Vec<TokenStream>) {
    let base_ident = format_ident!("__BASE");
    let keys: Vec<Vec<String>> = all
        .iter()
        .map(|fields| fields.iter().map(|(_, value)| value.to_string()).collect())
        .collect();
    let names = all
        .first()
        .map(|fields| fields.each_ref().map(|(name, _)| *name));
    let base: Vec<(&'static str, TokenStream, String)> = names
        .into_iter()
        .flatten()
        .enumerate()
        .map(|(position, name)| {
            let mut counts: HashMap<&str, (usize, usize)> = HashMap::new();
            for (error, key) in keys.iter().enumerate() {
                counts.entry(key[position].as_str()).or_insert((0, error)).0 += 1;
            }
            // The value most errors share (the first such on a tie); a name is never shared,
            // and a value no two errors share is written where it is used.
            let common = counts
                .into_values()
                .filter(|&(count, _)| count > 1 && name != "name")
                .max_by_key(|&(count, first)| (count, std::cmp::Reverse(first)));
            match common {
                Some((_, error)) => (
                    name,
                    all[error][position].1.clone(),
                    keys[error][position].clone(),
                ),
                None => {
                    let default = descriptor_default(name);
                    let key = default.to_string();
                    (name, default, key)
                }
            }
        })
        .collect();
    let base_fields: Vec<(&'static str, TokenStream)> = base
        .iter()
        .map(|(name, value, _)| (*name, value.clone()))
        .collect();
    let base_literal = descriptor_literal(&base_fields, None);
    let base_item = quote!(const #base_ident: ::error_core::ErrorDescriptor = #base_literal;);
    let descriptors = all
        .iter()
        .zip(&keys)
        .map(|(fields, keys)| {
            let differing = fields
                .iter()
                .zip(keys)
                .zip(&base)
                .filter(|((_, key), (_, _, base_key))| *key != base_key)
                .map(|((field, _), _)| field);
            descriptor_literal(differing, Some(&base_ident))
        })
        .collect();
    (base_item, descriptors)
}

/// An `ErrorDescriptor`'s fields in declaration order, each with its value.
type DescriptorFields = [(&'static str, TokenStream); 13];

/// What `__BASE` holds for a value no two errors share.
fn descriptor_default(field: &str) -> TokenStream {
    match field {
        "name" | "message" | "doc" => quote!(""),
        "module" => quote!(::core::module_path!()),
        "status" => quote!(::error_core::__private::status(500)),
        "format" => quote!(::error_core::WireFormat::Problem),
        "fields" => quote!(&[]),
        _ => quote!(::core::option::Option::None),
    }
}

fn field_descriptor(field: &FieldDef<'_>) -> TokenStream {
    let name = field.member.to_string();
    let ty = type_name(field.ty);
    let role = match (&field.extra, &field.header) {
        (Some(wire_name), Some((header, _))) => {
            quote!(ExtraAndHeader { wire_name: #wire_name, header: #header })
        }
        (Some(wire_name), None) => quote!(Extra { wire_name: #wire_name }),
        (None, Some((header, _))) => quote!(Header { header: #header }),
        (None, None) if field.source => quote!(Source),
        (None, None) if field.flatten => quote!(Flatten),
        (None, None) if field.headers => quote!(Headers),
        (None, None) if field.value.is_some() => {
            let role = format_ident!("{}", field.value.map_or("Status", InstanceValue::role));
            quote!(#role)
        }
        (None, None) if field.skip => quote!(Skip),
        (None, None) => quote!(Context),
    };
    quote!(::error_core::FieldDescriptor { name: #name, ty: #ty, role: ::error_core::FieldRole::#role })
}

/// A type as a person writes it: `Option<u64>`, not `Option < u64 >`.
fn type_name(ty: &syn::Type) -> String {
    let spaced = quote!(#ty).to_string();
    let mut name = String::with_capacity(spaced.len());
    let mut chars = spaced.chars().peekable();
    while let Some(c) = chars.next() {
        if c == ' ' {
            let prev = name.chars().last();
            let next = chars.peek().copied();
            let glued = matches!(prev, Some('<' | '&' | '(' | '[' | ':'))
                || matches!(next, Some('<' | '>' | ',' | ')' | ']' | ':' | ';'))
                || (prev == Some('>') && next != Some('+'));
            let keep = prev == Some(',') || prev == Some(';') || !glued;
            if keep {
                name.push(' ');
            }
        } else {
            name.push(c);
        }
    }
    name
}

fn some_str(value: Option<&str>) -> TokenStream {
    match value {
        Some(value) => quote!(::core::option::Option::Some(#value)),
        None => quote!(::core::option::Option::None),
    }
}

fn api_error_impl(model: &Model<'_>) -> TokenStream {
    let ident = model.ident;
    let (impl_generics, ty_generics, where_clause) = model.generics.split_for_impl();
    let descriptor = match model.kind {
        Kind::Struct => quote!(<Self as ::error_core::Described>::DESCRIPTOR),
        Kind::Enum => {
            // One mention of `ERRORS`: each mention of a constant is evaluated and walked
            // again, which made catalogs of thousands of errors slow to compile.
            let arms = model.errors.iter().enumerate().map(|(index, def)| {
                let pattern = pattern(model, def, &[], true);
                let index = proc_macro2::Literal::usize_unsuffixed(index);
                quote!(#pattern => #index,)
            });
            quote! {
                let __index = match self { #(#arms)* };
                &<Self as ::error_core::Catalog>::ERRORS[__index]
            }
        }
    };
    let instance = instance_fn(model);
    let message_text = message_text_fn(model);
    let headers = headers_fn(model);
    let extra = serialize_extra_fn(model);
    let no_flatten = model
        .errors
        .iter()
        .all(|def| def.fields.iter().all(|field| !field.flatten))
        .then(|| {
            quote! {
                fn has_flatten(&self) -> bool {
                    false
                }
            }
        });
    quote! {
        #[automatically_derived]
        impl #impl_generics ::error_core::ApiError for #ident #ty_generics #where_clause {
            fn descriptor(&self) -> &'static ::error_core::ErrorDescriptor {
                #descriptor
            }
            #no_flatten
            #message_text
            #instance
            #headers
            #extra
        }
    }
}

/// `message_text`, for the errors whose message is fixed text (a template without fields,
/// or a parent's inherited as written), so bodies write it without formatting.
fn message_text_fn(model: &Model<'_>) -> Option<TokenStream> {
    let body = per_error(model, quote!(::core::option::Option::None), |def| {
        if def.display.is_some() {
            return None;
        }
        let text = match &def.message {
            Some(template) if template.members.is_empty() => {
                let text = &template.literal_text;
                quote!(#text)
            }
            Some(_) => return None,
            None => quote!(::error_core::ApiError::descriptor(self).message),
        };
        Some((Vec::new(), quote!(::core::option::Option::Some(#text))))
    })?;
    Some(quote! {
        fn message_text(&self) -> ::core::option::Option<&::core::primitive::str> {
            #body
        }
    })
}

fn instance_fn(model: &Model<'_>) -> Option<TokenStream> {
    let body = per_error(model, quote!(::error_core::Instance::NONE), |def| {
        let fields = def
            .fields
            .iter()
            .filter(|f| f.value.is_some())
            .collect::<Vec<_>>();
        if fields.is_empty() {
            return None;
        }
        let values = fields.iter().map(|field| {
            let binding = binding(field);
            let value = field.value.unwrap_or(InstanceValue::Status);
            let key = format_ident!("{}", value.key());
            let read = match value {
                InstanceValue::Status => {
                    quote!(::error_core::__private::StatusField::to_status(#binding))
                }
                InstanceValue::Code => {
                    quote!(::error_core::__private::CodeField::to_code(#binding))
                }
                _ => quote!(::error_core::__private::TextField::to_text(#binding)),
            };
            quote!(#key: #read,)
        });
        Some((
            fields.clone(),
            quote! {
                ::error_core::Instance {
                    #(#values)*
                    ..::error_core::Instance::NONE
                }
            },
        ))
    })?;
    Some(quote! {
        fn instance(&self) -> ::error_core::Instance<'_> {
            #body
        }
    })
}

fn headers_fn(model: &Model<'_>) -> Option<TokenStream> {
    let body = per_error(model, quote!({}), |def| {
        let fields = def
            .fields
            .iter()
            .filter(|f| f.header.is_some() || f.headers)
            .collect::<Vec<_>>();
        if fields.is_empty() {
            return None;
        }
        let inserts = fields.iter().map(|field| {
            with_value(field, field.option_inner().is_some(), |value| match &field.header {
                Some((name, with)) => {
                    let value = match with {
                        Some(with) => quote!(&#with(#value)),
                        None => value,
                    };
                    let lowercase = name.to_ascii_lowercase();
                    // Spanned at the field's type, so a type that is no header value is
                    // reported there.
                    let header_value = quote_spanned! {field.ty.span()=>
                        (&::error_core::__private::HeaderOf(#value)).header_value(#name)
                    };
                    quote! {
                        if let ::core::option::Option::Some(__header) = {
                            use ::error_core::__private::{
                                DisplayHeaderValue as _, IntegerHeaderValue as _,
                            };
                            #header_value?
                        } {
                            ::error_core::__private::insert_field_header(
                                __headers,
                                const { ::error_core::__private::http::HeaderName::from_static(#lowercase) },
                                __header,
                            );
                        }
                    }
                }
                None => quote! {
                    for (__name, __value) in #value {
                        ::error_core::__private::insert_header(
                            __headers,
                            ::core::convert::AsRef::<::core::primitive::str>::as_ref(__name),
                            __value,
                        )?;
                    }
                },
            })
        });
        Some((fields.clone(), quote!({ #(#inserts)* })))
    })?;
    Some(quote! {
        fn write_field_headers(
            &self,
            __headers: &mut ::error_core::__private::http::HeaderMap,
        ) -> ::core::result::Result<(), ::error_core::RenderError> {
            #body
            ::core::result::Result::Ok(())
        }
    })
}

fn serialize_extra_fn(model: &Model<'_>) -> Option<TokenStream> {
    let body = per_error(model, quote!({}), |def| {
        let fields = def
            .fields
            .iter()
            .filter(|f| f.extra.is_some() || f.flatten)
            .collect::<Vec<_>>();
        if fields.is_empty() {
            return None;
        }
        let entries = fields.iter().map(|field| body_entries(field));
        Some((fields.clone(), quote!({ #(#entries)* })))
    })?;
    Some(quote! {
        fn serialize_extra<__M: ::error_core::__private::serde::ser::SerializeMap>(
            &self,
            __map: &mut __M,
        ) -> ::core::result::Result<(), __M::Error> {
            #body
            ::core::result::Result::Ok(())
        }
    })
}

/// The body members of one field: one entry for `extra` (none for a `None` that is not
/// `nullable`), every entry of the map for `flatten`.
fn body_entries(field: &FieldDef<'_>) -> TokenStream {
    let unwrap = field.option_inner().is_some() && !field.nullable;
    with_value(field, unwrap, |value| match &field.extra {
        Some(key) if !field.flatten => quote! {
            ::error_core::__private::serde::ser::SerializeMap::serialize_entry(__map, #key, #value)?;
        },
        _ => quote! {
            for (__key, __value) in #value {
                ::error_core::__private::serde::ser::SerializeMap::serialize_entry(__map, __key, __value)?;
            }
        },
    })
}

/// `use_value` applied to the field's value: with `unwrap` (an `Option` field), only when it
/// is `Some`, to what it holds.
fn with_value(
    field: &FieldDef<'_>,
    unwrap: bool,
    use_value: impl FnOnce(TokenStream) -> TokenStream,
) -> TokenStream {
    let binding = binding(field);
    if unwrap {
        let used = use_value(quote!(__value));
        quote! {
            if let ::core::option::Option::Some(__value) = #binding {
                #used
            }
        }
    } else {
        use_value(binding)
    }
}

fn display_impl(model: &Model<'_>) -> TokenStream {
    let ident = model.ident;
    let (impl_generics, ty_generics, where_clause) = model.generics.split_for_impl();
    let body = per_error(model, TokenStream::new(), |def| {
        if let Some(display) = def.display {
            return Some((Vec::new(), quote!(#display(self, __formatter))));
        }
        Some(match &def.message {
            Some(template) if template.members.is_empty() => {
                let text = &template.literal_text;
                (Vec::new(), quote!(__formatter.write_str(#text)))
            }
            Some(template) if template.plain => {
                // The template is the descriptor's `message`; errors showing the same fields
                // then share one arm, whatever their text.
                let (fields, values): (Vec<_>, Vec<_>) = template
                    .members
                    .iter()
                    .filter_map(|member| {
                        let field = def.field(member)?;
                        let (name, binding) = (member.to_string(), binding(field));
                        let value = quote_spanned!(template.lit.span()=> #binding as &dyn ::core::fmt::Display);
                        Some((field, quote!((#name, #value))))
                    })
                    .unzip();
                let body = quote! {
                    ::error_core::__private::write_template(
                        __formatter,
                        ::error_core::ApiError::descriptor(self).message,
                        &[#(#values),*],
                    )
                };
                (fields, body)
            }
            Some(template) => {
                let fields = template
                    .members
                    .iter()
                    .filter_map(|m| def.field(m))
                    .collect();
                let format = syn::LitStr::new(&template.format, template.lit.span());
                (fields, quote!(::core::write!(__formatter, #format)))
            }
            // Inherited from the parent: shown as written there.
            None => (
                Vec::new(),
                quote!(__formatter.write_str(::error_core::ApiError::descriptor(self).message)),
            ),
        })
    });
    quote! {
        #[automatically_derived]
        impl #impl_generics ::core::fmt::Display for #ident #ty_generics #where_clause {
            fn fmt(&self, __formatter: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                #body
            }
        }
    }
}

fn error_impl(model: &Model<'_>) -> TokenStream {
    let ident = model.ident;
    let (impl_generics, ty_generics, where_clause) = model.generics.split_for_impl();
    let source = per_error(model, quote!(::core::option::Option::None), |def| {
        let field = def.fields.iter().find(|f| f.source)?;
        let binding = binding(field);
        let dyn_error = |value: TokenStream, ty: &syn::Type| {
            quote_spanned!(ty.span()=> #value.as_dyn_error())
        };
        let body = match field.option_inner() {
            Some(inner) => {
                let value = dyn_error(quote!(__source), inner);
                quote!(::core::option::Option::map(::core::option::Option::as_ref(#binding), |__source| #value))
            }
            None => {
                let value = dyn_error(binding, field.ty);
                quote!(::core::option::Option::Some(#value))
            }
        };
        Some((
            vec![field],
            quote!({
                use ::error_core::__private::AsDynError as _;
                #body
            }),
        ))
    })
    .map(|body| {
        quote! {
            fn source(&self) -> ::core::option::Option<&(dyn ::core::error::Error + 'static)> {
                #body
            }
        }
    });
    quote! {
        #[automatically_derived]
        impl #impl_generics ::core::error::Error for #ident #ty_generics #where_clause {
            #source
        }
    }
}

fn serialize_impl(model: &Model<'_>) -> TokenStream {
    let ident = model.ident;
    let (impl_generics, ty_generics, where_clause) = model.generics.split_for_impl();
    quote! {
        #[automatically_derived]
        impl #impl_generics ::error_core::__private::serde::Serialize for #ident #ty_generics #where_clause {
            fn serialize<__S: ::error_core::__private::serde::Serializer>(
                &self,
                __serializer: __S,
            ) -> ::core::result::Result<__S::Ok, __S::Error> {
                ::error_core::__private::serialize_native(self, __serializer)
            }
        }
    }
}

fn classify_impl(model: &Model<'_>) -> TokenStream {
    let ident = model.ident;
    let (impl_generics, ty_generics, where_clause) = model.generics.split_for_impl();
    let by_code = model.errors.iter().enumerate().filter_map(|(index, def)| {
        let code = proc_macro2::Literal::i64_unsuffixed(def.code?);
        let index = proc_macro2::Literal::usize_unsuffixed(index);
        Some(quote!(#code => ::core::option::Option::Some(#index),))
    });
    let by_errcode = errcode_lookup(model);
    let mut fillers = Fillers::new(model);
    // Errors whose fields are filled alike (same types from the same members) share one arm
    // that fills them once and then picks the error to build: much less for rustc to check
    // than an arm each when a catalog has thousands of errors of a few shapes.
    let mut keyed = Vec::new();
    for (index, def) in model.errors.iter().enumerate() {
        let (values, built) = from_wire(model, def, &mut fillers);
        keyed.push((quote!(#(#values;)*).to_string(), (values, index, built)));
    }
    let shapes = group_by_key(keyed).into_iter().filter_map(|group| {
        let mut group = group.into_iter();
        let (values, index, built) = group.next()?;
        let errors = std::iter::once((index, built))
            .chain(group.map(|(_, index, built)| (index, built)))
            .collect();
        Some(Shape { values, errors })
    });
    let arms: Vec<TokenStream> = shapes
        .map(|Shape { values, errors }| match errors.as_slice() {
            [(index, built)] => {
                let index = proc_macro2::Literal::usize_unsuffixed(*index);
                let filled = when_filled(&values, built);
                quote!(#index => #filled,)
            }
            _ => {
                let indices = index_patterns(errors.iter().map(|(index, _)| *index));
                let picks = errors.iter().map(|(index, built)| {
                    let index = proc_macro2::Literal::usize_unsuffixed(*index);
                    quote!(#index => #built,)
                });
                let filled = when_filled(
                    &values,
                    &quote! {
                        match __index {
                            #(#picks)*
                            _ => return ::core::option::Option::None,
                        }
                    },
                );
                quote!(#indices => #filled,)
            }
        })
        .collect();
    let helpers = fillers.helpers;
    quote! {
        #[automatically_derived]
        impl #impl_generics ::error_core::Classify for #ident #ty_generics #where_clause {
            fn index_by_code(__code: i64) -> ::core::option::Option<usize> {
                match __code {
                    #(#by_code)*
                    _ => ::core::option::Option::None,
                }
            }

            fn index_by_errcode(__errcode: &::core::primitive::str) -> ::core::option::Option<usize> {
                #by_errcode
            }

            fn from_index(
                __index: usize,
                __wire: &dyn ::error_core::wire::ReceivedBody,
            ) -> ::core::option::Option<Self> {
                #(#helpers)*
                match __index {
                    #(#arms)*
                    _ => ::core::option::Option::None,
                }
            }
        }
    }
}

/// Errors whose fields are filled alike in `from_index`: the field values, and each error's
/// index and how it is built from them.
struct Shape {
    values: Vec<TokenStream>,
    errors: Vec<(usize, TokenStream)>,
}

/// A pattern matching the given ascending indices, runs written as ranges: `0..=999 | 1200`.
/// Ten thousand literal alternatives cost rustc seconds; a range costs nothing.
fn index_patterns(indices: impl IntoIterator<Item = usize>) -> TokenStream {
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for index in indices {
        match runs.last_mut() {
            Some((_, last)) if *last + 1 == index => *last = index,
            _ => runs.push((index, index)),
        }
    }
    let runs = runs.into_iter().map(|(first, last)| {
        let from = proc_macro2::Literal::usize_unsuffixed(first);
        if first == last {
            return quote!(#from);
        }
        let to = proc_macro2::Literal::usize_unsuffixed(last);
        quote!(#from..=#to)
    });
    quote!(#(#runs)|*)
}

/// An open-addressing table of the errcodes, built here: the errcode's hash picks a slot, and
/// the few slots after it are probed until the errcode or an empty slot. At least half the
/// slots are empty, so a lookup costs the same whatever the catalog's size.
fn errcode_lookup(model: &Model<'_>) -> TokenStream {
    let errcodes: Vec<(usize, &str)> = model
        .errors
        .iter()
        .enumerate()
        .filter_map(|(index, def)| Some((index, def.errcode.as_deref()?)))
        .collect();
    if errcodes.is_empty() {
        return quote! {
            let _ = __errcode;
            ::core::option::Option::None
        };
    }
    let slots = errcode_slots(&errcodes);
    let size = slots.len();
    let slots = slots
        .iter()
        .map(|slot| proc_macro2::Literal::u32_unsuffixed(*slot));
    let size_literal = proc_macro2::Literal::usize_unsuffixed(size);
    let mask = proc_macro2::Literal::usize_unsuffixed(size - 1);
    quote! {
        // Each slot holds 1 + the index of an error in `ERRORS`, or 0 when empty.
        const __SLOTS: [u32; #size_literal] = [#(#slots),*];
        let mut __slot = ::error_core::__private::errcode_hash(__errcode) as usize & #mask;
        loop {
            let __index = match __SLOTS[__slot] {
                0 => return ::core::option::Option::None,
                __entry => __entry as usize - 1,
            };
            if <Self as ::error_core::Catalog>::ERRORS[__index].errcode
                == ::core::option::Option::Some(__errcode)
            {
                return ::core::option::Option::Some(__index);
            }
            __slot = (__slot + 1) & #mask;
        }
    }
}

/// The table of `errcode_lookup`: at least twice as many slots as errcodes, each holding
/// 1 + the index of the errcode whose hash picked it (or the next free one), 0 when empty.
fn errcode_slots(errcodes: &[(usize, &str)]) -> Vec<u32> {
    let size = (errcodes.len() * 2).next_power_of_two();
    let mut slots = vec![0u32; size];
    for (index, errcode) in errcodes {
        // Truncation is the point: the low bits of the hash pick the slot.
        #[allow(clippy::cast_possible_truncation)]
        let mut slot = errcode_hash(errcode) as usize & (size - 1);
        while slots[slot] != 0 {
            slot = (slot + 1) & (size - 1);
        }
        slots[slot] = u32::try_from(index + 1).unwrap_or(u32::MAX);
    }
    slots
}

/// The hash `error_core::__private::errcode_hash` computes at run time (see there why so):
/// the two must agree, or lookups miss (`error-catalog/tests/round_trip.rs` looks every
/// Synapse errcode up).
fn errcode_hash(errcode: &str) -> u64 {
    const MULTIPLIER: u64 = 0x9e37_79b9_7f4a_7c15;
    let step = |hash: u64, word: u64| (hash ^ word).wrapping_mul(MULTIPLIER);
    let word_at = |bytes: &[u8]| {
        let mut word = [0u8; 8];
        word.copy_from_slice(&bytes[..8]);
        u64::from_le_bytes(word)
    };
    let bytes = errcode.as_bytes();
    let mut words = bytes.chunks_exact(8);
    let mut hash = 0xcbf2_9ce4_8422_2325 ^ bytes.len() as u64;
    for word in &mut words {
        hash = step(hash, word_at(word));
    }
    let tail = words.remainder();
    if !tail.is_empty() {
        let word = match bytes.len().checked_sub(8) {
            Some(start) => word_at(&bytes[start..]),
            None => tail
                .iter()
                .rev()
                .fold(0, |word, &byte| (word << 8) | u64::from(byte)),
        };
        hash = step(hash, word);
    }
    let hash = (hash ^ (hash >> 32)).wrapping_mul(MULTIPLIER);
    hash ^ (hash >> 32)
}

/// The functions that fill one field of each type from a body value, one per distinct type:
/// resolving autoref once per type, not once per field, keeps large catalogs quick to compile.
struct Fillers {
    /// Whether helpers can be nested functions: not when field types may name the impl's
    /// generic parameters or `Self`.
    shared: bool,
    types: Vec<String>,
    helpers: Vec<TokenStream>,
}

impl Fillers {
    fn new(model: &Model<'_>) -> Self {
        Fillers {
            shared: model.generics.params.is_empty(),
            types: Vec::new(),
            helpers: Vec::new(),
        }
    }

    /// A callable `fn(Option<Member>) -> Option<T>` for field type `ty`.
    fn filler(&mut self, ty: &syn::Type) -> TokenStream {
        let name = quote!(#ty).to_string();
        if !self.shared || name.contains("Self") {
            let fill = fill_body(ty);
            return quote!((|__value: ::core::option::Option<::error_core::__private::Member<'_>>| #fill));
        }
        let index = match self.types.iter().position(|known| *known == name) {
            Some(index) => index,
            None => {
                let ident = format_ident!("__fill{}", self.types.len());
                let fill = fill_body(ty);
                self.helpers.push(quote! {
                    fn #ident(
                        __value: ::core::option::Option<::error_core::__private::Member<'_>>,
                    ) -> ::core::option::Option<#ty> {
                        #fill
                    }
                });
                self.types.push(name);
                self.types.len() - 1
            }
        };
        let ident = format_ident!("__fill{index}");
        quote!(#ident)
    }
}

/// Fills a field of type `ty` from `__value` (see `error_core::__private::Fill`).
fn fill_body(ty: &syn::Type) -> TokenStream {
    // A borrowed type deserializes only for some lifetimes, which autoref cannot tell apart:
    // such a field takes its default, or cannot be filled.
    if quote!(#ty).to_string().contains('&') {
        return quote!({
            use ::error_core::__private::{FillLocalDefault as _, FillLocalNothing as _};
            let _ = __value;
            (&&::error_core::__private::Fill::<#ty>::new()).fill_local()
        });
    }
    quote!({
        use ::error_core::__private::{
            FillDefault as _, FillDeserialize as _, FillDeserializeOrDefault as _, FillNothing as _,
        };
        (&&&&::error_core::__private::Fill::<#ty>::new()).fill(__value)
    })
}

/// How to build the error `def` from `__wire` (see `error_core::Classify::from_index`): the
/// value of each field, and the error built from them once bound to `__v0`, `__v1`, …
fn from_wire(
    model: &Model<'_>,
    def: &ErrorDef<'_>,
    fillers: &mut Fillers,
) -> (Vec<TokenStream>, TokenStream) {
    let path = error_path(model, def);
    let claimed: Vec<&str> = def
        .fields
        .iter()
        .filter_map(|f| f.extra.as_deref())
        .collect();
    let message_field =
        def.message
            .as_ref()
            .and_then(|template| match template.members.as_slice() {
                [member] if template.format == format!("{{{}}}", member.binding_name()) => {
                    Some(member)
                }
                _ => None,
            });
    let values = def.fields.iter().map(|field| {
        let value = match (&field.extra, field.value) {
            _ if field.flatten => {
                quote!(::error_core::__private::owned(&__wire.unclaimed(&[#(#claimed),*])))
            }
            (Some(key), _) => quote!(__wire.member(#key)),
            (None, Some(value)) => {
                let key = format_ident!("{}", value.key());
                match value {
                    InstanceValue::Status | InstanceValue::Code => {
                        quote!(::error_core::__private::number(__wire.#key()))
                    }
                    _ => quote!(::error_core::__private::text(__wire.#key())),
                }
            }
            (None, None) if message_field == Some(&field.member) => {
                quote!(::error_core::__private::text(__wire.message()))
            }
            (None, None) => quote!(::core::option::Option::None),
        };
        let filler = fillers.filler(field.ty);
        quote!(#filler(#value))
    });
    // A plain `match` rather than `?` per field: the cheapest code for rustc to check when a
    // catalog has thousands of errors.
    let values: Vec<TokenStream> = values.collect();
    let bindings: Vec<syn::Ident> = (0..values.len()).map(|i| format_ident!("__v{i}")).collect();
    let built = match def.style {
        Style::Unit => path,
        Style::Tuple => quote!(#path(#(#bindings),*)),
        Style::Struct => {
            let names = def.fields.iter().map(|field| field.ident);
            quote!(#path { #(#names: #bindings),* })
        }
    };
    (values, built)
}

/// `built` once every one of `values` is `Some`, bound to `__v0`, `__v1`, …
fn when_filled(values: &[TokenStream], built: &TokenStream) -> TokenStream {
    let bindings: Vec<syn::Ident> = (0..values.len()).map(|i| format_ident!("__v{i}")).collect();
    match values {
        [] => quote!(::core::option::Option::Some(#built)),
        [value] => quote! {
            match #value {
                ::core::option::Option::Some(__v0) => ::core::option::Option::Some(#built),
                ::core::option::Option::None => ::core::option::Option::None,
            }
        },
        _ => quote! {
            match (#(#values,)*) {
                (#(::core::option::Option::Some(#bindings),)*) => ::core::option::Option::Some(#built),
                _ => ::core::option::Option::None,
            }
        },
    }
}

/// With error-core's `axum` feature: the error is a handler's error.
fn axum_impl(model: &Model<'_>) -> TokenStream {
    let ident = model.ident;
    let (impl_generics, ty_generics, where_clause) = model.generics.split_for_impl();
    quote! {
        #[automatically_derived]
        impl #impl_generics ::error_core::__private::axum::response::IntoResponse for #ident #ty_generics #where_clause {
            fn into_response(self) -> ::error_core::__private::axum::response::Response {
                ::error_core::axum::into_response(&self)
            }
        }
    }
}

/// With error-core's `utoipa` feature: the type documents its responses.
fn utoipa_impl(model: &Model<'_>) -> TokenStream {
    let ident = model.ident;
    let (impl_generics, ty_generics, where_clause) = model.generics.split_for_impl();
    quote! {
        #[automatically_derived]
        impl #impl_generics ::error_core::__private::utoipa::IntoResponses for #ident #ty_generics #where_clause {
            fn responses() -> ::error_core::__private::BTreeMap<
                ::std::string::String,
                ::error_core::__private::utoipa::openapi::RefOr<::error_core::__private::utoipa::openapi::Response>,
            > {
                ::error_core::openapi::responses::<Self>()
            }
        }
    }
}

fn inherent_impl(model: &Model<'_>) -> TokenStream {
    let ident = model.ident;
    let vis = model.vis;
    let (impl_generics, ty_generics, where_clause) = model.generics.split_for_impl();
    let constructors = model.errors.iter().map(|def| constructor(model, def));
    let constants = model
        .errors
        .iter()
        .filter(|def| def.variant.is_some() && def.style == Style::Unit)
        .map(|def| {
            let path = error_path(model, def);
            let name = format_ident!("{}", snake_case(&def.name_tail()).to_uppercase());
            let doc = format!(
                " The `{}` error: \"{}\".",
                def.name_tail(),
                def.message_text()
            );
            quote! {
                #[doc = #doc]
                #vis const #name: Self = #path;
            }
        });
    quote! {
        #[automatically_derived]
        #[allow(dead_code, clippy::too_many_arguments, clippy::new_without_default)]
        impl #impl_generics #ident #ty_generics #where_clause {
            #(#constants)*
            #(#constructors)*

            /// This error with some catalog values replaced for this instance (message,
            /// headers, subtype, detail, trace id); the catalog definition is unchanged.
            #vis fn with_overrides(self, overrides: ::error_core::Overrides) -> ::error_core::Overridden<Self> {
                ::error_core::Overridden::new(self, overrides)
            }

            /// This error with its message replaced for this instance.
            #vis fn with_message(
                self,
                message: impl ::core::convert::Into<::error_core::__private::Cow<'static, ::core::primitive::str>>,
            ) -> ::error_core::Overridden<Self> {
                ::error_core::Overridden::new(self, ::error_core::Overrides::message(message))
            }
        }
    }
}

fn constructor(model: &Model<'_>, def: &ErrorDef<'_>) -> TokenStream {
    let vis = model.vis;
    let name = match def.variant {
        Some(_) => format_ident!("{}", snake_case(&def.name_tail())),
        None => format_ident!("new"),
    };
    let path = error_path(model, def);
    let params = def.fields.iter().map(|field| {
        let param = param_ident(field);
        let ty = field.ty;
        quote!(#param: #ty)
    });
    let values = def.fields.iter().map(param_ident);
    let build = match def.style {
        Style::Unit => path,
        Style::Tuple => quote!(#path(#(#values),*)),
        Style::Struct => quote!(#path { #(#values),* }),
    };
    let doc = format!(
        " Builds the `{}` error: \"{}\".",
        def.name_tail(),
        def.message_text()
    );
    // `const` only without fields: const-checking a body that builds a value with fields
    // costs rustc time in proportion to the enum's size, for each constructor, which made
    // catalogs of thousands of errors quadratic to compile. A field-less error is what a
    // constant wants anyway.
    let constness = def.fields.is_empty().then(|| quote!(const));
    quote! {
        #[doc = #doc]
        #[inline]
        #vis #constness fn #name(#(#params),*) -> Self {
            #build
        }
    }
}

fn param_ident(field: &FieldDef<'_>) -> syn::Ident {
    match (field.ident, &field.member) {
        (Some(ident), _) => ident.clone(),
        (None, member) => format_ident!("arg{}", member.to_string()),
    }
}

/// The local a field is bound to in a generated pattern.
fn binding(field: &FieldDef<'_>) -> TokenStream {
    match field.ident {
        Some(ident) => quote!(#ident),
        None => {
            let ident = syn::Ident::new(&field.member.binding_name(), Span::call_site());
            quote!(#ident)
        }
    }
}

/// How generated code names `def`: `Type::Variant`, or `Self` for a struct. Not
/// `Self::Variant`: rustc finds a variant named through `Self` by scanning the enum's
/// variants, and a catalog of 10,000 errors names each several times.
fn error_path(model: &Model<'_>, def: &ErrorDef<'_>) -> TokenStream {
    let ident = model.ident;
    match def.variant {
        Some(variant) => quote!(#ident::#variant),
        None => quote!(Self),
    }
}

/// A pattern matching `def` that binds `fields`: `Type::Variant { name, .. }`,
/// `Type::Variant(_, __field1, ..)`, or `Self { name, .. }` for a struct.
fn pattern(
    model: &Model<'_>,
    def: &ErrorDef<'_>,
    fields: &[&FieldDef<'_>],
    rest: bool,
) -> TokenStream {
    let path = error_path(model, def);
    let rest = rest.then(|| quote!(..));
    match def.style {
        Style::Unit => path,
        Style::Struct => {
            let bindings = fields.iter().map(|field| binding(field));
            if fields.is_empty() {
                quote!(#path { #rest })
            } else {
                quote!(#path { #(#bindings,)* #rest })
            }
        }
        Style::Tuple => {
            let used = def
                .fields
                .iter()
                .rposition(|field| fields.iter().any(|f| f.member == field.member));
            let slots = def
                .fields
                .iter()
                .take(used.map_or(0, |last| last + 1))
                .map(|field| {
                    if fields.iter().any(|f| f.member == field.member) {
                        binding(field)
                    } else {
                        quote!(_)
                    }
                });
            let rest = match used {
                Some(last) if last + 1 == def.fields.len() => None,
                _ => rest,
            };
            let separator = (used.is_some() && rest.is_some()).then(|| quote!(,));
            quote!(#path(#(#slots),* #separator #rest))
        }
    }
}

/// One arm of a generated `match`: the patterns of every error it serves, and its body.
struct Arm {
    patterns: Vec<TokenStream>,
    binds_nothing: bool,
    body: TokenStream,
}

/// The most patterns one arm joins with `|`. rustc checks that the alternatives of an
/// or-pattern bind alike pair by pair, so one arm of 10,000 alternatives costs seconds; arms
/// of 64 cost what the alternatives do.
const MAX_ALTERNATIVES: usize = 64;

/// `items` grouped by their key: groups in the order of their first item, each in order.
fn group_by_key<T>(items: Vec<(String, T)>) -> Vec<Vec<T>> {
    let mut groups: Vec<Vec<T>> = Vec::new();
    let mut group_of: HashMap<String, usize> = HashMap::new();
    for (key, item) in items {
        let group = *group_of.entry(key).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[group].push(item);
    }
    groups
}

/// What makes two arms the same: their body, and the names and types of what they bind.
fn arm_key(fields: &[&FieldDef<'_>], body: &TokenStream) -> String {
    let mut key = body.to_string();
    for field in fields {
        let (binding, ty) = (binding(field), field.ty);
        key.push_str(&format!(" | {binding}: {}", quote!(#ty)));
    }
    key
}

/// Runs `arm` on every error; `None` where it has nothing to do. For a struct, the body is
/// `let <pattern> = self; …`; for an enum, a `match` with a `_ => default` arm for the errors
/// left out. Returns `None` when no error has anything to do, so the method is not emitted.
fn per_error<'m>(
    model: &'m Model<'_>,
    default: TokenStream,
    mut arm: impl FnMut(&'m ErrorDef<'m>) -> Option<(Vec<&'m FieldDef<'m>>, TokenStream)>,
) -> Option<TokenStream> {
    let mut left_out = false;
    let mut keyed = Vec::new();
    for def in &model.errors {
        let Some((fields, body)) = arm(def) else {
            left_out = true;
            continue;
        };
        let pattern = pattern(model, def, &fields, true);
        keyed.push((arm_key(&fields, &body), (pattern, fields.is_empty(), body)));
    }
    // Errors whose arm reads the same and binds fields of the same names and types share one
    // arm, their patterns joined with `|`: a catalog of a thousand errors of one shape gives
    // rustc a few bodies to check instead of a thousand.
    let arms: Vec<Arm> = group_by_key(keyed)
        .into_iter()
        .flat_map(|group| {
            let (binds_nothing, body) = group
                .first()
                .map(|(_, binds_nothing, body)| (*binds_nothing, body.clone()))
                .unwrap_or_default();
            let patterns: Vec<TokenStream> =
                group.into_iter().map(|(pattern, ..)| pattern).collect();
            patterns
                .chunks(MAX_ALTERNATIVES)
                .map(|patterns| Arm {
                    patterns: patterns.to_vec(),
                    binds_nothing,
                    body: body.clone(),
                })
                .collect::<Vec<_>>()
        })
        .collect();
    if arms.is_empty() {
        return None;
    }
    match model.kind {
        Kind::Struct => arms.into_iter().next().map(|arm| {
            let Arm {
                patterns,
                binds_nothing,
                body,
                ..
            } = arm;
            if binds_nothing {
                body
            } else {
                quote! {
                    let #(#patterns)* = self;
                    #body
                }
            }
        }),
        Kind::Enum => {
            let arms = arms
                .into_iter()
                .map(|Arm { patterns, body, .. }| quote!(#(#patterns)|* => #body,));
            let rest = left_out.then(|| quote!(_ => #default,));
            Some(quote! {
                match self {
                    #(#arms)*
                    #rest
                }
            })
        }
    }
}

/// `DoesNotExist` → `does_not_exist`; `HTTPError` → `http_error`.
fn snake_case(name: &str) -> String {
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

impl ErrorDef<'_> {
    /// The variant name, or the type name for a struct.
    fn name_tail(&self) -> String {
        match self.variant {
            Some(variant) => variant.to_string(),
            None => self.name.clone(),
        }
    }

    /// The message template for docs, or a note that it is inherited.
    fn message_text(&self) -> String {
        match &self.message {
            Some(template) => template.lit.value(),
            None => "message inherited from its parent".to_owned(),
        }
    }
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

    #[test]
    fn type_names_read_as_written() {
        let ty: syn::Type = syn::parse_quote!(BTreeMap<String, Vec<String>>);
        assert_eq!(type_name(&ty), "BTreeMap<String, Vec<String>>");
        let ty: syn::Type = syn::parse_quote!(Option<&'static str>);
        assert_eq!(type_name(&ty), "Option<&'static str>");
        let ty: syn::Type = syn::parse_quote!(Box<dyn std::error::Error + Send + Sync>);
        assert_eq!(type_name(&ty), "Box<dyn std::error::Error + Send + Sync>");
    }

    /// How many slots a lookup of each errcode reads: 1 when its own slot holds it.
    fn probe_lengths(errcodes: &[(usize, &str)]) -> Vec<usize> {
        let slots = errcode_slots(errcodes);
        let mask = slots.len() - 1;
        errcodes
            .iter()
            .map(|(index, errcode)| {
                #[allow(clippy::cast_possible_truncation)]
                let start = errcode_hash(errcode) as usize & mask;
                let found = (0..slots.len())
                    .position(|probe| slots[(start + probe) & mask] as usize == index + 1);
                found.map_or(usize::MAX, |probe| probe + 1)
            })
            .collect()
    }

    #[test]
    fn similar_errcodes_spread_over_the_table() {
        for size in [10, 1_000, 10_000] {
            let names: Vec<String> = (0..size).map(|i| format!("M_ERROR_{i}")).collect();
            let errcodes: Vec<(usize, &str)> = names
                .iter()
                .enumerate()
                .map(|(i, n)| (i, n.as_str()))
                .collect();
            let lengths = probe_lengths(&errcodes);
            let longest = lengths.iter().copied().max().unwrap_or(0);
            let mean = lengths.iter().sum::<usize>() as f64 / size as f64;
            assert!(longest <= 24, "{size} errcodes: a probe of {longest}");
            assert!(mean < 2.0, "{size} errcodes: {mean} probes on average");
        }
    }
}
