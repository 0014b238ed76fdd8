//! A Matrix client's classification: the errcode a homeserver sent, read back as the most
//! specific catalog error, with its fields filled from the body and headers.
//!
//! Synapse's own `to_synapse_error()` (the proxy rules of [`classify`](super::classify))
//! wraps a remote error for relaying; a client wants `M_LIMIT_EXCEEDED` back as
//! `LimitExceededError` with its retry fields. The rules:
//!
//! 1. The body is read as a Matrix error; one that is not (not JSON, no object, no
//!    `errcode`) is kept whole as an [`errwire::WireError`], with its bytes.
//! 2. Every catalog class whose errcode is the received one is a candidate, if the body
//!    fits it (its fields take the members' types) and it can hold the status (a class
//!    whose status is fixed answers only that status). A class beats the `Codes` constant
//!    of the same errcode; the constant answers only when no class fits, and an errcode no
//!    catalog error has (or none that can hold the status) becomes a `SynapseError`
//!    carrying it, its status and every member.
//! 3. Among classes, the one with the most evidence wins: a member, header or message
//!    pattern it declares (`destination` in "Federation denied with …", the
//!    `WWW-Authenticate` of `OAuthInsufficientScopeError`), then a default status equal
//!    to the response's, then the errcode's general class in [`SHARED_ERRCODES`], then the
//!    catalog's order.
//! 4. Whatever the class cannot hold stays with it (see
//!    [`errwire::Classified::into_received`]): the received message is its `Display`, and
//!    every member it does not declare is kept and sent again if it is relayed.
//! 5. `M_LIMIT_EXCEEDED` without `retry_after_ms` in the body takes it from `Retry-After`
//!    (delay-seconds or HTTP-date, counted from the response's arrival). When both are
//!    there, the field keeps the body's value and [`Classification::retry_after`] says
//!    the header's: the Matrix spec (v1.10) deprecates `retry_after_ms` in favour of
//!    `Retry-After`, and ruma does the same.

use std::time::{Duration, SystemTime};

use errwire::{FieldRole, Limits, WireError, WireFormat};
use serde_json::{Map, Value};

use super::{Classification, ClassifyError, Response};
use crate::catalog_error::CatalogError;
use crate::registry::{self, Entry, System};

/// The errcodes several catalog classes share, with the class that answers when nothing in
/// the response points at another (Synapse raises it for the errcode's general case).
pub const SHARED_ERRCODES: &[(&str, &str)] = &[
    // `AuthError(403, msg)` is what Synapse raises for almost every refusal; the others
    // carry evidence (`destination`, scopes, MSC3848's member, status 400).
    ("M_FORBIDDEN", "synapse::AuthError"),
    // `SynapseError(code, msg)` is the base; proxy credentials (401), login (400), store
    // and partial-state (409) errors are told apart by status where theirs is fixed.
    ("M_UNKNOWN", "synapse::SynapseError"),
];

/// The general class of each errcode in [`SHARED_ERRCODES`].
fn general_class(errcode: &str) -> Option<&'static str> {
    SHARED_ERRCODES
        .iter()
        .find(|(shared, _)| *shared == errcode)
        .map(|(_, class)| *class)
}

/// Classifies `response` as a Matrix client would, the response having arrived at `now`
/// (for a `Retry-After` date).
pub(super) fn classify(
    response: &Response,
    limits: &Limits,
    now: SystemTime,
) -> Result<Classification, ClassifyError> {
    let received = response.read(WireFormat::Matrix, limits)?;
    let header_hint = received.retry_after().map(|hint| hint.delay_from(now));
    let body_hint = received
        .error
        .extra
        .get("retry_after_ms")
        .and_then(Value::as_u64)
        .map(Duration::from_millis);
    let retry_after = header_hint.or(body_hint);
    let fields = received.error.extra.clone();
    let mut wire = received.error;
    let errcode = match (&received.fallback, wire.errcode.clone()) {
        (None, Some(errcode)) => errcode,
        _ => return Ok(kept_whole(wire, fields, retry_after)),
    };
    if errcode == "M_LIMIT_EXCEEDED" {
        fill_retry_after(&mut wire, header_hint);
    }
    let error = most_specific(&errcode, &wire, response)
        .or_else(|| generic(&wire, response.status))
        .unwrap_or_else(|| Box::new(wire.clone()));
    Ok(Classification {
        entry: super::entry_of(&*error),
        error,
        fields,
        retry_after,
    })
}

/// The body's `retry_after_ms`, from `Retry-After` when the body has none (absent or
/// `null`).
fn fill_retry_after(wire: &mut WireError, retry_after: Option<Duration>) {
    let in_body = wire
        .extra
        .get("retry_after_ms")
        .is_some_and(|value| !value.is_null());
    if let (false, Some(delay)) = (in_body, retry_after) {
        let ms = u64::try_from(delay.as_millis()).unwrap_or(u64::MAX);
        wire.extra.insert("retry_after_ms".into(), Value::from(ms));
    }
}

/// How well a class fits a response: its evidence, whether its default status is the
/// response's, whether it is the errcode's general class; compared in that order.
type Score = (usize, bool, bool);

/// The candidate with the most evidence (rules 2 and 3), or the errcode's constant.
fn most_specific(
    errcode: &str,
    wire: &WireError,
    response: &Response,
) -> Option<Box<dyn CatalogError>> {
    let candidates = registry::entries().iter().filter(|entry| {
        entry.system == System::Matrix && entry.descriptor.errcode == Some(errcode)
    });
    let (constants, classes): (Vec<&Entry>, Vec<&Entry>) =
        candidates.partition(|entry| entry.name.starts_with("synapse::Codes::"));
    let general = general_class(errcode);
    let mut best: Option<(Score, Box<dyn CatalogError>)> = None;
    // A class whose status is fixed could not say the one received.
    let holds_status =
        |entry: &&Entry| fixed_status(entry).is_none_or(|status| status == response.status);
    for entry in classes.into_iter().filter(holds_status) {
        let Some(error) = (entry.receive)(entry.descriptor, wire.clone()) else {
            continue;
        };
        let score = (
            evidence(entry, wire, response),
            entry.descriptor.status.as_u16() == response.status,
            general == Some(entry.name),
        );
        if best.as_ref().is_none_or(|(top, _)| score > *top) {
            best = Some((score, error));
        }
    }
    if let Some((_, error)) = best {
        return Some(error);
    }
    constants
        .into_iter()
        .filter(holds_status)
        .find_map(|entry| (entry.receive)(entry.descriptor, wire.clone()))
}

/// How many of what only this class declares the response carries: body members, headers,
/// and the fixed text of its message template.
fn evidence(entry: &Entry, wire: &WireError, response: &Response) -> usize {
    let has_header = |name: &str| {
        response
            .headers
            .iter()
            .any(|(received, _)| received.eq_ignore_ascii_case(name))
    };
    let members = entry
        .descriptor
        .fields
        .iter()
        .filter(|field| match field.role {
            FieldRole::Extra { wire_name } => wire.extra.contains_key(wire_name),
            FieldRole::Header { header } => has_header(header),
            FieldRole::ExtraAndHeader { wire_name, header } => {
                wire.extra.contains_key(wire_name) || has_header(header)
            }
            _ => false,
        });
    let message = wire.message.as_deref().unwrap_or_default();
    let pattern = usize::from(matches_template(entry.descriptor.message, message));
    members.count() + pattern
}

/// The status of a class whose status is fixed (no field carries one).
fn fixed_status(entry: &Entry) -> Option<u16> {
    let carries_status = entry
        .descriptor
        .fields
        .iter()
        .any(|field| matches!(field.role, FieldRole::Status));
    (!carries_status).then_some(entry.descriptor.status.as_u16())
}

/// Whether `message` is `template` filled in: a template with some fixed text (not only
/// placeholders) whose fixed parts `message` has, in order, from start to end.
fn matches_template(template: &str, message: &str) -> bool {
    let mut literals = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        literals.push(&rest[..open]);
        match rest[open..].find('}') {
            Some(close) => rest = &rest[open + close + 1..],
            None => return false,
        }
    }
    literals.push(rest);
    if literals.len() < 2 || literals.iter().all(|literal| literal.trim().is_empty()) {
        // Fixed text matches only itself, which says nothing beyond the errcode; a bare
        // placeholder matches anything.
        return false;
    }
    let (first, last) = (literals[0], literals[literals.len() - 1]);
    let Some(mut middle) = message.strip_prefix(first) else {
        return false;
    };
    middle = match middle.strip_suffix(last) {
        Some(middle) => middle,
        None => return false,
    };
    literals[1..literals.len() - 1]
        .iter()
        .all(|literal| match middle.find(literal) {
            Some(at) => {
                middle = &middle[at + literal.len()..];
                true
            }
            None => false,
        })
}

/// An errcode no catalog error has: Synapse's base `SynapseError`, with the errcode, the
/// status, every other member and the trace id.
fn generic(wire: &WireError, status: u16) -> Option<Box<dyn CatalogError>> {
    let entry = registry::entries()
        .iter()
        .find(|entry| entry.name == "synapse::SynapseError")?;
    let mut fields = Map::new();
    fields.insert("code".into(), Value::from(status));
    fields.insert(
        "msg".into(),
        Value::from(wire.message.clone().unwrap_or_default()),
    );
    fields.insert("errcode".into(), Value::from(wire.errcode.clone()));
    if !wire.extra.is_empty() {
        fields.insert(
            "additional_fields".into(),
            Value::Object(wire.extra.clone()),
        );
    }
    // The one value the class has no field for: a trace id (`errwire.trace_id`).
    let overrides = errwire::Overrides {
        trace_id: wire.trace_id.clone().map(Into::into),
        ..errwire::Overrides::default()
    };
    (entry.build)(fields, overrides).ok()
}

fn kept_whole(
    wire: WireError,
    fields: Map<String, Value>,
    retry_after: Option<Duration>,
) -> Classification {
    Classification {
        error: Box::new(wire),
        entry: None,
        fields,
        retry_after,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_template_matches_a_message_of_its_fixed_parts() {
        let template = "Federation denied with {destination}.";
        assert!(matches_template(
            template,
            "Federation denied with evil.org."
        ));
        assert!(!matches_template(template, "Federation denied"));
        assert!(!matches_template("{msg}", "anything"));
        assert!(!matches_template("Forbidden", "Forbidden"));
        assert!(matches_template("a {x} b {y} c", "a 1 b 2 c"));
        assert!(!matches_template("a {x} b {y} c", "a 1 c 2 b"));
    }

    /// Every errcode several classes share is listed, with a class that has it.
    #[test]
    fn every_shared_errcode_names_its_general_class() {
        let mut counts = std::collections::BTreeMap::<&str, Vec<&str>>::new();
        for entry in registry::entries() {
            let class = !entry.name.starts_with("synapse::Codes::");
            if let (System::Matrix, true, Some(errcode)) =
                (entry.system, class, entry.descriptor.errcode)
            {
                counts.entry(errcode).or_default().push(entry.name);
            }
        }
        let shared: Vec<_> = counts
            .iter()
            .filter(|(_, classes)| classes.len() > 1)
            .collect();
        assert_eq!(
            shared
                .iter()
                .map(|(errcode, _)| **errcode)
                .collect::<Vec<_>>(),
            SHARED_ERRCODES
                .iter()
                .map(|(errcode, _)| *errcode)
                .collect::<Vec<_>>(),
            "{shared:?}"
        );
        for (errcode, class) in SHARED_ERRCODES {
            assert!(counts[errcode].contains(class), "{errcode}: {class}");
        }
    }
}
