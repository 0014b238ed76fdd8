//! `serde::Serialize`: the error in its own wire format, as its body.

use proc_macro2::TokenStream;
use quote::quote;

use crate::model::Model;

pub fn serialize_impl(model: &Model<'_>) -> TokenStream {
    let ident = model.ident;
    let (impl_generics, ty_generics, where_clause) = model.generics.split_for_impl();
    quote! {
        #[automatically_derived]
        impl #impl_generics __errwire::__private::serde::Serialize for #ident #ty_generics #where_clause {
            fn serialize<__S: __errwire::__private::serde::Serializer>(
                &self,
                __serializer: __S,
            ) -> ::core::result::Result<__S::Ok, __S::Error> {
                __errwire::__private::serialize_native(self, __serializer)
            }
        }
    }
}
