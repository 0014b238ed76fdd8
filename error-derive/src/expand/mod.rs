//! Code generation from the validated model, one file per generated impl:
//!
//! | file | generates |
//! |---|---|
//! | [`descriptor`] | `Described` and `Catalog`: the `ErrorDescriptor` of each error |
//! | [`api_error`] | `ApiError`: descriptor lookup, instance values, headers, body members |
//! | [`display`] | `Display` (the message) and `Error` (the source) |
//! | [`serialize`] | `serde::Serialize`, in the error's own format |
//! | [`classify`] | `Classify`: lookups by code and errcode, building an error from a body |
//! | [`constructors`] | the inherent impl: constants, constructors, `with_overrides` |
//! | [`from`] | `From<T>` for each error with a `from` field |
//! | [`integrations`] | axum's `IntoResponse` and utoipa's `IntoResponses` |
//!
//! What keeps catalogs of thousands of errors quick to compile (constants shared by the
//! descriptors, the `__BASE` descriptor, the errcode table, filler functions, match arms
//! shared by errors alike) is in [`share`], so that each generator reads as what it emits.
//! [`pattern`] names errors and their fields in generated patterns.
//!
//! Everything is named by absolute path, locals are `__`-prefixed, and optional parts are
//! left out rather than emitted empty, so that `cargo expand` shows code a person could have
//! written.

mod api_error;
mod classify;
mod constructors;
mod descriptor;
mod display;
mod from;
mod integrations;
mod pattern;
mod serialize;
mod share;

use darling::FromDeriveInput;
use proc_macro2::TokenStream;
use quote::quote;

use crate::ast::Input;
use crate::fallback;
use crate::model::Model;
use crate::valid;

/// Which integrations to implement: errwire turns them on through this crate's features.
#[derive(Clone, Copy, Debug, Default)]
pub struct Integrations {
    pub axum: bool,
    pub utoipa: bool,
}

impl Integrations {
    /// The integrations this build of the derive was compiled with.
    pub const ENABLED: Integrations = Integrations {
        axum: cfg!(feature = "axum"),
        utoipa: cfg!(feature = "utoipa"),
    };
}

/// The derive: parse, validate, generate; on any mistake, every error plus stub impls.
pub fn derive(input: &syn::DeriveInput) -> TokenStream {
    derive_with(input, Integrations::ENABLED)
}

/// The derive with the given integrations, whatever the features (for the snapshots).
pub fn derive_with(input: &syn::DeriveInput, integrations: Integrations) -> TokenStream {
    // darling refuses a union at the call site (the `#[derive]`); this points at `union`.
    if let syn::Data::Union(union) = &input.data {
        let error = darling::Error::custom(
            "`ApiError` derives for structs and enums: a union has no one value to show or send",
        )
        .with_span(&union.union_token);
        return fallback::expand(input, error);
    }
    if let Some(errors) = crate::ast::syntax_errors(input) {
        return fallback::expand(input, errors);
    }
    let parsed = match Input::from_derive_input(input) {
        Ok(parsed) => parsed,
        Err(errors) => return fallback::expand(input, errors),
    };
    match valid::validate(&parsed) {
        Ok(model) => expand(&model, integrations),
        Err(errors) => fallback::expand(input, errors),
    }
}

pub fn expand(model: &Model<'_>, integrations: Integrations) -> TokenStream {
    let catalog = descriptor::catalog_impl(model);
    let api_error = api_error::api_error_impl(model);
    let display = display::display_impl(model);
    let error = display::error_impl(model);
    let serialize = serialize::serialize_impl(model);
    let classify = classify::classify_impl(model);
    let inherent = constructors::inherent_impl(model);
    let from = from::from_impls(model);
    let axum = integrations.axum.then(|| integrations::axum_impl(model));
    let utoipa = integrations
        .utoipa
        .then(|| integrations::utoipa_impl(model));
    // Generated code names every variant, deprecated ones too: that use is the derive's, not
    // the user's, who is warned where they name the variant or its constructor.
    let allow_deprecated = model
        .errors
        .iter()
        .any(|def| def.deprecated.is_some())
        .then(|| quote!(#[allow(deprecated)]));
    let items = in_scope_of(
        &model.runtime,
        quote! {
            #catalog
            #api_error
            #display
            #error
            #serialize
            #classify
            #inherent
            #from
            #axum
            #utoipa
        },
    );
    quote!(#allow_deprecated #items)
}

/// The generated items in an anonymous `const`, with the runtime named `__errwire` there, as
/// serde_derive does: the user's crate may know the runtime by another name
/// (`#[api_error(crate = "…")]`), and nothing is added to the user's namespace.
pub fn in_scope_of(runtime: &syn::Path, items: TokenStream) -> TokenStream {
    quote! {
        const _: () = {
            use #runtime as __errwire;
            #items
        };
    }
}
