use errwire::ApiError;

#[derive(Debug, ApiError)]
#[api_error(http = 400, message = "Field {nmae} is invalid")]
struct InvalidField {
    name: String,
}

fn main() {}
