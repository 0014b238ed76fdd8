use errwire::ApiError;

#[derive(Debug, ApiError)]
#[api_error(http = 400, message = "conflict")]
struct Conflicting {
    #[api_error(skip, extra)]
    value: u32,
}

fn main() {}
