use errwire::ApiError;

#[derive(Debug, ApiError)]
#[api_error(http = 400, message = "value {}")]
struct Positional(String);

fn main() {}
