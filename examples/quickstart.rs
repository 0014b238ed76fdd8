//! Define a catalog, override one occurrence, render it, print it.
//!
//! `cargo run -p errwire-tests --example quickstart`

use std::collections::BTreeMap;

use errwire::{ApiError, Overrides, RenderError};

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
    /// One or more fields of a form were invalid.
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

/// Looks a review up, failing as an API handler would.
fn find_review(id: u64) -> Result<&'static str, WebApiError> {
    match id {
        1 => Ok("First review"),
        _ => Err(WebApiError::DOES_NOT_EXIST),
    }
}

/// Renders the errors a small API returns, as text lines.
pub fn run() -> Result<Vec<String>, RenderError> {
    let mut lines = Vec::new();
    let missing = find_review(7).err().unwrap_or(WebApiError::DOES_NOT_EXIST);
    lines.push(missing.summary().to_string());

    let fields = BTreeMap::from([(
        "title".to_owned(),
        vec!["This field is required.".to_owned()],
    )]);
    let invalid = WebApiError::invalid_form_data(fields).with_overrides(Overrides {
        detail: Some("The review needs a title".into()),
        trace_id: Some("req-42".into()),
        ..Overrides::default()
    });
    let response = invalid.to_response()?;
    lines.push(format!("HTTP {}", response.status().as_u16()));
    for (name, value) in response.headers() {
        lines.push(format!("{name}: {}", value.to_str().unwrap_or("<binary>")));
    }
    lines.push(String::from_utf8_lossy(response.body()).into_owned());
    Ok(lines)
}

fn main() -> Result<(), RenderError> {
    for line in run()? {
        println!("{line}");
    }
    Ok(())
}
