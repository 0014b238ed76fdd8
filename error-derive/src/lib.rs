//! The `#[derive(ApiError)]` macro. Use it through `errwire`, which re-exports it and
//! documents every attribute.
//!
//! Layout, after thiserror: [`ast`] reads the input with darling, [`attr`] checks single
//! attribute values, [`fmt`] parses message templates, [`valid`] runs the checks that span
//! several attributes and builds the validated [`model`] (the vocabulary: an error, a field
//! and its one role), [`ty`] answers questions about field types from their structure,
//! [`expand`] generates code from the model (one file per impl) and [`fallback`] emits stub
//! impls when the input is wrong, so users see their mistakes and not a cascade of
//! missing-trait errors. Only this file touches `proc_macro`.

mod ast;
mod attr;
mod expand;
mod fallback;
mod fmt;
mod model;
mod ty;
mod valid;

#[cfg(test)]
mod tests;

use proc_macro::TokenStream;

/// Derives `errwire::ApiError` and the impls that come with it. See `errwire`'s
/// documentation for the attributes.
#[proc_macro_derive(ApiError, attributes(api_error))]
pub fn derive_api_error(input: TokenStream) -> TokenStream {
    // Checked before syn parses it: syn reads nesting by recursion.
    if let Some(error) = ast::nesting_error(&input.clone().into()) {
        return error.to_compile_error().into();
    }
    let input = syn::parse_macro_input!(input as syn::DeriveInput);
    expand::derive(&input).into()
}
