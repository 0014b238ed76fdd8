use errwire::ApiError;

// A key without its value: the error points at the list's closing parenthesis.
#[derive(Debug, ApiError)]
#[api_error(http = 400, message = )]
struct Unfinished;

#[derive(Debug, ApiError)]
#[api_error(format = "matrix")]
enum Catalog {
    #[api_error(http = 400, errcode = "M_A", message = "A",)]
    A,
    #[api_error(http = 400 errcode = "M_B", message = "B")]
    B,
}

fn main() {}
