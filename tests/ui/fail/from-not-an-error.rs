use errwire::ApiError;

#[derive(Debug, ApiError)]
#[api_error(http = 400, message = "Bad number")]
struct BadNumber {
    #[api_error(from)]
    text: String,
}

fn main() {}
