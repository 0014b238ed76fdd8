//! The errcode lookup of `Classify::index_by_errcode`: the table is built here, by
//! `errwire_errcode::build`, and read at run time by the same crate's `find`, so the two
//! agree on the hash and the probe sequence by construction.

use proc_macro2::TokenStream;
use quote::quote;

use crate::model::Model;

pub fn errcode_lookup(model: &Model<'_>) -> TokenStream {
    let errcodes: Vec<(usize, &str)> = model
        .errors
        .iter()
        .enumerate()
        .filter_map(|(index, def)| Some((index, def.errcode.as_deref()?)))
        .collect();
    if errcodes.is_empty() {
        return quote! {
            let _ = __errcode;
            ::core::option::Option::None
        };
    }
    let slots = errwire_errcode::build(errcodes.into_iter());
    let len = proc_macro2::Literal::usize_unsuffixed(slots.len());
    let slots = slots
        .iter()
        .map(|slot| proc_macro2::Literal::u32_unsuffixed(*slot));
    quote! {
        // Each slot holds 1 + the index of an error in `ERRORS`, or 0 when empty.
        const __SLOTS: [::core::primitive::u32; #len] = [#(#slots),*];
        __errwire::__private::errcode_index(&__SLOTS, __errcode, |__index| {
            <Self as __errwire::Catalog>::ERRORS[__index].errcode
                == ::core::option::Option::Some(__errcode)
        })
    }
}
