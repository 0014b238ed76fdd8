use errwire::ApiError;

#[derive(Debug, ApiError)]
#[api_error(http = 403, title = " ", message = "Out of credit")]
struct OutOfCredit;

fn main() {}
