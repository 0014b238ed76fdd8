use errwire::ApiError;

// Every mistake of one derive is reported in one build.
#[derive(Debug, ApiError)]
#[api_error(format = "matrix")]
enum Catalog {
    #[api_error(http = 200, errcode = "bad code", message = "{missing}")]
    First,
    #[api_error(http = 404, errcode = "M_NOT_FOUND", message = "ok")]
    Second {
        #[api_error(skip, extra)]
        value: u32,
    },
    #[api_error(errcode = "M_NOT_FOUND", message = "no status")]
    Third,
}

fn main() {}
