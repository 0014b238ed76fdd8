//! Where each catalog knowingly differs from the library it declares, and why: the
//! conformance tests check that each listed case still differs (so a fix shows up as a stale
//! entry) and that every other case matches, and `CATALOG.md` lists them.

/// A known, explained difference between a catalog and its library.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Divergence {
    /// The fixture the case is in (`synapse.json`), and after a `#` the comparison, where a
    /// fixture has several (`tenable.json#mapping`).
    pub fixture: &'static str,
    /// The reference it concerns, or `*` for every entry of the fixture.
    pub reference: &'static str,
    /// The case label.
    pub label: &'static str,
    /// Why the catalog differs.
    pub reason: &'static str,
}

/// Every divergence, by fixture.
pub const DIVERGENCES: &[Divergence] = &[
    Divergence {
        fixture: "djblets.json",
        reference: "djblets.webapi.errors.WebAPIError",
        label: "None msg",
        reason: "`msg=None` is sent as `null` by Djblets; the catalog's message is text, so it is refused.",
    },
    Divergence {
        fixture: "djblets-formats.json",
        reference: "*",
        label: "xml: with_message control characters",
        reason: "Djblets writes control characters raw, which makes XML no parser reads; errwire writes U+FFFD for each character XML 1.0 forbids, and a carriage return as `&#13;`.",
    },
    Divergence {
        fixture: "djblets-formats.json",
        reference: "*",
        label: "text: C0 controls and DEL",
        reason: "Djblets writes control characters raw, which makes XML no parser reads; errwire writes U+FFFD for each character XML 1.0 forbids, and a carriage return as `&#13;`.",
    },
    Divergence {
        fixture: "djblets-formats.json",
        reference: "*",
        label: "text: U+0085, U+2028, U+FFFE, U+FFFF",
        reason: "U+FFFE and U+FFFF are no XML characters: Djblets writes them raw, which no XML parser reads; errwire writes U+FFFD.",
    },
    Divergence {
        fixture: "djblets-formats.json",
        reference: "*",
        label: "text: tab, newline, carriage return",
        reason: "A carriage return is written `&#13;` (quick-xml's escape), so a parser reads it back instead of turning it into a line feed.",
    },
    Divergence {
        fixture: "djblets-formats.json",
        reference: "*",
        label: "keys that are not XML names",
        reason: "Djblets writes such a member as an ill-formed tag; errwire refuses the body (`RenderError::Xml`).",
    },
    Divergence {
        fixture: "djblets-formats.json",
        reference: "*",
        label: "xml: error header value non-ASCII",
        reason: "Django sends a non-ASCII header value as RFC 2047 (`=?utf-8?b?…?=`), which HTTP never defined; errwire sends its UTF-8 bytes (RFC 9110 §5.5's obs-text).",
    },
    Divergence {
        fixture: "djblets-formats.json",
        reference: "*",
        label: "jsonp: error header value non-ASCII",
        reason: "Django sends a non-ASCII header value as RFC 2047 (`=?utf-8?b?…?=`), which HTTP never defined; errwire sends its UTF-8 bytes (RFC 9110 §5.5's obs-text).",
    },
    Divergence {
        fixture: "djblets-formats.json",
        reference: "djblets.webapi.errors.DOES_NOT_EXIST",
        label: "alert(1)//",
        reason: "A JSONP callback must be a JavaScript identifier path (`RenderError::InvalidCallback`; the middleware answers without it): Djblets passes any `?callback=` through verbatim, so its error page runs the caller's script.",
    },
    Divergence {
        fixture: "djblets-formats.json",
        reference: "djblets.webapi.errors.DOES_NOT_EXIST",
        label: "a-b",
        reason: "A JSONP callback must be a JavaScript identifier path (`RenderError::InvalidCallback`; the middleware answers without it): Djblets passes any `?callback=` through verbatim, so its error page runs the caller's script.",
    },
    Divergence {
        fixture: "djblets-formats.json",
        reference: "djblets.webapi.errors.DOES_NOT_EXIST",
        label: "1abc",
        reason: "A JSONP callback must be a JavaScript identifier path (`RenderError::InvalidCallback`; the middleware answers without it): Djblets passes any `?callback=` through verbatim, so its error page runs the caller's script.",
    },
    Divergence {
        fixture: "djblets-formats.json",
        reference: "djblets.webapi.errors.DOES_NOT_EXIST",
        label: "a b (space)",
        reason: "A JSONP callback must be a JavaScript identifier path (`RenderError::InvalidCallback`; the middleware answers without it): Djblets passes any `?callback=` through verbatim, so its error page runs the caller's script.",
    },
    Divergence {
        fixture: "djblets-formats.json",
        reference: "djblets.webapi.errors.DOES_NOT_EXIST",
        label: "<script>",
        reason: "A JSONP callback must be a JavaScript identifier path (`RenderError::InvalidCallback`; the middleware answers without it): Djblets passes any `?callback=` through verbatim, so its error page runs the caller's script.",
    },
    Divergence {
        fixture: "djblets-formats.json",
        reference: "djblets.webapi.errors.DOES_NOT_EXIST",
        label: "</script><script>alert(1)</script>",
        reason: "A JSONP callback must be a JavaScript identifier path (`RenderError::InvalidCallback`; the middleware answers without it): Djblets passes any `?callback=` through verbatim, so its error page runs the caller's script.",
    },
    Divergence {
        fixture: "djblets-formats.json",
        reference: "djblets.webapi.errors.DOES_NOT_EXIST",
        label: "a;b",
        reason: "A JSONP callback must be a JavaScript identifier path (`RenderError::InvalidCallback`; the middleware answers without it): Djblets passes any `?callback=` through verbatim, so its error page runs the caller's script.",
    },
    Divergence {
        fixture: "djblets-formats.json",
        reference: "djblets.webapi.errors.DOES_NOT_EXIST",
        label: "newline a\\nb",
        reason: "A JSONP callback must be a JavaScript identifier path (`RenderError::InvalidCallback`; the middleware answers without it): Djblets passes any `?callback=` through verbatim, so its error page runs the caller's script.",
    },
    Divergence {
        fixture: "djblets-formats.json",
        reference: "djblets.webapi.errors.DOES_NOT_EXIST",
        label: "non-ASCII café☃",
        reason: "A JSONP callback must be a JavaScript identifier path (`RenderError::InvalidCallback`; the middleware answers without it): Djblets passes any `?callback=` through verbatim, so its error page runs the caller's script.",
    },
    Divergence {
        fixture: "djblets-formats.json",
        reference: "djblets.webapi.errors.DOES_NOT_EXIST",
        label: "empty string",
        reason: "A JSONP callback must be a JavaScript identifier path (`RenderError::InvalidCallback`; the middleware answers without it): Djblets passes any `?callback=` through verbatim, so its error page runs the caller's script.",
    },
    Divergence {
        fixture: "djblets-formats.json#negotiation",
        reference: "djblets.webapi.errors.DOES_NOT_EXIST",
        label: "Accept: */*;q=0",
        reason: "Every type refused with `q=0`: Djblets finds no mimetype and answers a half-built response (Django's HTML 500); errwire answers JSON.",
    },
    Divergence {
        fixture: "djblets-formats.json#negotiation",
        reference: "djblets.webapi.errors.DOES_NOT_EXIST",
        label: "Accept: application/json;q=0, application/xml;q=0",
        reason: "Every type refused with `q=0`: Djblets finds no mimetype and answers a half-built response (Django's HTML 500); errwire answers JSON.",
    },
    Divergence {
        fixture: "djblets-formats.json#negotiation",
        reference: "djblets.webapi.errors.DOES_NOT_EXIST",
        label: "api_format=bogus",
        reason: "An `api_format` that is neither `json` nor `xml`: Djblets finds no mimetype and answers a half-built response (Django's HTML 500); errwire answers JSON.",
    },
    Divergence {
        fixture: "djblets-formats.json#negotiation",
        reference: "djblets.webapi.errors.DOES_NOT_EXIST",
        label: "api_format=XML (upper case)",
        reason: "An `api_format` that is neither `json` nor `xml`: Djblets finds no mimetype and answers a half-built response (Django's HTML 500); errwire answers JSON.",
    },
    Divergence {
        fixture: "djblets-formats.json#negotiation",
        reference: "djblets.webapi.errors.DOES_NOT_EXIST",
        label: "POST, form body api_format=xml",
        reason: "A POST's `api_format` is read from its query: Djblets reads the form body, which a middleware cannot read without consuming it.",
    },
    Divergence {
        fixture: "djblets-formats.json#negotiation",
        reference: "djblets.webapi.errors.DOES_NOT_EXIST",
        label: "POST, query api_format=xml",
        reason: "A POST's `api_format` is read from its query: Djblets reads the form body, which a middleware cannot read without consuming it.",
    },
    Divergence {
        fixture: "synapse.json",
        reference: "synapse.api.errors.CodeMessageException",
        label: "empty msg, code 0",
        reason: "0 is no HTTP status: the catalog sends the default status (500) where Synapse would hand 0 to Twisted.",
    },
    Divergence {
        fixture: "synapse.json",
        reference: "*",
        label: "code 2**63-1",
        reason: "An HTTP status has three digits: the catalog's `code` is a u16 and refuses larger numbers, which Synapse keeps but cannot send.",
    },
    Divergence {
        fixture: "synapse.json",
        reference: "synapse.api.errors.SynapseError",
        label: "code 2**53+1",
        reason: "An HTTP status has three digits: the catalog's `code` is a u16 and refuses larger numbers, which Synapse keeps but cannot send.",
    },
    Divergence {
        fixture: "synapse.json",
        reference: "synapse.api.errors.CodeMessageException",
        label: "msg None",
        reason: "`msg` is annotated `str`; Synapse does not check and shows `None`. The catalog's message is text, so it refuses `None`.",
    },
    Divergence {
        fixture: "synapse.json",
        reference: "synapse.api.errors.SynapseError",
        label: "None msg/errcode",
        reason: "`msg` and `errcode` are annotated `str`; Synapse sends `null` for both. A Matrix body's `errcode` and `error` are strings, so the catalog refuses `None`.",
    },
    Divergence {
        fixture: "synapse.json",
        reference: "synapse.api.errors.ConsentNotGivenError",
        label: "None uri",
        reason: "`consent_uri` is annotated `str`; Synapse sends `null`. The catalog's field is a String, so it refuses `None`.",
    },
    Divergence {
        fixture: "synapse.json",
        reference: "synapse.api.errors.IncompatibleRoomVersionError",
        label: "None",
        reason: "`room_version` is annotated `str`; Synapse sends `null`. The catalog's field is a String, so it refuses `None`.",
    },
    Divergence {
        fixture: "synapse.json",
        reference: "synapse.api.errors.RoomKeysVersionError",
        label: "None",
        reason: "`current_version` is annotated `str`; Synapse sends `null`. The catalog's field is a String, so it refuses `None`.",
    },
    Divergence {
        fixture: "synapse.json",
        reference: "synapse.api.errors.InvalidClientTokenError",
        label: "soft_logout None",
        reason: "`soft_logout` is annotated `bool` (and a boolean in the spec); Synapse sends `null`. The catalog's field is a bool, so it refuses `None`.",
    },
    Divergence {
        fixture: "synapse.json",
        reference: "synapse.api.errors.ProxiedRequestError",
        label: "additional_fields with 'code' key",
        reason: "Synapse's `cs_error(msg, code, **kwargs)` raises TypeError when `additional_fields` names its own parameters, so Synapse answers 500; the catalog sends the member.",
    },
    Divergence {
        fixture: "synapse.json",
        reference: "synapse.api.errors.RedirectException",
        label: "typical",
        reason: "The catalog sends `Location`, as Synapse's HTTP layer does from `location`; the fixture records the `headers` attribute, which is empty.",
    },
    Divergence {
        fixture: "synapse.json",
        reference: "synapse.api.errors.RedirectException",
        label: "unicode location, 307",
        reason: "The catalog sends `Location`, as Synapse's HTTP layer does from `location`; the fixture records the `headers` attribute, which is empty.",
    },
    Divergence {
        fixture: "synapse.json",
        reference: "synapse.api.errors.RedirectException",
        label: "empty location, 301",
        reason: "The catalog sends `Location`, as Synapse's HTTP layer does from `location`; the fixture records the `headers` attribute, which is empty.",
    },
    Divergence {
        fixture: "synapse.json",
        reference: "synapse.api.errors.FederationError",
        label: "typical",
        reason: "`get_dict()` is a PDU result, not a Matrix error: a Matrix-format body always has `errcode` and `error`, which the catalog sends before its members.",
    },
    Divergence {
        fixture: "synapse.json",
        reference: "synapse.api.errors.FederationError",
        label: "source",
        reason: "`get_dict()` is a PDU result, not a Matrix error: a Matrix-format body always has `errcode` and `error`, which the catalog sends before its members.",
    },
    Divergence {
        fixture: "synapse.json",
        reference: "synapse.api.errors.FederationPullAttemptBackoffError",
        label: "default message",
        reason: "Not declared: an internal signal of 1.163.2's federation code, never sent to anyone.",
    },
    Divergence {
        fixture: "synapse.json",
        reference: "synapse.api.errors.FederationPullAttemptBackoffError",
        label: "custom message",
        reason: "Not declared: an internal signal of 1.163.2's federation code, never sent to anyone.",
    },
    Divergence {
        fixture: "synapse.json",
        reference: "synapse.api.errors.HomeServerNotSetupException",
        label: "no args",
        reason: "Not declared: an internal 1.163.2 exception (setup order), never sent to anyone.",
    },
    Divergence {
        fixture: "synapse.json",
        reference: "synapse.api.errors.ShadowBanError",
        label: "no args",
        reason: "Not declared: 1.163.2 catches it to send a fake success; it is never an error response.",
    },
    Divergence {
        fixture: "synapse.json",
        reference: "synapse.api.errors.ModuleFailedException",
        label: "no args",
        reason: "Not declared: an internal 1.163.2 exception (a module callback failed), never sent as such.",
    },
    Divergence {
        fixture: "tenable.json",
        reference: "tenable.errors.TioExportsError",
        label: "int 2**53+1",
        reason: "`export` and `uuid` are text in the catalog, read as `str()` shows them; pyTenable keeps the object passed (an int, None), so the attribute's JSON type differs while `str(e)` is the same.",
    },
    Divergence {
        fixture: "tenable.json",
        reference: "tenable.errors.TioExportsError",
        label: "int 2**63-1",
        reason: "`export` and `uuid` are text in the catalog, read as `str()` shows them; pyTenable keeps the object passed (an int, None), so the attribute's JSON type differs while `str(e)` is the same.",
    },
    Divergence {
        fixture: "tenable.json",
        reference: "tenable.errors.TioExportsError",
        label: "None",
        reason: "`export` and `uuid` are text in the catalog, read as `str()` shows them; pyTenable keeps the object passed (an int, None), so the attribute's JSON type differs while `str(e)` is the same.",
    },
    Divergence {
        fixture: "tenable.json",
        reference: "tenable.errors.TioExportsTimeout",
        label: "int 2**53+1",
        reason: "`export` and `uuid` are text in the catalog, read as `str()` shows them; pyTenable keeps the object passed (an int, None), so the attribute's JSON type differs while `str(e)` is the same.",
    },
    Divergence {
        fixture: "tenable.json",
        reference: "tenable.errors.TioExportsTimeout",
        label: "int 2**63-1",
        reason: "`export` and `uuid` are text in the catalog, read as `str()` shows them; pyTenable keeps the object passed (an int, None), so the attribute's JSON type differs while `str(e)` is the same.",
    },
    Divergence {
        fixture: "tenable.json",
        reference: "tenable.errors.TioExportsTimeout",
        label: "None",
        reason: "`export` and `uuid` are text in the catalog, read as `str()` shows them; pyTenable keeps the object passed (an int, None), so the attribute's JSON type differs while `str(e)` is the same.",
    },
    Divergence {
        fixture: "tenable.json",
        reference: "tenable.errors.RetryError",
        label: "attempts None",
        reason: "`attempts` is a count (`u64`) in the catalog, so a non-integer is refused; pyTenable stores any object and formats it.",
    },
    Divergence {
        fixture: "tenable.json",
        reference: "tenable.errors.RetryError",
        label: "attempts unicode",
        reason: "`attempts` is a count (`u64`) in the catalog, so a non-integer is refused; pyTenable stores any object and formats it.",
    },
    Divergence {
        fixture: "tenable.json#mapping",
        reference: "tenable.sc.TenableSC",
        label: "status 200",
        reason: "Tenable.sc's `_resp_error_check` reads `error_code` from any JSON 2xx body and raises KeyError when it is missing; the catalog returns the response, as the check intends.",
    },
    Divergence {
        fixture: "tenable.json#mapping",
        reference: "tenable.sc.TenableSC",
        label: "status 204",
        reason: "Tenable.sc's `_resp_error_check` reads `error_code` from any JSON 2xx body and raises KeyError when it is missing; the catalog returns the response, as the check intends.",
    },
    Divergence {
        fixture: "tenable.json#mapping",
        reference: "tenable.sc.TenableSC",
        label: "429 with Retry-After: 3, then 200",
        reason: "Tenable.sc's `_resp_error_check` reads `error_code` from any JSON 2xx body and raises KeyError when it is missing; the catalog returns the response, as the check intends.",
    },
    Divergence {
        fixture: "tenable.json#mapping",
        reference: "tenable.sc.TenableSC",
        label: "503 with Retry-After: 2.5 then 200",
        reason: "Tenable.sc's `_resp_error_check` reads `error_code` from any JSON 2xx body and raises KeyError when it is missing; the catalog returns the response, as the check intends.",
    },
    Divergence {
        fixture: "tenable.json#mapping",
        reference: "tenable.sc.TenableSC",
        label: "two 502 then 200",
        reason: "Tenable.sc's `_resp_error_check` reads `error_code` from any JSON 2xx body and raises KeyError when it is missing; the catalog returns the response, as the check intends.",
    },
    Divergence {
        fixture: "py42.json",
        reference: "py42.exceptions.Py42Error",
        label: "typical",
        reason: "A py42 error that wraps no response has no HTTP status; every catalog error needs one, and these take the root's 500.",
    },
    Divergence {
        fixture: "py42.json",
        reference: "py42.exceptions.Py42Error",
        label: "unicode",
        reason: "A py42 error that wraps no response has no HTTP status; every catalog error needs one, and these take the root's 500.",
    },
    Divergence {
        fixture: "py42.json",
        reference: "py42.exceptions.Py42Error",
        label: "quotes",
        reason: "A py42 error that wraps no response has no HTTP status; every catalog error needs one, and these take the root's 500.",
    },
    Divergence {
        fixture: "py42.json",
        reference: "py42.exceptions.Py42Error",
        label: "empty strings",
        reason: "A py42 error that wraps no response has no HTTP status; every catalog error needs one, and these take the root's 500.",
    },
    Divergence {
        fixture: "py42.json",
        reference: "py42.exceptions.Py42Error",
        label: "int 2**53+1",
        reason: "A py42 error that wraps no response has no HTTP status; every catalog error needs one, and these take the root's 500.",
    },
    Divergence {
        fixture: "py42.json",
        reference: "py42.exceptions.Py42Error",
        label: "int 2**63-1",
        reason: "A py42 error that wraps no response has no HTTP status; every catalog error needs one, and these take the root's 500.",
    },
    Divergence {
        fixture: "py42.json",
        reference: "py42.exceptions.Py42Error",
        label: "None",
        reason: "A py42 error that wraps no response has no HTTP status; every catalog error needs one, and these take the root's 500.",
    },
    Divergence {
        fixture: "py42.json",
        reference: "py42.exceptions.Py42SessionInitializationError",
        label: "typical",
        reason: "A py42 error that wraps no response has no HTTP status; every catalog error needs one, and these take the root's 500.",
    },
    Divergence {
        fixture: "py42.json",
        reference: "py42.exceptions.Py42SessionInitializationError",
        label: "unicode",
        reason: "A py42 error that wraps no response has no HTTP status; every catalog error needs one, and these take the root's 500.",
    },
    Divergence {
        fixture: "py42.json",
        reference: "py42.exceptions.Py42SessionInitializationError",
        label: "quotes",
        reason: "A py42 error that wraps no response has no HTTP status; every catalog error needs one, and these take the root's 500.",
    },
    Divergence {
        fixture: "py42.json",
        reference: "py42.exceptions.Py42SessionInitializationError",
        label: "empty strings",
        reason: "A py42 error that wraps no response has no HTTP status; every catalog error needs one, and these take the root's 500.",
    },
    Divergence {
        fixture: "py42.json",
        reference: "py42.exceptions.Py42SessionInitializationError",
        label: "int 2**53+1",
        reason: "A py42 error that wraps no response has no HTTP status; every catalog error needs one, and these take the root's 500.",
    },
    Divergence {
        fixture: "py42.json",
        reference: "py42.exceptions.Py42SessionInitializationError",
        label: "int 2**63-1",
        reason: "A py42 error that wraps no response has no HTTP status; every catalog error needs one, and these take the root's 500.",
    },
    Divergence {
        fixture: "py42.json",
        reference: "py42.exceptions.Py42SessionInitializationError",
        label: "None",
        reason: "A py42 error that wraps no response has no HTTP status; every catalog error needs one, and these take the root's 500.",
    },
    Divergence {
        fixture: "py42.json",
        reference: "py42.exceptions.Py42CloudAliasCharacterLimitExceededError",
        label: "typical",
        reason: "A py42 error that wraps no response has no HTTP status; every catalog error needs one, and these take the root's 500.",
    },
    Divergence {
        fixture: "py42.json",
        reference: "py42.exceptions.Py42CloudAliasCharacterLimitExceededError",
        label: "unicode",
        reason: "A py42 error that wraps no response has no HTTP status; every catalog error needs one, and these take the root's 500.",
    },
    Divergence {
        fixture: "py42.json",
        reference: "py42.exceptions.Py42CloudAliasCharacterLimitExceededError",
        label: "quotes",
        reason: "A py42 error that wraps no response has no HTTP status; every catalog error needs one, and these take the root's 500.",
    },
    Divergence {
        fixture: "py42.json",
        reference: "py42.exceptions.Py42CloudAliasCharacterLimitExceededError",
        label: "empty strings",
        reason: "A py42 error that wraps no response has no HTTP status; every catalog error needs one, and these take the root's 500.",
    },
    Divergence {
        fixture: "py42.json",
        reference: "py42.exceptions.Py42CloudAliasCharacterLimitExceededError",
        label: "int 2**53+1",
        reason: "A py42 error that wraps no response has no HTTP status; every catalog error needs one, and these take the root's 500.",
    },
    Divergence {
        fixture: "py42.json",
        reference: "py42.exceptions.Py42CloudAliasCharacterLimitExceededError",
        label: "int 2**63-1",
        reason: "A py42 error that wraps no response has no HTTP status; every catalog error needs one, and these take the root's 500.",
    },
    Divergence {
        fixture: "py42.json",
        reference: "py42.exceptions.Py42CloudAliasCharacterLimitExceededError",
        label: "None",
        reason: "A py42 error that wraps no response has no HTTP status; every catalog error needs one, and these take the root's 500.",
    },
    Divergence {
        fixture: "py42.json",
        reference: "py42.exceptions.Py42ChecksumNotFoundError",
        label: "typical",
        reason: "py42's `checksum_value` property returns itself and raises RecursionError; the catalog's `checksum_value` is the value given.",
    },
    Divergence {
        fixture: "py42.json",
        reference: "py42.exceptions.Py42ChecksumNotFoundError",
        label: "unicode",
        reason: "py42's `checksum_value` property returns itself and raises RecursionError; the catalog's `checksum_value` is the value given.",
    },
    Divergence {
        fixture: "py42.json",
        reference: "py42.exceptions.Py42ChecksumNotFoundError",
        label: "quotes",
        reason: "py42's `checksum_value` property returns itself and raises RecursionError; the catalog's `checksum_value` is the value given.",
    },
    Divergence {
        fixture: "py42.json",
        reference: "py42.exceptions.Py42ChecksumNotFoundError",
        label: "empty strings",
        reason: "py42's `checksum_value` property returns itself and raises RecursionError; the catalog's `checksum_value` is the value given.",
    },
    Divergence {
        fixture: "py42.json",
        reference: "py42.exceptions.Py42ChecksumNotFoundError",
        label: "int 2**53+1",
        reason: "py42's `checksum_value` property returns itself and raises RecursionError; the catalog's `checksum_value` is the value given.",
    },
    Divergence {
        fixture: "py42.json",
        reference: "py42.exceptions.Py42ChecksumNotFoundError",
        label: "int 2**63-1",
        reason: "py42's `checksum_value` property returns itself and raises RecursionError; the catalog's `checksum_value` is the value given.",
    },
    Divergence {
        fixture: "py42.json",
        reference: "py42.exceptions.Py42ChecksumNotFoundError",
        label: "None",
        reason: "py42's `checksum_value` property returns itself and raises RecursionError; the catalog's `checksum_value` is the value given.",
    },
];

/// The divergences of one fixture's comparison.
pub fn of(fixture: &str) -> impl Iterator<Item = &'static Divergence> + '_ {
    DIVERGENCES.iter().filter(move |d| d.fixture == fixture)
}
