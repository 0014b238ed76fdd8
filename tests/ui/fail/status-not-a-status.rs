use errwire::ApiError;

#[derive(Debug, ApiError)]
#[api_error(http = 1000, message = "no such status")]
struct Huge;

fn main() {}
