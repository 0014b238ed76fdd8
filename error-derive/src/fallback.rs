//! When the input is wrong: the errors, plus stub impls of every trait the derive would have
//! implemented, so that the user sees their mistakes and not "`ApiError` is not implemented"
//! at every use of the type.

use proc_macro2::TokenStream;
use quote::quote;

pub fn expand(input: &syn::DeriveInput, errors: darling::Error) -> TokenStream {
    let errors = errors.write_errors();
    // A union is refused outright: stubs would only add noise about its missing impls.
    if matches!(input.data, syn::Data::Union(_)) {
        return errors;
    }
    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let runtime = crate::ast::runtime_path(&input.attrs);
    let stubs = quote! {
        #[automatically_derived]
        impl #impl_generics __errwire::ApiError for #ident #ty_generics #where_clause {
            fn descriptor(&self) -> &'static __errwire::ErrorDescriptor {
                ::core::unreachable!()
            }
        }

        #[automatically_derived]
        impl #impl_generics __errwire::__private::Generated for #ident #ty_generics #where_clause {
            fn has_flatten(&self) -> bool {
                ::core::unreachable!()
            }
        }

        #[automatically_derived]
        impl #impl_generics ::core::fmt::Display for #ident #ty_generics #where_clause {
            fn fmt(&self, _: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                ::core::unreachable!()
            }
        }

        #[automatically_derived]
        impl #impl_generics ::core::error::Error for #ident #ty_generics #where_clause {}
    };
    let stubs = crate::expand::in_scope_of(&runtime, stubs);
    quote! {
        #errors
        #stubs
    }
}
