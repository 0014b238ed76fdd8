use errwire::ApiError;

#[derive(Debug, ApiError)]
#[api_error(http = 400, message = "renamed")]
struct Renamed {
    #[api_error(rename = "other")]
    value: u32,
}

fn main() {}
