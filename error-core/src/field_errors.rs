//! Several field errors in one response: [`FieldErrors`], which a handler fills and each
//! format writes in its own convention.

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

/// What is wrong with the fields of a request, one entry per problem: where (a JSON Pointer
/// into the request body, RFC 6901: `/title`, `/items/0/name`) and what. A field marked
/// `#[api_error(field_errors)]` holds one; each format writes it as its protocol does:
///
/// | format | member |
/// |---|---|
/// | `djblets` | `"fields": {"title": ["This field is required."]}`, by field name (the pointer without its `/`) |
/// | `problem` | `"errors": [{"detail": "This field is required.", "pointer": "/title"}]`, as RFC 9457's example of several problems |
/// | `matrix` | none: the Matrix specification has no member for it, so only the message is sent |
///
/// Empty, it writes nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FieldErrors {
    errors: Vec<FieldError>,
}

/// One problem with one field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    /// Where: a JSON Pointer into the request body (`/title`).
    pub pointer: String,
    /// What is wrong, for the caller.
    pub detail: String,
}

impl FieldErrors {
    /// No errors yet.
    pub fn new() -> Self {
        FieldErrors::default()
    }

    /// Adds that the field at `pointer` (`/title`) is wrong, as `detail` says.
    pub fn push(&mut self, pointer: impl Into<String>, detail: impl Into<String>) -> &mut Self {
        self.errors.push(FieldError {
            pointer: pointer.into(),
            detail: detail.into(),
        });
        self
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    /// The errors, in the order they were added.
    pub fn iter(&self) -> impl Iterator<Item = &FieldError> {
        self.errors.iter()
    }

    /// Djblets' `fields`: each field's details under its name, fields in the order they were
    /// first added.
    pub(crate) fn by_name(&self) -> ByName<'_> {
        ByName(self)
    }

    /// RFC 9457's `errors`: `{detail, pointer}` objects.
    pub(crate) fn as_list(&self) -> AsList<'_> {
        AsList(self)
    }
}

/// The name a pointer gives a form field: its tokens unescaped (`~1` is `/`, `~0` is `~`),
/// joined by `.` (`/items/0/name` is `items.0.name`).
fn field_name(pointer: &str) -> String {
    pointer
        .strip_prefix('/')
        .unwrap_or(pointer)
        .split('/')
        .map(|token| token.replace("~1", "/").replace("~0", "~"))
        .collect::<Vec<_>>()
        .join(".")
}

pub(crate) struct ByName<'a>(&'a FieldErrors);

impl Serialize for ByName<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut names: Vec<(String, Vec<&str>)> = Vec::new();
        for error in self.0.iter() {
            let name = field_name(&error.pointer);
            match names.iter_mut().find(|(known, _)| *known == name) {
                Some((_, details)) => details.push(&error.detail),
                None => names.push((name, vec![&error.detail])),
            }
        }
        let mut map = serializer.serialize_map(Some(names.len()))?;
        for (name, details) in &names {
            map.serialize_entry(name, details)?;
        }
        map.end()
    }
}

pub(crate) struct AsList<'a>(&'a FieldErrors);

impl Serialize for AsList<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        struct One<'e>(&'e FieldError);
        impl Serialize for One<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut map = serializer.serialize_map(Some(2))?;
                map.serialize_entry("detail", &self.0.detail)?;
                map.serialize_entry("pointer", &self.0.pointer)?;
                map.end()
            }
        }
        let mut seq = serializer.serialize_seq(Some(self.0.errors.len()))?;
        for error in self.0.iter() {
            seq.serialize_element(&One(error))?;
        }
        seq.end()
    }
}

#[cfg(test)]
mod tests {
    use super::field_name;

    #[test]
    fn pointers_name_fields() {
        assert_eq!(field_name("/title"), "title");
        assert_eq!(field_name("/items/0/name"), "items.0.name");
        assert_eq!(field_name("/a~1b/c~0d"), "a/b.c~d");
    }
}
