use errwire::{ApiError, FieldErrors};

#[derive(Debug, ApiError)]
#[api_error(http = 400, message = "The form has errors")]
struct Invalid {
    #[api_error(field_errors)]
    problems: FieldErrors,
    #[api_error(extra)]
    errors: Vec<String>,
    #[api_error(field_errors, extra)]
    more: FieldErrors,
}

fn main() {}
