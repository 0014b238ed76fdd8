//! The functions that fill one field of each type from a body value, one per distinct type:
//! resolving autoref once per type, not once per field, keeps large catalogs quick to compile.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use crate::model::Model;
use crate::ty;

pub struct Fillers {
    /// Whether helpers can be nested functions: not when field types may name the impl's
    /// generic parameters.
    shared: bool,
    /// The type each helper fills, by its tokens: equal tokens name one type here.
    types: Vec<String>,
    /// The helper functions, `__fill0`, `__fill1`, … in order.
    pub helpers: Vec<TokenStream>,
}

impl Fillers {
    pub fn new(model: &Model<'_>) -> Self {
        Fillers {
            shared: model.generics.params.is_empty(),
            types: Vec::new(),
            helpers: Vec::new(),
        }
    }

    /// A callable `fn(Option<Member>) -> Option<T>` for field type `ty`.
    pub fn filler(&mut self, ty: &syn::Type) -> TokenStream {
        // A nested function cannot name `Self`: such a type is filled by a closure in place.
        if !self.shared || ty::mentions_self(ty) {
            let fill = fill_body(ty);
            return quote!((|__value: ::core::option::Option<__errwire::__private::Member<'_>>| #fill));
        }
        let name = quote!(#ty).to_string();
        let index = match self.types.iter().position(|known| *known == name) {
            Some(index) => index,
            None => {
                let ident = format_ident!("__fill{}", self.types.len());
                let fill = fill_body(ty);
                self.helpers.push(quote! {
                    fn #ident(
                        __value: ::core::option::Option<__errwire::__private::Member<'_>>,
                    ) -> ::core::option::Option<#ty> {
                        #fill
                    }
                });
                self.types.push(name);
                self.types.len() - 1
            }
        };
        let ident = format_ident!("__fill{index}");
        quote!(#ident)
    }
}

/// Fills a field of type `ty` from `__value` (see `errwire::__private::Fill`).
fn fill_body(ty: &syn::Type) -> TokenStream {
    // A borrowed type deserializes only for some lifetimes, which autoref cannot tell apart:
    // such a field takes its default, or cannot be filled.
    if ty::is_borrowed(ty) {
        return quote!({
            use __errwire::__private::{FillLocalDefault as _, FillLocalNothing as _};
            let _ = __value;
            (&&__errwire::__private::Fill::<#ty>::new()).fill_local()
        });
    }
    quote!({
        use __errwire::__private::{
            FillDefault as _, FillDeserialize as _, FillDeserializeOrDefault as _, FillNothing as _,
        };
        (&&&&__errwire::__private::Fill::<#ty>::new()).fill(__value)
    })
}
