use errwire::ApiError;

#[derive(Debug, ApiError)]
#[api_error(http = 400, message = "m")]
struct Doubled {
    #[api_error(errcode, extra)]
    errcode: String,
}

fn main() {}
