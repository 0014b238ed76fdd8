//! The errcode lookup of `Classify::index_by_errcode`. The derive writes down only the
//! errcodes, in `Catalog::ERRORS` order; the table is built from them in the catalog's crate
//! at compile time by `error_core::__private::errcode_slots`, with the hash the lookup uses,
//! so the two cannot disagree.

use proc_macro2::TokenStream;
use quote::quote;

use crate::model::Model;

pub fn errcode_lookup(model: &Model<'_>) -> TokenStream {
    // Errors after the last errcode are left out: an index past the list has none.
    let Some(last) = model.errors.iter().rposition(|def| def.errcode.is_some()) else {
        return quote! {
            let _ = __errcode;
            ::core::option::Option::None
        };
    };
    let errcodes = model.errors[..=last]
        .iter()
        .map(|def| def.errcode.as_deref().unwrap_or_default());
    quote! {
        // The errcode of each error in `ERRORS`, "" for none.
        const __ERRCODES: &[&::core::primitive::str] = &[#(#errcodes),*];
        // Built in time linear in the catalog, but past some 25,000 errcodes in more steps
        // than rustc's guard against endless const loops allows by default.
        #[allow(long_running_const_eval)]
        const __SLOTS: [::core::primitive::u32; ::error_core::__private::errcode_slots_len(__ERRCODES)] =
            ::error_core::__private::errcode_slots(__ERRCODES);
        ::error_core::__private::errcode_index(&__SLOTS, __ERRCODES, __errcode)
    }
}
