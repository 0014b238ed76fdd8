//! Every error documented by four real libraries, declared with `#[derive(ApiError)]` so that
//! each behaves as the library does: Djblets WebAPI ([`djblets`]), Matrix Synapse
//! ([`synapse`]), py42 ([`py42`]) and pyTenable ([`tenable`]). The [`registry`] lists them
//! all for the `errwire-catalog` tool and the conformance tests, which compare every entry with
//! fixtures observed from the libraries themselves (`fixtures/` in the repository).
//! [`python`] emulates Python's `str()` for the two Python clients, py42 and pyTenable.
//!
//! # As a library
//!
//! A Rust Matrix server answers with Synapse's errors as Synapse sends them:
//!
//! ```
//! use errwire::ApiError;
//! use errwire_catalog::synapse::LimitExceededError;
//!
//! let error = LimitExceededError {
//!     limiter_name: "rc_message".into(),
//!     code: 429,
//!     retry_after_ms: Some(2_500),
//!     errcode: "M_LIMIT_EXCEEDED".into(),
//!     pause: None,
//! };
//! let response = error.to_response()?;
//! assert_eq!(response.status(), 429);
//! assert_eq!(response.headers()["retry-after"], "3"); // whole seconds, rounded up
//! let body: serde_json::Value = serde_json::from_slice(response.body())?;
//! assert_eq!(body["errcode"], "M_LIMIT_EXCEEDED");
//! assert_eq!(body["retry_after_ms"], 2_500);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! A py42 or pyTenable client turns a response into the error the Python library would raise:
//!
//! ```
//! use errwire::{ApiError, ResponseRecord};
//! use errwire_catalog::{py42, tenable};
//!
//! let not_found = ResponseRecord::with_status(404);
//! let raised = py42::raise_py42_error(not_found.clone());
//! assert_eq!(raised.descriptor().name, "Py42NotFoundError");
//!
//! let raised = tenable::error_for_response(tenable::Session::Base, not_found, &[]);
//! assert_eq!(raised.map(|error| error.descriptor().name), Some("NotFoundError"));
//! ```
#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod catalog_error;
pub mod classify;
pub mod cli;
pub mod contract;
pub mod divergences;
pub mod djblets;
pub mod markdown;
pub mod py42;
pub mod python;
pub mod registry;
pub mod synapse;
pub mod tenable;

pub use catalog_error::CatalogError;
pub use registry::{Entry, System, entries};
