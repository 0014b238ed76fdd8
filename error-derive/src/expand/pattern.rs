//! How generated code names an error and binds its fields.

use darling::ast::Style;
use proc_macro2::{Span, TokenStream};
use quote::quote;

use crate::model::{ErrorDef, FieldDef, Model};

/// The local a field is bound to in a generated pattern.
pub fn binding(field: &FieldDef<'_>) -> TokenStream {
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
pub fn error_path(model: &Model<'_>, def: &ErrorDef<'_>) -> TokenStream {
    let ident = model.ident;
    match def.variant {
        Some(variant) => quote!(#ident::#variant),
        None => quote!(Self),
    }
}

/// A pattern matching `def` that binds `fields`: `Type::Variant { name, .. }`,
/// `Type::Variant(_, __field1, ..)`, or `Self { name, .. }` for a struct.
pub fn pattern(
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
