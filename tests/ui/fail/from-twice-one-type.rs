use errwire::ApiError;

#[derive(Debug, ApiError)]
#[api_error(http = 500)]
enum StoreError {
    #[api_error(message = "Reading failed")]
    Read(#[api_error(from)] std::io::Error),
    #[api_error(message = "Writing failed")]
    Write(#[api_error(from)] std::io::Error),
}

fn main() {}
