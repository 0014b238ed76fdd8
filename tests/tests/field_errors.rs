//! Several field errors in one response, through one `FieldErrors` the handler fills: Djblets'
//! `fields`, RFC 9457's `errors` array of `{detail, pointer}`, nothing in Matrix (which has
//! no member for them).

use errwire::{ApiError, FieldErrors, RenderOptions, WireFormat};
use serde_json::{Value, json};

#[derive(Debug, ApiError)]
#[api_error(format = "djblets")]
pub enum FormError {
    #[api_error(
        code = 105,
        http = 400,
        error_type = "request-field-error",
        message = "One or more fields had errors"
    )]
    InvalidFormData {
        #[api_error(field_errors)]
        errors: FieldErrors,
    },
}

#[derive(Debug, ApiError)]
#[api_error(
    http = 422,
    title = "Your request is not valid",
    message = "The todo has errors"
)]
pub struct Invalid {
    #[api_error(field_errors)]
    errors: Option<FieldErrors>,
    #[api_error(extra)]
    attempt: u32,
}

fn filled() -> FieldErrors {
    let mut errors = FieldErrors::new();
    errors
        .push("/title", "This field is required.")
        .push("/items/0/name", "Too long.")
        .push("/title", "Must not be blank.");
    errors
}

fn body(error: &impl ApiError, format: WireFormat) -> Value {
    let options = RenderOptions {
        format: Some(format),
        ..RenderOptions::default()
    };
    error
        .render(&options)
        .ok()
        .and_then(|r| serde_json::from_slice(r.body()).ok())
        .unwrap_or_default()
}

#[test]
fn djblets_sends_fields_by_name() {
    let error = FormError::InvalidFormData { errors: filled() };
    assert_eq!(
        body(&error, WireFormat::Djblets),
        json!({
            "stat": "fail",
            "err": {"code": 105, "msg": "One or more fields had errors", "type": "request-field-error"},
            "fields": {"title": ["This field is required.", "Must not be blank."], "items.0.name": ["Too long."]},
        })
    );
}

#[test]
fn problem_details_send_an_errors_array_of_detail_and_pointer() {
    let error = Invalid {
        errors: Some(filled()),
        attempt: 2,
    };
    assert_eq!(
        body(&error, WireFormat::Problem),
        json!({
            "type": "about:blank",
            "title": "Your request is not valid",
            "status": 422,
            "detail": "The todo has errors",
            "attempt": 2,
            "errors": [
                {"detail": "This field is required.", "pointer": "/title"},
                {"detail": "Too long.", "pointer": "/items/0/name"},
                {"detail": "Must not be blank.", "pointer": "/title"},
            ],
        })
    );
    // The Djblets error negotiated to problem details sends them in problem details' way.
    let djblets = FormError::InvalidFormData { errors: filled() };
    assert_eq!(
        body(&djblets, WireFormat::Problem)["errors"][1]["pointer"],
        "/items/0/name"
    );
}

#[test]
fn matrix_has_no_member_for_them_and_empty_errors_send_nothing() {
    let error = FormError::InvalidFormData { errors: filled() };
    let matrix = body(&error, WireFormat::Matrix);
    assert_eq!(
        matrix,
        json!({"errcode": "M_UNKNOWN", "error": "One or more fields had errors"})
    );
    let none = Invalid {
        errors: None,
        attempt: 1,
    };
    assert_eq!(body(&none, WireFormat::Problem).get("errors"), None);
    let empty = FormError::InvalidFormData {
        errors: FieldErrors::new(),
    };
    assert_eq!(body(&empty, WireFormat::Djblets).get("fields"), None);
}

#[test]
fn a_render_time_member_named_errors_is_refused_beside_them_in_problem_details() {
    let error = Invalid {
        errors: Some(filled()),
        attempt: 1,
    };
    let extra = json!({"errors": []});
    let options = RenderOptions {
        extra: extra.as_object(),
        ..RenderOptions::default()
    };
    let rendered = error.render(&options);
    assert!(
        matches!(&rendered, Err(errwire::RenderError::ReservedMember { name }) if name == "errors"),
        "{rendered:?}"
    );
}
