use errwire::ApiError;

#[derive(Debug, ApiError)]
#[api_error(http = 400)]
enum Catalog {
    #[api_error(message = "Several errors")]
    Errors,
}

fn main() {}
