//! `Classify`: the index of an error by its code or errcode, and the error built from a
//! received body (`from_index`).

use darling::ast::Style;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::pattern::error_path;
use super::share::arms::{group_by_key, index_patterns};
use super::share::errcode_table::errcode_lookup;
use super::share::fillers::Fillers;
use crate::model::{ErrorDef, Extra, InstanceValue, Model, Role};

pub fn classify_impl(model: &Model<'_>) -> TokenStream {
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
        impl #impl_generics __errwire::Classify for #ident #ty_generics #where_clause {}

        #[automatically_derived]
        impl #impl_generics __errwire::__private::GeneratedClassify for #ident #ty_generics #where_clause {
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
                __wire: &dyn __errwire::wire::ReceivedBody,
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

/// How to build the error `def` from `__wire` (see `errwire::Classify::from_index`): the
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
        .filter_map(|f| Some(f.role.extra()?.key.as_str()))
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
        let value = match (field.role.extra(), field.role.value()) {
            _ if matches!(field.role, Role::Flatten) => {
                quote!(__errwire::__private::owned(&__wire.unclaimed(&[#(#claimed),*])))
            }
            (Some(Extra { key, .. }), _) => quote!(__wire.member(#key)),
            // A received `instance` is kept as a member.
            (None, Some(InstanceValue::Instance)) => quote!(__wire.member("instance")),
            (None, Some(value)) => {
                let key = format_ident!("{}", value.key());
                if value.is_number() {
                    quote!(__errwire::__private::number(__wire.#key()))
                } else {
                    quote!(__errwire::__private::text(__wire.#key()))
                }
            }
            (None, None) if message_field == Some(&field.member) => {
                quote!(__errwire::__private::text(__wire.message()))
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
