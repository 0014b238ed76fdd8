use errwire::ApiError;

#[derive(Debug, ApiError)]
#[api_error(format = "problem")]
enum Catalog {
    #[api_error(
        http = 404,
        message = "Not found",
        doc_url = "https://docs.example.com/not-found",
        doc_base = "https://docs.example.com/errors/"
    )]
    NotFound,
}

fn main() {}
