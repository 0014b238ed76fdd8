use errwire::ApiError;

// A key that takes no value, given one: an empty list panicked inside darling 0.24's `Flag`.
#[derive(Debug, ApiError)]
#[api_error(http = 400, message = "m")]
struct WithValues {
    #[api_error(detail())]
    detail: String,
    #[api_error(extra = true)]
    note: String,
}

fn main() {}
