use errwire::ApiError;

#[derive(Debug, ApiError)]
#[api_error(format = "djblets", code = 300, http = 400, message = "Bad")]
struct InDjblets {
    #[api_error(extra)]
    stat: String,
}

#[derive(Debug, ApiError)]
#[api_error(format = "matrix", http = 400, errcode = "M_BAD", message = "Bad")]
struct InMatrix {
    #[api_error(extra)]
    error: String,
}

#[derive(Debug, ApiError)]
#[api_error(http = 400, message = "Bad")]
struct InProblem {
    #[api_error(extra)]
    code: u32,
}

fn main() {}
