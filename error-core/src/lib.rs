//! Declare every error of an HTTP API once, checked by the compiler, rendered on the wire as
//! your protocol says.
#![doc = include_str!("../GUIDE.md")]
#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]

extern crate self as errwire;

mod api_error;
#[cfg(feature = "axum")]
pub mod axum;
pub mod check;
mod classify;
pub mod contract;
mod descriptor;
mod field_errors;
mod instance;
pub mod negotiation;
#[cfg(any(feature = "axum", feature = "tracing"))]
mod occurrence;
#[cfg(feature = "utoipa")]
pub mod openapi;
mod overrides;
mod render;
#[cfg(feature = "reqwest")]
pub mod reqwest;
mod response;
mod retry_after;
mod template;
#[cfg(feature = "tracing")]
pub mod trace;
pub mod wire;

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;

pub use api_error::{ApiError, Summary};
pub use classify::{Classified, Classify};
pub use descriptor::{
    Catalog, Deprecation, Described, ErrorDescriptor, FieldDescriptor, FieldRole, HeaderHook,
};
pub use field_errors::{FieldError, FieldErrors};
pub use instance::Instance;
pub use overrides::{DynHeaderHook, HeaderOverride, Overridden, Overrides};
pub use render::{Encoding, RenderError, RenderOptions};
pub use response::ResponseRecord;
pub use retry_after::RetryAfter;
pub use wire::{
    Limits, ReceiveError, ReceivedError, WireError, WireFormat, header_pairs, reason_phrase,
};

/// Derives [`ApiError`], `Display`, `std::error::Error`, `serde::Serialize` and constructors.
/// See the crate documentation for every attribute.
#[cfg(feature = "derive")]
pub use errwire_derive::ApiError;

/// The README's quick start, compiled and run as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeQuickStart;
