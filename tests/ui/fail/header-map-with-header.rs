use std::collections::BTreeMap;

use errwire::ApiError;

#[derive(Debug, ApiError)]
#[api_error(http = 402, message = "quota")]
struct Quota {
    #[api_error(headers, header = "X-Quota")]
    headers: BTreeMap<String, String>,
}

fn main() {}
