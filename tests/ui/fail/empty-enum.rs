use errwire::ApiError;

#[derive(Debug, ApiError)]
#[api_error(http = 400, message = "never")]
enum Nothing {}

fn main() {}
