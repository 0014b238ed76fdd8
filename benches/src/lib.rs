//! What the benchmarks measure: catalog errors, and the hand-written code a careful engineer
//! would write instead, for the same bodies.
#![allow(missing_docs)]

use std::borrow::Cow;
use std::collections::BTreeMap;

use errwire::wire::RawBody;
use errwire::{ApiError, Classified, Classify, Limits, RenderError, WireFormat};
use serde::{Deserialize, Serialize};

include!(concat!(env!("OUT_DIR"), "/catalogs.rs"));

/// A Djblets catalog error with an extra field.
#[derive(Debug, ApiError)]
#[api_error(format = "djblets")]
pub enum WebApiError {
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
}

fn ms_to_secs(ms: &u64) -> u64 {
    ms.div_ceil(1000)
}

/// A Matrix catalog with a header field.
#[derive(Debug, PartialEq, ApiError)]
#[api_error(format = "matrix")]
pub enum MatrixError {
    #[api_error(
        http = 429,
        errcode = "M_LIMIT_EXCEEDED",
        message = "Too Many Requests"
    )]
    LimitExceeded {
        #[api_error(extra, header = "Retry-After", with = ms_to_secs)]
        retry_after_ms: Option<u64>,
    },
    #[api_error(http = 403, errcode = "M_FORBIDDEN", message = "{msg}")]
    Forbidden { msg: String },
}

/// A problem-details error.
#[derive(Debug, ApiError)]
#[api_error(
    format = "problem",
    http = 409,
    code = 7,
    errcode = "M_CONFLICT",
    message = "Conflict on {key}"
)]
pub struct Conflict {
    #[api_error(extra)]
    pub key: String,
}

// The hand-written baselines: the same bodies as plain serde structs.

#[derive(Serialize)]
pub struct DjbletsErr<'a> {
    pub code: i64,
    pub msg: &'a str,
    #[serde(rename = "type")]
    pub error_type: &'a str,
}

#[derive(Serialize)]
pub struct DjbletsBody<'a> {
    pub stat: &'a str,
    pub err: DjbletsErr<'a>,
    pub fields: &'a BTreeMap<String, Vec<String>>,
}

#[derive(Serialize)]
pub struct MatrixBody<'a> {
    pub errcode: &'a str,
    pub error: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retry_after_ms: Option<u64>,
}

#[derive(Serialize)]
pub struct ProblemBody<'a> {
    #[serde(rename = "type")]
    pub problem_type: &'a str,
    pub title: &'a str,
    pub status: u16,
    pub detail: String,
    pub code: i64,
    pub errcode: &'a str,
    pub key: &'a str,
}

/// A received Matrix error, as a hand-written client reads it.
#[derive(Debug, Deserialize, PartialEq)]
pub struct ReceivedMatrix {
    pub errcode: String,
    pub error: String,
    pub retry_after_ms: Option<u64>,
}

/// A hand-written response: the body serialized, status and headers set. Djblets sends
/// `X-Content-Type-Options: nosniff` with every response, so its errors do too.
pub fn hand_written_response(
    status: u16,
    content_type: &'static str,
    body: &impl Serialize,
    retry_after: Option<u64>,
    nosniff: bool,
) -> Option<http::Response<Vec<u8>>> {
    let body = serde_json::to_vec(body).ok()?;
    let mut response = http::Response::new(body);
    *response.status_mut() = http::StatusCode::from_u16(status).ok()?;
    let headers = response.headers_mut();
    headers.insert(
        http::header::CONTENT_TYPE,
        http::HeaderValue::from_static(content_type),
    );
    if let Some(seconds) = retry_after {
        headers.insert(http::header::RETRY_AFTER, http::HeaderValue::from(seconds));
    }
    if nosniff {
        headers.insert(
            http::header::X_CONTENT_TYPE_OPTIONS,
            http::HeaderValue::from_static("nosniff"),
        );
    }
    Some(response)
}

/// Whether two responses are the same on the wire: status, headers and body. Each benchmark
/// checks this before timing, so a baseline never does less than what it is compared with.
pub fn same_response(a: &http::Response<Vec<u8>>, b: &http::Response<Vec<u8>>) -> bool {
    a.status() == b.status() && a.headers() == b.headers() && a.body() == b.body()
}

/// A hand-written override: the error and its message, boxed together.
pub fn hand_written_with_message(
    error: WebApiError,
    message: &'static str,
) -> Box<(WebApiError, Cow<'static, str>)> {
    Box::new((error, Cow::Borrowed(message)))
}

/// The errors the pairs render, made once.
pub struct Inputs {
    pub form: WebApiError,
    pub limit: MatrixError,
    pub conflict: Conflict,
}

impl Default for Inputs {
    fn default() -> Self {
        Inputs {
            form: WebApiError::InvalidFormData {
                fields: BTreeMap::from([(
                    "title".to_owned(),
                    vec!["This field is required.".to_owned()],
                )]),
            },
            limit: MatrixError::LimitExceeded {
                retry_after_ms: Some(1500),
            },
            conflict: Conflict {
                key: "room-42".to_owned(),
            },
        }
    }
}

/// The Matrix body the parse pair reads.
pub const MATRIX_BODY: &[u8] =
    br#"{"errcode":"M_LIMIT_EXCEEDED","error":"Too Many Requests","retry_after_ms":1500}"#;

/// Renders one of the inputs to a response through a derived error, which says why it
/// could not.
pub type Render = fn(&Inputs) -> Result<http::Response<Vec<u8>>, RenderError>;

/// Renders one of the inputs to a response by hand.
pub type RenderByHand = fn(&Inputs) -> Option<http::Response<Vec<u8>>>;

/// Each format's render pair: its name, the derived error, the hand-written code. Each side
/// returns what its code naturally returns.
pub const RENDER_PAIRS: [(&str, Render, RenderByHand); 3] = [
    ("djblets", render_djblets, render_djblets_by_hand),
    ("matrix", render_matrix, render_matrix_by_hand),
    ("problem", render_problem, render_problem_by_hand),
];

pub fn render_djblets(inputs: &Inputs) -> Result<http::Response<Vec<u8>>, RenderError> {
    inputs.form.to_response()
}

pub fn render_djblets_by_hand(inputs: &Inputs) -> Option<http::Response<Vec<u8>>> {
    let WebApiError::InvalidFormData { fields } = &inputs.form else {
        return None;
    };
    let body = DjbletsBody {
        stat: "fail",
        err: DjbletsErr {
            code: 105,
            msg: "One or more fields had errors",
            error_type: "request-field-error",
        },
        fields,
    };
    hand_written_response(400, "application/json", &body, None, true)
}

pub fn render_matrix(inputs: &Inputs) -> Result<http::Response<Vec<u8>>, RenderError> {
    inputs.limit.to_response()
}

pub fn render_matrix_by_hand(inputs: &Inputs) -> Option<http::Response<Vec<u8>>> {
    let MatrixError::LimitExceeded { retry_after_ms } = &inputs.limit else {
        return None;
    };
    let body = MatrixBody {
        errcode: "M_LIMIT_EXCEEDED",
        error: "Too Many Requests",
        retry_after_ms: *retry_after_ms,
    };
    hand_written_response(
        429,
        "application/json",
        &body,
        retry_after_ms.map(|ms| ms.div_ceil(1000)),
        false,
    )
}

pub fn render_problem(inputs: &Inputs) -> Result<http::Response<Vec<u8>>, RenderError> {
    inputs.conflict.to_response()
}

pub fn render_problem_by_hand(inputs: &Inputs) -> Option<http::Response<Vec<u8>>> {
    let body = ProblemBody {
        problem_type: "about:blank",
        title: "Conflict",
        status: 409,
        detail: format!("Conflict on {}", inputs.conflict.key),
        code: 7,
        errcode: "M_CONFLICT",
        key: &inputs.conflict.key,
    };
    hand_written_response(409, "application/problem+json", &body, None, false)
}

/// The catalog error a Matrix body names, read in one pass into a body held here, which
/// keeps every member (`Classify::decode_into`).
pub fn parse_matrix(body: &[u8]) -> Option<MatrixError> {
    let mut wire = RawBody::new(WireFormat::Matrix);
    MatrixError::decode_into(&mut wire, body, &Limits::DEFAULT)
        .ok()
        .flatten()
}

/// The same, through `Classify::decode`, which returns the body with the error.
pub fn parse_matrix_classified(body: &[u8]) -> Option<MatrixError> {
    match MatrixError::decode(WireFormat::Matrix, body, &Limits::DEFAULT) {
        Ok(Classified::Known { error, .. }) => Some(error),
        _ => None,
    }
}

pub fn parse_matrix_by_hand(body: &[u8]) -> Option<ReceivedMatrix> {
    serde_json::from_slice(body).ok()
}

/// Panics unless every pair does the same work both ways: the same response (status,
/// headers, body), the same values read. Each benchmark calls it before timing anything.
pub fn check_pairs(inputs: &Inputs) {
    for (name, derived, by_hand) in RENDER_PAIRS {
        match (derived(inputs).ok(), by_hand(inputs)) {
            (Some(a), Some(b)) if same_response(&a, &b) => {}
            (a, b) => {
                panic!("render/{name}: the baseline differs from the derived error:\n{a:?}\n{b:?}")
            }
        }
    }
    assert_eq!(
        parse_matrix_classified(MATRIX_BODY),
        parse_matrix(MATRIX_BODY)
    );
    let parsed = parse_matrix(MATRIX_BODY);
    let by_hand = parse_matrix_by_hand(MATRIX_BODY);
    assert_eq!(
        parsed,
        Some(MatrixError::LimitExceeded {
            retry_after_ms: Some(1500)
        })
    );
    assert_eq!(by_hand.and_then(|m| m.retry_after_ms), Some(1500));
}
