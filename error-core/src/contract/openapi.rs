//! The contract as OpenAPI components (feature `utoipa`): a schema and a response object per
//! error, which an OpenAPI document references as `#/components/responses/<name>`.

use utoipa::openapi::schema::SchemaType;
use utoipa::openapi::{
    ComponentsBuilder, ContentBuilder, Deprecated, ObjectBuilder, Ref, ResponseBuilder, Schema,
    Type,
};

use super::{Contract, ErrorContract};
use crate::wire::{WireFormat, reason_phrase};

impl Contract {
    /// OpenAPI components: for every error, a schema of its body (its format's members and
    /// its own, required unless `Option`) and a response object of its status's reason, its
    /// message and documentation, and that schema in its format's content type. Components
    /// are named by the error's name with `::` as `.` (`WebApiError.DoesNotExist`).
    pub fn to_openapi(&self) -> utoipa::openapi::Components {
        let mut components = ComponentsBuilder::new();
        for error in &self.errors {
            let name = component_name(&error.name);
            components = components
                .schema(name.clone(), body_schema(error))
                .response(name.clone(), response(error, &name));
        }
        components.build()
    }
}

/// The name of an error's components: OpenAPI allows `[A-Za-z0-9._-]`.
pub fn component_name(name: &str) -> String {
    name.replace("::", ".")
        .chars()
        .map(|c| match c {
            'A'..='Z' | 'a'..='z' | '0'..='9' | '.' | '_' | '-' => c,
            _ => '_',
        })
        .collect()
}

fn format_of(error: &ErrorContract) -> WireFormat {
    WireFormat::from_name(&error.format).unwrap_or(WireFormat::Problem)
}

fn body_schema(error: &ErrorContract) -> Schema {
    let mut body = format_of(error).schema();
    for field in &error.fields {
        if let Some(member) = &field.wire_name {
            body = body.property(member.clone(), type_schema(&field.ty));
            if !field.is_optional() {
                body = body.required(member.clone());
            }
        }
    }
    let description = (!error.doc.is_empty()).then(|| error.doc.clone());
    let deprecated = error.deprecated.as_ref().map(|_| Deprecated::True);
    Schema::Object(body.description(description).deprecated(deprecated).build())
}

fn response(error: &ErrorContract, name: &str) -> utoipa::openapi::Response {
    let mut description = format!("{}: {}", reason_phrase(error.status), error.message);
    if !error.doc.is_empty() {
        description.push_str("\n\n");
        description.push_str(&error.doc);
    }
    if let Some(url) = &error.doc_url {
        description.push_str(&format!("\n\nSee {url}"));
    }
    let content = ContentBuilder::new()
        .schema(Some(Ref::from_schema_name(name)))
        .build();
    ResponseBuilder::new()
        .description(description)
        .content(format_of(error).content_type(), content)
        .build()
}

/// The JSON type of a Rust type, as far as its name tells; any value when it does not.
fn type_schema(ty: &str) -> Schema {
    let ty: String = ty.chars().filter(|c| !c.is_whitespace()).collect();
    let inner = ty
        .strip_prefix("Option<")
        .and_then(|rest| rest.strip_suffix('>'))
        .unwrap_or(&ty);
    let last = inner
        .split('<')
        .next()
        .unwrap_or_default()
        .rsplit("::")
        .next()
        .unwrap_or_default()
        .trim_start_matches('&')
        .trim_start_matches("'static");
    let kind = match last {
        "u8" | "u16" | "u32" | "u64" | "u128" | "usize" | "i8" | "i16" | "i32" | "i64" | "i128"
        | "isize" => SchemaType::Type(Type::Integer),
        "f32" | "f64" => SchemaType::Type(Type::Number),
        "bool" => SchemaType::Type(Type::Boolean),
        "String" | "str" | "Cow" | "Box" | "Arc" | "Rc" => SchemaType::Type(Type::String),
        "Vec" | "VecDeque" | "BTreeSet" | "HashSet" => SchemaType::Type(Type::Array),
        "BTreeMap" | "HashMap" | "Map" => SchemaType::Type(Type::Object),
        _ => SchemaType::AnyValue,
    };
    Schema::Object(ObjectBuilder::new().schema_type(kind).build())
}
