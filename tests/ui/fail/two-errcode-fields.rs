use errwire::ApiError;

#[derive(Debug, ApiError)]
#[api_error(http = 400, message = "m")]
struct TwoErrcodes {
    #[api_error(errcode)]
    first: String,
    #[api_error(errcode)]
    second: String,
}

fn main() {}
