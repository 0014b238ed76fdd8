use errwire::ApiError;

// rustc parses `_: T` (unnamed fields, unstable) and hands it to the derive.
#[derive(Debug, ApiError)]
#[api_error(http = 400, message = "m")]
struct Unnamed {
    #[api_error(errcode)]
    _: u32,
}

fn main() {}
