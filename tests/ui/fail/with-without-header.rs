use errwire::ApiError;

fn double(value: &u32) -> u32 {
    value * 2
}

#[derive(Debug, ApiError)]
#[api_error(http = 400, message = "mapped")]
struct Mapped {
    #[api_error(extra, with = double)]
    value: u32,
}

fn main() {}
