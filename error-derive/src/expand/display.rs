//! `Display` (the message, from the template or a `display` function) and `Error` (the
//! source).

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use super::pattern::binding;
use super::share::arms::per_error;
use crate::model::{Model, Role};

pub fn display_impl(model: &Model<'_>) -> TokenStream {
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
                    __errwire::__private::write_template(
                        __formatter,
                        __errwire::ApiError::descriptor(self).message,
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
                quote!(__formatter.write_str(__errwire::ApiError::descriptor(self).message)),
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

pub fn error_impl(model: &Model<'_>) -> TokenStream {
    let ident = model.ident;
    let (impl_generics, ty_generics, where_clause) = model.generics.split_for_impl();
    let source = per_error(model, quote!(::core::option::Option::None), |def| {
        let field = def
            .fields
            .iter()
            .find(|f| f.role.is_source())?;
        let binding = binding(field);
        if matches!(field.role, Role::From) && !crate::ty::is_boxed_trait_object(field.ty) {
            // Through a trait that says, spanned at the type, that `from` needs an error.
            let value = quote_spanned!(field.ty.span()=> __errwire::__private::FromError::as_source(#binding));
            return Some((vec![field], quote!(::core::option::Option::Some(#value))));
        }
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
                use __errwire::__private::AsDynError as _;
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
