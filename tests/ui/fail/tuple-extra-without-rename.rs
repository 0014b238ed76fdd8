use errwire::ApiError;

#[derive(Debug, ApiError)]
#[api_error(http = 400, message = "tuple")]
struct Tuple(#[api_error(extra)] u32);

fn main() {}
