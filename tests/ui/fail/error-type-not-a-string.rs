use errwire::ApiError;

#[derive(Debug, ApiError)]
#[api_error(http = 400, error_type = 5, message = "typed")]
struct Typed;

fn main() {}
