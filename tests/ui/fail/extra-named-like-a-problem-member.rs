use errwire::ApiError;

#[derive(Debug, ApiError)]
#[api_error(http = 409, message = "Out of stock")]
struct OutOfStock {
    #[api_error(extra)]
    status: String,
}

#[derive(Debug, ApiError)]
#[api_error(format = "matrix", http = 400, errcode = "M_BAD", message = "Bad")]
struct Bad {
    #[api_error(extra, rename = "title")]
    name: String,
}

fn main() {}
