use errwire::ApiError;

#[derive(Debug, ApiError)]
#[api_error(parent = String, message = "child")]
struct Child;

fn main() {}
