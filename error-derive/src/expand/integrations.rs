//! The integrations error-core's features turn on: axum's `IntoResponse` and utoipa's
//! `IntoResponses`.

use proc_macro2::TokenStream;
use quote::quote;

use crate::model::Model;

/// With error-core's `axum` feature: the error is a handler's error.
pub fn axum_impl(model: &Model<'_>) -> TokenStream {
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
pub fn utoipa_impl(model: &Model<'_>) -> TokenStream {
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
