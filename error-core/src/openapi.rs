//! utoipa integration (feature `utoipa`): every derived error type documents its responses,
//! `utoipa::IntoResponses`, so `#[utoipa::path(responses(MyError))]` lists each status with
//! the schema of each format's body and one example per error.

use std::collections::BTreeMap;

use serde_json::Value;
use utoipa::openapi::example::ExampleBuilder;
use utoipa::openapi::{ContentBuilder, RefOr, Response, ResponseBuilder, Schema};

use crate::descriptor::{Catalog, ErrorDescriptor};
use crate::wire::{WireError, WireFormat, reason_phrase};

/// The responses of every error of `E`, by status: a description listing the errors, and for
/// the native format of each and for `application/problem+json`, the body's schema and one
/// example per error.
pub fn responses<E: Catalog>() -> BTreeMap<String, RefOr<Response>> {
    let mut by_status: BTreeMap<u16, Vec<&'static ErrorDescriptor>> = BTreeMap::new();
    for descriptor in E::ERRORS {
        by_status
            .entry(descriptor.status.as_u16())
            .or_default()
            .push(descriptor);
    }
    by_status
        .into_iter()
        .map(|(status, errors)| (status.to_string(), RefOr::T(response(status, &errors))))
        .collect()
}

fn response(status: u16, errors: &[&'static ErrorDescriptor]) -> Response {
    let names: Vec<String> = errors
        .iter()
        .map(|e| format!("`{}`: {}", e.name, first_line(e.doc).unwrap_or(e.message)))
        .collect();
    let mut formats: Vec<WireFormat> = errors.iter().map(|e| e.format).collect();
    formats.push(WireFormat::Problem);
    formats.dedup();
    let mut builder = ResponseBuilder::new().description(format!(
        "{}: {}",
        reason_phrase(status),
        names.join("; ")
    ));
    for format in WireFormat::ALL.into_iter().filter(|f| formats.contains(f)) {
        let examples = errors
            .iter()
            .filter(|e| e.format == format || format == WireFormat::Problem)
            .map(|e| {
                let example = ExampleBuilder::new()
                    .summary(e.message)
                    .value(Some(example_body(e, format)))
                    .build();
                (e.name, example)
            });
        let content = ContentBuilder::new()
            .schema(Some(schema(format)))
            .examples_from_iter(examples)
            .build();
        builder = builder.content(format.content_type(), content);
    }
    builder.build()
}

fn first_line(text: &str) -> Option<&str> {
    text.lines().next().filter(|line| !line.is_empty())
}

/// The body `descriptor` renders in `format`, its message template written as is.
pub fn example_body(descriptor: &ErrorDescriptor, format: WireFormat) -> Value {
    let mut error = WireError::empty(format);
    error.code = descriptor.code;
    error.errcode = descriptor.errcode.map(str::to_owned);
    error.message = Some(descriptor.message.to_owned());
    error.error_type = descriptor.error_type.map(str::to_owned);
    error.error_subtype = descriptor
        .error_subtype
        .filter(|_| descriptor.error_type.is_some())
        .map(str::to_owned);
    format.describe(descriptor, &mut error);
    error.to_value()
}

/// The schema of a body in `format`; members beyond the listed ones are allowed (extra fields).
pub fn schema(format: WireFormat) -> Schema {
    Schema::Object(format.schema().build())
}
