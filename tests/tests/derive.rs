//! What `#[derive(ApiError)]` generates, exercised through its public behaviour.

use std::collections::BTreeMap;
use std::error::Error as _;

use errwire::{ApiError, Catalog, Described, FieldRole, WireFormat};
use http::StatusCode;

#[derive(Debug, ApiError)]
#[api_error(format = "djblets")]
pub enum WebApiError {
    /// An error indicating a requested resource does not exist.
    #[api_error(
        code = 100,
        http = 404,
        error_type = "resource-does-not-exist",
        message = "Object does not exist"
    )]
    DoesNotExist,
    #[api_error(
        code = 105,
        http = 400,
        error_type = "request-field-error",
        message = "One or more fields had errors"
    )]
    InvalidFormData {
        #[api_error(extra)]
        fields: BTreeMap<String, Vec<String>>,
    },
    /// A tuple variant whose message shows its fields.
    #[api_error(code = 106, http = 409, message = "{0} conflicts with {1:?}")]
    Conflict(String, String),
}

fn ms_to_secs(ms: &u64) -> u64 {
    ms.div_ceil(1000)
}

/// Too many requests.
#[derive(Debug, ApiError)]
#[api_error(
    format = "matrix",
    http = 429,
    errcode = "M_LIMIT_EXCEEDED",
    message = "Too Many Requests"
)]
pub struct LimitExceeded {
    #[api_error(extra, header = "Retry-After", with = ms_to_secs)]
    pub retry_after_ms: Option<u64>,
}

/// Synapse's `SynapseError(code, msg, errcode)`: the status is an argument.
#[derive(Debug, ApiError)]
#[api_error(
    format = "matrix",
    http = 400,
    errcode = "M_UNKNOWN",
    message = "{msg}"
)]
pub struct SynapseError {
    #[api_error(status)]
    pub code: u16,
    pub msg: String,
}

#[derive(Debug, ApiError)]
#[api_error(http = 502, message = "upstream failed: {cause}")]
pub struct Upstream {
    #[api_error(source)]
    pub cause: std::io::Error,
    #[api_error(skip)]
    pub secret: &'static str,
}

#[derive(Debug, ApiError)]
#[api_error(http = 500, message = "maybe caused")]
pub struct MaybeCaused(#[api_error(source)] Option<Box<dyn std::error::Error + Send + Sync>>);

/// The root of a class hierarchy, as py42's `Py42HTTPError`.
#[derive(Debug, ApiError)]
#[api_error(http = 500, error_type = "http", message = "HTTP error")]
pub struct HttpError;

/// A child that inherits its status and type.
#[derive(Debug, ApiError)]
#[api_error(parent = HttpError, message = "Not found: {what}")]
pub struct NotFoundError {
    pub what: String,
}

/// A grandchild with its own status.
#[derive(Debug, ApiError)]
#[api_error(parent = NotFoundError, http = 410)]
pub struct GoneError;

#[test]
fn constructors_and_constants_build_each_error() {
    assert!(matches!(
        WebApiError::does_not_exist(),
        WebApiError::DoesNotExist
    ));
    assert!(matches!(
        WebApiError::DOES_NOT_EXIST,
        WebApiError::DoesNotExist
    ));
    let fields = BTreeMap::from([("name".to_owned(), vec!["required".to_owned()])]);
    let error = WebApiError::invalid_form_data(fields.clone());
    assert!(matches!(error, WebApiError::InvalidFormData { fields: f } if f == fields));
    assert!(matches!(
        WebApiError::conflict("a".into(), "b".into()),
        WebApiError::Conflict(a, b) if a == "a" && b == "b"
    ));
    assert_eq!(LimitExceeded::new(Some(5)).retry_after_ms, Some(5));
    const BUILT_AT_COMPILE_TIME: WebApiError = WebApiError::does_not_exist();
    assert_eq!(BUILT_AT_COMPILE_TIME.code(), Some(100));
}

#[test]
fn display_fills_the_template() {
    assert_eq!(
        WebApiError::DOES_NOT_EXIST.to_string(),
        "Object does not exist"
    );
    assert_eq!(
        WebApiError::conflict("x".into(), "y\"z".into()).to_string(),
        r#"x conflicts with "y\"z""#
    );
    let upstream = Upstream {
        cause: std::io::Error::other("disk"),
        secret: "hunter2",
    };
    assert_eq!(upstream.to_string(), "upstream failed: disk");
    assert!(!format!("{}", upstream.summary()).contains("hunter2"));
}

#[test]
fn errors_are_usable_as_trait_objects() {
    let errors: [&dyn ApiError; 2] = [&WebApiError::DOES_NOT_EXIST, &LimitExceeded::new(None)];
    let summaries: Vec<String> = errors
        .iter()
        .map(|error| errwire::Summary::of(*error).to_string())
        .collect();
    assert_eq!(
        summaries,
        [
            "<API Error 100, HTTP 404: Object does not exist>",
            "<API Error M_LIMIT_EXCEEDED, HTTP 429: Too Many Requests>"
        ]
    );
    assert_eq!(errors[1].headers(None).map(|h| h.len()).ok(), Some(0));
}

#[test]
fn summary_has_djblets_form() {
    let error = WebApiError::invalid_form_data(BTreeMap::new());
    assert_eq!(
        error.summary().to_string(),
        "<API Error 105, HTTP 400: One or more fields had errors>"
    );
    assert_eq!(
        LimitExceeded::new(None).summary().to_string(),
        "<API Error M_LIMIT_EXCEEDED, HTTP 429: Too Many Requests>"
    );
}

#[test]
fn source_is_the_marked_field() {
    let upstream = Upstream {
        cause: std::io::Error::other("disk"),
        secret: "",
    };
    assert_eq!(
        upstream.source().map(|s| s.to_string()).as_deref(),
        Some("disk")
    );
    assert!(MaybeCaused(None).source().is_none());
    let boxed = MaybeCaused(Some("boom".into()));
    assert_eq!(
        boxed.source().map(|s| s.to_string()).as_deref(),
        Some("boom")
    );
    assert!(WebApiError::DOES_NOT_EXIST.source().is_none());
}

#[test]
fn status_field_overrides_the_default_status() {
    let error = SynapseError {
        code: 403,
        msg: "no".into(),
    };
    assert_eq!(error.status(), StatusCode::FORBIDDEN);
    assert_eq!(SynapseError::DESCRIPTOR.status, StatusCode::BAD_REQUEST);
    // A number that is no status falls back to the catalog default, documented.
    let invalid = SynapseError {
        code: 1000,
        msg: "?".into(),
    };
    assert_eq!(invalid.status(), StatusCode::BAD_REQUEST);
}

#[test]
fn descriptors_describe_every_error() {
    let errors = <WebApiError as Catalog>::ERRORS;
    assert_eq!(errors.len(), 3);
    let does_not_exist = &errors[0];
    assert_eq!(does_not_exist.name, "WebApiError::DoesNotExist");
    assert_eq!(does_not_exist.code, Some(100));
    assert_eq!(does_not_exist.status, StatusCode::NOT_FOUND);
    assert_eq!(does_not_exist.error_type, Some("resource-does-not-exist"));
    assert_eq!(does_not_exist.format, WireFormat::Djblets);
    assert_eq!(
        does_not_exist.doc,
        "An error indicating a requested resource does not exist."
    );
    let fields = errors[1].fields;
    assert_eq!(fields.len(), 1);
    assert_eq!(fields[0].name, "fields");
    assert_eq!(fields[0].ty, "BTreeMap<String, Vec<String>>");
    assert_eq!(
        fields[0].role,
        FieldRole::Extra {
            wire_name: "fields"
        }
    );
    assert_eq!(errors[2].message, "{0} conflicts with {1:?}");
    let limit = LimitExceeded::DESCRIPTOR;
    assert_eq!(
        limit.fields[0].role,
        FieldRole::ExtraAndHeader {
            wire_name: "retry_after_ms",
            header: "Retry-After"
        }
    );
    assert_eq!(
        Upstream::DESCRIPTOR.field("secret").map(|f| f.role),
        Some(FieldRole::Skip)
    );
    assert_eq!(
        Upstream::DESCRIPTOR.field("cause").map(|f| f.role),
        Some(FieldRole::Source)
    );
    // The descriptor is usable in const context.
    const STATUS: u16 = <WebApiError as Catalog>::ERRORS[1].status.as_u16();
    assert_eq!(STATUS, 400);
}

#[test]
fn children_inherit_unset_values_and_report_ancestry() {
    let child = NotFoundError::DESCRIPTOR;
    assert_eq!(child.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(child.error_type, Some("http"));
    assert_eq!(child.parent.map(|p| p.name), Some("HttpError"));
    let grandchild = GoneError::DESCRIPTOR;
    assert_eq!(grandchild.status, StatusCode::GONE);
    assert_eq!(grandchild.message, "Not found: {what}");
    let ancestry: Vec<_> = grandchild.ancestors().map(|a| a.name).collect();
    assert_eq!(ancestry, ["NotFoundError", "HttpError"]);
    assert!(GoneError.is_a(HttpError::DESCRIPTOR));
    assert!(GoneError.is_a(GoneError::DESCRIPTOR));
    assert!(!HttpError.is_a(GoneError::DESCRIPTOR));
    // An inherited template is shown as written: it names the parent's fields.
    assert_eq!(GoneError.to_string(), "Not found: {what}");
}

#[test]
fn field_less_errors_are_as_small_as_plain_enums() {
    #[derive(Debug, ApiError)]
    enum Small {
        #[api_error(http = 404, message = "a")]
        A,
        #[api_error(http = 409, message = "b")]
        B,
    }
    assert_eq!(std::mem::size_of::<Small>(), 1);
    let overridden = Small::A.with_message("c");
    // An overridden error is one pointer, whatever the size of the plain error.
    assert_eq!(
        std::mem::size_of_val(&overridden),
        std::mem::size_of::<usize>()
    );
    assert_eq!(
        std::mem::size_of::<errwire::Overridden<WebApiErrorShape>>(),
        std::mem::size_of::<usize>()
    );
    assert_eq!(Small::B.to_string(), "b");
    assert_eq!(overridden.to_string(), "c");
}

#[test]
fn generic_errors_derive() {
    #[derive(Debug, ApiError)]
    #[api_error(http = 400, message = "bad {value}")]
    struct Bad<T: std::fmt::Display + std::fmt::Debug + serde::Serialize> {
        #[api_error(extra)]
        value: T,
    }
    let bad = Bad::new(7);
    assert_eq!(bad.to_string(), "bad 7");
    let body = serde_json::to_value(&bad).ok();
    assert_eq!(
        body.as_ref().and_then(|b| b.get("value")),
        Some(&serde_json::json!(7))
    );
}

/// Djblets' `WebAPIError(code, msg, *, http_status, error_type, error_subtype, detail,
/// trace_id)`: every value is the instance's own.
#[derive(Debug, ApiError)]
#[api_error(format = "djblets", http = 400, message = "{msg}")]
pub struct WebApiErrorShape {
    #[api_error(code)]
    pub code: i64,
    pub msg: String,
    #[api_error(status)]
    pub http_status: u16,
    #[api_error(error_type)]
    pub error_type: Option<String>,
    #[api_error(error_subtype)]
    pub error_subtype: Option<String>,
    #[api_error(detail)]
    pub detail: Option<String>,
    #[api_error(trace_id)]
    pub trace_id: Option<&'static str>,
}

/// Synapse's `SynapseError(code, msg, errcode)`: the errcode is the instance's.
#[derive(Debug, ApiError)]
#[api_error(
    format = "matrix",
    http = 400,
    errcode = "M_UNKNOWN",
    message = "{msg}"
)]
pub struct DynamicErrcode {
    #[api_error(status)]
    pub code: u16,
    pub msg: String,
    #[api_error(errcode)]
    pub errcode: String,
}

#[test]
fn instance_fields_supply_the_errors_own_values() {
    let error = WebApiErrorShape::new(
        207,
        "Custom".into(),
        409,
        Some("custom-type".into()),
        Some("sub".into()),
        None,
        Some("t-9"),
    );
    assert_eq!(error.code(), Some(207));
    assert_eq!(error.status(), StatusCode::CONFLICT);
    assert_eq!(error.error_type(), Some("custom-type"));
    assert_eq!(error.error_subtype(), Some("sub"));
    assert_eq!(error.detail(), None);
    assert_eq!(error.trace_id(), Some("t-9"));
    assert_eq!(
        serde_json::to_value(&error).ok(),
        Some(serde_json::json!({"stat": "fail", "err": {
            "code": 207, "msg": "Custom", "type": "custom-type", "subtype": "sub", "trace_id": "t-9"
        }}))
    );
    // Overrides still win over the instance's fields.
    let overridden = error.with_overrides(errwire::Overrides {
        trace_id: Some("t-10".into()),
        ..Default::default()
    });
    assert_eq!(overridden.trace_id(), Some("t-10"));
    assert_eq!(overridden.code(), Some(207));

    let matrix = DynamicErrcode::new(403, "Forbidden".into(), "M_FORBIDDEN".into());
    assert_eq!(matrix.errcode(), Some("M_FORBIDDEN"));
    assert_eq!(DynamicErrcode::DESCRIPTOR.errcode, Some("M_UNKNOWN"));
    assert_eq!(
        DynamicErrcode::DESCRIPTOR.field("errcode").map(|f| f.role),
        Some(FieldRole::Errcode)
    );
}

/// The derive reads `format = "…"` by its own list of names (it cannot depend on errwire,
/// which depends on it); this keeps that list the one of `WireFormat::name`.
#[test]
fn format_names_are_the_wire_format_names() {
    #[derive(Debug, ApiError)]
    #[api_error(format = "djblets", http = 400, message = "m")]
    struct InDjblets;
    #[derive(Debug, ApiError)]
    #[api_error(format = "matrix", http = 400, message = "m")]
    struct InMatrix;
    #[derive(Debug, ApiError)]
    #[api_error(format = "problem", http = 400, message = "m")]
    struct InProblem;
    let declared = [
        (InDjblets::DESCRIPTOR.format, "djblets"),
        (InMatrix::DESCRIPTOR.format, "matrix"),
        (InProblem::DESCRIPTOR.format, "problem"),
    ];
    for (format, name) in declared {
        assert_eq!(format.name(), name);
    }
    let formats: Vec<WireFormat> = declared.iter().map(|(format, _)| *format).collect();
    assert_eq!(formats, WireFormat::ALL, "a format the derive cannot name");
}
