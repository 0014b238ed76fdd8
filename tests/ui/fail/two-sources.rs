use errwire::ApiError;

#[derive(Debug, ApiError)]
#[api_error(http = 500, message = "failed")]
struct Failed {
    #[api_error(source)]
    first: std::io::Error,
    #[api_error(source)]
    second: std::io::Error,
}

fn main() {}
