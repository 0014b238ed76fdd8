use errwire::ApiError;

#[derive(Debug, ApiError)]
#[api_error(code = 1, http = 400)]
enum Catalog {
    #[api_error(message = "a")]
    A,
}

fn main() {}
