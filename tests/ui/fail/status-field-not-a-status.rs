use errwire::ApiError;

#[derive(Debug, ApiError)]
#[api_error(http = 400, message = "status as text")]
struct Textual {
    #[api_error(status)]
    code: String,
}

fn main() {}
