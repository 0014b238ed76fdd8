use errwire::ApiError;

#[derive(Debug, ApiError)]
#[api_error(http = 400, message = "{0} and {1}")]
struct Pair(String);

fn main() {}
