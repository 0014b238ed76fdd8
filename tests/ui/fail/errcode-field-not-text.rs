use errwire::ApiError;

#[derive(Debug, ApiError)]
#[api_error(http = 400, message = "m")]
struct NumericErrcode {
    #[api_error(errcode)]
    errcode: u32,
}

fn main() {}
