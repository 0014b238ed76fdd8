use errwire::ApiError;

#[derive(Debug, ApiError)]
#[api_error(http = 200, message = "OK is not an error")]
struct NotAnError;

fn main() {}
