//! Constants shared by the descriptors of an enum's errors, each written once.

use std::collections::HashMap;

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

#[derive(Default)]
pub struct Shared {
    /// Each constant's name, by its value as text.
    known: HashMap<String, syn::Ident>,
    /// The constants declared, in order.
    pub items: Vec<TokenStream>,
    /// How many field lists were declared, to name the next.
    field_lists: usize,
    /// Values written where they are used: one descriptor has nothing to share.
    inline: bool,
}

impl Shared {
    pub fn inline() -> Self {
        Shared {
            inline: true,
            ..Shared::default()
        }
    }

    /// The name of a constant of type `ty` holding `value`, declared as `name` the first time
    /// it is asked for (`name` must differ for different values); `value` itself when inline.
    pub fn constant(
        &mut self,
        name: syn::Ident,
        ty: TokenStream,
        value: TokenStream,
    ) -> TokenStream {
        if self.inline {
            return value;
        }
        let key = value.to_string();
        if let Some(ident) = self.known.get(&key) {
            return quote!(#ident);
        }
        self.items.push(quote!(const #name: #ty = #value;));
        self.known.insert(key, name.clone());
        quote!(#name)
    }

    /// A constant holding a list of field descriptors: `__FIELDS0`, `__FIELDS1`, …
    pub fn fields(&mut self, value: TokenStream) -> TokenStream {
        let declared = self.items.len();
        let name = format_ident!("__FIELDS{}", self.field_lists);
        let constant = self.constant(name, quote!(&'static [__errwire::FieldDescriptor]), value);
        if self.items.len() > declared {
            self.field_lists += 1;
        }
        constant
    }
}
