use errwire::ApiError;

#[derive(Debug, ApiError)]
#[api_error(http = 500, message = "failed")]
struct Failed {
    #[api_error(from, extra)]
    cause: std::io::Error,
}

fn main() {}
