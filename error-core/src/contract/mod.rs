//! The error contract: every error of one or several catalogs as a document clients can rely
//! on, and the check that a new version keeps it.
//!
//! A [`Contract`] lists, for every error, what a client sees or builds on: its name, numeric
//! code, errcode, type and subtype, default status, message template and placeholders, fields
//! (body members with their wire names and types, headers, per-instance values), doc comment,
//! documentation URL, parent and deprecation. It is written as JSON (versioned by
//! [`SCHEMA_VERSION`], described by the JSON Schema [`SCHEMA`]), as Markdown
//! ([`Contract::to_markdown`]) and, with the `utoipa` feature, as OpenAPI components.
//!
//! [`diff`] compares two contracts error by error, as `cargo-semver-checks` compares two
//! versions of a Rust API, and [`assert_compatible`] is the one call a test makes to keep a
//! committed contract file and fail CI on a breaking change.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::descriptor::{Catalog, ErrorDescriptor, FieldRole};

mod check;
mod diff;
mod markdown;
#[cfg(feature = "utoipa")]
mod openapi;

pub use check::{Checked, ContractFailure, UPDATE_VAR, assert_compatible, check_compatible};
pub use diff::{Change, ChangeKind, Report, diff};

/// The version of the contract document's schema this build writes and reads. A document of
/// a newer version is refused (its meaning may have changed); older ones are read.
pub const SCHEMA_VERSION: u64 = 1;

/// The JSON Schema (draft 2020-12) of the contract document, version [`SCHEMA_VERSION`].
pub const SCHEMA: &str = include_str!("../../contract.schema.json");

/// Every error of one or several catalogs, as clients rely on them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Contract {
    /// The schema version the document follows: [`SCHEMA_VERSION`] when written here.
    pub schema_version: u64,
    /// Every error, in declaration order; names are unique.
    pub errors: Vec<ErrorContract>,
}

/// One error of a contract.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ErrorContract {
    /// The Rust name, `Type` or `Type::Variant`: the error's identity across versions.
    pub name: String,
    /// The wire format it renders in (`djblets`, `matrix`, `problem`).
    pub format: String,
    /// The numeric code, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<i64>,
    /// The errcode, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errcode: Option<String>,
    /// The error type, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_type: Option<String>,
    /// The error subtype, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_subtype: Option<String>,
    /// The default HTTP status.
    pub status: u16,
    /// The message template, as written.
    pub message: String,
    /// The names the template shows (`{name}`), in order, each once.
    pub placeholders: Vec<String>,
    /// The declared fields, in order.
    pub fields: Vec<FieldContract>,
    /// The doc comment.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub doc: String,
    /// The documentation URL, which is the RFC 9457 `type`, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc_url: Option<String>,
    /// The name of the error it specializes, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// Set when the error is deprecated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deprecated: Option<DeprecationContract>,
}

/// One field of an error.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FieldContract {
    /// The Rust field name (`0`, `1`, … for tuple fields).
    pub name: String,
    /// The Rust type, as written.
    #[serde(rename = "type")]
    pub ty: String,
    /// What the field is: `extra`, `header`, `extra_and_header`, `headers`, `flatten`,
    /// `status`, `code`, `errcode`, `error_type`, `error_subtype`, `detail`, `trace_id`,
    /// `source`, `context` or `skip` (the `FieldRole` variants, in snake_case).
    pub role: String,
    /// The body member's name, for `extra` and `extra_and_header`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wire_name: Option<String>,
    /// The header's name, for `header` and `extra_and_header`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub header: Option<String>,
}

/// What `#[deprecated]` said of an error.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DeprecationContract {
    /// The release it was deprecated in, if given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<String>,
    /// Why, or what to use instead, if given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The types whose errors make a contract: any type deriving `ApiError`, or a tuple of them
/// (`(UserErrors, AdminErrors)`), their errors in that order.
pub trait Catalogs {
    /// Every error, in order.
    fn descriptors() -> Vec<&'static ErrorDescriptor>;
}

impl<E: Catalog + ?Sized> Catalogs for E {
    fn descriptors() -> Vec<&'static ErrorDescriptor> {
        E::ERRORS.iter().collect()
    }
}

macro_rules! tuple_catalogs {
    ($($name:ident)+) => {
        impl<$($name: Catalogs),+> Catalogs for ($($name,)+) {
            fn descriptors() -> Vec<&'static ErrorDescriptor> {
                let mut all = Vec::new();
                $(all.extend($name::descriptors());)+
                all
            }
        }
    };
}

tuple_catalogs!(A);
tuple_catalogs!(A B);
tuple_catalogs!(A B C);
tuple_catalogs!(A B C D);
tuple_catalogs!(A B C D E);
tuple_catalogs!(A B C D E F);
tuple_catalogs!(A B C D E F G);
tuple_catalogs!(A B C D E F G H);

impl Contract {
    /// The contract of the errors of `C`: one type, or a tuple of types.
    pub fn of<C: Catalogs + ?Sized>() -> Contract {
        Contract::from_descriptors(C::descriptors())
    }

    /// The contract of the given errors, in order.
    pub fn from_descriptors<'a>(
        descriptors: impl IntoIterator<Item = &'a ErrorDescriptor>,
    ) -> Contract {
        Contract::new(
            descriptors
                .into_iter()
                .map(ErrorContract::from_descriptor)
                .collect(),
        )
    }

    /// A contract of these errors, at the current schema version.
    pub fn new(errors: Vec<ErrorContract>) -> Contract {
        Contract {
            schema_version: SCHEMA_VERSION,
            errors,
        }
    }

    /// The error called `name`.
    pub fn error(&self, name: &str) -> Option<&ErrorContract> {
        self.errors.iter().find(|error| error.name == name)
    }

    /// The document as pretty JSON, ending in a newline.
    pub fn to_json(&self) -> String {
        // Cannot fail: every map key is a string and every value plain data.
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        text
    }

    /// Reads a contract document; [`read`](Contract::read) names the file in its errors.
    pub fn from_json(text: &str) -> Result<Contract, ContractError> {
        read(text).map_err(|problem| ContractError {
            path: None,
            problem,
        })
    }

    /// Reads the contract file at `path`.
    pub fn read(path: impl AsRef<Path>) -> Result<Contract, ContractError> {
        let path = path.as_ref();
        let at = |problem| ContractError {
            path: Some(path.to_owned()),
            problem,
        };
        let text = std::fs::read_to_string(path)
            .map_err(|error| at(ContractProblem::Io(error.to_string())))?;
        read(&text).map_err(at)
    }

    /// Refuses a contract that names two errors alike: the check matches errors by name.
    pub fn check_names(&self) -> Result<(), ContractError> {
        unique_names(&self.errors).map_err(|problem| ContractError {
            path: None,
            problem,
        })
    }
}

impl ErrorContract {
    /// The contract of one error, as its descriptor declares it.
    pub fn from_descriptor(descriptor: &ErrorDescriptor) -> ErrorContract {
        ErrorContract {
            name: descriptor.name.to_owned(),
            format: descriptor.format.name().to_owned(),
            code: descriptor.code,
            errcode: descriptor.errcode.map(str::to_owned),
            error_type: descriptor.error_type.map(str::to_owned),
            error_subtype: descriptor.error_subtype.map(str::to_owned),
            status: descriptor.status.as_u16(),
            message: descriptor.message.to_owned(),
            placeholders: placeholders(descriptor.message),
            fields: descriptor
                .fields
                .iter()
                .map(|field| {
                    let (role, wire_name, header) = role_parts(field.role);
                    FieldContract {
                        name: field.name.to_owned(),
                        ty: field.ty.to_owned(),
                        role: role.to_owned(),
                        wire_name: wire_name.map(str::to_owned),
                        header: header.map(str::to_owned),
                    }
                })
                .collect(),
            doc: descriptor.doc.to_owned(),
            doc_url: descriptor.doc_url.map(str::to_owned),
            parent: descriptor.parent.map(|parent| parent.name.to_owned()),
            deprecated: descriptor.deprecated.map(|d| DeprecationContract {
                since: d.since.map(str::to_owned),
                note: d.note.map(str::to_owned),
            }),
        }
    }
}

impl FieldContract {
    /// Whether the field's type is an `Option`: absent values are left out.
    pub fn is_optional(&self) -> bool {
        let ty: String = self.ty.chars().filter(|c| !c.is_whitespace()).collect();
        ["Option<", "core::option::Option<", "std::option::Option<"]
            .iter()
            .any(|prefix| ty.trim_start_matches("::").starts_with(prefix))
    }
}

/// A role's name in the contract, with its body member and header names.
fn role_parts(role: FieldRole) -> (&'static str, Option<&'static str>, Option<&'static str>) {
    match role {
        FieldRole::Extra { wire_name } => ("extra", Some(wire_name), None),
        FieldRole::Header { header } => ("header", None, Some(header)),
        FieldRole::ExtraAndHeader { wire_name, header } => {
            ("extra_and_header", Some(wire_name), Some(header))
        }
        FieldRole::Headers => ("headers", None, None),
        FieldRole::Source => ("source", None, None),
        FieldRole::Flatten => ("flatten", None, None),
        FieldRole::Status => ("status", None, None),
        FieldRole::Code => ("code", None, None),
        FieldRole::Errcode => ("errcode", None, None),
        FieldRole::ErrorType => ("error_type", None, None),
        FieldRole::ErrorSubtype => ("error_subtype", None, None),
        FieldRole::Detail => ("detail", None, None),
        FieldRole::TraceId => ("trace_id", None, None),
        FieldRole::Instance => ("instance", None, None),
        // Sent as Djblets' `fields` or a problem's `errors`, by format.
        FieldRole::FieldErrors => ("field_errors", None, None),
        FieldRole::Context => ("context", None, None),
        FieldRole::Skip => ("skip", None, None),
    }
}

/// The names a message template shows, in order, each once: `{name}` and `{name:spec}`;
/// `{{` and `}}` are braces.
pub fn placeholders(template: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let mut rest = template;
    while let Some(brace) = rest.find(['{', '}']) {
        let from_brace = &rest[brace..];
        if from_brace.starts_with("{{") || from_brace.starts_with("}}") {
            rest = &from_brace[2..];
            continue;
        }
        match from_brace
            .strip_prefix('{')
            .and_then(|inner| inner.split_once('}'))
        {
            Some((inner, after)) => {
                let name = inner.split(':').next().unwrap_or_default().trim();
                if !names.iter().any(|known| known == name) {
                    names.push(name.to_owned());
                }
                rest = after;
            }
            None => rest = &from_brace[1..],
        }
    }
    names
}

/// Why a contract document could not be read.
#[derive(Debug)]
pub struct ContractError {
    path: Option<PathBuf>,
    problem: ContractProblem,
}

/// What is wrong with a contract document.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ContractProblem {
    /// The file could not be read or written.
    Io(String),
    /// The text is not JSON.
    NotJson(String),
    /// The document follows a newer schema than this build knows.
    NewerSchema {
        /// The document's `schema_version`.
        found: u64,
    },
    /// A required member is missing.
    MissingMember {
        /// Where: `the document`, or `errors[3] (Type::Variant)`.
        at: String,
        /// The member's name.
        member: &'static str,
    },
    /// A member has a value of the wrong kind.
    Invalid {
        /// Where, as for `MissingMember`.
        at: String,
        /// What is wrong.
        message: String,
    },
    /// Two errors have the same name.
    DuplicateName(String),
}

impl ContractError {
    /// The file, when the document was read from one.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// What is wrong.
    pub fn problem(&self) -> &ContractProblem {
        &self.problem
    }

    /// This error, said of the file at `path`.
    pub fn in_file(mut self, path: impl Into<PathBuf>) -> Self {
        self.path = Some(path.into());
        self
    }

    pub(crate) fn io(path: &Path, error: &std::io::Error) -> Self {
        ContractError {
            path: Some(path.to_owned()),
            problem: ContractProblem::Io(error.to_string()),
        }
    }
}

impl fmt::Display for ContractError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.path {
            Some(path) => write!(f, "{}: {}", path.display(), self.problem),
            None => write!(f, "contract: {}", self.problem),
        }
    }
}

impl std::error::Error for ContractError {}

impl fmt::Display for ContractProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ContractProblem::Io(error) => write!(f, "cannot read or write the file: {error}"),
            ContractProblem::NotJson(error) => write!(f, "not JSON: {error}"),
            ContractProblem::NewerSchema { found } => write!(
                f,
                "schema_version {found} is newer than this errwire reads ({SCHEMA_VERSION}): update errwire"
            ),
            ContractProblem::MissingMember { at, member } => {
                write!(f, "{at} has no member `{member}`")
            }
            ContractProblem::Invalid { at, message } => write!(f, "{at}: {message}"),
            ContractProblem::DuplicateName(name) => {
                write!(
                    f,
                    "two errors are named `{name}`: names identify errors, one each"
                )
            }
        }
    }
}

/// The members every error has, and every field.
const ERROR_MEMBERS: [&str; 6] = [
    "name",
    "format",
    "status",
    "message",
    "placeholders",
    "fields",
];
const FIELD_MEMBERS: [&str; 3] = ["name", "type", "role"];

fn read(text: &str) -> Result<Contract, ContractProblem> {
    let document: Value =
        serde_json::from_str(text).map_err(|error| ContractProblem::NotJson(error.to_string()))?;
    let root = "the document";
    let Value::Object(members) = &document else {
        return Err(invalid(root, "expected an object"));
    };
    let version = members
        .get("schema_version")
        .ok_or_else(|| missing(root, "schema_version"))?;
    let version = version
        .as_u64()
        .filter(|version| *version > 0)
        .ok_or_else(|| invalid(root, "`schema_version` is not a positive integer"))?;
    if version > SCHEMA_VERSION {
        return Err(ContractProblem::NewerSchema { found: version });
    }
    let listed = members
        .get("errors")
        .ok_or_else(|| missing(root, "errors"))?;
    let Value::Array(listed) = listed else {
        return Err(invalid(root, "`errors` is not an array"));
    };
    let mut errors = Vec::with_capacity(listed.len());
    for (index, value) in listed.iter().enumerate() {
        let at = match value.get("name").and_then(Value::as_str) {
            Some(name) => format!("errors[{index}] (`{name}`)"),
            None => format!("errors[{index}]"),
        };
        let Value::Object(error) = value else {
            return Err(invalid(&at, "expected an object"));
        };
        if let Some(member) = ERROR_MEMBERS.iter().find(|m| !error.contains_key(**m)) {
            return Err(missing(&at, member));
        }
        if let Some(Value::Array(fields)) = error.get("fields") {
            for (field_index, field) in fields.iter().enumerate() {
                let field_at = format!("{at}, fields[{field_index}]");
                let Value::Object(field) = field else {
                    return Err(invalid(&field_at, "expected an object"));
                };
                if let Some(member) = FIELD_MEMBERS.iter().find(|m| !field.contains_key(**m)) {
                    return Err(missing(&field_at, member));
                }
            }
        }
        let error =
            ErrorContract::deserialize(value).map_err(|error| invalid(&at, &error.to_string()))?;
        errors.push(error);
    }
    unique_names(&errors)?;
    Ok(Contract {
        schema_version: version,
        errors,
    })
}

fn unique_names(errors: &[ErrorContract]) -> Result<(), ContractProblem> {
    let mut seen = std::collections::HashSet::new();
    match errors
        .iter()
        .find(|error| !seen.insert(error.name.as_str()))
    {
        Some(error) => Err(ContractProblem::DuplicateName(error.name.clone())),
        None => Ok(()),
    }
}

fn missing(at: &str, member: &'static str) -> ContractProblem {
    ContractProblem::MissingMember {
        at: at.to_owned(),
        member,
    }
}

fn invalid(at: &str, message: &str) -> ContractProblem {
    ContractProblem::Invalid {
        at: at.to_owned(),
        message: message.to_owned(),
    }
}

#[cfg(test)]
mod tests;
