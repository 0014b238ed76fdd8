use errwire::ApiError;

#[derive(Debug, ApiError)]
#[api_error(http = 500)]
enum Catalog {
    #[api_error(code = 1, message = "HTTP error")]
    HttpError,
    #[api_error(code = 2, message = "Another HTTP error")]
    HTTPError,
}

fn main() {}
