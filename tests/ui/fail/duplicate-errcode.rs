use errwire::ApiError;

#[derive(Debug, ApiError)]
#[api_error(format = "matrix", http = 400)]
enum Catalog {
    #[api_error(errcode = "M_BAD_JSON", message = "Bad JSON")]
    BadJson,
    #[api_error(errcode = "M_BAD_JSON", message = "Not JSON")]
    NotJson,
}

fn main() {}
