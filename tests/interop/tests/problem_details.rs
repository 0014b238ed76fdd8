//! RFC 9457: every Djblets and Matrix catalog error rendered as problem details, read by two
//! problem-details crates (`http-api-problem`, `problem_details`); and problems those crates
//! build and serialize, read back by our client side.

use std::collections::HashMap;

use errwire::{ApiError, Classify, Limits, ReceivedError, WireFormat};
use errwire_catalog::System;
use errwire_catalog::djblets::WebApiError;
use errwire_catalog::synapse::Codes;
use errwire_interop::every_error;
use http_api_problem::HttpApiProblem;
use problem_details::ProblemDetails;
use serde_json::Value;

type Problem = ProblemDetails<HashMap<String, Value>>;

#[test]
fn both_crates_read_every_catalog_error_as_problem_details() {
    let mut checked = 0;
    for system in [System::Djblets, System::Matrix] {
        for rendered in every_error(system, Some(WireFormat::Problem)) {
            let reference = rendered.entry.reference;
            let ours = rendered.body();
            let bytes = rendered.response.body();
            let status = rendered.response.status();
            assert_eq!(
                rendered.response.headers()["content-type"],
                "application/problem+json",
                "{reference}"
            );
            let a: HttpApiProblem = serde_json::from_slice(bytes)
                .unwrap_or_else(|e| panic!("{reference}: http-api-problem: {e}"));
            assert_eq!(a.status, Some(status), "{reference}");
            assert_eq!(a.type_url.as_deref(), ours["type"].as_str(), "{reference}");
            assert_eq!(a.title.as_deref(), ours["title"].as_str(), "{reference}");
            assert_eq!(a.detail.as_deref(), ours["detail"].as_str(), "{reference}");
            assert_eq!(
                a.instance.as_deref(),
                ours["instance"].as_str(),
                "{reference}"
            );
            let b: Problem = serde_json::from_slice(bytes)
                .unwrap_or_else(|e| panic!("{reference}: problem_details: {e}"));
            assert_eq!(b.status, Some(status), "{reference}");
            assert_eq!(b.title.as_deref(), ours["title"].as_str(), "{reference}");
            assert_eq!(b.detail.as_deref(), ours["detail"].as_str(), "{reference}");
            let b_type = b.r#type.as_ref().map(ToString::to_string);
            assert_eq!(
                b_type.as_deref(),
                ours["type"].as_str().or(Some("about:blank")),
                "{reference}"
            );
            // Every extension member, as sent, in both.
            for (member, value) in ours.as_object().into_iter().flatten() {
                if ["type", "title", "status", "detail", "instance"].contains(&member.as_str()) {
                    continue;
                }
                assert_eq!(a.json_value(member), Some(value), "{reference}: `{member}`");
                assert_eq!(
                    b.extensions.get(member),
                    Some(value),
                    "{reference}: `{member}`"
                );
            }
            checked += 1;
        }
    }
    assert!(checked > 100, "{checked}");
}

/// Problems built by each crate, with our extension members, read back by our client side as
/// the catalog error they name; every member kept.
#[test]
fn our_client_reads_the_problems_both_crates_build() {
    let by_errcode = HttpApiProblem::with_title(http::StatusCode::NOT_FOUND)
        .detail("No room !x:example.org")
        .instance("/rooms/!x")
        .value("errcode", &"M_NOT_FOUND")
        .value("org.example.hint", &vec![1, 2]);
    let by_code = HttpApiProblem::with_title(http::StatusCode::UNAUTHORIZED)
        .type_url("https://example.org/problems/not-logged-in")
        .detail("You are not logged in")
        .value("code", &103);
    let mut extensions = HashMap::new();
    extensions.insert("errcode".to_owned(), Value::from("M_LIMIT_EXCEEDED"));
    extensions.insert("retry_after_ms".to_owned(), Value::from(2000));
    let built = ProblemDetails::new()
        .with_status(http::StatusCode::TOO_MANY_REQUESTS)
        .with_title("Too Many Requests")
        .with_detail("Slow down")
        .with_extensions(extensions);
    let bodies = [
        (404, by_errcode.json_bytes()),
        (401, by_code.json_bytes()),
        (429, serde_json::to_vec(&built).unwrap_or_default()),
    ];
    for (status, body) in bodies {
        let sent: Value = serde_json::from_slice(&body).unwrap_or_default();
        let read = ReceivedError::read(
            Some(WireFormat::Problem),
            status,
            Vec::new(),
            &body,
            &Limits::DEFAULT,
        )
        .unwrap_or_else(|e| panic!("{sent}: {e}"));
        assert_eq!(read.fallback, None, "{sent}");
        let wire = read.error;
        assert_eq!(wire.status, Some(status));
        assert_eq!(wire.message.as_deref(), sent["detail"].as_str());
        assert_eq!(wire.title.as_deref(), sent["title"].as_str());
        let (name, error_message) = match (&wire.errcode, wire.code) {
            (Some(_), _) => {
                let error = Codes::classify(wire.clone())
                    .into_received()
                    .unwrap_or_else(|w| panic!("unknown: {w:?}"));
                (error.descriptor().name, error.to_string())
            }
            (None, Some(_)) => {
                let error = WebApiError::classify(wire.clone())
                    .into_received()
                    .unwrap_or_else(|w| panic!("unknown: {w:?}"));
                (error.descriptor().name, error.to_string())
            }
            _ => panic!("{sent}: neither code nor errcode"),
        };
        assert!(!name.is_empty());
        assert_eq!(
            Some(error_message.as_str()),
            sent["detail"].as_str(),
            "{name}"
        );
        // Nothing received is lost: every extension member is in the body kept.
        for (member, value) in sent.as_object().into_iter().flatten() {
            if [
                "type", "title", "status", "detail", "instance", "code", "errcode",
            ]
            .contains(&member.as_str())
            {
                continue;
            }
            assert_eq!(wire.extra.get(member), Some(value), "{name}: `{member}`");
        }
    }
}
