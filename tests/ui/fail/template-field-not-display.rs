use errwire::ApiError;

// A field a template shows must be `Display`: the error points at the field.
#[derive(Debug, ApiError)]
#[api_error(http = 400, message = "Fields {names} are invalid")]
struct InvalidFields {
    names: Vec<String>,
}

fn main() {}
