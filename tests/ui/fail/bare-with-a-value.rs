use errwire::ApiError;

// `bare` is a flag: the error's one field is the whole body, nothing to choose.
#[derive(Debug, ApiError)]
#[api_error(http = 401, message = "m", format = "matrix", bare = "result")]
struct Incomplete {
    #[api_error(extra)]
    result: String,
}

fn main() {}
