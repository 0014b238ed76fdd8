use errwire::ApiError;

#[derive(Debug, ApiError)]
#[api_error(http = 400, errcode = "", message = "empty")]
struct Empty;

fn main() {}
