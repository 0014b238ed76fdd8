use errwire::ApiError;

fn challenge() -> &'static str {
    "Basic"
}

#[derive(Debug, ApiError)]
#[api_error(http = 401, message = "log in", headers = challenge)]
struct NotLoggedIn;

fn main() {}
