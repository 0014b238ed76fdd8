use errwire::ApiError;

#[derive(Debug, ApiError)]
#[api_error(http = 400, errcode = "M-BAD-JSON", message = "dashes")]
struct Dashed;

fn main() {}
