use errwire::ApiError;

#[derive(Debug, ApiError)]
#[api_error(http = 400, message = "{0}")]
struct Named {
    name: String,
}

fn main() {}
