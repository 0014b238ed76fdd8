// The example, as a user writes it.
use std::collections::BTreeMap;

use errwire::ApiError;

#[derive(Debug, ApiError)]
#[api_error(format = "djblets")]
pub enum WebApiError {
    /// An error indicating a requested resource does not exist.
    #[api_error(code = 100, http = 404, error_type = "resource-does-not-exist",
                message = "Object does not exist")]
    DoesNotExist,
    #[api_error(code = 105, http = 400, error_type = "request-field-error",
                message = "One or more fields had errors")]
    InvalidFormData { #[api_error(extra)] fields: BTreeMap<String, Vec<String>> },
}

fn ms_to_secs(ms: &u64) -> u64 {
    ms.div_ceil(1000)
}

#[derive(Debug, ApiError)]
#[api_error(format = "matrix", http = 429, errcode = "M_LIMIT_EXCEEDED",
            message = "Too Many Requests")]
pub struct LimitExceeded {
    #[api_error(extra, header = "Retry-After", with = ms_to_secs)]
    pub retry_after_ms: Option<u64>,
}

errwire::assert_unique_errors!(WebApiError, LimitExceeded);

fn main() {
    let _ = WebApiError::DOES_NOT_EXIST.to_response();
    let _ = LimitExceeded::new(Some(1000)).with_message("slow down").to_response();
}
