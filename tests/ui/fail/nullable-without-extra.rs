use errwire::ApiError;

#[derive(Debug, ApiError)]
#[api_error(http = 429, message = "m")]
struct Limited {
    #[api_error(nullable)]
    retry_after_ms: Option<u64>,
}

fn main() {}
