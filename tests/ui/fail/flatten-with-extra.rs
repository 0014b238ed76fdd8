use std::collections::BTreeMap;

use errwire::ApiError;

#[derive(Debug, ApiError)]
#[api_error(http = 400, message = "m")]
struct Spread {
    #[api_error(flatten, extra)]
    additional_fields: BTreeMap<String, String>,
}

fn main() {}
