//! Djblets WebAPI errors (`djblets.webapi.errors`, Djblets 6.1): the 17 predefined errors and
//! the `WebAPIError` shape for errors made at run time.
//!
//! Every error renders as Djblets' `WebAPIResponseError` does:
//! `{"stat":"fail","err":{"code":…,"msg":…,"type":…}}` with `X-Content-Type-Options: nosniff`.

use std::collections::BTreeMap;

use errwire::ApiError;
use http::header::{HeaderMap, HeaderValue, WWW_AUTHENTICATE};
use serde::Deserialize;

/// The challenge Djblets' `_get_auth_headers` sends with the authentication errors: one
/// scheme per enabled auth backend; with the default Basic backend, `Basic realm="Web API"`.
/// An API with other backends overrides the headers with `Overrides::computed_headers`.
pub fn auth_headers(_request: Option<&http::request::Parts>, headers: &mut HeaderMap) {
    headers.insert(
        WWW_AUTHENTICATE,
        HeaderValue::from_static("Basic realm=\"Web API\""),
    );
}

/// The predefined errors, each a constant of `djblets.webapi.errors` (`WebApiError::DOES_NOT_EXIST`
/// is `DOES_NOT_EXIST`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ApiError)]
#[api_error(format = "djblets")]
pub enum WebApiError {
    /// An error indicating no error occurred.
    #[api_error(
        code = 0,
        http = 400,
        error_type = "no-error",
        message = "If you see this, yell at the developers"
    )]
    NoError,
    /// An error indicating the web service is not configured.
    #[api_error(
        code = 1,
        http = 503,
        error_type = "server-not-configured",
        message = "The web service has not yet been configured"
    )]
    ServiceNotConfigured,
    /// An error indicating a requested resource does not exist.
    #[api_error(
        code = 100,
        http = 404,
        error_type = "resource-does-not-exist",
        message = "Object does not exist"
    )]
    DoesNotExist,
    /// An error indicating the user doesn't have permission for a resource.
    #[api_error(
        code = 101,
        http = 403,
        error_type = "resource-permission-denied",
        message = "You don't have permission for this"
    )]
    PermissionDenied,
    /// An error indicating a resource doesn't support an attribute for the request.
    #[api_error(
        code = 102,
        http = 400,
        error_type = "resource-attribute-invalid",
        message = "Invalid attribute"
    )]
    InvalidAttribute,
    /// An error indicating that the user is not logged in.
    #[api_error(code = 103, http = 401, error_type = "auth-not-logged-in", message = "You are not logged in", headers = auth_headers)]
    NotLoggedIn,
    /// An error indicating that authentication failed.
    #[api_error(code = 104, http = 401, error_type = "auth-login-failed", message = "The username or password was not correct", headers = auth_headers)]
    LoginFailed,
    /// An error indicating data submitted in the request is invalid.
    #[api_error(
        code = 105,
        http = 400,
        error_type = "request-field-error",
        message = "One or more fields had errors"
    )]
    InvalidFormData,
    /// An error indicating a required attribute in a request is missing.
    #[api_error(
        code = 106,
        http = 400,
        error_type = "request-attribute-missing",
        message = "Missing value for the attribute"
    )]
    MissingAttribute,
    /// An error indicating an extension couldn't be enabled.
    #[api_error(
        code = 107,
        http = 500,
        error_type = "extension-enable-error",
        message = "There was a problem enabling the extension"
    )]
    EnableExtensionFailed,
    /// An error indicating an extension couldn't be disabled.
    #[api_error(
        code = 108,
        http = 500,
        error_type = "extension-disable-error",
        message = "There was a problem disabling the extension"
    )]
    DisableExtensionFailed,
    /// An error indicating an extension is already installed.
    #[api_error(
        code = 109,
        http = 409,
        error_type = "extension-already-installed",
        message = "This extension has already been installed."
    )]
    ExtensionInstalled,
    /// An error indicating an extension installation failed.
    #[api_error(
        code = 110,
        http = 409,
        error_type = "extension-install-error",
        message = "An error occurred while installing the extension"
    )]
    InstallExtensionFailed,
    /// An error indicating an item conflicts with another.
    #[api_error(
        code = 111,
        http = 409,
        error_type = "resource-conflict",
        message = "An entry for this item or its unique key(s) already exists"
    )]
    DuplicateItem,
    /// An error indicating an OAuth2 token lacks a required scope.
    #[api_error(
        code = 112,
        http = 403,
        error_type = "auth-oauth2-missing-scope",
        message = "Your OAuth2 token lacks the necessary scopes for this request."
    )]
    OauthMissingScopeError,
    /// An error indicating an OAuth2 token cannot be used to access the resource.
    #[api_error(
        code = 113,
        http = 403,
        error_type = "auth-oauth2-access-denied",
        message = "OAuth2 token access for this resource is prohibited."
    )]
    OauthAccessDeniedError,
    /// An error indicating the API rate limit has been exceeded.
    #[api_error(
        code = 114,
        http = 429,
        error_type = "request-rate-limit-exceeded",
        message = "API rate limit has been exceeded."
    )]
    RateLimitExceeded,
}

/// An error made at run time, as `WebAPIError(code, msg, *, http_status=400, headers={},
/// error_type=None, error_subtype=None, detail=None, trace_id=None)` makes one.
#[derive(Clone, Debug, PartialEq, Eq, ApiError, Deserialize)]
#[api_error(format = "djblets", http = 400, message = "{msg}")]
pub struct CustomWebApiError {
    /// The numeric code for the error.
    #[api_error(code)]
    pub code: i64,
    /// The error message shown to the caller.
    pub msg: String,
    /// The HTTP status code for the error.
    #[api_error(status)]
    #[serde(default = "default_http_status")]
    pub http_status: u16,
    /// Extra HTTP headers to include in the error's HTTP response.
    #[api_error(headers)]
    #[serde(default)]
    pub headers: BTreeMap<String, String>,
    /// A string indicating the type of the error.
    #[api_error(error_type)]
    #[serde(default)]
    pub error_type: Option<String>,
    /// A string indicating a subtype of the error.
    #[api_error(error_subtype)]
    #[serde(default)]
    pub error_subtype: Option<String>,
    /// More detail on the error.
    #[api_error(detail)]
    #[serde(default)]
    pub detail: Option<String>,
    /// An identifier to find the error in logs.
    #[api_error(trace_id)]
    #[serde(default)]
    pub trace_id: Option<String>,
}

fn default_http_status() -> u16 {
    400
}

errwire::assert_unique_errors!(WebApiError);

/// What the catalog page says about this module beyond its table.
pub const NOTES: &[&str] = &[
    "`NOT_LOGGED_IN` and `LOGIN_FAILED` send `WWW-Authenticate` from a request-dependent hook (`djblets::auth_headers`), as Djblets' `_get_auth_headers` does for the default Basic backend.",
    "`WebAPIError(code, msg, ...)` is `djblets::CustomWebApiError`: code, status, type, subtype, detail, trace id and headers are the instance's own.",
    "Every response carries `X-Content-Type-Options: nosniff`; empty values are left out of `err`, and a subtype is sent only with a type.",
    "XML (`?api_format=xml`, `Accept: application/xml`) and JSONP (`?callback=`) are answered as Djblets 6.1 writes them (`errwire::Encoding::Xml`, `RenderOptions::callback`), byte for byte, with these divergences: a callback must be a JavaScript identifier path (Djblets passes `alert(1)//` through); characters XML 1.0 forbids become U+FFFD and a carriage return `&#13;` (Djblets writes them raw, which no parser reads); a member name that is no XML name is refused (Djblets writes a broken tag); a request Djblets cannot answer (`api_format=bogus`, every type at `q=0`) gets JSON; a POST's `api_format` is read from the query, not the form body; a non-ASCII header value is sent as UTF-8, not RFC 2047.",
];
