use error_core::ApiError;

#[derive(Debug, ApiError)]
#[api_error(htpp = 404, message = "typo")]
struct Typo;

fn main() {}
