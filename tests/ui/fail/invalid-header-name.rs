use errwire::ApiError;

#[derive(Debug, ApiError)]
#[api_error(http = 429, message = "slow down")]
struct Slow {
    #[api_error(header = "Retry After")]
    seconds: u32,
}

fn main() {}
