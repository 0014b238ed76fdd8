//! The integrations errwire's features turn on: axum's `IntoResponse` and utoipa's
//! `IntoResponses`.

use proc_macro2::TokenStream;
use quote::quote;

use crate::model::Model;

/// With errwire's `axum` feature: the error is a handler's error.
pub fn axum_impl(model: &Model<'_>) -> TokenStream {
    let ident = model.ident;
    let (impl_generics, ty_generics, where_clause) = model.generics.split_for_impl();
    quote! {
        #[automatically_derived]
        impl #impl_generics __errwire::__private::axum::response::IntoResponse for #ident #ty_generics #where_clause {
            fn into_response(self) -> __errwire::__private::axum::response::Response {
                __errwire::axum::into_response(&self)
            }
        }
    }
}

/// With errwire's `utoipa` feature: the type documents its responses.
pub fn utoipa_impl(model: &Model<'_>) -> TokenStream {
    let ident = model.ident;
    let (impl_generics, ty_generics, where_clause) = model.generics.split_for_impl();
    quote! {
        #[automatically_derived]
        impl #impl_generics __errwire::__private::utoipa::IntoResponses for #ident #ty_generics #where_clause {
            fn responses() -> __errwire::__private::BTreeMap<
                ::std::string::String,
                __errwire::__private::utoipa::openapi::RefOr<__errwire::__private::utoipa::openapi::Response>,
            > {
                __errwire::openapi::responses::<Self>()
            }
        }
    }
}
