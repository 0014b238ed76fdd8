use errwire::ApiError;

#[derive(Debug, ApiError)]
#[api_error(http = 401, message = "bad password {password}")]
struct LoginFailed {
    #[api_error(skip)]
    password: String,
}

fn main() {}
