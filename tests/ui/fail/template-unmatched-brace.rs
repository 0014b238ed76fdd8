use errwire::ApiError;

#[derive(Debug, ApiError)]
#[api_error(http = 400, message = "a } b")]
struct Unmatched;

fn main() {}
