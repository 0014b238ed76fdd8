//! `Described` (a struct's one descriptor) and `Catalog` (every descriptor of the type): the
//! `ErrorDescriptor` literal of each error.
//!
//! Each field of `errwire::ErrorDescriptor` is one entry of [`KEYS`]: its name, its value
//! for an error, and what a shared `__BASE` holds when no two errors agree on it. Adding a
//! field to the descriptor is adding one entry.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;

use super::share::base::descriptors_from_base;
use super::share::constants::Shared;
use crate::model::{ErrorDef, FieldDef, Kind, Model, Role};
use crate::ty;

pub fn catalog_impl(model: &Model<'_>) -> TokenStream {
    let ident = model.ident;
    let (impl_generics, ty_generics, where_clause) = model.generics.split_for_impl();
    match model.kind {
        Kind::Struct => {
            let descriptor = model
                .errors
                .first()
                .map(|def| descriptor_literal(keyed(&values(def, &mut Shared::inline())), None));
            quote! {
                #[automatically_derived]
                impl #impl_generics __errwire::Described for #ident #ty_generics #where_clause {
                    const DESCRIPTOR: &'static __errwire::ErrorDescriptor = &#descriptor;
                }

                #[automatically_derived]
                impl #impl_generics __errwire::Catalog for #ident #ty_generics #where_clause {
                    const ERRORS: &'static [__errwire::ErrorDescriptor] =
                        ::core::slice::from_ref(<Self as __errwire::Described>::DESCRIPTOR);
                }
            }
        }
        Kind::Enum => {
            // What many errors have alike (the module, field lists, statuses) is written once
            // as a constant they all name: less for rustc to check and evaluate.
            let mut shared = Shared::default();
            let all: Vec<Values> = model
                .errors
                .iter()
                .map(|def| values(def, &mut shared))
                .collect();
            let (base, descriptors) = match all.as_slice() {
                [one] => (None, vec![descriptor_literal(keyed(one), None)]),
                _ => {
                    let (base, descriptors) = descriptors_from_base(&all);
                    (Some(base), descriptors)
                }
            };
            let consts = shared.items;
            quote! {
                #[automatically_derived]
                impl #impl_generics __errwire::Catalog for #ident #ty_generics #where_clause {
                    const ERRORS: &'static [__errwire::ErrorDescriptor] = {
                        #(#consts)*
                        #base
                        &[#(#descriptors),*]
                    };
                }
            }
        }
    }
}

/// One field of `errwire::ErrorDescriptor`.
pub struct Key {
    /// The field's name.
    pub name: &'static str,
    /// Whether errors may share their value through `__BASE`: a name never is.
    pub shareable: bool,
    /// What `__BASE` holds when no two errors share a value.
    pub default: fn() -> TokenStream,
    /// The value for one error.
    value: fn(&Error<'_, '_>, &mut Shared) -> TokenStream,
}

/// The fields of `errwire::ErrorDescriptor`, in declaration order.
pub const KEYS: &[Key] = &[
    Key {
        name: "name",
        shareable: false,
        default: || quote!(""),
        value: |error, _| {
            let name = &error.def.name;
            quote!(#name)
        },
    },
    Key {
        name: "module",
        shareable: true,
        default: || quote!(::core::module_path!()),
        value: |_, shared| {
            shared.constant(
                format_ident!("__MODULE"),
                quote!(&'static ::core::primitive::str),
                quote!(::core::module_path!()),
            )
        },
    },
    Key {
        name: "code",
        shareable: true,
        default: none,
        value: |error, _| match error.def.code {
            Some(code) => {
                let code = proc_macro2::Literal::i64_unsuffixed(code);
                quote!(::core::option::Option::Some(#code))
            }
            None => none(),
        },
    },
    Key {
        name: "status",
        shareable: true,
        default: || quote!(__errwire::__private::status(500)),
        value: |error, shared| match (error.def.status, &error.parent) {
            (Some(status), _) => {
                let name = format_ident!("__STATUS_{status}");
                let status = proc_macro2::Literal::u16_unsuffixed(status);
                shared.constant(
                    name,
                    quote!(__errwire::__private::http::StatusCode),
                    quote!(__errwire::__private::status(#status)),
                )
            }
            (None, Some(parent)) => quote!(#parent.status),
            // Unreachable: validation demands `http` or `parent`.
            (None, None) => quote!(__errwire::__private::status(500)),
        },
    },
    Key {
        name: "errcode",
        shareable: true,
        default: none,
        value: |error, _| some_str(error.def.errcode.as_deref()),
    },
    Key {
        name: "error_type",
        shareable: true,
        default: none,
        value: |error, _| match &error.def.error_type {
            Some(error_type) => some_str(Some(error_type)),
            None => error.inherited(quote!(error_type)),
        },
    },
    Key {
        name: "error_subtype",
        shareable: true,
        default: none,
        value: |error, _| match &error.def.error_subtype {
            Some(subtype) => some_str(Some(subtype)),
            None => error.inherited(quote!(error_subtype)),
        },
    },
    Key {
        name: "message",
        shareable: true,
        default: || quote!(""),
        value: |error, _| match (&error.def.message, &error.parent) {
            (Some(template), _) => {
                let text = template.lit.value();
                quote!(#text)
            }
            (None, Some(parent)) => quote!(#parent.message),
            (None, None) => quote!(""),
        },
    },
    Key {
        name: "title",
        shareable: true,
        default: none,
        value: |error, _| match &error.def.title {
            Some(title) => some_str(Some(title)),
            None => error.inherited(quote!(title)),
        },
    },
    Key {
        name: "doc",
        shareable: true,
        default: || quote!(""),
        value: |error, _| {
            let doc = &error.def.doc;
            quote!(#doc)
        },
    },
    Key {
        name: "format",
        shareable: true,
        default: || quote!(__errwire::WireFormat::Problem),
        value: |error, _| match (error.def.format, &error.parent) {
            (Some(format), _) => {
                let variant = format_ident!("{}", format.variant_name());
                quote!(__errwire::WireFormat::#variant)
            }
            (None, Some(parent)) => quote!(#parent.format),
            (None, None) => quote!(__errwire::WireFormat::Problem),
        },
    },
    Key {
        name: "fields",
        shareable: true,
        default: || quote!(&[]),
        value: |error, shared| {
            let fields = error.def.fields.iter().map(field_descriptor);
            shared.fields(quote!(&[#(#fields),*]))
        },
    },
    Key {
        name: "parent",
        shareable: true,
        default: none,
        value: |error, _| match &error.parent {
            Some(parent) => quote!(::core::option::Option::Some(#parent)),
            None => none(),
        },
    },
    Key {
        name: "headers",
        shareable: true,
        default: none,
        value: |error, _| match error.def.headers {
            Some(hook) => {
                // Spanned on the path, so a function of the wrong signature is shown there.
                let cast = quote_spanned!(hook.span()=> #hook as __errwire::HeaderHook);
                quote!(::core::option::Option::Some(#cast))
            }
            None => error.inherited(quote!(headers)),
        },
    },
    Key {
        name: "doc_url",
        shareable: true,
        default: none,
        value: |error, _| some_str(error.def.doc_url.as_deref()),
    },
    Key {
        name: "deprecated",
        shareable: true,
        default: none,
        value: |error, _| match &error.def.deprecated {
            Some((_, deprecation)) => {
                let since = some_str(deprecation.since.as_deref());
                let note = some_str(deprecation.note.as_deref());
                quote!(::core::option::Option::Some(__errwire::Deprecation { since: #since, note: #note }))
            }
            None => none(),
        },
    },
];

/// An error whose descriptor is being written.
struct Error<'d, 'a> {
    def: &'d ErrorDef<'a>,
    /// The parent's descriptor, if the error has a parent.
    parent: Option<TokenStream>,
}

impl Error<'_, '_> {
    /// A value the error leaves unset: its parent's, or absent.
    fn inherited(&self, field: TokenStream) -> TokenStream {
        match &self.parent {
            Some(parent) => quote!(#parent.#field),
            None => none(),
        }
    }
}

/// The value of each of [`KEYS`] for one error, in the same order.
pub type Values = Vec<TokenStream>;

fn values(def: &ErrorDef<'_>, shared: &mut Shared) -> Values {
    let error = Error {
        def,
        parent: def
            .parent
            .map(|parent| quote!(<#parent as __errwire::Described>::DESCRIPTOR)),
    };
    KEYS.iter().map(|key| (key.value)(&error, shared)).collect()
}

/// An `ErrorDescriptor` literal of the given fields, the others taken from `base`.
pub fn descriptor_literal<'k, 'v>(
    fields: impl IntoIterator<Item = (&'k Key, &'v TokenStream)>,
    base: Option<&syn::Ident>,
) -> TokenStream {
    let fields = fields.into_iter().map(|(key, value)| {
        let name = format_ident!("{}", key.name);
        quote!(#name: #value,)
    });
    let base = base.map(|base| quote!(..#base));
    quote!(__errwire::ErrorDescriptor { #(#fields)* #base })
}

/// Each of [`KEYS`] with its value in `values`.
pub fn keyed(values: &Values) -> impl Iterator<Item = (&'static Key, &TokenStream)> {
    KEYS.iter().zip(values)
}

fn none() -> TokenStream {
    quote!(::core::option::Option::None)
}

fn some_str(value: Option<&str>) -> TokenStream {
    match value {
        Some(value) => quote!(::core::option::Option::Some(#value)),
        None => none(),
    }
}

fn field_descriptor(field: &FieldDef<'_>) -> TokenStream {
    let name = field.member.to_string();
    let ty = ty::type_name(field.ty);
    let variant = format_ident!("{}", field.role.variant_name());
    let role = match &field.role {
        Role::ExtraAndHeader(extra, header) => {
            let (wire_name, header) = (&extra.key, &header.name);
            quote!(#variant { wire_name: #wire_name, header: #header })
        }
        Role::Extra(extra) => {
            let wire_name = &extra.key;
            quote!(#variant { wire_name: #wire_name })
        }
        Role::Header(header) => {
            let header = &header.name;
            quote!(#variant { header: #header })
        }
        _ => quote!(#variant),
    };
    quote!(__errwire::FieldDescriptor { name: #name, ty: #ty, role: __errwire::FieldRole::#role })
}
