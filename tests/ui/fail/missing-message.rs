use errwire::ApiError;

#[derive(Debug, ApiError)]
#[api_error(http = 400)]
struct Silent;

fn main() {}
