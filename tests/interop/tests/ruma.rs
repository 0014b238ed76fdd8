//! Matrix: every Synapse catalog error, rendered as a homeserver sends it, read by ruma (the
//! Matrix library of the Rust ecosystem) as a client would; and errors ruma builds and
//! serializes, read back by our client side. Every difference is listed below with its
//! reason; any other fails.

use std::time::{Duration, SystemTime};

use errwire::{ApiError, Limits, WireFormat};
use errwire_catalog::System;
use errwire_catalog::classify::{Response, classify_client_at};
use errwire_interop::every_error;
use ruma_common::api::error::{
    Error as RumaError, ErrorBody, ErrorKind, IncompatibleRoomVersionErrorData,
    LimitExceededErrorData, ResourceLimitExceededErrorData, RetryAfter, StandardErrorBody,
    UnknownTokenErrorData, UserLimitExceededErrorData, WrongRoomKeysVersionErrorData,
};
use ruma_common::api::{EndpointError, OutgoingResponseExt};
use serde_json::{Value, json};

/// Bodies ruma refuses as a Matrix error (it keeps them as plain JSON), by catalog
/// reference, with why the catalog sends them anyway.
const REFUSED_BY_RUMA: &[(&str, &str)] = &[
    (
        "synapse.api.errors.Codes.RESOURCE_LIMIT_EXCEEDED",
        "a bare errcode constant: the spec requires `admin_contact` with it. Send it with \
         `Overrides::member` (`errcode_constants_with_their_required_members_are_read_by_ruma`).",
    ),
    (
        "synapse.api.errors.Codes.INCOMPATIBLE_ROOM_VERSION",
        "a bare errcode constant: the spec requires `room_version` with it.",
    ),
    (
        "synapse.api.errors.Codes.WRONG_ROOM_KEYS_VERSION",
        "a bare errcode constant: the spec requires `current_version` with it.",
    ),
    (
        "synapse.api.errors.Codes.USER_LIMIT_EXCEEDED",
        "a bare errcode constant: the spec requires `info_uri` with it.",
    ),
    (
        "synapse.api.errors.LimitExceededError",
        "Synapse 1.163 sends `\"retry_after_ms\": null` when it has no delay, and ruma refuses \
         a null there (the spec's member is an optional integer). The Synapse catalog keeps \
         Synapse's body; the plain Matrix format leaves the member out, which ruma reads \
         (`the_plain_matrix_format_sends_what_ruma_sends`).",
    ),
];

/// Members ruma does not keep, by errcode: ruma models only the data the spec defines for
/// a known errcode, and drops the rest; we keep and relay them, as Synapse sends them.
const DROPPED_BY_RUMA: &[(&str, &str, &str)] = &[
    (
        "M_UNKNOWN_TOKEN",
        "soft_logout",
        "ruma writes `soft_logout` only when true; false is its default, the same meaning",
    ),
    (
        "M_RESOURCE_LIMIT_EXCEEDED",
        "limit_type",
        "Synapse's `limit_type` is not in ruma's data",
    ),
    (
        "M_CAPTCHA_INVALID",
        "error_url",
        "Synapse's `error_url` (null when unknown) is not in ruma's data",
    ),
    (
        "M_UNKNOWN",
        "code",
        "a SynapseError's additional fields (the fixtures' values)",
    ),
    ("M_UNKNOWN", "level", "a SynapseError's additional fields"),
    ("M_UNKNOWN", "reason", "a SynapseError's additional fields"),
    (
        "M_UNKNOWN",
        "affected",
        "a SynapseError's additional fields",
    ),
    ("M_UNKNOWN", "source", "a SynapseError's additional fields"),
];

fn ruma_read(response: &http::Response<Vec<u8>>) -> RumaError {
    let (parts, body) = response.clone().into_parts();
    RumaError::from_http_response(http::Response::from_parts(parts, body.as_slice()))
}

/// ruma's view of a body, as JSON: its standard body serialized again (errcode, message and
/// each member ruma models).
fn ruma_json(error: &RumaError) -> Option<Value> {
    match &error.body {
        ErrorBody::Standard(standard) => serde_json::to_value(standard).ok(),
        _ => None,
    }
}

#[test]
fn ruma_reads_every_synapse_error_as_sent() {
    let mut differences = Vec::new();
    let mut refused = Vec::new();
    let mut standard = 0;
    for rendered in every_error(System::Matrix, None) {
        let reference = rendered.entry.reference;
        let ours = rendered.body();
        let read = ruma_read(&rendered.response);
        assert_eq!(read.status_code, rendered.response.status(), "{reference}");
        let Some(errcode) = ours.get("errcode").and_then(Value::as_str) else {
            // No Matrix error body (`InteractiveAuthIncompleteError` sends its flows, the
            // exceptions that are no `SynapseError` send none): ruma keeps it as JSON.
            assert!(
                !matches!(read.body, ErrorBody::Standard(_)),
                "{reference}: ruma read a standard body from {ours}"
            );
            continue;
        };
        standard += 1;
        let ErrorBody::Standard(StandardErrorBody { kind, message, .. }) = &read.body else {
            refused.push((errcode.to_owned(), reference, ours.clone()));
            continue;
        };
        assert_eq!(kind.errcode().to_string(), errcode, "{reference}");
        assert_eq!(
            Some(message.as_str()),
            ours["error"].as_str(),
            "{reference}"
        );
        let theirs = ruma_json(&read).unwrap_or_default();
        for (member, value) in ours.as_object().into_iter().flatten() {
            if theirs.get(member) != Some(value) {
                differences.push((
                    errcode.to_owned(),
                    member.clone(),
                    value.clone(),
                    theirs.get(member).cloned(),
                ));
            }
        }
        // `Retry-After`: ruma takes the header first, as the spec says; it agrees with ours.
        if let ErrorKind::LimitExceeded(data) = kind
            && let Some(header) = rendered.response.headers().get("retry-after")
        {
            let seconds = header.to_str().ok().and_then(|s| s.parse::<u64>().ok());
            assert_eq!(
                data.retry_after,
                seconds.map(|s| RetryAfter::Delay(Duration::from_secs(s)))
            );
        }
    }
    assert!(standard > 60, "only {standard} standard bodies");
    for (_, reference, body) in &refused {
        let listed = REFUSED_BY_RUMA.iter().any(|(r, _)| r == reference);
        assert!(
            listed,
            "{reference}: ruma does not read {body} as a Matrix error"
        );
    }
    for (reference, _) in REFUSED_BY_RUMA {
        let still = refused.iter().any(|(_, r, _)| r == reference);
        assert!(
            still,
            "{reference}: ruma reads it now: drop it from REFUSED_BY_RUMA"
        );
    }
    for (errcode, member, ours, theirs) in &differences {
        let listed = DROPPED_BY_RUMA
            .iter()
            .any(|(code, name, _)| code == errcode && name == member);
        assert!(
            listed,
            "{errcode}: member `{member}`: we send {ours}, ruma reads {theirs:?}"
        );
        // A member ruma reads, it reads as sent: the only difference is its absence.
        assert_eq!(theirs, &None, "{errcode}: `{member}`");
    }
    for (errcode, member, _) in DROPPED_BY_RUMA {
        assert!(
            differences
                .iter()
                .any(|(c, m, ..)| c == errcode && m == member),
            "{errcode} {member} no longer differs: drop it from DROPPED_BY_RUMA"
        );
    }
}

/// An errcode constant sends what the spec requires with it as the occurrence's members, and
/// ruma then reads each as its typed data.
#[test]
fn errcode_constants_with_their_required_members_are_read_by_ruma() {
    use errwire::Overrides;
    use errwire_catalog::synapse::Codes;
    let cases = [
        (
            Codes::ResourceLimitExceeded,
            "admin_contact",
            json!("mailto:admin@example.org"),
        ),
        (Codes::IncompatibleRoomVersion, "room_version", json!("9")),
        (Codes::WrongRoomKeysVersion, "current_version", json!("42")),
        (
            Codes::UserLimitExceeded,
            "info_uri",
            json!("https://example.org/limits"),
        ),
    ];
    for (code, member, value) in cases {
        let overrides = Overrides::default()
            .member(member, &value)
            .unwrap_or_else(|e| panic!("{e}"));
        let sent = code
            .with_overrides(overrides)
            .to_response()
            .unwrap_or_else(|e| panic!("{e}"));
        let read = ruma_read(&sent);
        let theirs = ruma_json(&read).unwrap_or_else(|| panic!("{code:?}: refused"));
        assert_eq!(theirs[member], value, "{code:?}");
        assert_eq!(theirs["errcode"], code.errcode().unwrap_or_default());
    }
}

/// The plain Matrix format (not the Synapse catalog): a rate limit with no delay leaves the
/// member out, which ruma reads as sent.
#[test]
fn the_plain_matrix_format_sends_what_ruma_sends() {
    #[derive(Debug, errwire::ApiError)]
    #[api_error(
        format = "matrix",
        http = 429,
        errcode = "M_LIMIT_EXCEEDED",
        message = "Slow down"
    )]
    struct Limited {
        #[api_error(extra)]
        retry_after_ms: Option<u64>,
    }
    for delay in [None, Some(1500)] {
        let sent = Limited {
            retry_after_ms: delay,
        }
        .to_response()
        .unwrap_or_else(|e| panic!("{e}"));
        let read = ruma_read(&sent);
        let ours: Value = serde_json::from_slice(sent.body()).unwrap_or_default();
        assert_eq!(ruma_json(&read), Some(ours), "{delay:?}");
    }
}

fn built_by_ruma() -> Vec<(u16, ErrorKind, &'static str)> {
    let room_version = serde_json::from_value(json!("9")).unwrap_or_else(|e| panic!("{e}"));
    let mut soft = UnknownTokenErrorData::new();
    soft.soft_logout = true;
    let custom: ErrorKind =
        serde_json::from_value(json!({"errcode": "ORG_EXAMPLE_NEW", "flavour": "x"}))
            .unwrap_or_else(|e| panic!("{e}"));
    vec![
        (403, ErrorKind::Forbidden, "You are not allowed"),
        (404, ErrorKind::NotFound, "No such room"),
        (400, ErrorKind::BadJson, "Bad JSON"),
        (404, ErrorKind::Unrecognized, "Unrecognized request"),
        (400, ErrorKind::UserInUse, "User ID already taken"),
        (401, ErrorKind::UserLocked, "Locked until Monday"),
        (403, ErrorKind::UserDeactivated, "Deactivated"),
        (401, ErrorKind::UnknownToken(soft), "Token expired"),
        (
            429,
            ErrorKind::LimitExceeded(LimitExceededErrorData::new()),
            "Too many",
        ),
        (
            403,
            ErrorKind::WrongRoomKeysVersion(WrongRoomKeysVersionErrorData::new("42".into())),
            "Wrong room_keys version. Current version is 42",
        ),
        (
            400,
            ErrorKind::IncompatibleRoomVersion(IncompatibleRoomVersionErrorData::new(room_version)),
            "Upgrade your server",
        ),
        (
            403,
            ErrorKind::ResourceLimitExceeded(ResourceLimitExceededErrorData::new(
                "mailto:admin@example.org".into(),
            )),
            "Monthly active users exceeded",
        ),
        (
            403,
            ErrorKind::UserLimitExceeded(UserLimitExceededErrorData::new(
                "https://example.org/limits".into(),
            )),
            "Over quota",
        ),
        (418, custom, "Something new"),
    ]
}

fn ruma_response(status: u16, kind: ErrorKind, message: &str) -> http::Response<Vec<u8>> {
    let status = http::StatusCode::from_u16(status).unwrap_or_else(|e| panic!("{e}"));
    let error =
        ErrorBody::Standard(StandardErrorBody::new(kind, message.to_owned())).into_error(status);
    error
        .try_into_http_response::<Vec<u8>>()
        .unwrap_or_else(|e| panic!("{e}"))
}

fn response_of(sent: &http::Response<Vec<u8>>) -> Response {
    Response::from_http(sent)
}

#[test]
fn our_client_reads_every_error_ruma_builds() {
    let now = SystemTime::now();
    for (status, kind, message) in built_by_ruma() {
        let sent = ruma_response(status, kind, message);
        let body: Value = serde_json::from_slice(sent.body()).unwrap_or_default();
        let errcode = body["errcode"].as_str().unwrap_or_default().to_owned();
        let classified =
            classify_client_at(System::Matrix, &response_of(&sent), &Limits::DEFAULT, now)
                .unwrap_or_else(|e| panic!("{errcode}: {e}"));
        let error = &*classified.error;
        assert!(classified.entry.is_some(), "{errcode}: no catalog error");
        assert_eq!(error.errcode(), Some(errcode.as_str()));
        assert_eq!(error.status().as_u16(), status, "{errcode}");
        assert_eq!(error.to_string(), message, "{errcode}");
        // Every member ruma sent is in the typed error, and sent again when relayed.
        let relayed = error
            .body_json(Some(WireFormat::Matrix))
            .unwrap_or_else(|e| panic!("{e}"));
        for (member, value) in body.as_object().into_iter().flatten() {
            assert_eq!(relayed.get(member), Some(value), "{errcode}: `{member}`");
        }
    }
}

/// ruma sends a rate limit's delay both as `Retry-After` and `retry_after_ms`, and a date
/// only as `Retry-After`: both reach the typed field and the wait.
#[test]
fn rumas_retry_after_in_both_forms_reaches_the_typed_error() {
    let now = SystemTime::now();
    let in_a_minute = now + Duration::from_secs(60);
    for (retry_after, at_least, at_most) in [
        (RetryAfter::Delay(Duration::from_secs(5)), 5_000, 5_000),
        (RetryAfter::DateTime(in_a_minute), 58_000, 60_000),
    ] {
        let mut data = LimitExceededErrorData::new();
        data.retry_after = Some(retry_after);
        let sent = ruma_response(429, ErrorKind::LimitExceeded(data), "Too many");
        let classified =
            classify_client_at(System::Matrix, &response_of(&sent), &Limits::DEFAULT, now)
                .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            classified.entry.map(|e| e.name),
            Some("synapse::LimitExceededError")
        );
        let field = classified.error.body_json(None).unwrap_or_default()["retry_after_ms"].as_u64();
        let field = field.unwrap_or_else(|| panic!("{retry_after:?}: no retry_after_ms"));
        assert!(
            (at_least..=at_most).contains(&field),
            "{retry_after:?}: {field}"
        );
        let wait = classified.retry_after.map(|wait| wait.as_millis());
        assert!(
            wait.is_some_and(|w| (u128::from(at_least)..=u128::from(at_most)).contains(&w)),
            "{wait:?}"
        );
    }
}
