use errwire::ApiError;

#[derive(Debug, ApiError)]
#[api_error(http = 500, message = "failed")]
struct Failed {
    #[api_error(from)]
    cause: std::io::Error,
    #[api_error(source)]
    other: std::fmt::Error,
}

fn main() {}
