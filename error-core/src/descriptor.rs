//! The static description of an error: what a catalog declares, readable in `const` context.

use http::StatusCode;

use crate::wire::WireFormat;

/// A hook that adds headers computed from the request being answered, as Djblets' callable
/// `headers` does for `WWW-Authenticate`. The request is `None` when rendering outside a request.
pub type HeaderHook = fn(Option<&http::request::Parts>, &mut http::HeaderMap);

/// How a field of an error travels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldRole {
    /// Serialized into the body under `wire_name`.
    Extra {
        /// The key in the body.
        wire_name: &'static str,
    },
    /// Sent as the HTTP header `header`.
    Header {
        /// The header name as declared.
        header: &'static str,
    },
    /// Serialized into the body and sent as a header.
    ExtraAndHeader {
        /// The key in the body.
        wire_name: &'static str,
        /// The header name as declared.
        header: &'static str,
    },
    /// A map of header names to values, every one sent (Djblets' `headers`).
    Headers,
    /// Several field errors (`errwire::FieldErrors`), in each format's convention.
    FieldErrors,
    /// The error's `std::error::Error::source`; never serialized.
    Source,
    /// A map spread over the body's root, replacing members of the same name (Synapse's
    /// `additional_fields`).
    Flatten,
    /// The instance's own HTTP status.
    Status,
    /// The instance's own numeric code.
    Code,
    /// The instance's own errcode.
    Errcode,
    /// The instance's own error type.
    ErrorType,
    /// The instance's own error subtype.
    ErrorSubtype,
    /// Further detail on this occurrence.
    Detail,
    /// The trace id of this occurrence.
    TraceId,
    /// RFC 9457's `instance` of this occurrence.
    Instance,
    /// Only used by the message template; never serialized or sent.
    Context,
    /// Private data: never serialized, sent or formatted.
    Skip,
}

/// One field of an error, as declared.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldDescriptor {
    /// The Rust field name (`"0"`, `"1"`, … for tuple fields).
    pub name: &'static str,
    /// The field's Rust type, as written.
    pub ty: &'static str,
    /// What the field is for.
    pub role: FieldRole,
}

/// The static description of one error: a struct deriving `ApiError` has one, an enum one per
/// variant. Every value here is known at compile time, so catalogs can be checked in `const`
/// context (see [`assert_unique_errors!`](crate::assert_unique_errors)).
#[derive(Clone, Copy, Debug)]
pub struct ErrorDescriptor {
    /// The Rust name: `Type` or `Type::Variant`.
    pub name: &'static str,
    /// The module that declares it (`module_path!()`), which tells apart errors of the same
    /// name in different modules.
    pub module: &'static str,
    /// The numeric code (Djblets' `code`), if any.
    pub code: Option<i64>,
    /// The default HTTP status; an instance may carry its own (see `#[api_error(status)]`).
    pub status: StatusCode,
    /// The Matrix-style errcode (`M_BAD_JSON`), if any.
    pub errcode: Option<&'static str>,
    /// A string equivalent of the code (`resource-does-not-exist`), if any.
    pub error_type: Option<&'static str>,
    /// A finer-grained type, if any.
    pub error_subtype: Option<&'static str>,
    /// The message template, as written (`Field {name} is invalid`).
    pub message: &'static str,
    /// RFC 9457's `title`, a short summary of the problem type; `None` sends the status
    /// phrase (`Not Found`), as RFC 9457 asks of `about:blank` problems.
    pub title: Option<&'static str>,
    /// The doc comment: what the error means.
    pub doc: &'static str,
    /// The wire format the error renders in by default.
    pub format: WireFormat,
    /// The declared fields, in order.
    pub fields: &'static [FieldDescriptor],
    /// The error this one specializes, as a subclass does in Python.
    pub parent: Option<&'static ErrorDescriptor>,
    /// Headers computed from the request, if the error declares any.
    pub headers: Option<HeaderHook>,
    /// The error's documentation page (`doc_url`, or `doc_base` joined with its slug), if
    /// any: the `type` of its RFC 9457 problem details.
    pub doc_url: Option<&'static str>,
    /// Set when the error is `#[deprecated]`: it is leaving the catalog.
    pub deprecated: Option<Deprecation>,
}

/// What `#[deprecated]` on an error says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Deprecation {
    /// The release it was deprecated in, if given.
    pub since: Option<&'static str>,
    /// Why, or what to use instead, if given.
    pub note: Option<&'static str>,
}

impl ErrorDescriptor {
    /// The parent, its parent, and so on, nearest first.
    pub fn ancestors(&self) -> impl Iterator<Item = &'static ErrorDescriptor> {
        core::iter::successors(self.parent, |parent| parent.parent)
    }

    /// Whether this error is `other` or descends from it.
    pub fn is_a(&self, other: &ErrorDescriptor) -> bool {
        self.same_as(other) || self.ancestors().any(|ancestor| ancestor.same_as(other))
    }

    /// Descriptors are identified by their module and Rust name, unique in a program.
    pub fn same_as(&self, other: &ErrorDescriptor) -> bool {
        self.name == other.name && self.module == other.module
    }

    /// Whether some field spreads a map over the body, which may replace its members.
    pub fn has_flatten(&self) -> bool {
        self.fields
            .iter()
            .any(|field| field.role == FieldRole::Flatten)
    }

    /// The field called `name`, if declared.
    pub fn field(&self, name: &str) -> Option<&'static FieldDescriptor> {
        self.fields.iter().find(|field| field.name == name)
    }
}

/// Implemented by a struct deriving `ApiError`: its one descriptor, usable as a `parent`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a `parent`: only a struct that derives `ApiError` can",
    label = "not a struct deriving `ApiError`"
)]
pub trait Described {
    /// The descriptor of this error.
    const DESCRIPTOR: &'static ErrorDescriptor;
}

/// Implemented by every type deriving `ApiError`: the descriptors of all errors it can be
/// (one for a struct, one per variant for an enum), in declaration order.
pub trait Catalog {
    /// Every error of this type.
    const ERRORS: &'static [ErrorDescriptor];
}
