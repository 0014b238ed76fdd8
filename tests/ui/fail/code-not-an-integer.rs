use errwire::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = "100", http = 400, message = "string code")]
struct StringCode;

fn main() {}
