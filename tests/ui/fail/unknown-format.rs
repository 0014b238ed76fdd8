use errwire::ApiError;

#[derive(Debug, ApiError)]
#[api_error(format = "matrx", http = 400, message = "typo")]
struct Typo;

fn main() {}
