//! The generated code names everything by absolute path: it compiles in a crate that denies
//! every warning and missing docs, shadows the prelude's names, or has no prelude at all.
#![deny(warnings, missing_docs)]
#![allow(dead_code)]

/// Errors declared where the prelude's names mean something else.
pub mod shadowed {
    #![allow(non_camel_case_types)]
    use errwire::ApiError;

    /// Shadows `Result`.
    pub struct Result;
    /// Shadows `Ok`.
    pub struct Ok;
    /// Shadows `Err`.
    pub struct Err;
    /// Shadows `Option`.
    pub struct Option;
    /// Shadows `Some`.
    pub struct Some;
    /// Shadows `None`.
    pub struct None;
    /// Shadows `Box`.
    pub struct Box;
    /// Shadows `String`.
    pub struct String;
    /// Shadows `Display`.
    pub trait Display {}
    /// Shadows `Error`.
    pub trait Error {}
    /// Shadows `Serialize`.
    pub trait Serialize {}
    /// Shadows `str`.
    pub struct str;

    /// A catalog declared among shadowed names.
    #[derive(Debug, ApiError)]
    #[api_error(format = "matrix")]
    pub enum Catalog {
        /// Not found.
        #[api_error(http = 404, errcode = "M_NOT_FOUND", message = "Not found: {what}")]
        NotFound {
            /// What was not found.
            #[api_error(extra)]
            what: std::string::String,
            /// Optional context.
            #[api_error(extra, header = "X-Context")]
            context: core::option::Option<u32>,
        },
        /// A tuple error.
        #[api_error(http = 500, errcode = "M_UNKNOWN", message = "failed: {0}")]
        Failed(#[api_error(source)] std::io::Error),
        /// Its status is an argument.
        #[api_error(http = 400, errcode = "M_BAD_STATE", message = "bad")]
        Bad(#[api_error(status)] u16),
    }
}

/// Errors declared in a module without any prelude.
pub mod no_prelude {
    #![no_implicit_prelude]

    /// A struct error.
    #[derive(::core::fmt::Debug, ::errwire::ApiError)]
    #[api_error(
        format = "problem",
        http = 409,
        code = 9,
        message = "conflict on {key}"
    )]
    pub struct Conflict {
        /// The key.
        #[api_error(extra)]
        pub key: ::std::string::String,
        /// Private context.
        #[api_error(skip)]
        pub hidden: u8,
    }

    /// An enum error.
    #[derive(::core::fmt::Debug, ::errwire::ApiError)]
    #[api_error(format = "djblets", http = 400)]
    pub enum Catalog {
        /// First.
        #[api_error(code = 1, message = "one")]
        One,
        /// Second.
        #[api_error(code = 2, message = "two {0}")]
        Two(u8),
    }
}

#[test]
fn shadowed_and_prelude_free_errors_work() {
    use errwire::ApiError;
    let error = shadowed::Catalog::not_found("x".into(), core::option::Option::Some(3));
    assert_eq!(error.to_string(), "Not found: x");
    assert_eq!(
        error.headers(None).map(|h| h.len()).ok(),
        core::option::Option::Some(1)
    );
    let conflict = no_prelude::Conflict::new("k".into(), 0);
    assert_eq!(conflict.to_string(), "conflict on k");
    assert_eq!(no_prelude::Catalog::two(2).to_string(), "two 2");
    assert_eq!(shadowed::Catalog::bad(404).status().as_u16(), 404);
}
