use errwire::ApiError;

#[derive(Debug, ApiError)]
#[api_error(http = 400, display = show)]
struct Shown;

fn main() {}
