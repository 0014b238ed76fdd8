//! `From<T>` for each error with a `from` field, as thiserror's `#[from]`: the value becomes
//! that field (the error's source), and every other field takes its `Default`.

use darling::ast::Style;
use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use super::pattern::error_path;
use crate::model::{ErrorDef, Model, Role};

pub fn from_impls(model: &Model<'_>) -> TokenStream {
    let impls = model.errors.iter().filter_map(|def| from_impl(model, def));
    quote!(#(#impls)*)
}

fn from_impl(model: &Model<'_>, def: &ErrorDef<'_>) -> Option<TokenStream> {
    let from = def.fields.iter().find(|f| matches!(f.role, Role::From))?;
    let ident = model.ident;
    let (impl_generics, ty_generics, where_clause) = model.generics.split_for_impl();
    let source_ty = from.ty;
    let path = error_path(model, def);
    let values = def.fields.iter().map(|field| {
        if matches!(field.role, Role::From) {
            quote!(__source)
        } else {
            // Spanned at the field's type, so a type without `Default` is reported there.
            let ty = field.ty;
            quote_spanned!(ty.span()=> <#ty as __errwire::__private::FilledByDefault>::filled())
        }
    });
    let build = match def.style {
        Style::Tuple => quote!(#path(#(#values),*)),
        // A field makes the error a struct or a tuple: named fields all have names.
        _ => {
            let names = def.fields.iter().filter_map(|field| field.ident);
            quote!(#path { #(#names: #values),* })
        }
    };
    Some(quote! {
        #[automatically_derived]
        impl #impl_generics ::core::convert::From<#source_ty> for #ident #ty_generics #where_clause {
            fn from(__source: #source_ty) -> Self {
                #build
            }
        }
    })
}
