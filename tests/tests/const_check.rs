//! The `const` uniqueness check across catalogs.

use errwire::check::find_duplicate;
use errwire::{ApiError, Catalog};

#[derive(Debug, ApiError)]
#[api_error(
    format = "matrix",
    http = 404,
    errcode = "M_NOT_FOUND",
    message = "Not found"
)]
struct NotFound;

#[derive(Debug, ApiError)]
#[api_error(format = "djblets", http = 400)]
enum Djblets {
    #[api_error(code = 100, message = "a")]
    A,
    #[api_error(code = 101, message = "b")]
    B,
}

#[derive(Debug, ApiError)]
#[api_error(format = "djblets", http = 400)]
enum MoreDjblets {
    #[api_error(code = 102, message = "c")]
    C,
    #[api_error(code = 101, message = "d")]
    D,
}

#[derive(Debug, ApiError)]
#[api_error(format = "matrix", http = 400)]
enum Matrix {
    #[api_error(errcode = "M_BAD_JSON", message = "bad")]
    BadJson,
    #[api_error(errcode = "M_NOT_FOUND", message = "also not found")]
    AlsoNotFound,
}

errwire::assert_unique_errors!(NotFound, Djblets);

#[test]
fn distinct_catalogs_have_no_duplicate() {
    let found = find_duplicate(&[NotFound::ERRORS, Djblets::ERRORS]);
    assert!(found.is_none(), "{found:?}");
}

#[test]
fn a_shared_code_across_types_is_found() {
    let found =
        find_duplicate(&[Djblets::ERRORS, MoreDjblets::ERRORS]).map(|(a, b)| (a.name, b.name));
    assert_eq!(found, Some(("Djblets::B", "MoreDjblets::D")));
}

#[test]
fn a_shared_errcode_across_types_is_found() {
    let found = find_duplicate(&[Matrix::ERRORS, NotFound::ERRORS]).map(|(a, b)| (a.name, b.name));
    assert_eq!(found, Some(("Matrix::AlsoNotFound", "NotFound")));
}
