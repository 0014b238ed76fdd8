//! Errors declared in a crate that depends on errwire under another name (`errors`), and
//! through a re-export, as a facade crate would offer it to its users.

/// What a facade crate re-exports for its users.
pub mod api {
    pub use errors as errwire;
}

/// Named by the renamed dependency.
#[derive(Debug, errors::ApiError)]
#[api_error(
    crate = "errors",
    format = "matrix",
    http = 404,
    errcode = "M_NOT_FOUND",
    message = "No room {room}"
)]
pub struct RoomNotFound {
    /// The room asked for.
    #[api_error(extra)]
    pub room: String,
}

/// Named through the facade's re-export.
#[derive(Debug, api::errwire::ApiError)]
#[api_error(crate = "crate::api::errwire", format = "djblets")]
pub enum WebApiError {
    /// A missing object.
    #[api_error(code = 100, http = 404, message = "Object does not exist")]
    DoesNotExist,
    /// A rate limit.
    #[api_error(code = 429, http = 429, message = "Slow down for {0} s")]
    RateLimited(u64),
}

#[cfg(test)]
mod tests {
    use errors::{ApiError, Classify, WireError, WireFormat};

    use super::{RoomNotFound, WebApiError};

    #[test]
    fn a_renamed_runtime_renders_and_classifies() {
        let error = RoomNotFound {
            room: "!a:b".into(),
        };
        let response = error.to_response().expect("renders");
        assert_eq!(response.status(), 404);
        let body: serde_json::Value = serde_json::from_slice(response.body()).expect("JSON");
        assert_eq!(
            body,
            serde_json::json!({"errcode": "M_NOT_FOUND", "error": "No room !a:b", "room": "!a:b"})
        );
        let wire = WireError::from_slice(WireFormat::Matrix, response.body()).expect("reads");
        let back = RoomNotFound::from_wire(&wire).expect("known");
        assert_eq!(back.room, "!a:b");
    }

    #[test]
    fn a_re_exported_runtime_renders_constants_and_constructors() {
        assert_eq!(WebApiError::DOES_NOT_EXIST.status(), 404);
        let error = WebApiError::rate_limited(3);
        assert_eq!(error.to_string(), "Slow down for 3 s");
        assert_eq!(error.code(), Some(429));
    }
}
