use errwire::{ApiError, assert_unique_errors};

#[derive(Debug, ApiError)]
#[api_error(format = "matrix", http = 404, errcode = "M_NOT_FOUND", message = "Not found")]
struct NotFound;

#[derive(Debug, ApiError)]
#[api_error(format = "matrix")]
enum Others {
    #[api_error(http = 400, errcode = "M_BAD_JSON", message = "Bad JSON")]
    BadJson,
    #[api_error(http = 404, errcode = "M_NOT_FOUND", message = "Also not found")]
    AlsoNotFound,
}

assert_unique_errors!(NotFound, Others);

fn main() {}
