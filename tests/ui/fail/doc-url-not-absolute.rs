use errwire::ApiError;

#[derive(Debug, ApiError)]
#[api_error(format = "problem", doc_base = "docs.example.com/errors")]
enum Catalog {
    #[api_error(http = 404, message = "Not found")]
    NotFound,
    #[api_error(http = 409, message = "Conflict", doc_url = "/errors/conflict")]
    Conflict,
    #[api_error(http = 410, message = "Gone")]
    Gone,
}

fn main() {}
