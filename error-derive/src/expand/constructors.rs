//! The inherent impl: a constant per unit variant, a constructor per error, and
//! `with_overrides` / `with_message`. Their names are checked for clashes in
//! [`valid`](crate::valid), from the same [`ErrorDef`] methods.

use darling::ast::Style;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::pattern::error_path;
use crate::model::{ErrorDef, FieldDef, Model};

pub fn inherent_impl(model: &Model<'_>) -> TokenStream {
    let ident = model.ident;
    let vis = model.vis;
    let (impl_generics, ty_generics, where_clause) = model.generics.split_for_impl();
    let constructors = model.errors.iter().map(|def| constructor(model, def));
    let constants = model
        .errors
        .iter()
        .filter_map(|def| Some((def, def.constant_name()?)))
        .map(|(def, name)| {
            let path = error_path(model, def);
            let name = format_ident!("{name}");
            let doc = format!(
                " The `{}` error: \"{}\".",
                def.name_tail(),
                def.message_text()
            );
            let deprecated = def.deprecated.as_ref().map(|(attr, _)| attr);
            quote! {
                #[doc = #doc]
                #deprecated
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
            #vis fn with_overrides(self, overrides: __errwire::Overrides) -> __errwire::Overridden<Self> {
                __errwire::Overridden::new(self, overrides)
            }

            /// This error with its message replaced for this instance.
            #vis fn with_message(
                self,
                message: impl ::core::convert::Into<__errwire::__private::Cow<'static, ::core::primitive::str>>,
            ) -> __errwire::Overridden<Self> {
                __errwire::Overridden::new(self, __errwire::Overrides::message(message))
            }
        }
    }
}

fn constructor(model: &Model<'_>, def: &ErrorDef<'_>) -> TokenStream {
    let vis = model.vis;
    let name = format_ident!("{}", def.constructor_name());
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
    let deprecated = def.deprecated.as_ref().map(|(attr, _)| attr);
    quote! {
        #[doc = #doc]
        #deprecated
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
