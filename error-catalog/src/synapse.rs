//! Matrix Synapse errors (`synapse.api.errors`): every errcode of `Codes` and every exception
//! class, as `matrix-synapse` 1.163.2 sends them, with `EventStreamError` (dropped after 1.9.1)
//! kept as 1.9.1 had it.
//!
//! A `SynapseError` reaches the client as `error_dict()` makes it:
//! `{"errcode":"M_…","error":msg, …}` with the instance's `code` as the HTTP status. Display is
//! that `error` text (Python's `msg`), not `str(e)`, which is `"%d: %s" % (code, msg)`.

use std::collections::BTreeMap;
use std::fmt;

use errwire::{ApiError, ResponseRecord};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};

/// Every errcode of Synapse's `Codes`, each with the status Synapse sends it with by default.
///
/// A `Codes` member is an errcode, not an error: Synapse raises it inside a `SynapseError`
/// with its own text. The `message` of each variant is therefore a short description of the
/// errcode, for the catalog; give the real text with `with_message`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, ApiError)]
#[api_error(format = "matrix")]
pub enum Codes {
    /// The server did not understand the request.
    #[api_error(
        errcode = "M_UNRECOGNIZED",
        http = 400,
        message = "The server did not understand the request"
    )]
    Unrecognized,
    /// The request was not correctly authorized.
    #[api_error(
        errcode = "M_UNAUTHORIZED",
        http = 401,
        message = "The request was not correctly authorized"
    )]
    Unauthorized,
    /// Forbidden access, e.g. joining a room without permission or a failed login.
    #[api_error(errcode = "M_FORBIDDEN", http = 403, message = "Forbidden access")]
    Forbidden,
    /// The request contained valid JSON, but it was malformed in some way.
    #[api_error(
        errcode = "M_BAD_JSON",
        http = 400,
        message = "The request contained valid JSON, but it was malformed in some way"
    )]
    BadJson,
    /// The request did not contain valid JSON.
    #[api_error(
        errcode = "M_NOT_JSON",
        http = 400,
        message = "The request did not contain valid JSON"
    )]
    NotJson,
    /// The desired user ID is already taken.
    #[api_error(
        errcode = "M_USER_IN_USE",
        http = 400,
        message = "The desired user ID is already taken"
    )]
    UserInUse,
    /// The desired room alias is already taken.
    #[api_error(
        errcode = "M_ROOM_IN_USE",
        http = 400,
        message = "The desired room alias is already taken"
    )]
    RoomInUse,
    /// A pagination token or parameter was invalid. Synapse gives it no status of its own
    /// (1.9.1's `EventStreamError` took it from the caller); 400, as for a bad request.
    #[api_error(
        errcode = "M_BAD_PAGINATION",
        http = 400,
        message = "The pagination token or parameters were invalid"
    )]
    BadPagination,
    /// The requested state change cannot be performed (e.g. unbanning a user who is not banned).
    #[api_error(
        errcode = "M_BAD_STATE",
        http = 403,
        message = "The requested state change cannot be performed"
    )]
    BadState,
    /// An unknown error occurred.
    #[api_error(
        errcode = "M_UNKNOWN",
        http = 400,
        message = "An unknown error occurred"
    )]
    Unknown,
    /// No resource was found for this request.
    #[api_error(
        errcode = "M_NOT_FOUND",
        http = 404,
        message = "No resource was found for this request"
    )]
    NotFound,
    /// No access token was given with the request.
    #[api_error(
        errcode = "M_MISSING_TOKEN",
        http = 401,
        message = "No access token was given"
    )]
    MissingToken,
    /// The access token was not recognised.
    #[api_error(
        errcode = "M_UNKNOWN_TOKEN",
        http = 401,
        message = "The access token was not recognised"
    )]
    UnknownToken,
    /// Guest users may not access this room or endpoint.
    #[api_error(
        errcode = "M_GUEST_ACCESS_FORBIDDEN",
        http = 403,
        message = "Guest access is not allowed"
    )]
    GuestAccessForbidden,
    /// Too many requests were sent in too short a time.
    #[api_error(
        errcode = "M_LIMIT_EXCEEDED",
        http = 429,
        message = "Too many requests were sent in too short a time"
    )]
    LimitExceeded,
    /// A captcha is needed to complete the request.
    #[api_error(
        errcode = "M_CAPTCHA_NEEDED",
        http = 400,
        message = "A captcha is needed to complete the request"
    )]
    CaptchaNeeded,
    /// The captcha response was invalid.
    #[api_error(
        errcode = "M_CAPTCHA_INVALID",
        http = 400,
        message = "The captcha response was invalid"
    )]
    CaptchaInvalid,
    /// A required parameter was missing.
    #[api_error(
        errcode = "M_MISSING_PARAM",
        http = 400,
        message = "A required parameter was missing"
    )]
    MissingParam,
    /// A parameter had an invalid value.
    #[api_error(
        errcode = "M_INVALID_PARAM",
        http = 400,
        message = "A parameter had an invalid value"
    )]
    InvalidParam,
    /// The request or one of its parts was too large.
    #[api_error(
        errcode = "M_TOO_LARGE",
        http = 413,
        message = "The request or one of its parts was too large"
    )]
    TooLarge,
    /// The resource is reserved by an application service.
    #[api_error(
        errcode = "M_EXCLUSIVE",
        http = 400,
        message = "The resource is reserved by an application service"
    )]
    Exclusive,
    /// The third-party identifier could not be authenticated.
    #[api_error(
        errcode = "M_THREEPID_AUTH_FAILED",
        http = 400,
        message = "The third-party identifier could not be authenticated"
    )]
    ThreepidAuthFailed,
    /// The third-party identifier is already in use by another user.
    #[api_error(
        errcode = "M_THREEPID_IN_USE",
        http = 400,
        message = "The third-party identifier is already in use"
    )]
    ThreepidInUse,
    /// No account matches the third-party identifier.
    #[api_error(
        errcode = "M_THREEPID_NOT_FOUND",
        http = 400,
        message = "No account matches the third-party identifier"
    )]
    ThreepidNotFound,
    /// The third-party identifier is not allowed on this server.
    #[api_error(
        errcode = "M_THREEPID_DENIED",
        http = 403,
        message = "The third-party identifier is not allowed on this server"
    )]
    ThreepidDenied,
    /// The desired user ID is not a valid user name.
    #[api_error(
        errcode = "M_INVALID_USERNAME",
        http = 400,
        message = "The desired user ID is not a valid user name"
    )]
    InvalidUsername,
    /// The server does not support third-party identifiers of this medium.
    #[api_error(
        errcode = "M_THREEPID_MEDIUM_NOT_SUPPORTED",
        http = 400,
        message = "Third-party identifiers of this medium are not supported"
    )]
    ThreepidMediumNotSupported,
    /// The request named a third-party server (an identity server) this server does not
    /// trust. Neither release raises it; 400, as the request itself is at fault.
    #[api_error(
        errcode = "M_SERVER_NOT_TRUSTED",
        http = 400,
        message = "The third-party server is not trusted"
    )]
    ServerNotTrusted,
    /// The user has not consented to the server's privacy policy.
    #[api_error(
        errcode = "M_CONSENT_NOT_GIVEN",
        http = 403,
        message = "The user has not consented to the privacy policy"
    )]
    ConsentNotGiven,
    /// The server notices room cannot be left.
    #[api_error(
        errcode = "M_CANNOT_LEAVE_SERVER_NOTICE_ROOM",
        http = 403,
        message = "The server notices room cannot be left"
    )]
    CannotLeaveServerNoticeRoom,
    /// The server has reached a resource limit (e.g. monthly active users).
    #[api_error(
        errcode = "M_RESOURCE_LIMIT_EXCEEDED",
        http = 400,
        message = "The server has reached a resource limit"
    )]
    ResourceLimitExceeded,
    /// The server does not support the requested room version.
    #[api_error(
        errcode = "M_UNSUPPORTED_ROOM_VERSION",
        http = 400,
        message = "The room version is not supported"
    )]
    UnsupportedRoomVersion,
    /// The joining server does not support the room's version.
    #[api_error(
        errcode = "M_INCOMPATIBLE_ROOM_VERSION",
        http = 400,
        message = "The server does not support the room's version"
    )]
    IncompatibleRoomVersion,
    /// The key backup version is not the current one.
    #[api_error(
        errcode = "M_WRONG_ROOM_KEYS_VERSION",
        http = 403,
        message = "The key backup version is not the current one"
    )]
    WrongRoomKeysVersion,
    /// The user's account has expired (Synapse's account validity module).
    #[api_error(
        errcode = "ORG_MATRIX_EXPIRED_ACCOUNT",
        http = 403,
        message = "The account has expired"
    )]
    ExpiredAccount,
    /// The password is too short.
    #[api_error(
        errcode = "M_PASSWORD_TOO_SHORT",
        http = 400,
        message = "The password is too short"
    )]
    PasswordTooShort,
    /// The password has no digit.
    #[api_error(
        errcode = "M_PASSWORD_NO_DIGIT",
        http = 400,
        message = "The password must contain a digit"
    )]
    PasswordNoDigit,
    /// The password has no upper-case letter.
    #[api_error(
        errcode = "M_PASSWORD_NO_UPPERCASE",
        http = 400,
        message = "The password must contain an upper-case letter"
    )]
    PasswordNoUppercase,
    /// The password has no lower-case letter.
    #[api_error(
        errcode = "M_PASSWORD_NO_LOWERCASE",
        http = 400,
        message = "The password must contain a lower-case letter"
    )]
    PasswordNoLowercase,
    /// The password has no symbol.
    #[api_error(
        errcode = "M_PASSWORD_NO_SYMBOL",
        http = 400,
        message = "The password must contain a symbol"
    )]
    PasswordNoSymbol,
    /// The password is a dictionary word. Synapse never raises it; 400, as
    /// `PasswordRefusedError` sends every other password-policy errcode.
    #[api_error(
        errcode = "M_PASSWORD_IN_DICTIONARY",
        http = 400,
        message = "The password is a dictionary word"
    )]
    PasswordInDictionary,
    /// The password does not comply with the server's password policy.
    #[api_error(
        errcode = "M_WEAK_PASSWORD",
        http = 400,
        message = "The password does not comply with the password policy"
    )]
    WeakPassword,
    /// A signature could not be verified.
    #[api_error(
        errcode = "M_INVALID_SIGNATURE",
        http = 400,
        message = "A signature could not be verified"
    )]
    InvalidSignature,
    /// The user's account has been deactivated.
    #[api_error(
        errcode = "M_USER_DEACTIVATED",
        http = 403,
        message = "The account has been deactivated"
    )]
    UserDeactivated,
    /// The user's account has been locked.
    #[api_error(
        errcode = "M_USER_LOCKED",
        http = 401,
        message = "The account has been locked"
    )]
    UserLocked,
    /// The media has not been uploaded yet (asynchronous uploads).
    #[api_error(
        errcode = "M_NOT_YET_UPLOADED",
        http = 504,
        message = "The media has not been uploaded yet"
    )]
    NotYetUploaded,
    /// The media was already uploaded and cannot be overwritten.
    #[api_error(
        errcode = "M_CANNOT_OVERWRITE_MEDIA",
        http = 409,
        message = "The media was already uploaded"
    )]
    CannotOverwriteMedia,
    /// The user is already joined to the room (MSC3848).
    #[api_error(
        errcode = "ORG.MATRIX.MSC3848.ALREADY_JOINED",
        http = 403,
        message = "The user is already joined to the room"
    )]
    AlreadyJoined,
    /// The user is not joined to the room (MSC3848).
    #[api_error(
        errcode = "ORG.MATRIX.MSC3848.NOT_JOINED",
        http = 403,
        message = "The user is not joined to the room"
    )]
    NotJoined,
    /// The user's power level is too low for the action (MSC3848).
    #[api_error(
        errcode = "ORG.MATRIX.MSC3848.INSUFFICIENT_POWER",
        http = 403,
        message = "The user's power level is too low"
    )]
    InsufficientPower,
    /// The user's account is suspended: unlike a deactivation, it can be reverted (MSC3823).
    #[api_error(
        errcode = "M_USER_SUSPENDED",
        http = 403,
        message = "The account has been suspended"
    )]
    UserAccountSuspended,
    /// The room alias does not point to the room.
    #[api_error(
        errcode = "M_BAD_ALIAS",
        http = 400,
        message = "The room alias does not point to the room"
    )]
    BadAlias,
    /// The server cannot check that the user may join a restricted room.
    #[api_error(
        errcode = "M_UNABLE_TO_AUTHORISE_JOIN",
        http = 400,
        message = "The join to the restricted room cannot be authorised"
    )]
    UnableAuthoriseJoin,
    /// No user of this server can authorise a join to the restricted room.
    #[api_error(
        errcode = "M_UNABLE_TO_GRANT_JOIN",
        http = 400,
        message = "The join to the restricted room cannot be granted"
    )]
    UnableToGrantJoin,
    /// The unredacted content of the event has already been erased (MSC2815).
    #[api_error(
        errcode = "FI.MAU.MSC2815_UNREDACTED_CONTENT_DELETED",
        http = 404,
        message = "The unredacted content has already been erased"
    )]
    UnredactedContentDeleted,
    /// The request cannot be handled while the room's state is partial here (MSC3895).
    #[api_error(
        errcode = "ORG.MATRIX.MSC3895_UNABLE_DUE_TO_PARTIAL_STATE",
        http = 403,
        message = "The room's state is partial on this server"
    )]
    UnableDueToPartialState,
    /// The account awaits approval by an administrator (MSC3866).
    #[api_error(
        errcode = "ORG.MATRIX.MSC3866_USER_AWAITING_APPROVAL",
        http = 403,
        message = "The account awaits approval"
    )]
    UserAwaitingApproval,
    /// The application service has no URL to ping.
    #[api_error(
        errcode = "M_URL_NOT_SET",
        http = 400,
        message = "The application service has no URL"
    )]
    AsPingUrlNotSet,
    /// The application service answered the ping with an error status.
    #[api_error(
        errcode = "M_BAD_STATUS",
        http = 502,
        message = "The application service answered with an error status"
    )]
    AsPingBadStatus,
    /// The application service did not answer the ping in time.
    #[api_error(
        errcode = "M_CONNECTION_TIMEOUT",
        http = 504,
        message = "The application service did not answer in time"
    )]
    AsPingConnectionTimeout,
    /// The application service could not be reached.
    #[api_error(
        errcode = "M_CONNECTION_FAILED",
        http = 502,
        message = "The application service could not be reached"
    )]
    AsPingConnectionFailed,
    /// The application service has no federation proxy prefix (MSC4512).
    #[api_error(
        errcode = "IO.ELEMENT.MSC4512.M_FEDPROXY_NO_PROXY_PREFIX",
        http = 400,
        message = "The application service has no proxy prefix"
    )]
    AsFedproxyNoProxyPrefix,
    /// The application service may not proxy this federation path (MSC4512).
    #[api_error(
        errcode = "IO.ELEMENT.MSC4512.M_FEDPROXY_PATH_NOT_ALLOWED",
        http = 403,
        message = "The federation path may not be proxied"
    )]
    AsFedproxyPathNotAllowed,
    /// The proxied federation request could not reach its destination (MSC4512).
    #[api_error(
        errcode = "IO.ELEMENT.MSC4512.M_FEDPROXY_CONNECTION_FAILED",
        http = 502,
        message = "The proxied destination could not be reached"
    )]
    AsFedproxyConnectionFailed,
    /// The application service may not proxy federation to this destination (MSC4512).
    #[api_error(
        errcode = "IO.ELEMENT.MSC4512.M_FEDPROXY_DESTINATION_DENIED",
        http = 403,
        message = "The destination may not be proxied to"
    )]
    AsFedproxyDestinationDenied,
    /// The user already sent this annotation (reaction) to the event (MSC2677).
    #[api_error(
        errcode = "M_DUPLICATE_ANNOTATION",
        http = 400,
        message = "The annotation was already sent"
    )]
    DuplicateAnnotation,
    /// The sliding sync position is unknown: the client must start a new connection (MSC3575).
    #[api_error(
        errcode = "M_UNKNOWN_POS",
        http = 400,
        message = "The sliding sync position is unknown"
    )]
    UnknownPos,
    /// The profile would exceed its size limit (MSC4133).
    #[api_error(
        errcode = "M_PROFILE_TOO_LARGE",
        http = 400,
        message = "The profile is too large"
    )]
    ProfileTooLarge,
    /// The profile field name is too long (MSC4133).
    #[api_error(
        errcode = "M_KEY_TOO_LARGE",
        http = 400,
        message = "The profile field name is too long"
    )]
    KeyTooLarge,
    /// The requested event delay exceeds the server's maximum (MSC4140).
    #[api_error(
        errcode = "ORG.MATRIX.MSC4140_DELAY_TOO_LARGE",
        http = 400,
        message = "The requested delay is too large"
    )]
    DelayTooLarge,
    /// The invitee does not accept invites from this user (MSC4155).
    #[api_error(
        errcode = "M_INVITE_BLOCKED",
        http = 403,
        message = "The invite is blocked"
    )]
    InviteBlocked,
    /// An application service must register with `inhibit_login` (MSC4190).
    #[api_error(
        errcode = "M_APPSERVICE_LOGIN_UNSUPPORTED",
        http = 400,
        message = "Application services cannot log in this way"
    )]
    AppserviceLoginUnsupported,
    /// An automatic thread subscription was overtaken by an unsubscription (MSC4306).
    #[api_error(
        errcode = "IO.ELEMENT.MSC4306.M_CONFLICTING_UNSUBSCRIPTION",
        http = 409,
        message = "The subscription conflicts with an unsubscription"
    )]
    Msc4306ConflictingUnsubscription,
    /// The event of an automatic thread subscription is not in the thread (MSC4306).
    #[api_error(
        errcode = "IO.ELEMENT.MSC4306.M_NOT_IN_THREAD",
        http = 400,
        message = "The event is not in the thread"
    )]
    Msc4306NotInThread,
    /// The device does not exist (MSC4326).
    #[api_error(
        errcode = "M_UNKNOWN_DEVICE",
        http = 400,
        message = "The device does not exist"
    )]
    UnknownDevice,
    /// The user has reached a limit of their account.
    #[api_error(
        errcode = "M_USER_LIMIT_EXCEEDED",
        http = 403,
        message = "The user has reached a limit"
    )]
    UserLimitExceeded,
}

errwire::assert_unique_errors!(Codes);

/// `CodeMessageException(code, msg, headers=None)`: the base of every error with an HTTP
/// status. Synapse answers one that is not a `SynapseError` with 500 "Internal server error";
/// the catalog sends its own status and message, so the default status is that 500.
#[derive(Clone, Debug, PartialEq, Eq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(format = "matrix", http = 500, message = "{msg}")]
pub struct CodeMessageException {
    /// The HTTP status.
    #[api_error(status)]
    pub code: u16,
    /// What went wrong.
    pub msg: String,
    /// Headers sent with the response (1.163.2).
    #[api_error(headers)]
    #[serde(default)]
    pub headers: Option<BTreeMap<String, String>>,
}

/// `RedirectException(location, http_code=302)`: not an error, a redirect. Synapse's HTTP
/// layer sends `location` as the `Location` header.
#[derive(Clone, Debug, PartialEq, Eq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(parent = CodeMessageException, http = 302, message = "Redirect to {location}")]
pub struct RedirectException {
    /// Where to send the client.
    #[api_error(header = "Location")]
    pub location: String,
    /// The redirect status.
    #[api_error(status)]
    #[serde(default = "found")]
    pub http_code: u16,
}

/// `HttpResponseException(code, msg, response)`: an outbound request that got an HTTP error.
/// `code` and `msg` are the response's status line, as Synapse's HTTP client passes them;
/// `response` keeps the whole response as data (Synapse keeps only the body).
#[derive(Clone, Debug, PartialEq, Eq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(parent = CodeMessageException, message = "{msg}")]
pub struct HttpResponseException {
    /// The status of the response.
    #[api_error(status)]
    pub code: u16,
    /// The reason phrase of the response.
    pub msg: String,
    /// The response received.
    pub response: ResponseRecord,
}

impl HttpResponseException {
    /// The error to send a client when a request made for it failed, as 1.163.2's
    /// `to_synapse_error()`: the remote errcode and message when the body is a Matrix error,
    /// except that `M_UNKNOWN_TOKEN` becomes `M_UNKNOWN` and a 401 becomes a 400 (a client
    /// would take either to mean it has been logged out).
    pub fn to_synapse_error(&self) -> ProxiedRequestError {
        let mut error = self.unsafe_to_verbatim_synapse_error();
        if error.errcode == "M_UNKNOWN_TOKEN" {
            "M_UNKNOWN".clone_into(&mut error.errcode);
        }
        if error.code == 401 {
            error.code = 400;
        }
        error
    }

    /// The remote error copied verbatim, as `unsafe_to_verbatim_synapse_error()`: only for
    /// responses from trusted servers (other workers of the same homeserver).
    ///
    /// The body's `errcode` and `error` are used when they are strings; every other member is
    /// kept. A body that is not a JSON object gives `M_UNKNOWN` and the reason phrase. The
    /// record's body is text, so invalid UTF-8 was replaced before parsing, where Synapse
    /// refuses the whole body.
    pub fn unsafe_to_verbatim_synapse_error(&self) -> ProxiedRequestError {
        // `shift_remove` keeps the other members in the order received.
        let mut fields = match serde_json::from_str(&self.response.body) {
            Ok(Value::Object(fields)) => fields,
            _ => Map::new(),
        };
        let errcode = match fields.shift_remove("errcode") {
            Some(Value::String(errcode)) => errcode,
            _ => "M_UNKNOWN".to_owned(),
        };
        let msg = match fields.shift_remove("error") {
            Some(Value::String(msg)) => msg,
            _ => self.msg.clone(),
        };
        ProxiedRequestError {
            code: self.code,
            msg,
            errcode,
            additional_fields: (!fields.is_empty()).then_some(fields),
        }
    }
}

/// `SynapseError(code, msg, errcode="M_UNKNOWN", additional_fields=None, headers=None)`: the
/// base of every error a client receives, as `{"errcode":…,"error":msg, additional_fields…}`.
#[derive(Clone, Debug, PartialEq, Eq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(
    parent = CodeMessageException,
    http = 400,
    errcode = "M_UNKNOWN",
    message = "{msg}"
)]
pub struct SynapseError {
    /// The HTTP status.
    #[api_error(status)]
    pub code: u16,
    /// The message sent as `error`.
    pub msg: String,
    /// The errcode sent.
    #[api_error(errcode)]
    #[serde(default = "m_unknown")]
    pub errcode: String,
    /// Members added to the body, replacing `errcode` or `error` if they name them (1.163.2).
    #[api_error(flatten)]
    #[serde(default)]
    pub additional_fields: Option<Map<String, Value>>,
    /// Headers sent with the response (1.163.2).
    #[api_error(headers)]
    #[serde(default)]
    pub headers: Option<BTreeMap<String, String>>,
}

/// `InvalidAPICallError(msg)`: an existing endpoint was given invalid or incomplete data
/// (1.163.2).
#[derive(Clone, Debug, PartialEq, Eq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(parent = SynapseError, http = 400, errcode = "M_BAD_JSON", message = "{msg}")]
pub struct InvalidApiCallError {
    /// What is wrong with the data.
    pub msg: String,
}

/// `InvalidProxyCredentialsError(msg, errcode="M_UNKNOWN")`: the proxy credentials are
/// invalid (1.163.2).
#[derive(Clone, Debug, PartialEq, Eq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(parent = SynapseError, http = 401, errcode = "M_UNKNOWN", message = "{msg}")]
pub struct InvalidProxyCredentialsError {
    /// What is wrong with the credentials.
    pub msg: String,
    /// The errcode sent.
    #[api_error(errcode)]
    #[serde(default = "m_unknown")]
    pub errcode: String,
}

/// `ProxiedRequestError(code, msg, errcode="M_UNKNOWN", additional_fields=None)`: the error
/// of a Matrix request made on the client's behalf, relayed.
#[derive(Clone, Debug, PartialEq, Eq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(parent = SynapseError, errcode = "M_UNKNOWN", message = "{msg}")]
pub struct ProxiedRequestError {
    /// The HTTP status.
    #[api_error(status)]
    pub code: u16,
    /// The message sent as `error`.
    pub msg: String,
    /// The errcode sent.
    #[api_error(errcode)]
    #[serde(default = "m_unknown")]
    pub errcode: String,
    /// The remote body's other members, sent as they came.
    #[api_error(flatten)]
    #[serde(default)]
    pub additional_fields: Option<Map<String, Value>>,
}

/// `ConsentNotGivenError(msg, consent_uri)`: the user must accept the privacy policy first.
#[derive(Clone, Debug, PartialEq, Eq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(
    parent = SynapseError,
    http = 403,
    errcode = "M_CONSENT_NOT_GIVEN",
    message = "{msg}"
)]
pub struct ConsentNotGivenError {
    /// The message sent as `error`.
    pub msg: String,
    /// Where the user can give consent.
    #[api_error(extra)]
    pub consent_uri: String,
}

/// `UserDeactivatedError(msg)`: the account has been deactivated.
#[derive(Clone, Debug, PartialEq, Eq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(
    parent = SynapseError,
    http = 403,
    errcode = "M_USER_DEACTIVATED",
    message = "{msg}"
)]
pub struct UserDeactivatedError {
    /// The message sent as `error`.
    pub msg: String,
}

/// `soft_logout: true`, which every [`UserLockedError`] carries: the client keeps its data
/// for when the account is unlocked.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SoftLogout;

impl Serialize for SoftLogout {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bool(true)
    }
}

/// `UserLockedError()`: the account has been locked (1.163.2).
#[derive(Clone, Debug, PartialEq, Eq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(
    parent = SynapseError,
    http = 401,
    errcode = "M_USER_LOCKED",
    message = "User account has been locked"
)]
pub struct UserLockedError {
    /// Always `true`; Synapse passes it as `additional_fields`.
    #[api_error(extra)]
    #[serde(skip)]
    pub soft_logout: SoftLogout,
}

/// `FederationDeniedError(destination)`: the server is not on the federation whitelist.
#[derive(Clone, Debug, PartialEq, Eq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(
    parent = SynapseError,
    http = 403,
    errcode = "M_FORBIDDEN",
    message = "Federation denied with {destination}.",
    display = federation_denied_message
)]
pub struct FederationDeniedError {
    /// The server denied; `None` is shown as Python shows it, `None`.
    #[serde(deserialize_with = "required_nullable")]
    pub destination: Option<String>,
}

fn federation_denied_message(error: &FederationDeniedError, f: &mut fmt::Formatter) -> fmt::Result {
    let destination = error.destination.as_deref().unwrap_or("None");
    write!(f, "Federation denied with {destination}.")
}

/// `InteractiveAuthIncompleteError(session_id, result)`: user-interactive authentication needs
/// another stage. Synapse's `interactive_auth_handler` answers 401 with `result` as the whole
/// body, no `errcode` or `error` added (`fixtures/synapse-http.json`), and so does the
/// catalog (`bare`).
#[derive(Clone, Debug, PartialEq, Eq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(
    format = "matrix",
    http = 401,
    message = "Interactive auth not yet complete",
    bare
)]
pub struct InteractiveAuthIncompleteError {
    /// The authentication session (1.163.2).
    pub session_id: String,
    /// The flows, parameters and completed stages the client needs.
    #[api_error(flatten)]
    pub result: Map<String, Value>,
}

/// `UnrecognizedRequestError(msg="Unrecognized request", code=400)`: the request is not
/// understood.
#[derive(Clone, Debug, PartialEq, Eq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(
    parent = SynapseError,
    http = 400,
    errcode = "M_UNRECOGNIZED",
    message = "{msg}"
)]
pub struct UnrecognizedRequestError {
    /// The message sent as `error`.
    #[serde(default = "unrecognized_request")]
    pub msg: String,
    /// The HTTP status (405 for a known path with the wrong method).
    #[api_error(status)]
    #[serde(default = "bad_request")]
    pub code: u16,
}

/// `NotFoundError(msg="Not found", errcode="M_NOT_FOUND")`: the thing asked for does not exist.
#[derive(Clone, Debug, PartialEq, Eq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(parent = SynapseError, http = 404, errcode = "M_NOT_FOUND", message = "{msg}")]
pub struct NotFoundError {
    /// The message sent as `error`.
    #[serde(default = "not_found")]
    pub msg: String,
    /// The errcode sent.
    #[api_error(errcode)]
    #[serde(default = "m_not_found")]
    pub errcode: String,
}

/// `AuthError(code, msg, errcode="M_FORBIDDEN", additional_fields=None)`: an authorisation
/// failure, of an event or of a request.
#[derive(Clone, Debug, PartialEq, Eq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(parent = SynapseError, http = 403, errcode = "M_FORBIDDEN", message = "{msg}")]
pub struct AuthError {
    /// The HTTP status.
    #[api_error(status)]
    pub code: u16,
    /// The message sent as `error`.
    pub msg: String,
    /// The errcode sent.
    #[api_error(errcode)]
    #[serde(default = "m_forbidden")]
    pub errcode: String,
    /// Members added to the body (1.163.2).
    #[api_error(flatten)]
    #[serde(default)]
    pub additional_fields: Option<Map<String, Value>>,
}

/// `OAuthInsufficientScopeError(required_scopes)`: the OAuth token lacks a scope (1.163.2).
#[derive(Clone, Debug, PartialEq, Eq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(
    parent = SynapseError,
    http = 401,
    errcode = "M_FORBIDDEN",
    message = "Insufficient scope"
)]
pub struct OauthInsufficientScopeError {
    /// The scopes the request needs, sent in the `WWW-Authenticate` challenge.
    #[api_error(header = "WWW-Authenticate", with = insufficient_scope_challenge)]
    pub required_scopes: Vec<String>,
}

/// The RFC 6750 challenge naming the scopes needed.
fn insufficient_scope_challenge(scopes: &[String]) -> String {
    format!(
        "Bearer error=\"insufficient_scope\", scope=\"{}\"",
        scopes.join(" ")
    )
}

/// `UnstableSpecAuthError(code, msg, errcode, previous_errcode="M_FORBIDDEN",
/// additional_fields=None)`: an authorisation failure whose proposed errcode (`errcode`) is not
/// yet in the spec, so `previous_errcode` is sent (1.163.2). Synapse adds
/// `org.matrix.msc3848.unstable.errcode` only when the homeserver enables MSC3848.
#[derive(Clone, Debug, PartialEq, Eq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(parent = AuthError, errcode = "M_FORBIDDEN", message = "{msg}")]
pub struct UnstableSpecAuthError {
    /// The HTTP status.
    #[api_error(status)]
    pub code: u16,
    /// The message sent as `error`.
    pub msg: String,
    /// The proposed errcode, not sent.
    pub errcode: String,
    /// The errcode sent.
    #[api_error(errcode)]
    #[serde(default = "m_forbidden")]
    pub previous_errcode: String,
    /// Members added to the body.
    #[api_error(flatten)]
    #[serde(default)]
    pub additional_fields: Option<Map<String, Value>>,
}

/// The member an [`UnstableSpecAuthError`] also sends its proposed errcode in, when the
/// homeserver enables MSC3848.
pub const MSC3848_UNSTABLE_ERRCODE: &str = "org.matrix.msc3848.unstable.errcode";

/// The homeserver options that change an error's body, as Synapse 1.163.2's
/// `SynapseError.error_dict(config)` reads them. MSC3848 is the only one
/// (`synapse/api/errors.py`, `UnstableSpecAuthError.error_dict`; observed in
/// `fixtures/synapse-config.json`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct HomeserverConfig {
    /// `experimental_features.msc3848_enabled`: an [`UnstableSpecAuthError`] also sends its
    /// proposed errcode as [`MSC3848_UNSTABLE_ERRCODE`].
    pub msc3848_enabled: bool,
}

impl HomeserverConfig {
    /// The members `error_dict(config)` adds to the body of the error `descriptor` describes,
    /// built from `fields` (render them with `RenderOptions::extra`). Synapse raises when the
    /// error's `additional_fields` already hold the member; the render replaces it.
    pub fn members(
        &self,
        descriptor: &errwire::ErrorDescriptor,
        fields: &Map<String, Value>,
    ) -> Map<String, Value> {
        let mut members = Map::new();
        if self.msc3848_enabled
            && descriptor.is_a(<UnstableSpecAuthError as errwire::Described>::DESCRIPTOR)
            && let Some(errcode) = fields.get("errcode")
        {
            members.insert(MSC3848_UNSTABLE_ERRCODE.to_owned(), errcode.clone());
        }
        members
    }
}

/// `InvalidClientCredentialsError(msg, errcode)`: the access token is missing or invalid.
#[derive(Clone, Debug, PartialEq, Eq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(parent = SynapseError, http = 401, message = "{msg}")]
pub struct InvalidClientCredentialsError {
    /// The message sent as `error`.
    pub msg: String,
    /// The errcode sent: `M_MISSING_TOKEN` or `M_UNKNOWN_TOKEN`.
    #[api_error(errcode)]
    pub errcode: String,
}

/// `MissingClientTokenError(msg="Missing access token")`: the request has no access token.
#[derive(Clone, Debug, PartialEq, Eq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(
    parent = InvalidClientCredentialsError,
    errcode = "M_MISSING_TOKEN",
    message = "{msg}"
)]
pub struct MissingClientTokenError {
    /// The message sent as `error`.
    #[serde(default = "missing_access_token")]
    pub msg: String,
}

/// `InvalidClientTokenError(msg="Unrecognised access token", soft_logout=False)`: the access
/// token is not recognised.
#[derive(Clone, Debug, PartialEq, Eq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(
    parent = InvalidClientCredentialsError,
    errcode = "M_UNKNOWN_TOKEN",
    message = "{msg}"
)]
pub struct InvalidClientTokenError {
    /// The message sent as `error`.
    #[serde(default = "unrecognised_access_token")]
    pub msg: String,
    /// Whether the client may keep its data (the token expired rather than being revoked).
    #[api_error(extra)]
    #[serde(default)]
    pub soft_logout: bool,
}

/// `ResourceLimitError(code, msg, errcode="M_RESOURCE_LIMIT_EXCEEDED", admin_contact=None,
/// limit_type=None)`: the server has reached a resource limit.
#[derive(Clone, Debug, PartialEq, Eq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(
    parent = SynapseError,
    http = 400,
    errcode = "M_RESOURCE_LIMIT_EXCEEDED",
    message = "{msg}"
)]
pub struct ResourceLimitError {
    /// The HTTP status.
    #[api_error(status)]
    pub code: u16,
    /// The message sent as `error`.
    pub msg: String,
    /// The errcode sent.
    #[api_error(errcode)]
    #[serde(default = "m_resource_limit_exceeded")]
    pub errcode: String,
    /// Whom to contact about the limit; sent as `null` when unknown.
    #[api_error(extra, nullable)]
    #[serde(default)]
    pub admin_contact: Option<String>,
    /// Which limit was reached (`monthly_active_user`); sent as `null` when unknown.
    #[api_error(extra, nullable)]
    #[serde(default)]
    pub limit_type: Option<String>,
}

/// `UserLimitExceededError(code, msg, *, info_uri, can_upgrade=False)`: the user has reached
/// a limit of their account (1.163.2).
#[derive(Clone, Debug, PartialEq, Eq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(
    parent = SynapseError,
    http = 403,
    errcode = "M_USER_LIMIT_EXCEEDED",
    message = "{msg}"
)]
pub struct UserLimitExceededError {
    /// The HTTP status.
    #[api_error(status)]
    pub code: u16,
    /// The message sent as `error`.
    pub msg: String,
    /// Where the user learns about the limit.
    #[api_error(extra)]
    pub info_uri: String,
    /// `Some(true)` when the user can upgrade past the limit. Synapse sends the member only
    /// then, so `can_upgrade=False` reads as `None`.
    #[api_error(extra)]
    #[serde(default, deserialize_with = "true_or_none")]
    pub can_upgrade: Option<bool>,
}

/// `EventSizeError(msg, unpersistable)`: an event is too large.
#[derive(Clone, Debug, PartialEq, Eq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(parent = SynapseError, http = 413, errcode = "M_TOO_LARGE", message = "{msg}")]
pub struct EventSizeError {
    /// The message sent as `error`.
    pub msg: String,
    /// Whether the whole PDU is too large, so it must not be stored even as rejected
    /// (1.163.2).
    pub unpersistable: bool,
}

/// `EventStreamError(code, msg, errcode="M_BAD_PAGINATION")`: a problem with the event stream.
/// Gone after 1.9.1; kept as 1.9.1 had it.
#[derive(Clone, Debug, PartialEq, Eq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(parent = SynapseError, errcode = "M_BAD_PAGINATION", message = "{msg}")]
pub struct EventStreamError {
    /// The HTTP status.
    #[api_error(status)]
    pub code: u16,
    /// The message sent as `error`.
    pub msg: String,
    /// The errcode sent.
    #[api_error(errcode)]
    #[serde(default = "m_bad_pagination")]
    pub errcode: String,
}

/// `LoginError(code, msg, errcode="M_UNKNOWN", additional_fields=None, headers=None)`: a
/// problem logging in.
#[derive(Clone, Debug, PartialEq, Eq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(parent = SynapseError, errcode = "M_UNKNOWN", message = "{msg}")]
pub struct LoginError {
    /// The HTTP status.
    #[api_error(status)]
    pub code: u16,
    /// The message sent as `error`.
    pub msg: String,
    /// The errcode sent.
    #[api_error(errcode)]
    #[serde(default = "m_unknown")]
    pub errcode: String,
    /// Members added to the body (1.163.2).
    #[api_error(flatten)]
    #[serde(default)]
    pub additional_fields: Option<Map<String, Value>>,
    /// Headers sent with the response (1.163.2).
    #[api_error(headers)]
    #[serde(default)]
    pub headers: Option<BTreeMap<String, String>>,
}

/// `StoreError(code, msg, errcode="M_UNKNOWN", additional_fields=None, headers=None)`: a
/// problem storing data.
#[derive(Clone, Debug, PartialEq, Eq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(parent = SynapseError, errcode = "M_UNKNOWN", message = "{msg}")]
pub struct StoreError {
    /// The HTTP status.
    #[api_error(status)]
    pub code: u16,
    /// The message sent as `error`.
    pub msg: String,
    /// The errcode sent.
    #[api_error(errcode)]
    #[serde(default = "m_unknown")]
    pub errcode: String,
    /// Members added to the body (1.163.2).
    #[api_error(flatten)]
    #[serde(default)]
    pub additional_fields: Option<Map<String, Value>>,
    /// Headers sent with the response (1.163.2).
    #[api_error(headers)]
    #[serde(default)]
    pub headers: Option<BTreeMap<String, String>>,
}

/// `InvalidCaptchaError(code=400, msg="Invalid captcha.", error_url=None,
/// errcode="M_CAPTCHA_INVALID")`: the captcha response was wrong.
#[derive(Clone, Debug, PartialEq, Eq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(
    parent = SynapseError,
    http = 400,
    errcode = "M_CAPTCHA_INVALID",
    message = "{msg}"
)]
pub struct InvalidCaptchaError {
    /// The HTTP status.
    #[api_error(status)]
    #[serde(default = "bad_request")]
    pub code: u16,
    /// The message sent as `error`.
    #[serde(default = "invalid_captcha")]
    pub msg: String,
    /// Where to get a new captcha; sent as `null` when unknown.
    #[api_error(extra, nullable)]
    #[serde(default)]
    pub error_url: Option<String>,
    /// The errcode sent.
    #[api_error(errcode)]
    #[serde(default = "m_captcha_invalid")]
    pub errcode: String,
}

/// The whole seconds of a `retry_after_ms`, rounded up, as `Retry-After` carries them.
fn retry_after_secs(ms: &u64) -> u64 {
    ms.div_ceil(1000)
}

/// `LimitExceededError(limiter_name, code=429, retry_after_ms=None, errcode="M_LIMIT_EXCEEDED",
/// pause=None)`: the client is being rate-limited.
#[derive(Clone, Debug, PartialEq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(
    parent = SynapseError,
    http = 429,
    errcode = "M_LIMIT_EXCEEDED",
    message = "Too Many Requests"
)]
pub struct LimitExceededError {
    /// The rate limiter that refused, for logs only (1.163.2).
    pub limiter_name: String,
    /// The HTTP status.
    #[api_error(status)]
    #[serde(default = "too_many_requests")]
    pub code: u16,
    /// When to retry, sent as `null` when unknown, and as `Retry-After` in whole seconds
    /// (1.163.2).
    #[api_error(extra, nullable, header = "Retry-After", with = retry_after_secs)]
    #[serde(default)]
    pub retry_after_ms: Option<u64>,
    /// The errcode sent.
    #[api_error(errcode)]
    #[serde(default = "m_limit_exceeded")]
    pub errcode: String,
    /// Seconds Synapse waits before answering (1.163.2).
    #[serde(default)]
    pub pause: Option<f64>,
}

/// `RoomKeysVersionError(current_version)`: a key backup upload named an old version.
#[derive(Clone, Debug, PartialEq, Eq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(
    parent = SynapseError,
    http = 403,
    errcode = "M_WRONG_ROOM_KEYS_VERSION",
    message = "Wrong room_keys version"
)]
pub struct RoomKeysVersionError {
    /// The current version, sent so the client can retry with it (1.163.2).
    #[api_error(extra)]
    pub current_version: String,
}

/// `UnsupportedRoomVersionError(msg="Homeserver does not support this room version")`: the
/// room version asked for is not supported.
#[derive(Clone, Debug, PartialEq, Eq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(
    parent = SynapseError,
    http = 400,
    errcode = "M_UNSUPPORTED_ROOM_VERSION",
    message = "{msg}"
)]
pub struct UnsupportedRoomVersionError {
    /// The message sent as `error` (1.163.2; 1.9.1 had only the default).
    #[serde(default = "unsupported_room_version")]
    pub msg: String,
}

/// `ThreepidValidationError(msg, errcode="M_FORBIDDEN")`: a third-party identifier could not
/// be validated.
#[derive(Clone, Debug, PartialEq, Eq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(parent = SynapseError, http = 400, errcode = "M_FORBIDDEN", message = "{msg}")]
pub struct ThreepidValidationError {
    /// The message sent as `error`.
    pub msg: String,
    /// The errcode sent.
    #[api_error(errcode)]
    #[serde(default = "m_forbidden")]
    pub errcode: String,
}

/// `IncompatibleRoomVersionError(room_version)`: this server cannot join a room of that
/// version.
#[derive(Clone, Debug, PartialEq, Eq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(
    parent = SynapseError,
    http = 400,
    errcode = "M_INCOMPATIBLE_ROOM_VERSION",
    message = "Your homeserver does not support the features required to interact with this room"
)]
pub struct IncompatibleRoomVersionError {
    /// The room's version.
    #[api_error(extra)]
    pub room_version: String,
}

/// `PasswordRefusedError(msg="This password doesn't comply with the server's policy",
/// errcode="M_WEAK_PASSWORD")`: the password breaks the password policy (1.163.2).
#[derive(Clone, Debug, PartialEq, Eq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(
    parent = SynapseError,
    http = 400,
    errcode = "M_WEAK_PASSWORD",
    message = "{msg}"
)]
pub struct PasswordRefusedError {
    /// The message sent as `error`.
    #[serde(default = "password_refused")]
    pub msg: String,
    /// The errcode sent: `M_WEAK_PASSWORD` or one naming the rule (`M_PASSWORD_TOO_SHORT`).
    #[api_error(errcode)]
    #[serde(default = "m_weak_password")]
    pub errcode: String,
}

/// A Python exception as data: its class name and its `str()`, shown as Python's
/// `"%s: %s" % (type(e).__name__, e)` shows it.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExceptionRecord {
    /// The class name (`ConnectionRefusedError`).
    pub name: String,
    /// What `str()` gives (`Connection refused`).
    pub message: String,
}

impl fmt::Display for ExceptionRecord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.name, self.message)
    }
}

impl std::error::Error for ExceptionRecord {}

/// `RequestSendFailed(inner_exception, can_retry)`: a federation request could not be sent
/// (DNS, connection, timeout). Internal: a client receives it only as a 500.
#[derive(Clone, Debug, PartialEq, Eq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(
    format = "matrix",
    http = 500,
    message = "Failed to send request: {inner_exception}"
)]
pub struct RequestSendFailed {
    /// Why sending failed.
    #[api_error(source)]
    pub inner_exception: ExceptionRecord,
    /// Whether retrying may help.
    pub can_retry: bool,
}

/// `UnredactedContentDeletedError(content_keep_ms=None)`: the unredacted content of an event
/// has been erased (MSC2815, 1.163.2).
#[derive(Clone, Debug, PartialEq, Eq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(
    parent = SynapseError,
    http = 404,
    errcode = "FI.MAU.MSC2815_UNREDACTED_CONTENT_DELETED",
    message = "The content for that event has already been erased from the database"
)]
pub struct UnredactedContentDeletedError {
    /// How long the server keeps redacted content, sent when known.
    #[api_error(extra, rename = "fi.mau.msc2815.content_keep_ms")]
    #[serde(default)]
    pub content_keep_ms: Option<u64>,
}

/// `NotApprovedError(msg, approval_notice_medium)`: the account awaits approval (MSC3866,
/// 1.163.2).
#[derive(Clone, Debug, PartialEq, Eq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(
    parent = SynapseError,
    http = 403,
    errcode = "ORG.MATRIX.MSC3866_USER_AWAITING_APPROVAL",
    message = "{msg}"
)]
pub struct NotApprovedError {
    /// The message sent as `error`.
    pub msg: String,
    /// How the user will be told of the approval.
    #[api_error(extra)]
    pub approval_notice_medium: String,
}

/// The level of a [`FederationError`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum FederationErrorLevel {
    /// The remote server could not interpret the event (a required field was missing).
    Fatal,
    /// The event was interpreted but failed another check (auth).
    Error,
    /// The event was accepted, but part of it is wrong (it refers to an invalid event).
    Warn,
}

impl fmt::Display for FederationErrorLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            FederationErrorLevel::Fatal => "FATAL",
            FederationErrorLevel::Error => "ERROR",
            FederationErrorLevel::Warn => "WARN",
        })
    }
}

/// `FederationError(level, code, reason, affected, source=None)`: an erroneous PDU, reported to
/// the remote server as `get_dict()` makes it. Not a client error: escaping to the HTTP layer
/// it becomes a 500, so that is its status here.
#[derive(Clone, Debug, PartialEq, Eq, ApiError, Deserialize)]
#[serde(from = "FederationErrorArgs")]
#[api_error(format = "matrix", http = 500, message = "{level} {code}: {reason}")]
pub struct FederationError {
    /// How bad the PDU is; any other level is refused, as Synapse refuses it.
    #[api_error(extra)]
    pub level: FederationErrorLevel,
    /// An HTTP-style status for the PDU.
    #[api_error(extra)]
    pub code: u16,
    /// What is wrong.
    #[api_error(extra)]
    pub reason: String,
    /// The event affected.
    #[api_error(extra)]
    pub affected: String,
    /// The event at fault; `affected` when none (or an empty one) is named, as `get_dict()`
    /// reports it.
    #[api_error(extra)]
    pub source: String,
}

/// The constructor's arguments, where `source` is optional.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FederationErrorArgs {
    level: FederationErrorLevel,
    code: u16,
    reason: String,
    affected: String,
    #[serde(default)]
    source: Option<String>,
}

impl From<FederationErrorArgs> for FederationError {
    fn from(args: FederationErrorArgs) -> Self {
        let source = match args.source {
            Some(source) if !source.is_empty() => source,
            _ => args.affected.clone(),
        };
        FederationError {
            level: args.level,
            code: args.code,
            reason: args.reason,
            affected: args.affected,
            source,
        }
    }
}

/// `PartialStateConflictError()`: an event with partial state cannot be stored in a room whose
/// state is now full (1.163.2). Sent only between workers.
#[derive(Clone, Debug, PartialEq, Eq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(
    parent = SynapseError,
    http = 409,
    errcode = "M_UNKNOWN",
    message = "Cannot persist partial state event in un-partial stated room"
)]
pub struct PartialStateConflictError {}

/// `SlidingSyncUnknownPosition(message="Unknown position")`: the client must start a new
/// sliding sync connection (MSC3575, 1.163.2).
#[derive(Clone, Debug, PartialEq, Eq, ApiError, Deserialize)]
#[serde(deny_unknown_fields)]
#[api_error(parent = SynapseError, http = 400, errcode = "M_UNKNOWN_POS", message = "{message}")]
pub struct SlidingSyncUnknownPosition {
    /// The message sent as `error`.
    #[serde(default = "unknown_position")]
    pub message: String,
}

/// Reads a `X | None` parameter without default: it must be given, as `null` or a value.
fn required_nullable<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer)
}

/// Reads `can_upgrade`: `false` is not sent, so it is `None`.
fn true_or_none<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<bool>, D::Error> {
    Ok(bool::deserialize(deserializer)?.then_some(true))
}

// The Python defaults.
fn found() -> u16 {
    302
}
fn bad_request() -> u16 {
    400
}
fn too_many_requests() -> u16 {
    429
}
fn m_unknown() -> String {
    "M_UNKNOWN".to_owned()
}
fn m_not_found() -> String {
    "M_NOT_FOUND".to_owned()
}
fn m_forbidden() -> String {
    "M_FORBIDDEN".to_owned()
}
fn m_resource_limit_exceeded() -> String {
    "M_RESOURCE_LIMIT_EXCEEDED".to_owned()
}
fn m_bad_pagination() -> String {
    "M_BAD_PAGINATION".to_owned()
}
fn m_captcha_invalid() -> String {
    "M_CAPTCHA_INVALID".to_owned()
}
fn m_limit_exceeded() -> String {
    "M_LIMIT_EXCEEDED".to_owned()
}
fn m_weak_password() -> String {
    "M_WEAK_PASSWORD".to_owned()
}
fn unrecognized_request() -> String {
    "Unrecognized request".to_owned()
}
fn not_found() -> String {
    "Not found".to_owned()
}
fn missing_access_token() -> String {
    "Missing access token".to_owned()
}
fn unrecognised_access_token() -> String {
    "Unrecognised access token".to_owned()
}
fn invalid_captcha() -> String {
    "Invalid captcha.".to_owned()
}
fn unsupported_room_version() -> String {
    "Homeserver does not support this room version".to_owned()
}
fn password_refused() -> String {
    "This password doesn't comply with the server's policy".to_owned()
}
fn unknown_position() -> String {
    "Unknown position".to_owned()
}

/// What the catalog page says about this module beyond its table: every difference between
/// 1.9.1 (the page) and 1.163.2 (the current release) the catalog follows or keeps, and the
/// choices made where Synapse says nothing.
pub const NOTES: &[&str] = &[
    "Wire output follows 1.163.2; `EventStreamError`, which 1.163.2 dropped, keeps 1.9.1's `(code, msg, errcode=\"M_BAD_PAGINATION\")`.",
    "`Codes` entries are errcodes, not errors: Synapse sends each inside a `SynapseError` with its own text, so their message is a description of the errcode, not library text (replace it with `with_message`). Their status is the one Synapse uses the errcode with: that of the class whose default errcode it is, else the one its source uses most.",
    "`Codes` grew from 36 members in 1.9.1 (the page) to 76 in 1.163.2 (and became a `str` Enum, same values on the wire); the 40 new ones are marked as not on the page.",
    "Synapse gives three errcodes no status: `M_BAD_PAGINATION` (1.9.1's `EventStreamError` took one from the caller), `M_SERVER_NOT_TRUSTED` (raised by neither release) and `M_PASSWORD_IN_DICTIONARY` (never raised). The catalog gives all three 400: each is a fault of the request, and `PasswordRefusedError`, which carries the other password-policy errcodes, is a 400.",
    "Display is the `error` of the body (Python's `msg`), not `str(e)`, which is `\"%d: %s\" % (code, msg)`.",
    "A class whose constructor requires `code` declares as default the status of its default errcode in `Codes` (`SynapseError`, `LoginError`, `StoreError`, `ProxiedRequestError`, `EventStreamError`: 400; `AuthError`, `UserLimitExceededError`: 403; `ResourceLimitError`: 400); the instance's `code` is what is sent.",
    "Classes that are not `SynapseError`s have no `error_dict()`: Synapse answers them with 500 `{\"errcode\":\"M_UNKNOWN\",\"error\":\"Internal server error\"}`, except `RedirectException` (its status and `Location`) and `InteractiveAuthIncompleteError` (401 with `result` as the whole body, which the catalog sends the same: it is declared `bare`). The catalog renders the others' own message with `M_UNKNOWN`; `CodeMessageException`, `HttpResponseException`, `RequestSendFailed` and `FederationError` default to 500.",
    "`CodeMessageException` and `SynapseError` (so `LoginError` and `StoreError`) take `headers`, sent with the response, and `SynapseError` and `AuthError` take `additional_fields`, spread over the body (replacing `errcode` or `error` if named), since 1.163.2; in 1.9.1 only `ProxiedRequestError` had `additional_fields`.",
    "`LimitExceededError`: 1.163.2 requires `limiter_name` (logged, never sent), adds `pause`, no longer takes `msg` (always \"Too Many Requests\"), and sends `Retry-After` as `retry_after_ms` in whole seconds rounded up; 1.9.1 took `msg` and sent no header. Synapse divides as a float, so above 2**53 ms the catalog's exact rounding can differ by one second.",
    "`RoomKeysVersionError` sends `current_version` in its body since 1.163.2; 1.9.1's body had only `errcode` and `error`.",
    "`IncompatibleRoomVersionError`'s message is \"…required to interact with this room\" (1.163.2), was \"…required to join this room\" (1.9.1).",
    "1.163.2 replaced the `*args, **kwargs` of four classes with explicit signatures: `AuthError(code, msg, errcode=\"M_FORBIDDEN\", additional_fields=None)`; `ThreepidValidationError(msg, errcode=\"M_FORBIDDEN\")`, whose status is now always 400 (the caller chose it in 1.9.1); `EventSizeError(msg, unpersistable)`, whose errcode is now always `M_TOO_LARGE`; `UnrecognizedRequestError(msg=\"Unrecognized request\", code=400)`, whose status may now be chosen (405) and errcode no longer (always `M_UNRECOGNIZED`).",
    "`UnsupportedRoomVersionError` takes an optional `msg` and `InteractiveAuthIncompleteError` a required `session_id` since 1.163.2.",
    "`HttpResponseException.to_synapse_error()` (1.163.2) no longer relays `M_UNKNOWN_TOKEN` (sent as `M_UNKNOWN`) or a 401 (sent as 400), and ignores an `errcode` or `error` that is not a string; the 1.9.1 behaviour, for trusted responses only, is `unsafe_to_verbatim_synapse_error()`, which also ignores non-strings. The catalog has both, returning `ProxiedRequestError`.",
    "`HttpResponseException` keeps the whole response as a `ResponseRecord` (status, reason, method, URL, headers, body); `code` and `msg` are its status line, as Synapse passes them.",
    "`UnstableSpecAuthError` (1.163.2) sends `previous_errcode` as `errcode`; `org.matrix.msc3848.unstable.errcode` is added only when the homeserver enables MSC3848 (`error_dict(config)`, 1.163.2): `HomeserverConfig` gives that member (`render --synapse-config msc3848`).",
    "`RedirectException` sends `location` as the `Location` header, as Synapse's HTTP layer (`return_html_error`) does; its body is the Matrix one, where Synapse sends an HTML page.",
    "`FederationError` renders `get_dict()`'s members (`source` is `affected` when none is given) after `errcode` and `error`, which every Matrix-format body carries.",
    "Classes added in 1.163.2 are declared and marked as not on the page: `InvalidAPICallError`, `InvalidProxyCredentialsError`, `UserLockedError`, `OAuthInsufficientScopeError`, `UnstableSpecAuthError`, `UserLimitExceededError`, `PasswordRefusedError`, `UnredactedContentDeletedError`, `NotApprovedError`, `PartialStateConflictError`, `SlidingSyncUnknownPosition`. Its internal signals are not declared, as no response carries them: `FederationPullAttemptBackoffError`, `HomeServerNotSetupException`, `ShadowBanError`, `ModuleFailedException`.",
    "Parameters Synapse annotates as non-optional (`msg`, `errcode`, `consent_uri`, `room_version`, `current_version`, `soft_logout`) take no `None`: Synapse does not check and sends `null`. A `code` is a `u16`: Synapse keeps any integer, which no HTTP response can carry.",
];
