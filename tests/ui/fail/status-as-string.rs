use errwire::ApiError;

#[derive(Debug, ApiError)]
#[api_error(http = "404", message = "status as a string")]
struct Quoted;

fn main() {}
