use errwire::ApiError;

#[derive(Debug, ApiError)]
#[api_error(http = 400, errcode = "M_BAD JSON", message = "spaced")]
struct Spaced;

fn main() {}
