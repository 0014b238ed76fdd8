//! py42 errors (`py42.exceptions`, py42 1.29.1): all 52 `Py42*` exceptions, each a struct
//! named as its Python class, with the class hierarchy as `parent`, the constructor's
//! parameters as fields, and the message py42 formats as `Display`.
//!
//! py42 is a client library: its errors wrap an HTTP response received from Code42. Here the
//! wrapped response (the `exception` or `response` parameter) is an [`ResponseRecord`], and
//! it is the error's `#[api_error(status)]` field, so an error's [`ApiError::status`] is the
//! status of the response it wraps. The statuses declared on the classes are the ones
//! [`raise_py42_error`] maps to them; the root [`Py42Error`] is declared 500, which every
//! class that stands for no status inherits (see [`NOTES`]).
//!
//! The values py42 formats into its messages (IDs, names, `message`) may be any Python value;
//! they are [`PyValue`]s, shown as Python's `str()` shows them (`None`, `True`, `42`).
//!
//! ```
//! use errwire_catalog::py42::{Py42Error, Py42NotFoundError, Py42UserAlreadyAddedError, PyValue};
//! use errwire::{ApiError, Described, ResponseRecord};
//!
//! let response = ResponseRecord {
//!     status: 404,
//!     reason: Some("Not Found".into()),
//!     method: Some("GET".into()),
//!     url: Some("https://console.us.code42.com/api/v1/User?id=1".into()),
//!     body: r#"{"error":"no user"}"#.into(),
//!     ..ResponseRecord::default()
//! };
//! let error = Py42NotFoundError::new(response.clone(), PyValue::None, Vec::new());
//! assert_eq!(error.status(), 404);
//! assert!(error.is_a(Py42Error::DESCRIPTOR));
//! assert_eq!(
//!     error.to_string(),
//!     "Failure in HTTP call 404 Client Error: Not Found for url: \
//!      https://console.us.code42.com/api/v1/User?id=1. Response content: {\"error\":\"no user\"}"
//! );
//!
//! let added = Py42UserAlreadyAddedError::new(
//!     ResponseRecord { status: 400, ..response },
//!     "942897397520289999".into(),
//!     "Departing Employee".into(),
//! );
//! assert_eq!(added.status(), 400);
//! assert_eq!(
//!     added.to_string(),
//!     "User with ID 942897397520289999 is already on the Departing Employee."
//! );
//! ```

use std::fmt;

use errwire::{ApiError, ResponseRecord};
use serde::{Deserialize, Serialize};

use crate::catalog_error::CatalogError;
use crate::python::OrNone;
pub use crate::python::PyValue;

/// An exception py42 was given as the cause of an error (`Py42SessionInitializationError`'s
/// `exception`, a `requests` `ConnectionError` say), kept as its class name and its `str()`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PyException {
    /// The Python class name (`ConnectionError`).
    pub name: String,
    /// What `str()` of the exception gives.
    pub message: String,
}

impl fmt::Display for PyException {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for PyException {}

/// The text of the `requests.HTTPError` that `Response.raise_for_status()` raises for a
/// response: `404 Client Error: Not Found for url: https://…` for a 4xx,
/// `500 Server Error: Internal Server Error for url: https://…` for a 5xx. For any other
/// status (requests raises nothing then), it is `{status} {reason}`, as an `HTTPError` made
/// by hand from the response reads. A missing reason is the status's standard phrase.
#[derive(Clone, Copy, Debug)]
pub struct HttpErrorText<'a>(pub &'a ResponseRecord);

impl fmt::Display for HttpErrorText<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let response = self.0;
        let status = response.status;
        // requests formats the attributes with an f-string, so a missing one reads `None`.
        let reason = OrNone(response.reason_phrase());
        let url = OrNone(response.url.as_deref());
        match status {
            400..=499 => write!(f, "{status} Client Error: {reason} for url: {url}"),
            500..=599 => write!(f, "{status} Server Error: {reason} for url: {url}"),
            _ => write!(f, "{status} {reason}"),
        }
    }
}

/// What the classes that take `(exception, message)` share: the response of the wrapped
/// `HTTPError` and the message given.
trait HttpFailure: ApiError {
    fn exception(&self) -> &ResponseRecord;
    fn message(&self) -> &PyValue;
}

macro_rules! http_failures {
    ($($error:ident),* $(,)?) => {$(
        impl HttpFailure for $error {
            fn exception(&self) -> &ResponseRecord {
                &self.exception
            }

            fn message(&self) -> &PyValue {
                &self.message
            }
        }
    )*};
}

http_failures!(
    Py42HTTPError,
    Py42BadRequestError,
    Py42UnauthorizedError,
    Py42ForbiddenError,
    Py42NotFoundError,
    Py42ConflictError,
    Py42InternalServerError,
    Py42TooManyRequestsError,
    Py42StorageSessionInitializationError,
    Py42MFARequiredError,
    Py42UserAlreadyExistsError,
    Py42CloudAliasLimitExceededError,
);

/// `Py42HTTPError.__init__`: the message given, or when it is false (`None`, `""`),
/// `Failure in HTTP call {HTTPError}. Response content: {response.text}`.
fn http_failure<E: HttpFailure>(error: &E, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    let message = error.message();
    if message.is_truthy() {
        return write!(f, "{message}");
    }
    let response = error.exception();
    write!(
        f,
        "Failure in HTTP call {}. Response content: {}",
        HttpErrorText(response),
        response.body
    )
}

/// `message = message or "…"`: the message given, or when it is false the class's own text,
/// which is its documented template.
fn message_or_default<E: HttpFailure>(error: &E, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    let message = error.message();
    if message.is_truthy() {
        write!(f, "{message}")
    } else {
        f.write_str(error.descriptor().message)
    }
}

/// `Exception.__str__` for one argument: the first of `args`, or nothing.
fn first_arg(error: &Py42Error, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    match error.args.first() {
        Some(message) => write!(f, "{message}"),
        None => Ok(()),
    }
}

/// `{legal_hold_resource.capitalize()} with UID '{resource_uid}' can not be found. Your
/// account may not have permission to view the {legal_hold_resource.lower()}.`
fn legal_hold_message(
    error: &Py42LegalHoldNotFoundOrPermissionDeniedError,
    f: &mut fmt::Formatter<'_>,
) -> fmt::Result {
    let resource = &error.legal_hold_resource;
    let mut chars = resource.chars();
    let capitalized: String = match chars.next() {
        Some(first) => first
            .to_uppercase()
            .chain(chars.as_str().to_lowercase().chars())
            .collect(),
        None => String::new(),
    };
    write!(
        f,
        "{capitalized} with UID '{}' can not be found. Your account may not have permission to view the {}.",
        error.resource_uid,
        resource.to_lowercase()
    )
}

/// `User risk profile for user with the {identifier} '{user_id}' not found.`
fn risk_profile_message(
    error: &Py42UserRiskProfileNotFound,
    f: &mut fmt::Formatter<'_>,
) -> fmt::Result {
    write!(
        f,
        "User risk profile for user with the {} '{}' not found.",
        error.identifier, error.user_id
    )
}

fn default_legal_hold_resource() -> String {
    "matter".to_owned()
}

fn default_identifier() -> PyValue {
    PyValue::from("ID")
}

/// A generic, Py42 custom base exception.
#[derive(Clone, Debug, PartialEq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(http = 500, message = "", display = first_arg)]
pub struct Py42Error {
    /// The exception's arguments; the first is its message.
    #[serde(default)]
    pub args: Vec<PyValue>,
}

/// A base custom class to manage all errors raised because of an HTTP response.
#[derive(Clone, Debug, PartialEq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(parent = Py42Error, message = "{message}")]
pub struct Py42ResponseError {
    /// The response prior to the error (py42's `response` property).
    #[api_error(status)]
    pub response: ResponseRecord,
    /// The message (shown as Python's `str()` shows it).
    pub message: PyValue,
    /// Further values, kept in the exception's `args` after the message.
    #[serde(default)]
    pub args: Vec<PyValue>,
}

/// An exception raised when a resource file is not found or the path is invalid.
#[derive(Clone, Debug, PartialEq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(parent = Py42ResponseError, message = "File not found in archive for device {device_guid} at path {file_path}")]
pub struct Py42ArchiveFileNotFoundError {
    /// The response prior to the error (py42's `response` property).
    #[api_error(status)]
    pub response: ResponseRecord,
    /// The device GUID provided.
    #[api_error(extra)]
    pub device_guid: PyValue,
    /// The file path provided.
    #[api_error(extra)]
    pub file_path: PyValue,
}

/// An exception raised when a user-supplied hash could not successfully locate its
/// corresponding resource.
#[derive(Clone, Debug, PartialEq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(parent = Py42ResponseError, message = "No files found with {checksum_name} checksum {checksum_value}.")]
pub struct Py42ChecksumNotFoundError {
    /// The response prior to the error (py42's `response` property).
    #[api_error(status)]
    pub response: ResponseRecord,
    /// The checksum name.
    #[api_error(extra)]
    pub checksum_name: PyValue,
    /// The checksum value.
    #[api_error(extra)]
    pub checksum_value: PyValue,
}

/// An exception raised when a requested feature is not supported in your Code42 environment.
#[derive(Clone, Debug, PartialEq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(parent = Py42ResponseError, message = "You may be trying to use a feature that is unavailable in your environment.")]
pub struct Py42FeatureUnavailableError {
    /// The response prior to the error (py42's `response` property).
    #[api_error(status)]
    pub response: ResponseRecord,
}

/// A base custom class to manage all HTTP errors raised by an API endpoint.
///
/// Without a message (or with a false one), the message is `Failure in HTTP call {HTTPError}.
/// Response content: {body}`, the `HTTPError` written as requests writes it
/// ([`HttpErrorText`]). [`raise_py42_error`] chooses the subclass for a response's status.
#[derive(Clone, Debug, PartialEq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(parent = Py42ResponseError, message = "Failure in HTTP call {exception}. Response content: {response_text}", display = http_failure)]
pub struct Py42HTTPError {
    /// The response of the `requests.HTTPError` py42 wraps (py42's `response` property).
    #[api_error(status)]
    pub exception: ResponseRecord,
    /// The message; py42 uses its default text when it is false (`None`, empty).
    #[serde(default)]
    pub message: PyValue,
    /// Further values, kept in the exception's `args` after the message.
    #[serde(default)]
    pub args: Vec<PyValue>,
}

/// An exception raised when trying to push a restore to a device that is not connected to an
/// Authority server.
#[derive(Clone, Debug, PartialEq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(parent = Py42ResponseError, message = "Device with GUID '{device_guid}' is not currently connected to the Authority server.")]
pub struct Py42DeviceNotConnectedError {
    /// The response prior to the error (py42's `response` property).
    #[api_error(status)]
    pub response: ResponseRecord,
    /// The device GUID.
    #[api_error(extra)]
    pub device_guid: PyValue,
}

/// An exception raised when the password for unlocking an archive is invalid.
#[derive(Clone, Debug, PartialEq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(parent = Py42HTTPError, message = "Invalid archive password.")]
pub struct Py42InvalidArchivePassword {
    /// The response of the `requests.HTTPError` py42 wraps (py42's `response` property).
    #[api_error(status)]
    pub exception: ResponseRecord,
}

/// An exception raised the encryption key for an archive is invalid.
#[derive(Clone, Debug, PartialEq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(parent = Py42HTTPError, message = "Invalid archive encryption key.")]
pub struct Py42InvalidArchiveEncryptionKey {
    /// The response of the `requests.HTTPError` py42 wraps (py42's `response` property).
    #[api_error(status)]
    pub exception: ResponseRecord,
}

/// An exception raised when the user is not authorized to initialize a storage session. This
/// may occur when trying to restore a file or trying to get events for file activity on
/// removable media, in cloud sync folders, and browser uploads.
#[derive(Clone, Debug, PartialEq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(parent = Py42HTTPError, message = "{message}", display = http_failure)]
pub struct Py42StorageSessionInitializationError {
    /// The response of the `requests.HTTPError` py42 wraps (py42's `response` property).
    #[api_error(status)]
    pub exception: ResponseRecord,
    /// The message; py42 uses its default text when it is false (`None`, empty).
    pub message: PyValue,
}

/// An exception raised when a user connection is invalid. A connection might be invalid due to
/// connection timeout, invalid token, etc.
#[derive(Clone, Debug, PartialEq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(parent = Py42Error, message = "An error occurred while requesting server environment information, caused by {exception}")]
pub struct Py42SessionInitializationError {
    /// The exception that made the session fail.
    #[api_error(source)]
    pub exception: PyException,
}

/// A wrapper to represent an HTTP 400 error.
#[derive(Clone, Debug, PartialEq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(parent = Py42HTTPError, http = 400, message = "Failure in HTTP call {exception}. Response content: {response_text}", display = http_failure)]
pub struct Py42BadRequestError {
    /// The response of the `requests.HTTPError` py42 wraps (py42's `response` property).
    #[api_error(status)]
    pub exception: ResponseRecord,
    /// The message; py42 uses its default text when it is false (`None`, empty).
    #[serde(default)]
    pub message: PyValue,
    /// Further values, kept in the exception's `args` after the message.
    #[serde(default)]
    pub args: Vec<PyValue>,
}

/// A wrapper to represent an HTTP 401 error.
#[derive(Clone, Debug, PartialEq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(parent = Py42HTTPError, http = 401, message = "Failure in HTTP call {exception}. Response content: {response_text}", display = http_failure)]
pub struct Py42UnauthorizedError {
    /// The response of the `requests.HTTPError` py42 wraps (py42's `response` property).
    #[api_error(status)]
    pub exception: ResponseRecord,
    /// The message; py42 uses its default text when it is false (`None`, empty).
    #[serde(default)]
    pub message: PyValue,
    /// Further values, kept in the exception's `args` after the message.
    #[serde(default)]
    pub args: Vec<PyValue>,
}

/// A wrapper to represent an HTTP 403 error.
#[derive(Clone, Debug, PartialEq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(parent = Py42HTTPError, http = 403, message = "Failure in HTTP call {exception}. Response content: {response_text}", display = http_failure)]
pub struct Py42ForbiddenError {
    /// The response of the `requests.HTTPError` py42 wraps (py42's `response` property).
    #[api_error(status)]
    pub exception: ResponseRecord,
    /// The message; py42 uses its default text when it is false (`None`, empty).
    #[serde(default)]
    pub message: PyValue,
    /// Further values, kept in the exception's `args` after the message.
    #[serde(default)]
    pub args: Vec<PyValue>,
}

/// A wrapper to represent an HTTP 404 error.
#[derive(Clone, Debug, PartialEq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(parent = Py42HTTPError, http = 404, message = "Failure in HTTP call {exception}. Response content: {response_text}", display = http_failure)]
pub struct Py42NotFoundError {
    /// The response of the `requests.HTTPError` py42 wraps (py42's `response` property).
    #[api_error(status)]
    pub exception: ResponseRecord,
    /// The message; py42 uses its default text when it is false (`None`, empty).
    #[serde(default)]
    pub message: PyValue,
    /// Further values, kept in the exception's `args` after the message.
    #[serde(default)]
    pub args: Vec<PyValue>,
}

/// A wrapper to represent an HTTP 409 error.
#[derive(Clone, Debug, PartialEq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(parent = Py42HTTPError, http = 409, message = "Failure in HTTP call {exception}. Response content: {response_text}", display = http_failure)]
pub struct Py42ConflictError {
    /// The response of the `requests.HTTPError` py42 wraps (py42's `response` property).
    #[api_error(status)]
    pub exception: ResponseRecord,
    /// The message; py42 uses its default text when it is false (`None`, empty).
    #[serde(default)]
    pub message: PyValue,
    /// Further values, kept in the exception's `args` after the message.
    #[serde(default)]
    pub args: Vec<PyValue>,
}

/// A wrapper to represent an HTTP 500 error.
#[derive(Clone, Debug, PartialEq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(parent = Py42HTTPError, http = 500, message = "Failure in HTTP call {exception}. Response content: {response_text}", display = http_failure)]
pub struct Py42InternalServerError {
    /// The response of the `requests.HTTPError` py42 wraps (py42's `response` property).
    #[api_error(status)]
    pub exception: ResponseRecord,
    /// The message; py42 uses its default text when it is false (`None`, empty).
    #[serde(default)]
    pub message: PyValue,
    /// Further values, kept in the exception's `args` after the message.
    #[serde(default)]
    pub args: Vec<PyValue>,
}

/// A wrapper to represent an HTTP 429 error.
#[derive(Clone, Debug, PartialEq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(parent = Py42HTTPError, http = 429, message = "Failure in HTTP call {exception}. Response content: {response_text}", display = http_failure)]
pub struct Py42TooManyRequestsError {
    /// The response of the `requests.HTTPError` py42 wraps (py42's `response` property).
    #[api_error(status)]
    pub exception: ResponseRecord,
    /// The message; py42 uses its default text when it is false (`None`, empty).
    #[serde(default)]
    pub message: PyValue,
    /// Further values, kept in the exception's `args` after the message.
    #[serde(default)]
    pub args: Vec<PyValue>,
}

/// An exception raised when a 400 HTTP error message indicates that an organization was not
/// found.
#[derive(Clone, Debug, PartialEq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(parent = Py42BadRequestError, message = "The organization with UID '{org_uid}' was not found.")]
pub struct Py42OrgNotFoundError {
    /// The response of the `requests.HTTPError` py42 wraps (py42's `response` property).
    #[api_error(status)]
    pub exception: ResponseRecord,
    /// The org UID.
    #[api_error(extra)]
    pub org_uid: PyValue,
}

/// An exception raised when attempting to deactivate a user or device that is in an active
/// legal hold.
#[derive(Clone, Debug, PartialEq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(parent = Py42BadRequestError, message = "Cannot deactivate the {resource} with ID {resource_id} as the {resource} is involved in a legal hold matter.")]
pub struct Py42ActiveLegalHoldError {
    /// The response of the `requests.HTTPError` py42 wraps (py42's `response` property).
    #[api_error(status)]
    pub exception: ResponseRecord,
    /// The user or device resource.
    #[api_error(extra)]
    pub resource: PyValue,
    /// The resource ID.
    #[api_error(extra)]
    pub resource_id: PyValue,
}

/// An exception raised when the user is already added to group or list, such as the Departing
/// Employee list.
#[derive(Clone, Debug, PartialEq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(parent = Py42BadRequestError, message = "User with ID {user_id} is already on the {list_name}.")]
pub struct Py42UserAlreadyAddedError {
    /// The response of the `requests.HTTPError` py42 wraps (py42's `response` property).
    #[api_error(status)]
    pub exception: ResponseRecord,
    /// The user ID.
    #[api_error(extra)]
    pub user_id: PyValue,
    /// The list the user is already on (shown in the message; not a py42 property).
    pub list_name: PyValue,
}

/// An exception raised when a legal hold matter is inaccessible from your account or the matter
/// UID is not valid.
#[derive(Clone, Debug, PartialEq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(parent = Py42ForbiddenError, message = "Matter with UID '{resource_uid}' can not be found. Your account may not have permission to view the matter.", display = legal_hold_message)]
pub struct Py42LegalHoldNotFoundOrPermissionDeniedError {
    /// The response of the `requests.HTTPError` py42 wraps (py42's `response` property).
    #[api_error(status)]
    pub exception: ResponseRecord,
    /// The UID of the legal hold resource (py42's `uid` property).
    #[api_error(extra, rename = "uid")]
    pub resource_uid: PyValue,
    /// The kind of legal hold resource (`matter`, `membership`): capitalized at the start of the message, lower-cased at its end.
    #[serde(default = "default_legal_hold_resource")]
    pub legal_hold_resource: String,
}

/// An exception raised when a bad request was made to a Legal Hold endpoint.
#[derive(Clone, Debug, PartialEq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(parent = Py42BadRequestError, message = "At least one criteria must be specified: legal_hold_membership_uid, legal_hold_matter_uid, user_uid, or user.")]
pub struct Py42LegalHoldCriteriaMissingError {
    /// The response of the `requests.HTTPError` py42 wraps (py42's `response` property).
    #[api_error(status)]
    pub exception: ResponseRecord,
}

/// An exception raised when trying to deactivate a Legal Hold Matter that is already inactive.
#[derive(Clone, Debug, PartialEq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(parent = Py42BadRequestError, message = "Legal Hold Matter with UID '{legal_hold_matter_uid}' has already been deactivated.")]
pub struct Py42LegalHoldAlreadyDeactivatedError {
    /// The response of the `requests.HTTPError` py42 wraps (py42's `response` property).
    #[api_error(status)]
    pub exception: ResponseRecord,
    /// The legal hold matter UID.
    #[api_error(extra)]
    pub legal_hold_matter_uid: PyValue,
}

/// An exception raised when trying to activate a Legal Hold Matter that is already active.
#[derive(Clone, Debug, PartialEq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(parent = Py42BadRequestError, message = "Legal Hold Matter with UID '{legal_hold_matter_uid}' is already active.")]
pub struct Py42LegalHoldAlreadyActiveError {
    /// The response of the `requests.HTTPError` py42 wraps (py42's `response` property).
    #[api_error(status)]
    pub exception: ResponseRecord,
    /// The legal hold matter UID.
    #[api_error(extra)]
    pub legal_hold_matter_uid: PyValue,
}

/// An exception raised when trying to add or remove users to a system rule.
#[derive(Clone, Debug, PartialEq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(parent = Py42HTTPError, message = "Only alert rules with a source of 'Alerting' can be targeted by this command. Rule {rule_id} has a source of '{source}'.")]
pub struct Py42InvalidRuleOperationError {
    /// The response of the `requests.HTTPError` py42 wraps (py42's `response` property).
    #[api_error(status)]
    pub exception: ResponseRecord,
    /// The rule ID.
    #[api_error(extra)]
    pub rule_id: PyValue,
    /// The rule source.
    #[api_error(extra)]
    pub source: PyValue,
}

/// Deprecated: An exception raised when a request requires multi-factor authentication
#[derive(Clone, Debug, PartialEq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(parent = Py42UnauthorizedError, message = "User requires multi-factor authentication.", display = message_or_default)]
pub struct Py42MFARequiredError {
    /// The response of the `requests.HTTPError` py42 wraps (py42's `response` property).
    #[api_error(status)]
    pub exception: ResponseRecord,
    /// The message; py42 uses its default text when it is false (`None`, empty).
    #[serde(default)]
    pub message: PyValue,
}

/// An exception raised when a user already exists
#[derive(Clone, Debug, PartialEq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(parent = Py42InternalServerError, message = "User already exists.", display = message_or_default)]
pub struct Py42UserAlreadyExistsError {
    /// The response of the `requests.HTTPError` py42 wraps (py42's `response` property).
    #[api_error(status)]
    pub exception: ResponseRecord,
    /// The message; py42 uses its default text when it is false (`None`, empty).
    #[serde(default)]
    pub message: PyValue,
}

/// An exception raised when trying to set a non-email as a user's username in a cloud
/// environment.
#[derive(Clone, Debug, PartialEq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(parent = Py42InternalServerError, message = "Username must be an email address.")]
pub struct Py42UsernameMustBeEmailError {
    /// The response of the `requests.HTTPError` py42 wraps (py42's `response` property).
    #[api_error(status)]
    pub exception: ResponseRecord,
}

/// An exception raised when trying to set an invalid email as a user's email.
#[derive(Clone, Debug, PartialEq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(parent = Py42InternalServerError, message = "'{email}' is not a valid email.")]
pub struct Py42InvalidEmailError {
    /// The email being assigned to a user.
    #[api_error(extra)]
    pub email: PyValue,
    /// The response of the `requests.HTTPError` py42 wraps (py42's `response` property).
    #[api_error(status)]
    pub exception: ResponseRecord,
}

/// An exception raised when trying to set an invalid password as a user's password.
#[derive(Clone, Debug, PartialEq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(parent = Py42InternalServerError, message = "Invalid password.")]
pub struct Py42InvalidPasswordError {
    /// The response of the `requests.HTTPError` py42 wraps (py42's `response` property).
    #[api_error(status)]
    pub exception: ResponseRecord,
}

/// An exception raised when trying to set an invalid username as a user's username.
#[derive(Clone, Debug, PartialEq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(parent = Py42InternalServerError, message = "Invalid username.")]
pub struct Py42InvalidUsernameError {
    /// The response of the `requests.HTTPError` py42 wraps (py42's `response` property).
    #[api_error(status)]
    pub exception: ResponseRecord,
}

/// An Exception raised when trying to add a cloud alias to a user when that user already has
/// the max amount of supported cloud aliases.
#[derive(Clone, Debug, PartialEq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(parent = Py42BadRequestError, message = "Cloud alias limit exceeded. A max of 2 cloud aliases are allowed.", display = message_or_default)]
pub struct Py42CloudAliasLimitExceededError {
    /// The response of the `requests.HTTPError` py42 wraps (py42's `response` property).
    #[api_error(status)]
    pub exception: ResponseRecord,
    /// The message; py42 uses its default text when it is false (`None`, empty).
    #[serde(default)]
    pub message: PyValue,
}

/// An exception raised when trying to add a cloud alias to a user that exceeds the max
/// character limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ApiError)]
#[api_error(parent = Py42Error, message = "Cloud alias character limit exceeded. Max 50 characters.")]
pub struct Py42CloudAliasCharacterLimitExceededError;

/// An error raised when the given restore arguments are not compatible and cause a bad request.
#[derive(Clone, Debug, PartialEq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(parent = Py42BadRequestError, message = "Unable to create restore session.")]
pub struct Py42BadRestoreRequestError {
    /// The response of the `requests.HTTPError` py42 wraps (py42's `response` property).
    #[api_error(status)]
    pub exception: ResponseRecord,
}

/// An error raised when the page token given is invalid.
#[derive(Clone, Debug, PartialEq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(parent = Py42BadRequestError, message = "Invalid page token: \"{page_token}\".\nPage tokens match the last event ID received in a previous query.  Your page token may be invalid if the original query has changed such that the corresponding event is being filtered out of the results, or if the event has expired according to your data retention policy.")]
pub struct Py42InvalidPageTokenError {
    /// The response of the `requests.HTTPError` py42 wraps (py42's `response` property).
    #[api_error(status)]
    pub exception: ResponseRecord,
    /// The page token.
    #[api_error(extra)]
    pub page_token: PyValue,
}

/// An exception raised when the user is not on a detection list.
#[derive(Clone, Debug, PartialEq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(parent = Py42NotFoundError, message = "User with ID '{user_id}' is not currently on the {list_name} list.")]
pub struct Py42UserNotOnListError {
    /// The response of the `requests.HTTPError` py42 wraps (py42's `response` property).
    #[api_error(status)]
    pub exception: ResponseRecord,
    /// The user ID.
    #[api_error(extra)]
    pub user_id: PyValue,
    /// The list name.
    #[api_error(extra)]
    pub list_name: PyValue,
}

/// An error raised when trying to call the method for creating a detection-list user when the
/// user does not exist or is currently awaiting the profile to get created on the back-end.
/// Note: you are no longer able to create detection-list profiles using the API; py42 only
/// returns already existing profiles.
#[derive(Clone, Debug, PartialEq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(parent = Py42BadRequestError, message = "Detection-list profiles are now created automatically on the server. Unable to find a detection-list profile for '{username}'. It is possibly still being created if you just recently created the Code42 user.")]
pub struct Py42UnableToCreateProfileError {
    /// The response of the `requests.HTTPError` py42 wraps (py42's `response` property).
    #[api_error(status)]
    pub exception: ResponseRecord,
    /// The username of the user.
    #[api_error(extra)]
    pub username: PyValue,
}

/// An exception raised when the observer rule ID does not exist.
#[derive(Clone, Debug, PartialEq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(parent = Py42NotFoundError, message = "Invalid Observer Rule ID '{rule_id}'.")]
pub struct Py42InvalidRuleError {
    /// The response of the `requests.HTTPError` py42 wraps (py42's `response` property).
    #[api_error(status)]
    pub exception: ResponseRecord,
    /// The observer rule ID.
    #[api_error(extra)]
    pub rule_id: PyValue,
}

/// An error raised when trying to update a closed case.
#[derive(Clone, Debug, PartialEq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(parent = Py42BadRequestError, message = "Cannot update a closed case.")]
pub struct Py42UpdateClosedCaseError {
    /// The response of the `requests.HTTPError` py42 wraps (py42's `response` property).
    #[api_error(status)]
    pub exception: ResponseRecord,
}

/// An error raised when trying to create a case with a name that already exists.
#[derive(Clone, Debug, PartialEq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(parent = Py42BadRequestError, message = "Case name '{case_name}' already exists, please set another name.")]
pub struct Py42CaseNameExistsError {
    /// The response of the `requests.HTTPError` py42 wraps (py42's `response` property).
    #[api_error(status)]
    pub exception: ResponseRecord,
    /// The case name.
    #[api_error(extra)]
    pub case_name: PyValue,
}

/// An error raised when description of a case exceeds the allowed char length limit.
#[derive(Clone, Debug, PartialEq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(parent = Py42BadRequestError, message = "Description limit exceeded, max 250 characters allowed.")]
pub struct Py42DescriptionLimitExceededError {
    /// The response of the `requests.HTTPError` py42 wraps (py42's `response` property).
    #[api_error(status)]
    pub exception: ResponseRecord,
}

/// An error raised when a case subject or assignee is not a valid user.
#[derive(Clone, Debug, PartialEq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(parent = Py42BadRequestError, message = "The provided {user_uid} is not a valid user.")]
pub struct Py42InvalidCaseUserError {
    /// The response of the `requests.HTTPError` py42 wraps (py42's `response` property).
    #[api_error(status)]
    pub exception: ResponseRecord,
    /// The user UID (py42's `user` property).
    #[api_error(extra, rename = "user")]
    pub user_uid: PyValue,
}

/// An error raised when event is already associated to the case.
#[derive(Clone, Debug, PartialEq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(parent = Py42BadRequestError, message = "Event is already associated to the case.")]
pub struct Py42CaseAlreadyHasEventError {
    /// The response of the `requests.HTTPError` py42 wraps (py42's `response` property).
    #[api_error(status)]
    pub exception: ResponseRecord,
}

/// An error raised when an invalid change is being made to a trusted activity.
#[derive(Clone, Debug, PartialEq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(parent = Py42BadRequestError, message = "Invalid change to trusted activity. Trusted activity type cannot be changed.")]
pub struct Py42TrustedActivityInvalidChangeError {
    /// The response of the `requests.HTTPError` py42 wraps (py42's `response` property).
    #[api_error(status)]
    pub exception: ResponseRecord,
}

/// An error raised when theres a conflict with a trusted activity domain URL.
#[derive(Clone, Debug, PartialEq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(parent = Py42ConflictError, message = "Duplicate URL or workspace name, '{value}' already exists on your trusted list.  Please provide a unique value")]
pub struct Py42TrustedActivityConflictError {
    /// The response of the `requests.HTTPError` py42 wraps (py42's `response` property).
    #[api_error(status)]
    pub exception: ResponseRecord,
    /// The domain, URL or workspace name.
    #[api_error(extra)]
    pub value: PyValue,
}

/// An error raised when an invalid character is in a trusted activity value.
#[derive(Clone, Debug, PartialEq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(parent = Py42BadRequestError, message = "Invalid character in domain or Slack workspace name")]
pub struct Py42TrustedActivityInvalidCharacterError {
    /// The response of the `requests.HTTPError` py42 wraps (py42's `response` property).
    #[api_error(status)]
    pub exception: ResponseRecord,
}

/// An exception raised when the trusted activity ID does not exist.
#[derive(Clone, Debug, PartialEq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(parent = Py42NotFoundError, message = "Resource ID '{resource_id}' not found.")]
pub struct Py42TrustedActivityIdNotFound {
    /// The response of the `requests.HTTPError` py42 wraps (py42's `response` property).
    #[api_error(status)]
    pub exception: ResponseRecord,
    /// The resource ID.
    #[api_error(extra)]
    pub resource_id: PyValue,
}

/// An exception raised when the watchlist with the given ID was not found.
#[derive(Clone, Debug, PartialEq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(parent = Py42NotFoundError, message = "Watchlist ID '{resource_id}' not found.")]
pub struct Py42WatchlistNotFound {
    /// The response of the `requests.HTTPError` py42 wraps (py42's `response` property).
    #[api_error(status)]
    pub exception: ResponseRecord,
    /// The watchlist ID (py42's `watchlist_id` property).
    #[api_error(extra, rename = "watchlist_id")]
    pub resource_id: PyValue,
}

/// An exception raised when the watchlist ID or the User ID does not exist.
#[derive(Clone, Debug, PartialEq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(parent = Py42NotFoundError, message = "Watchlist ID '{watchlist_id}' or User ID '{user_id}' not found.")]
pub struct Py42WatchlistOrUserNotFound {
    /// The response of the `requests.HTTPError` py42 wraps (py42's `response` property).
    #[api_error(status)]
    pub exception: ResponseRecord,
    /// The watchlist ID.
    #[api_error(extra)]
    pub watchlist_id: PyValue,
    /// The user ID.
    #[api_error(extra)]
    pub user_id: PyValue,
}

/// An exception raised when an invalid watchlist type is specified.
#[derive(Clone, Debug, PartialEq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(parent = Py42BadRequestError, message = "'{watchlist_type}' cannot be converted to a valid watchlist type.  Please look at the WatchlistType class for valid types.")]
pub struct Py42InvalidWatchlistType {
    /// The response of the `requests.HTTPError` py42 wraps (py42's `response` property).
    #[api_error(status)]
    pub exception: ResponseRecord,
    /// The specified watchlist type.
    #[api_error(extra)]
    pub watchlist_type: PyValue,
}

/// An exception raised when the user with the given ID for a user risk profile was not found.
#[derive(Clone, Debug, PartialEq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(parent = Py42NotFoundError, message = "User risk profile for user with the ID '{user_id}' not found.", display = risk_profile_message)]
pub struct Py42UserRiskProfileNotFound {
    /// The response of the `requests.HTTPError` py42 wraps (py42's `response` property).
    #[api_error(status)]
    pub exception: ResponseRecord,
    /// The user identifier (py42's `user` property).
    #[api_error(extra, rename = "user")]
    pub user_id: PyValue,
    /// What `user_id` is (`ID`, `username`).
    #[serde(default = "default_identifier")]
    pub identifier: PyValue,
}

/// The Python `response` property: the response prior to the error (for the HTTP classes, the
/// response of the wrapped `HTTPError`).
macro_rules! response_properties {
    ($($error:ident => $field:ident),* $(,)?) => {$(
        impl $error {
            /// The response prior to the error (py42's `response` property).
            pub fn response(&self) -> &ResponseRecord {
                &self.$field
            }
        }
    )*};
}

response_properties!(
    Py42ResponseError => response,
    Py42ArchiveFileNotFoundError => response,
    Py42ChecksumNotFoundError => response,
    Py42FeatureUnavailableError => response,
    Py42HTTPError => exception,
    Py42DeviceNotConnectedError => response,
    Py42InvalidArchivePassword => exception,
    Py42InvalidArchiveEncryptionKey => exception,
    Py42StorageSessionInitializationError => exception,
    Py42BadRequestError => exception,
    Py42UnauthorizedError => exception,
    Py42ForbiddenError => exception,
    Py42NotFoundError => exception,
    Py42ConflictError => exception,
    Py42InternalServerError => exception,
    Py42TooManyRequestsError => exception,
    Py42OrgNotFoundError => exception,
    Py42ActiveLegalHoldError => exception,
    Py42UserAlreadyAddedError => exception,
    Py42LegalHoldNotFoundOrPermissionDeniedError => exception,
    Py42LegalHoldCriteriaMissingError => exception,
    Py42LegalHoldAlreadyDeactivatedError => exception,
    Py42LegalHoldAlreadyActiveError => exception,
    Py42InvalidRuleOperationError => exception,
    Py42MFARequiredError => exception,
    Py42UserAlreadyExistsError => exception,
    Py42UsernameMustBeEmailError => exception,
    Py42InvalidEmailError => exception,
    Py42InvalidPasswordError => exception,
    Py42InvalidUsernameError => exception,
    Py42CloudAliasLimitExceededError => exception,
    Py42BadRestoreRequestError => exception,
    Py42InvalidPageTokenError => exception,
    Py42UserNotOnListError => exception,
    Py42UnableToCreateProfileError => exception,
    Py42InvalidRuleError => exception,
    Py42UpdateClosedCaseError => exception,
    Py42CaseNameExistsError => exception,
    Py42DescriptionLimitExceededError => exception,
    Py42InvalidCaseUserError => exception,
    Py42CaseAlreadyHasEventError => exception,
    Py42TrustedActivityInvalidChangeError => exception,
    Py42TrustedActivityConflictError => exception,
    Py42TrustedActivityInvalidCharacterError => exception,
    Py42TrustedActivityIdNotFound => exception,
    Py42WatchlistNotFound => exception,
    Py42WatchlistOrUserNotFound => exception,
    Py42InvalidWatchlistType => exception,
    Py42UserRiskProfileNotFound => exception,
);

impl Py42InvalidCaseUserError {
    /// The user UID (py42's `user` property).
    pub fn user(&self) -> &PyValue {
        &self.user_uid
    }
}

impl Py42LegalHoldNotFoundOrPermissionDeniedError {
    /// The UID of the legal hold resource (py42's `uid` property).
    pub fn uid(&self) -> &PyValue {
        &self.resource_uid
    }
}

impl Py42WatchlistNotFound {
    /// The watchlist ID (py42's `watchlist_id` property).
    pub fn watchlist_id(&self) -> &PyValue {
        &self.resource_id
    }
}

impl Py42UserRiskProfileNotFound {
    /// The user identifier (py42's `user` property).
    pub fn user(&self) -> &PyValue {
        &self.user_id
    }
}

/// `py42.exceptions.raise_py42_error(raised_error)`: the error py42 raises for an HTTP error,
/// chosen by its response's status: 400, 401, 403, 404, 409 and 429 have their own class,
/// 500 to 599 are [`Py42InternalServerError`], and every other status is [`Py42HTTPError`].
/// The message is py42's default one, built from the response.
pub fn raise_py42_error(exception: ResponseRecord) -> Box<dyn CatalogError> {
    let (message, args) = (PyValue::None, Vec::new());
    match exception.status {
        400 => Box::new(Py42BadRequestError::new(exception, message, args)),
        401 => Box::new(Py42UnauthorizedError::new(exception, message, args)),
        403 => Box::new(Py42ForbiddenError::new(exception, message, args)),
        404 => Box::new(Py42NotFoundError::new(exception, message, args)),
        409 => Box::new(Py42ConflictError::new(exception, message, args)),
        429 => Box::new(Py42TooManyRequestsError::new(exception, message, args)),
        500..=599 => Box::new(Py42InternalServerError::new(exception, message, args)),
        _ => Box::new(Py42HTTPError::new(exception, message, args)),
    }
}

/// What py42's connection (`py42.services._connection._handle_error(method, url, response)`)
/// does once a request is over: no response at all is a [`Py42Error`] (`No response was
/// returned for GET request to https://….`); a 4xx or 5xx response (what requests'
/// `raise_for_status()` raises for) is the error [`raise_py42_error`] chooses; any other
/// response is no error.
pub fn handle_error(
    method: &str,
    url: &str,
    response: Option<ResponseRecord>,
) -> Result<(), Box<dyn CatalogError>> {
    match response {
        None => Err(Box::new(Py42Error::new(vec![PyValue::from(format!(
            "No response was returned for {method} request to {url}."
        ))]))),
        Some(response) if (400..600).contains(&response.status) => Err(raise_py42_error(response)),
        Some(_) => Ok(()),
    }
}

/// What the catalog page says about this module beyond its table.
pub const NOTES: &[&str] = &[
    "Each of the 52 classes is a struct named as the Python class, with its Python base as `parent`, and the constructor's parameters as fields, in order (`*args` is `args`).",
    "py42's classes carry no status: a class's status is the one `raise_py42_error` maps to it (400, 401, 403, 404, 409, 429, and 500 for 500-599). The classes that stand for no status (the root `Py42Error`, the classes outside the HTTP branch, the catch-all `Py42HTTPError` and its subclasses without a mapped status) inherit the root's 500, a choice: to whoever sees such an error, the server failed to answer as expected. An instance's status is that of the response it wraps (`#[api_error(status)]` on its `ResponseRecord`); only `Py42Error`, `Py42SessionInitializationError` and `Py42CloudAliasCharacterLimitExceededError` wrap none, and stand for 500 where py42 has no status.",
    "The wrapped `requests.HTTPError` (`exception`) or `requests.Response` (`response`) is an `errwire::ResponseRecord`; py42's `response` property is `response()`. The HTTPError's text is rebuilt as requests writes it (`py42::HttpErrorText`): `{status} Client Error: {reason} for url: {url}` for a 4xx, `Server Error` for a 5xx, and `{status} {reason}` for a status requests raises nothing for.",
    "`Display` is the message py42 formats: the first of the exception's `args` (the second for `Py42SessionInitializationError`, whose `args` are `(exception, message)`). Where py42 passes more arguments (`Py42UserAlreadyAddedError` passes `(message, user_id, list_name)`), Python's `str(e)` is the repr of the whole tuple, `('User with ID 1 is already on the Departing Employee.', '1', 'Departing Employee')`; the catalog does not reproduce that repr, nor `repr(e)`.",
    "A `message` that is `None` or otherwise false (`\"\"`, `0`) falls back to the class's default text, as py42's `if not message` and `message or ...` do.",
    "py42 formats any Python value into its messages; the catalog's values are `py42::PyValue`s (`None`, a bool, an int, a float or a str, shown as Python's `str()` shows them) and lists, dicts or other objects are refused.",
    "py42's properties other than `response` are sent as body members named as the property: `user_id`, and `user`, `uid` and `watchlist_id` for the parameters `user_uid` or `user_id`, `resource_uid` and `resource_id` that py42 exposes under another name. Parameters that are no property (`list_name` of `Py42UserAlreadyAddedError`, `identifier`, `legal_hold_resource`, `message`, `args`) are context only. py42 renders no response; the catalog renders problem details (RFC 9457).",
    "Not reproduced: py42's `Py42ChecksumNotFoundError.checksum_value` property returns itself and raises `RecursionError`; the catalog's `checksum_value` is the value given.",
    "`Py42LegalHoldNotFoundOrPermissionDeniedError` calls `legal_hold_resource.capitalize()`, so py42 fails with `AttributeError` when it is not a str (`None`, an int); the catalog's `legal_hold_resource` is a `String` and it refuses those values too. Python title-cases the first character where the catalog upper-cases it; they differ only for a few characters (`ß`, `ǆ`, ligatures such as `ﬁ`).",
    "The message template of `Py42HTTPError` and its seven status classes is py42's default one, `Failure in HTTP call {exception}. Response content: {response_text}`; `{response_text}` is the body of the wrapped response, and a `display` function writes the text.",
    "`py42::raise_py42_error` chooses the class for an HTTP error as py42 does, and `py42::handle_error` is what py42's connection (`_handle_error`) does with a response or its absence.",
    "`Py42CloudAliasCharacterLimitExceededError` takes no parameters: it is a unit struct, registered as a constant.",
];
