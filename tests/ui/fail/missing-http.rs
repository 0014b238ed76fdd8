use errwire::ApiError;

#[derive(Debug, ApiError)]
enum Catalog {
    #[api_error(code = 1, message = "no status")]
    NoStatus,
}

fn main() {}
