use errwire::ApiError;

#[derive(Debug, ApiError)]
enum Catalog {
    #[api_error(code = 100, http = 404, message = "Object does not exist")]
    DoesNotExist,
    #[api_error(code = 100, http = 400, message = "Invalid form data")]
    InvalidFormData,
}

fn main() {}
