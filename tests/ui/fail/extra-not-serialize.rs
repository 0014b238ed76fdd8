use errwire::ApiError;

#[derive(Debug)]
struct Opaque;

#[derive(Debug, ApiError)]
#[api_error(http = 400, message = "bad")]
struct Bad {
    #[api_error(extra)]
    value: Opaque,
}

fn main() {}
