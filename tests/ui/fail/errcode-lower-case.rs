use errwire::ApiError;

#[derive(Debug, ApiError)]
#[api_error(http = 400, errcode = "m_bad_json", message = "lower")]
struct Lower;

fn main() {}
