use errwire::ApiError;

#[derive(ApiError)]
#[api_error(http = 400, message = "union")]
union NotAnError {
    a: u32,
    b: f32,
}

fn main() {}
