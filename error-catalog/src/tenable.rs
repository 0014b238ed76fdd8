//! pyTenable errors (`tenable.errors`, pyTenable 1.3.3): the 14 classes the documentation page
//! lists, the three it omits (`InvalidInputError` and `PermissionError`, which the status
//! mapping raises, and `FileDownloadError`), and that mapping itself ([`error_for_response`]).
//!
//! Every type is named as its Python class and has the Python base as its `parent`:
//!
//! ```text
//! TenableException(msg)
//! ├── ConnectionError(msg), PackageMissingError(msg), UnexpectedValueError(msg)
//! ├── FileDownloadError(resource, resource_id, filename)
//! ├── TioExportsError(export, uuid), TioExportsTimeout(export, uuid)
//! └── APIError(r)
//!     ├── ImpersonationError, InvalidInputError, NotFoundError, PasswordComplexityError,
//!     │   PermissionError, ServerError, UnknownError, UnsupportedError   (all `(r)`)
//!     └── RetryError(r, attempts)
//! ```
//!
//! The errors of the `APIError` branch wrap the offending response as a [`ResponseRecord`]
//! (field `response`, the constructor's `r`), which is also the error's HTTP status. The
//! attributes pyTenable derives from it are methods: `code()` (the status), `uuid()` (the
//! `X-Request-Uuid` header) and `msg()` (`METHOD url >> str(e)`). `Display` is `str(e)`.
//!
//! ```
//! use errwire_catalog::tenable::{NotFoundError, RetryError};
//! use errwire::{ApiError, Described, ErrorDescriptor, ResponseRecord};
//!
//! let response = ResponseRecord {
//!     method: Some("GET".into()),
//!     url: Some("https://cloud.tenable.com/scans/1".into()),
//!     headers: vec![("X-Request-Uuid".into(), "4b1c".into())],
//!     body: r#"{"error":"Not found"}"#.into(),
//!     ..ResponseRecord::with_status(404)
//! };
//! let error = NotFoundError::new(response.clone());
//! assert_eq!(error.to_string(), r#"4b1c:404 {"error":"Not found"}"#);
//! assert_eq!(error.status(), 404);
//! assert_eq!((error.code(), error.uuid()), (404, Some("4b1c")));
//! assert_eq!(
//!     error.msg(),
//!     r#"GET https://cloud.tenable.com/scans/1 >> 4b1c:404 {"error":"Not found"}"#
//! );
//!
//! let retry = RetryError::new(ResponseRecord::with_status(503), 6);
//! assert_eq!(retry.to_string(), "6 attempts made, last returned None:503 ");
//! ```

use std::fmt;

use errwire::{ApiError, Described, ErrorDescriptor, ResponseRecord};
use serde::Deserialize;
use serde_json::Value;

use crate::catalog_error::CatalogError;
use crate::python::{OrNone, str_of};

mod retry;
pub use retry::{RetryDecision, RetryPolicy};

/// Base exception class that sets up logging and handles some basic scaffolding for all other
/// exception classes. This exception should never be directly seen.
#[derive(Clone, Debug, PartialEq, Eq, ApiError, Deserialize)]
#[api_error(http = 500, message = "{msg}")]
#[serde(deny_unknown_fields)]
pub struct TenableException {
    /// The message, as `str(msg)`.
    #[serde(deserialize_with = "str_of")]
    pub msg: String,
}

/// A connection-error is thrown only for products like Tenable.sc or Nessus, where the application
/// may be installed anywhere. This error is thrown if we are unable to complete the initial
/// connection or gather the basic information about the application that is necessary.
#[derive(Clone, Debug, PartialEq, Eq, ApiError, Deserialize)]
#[api_error(parent = TenableException, message = "{msg}")]
#[serde(deny_unknown_fields)]
pub struct ConnectionError {
    /// The message, as `str(msg)`.
    #[serde(deserialize_with = "str_of")]
    pub msg: String,
}

/// In situations where an optional library is needed, this exception will be thrown if the
/// optional library is needed, however is unavailable.
#[derive(Clone, Debug, PartialEq, Eq, ApiError, Deserialize)]
#[api_error(parent = TenableException, message = "{msg}")]
#[serde(deny_unknown_fields)]
pub struct PackageMissingError {
    /// The message, as `str(msg)`.
    #[serde(deserialize_with = "str_of")]
    pub msg: String,
}

/// An unexpected value error is thrown whenever the value specified for a parameter is outside the
/// bounds of what is expected. For example, if the parameter **a** is expected to have a value of
/// 1, 2, or 3, and it is instead passed a value of 0, then it is an unexpected value, and this
/// Exception should be thrown by the package.
#[derive(Clone, Debug, PartialEq, Eq, ApiError, Deserialize)]
#[api_error(parent = TenableException, message = "{msg}")]
#[serde(deny_unknown_fields)]
pub struct UnexpectedValueError {
    /// The message, as `str(msg)`.
    #[serde(deserialize_with = "str_of")]
    pub msg: String,
}

/// FileDownloadError is thrown when a file fails to download.
///
/// Not on the documentation page.
#[derive(Clone, Debug, PartialEq, Eq, ApiError, Deserialize)]
#[api_error(
    parent = TenableException,
    message = "resource {resource}:{resource_id} requested file {filename} and has failed."
)]
#[serde(deny_unknown_fields)]
pub struct FileDownloadError {
    /// The resource the file was requested from (`scans`), as `str(resource)`.
    #[serde(deserialize_with = "str_of")]
    pub resource: String,
    /// The identifier of the resource, as `str(resource_id)`.
    #[serde(deserialize_with = "str_of")]
    pub resource_id: String,
    /// The file name or file id that was requested, as `str(filename)`.
    #[serde(deserialize_with = "str_of")]
    pub filename: String,
}

/// When the exports APIs throw an error when processing an export, pyTenable will throw this error
/// in turn to relay that context to the user.
#[derive(Clone, Debug, PartialEq, Eq, ApiError, Deserialize)]
#[api_error(parent = TenableException, message = "{export} export {uuid} has errored.")]
#[serde(deny_unknown_fields)]
pub struct TioExportsError {
    /// The export type (`vulns`, `assets`).
    #[serde(deserialize_with = "str_of")]
    pub export: String,
    /// The UUID of the export.
    #[serde(deserialize_with = "str_of")]
    pub uuid: String,
}

/// When an export has been cancelled due to timeout, this error is thrown.
#[derive(Clone, Debug, PartialEq, Eq, ApiError, Deserialize)]
#[api_error(parent = TenableException, message = "{export} export {uuid} has timed out.")]
#[serde(deny_unknown_fields)]
pub struct TioExportsTimeout {
    /// The export type (`vulns`, `assets`).
    #[serde(deserialize_with = "str_of")]
    pub export: String,
    /// The UUID of the export.
    #[serde(deserialize_with = "str_of")]
    pub uuid: String,
}

/// The APIError Exception is a generic Exception for handling responses from the API that aren't
/// what's expected. The APIError Exception itself attempts to provide the developer with enough
/// information around the response to ascertain what went wrong.
///
/// Named as the Python class: the derive's trait `ApiError` is in scope wherever errors are
/// declared, so the Python spelling is also the one that does not clash.
#[derive(Clone, Debug, PartialEq, Eq, ApiError, Deserialize)]
#[api_error(
    parent = TenableException,
    message = "{uuid}:{code} {text}",
    display = last_response
)]
#[serde(deny_unknown_fields)]
pub struct APIError {
    /// The response that caused the error (the constructor's `r`); its status is the error's.
    #[api_error(status)]
    #[serde(alias = "r")]
    pub response: ResponseRecord,
}

/// An ImpersonationError exists when there is an issue with user impersonation.
#[derive(Clone, Debug, PartialEq, Eq, ApiError, Deserialize)]
#[api_error(parent = APIError, display = last_response)]
#[serde(deny_unknown_fields)]
pub struct ImpersonationError {
    /// The response that caused the error (the constructor's `r`); its status is the error's.
    #[api_error(status)]
    #[serde(alias = "r")]
    pub response: ResponseRecord,
}

/// A InvalidInputError is thrown if there is either incomplete or invalid information passed to
/// the API. The HTTP response code generally associated to this Exception is 400.
///
/// Not on the documentation page; raised for 400.
#[derive(Clone, Debug, PartialEq, Eq, ApiError, Deserialize)]
#[api_error(parent = APIError, http = 400, display = last_response)]
#[serde(deny_unknown_fields)]
pub struct InvalidInputError {
    /// The response that caused the error (the constructor's `r`); its status is the error's.
    #[api_error(status)]
    #[serde(alias = "r")]
    pub response: ResponseRecord,
}

/// A NotFoundError Exception is thrown when the requested object either doesn't exist, or cannot
/// be retrieved. The HTTP response code generally associated to this Exception is 404.
#[derive(Clone, Debug, PartialEq, Eq, ApiError, Deserialize)]
#[api_error(parent = APIError, http = 404, display = last_response)]
#[serde(deny_unknown_fields)]
pub struct NotFoundError {
    /// The response that caused the error (the constructor's `r`); its status is the error's.
    #[api_error(status)]
    #[serde(alias = "r")]
    pub response: ResponseRecord,
}

/// PasswordComplexityError is thrown when attempting to change a password and the password
/// complexity is insufficient.
#[derive(Clone, Debug, PartialEq, Eq, ApiError, Deserialize)]
#[api_error(parent = APIError, display = last_response)]
#[serde(deny_unknown_fields)]
pub struct PasswordComplexityError {
    /// The response that caused the error (the constructor's `r`); its status is the error's.
    #[api_error(status)]
    #[serde(alias = "r")]
    pub response: ResponseRecord,
}

/// A PermissionError Exception is thrown when the request cannot be completed because the user
/// performing the request doesn't have sufficient permissions to complete the task. The HTTP
/// response code generally associated to this Exception is 403.
///
/// Not on the documentation page; raised for 401 and 403 (the catalog default is the lower,
/// 401).
#[derive(Clone, Debug, PartialEq, Eq, ApiError, Deserialize)]
#[api_error(parent = APIError, http = 401, display = last_response)]
#[serde(deny_unknown_fields)]
pub struct PermissionError {
    /// The response that caused the error (the constructor's `r`); its status is the error's.
    #[api_error(status)]
    #[serde(alias = "r")]
    pub response: ResponseRecord,
}

/// A RetryError is thrown when too many retry attempts have been made.
#[derive(Clone, Debug, PartialEq, Eq, ApiError, Deserialize)]
#[api_error(
    parent = APIError,
    message = "{attempts} attempts made, last returned {uuid}:{code} {text}",
    display = retry_message
)]
#[serde(deny_unknown_fields)]
pub struct RetryError {
    /// The last response received (the constructor's `r`); its status is the error's.
    #[api_error(status)]
    #[serde(alias = "r")]
    pub response: ResponseRecord,
    /// The number of attempts that were made before bailing.
    pub attempts: u64,
}

/// A ServerError is thrown when the HTTP request cannot be completed due to a server-side issue.
/// The HTTP response code generally associated to this Exception is 500.
#[derive(Clone, Debug, PartialEq, Eq, ApiError, Deserialize)]
#[api_error(parent = APIError, http = 500, display = last_response)]
#[serde(deny_unknown_fields)]
pub struct ServerError {
    /// The response that caused the error (the constructor's `r`); its status is the error's.
    #[api_error(status)]
    #[serde(alias = "r")]
    pub response: ResponseRecord,
}

/// If the package is unable to determine what categorization the Exception should fall under, it
/// will fall back to this Exception type. We should generally not see UnknownError be thrown.
#[derive(Clone, Debug, PartialEq, Eq, ApiError, Deserialize)]
#[api_error(parent = APIError, display = last_response)]
#[serde(deny_unknown_fields)]
pub struct UnknownError {
    /// The response that caused the error (the constructor's `r`); its status is the error's.
    #[api_error(status)]
    #[serde(alias = "r")]
    pub response: ResponseRecord,
}

/// UnsupportedError is thrown when an unsupported call is thrown. The HTTP response code generally
/// associated to this Exception is 409.
#[derive(Clone, Debug, PartialEq, Eq, ApiError, Deserialize)]
#[api_error(parent = APIError, http = 409, display = last_response)]
#[serde(deny_unknown_fields)]
pub struct UnsupportedError {
    /// The response that caused the error (the constructor's `r`); its status is the error's.
    #[api_error(status)]
    #[serde(alias = "r")]
    pub response: ResponseRecord,
}

/// The attributes pyTenable's `APIError.__init__` derives from the response, for every type of
/// the `APIError` branch.
macro_rules! response_attributes {
    ($($error:ident),* $(,)?) => {$(
        impl $error {
            /// `code`: the HTTP status of the offending response. (The trait method
            /// `ApiError::code` is the catalog's numeric code, which pyTenable has none of.)
            pub fn code(&self) -> u16 {
                self.response.status
            }

            /// `uuid`: the `X-Request-Uuid` response header (any case), the request's id in
            /// Tenable.io; `None` when the response has none.
            pub fn uuid(&self) -> Option<&str> {
                self.response.header(REQUEST_UUID)
            }

            /// `msg`: the request method and URL, then the message (`GET https://… >> str(e)`).
            pub fn msg(&self) -> String {
                format!(
                    "{} {} >> {self}",
                    OrNone(self.response.method.as_deref()),
                    OrNone(self.response.url.as_deref()),
                )
            }
        }

        impl AsRef<ResponseRecord> for $error {
            fn as_ref(&self) -> &ResponseRecord {
                &self.response
            }
        }
    )*};
}

response_attributes!(
    APIError,
    ImpersonationError,
    InvalidInputError,
    NotFoundError,
    PasswordComplexityError,
    PermissionError,
    RetryError,
    ServerError,
    UnknownError,
    UnsupportedError,
);

/// `msg`, which pyTenable sets to the message for the errors that do not take it.
macro_rules! message_attribute {
    ($($error:ident),* $(,)?) => {$(
        impl $error {
            /// `msg`: the message, as `str(e)`.
            pub fn msg(&self) -> String {
                self.to_string()
            }
        }
    )*};
}

message_attribute!(FileDownloadError, TioExportsError, TioExportsTimeout);

/// The header pyTenable reads the request UUID from.
const REQUEST_UUID: &str = "X-Request-Uuid";

/// `APIError.__str__`: `{uuid}:{code} {text}`, the uuid `None` when the header is missing.
fn last_response<E: AsRef<ResponseRecord>>(error: &E, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    let response = error.as_ref();
    write!(
        f,
        "{}:{} {}",
        OrNone(response.header(REQUEST_UUID)),
        response.status,
        response.body
    )
}

/// `RetryError.__str__`: `{attempts} attempts made, last returned {uuid}:{code} {text}`.
fn retry_message(error: &RetryError, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    write!(f, "{} attempts made, last returned ", error.attempts)?;
    last_response(error, f)
}

/// The pyTenable session whose status mapping classifies a response: Tenable.sc maps fewer
/// statuses than the base `APISession`, and checks the JSON of successful responses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Session {
    /// `tenable.base.v1.APISession`, and `tenable.io.TenableIO`, which keeps its mapping.
    Base,
    /// `tenable.sc.TenableSC`.
    Sc,
}

/// The statuses pyTenable retries (`retry_codes` of `APISession._request`), before any
/// `retry_on` of the request.
pub const RETRY_STATUSES: [u16; 5] = [429, 501, 502, 503, 504];

/// How many times a request is retried (`APISession._retries`): a request answered only with
/// retried statuses ends in a [`RetryError`] after `RETRIES + 1` attempts.
pub const RETRIES: u64 = 5;

/// pyTenable's retry rule for a session built with the defaults: [`RETRY_STATUSES`] are
/// retried, at most `RETRIES + 1` requests are made, and the wait after the n-th is the
/// response's `Retry-After` (seconds, fractions allowed) or else `n` seconds (`_backoff` is 1).
/// pyTenable sleeps after the last attempt too, before raising [`RetryError`]; the policy
/// reports that wait in [`RetryDecision::GiveUp`].
pub fn retry_policy() -> RetryPolicy {
    RetryPolicy::default()
}

impl Session {
    /// The error class `_error_codes` maps `status` to, if any.
    pub fn error_class(self, status: u16) -> Option<&'static ErrorDescriptor> {
        Mapped::of(self, status).map(Mapped::descriptor)
    }
}

/// A class of `_error_codes`.
#[derive(Clone, Copy)]
enum Mapped {
    InvalidInput,
    Permission,
    NotFound,
    Unsupported,
    Server,
    Api,
}

impl Mapped {
    fn of(session: Session, status: u16) -> Option<Self> {
        Some(match (session, status) {
            (_, 400) => Mapped::InvalidInput,
            (Session::Base, 401 | 403) => Mapped::Permission,
            (Session::Sc, 403) => Mapped::Api,
            (_, 404) => Mapped::NotFound,
            (Session::Base, 409) => Mapped::Unsupported,
            (_, 500) => Mapped::Server,
            _ => return None,
        })
    }

    fn descriptor(self) -> &'static ErrorDescriptor {
        match self {
            Mapped::InvalidInput => InvalidInputError::DESCRIPTOR,
            Mapped::Permission => PermissionError::DESCRIPTOR,
            Mapped::NotFound => NotFoundError::DESCRIPTOR,
            Mapped::Unsupported => UnsupportedError::DESCRIPTOR,
            Mapped::Server => ServerError::DESCRIPTOR,
            Mapped::Api => APIError::DESCRIPTOR,
        }
    }

    fn raise(self, response: ResponseRecord) -> Box<dyn CatalogError> {
        match self {
            Mapped::InvalidInput => Box::new(InvalidInputError::new(response)),
            Mapped::Permission => Box::new(PermissionError::new(response)),
            Mapped::NotFound => Box::new(NotFoundError::new(response)),
            Mapped::Unsupported => Box::new(UnsupportedError::new(response)),
            Mapped::Server => Box::new(ServerError::new(response)),
            Mapped::Api => Box::new(APIError::new(response)),
        }
    }
}

/// The error `APISession._request` raises when every attempt of a request is answered like
/// `response`, or `None` when it returns the response: a retried status (those of
/// [`RETRY_STATUSES`] and `retry_on`) gives a [`RetryError`] after `RETRIES + 1` attempts, a
/// mapped status its class ([`Session::error_class`]), a 2xx nothing (on Tenable.sc, an
/// [`APIError`] if the body is a JSON object whose `error_code` is truthy), and any other
/// status an [`UnknownError`].
pub fn error_for_response(
    session: Session,
    response: ResponseRecord,
    retry_on: &[u16],
) -> Option<Box<dyn CatalogError>> {
    let status = response.status;
    if RETRY_STATUSES.contains(&status) || retry_on.contains(&status) {
        return Some(Box::new(RetryError::new(response, RETRIES + 1)));
    }
    if let Some(class) = Mapped::of(session, status) {
        return Some(class.raise(response));
    }
    if !(200..=299).contains(&status) {
        return Some(Box::new(UnknownError::new(response)));
    }
    if session == Session::Sc && sc_error_code_set(&response.body) {
        return Some(Box::new(APIError::new(response)));
    }
    None
}

/// Tenable.sc's `_resp_error_check`: whether the body is JSON with a truthy `error_code`.
fn sc_error_code_set(body: &str) -> bool {
    let Ok(Value::Object(body)) = serde_json::from_str::<Value>(body) else {
        return false;
    };
    match body.get("error_code") {
        None | Some(Value::Null) => false,
        Some(Value::Bool(flag)) => *flag,
        Some(Value::Number(number)) => number.as_f64() != Some(0.0),
        Some(Value::String(text)) => !text.is_empty(),
        Some(Value::Array(items)) => !items.is_empty(),
        Some(Value::Object(members)) => !members.is_empty(),
    }
}

/// What the catalog page says about this module beyond its table.
pub const NOTES: &[&str] = &[
    "Every class is a struct named as in Python, with the Python base as `parent`. `APIError` keeps the Python spelling: `ApiError` is the derive's trait.",
    "`TenableException` is a client-side failure with no status in pyTenable; the catalog gives it 500 (an unexpected failure, if a server relays it), which `ConnectionError`, `PackageMissingError`, `UnexpectedValueError`, `FileDownloadError` and the export errors inherit.",
    "The `APIError` branch wraps the response as a `ResponseRecord` (field `response`, accepted as the constructor's `r`), whose status is the error's. `code()`, `uuid()` and `msg()` are computed from it: the status, the `X-Request-Uuid` header in any case (`None`, shown as `None`, when absent: not the empty string the page promises), and `METHOD url >> str(e)`.",
    "Default statuses from `APISession._error_codes`: `InvalidInputError` 400, `PermissionError` 401 (also raised for 403, which its docstring names), `NotFoundError` 404, `UnsupportedError` 409, `ServerError` 500; the other `APIError` classes inherit 500. `tenable::error_for_response` reproduces the mapping, Tenable.sc's (403 is `APIError`, 401 and 409 are `UnknownError`, a truthy JSON `error_code` on a 2xx is `APIError`), and the retries (429 and 501-504, 5 retries, then `RetryError` with 6 attempts).",
    "In the `APIError` branch, `{uuid}`, `{code}` and `{text}` in the templates are computed from the response, not fields: `display` functions write the text, and the templates document it.",
    "Text arguments read as Python's `str()` shows them (`null` as `None`, integers in decimal), as `TenableException` and `FileDownloadError` convert theirs; `TioExportsError` keeps the objects themselves, the catalog their text. `RetryError.attempts` is a count (`u64`), where Python keeps any object.",
    "Not reproduced: `TenableException` logs its message at ERROR on `tenable.errors.<Class>` when built; the retry sleeps (`Retry-After`, else attempts x backoff) and Tenable.io's `X-Tio-Retry-Count`/`X-Tio-Last-Request-Uuid` retry headers; Tenable.sc's `KeyError('error_code')` on a JSON 2xx body without `error_code` (the catalog returns the response).",
];
