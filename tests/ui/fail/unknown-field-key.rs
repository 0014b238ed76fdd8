use errwire::ApiError;

#[derive(Debug, ApiError)]
#[api_error(http = 400, message = "typo")]
struct Typo {
    #[api_error(extar)]
    value: u32,
}

fn main() {}
