use errwire::ApiError;

#[derive(Debug, ApiError)]
#[api_error(htpp = 404, message = "typo")]
struct Typo;

fn main() {}
