//! The entries of each catalog: the one place that names every catalog type. The catalog
//! modules know nothing of the registry; this file depends on them, never the reverse.

use errwire::ApiError as _;

use super::{Entry, System, build_constant};

/// Every declared error, system by system, in each library's order.
pub(super) fn all() -> Vec<Entry> {
    let mut entries = djblets();
    entries.extend(synapse());
    entries.extend(py42());
    entries.extend(tenable());
    entries
}

/// Djblets: the predefined errors (constants of `djblets.webapi.errors`), then `WebAPIError`.
fn djblets() -> Vec<Entry> {
    macro_rules! constants {
        ($($variant:ident => $reference:literal),* $(,)?) => {
            vec![$(Entry::constant::<crate::djblets::WebApiError>(
                System::Djblets,
                concat!("djblets::WebApiError::", stringify!($variant)),
                concat!("djblets.webapi.errors.", $reference),
                true,
                crate::djblets::WebApiError::$variant.descriptor(),
                |fields, overrides| build_constant(crate::djblets::WebApiError::$variant, fields, overrides),
            )),*]
        };
    }
    let mut entries = constants![
        NoError => "NO_ERROR",
        ServiceNotConfigured => "SERVICE_NOT_CONFIGURED",
        DoesNotExist => "DOES_NOT_EXIST",
        PermissionDenied => "PERMISSION_DENIED",
        InvalidAttribute => "INVALID_ATTRIBUTE",
        NotLoggedIn => "NOT_LOGGED_IN",
        LoginFailed => "LOGIN_FAILED",
        InvalidFormData => "INVALID_FORM_DATA",
        MissingAttribute => "MISSING_ATTRIBUTE",
        EnableExtensionFailed => "ENABLE_EXTENSION_FAILED",
        DisableExtensionFailed => "DISABLE_EXTENSION_FAILED",
        ExtensionInstalled => "EXTENSION_INSTALLED",
        InstallExtensionFailed => "INSTALL_EXTENSION_FAILED",
        DuplicateItem => "DUPLICATE_ITEM",
        OauthMissingScopeError => "OAUTH_MISSING_SCOPE_ERROR",
        OauthAccessDeniedError => "OAUTH_ACCESS_DENIED_ERROR",
        RateLimitExceeded => "RATE_LIMIT_EXCEEDED",
    ];
    entries.push(Entry::of::<crate::djblets::CustomWebApiError>(
        System::Djblets,
        "djblets::CustomWebApiError",
        "djblets.webapi.errors.WebAPIError",
        true,
    ));
    entries
}

/// Synapse: the errcodes of `Codes`, then the exception classes.
fn synapse() -> Vec<Entry> {
    macro_rules! codes {
        ($($variant:ident => $member:literal, $in_page:literal;)*) => {
            vec![$(Entry::constant::<crate::synapse::Codes>(
                System::Matrix,
                concat!("synapse::Codes::", stringify!($variant)),
                concat!("synapse.api.errors.Codes.", $member),
                $in_page,
                crate::synapse::Codes::$variant.descriptor(),
                |fields, overrides| build_constant(crate::synapse::Codes::$variant, fields, overrides),
            )),*]
        };
    }
    macro_rules! classes {
        ($($class:ident => $python:literal, $in_page:literal;)*) => {
            [$(Entry::of::<crate::synapse::$class>(
                System::Matrix,
                concat!("synapse::", stringify!($class)),
                concat!("synapse.api.errors.", $python),
                $in_page,
            )),*]
        };
    }
    let mut entries = codes![
        Unrecognized => "UNRECOGNIZED", true;
        Unauthorized => "UNAUTHORIZED", true;
        Forbidden => "FORBIDDEN", true;
        BadJson => "BAD_JSON", true;
        NotJson => "NOT_JSON", true;
        UserInUse => "USER_IN_USE", true;
        RoomInUse => "ROOM_IN_USE", true;
        BadPagination => "BAD_PAGINATION", true;
        BadState => "BAD_STATE", true;
        Unknown => "UNKNOWN", true;
        NotFound => "NOT_FOUND", true;
        MissingToken => "MISSING_TOKEN", true;
        UnknownToken => "UNKNOWN_TOKEN", true;
        GuestAccessForbidden => "GUEST_ACCESS_FORBIDDEN", true;
        LimitExceeded => "LIMIT_EXCEEDED", true;
        CaptchaNeeded => "CAPTCHA_NEEDED", true;
        CaptchaInvalid => "CAPTCHA_INVALID", true;
        MissingParam => "MISSING_PARAM", true;
        InvalidParam => "INVALID_PARAM", true;
        TooLarge => "TOO_LARGE", true;
        Exclusive => "EXCLUSIVE", true;
        ThreepidAuthFailed => "THREEPID_AUTH_FAILED", true;
        ThreepidInUse => "THREEPID_IN_USE", true;
        ThreepidNotFound => "THREEPID_NOT_FOUND", true;
        ThreepidDenied => "THREEPID_DENIED", true;
        InvalidUsername => "INVALID_USERNAME", true;
        ThreepidMediumNotSupported => "THREEPID_MEDIUM_NOT_SUPPORTED", false;
        ServerNotTrusted => "SERVER_NOT_TRUSTED", true;
        ConsentNotGiven => "CONSENT_NOT_GIVEN", true;
        CannotLeaveServerNoticeRoom => "CANNOT_LEAVE_SERVER_NOTICE_ROOM", true;
        ResourceLimitExceeded => "RESOURCE_LIMIT_EXCEEDED", true;
        UnsupportedRoomVersion => "UNSUPPORTED_ROOM_VERSION", true;
        IncompatibleRoomVersion => "INCOMPATIBLE_ROOM_VERSION", true;
        WrongRoomKeysVersion => "WRONG_ROOM_KEYS_VERSION", true;
        ExpiredAccount => "EXPIRED_ACCOUNT", true;
        PasswordTooShort => "PASSWORD_TOO_SHORT", false;
        PasswordNoDigit => "PASSWORD_NO_DIGIT", false;
        PasswordNoUppercase => "PASSWORD_NO_UPPERCASE", false;
        PasswordNoLowercase => "PASSWORD_NO_LOWERCASE", false;
        PasswordNoSymbol => "PASSWORD_NO_SYMBOL", false;
        PasswordInDictionary => "PASSWORD_IN_DICTIONARY", false;
        WeakPassword => "WEAK_PASSWORD", false;
        InvalidSignature => "INVALID_SIGNATURE", true;
        UserDeactivated => "USER_DEACTIVATED", true;
        UserLocked => "USER_LOCKED", false;
        NotYetUploaded => "NOT_YET_UPLOADED", false;
        CannotOverwriteMedia => "CANNOT_OVERWRITE_MEDIA", false;
        AlreadyJoined => "ALREADY_JOINED", false;
        NotJoined => "NOT_JOINED", false;
        InsufficientPower => "INSUFFICIENT_POWER", false;
        UserAccountSuspended => "USER_ACCOUNT_SUSPENDED", false;
        BadAlias => "BAD_ALIAS", false;
        UnableAuthoriseJoin => "UNABLE_AUTHORISE_JOIN", false;
        UnableToGrantJoin => "UNABLE_TO_GRANT_JOIN", false;
        UnredactedContentDeleted => "UNREDACTED_CONTENT_DELETED", false;
        UnableDueToPartialState => "UNABLE_DUE_TO_PARTIAL_STATE", false;
        UserAwaitingApproval => "USER_AWAITING_APPROVAL", false;
        AsPingUrlNotSet => "AS_PING_URL_NOT_SET", false;
        AsPingBadStatus => "AS_PING_BAD_STATUS", false;
        AsPingConnectionTimeout => "AS_PING_CONNECTION_TIMEOUT", false;
        AsPingConnectionFailed => "AS_PING_CONNECTION_FAILED", false;
        AsFedproxyNoProxyPrefix => "AS_FEDPROXY_NO_PROXY_PREFIX", false;
        AsFedproxyPathNotAllowed => "AS_FEDPROXY_PATH_NOT_ALLOWED", false;
        AsFedproxyConnectionFailed => "AS_FEDPROXY_CONNECTION_FAILED", false;
        AsFedproxyDestinationDenied => "AS_FEDPROXY_DESTINATION_DENIED", false;
        DuplicateAnnotation => "DUPLICATE_ANNOTATION", false;
        UnknownPos => "UNKNOWN_POS", false;
        ProfileTooLarge => "PROFILE_TOO_LARGE", false;
        KeyTooLarge => "KEY_TOO_LARGE", false;
        DelayTooLarge => "DELAY_TOO_LARGE", false;
        InviteBlocked => "INVITE_BLOCKED", false;
        AppserviceLoginUnsupported => "APPSERVICE_LOGIN_UNSUPPORTED", false;
        Msc4306ConflictingUnsubscription => "MSC4306_CONFLICTING_UNSUBSCRIPTION", false;
        Msc4306NotInThread => "MSC4306_NOT_IN_THREAD", false;
        UnknownDevice => "UNKNOWN_DEVICE", false;
        UserLimitExceeded => "USER_LIMIT_EXCEEDED", false;
    ];
    entries.extend(classes![
        CodeMessageException => "CodeMessageException", true;
        RedirectException => "RedirectException", true;
        HttpResponseException => "HttpResponseException", true;
        SynapseError => "SynapseError", true;
        InvalidApiCallError => "InvalidAPICallError", false;
        InvalidProxyCredentialsError => "InvalidProxyCredentialsError", false;
        ProxiedRequestError => "ProxiedRequestError", true;
        ConsentNotGivenError => "ConsentNotGivenError", true;
        UserDeactivatedError => "UserDeactivatedError", true;
        UserLockedError => "UserLockedError", false;
        FederationDeniedError => "FederationDeniedError", true;
        InteractiveAuthIncompleteError => "InteractiveAuthIncompleteError", true;
        UnrecognizedRequestError => "UnrecognizedRequestError", true;
        NotFoundError => "NotFoundError", true;
        AuthError => "AuthError", true;
        OauthInsufficientScopeError => "OAuthInsufficientScopeError", false;
        UnstableSpecAuthError => "UnstableSpecAuthError", false;
        InvalidClientCredentialsError => "InvalidClientCredentialsError", true;
        MissingClientTokenError => "MissingClientTokenError", true;
        InvalidClientTokenError => "InvalidClientTokenError", true;
        ResourceLimitError => "ResourceLimitError", true;
        UserLimitExceededError => "UserLimitExceededError", false;
        EventSizeError => "EventSizeError", true;
        EventStreamError => "EventStreamError", true;
        LoginError => "LoginError", true;
        StoreError => "StoreError", true;
        InvalidCaptchaError => "InvalidCaptchaError", true;
        LimitExceededError => "LimitExceededError", true;
        RoomKeysVersionError => "RoomKeysVersionError", true;
        UnsupportedRoomVersionError => "UnsupportedRoomVersionError", true;
        ThreepidValidationError => "ThreepidValidationError", true;
        IncompatibleRoomVersionError => "IncompatibleRoomVersionError", true;
        PasswordRefusedError => "PasswordRefusedError", false;
        RequestSendFailed => "RequestSendFailed", true;
        UnredactedContentDeletedError => "UnredactedContentDeletedError", false;
        NotApprovedError => "NotApprovedError", false;
        FederationError => "FederationError", true;
        PartialStateConflictError => "PartialStateConflictError", false;
        SlidingSyncUnknownPosition => "SlidingSyncUnknownPosition", false;
    ]);
    entries
}

/// py42: the classes, in the order py42 declares them.
fn py42() -> Vec<Entry> {
    macro_rules! class {
        ($error:ident) => {
            Entry::of::<crate::py42::$error>(
                System::Py42,
                concat!("py42::", stringify!($error)),
                concat!("py42.exceptions.", stringify!($error)),
                true,
            )
        };
    }
    vec![
        class!(Py42Error),
        class!(Py42ResponseError),
        class!(Py42ArchiveFileNotFoundError),
        class!(Py42ChecksumNotFoundError),
        class!(Py42FeatureUnavailableError),
        class!(Py42HTTPError),
        class!(Py42DeviceNotConnectedError),
        class!(Py42InvalidArchivePassword),
        class!(Py42InvalidArchiveEncryptionKey),
        class!(Py42StorageSessionInitializationError),
        class!(Py42SessionInitializationError),
        class!(Py42BadRequestError),
        class!(Py42UnauthorizedError),
        class!(Py42ForbiddenError),
        class!(Py42NotFoundError),
        class!(Py42ConflictError),
        class!(Py42InternalServerError),
        class!(Py42TooManyRequestsError),
        class!(Py42OrgNotFoundError),
        class!(Py42ActiveLegalHoldError),
        class!(Py42UserAlreadyAddedError),
        class!(Py42LegalHoldNotFoundOrPermissionDeniedError),
        class!(Py42LegalHoldCriteriaMissingError),
        class!(Py42LegalHoldAlreadyDeactivatedError),
        class!(Py42LegalHoldAlreadyActiveError),
        class!(Py42InvalidRuleOperationError),
        class!(Py42MFARequiredError),
        class!(Py42UserAlreadyExistsError),
        class!(Py42UsernameMustBeEmailError),
        class!(Py42InvalidEmailError),
        class!(Py42InvalidPasswordError),
        class!(Py42InvalidUsernameError),
        class!(Py42CloudAliasLimitExceededError),
        // The one class without parameters is a unit struct, built as a constant.
        Entry::constant::<crate::py42::Py42CloudAliasCharacterLimitExceededError>(
            System::Py42,
            "py42::Py42CloudAliasCharacterLimitExceededError",
            "py42.exceptions.Py42CloudAliasCharacterLimitExceededError",
            true,
            crate::py42::Py42CloudAliasCharacterLimitExceededError.descriptor(),
            |fields, overrides| {
                build_constant(
                    crate::py42::Py42CloudAliasCharacterLimitExceededError,
                    fields,
                    overrides,
                )
            },
        ),
        class!(Py42BadRestoreRequestError),
        class!(Py42InvalidPageTokenError),
        class!(Py42UserNotOnListError),
        class!(Py42UnableToCreateProfileError),
        class!(Py42InvalidRuleError),
        class!(Py42UpdateClosedCaseError),
        class!(Py42CaseNameExistsError),
        class!(Py42DescriptionLimitExceededError),
        class!(Py42InvalidCaseUserError),
        class!(Py42CaseAlreadyHasEventError),
        class!(Py42TrustedActivityInvalidChangeError),
        class!(Py42TrustedActivityConflictError),
        class!(Py42TrustedActivityInvalidCharacterError),
        class!(Py42TrustedActivityIdNotFound),
        class!(Py42WatchlistNotFound),
        class!(Py42WatchlistOrUserNotFound),
        class!(Py42InvalidWatchlistType),
        class!(Py42UserRiskProfileNotFound),
    ]
}

/// pyTenable: the classes of `tenable.errors`.
fn tenable() -> Vec<Entry> {
    macro_rules! entries {
        ($($error:ident => $in_page:literal),* $(,)?) => {
            vec![$(Entry::of::<crate::tenable::$error>(
                System::Tenable,
                concat!("tenable::", stringify!($error)),
                concat!("tenable.errors.", stringify!($error)),
                $in_page,
            )),*]
        };
    }
    entries![
        TenableException => true,
        ConnectionError => true,
        PackageMissingError => true,
        UnexpectedValueError => true,
        FileDownloadError => false,
        TioExportsError => true,
        TioExportsTimeout => true,
        APIError => true,
        ImpersonationError => true,
        InvalidInputError => false,
        NotFoundError => true,
        PasswordComplexityError => true,
        PermissionError => false,
        RetryError => true,
        ServerError => true,
        UnknownError => true,
        UnsupportedError => true,
    ]
}
