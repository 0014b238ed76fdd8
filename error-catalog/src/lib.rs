//! Every error documented by four real libraries, declared with `#[derive(ApiError)]` so that
//! each behaves as the library does: Djblets WebAPI ([`djblets`]), Matrix Synapse
//! ([`synapse`]), py42 ([`py42`]) and pyTenable ([`tenable`]). The [`registry`] lists them
//! all for the `error-catalog` tool and the conformance tests, which compare every entry with
//! fixtures observed from the libraries themselves (`fixtures/`). [`python`] emulates
//! Python's `str()` for the two Python clients, py42 and pyTenable.
#![forbid(unsafe_code)]

pub mod catalog_error;
pub mod classify;
pub mod cli;
pub mod djblets;
pub mod markdown;
pub mod py42;
pub mod python;
pub mod registry;
pub mod synapse;
pub mod tenable;

pub use catalog_error::CatalogError;
pub use registry::{Entry, System, entries};
