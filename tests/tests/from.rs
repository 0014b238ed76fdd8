//! `#[api_error(from)]`: a `From` conversion from the field's type, which is the source, as
//! thiserror's `#[from]`.

use std::error::Error as _;

use errwire::{ApiError, FieldRole};

#[derive(Debug, ApiError)]
#[api_error(format = "problem")]
pub enum StoreError {
    #[api_error(http = 503, message = "The store is unavailable")]
    Io(#[api_error(from)] std::io::Error),
    #[api_error(http = 400, message = "The body is not a todo")]
    Json {
        #[api_error(from)]
        cause: serde_json::Error,
        /// Filled with its `Default` by the conversion.
        #[api_error(trace_id)]
        trace_id: Option<String>,
    },
    #[api_error(http = 500, message = "Something failed")]
    Other(#[api_error(from, source)] Box<dyn std::error::Error + Send + Sync>),
}

#[derive(Debug, ApiError)]
#[api_error(http = 502, message = "The upstream failed")]
pub struct Upstream {
    #[api_error(from)]
    cause: std::fmt::Error,
}

fn read() -> Result<(), StoreError> {
    Err(std::io::Error::new(std::io::ErrorKind::NotFound, "no file"))?;
    Ok(())
}

fn parse() -> Result<u32, StoreError> {
    Ok(serde_json::from_str::<u32>("not json")?)
}

#[test]
fn question_mark_converts_into_the_variant_with_the_value_as_source() {
    let error = read().err();
    assert!(matches!(error, Some(StoreError::Io(_))), "{error:?}");
    let source = error
        .as_ref()
        .and_then(|e| e.source())
        .map(ToString::to_string);
    assert_eq!(source.as_deref(), Some("no file"));
    assert_eq!(error.map(|e| e.status().as_u16()), Some(503));
}

#[test]
fn other_fields_take_their_default() {
    let error = parse().err();
    match &error {
        Some(StoreError::Json { cause, trace_id }) => {
            assert!(cause.is_syntax(), "{cause}");
            assert_eq!(trace_id, &None);
        }
        other => panic!("not the Json variant: {other:?}"),
    }
    assert!(error.as_ref().and_then(|e| e.source()).is_some());
}

#[test]
fn a_boxed_error_converts_and_is_the_source() {
    let boxed: Box<dyn std::error::Error + Send + Sync> = "gone".into();
    let error = StoreError::from(boxed);
    assert_eq!(
        error.source().map(ToString::to_string).as_deref(),
        Some("gone")
    );
}

#[test]
fn a_struct_converts_too() {
    let error = Upstream::from(std::fmt::Error);
    assert!(error.source().is_some());
    assert_eq!(error.cause, std::fmt::Error);
    assert_eq!(error.status().as_u16(), 502);
}

#[test]
fn a_from_field_is_described_as_the_source_and_never_sent() {
    let error = StoreError::from(std::io::Error::other("secret path /var/db"));
    let fields = error.descriptor().fields;
    assert_eq!(fields.len(), 1);
    assert_eq!(fields[0].role, FieldRole::Source);
    let body = error
        .to_response()
        .map(|r| r.into_body())
        .unwrap_or_default();
    let body = String::from_utf8_lossy(&body);
    assert!(!body.contains("secret"), "{body}");
    assert!(body.contains("The store is unavailable"), "{body}");
}

#[derive(Debug, ApiError)]
#[api_error(
    format = "matrix",
    http = 500,
    errcode = "M_UNKNOWN",
    message = "Failed to send request: {cause}"
)]
pub struct RequestSendFailed {
    #[api_error(from)]
    cause: std::io::Error,
}

#[derive(Debug, ApiError)]
#[api_error(http = 400, message = "Bad request: {cause}")]
pub struct ShowsItsCause {
    #[api_error(from)]
    cause: std::io::Error,
}

#[test]
fn a_server_error_never_sends_the_source_its_template_shows() {
    let error = RequestSendFailed::from(std::io::Error::other("dns: db.internal unknown"));
    assert_eq!(
        error.to_string(),
        "Failed to send request: dns: db.internal unknown"
    );
    for format in errwire::WireFormat::ALL {
        let options = errwire::RenderOptions {
            format: Some(format),
            ..Default::default()
        };
        let body = error
            .render(&options)
            .map(|r| r.into_body())
            .unwrap_or_default();
        let body = String::from_utf8_lossy(&body);
        assert!(!body.contains("db.internal"), "{format:?}: {body}");
        assert!(body.contains("Internal Server Error"), "{format:?}: {body}");
    }
    // A client error's message is the caller's own business: it shows what it declares.
    let error = ShowsItsCause::from(std::io::Error::other("line 3"));
    let body = error
        .to_response()
        .map(|r| r.into_body())
        .unwrap_or_default();
    assert!(String::from_utf8_lossy(&body).contains("Bad request: line 3"));
}
