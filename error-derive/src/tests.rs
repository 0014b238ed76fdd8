//! Tests of the reader and validator on parsed input, and snapshots of the expansion: any
//! change to generated code shows up in review as a change to a file under
//! `tests/snapshots/`. `UPDATE_SNAPSHOTS=1 cargo test -p errwire-derive` rewrites them.

use darling::FromDeriveInput;
use syn::parse_quote;

use crate::ast::Input;
use crate::{expand, valid};

/// The message of every error the reader and validator report for `input`.
fn errors_of(input: syn::DeriveInput) -> Vec<String> {
    let parsed = match Input::from_derive_input(&input) {
        Ok(parsed) => parsed,
        Err(errors) => return errors.into_iter().map(|e| e.to_string()).collect(),
    };
    match valid::validate(&parsed) {
        Ok(_) => Vec::new(),
        Err(errors) => errors.into_iter().map(|e| e.to_string()).collect(),
    }
}

#[test]
fn valid_input_has_no_errors() {
    let errors = errors_of(parse_quote! {
        #[api_error(format = "matrix", http = 400)]
        enum Catalog {
            #[api_error(errcode = "M_BAD_JSON", message = "Bad JSON: {0}")]
            BadJson(String),
            #[api_error(errcode = "M_NOT_JSON", http = 415, message = "Not JSON")]
            NotJson,
        }
    });
    assert_eq!(errors, Vec::<String>::new());
}

#[test]
fn every_mistake_of_one_derive_is_reported_together() {
    let errors = errors_of(parse_quote! {
        #[api_error(format = "matrix")]
        enum Catalog {
            #[api_error(http = 200, errcode = "bad code", message = "{missing}")]
            First,
            #[api_error(http = 404, errcode = "M_NOT_FOUND", message = "ok")]
            Second {
                #[api_error(skip, extra)]
                value: u32,
            },
            #[api_error(errcode = "M_NOT_FOUND", message = "no status")]
            Third,
        }
    });
    assert_eq!(errors.len(), 7, "{errors:#?}");
    for expected in [
        "`http = 200` is not an error status",
        "errcode \"bad code\" contains whitespace",
        "`{missing}`: this error has no field named `missing`",
        "`skip` conflicts with `extra`",
        "missing `http = …`",
        "duplicate errcode M_NOT_FOUND",
        "errcode M_NOT_FOUND first used here",
    ] {
        assert!(
            errors.iter().any(|e| e.contains(expected)),
            "no {expected:?} in {errors:#?}"
        );
    }
}

#[test]
fn unknown_keys_get_did_you_mean_hints_at_every_level() {
    let errors = errors_of(parse_quote! {
        #[api_error(htpp = 400, message = "m")]
        struct Typo {
            #[api_error(extar)]
            value: u32,
        }
    });
    assert_eq!(errors.len(), 2, "{errors:#?}");
    assert!(errors.iter().any(|e| e.contains("Did you mean `http`?")));
    assert!(errors.iter().any(|e| e.contains("Did you mean `extra`?")));
}

#[test]
fn enum_defaults_are_inherited_by_variants() {
    let input: syn::DeriveInput = parse_quote! {
        #[api_error(format = "djblets", http = 400, error_type = "shared", message = "default")]
        enum Catalog {
            #[api_error(code = 1)]
            A,
            #[api_error(code = 2, http = 404, message = "own")]
            B,
        }
    };
    let parsed = Input::from_derive_input(&input).ok();
    let model = parsed.as_ref().and_then(|p| valid::validate(p).ok());
    let summary = model.map(|model| {
        model
            .errors
            .iter()
            .map(|e| {
                let message = e.message.as_ref().map(|t| t.lit.value());
                (e.code, e.status, e.error_type.clone(), message)
            })
            .collect::<Vec<_>>()
    });
    assert_eq!(
        summary,
        Some(vec![
            (
                Some(1),
                Some(400),
                Some("shared".into()),
                Some("default".into())
            ),
            (
                Some(2),
                Some(404),
                Some("shared".into()),
                Some("own".into())
            ),
        ])
    );
}

/// The expansion of `input`, pretty-printed as `cargo expand` shows it, without the
/// integrations (whichever features this build has) unless a snapshot asks for them.
fn expansion_of(input: &syn::DeriveInput, integrations: expand::Integrations) -> String {
    let tokens = expand::derive_with(input, integrations);
    match syn::parse2::<syn::File>(tokens.clone()) {
        Ok(file) => prettyplease::unparse(&file),
        Err(error) => format!("// does not parse as a file: {error}\n{tokens}"),
    }
}

fn assert_snapshot(name: &str, input: syn::DeriveInput) {
    assert_snapshot_with(name, input, expand::Integrations::default());
}

fn assert_snapshot_with(name: &str, input: syn::DeriveInput, integrations: expand::Integrations) {
    let actual = expansion_of(&input, integrations);
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(format!("{name}.expanded.rs"));
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        let written = std::fs::create_dir_all(path.parent().unwrap_or(&path))
            .and_then(|()| std::fs::write(&path, &actual));
        assert!(
            written.is_ok(),
            "cannot write {}: {written:?}",
            path.display()
        );
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        expected == actual,
        "expansion of {name} changed; review and run with UPDATE_SNAPSHOTS=1\n--- {}\n{actual}",
        path.display()
    );
}

#[test]
fn snapshot_djblets_catalog_enum() {
    assert_snapshot(
        "djblets_enum",
        parse_quote! {
            #[api_error(format = "djblets")]
            pub enum WebApiError {
                /// An error indicating a requested resource does not exist.
                #[api_error(code = 100, http = 404, error_type = "resource-does-not-exist",
                            message = "Object does not exist")]
                DoesNotExist,
                #[api_error(code = 105, http = 400, error_type = "request-field-error",
                            message = "One or more fields had errors")]
                InvalidFormData {
                    #[api_error(extra)]
                    fields: BTreeMap<String, Vec<String>>,
                },
                #[api_error(code = 103, http = 401, error_type = "not-logged-in",
                            message = "You are not logged in", headers = auth_headers)]
                NotLoggedIn,
            }
        },
    );
}

/// Errors of one shape share their generated arms, their field lists and statuses: what
/// keeps catalogs of thousands of errors quick to compile.
#[test]
fn snapshot_errors_of_one_shape_share_their_code() {
    assert_snapshot(
        "one_shape",
        parse_quote! {
            #[api_error(format = "matrix", http = 400)]
            pub enum Error {
                #[api_error(errcode = "M_ERROR_0", message = "error 0: {reason}")]
                Error0 { #[api_error(extra)] reason: String },
                #[api_error(errcode = "M_ERROR_1", message = "error 1: {reason}")]
                Error1 { #[api_error(extra)] reason: String },
                #[api_error(errcode = "M_ERROR_2", http = 404, message = "error 2: {reason}")]
                Error2 { #[api_error(extra)] reason: String },
            }
        },
    );
}

#[test]
fn snapshot_matrix_struct_with_header() {
    assert_snapshot(
        "matrix_struct",
        parse_quote! {
            #[api_error(format = "matrix", http = 429, errcode = "M_LIMIT_EXCEEDED",
                        message = "Too Many Requests")]
            pub struct LimitExceeded {
                #[api_error(extra, header = "Retry-After", with = ms_to_secs)]
                pub retry_after_ms: Option<u64>,
            }
        },
    );
}

#[test]
fn snapshot_documentation_urls_and_a_deprecated_variant() {
    assert_snapshot(
        "doc_url_deprecated",
        parse_quote! {
            #[api_error(format = "problem", doc_base = "https://docs.example.com/errors/")]
            pub enum ShopError {
                #[api_error(http = 404, message = "No order")]
                OrderNotFound,
                #[api_error(http = 409, message = "Out of stock", doc_url = "https://shop.example/stock")]
                OutOfStock,
                #[deprecated(since = "1.4.0", note = "use OutOfStock")]
                #[api_error(http = 410, message = "Sold out")]
                SoldOut,
            }
        },
    );
}

#[test]
fn documentation_urls_join_the_base_and_the_slug() {
    let input: syn::DeriveInput = parse_quote! {
        #[api_error(format = "problem", http = 400, message = "m", doc_base = "https://x.example/e")]
        enum Catalog {
            HTTPError,
            #[api_error(doc_base = "https://y.example/errors/")]
            OwnBase,
            #[api_error(doc_url = "urn:example:own")]
            OwnUrl,
            #[deprecated]
            Plain,
        }
    };
    let parsed = Input::from_derive_input(&input).ok();
    let model = parsed.as_ref().and_then(|p| valid::validate(p).ok());
    let summary = model.map(|model| {
        model
            .errors
            .iter()
            .map(|e| {
                (
                    e.doc_url.clone(),
                    e.deprecated.as_ref().map(|(_, d)| d.clone()),
                )
            })
            .collect::<Vec<_>>()
    });
    let url = |url: &str| Some(url.to_owned());
    assert_eq!(
        summary,
        Some(vec![
            (url("https://x.example/e/http-error"), None),
            (url("https://y.example/errors/own-base"), None),
            (url("urn:example:own"), None),
            (
                url("https://x.example/e/plain"),
                Some(crate::model::Deprecation::default())
            ),
        ])
    );
}

#[test]
fn snapshot_struct_with_status_source_and_parent() {
    assert_snapshot(
        "status_source_parent",
        parse_quote! {
            /// Synapse's `SynapseError(code, msg, errcode)`.
            #[api_error(parent = HttpError, errcode = "M_UNKNOWN", message = "{3} ({0:?})")]
            pub struct SynapseError(
                #[api_error(status)] u16,
                #[api_error(source)] Option<std::io::Error>,
                #[api_error(skip)] Secret,
                pub String,
            );
        },
    );
}

#[test]
fn snapshot_tuple_variants_and_generics() {
    assert_snapshot(
        "tuple_generic",
        parse_quote! {
            #[api_error(format = "problem", http = 400)]
            enum Catalog<T: Serialize> {
                #[api_error(code = 1, message = "first {1}")]
                First(T, #[api_error(extra, rename = "value")] u32),
                #[api_error(code = 2, message = "{{second}}")]
                Second(#[api_error(extra, rename = "payload")] T),
            }
        },
    );
}

#[test]
fn snapshot_from_conversions() {
    assert_snapshot(
        "from",
        parse_quote! {
            #[api_error(http = 500)]
            pub enum StoreError {
                #[api_error(message = "Reading failed")]
                Read(#[api_error(from)] std::io::Error),
                #[api_error(message = "Bad JSON")]
                Json {
                    #[api_error(from)]
                    cause: serde_json::Error,
                    #[api_error(trace_id)]
                    trace_id: Option<String>,
                },
            }
        },
    );
}

#[test]
fn two_variants_from_one_type_are_refused_at_the_second() {
    let errors = errors_of(parse_quote! {
        #[api_error(http = 500, message = "m")]
        enum Catalog {
            Read(#[api_error(from)] std::io::Error),
            Write(#[api_error(from)] std::io::Error),
            Other(#[api_error(from)] io::Error),
        }
    });
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(
        errors[0].contains(
            "`Catalog::Write` converts `from` `std::io::Error`, as `Catalog::Read` already does"
        ),
        "{errors:#?}"
    );
}

#[test]
fn extra_members_never_take_a_name_the_body_has() {
    let errors = errors_of(parse_quote! {
        #[api_error(http = 400, message = "m")]
        enum Catalog {
            A { #[api_error(extra)] status: u16 },
            B { #[api_error(extra)] code: u16 },
            C { #[api_error(extra, rename = "kebab-case")] name: String },
            #[api_error(format = "matrix")]
            D { #[api_error(extra)] error: String, #[api_error(extra)] code: u16, #[api_error(extra, rename = "fi.mau.x")] keep: u64 },
            #[api_error(format = "djblets", title = "Djblets too")]
            E { #[api_error(extra, rename = "instance")] at: String, #[api_error(extra)] err: String },
        }
    });
    for expected in [
        "`status` is a member of every RFC 9457 problem body",
        "`code` is a member the `problem` format writes",
        "`kebab-case` holds a character other than letters, digits and `_`",
        "`error` is a member the `matrix` format writes",
        "`instance` is a member of every RFC 9457 problem body",
        "`err` is a member the `djblets` format writes",
    ] {
        assert!(
            errors.iter().any(|e| e.contains(expected)),
            "no {expected:?} in {errors:#?}"
        );
    }
    // A Matrix error may have a `code` member and a dotted name, as Synapse's do.
    assert_eq!(errors.len(), 6, "{errors:#?}");
}

#[test]
fn snapshot_input_with_mistakes() {
    assert_snapshot(
        "mistakes",
        parse_quote! {
            #[api_error(http = 200, message = "{nope}")]
            struct Wrong;
        },
    );
}

#[test]
fn snapshot_with_the_axum_and_utoipa_integrations() {
    assert_snapshot_with(
        "integrations",
        parse_quote! {
            #[api_error(format = "matrix", http = 404, errcode = "M_NOT_FOUND", message = "Not found")]
            pub struct NotFound;
        },
        expand::Integrations {
            axum: true,
            utoipa: true,
        },
    );
}

#[test]
fn clashing_generated_names_are_refused_at_the_variant() {
    let errors = errors_of(parse_quote! {
        #[api_error(http = 400, message = "m")]
        enum Catalog {
            WithMessage,
            New,
            HttpError,
            HTTPError,
            Errors,
            WithOverrides(u32),
        }
    });
    assert_eq!(errors.len(), 5, "{errors:#?}");
    for expected in [
        "variant `WithMessage` would generate the constructor `with_message`",
        "variant `WithOverrides` would generate the constructor `with_overrides`",
        "variant `New` would generate the constructor `new`",
        "variants `HttpError` and `HTTPError` would both generate the constructor `http_error`",
        "variant `Errors` would generate the constant `ERRORS`",
    ] {
        assert!(
            errors.iter().any(|e| e.contains(expected)),
            "no {expected:?} in {errors:#?}"
        );
    }
}

/// The names `valid` keeps constructors away from are the ones the expansion has.
#[test]
fn generated_method_names_are_those_expanded() {
    let input: syn::DeriveInput = parse_quote! {
        #[api_error(http = 400, message = "m")]
        enum Catalog { First }
    };
    let expansion = expansion_of(&input, expand::Integrations::default());
    for method in crate::model::GENERATED_METHODS {
        assert!(
            expansion.contains(&format!("fn {method}(")),
            "no `fn {method}` in\n{expansion}"
        );
    }
}
