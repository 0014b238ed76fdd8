use errwire::ApiError;

#[derive(Debug, ApiError)]
#[api_error(format = "problem", doc_url = "https://docs.example.com/errors")]
enum Catalog {
    #[api_error(http = 404, message = "Not found")]
    NotFound,
}

fn main() {}
