use errwire::ApiError;

#[derive(Debug)]
struct Opaque;

#[derive(Debug, ApiError)]
#[api_error(http = 429, message = "slow down")]
struct Slow {
    #[api_error(header = "Retry-After")]
    seconds: Opaque,
}

fn main() {}
