//! Per-instance replacements of catalog values, as Djblets' `WebAPIError.with_overrides` makes.
//!
//! A derive cannot add fields to the user's type, so overrides live in a wrapper,
//! [`Overridden<E>`]: one pointer to the plain error and its [`Overrides`], allocated together.
//! The plain error stays as small as the user declared it (a field-less catalog enum is one
//! byte), the rare overridden error is one pointer whatever the error's size, applying
//! overrides costs one allocation, and the catalog definition is never touched.

use std::borrow::Cow;
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

use http::header::HeaderMap;

use crate::api_error::{ApiError, non_empty};
use crate::descriptor::ErrorDescriptor;
use crate::render::{RenderError, checked_header};

/// A header hook that may capture state, for [`HeaderOverride::Computed`].
pub type DynHeaderHook = dyn Fn(Option<&http::request::Parts>, &mut HeaderMap) + Send + Sync;

/// Headers that replace an error's catalog headers.
#[derive(Clone)]
pub enum HeaderOverride {
    /// A fixed set of headers.
    Fixed(HeaderMap),
    /// Headers computed from the request being answered (Djblets' callable `headers`).
    Computed(Arc<DynHeaderHook>),
}

impl fmt::Debug for HeaderOverride {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HeaderOverride::Fixed(headers) => f.debug_tuple("Fixed").field(headers).finish(),
            HeaderOverride::Computed(_) => f.write_str("Computed(..)"),
        }
    }
}

/// Values that replace an error's catalog values for one instance. Unset (`None`) values keep
/// the catalog's, and so do empty strings, as in Djblets' `with_overrides`.
///
/// ```
/// use errwire::Overrides;
///
/// let overrides = Overrides {
///     message: Some("Slow down".into()),
///     trace_id: Some("abc123".into()),
///     ..Overrides::default()
/// };
/// # let _ = overrides;
/// ```
#[derive(Clone, Debug, Default)]
pub struct Overrides {
    /// The message shown to the caller.
    pub message: Option<Cow<'static, str>>,
    /// Headers that replace the catalog's (field headers are still sent).
    pub headers: Option<HeaderOverride>,
    /// The error subtype.
    pub error_subtype: Option<Cow<'static, str>>,
    /// Further detail on the error.
    pub detail: Option<Cow<'static, str>>,
    /// An identifier to find this occurrence in logs.
    pub trace_id: Option<Cow<'static, str>>,
    /// RFC 9457's `instance`: a URI reference naming this occurrence (problem details only).
    pub instance: Option<Cow<'static, str>>,
    /// Members added to the body's root by every render of this instance (`render`,
    /// `to_response`, axum's `IntoResponse`): what the Matrix spec requires with an errcode
    /// (`admin_contact`, `room_version`, `current_version`, …), or a received error's
    /// members its catalog type does not declare. They follow
    /// [`RenderOptions::extra`](crate::RenderOptions::extra)'s rules, and a render's own
    /// `extra` replaces one of the same name.
    pub extra: Option<serde_json::Map<String, serde_json::Value>>,
}

impl Overrides {
    /// Whether these overrides replace nothing.
    pub fn is_empty(&self) -> bool {
        let Overrides {
            message,
            headers,
            error_subtype,
            detail,
            trace_id,
            instance,
            extra,
        } = self;
        message.is_none()
            && headers.is_none()
            && error_subtype.is_none()
            && detail.is_none()
            && trace_id.is_none()
            && instance.is_none()
            && extra.as_ref().is_none_or(serde_json::Map::is_empty)
    }

    /// Adds a member to the body's root (see [`extra`](Self::extra)); a value that does not
    /// serialize to JSON is [`RenderError::Body`].
    pub fn member(
        mut self,
        name: impl Into<String>,
        value: impl serde::Serialize,
    ) -> Result<Self, RenderError> {
        let value = serde_json::to_value(value).map_err(RenderError::Body)?;
        self.extra
            .get_or_insert_with(serde_json::Map::new)
            .insert(name.into(), value);
        Ok(self)
    }

    /// Overrides that replace only the message.
    pub fn message(message: impl Into<Cow<'static, str>>) -> Self {
        Overrides {
            message: Some(message.into()),
            ..Overrides::default()
        }
    }

    /// Adds a fixed header, checking name and value: a value with CR, LF or another control
    /// character is an error, never a panic.
    pub fn header(mut self, name: &str, value: &str) -> Result<Self, RenderError> {
        let (name, value) = checked_header(name, value)?;
        match &mut self.headers {
            Some(HeaderOverride::Fixed(headers)) => {
                headers.append(name, value);
            }
            _ => {
                let mut headers = HeaderMap::new();
                headers.insert(name, value);
                self.headers = Some(HeaderOverride::Fixed(headers));
            }
        }
        Ok(self)
    }

    /// Replaces the catalog headers with headers computed from the request.
    pub fn computed_headers(
        mut self,
        hook: impl Fn(Option<&http::request::Parts>, &mut HeaderMap) + Send + Sync + 'static,
    ) -> Self {
        self.headers = Some(HeaderOverride::Computed(Arc::new(hook)));
        self
    }

    /// `self` with every value that `newer` sets replaced.
    fn merged_with(mut self, newer: Overrides) -> Self {
        let Overrides {
            message,
            headers,
            error_subtype,
            detail,
            trace_id,
            instance,
            extra,
        } = newer;
        self.message = message.or(self.message);
        self.headers = headers.or(self.headers);
        self.error_subtype = error_subtype.or(self.error_subtype);
        self.detail = detail.or(self.detail);
        self.trace_id = trace_id.or(self.trace_id);
        self.instance = instance.or(self.instance);
        // Members add up: a newer one replaces only the member of its name.
        self.extra = match (self.extra, extra) {
            (Some(mut current), Some(newer)) => {
                current.extend(newer);
                Some(current)
            }
            (current, newer) => newer.or(current),
        };
        self
    }
}

/// An error with some catalog values replaced for this instance. It behaves as the error: it
/// implements [`ApiError`], `Display`, `Error`, `Serialize`, and derefs to the plain error.
///
/// Made by the `with_overrides` and `with_message` methods that `#[derive(ApiError)]` generates.
#[derive(Clone, Debug)]
pub struct Overridden<E> {
    inner: Box<Inner<E>>,
}

/// The plain error and its overrides, in one allocation.
#[derive(Clone, Debug)]
struct Inner<E> {
    error: E,
    overrides: Overrides,
}

impl<E> Overridden<E> {
    /// Wraps `error` with `overrides`.
    pub fn new(error: E, overrides: Overrides) -> Self {
        Overridden {
            inner: Box::new(Inner { error, overrides }),
        }
    }

    /// The plain error, as the catalog defines it.
    pub fn error(&self) -> &E {
        &self.inner.error
    }

    /// The overrides in force.
    pub fn overrides(&self) -> &Overrides {
        &self.inner.overrides
    }

    /// The plain error and the overrides.
    pub fn into_parts(self) -> (E, Overrides) {
        let Inner { error, overrides } = *self.inner;
        (error, overrides)
    }

    /// Replaces further values; values `overrides` leaves unset keep their current override.
    pub fn with_overrides(mut self, overrides: Overrides) -> Self {
        let current = std::mem::take(&mut self.inner.overrides);
        self.inner.overrides = current.merged_with(overrides);
        self
    }

    /// Replaces the message.
    pub fn with_message(mut self, message: impl Into<Cow<'static, str>>) -> Self {
        self.inner.overrides.message = Some(message.into());
        self
    }
}

impl<E> Deref for Overridden<E> {
    type Target = E;

    fn deref(&self) -> &E {
        &self.inner.error
    }
}

impl<E: ApiError> fmt::Display for Overridden<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match non_empty(&self.inner.overrides.message) {
            Some(message) => f.write_str(message),
            None => fmt::Display::fmt(&self.inner.error, f),
        }
    }
}

impl<E: ApiError + std::error::Error> std::error::Error for Overridden<E> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.inner.error.source()
    }
}

impl<E: ApiError> ApiError for Overridden<E> {
    fn descriptor(&self) -> &'static ErrorDescriptor {
        self.inner.error.descriptor()
    }

    fn overrides(&self) -> Option<&Overrides> {
        Some(&self.inner.overrides)
    }
}

/// The rest of what makes `Overridden` its error on the wire is forwarded by
/// `__private::Generated`'s impl for every `Wraps`.
#[doc(hidden)]
impl<E: ApiError> crate::__private::Wraps for Overridden<E> {
    type Inner = E;

    fn wrapped(&self) -> &E {
        &self.inner.error
    }

    fn own_message(&self) -> Option<&str> {
        non_empty(&self.inner.overrides.message)
    }
}

impl<E: ApiError> serde::Serialize for Overridden<E> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.body().serialize(serializer)
    }
}

#[cfg(feature = "axum")]
impl<E: ApiError> axum::response::IntoResponse for Overridden<E> {
    fn into_response(self) -> axum::response::Response {
        crate::axum::into_response(&self)
    }
}
