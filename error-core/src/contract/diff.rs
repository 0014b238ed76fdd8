//! The compatibility check: what changed between two contracts, error by error, and which
//! changes break a client.
//!
//! Errors are matched by name. Breaking: an error removed (unless it was deprecated first), a
//! code, errcode, type, subtype, status, format or parent changed, a placeholder removed, a
//! body member removed, of another type or added as required, a header removed or of another
//! type, a documentation URL changed or dropped (it is the problem `type`), a per-instance
//! identity added (the status, code or errcode may then differ from the contract's), a spread
//! map, header map, detail or trace id field removed. Compatible: an error added, removed
//! after deprecation, deprecated, a message's wording, a placeholder, an optional member, a
//! header or a documentation URL added, the doc comment's wording. Fields that never reach
//! the wire (context, source, skip) are not compared.

use std::collections::BTreeSet;
use std::fmt;

use super::{Contract, ErrorContract, FieldContract};

/// One change to one error.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Change {
    /// The error's name.
    pub error: String,
    /// What changed: `error`, `status`, ``member `retry_after_ms` ``, …
    pub subject: String,
    /// How it changed.
    pub kind: ChangeKind,
    /// Whether a client written against the old contract may break.
    pub breaking: bool,
    /// The old value, if it had one worth showing.
    pub old: Option<String>,
    /// The new value, if it has one worth showing.
    pub new: Option<String>,
}

/// How something changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ChangeKind {
    /// It is new.
    Added,
    /// It is gone.
    Removed,
    /// The error is gone, having been deprecated in the old contract.
    RemovedAfterDeprecation,
    /// The error is newly deprecated.
    Deprecated,
    /// Its value is another.
    Changed,
}

/// Every change between two contracts, error by error in the order of the new contract (the
/// removed errors last).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// The changes.
    pub changes: Vec<Change>,
}

impl Report {
    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// The changes that may break a client.
    pub fn breaking(&self) -> impl Iterator<Item = &Change> {
        self.changes.iter().filter(|change| change.breaking)
    }

    /// Whether some change may break a client.
    pub fn is_breaking(&self) -> bool {
        self.breaking().next().is_some()
    }
}

/// What changed from `old` to `new`.
pub fn diff(old: &Contract, new: &Contract) -> Report {
    let mut changes = Vec::new();
    for error in &new.errors {
        match old.error(&error.name) {
            Some(before) => compare(before, error, &mut changes),
            None => changes.push(change(error, "error", ChangeKind::Added, false, None, None)),
        }
    }
    for error in &old.errors {
        if new.error(&error.name).is_some() {
            continue;
        }
        let (kind, breaking) = match error.deprecated {
            Some(_) => (ChangeKind::RemovedAfterDeprecation, false),
            None => (ChangeKind::Removed, true),
        };
        changes.push(change(error, "error", kind, breaking, None, None));
    }
    Report { changes }
}

fn change(
    error: &ErrorContract,
    subject: &str,
    kind: ChangeKind,
    breaking: bool,
    old: Option<String>,
    new: Option<String>,
) -> Change {
    Change {
        error: error.name.clone(),
        subject: subject.to_owned(),
        kind,
        breaking,
        old,
        new,
    }
}

fn compare(old: &ErrorContract, new: &ErrorContract, changes: &mut Vec<Change>) {
    let mut value = |subject: &str, before: Option<String>, after: Option<String>, breaking| {
        if before != after {
            let kind = match (&before, &after) {
                (None, Some(_)) => ChangeKind::Added,
                (Some(_), None) => ChangeKind::Removed,
                _ => ChangeKind::Changed,
            };
            changes.push(change(new, subject, kind, breaking, before, after));
        }
    };
    let text = |value: &Option<String>| value.clone();
    value(
        "code",
        old.code.map(|c| c.to_string()),
        new.code.map(|c| c.to_string()),
        true,
    );
    value("errcode", text(&old.errcode), text(&new.errcode), true);
    value(
        "error_type",
        text(&old.error_type),
        text(&new.error_type),
        true,
    );
    value(
        "error_subtype",
        text(&old.error_subtype),
        text(&new.error_subtype),
        true,
    );
    value(
        "status",
        Some(old.status.to_string()),
        Some(new.status.to_string()),
        true,
    );
    value(
        "format",
        Some(old.format.clone()),
        Some(new.format.clone()),
        true,
    );
    value("parent", text(&old.parent), text(&new.parent), true);
    // A URL given where there was none refines `about:blank`; another or none breaks.
    let url_breaks = old.doc_url.is_some();
    value(
        "doc_url",
        text(&old.doc_url),
        text(&new.doc_url),
        url_breaks,
    );
    value(
        "message",
        Some(old.message.clone()),
        Some(new.message.clone()),
        false,
    );
    for name in &old.placeholders {
        if !new.placeholders.contains(name) {
            changes.push(change(
                new,
                &format!("placeholder `{{{name}}}`"),
                ChangeKind::Removed,
                true,
                None,
                None,
            ));
        }
    }
    for name in &new.placeholders {
        if !old.placeholders.contains(name) {
            changes.push(change(
                new,
                &format!("placeholder `{{{name}}}`"),
                ChangeKind::Added,
                false,
                None,
                None,
            ));
        }
    }
    compare_fields(old, new, changes);
    if old.doc != new.doc {
        changes.push(change(new, "doc", ChangeKind::Changed, false, None, None));
    }
    match (&old.deprecated, &new.deprecated) {
        (None, Some(deprecation)) => {
            let note = [deprecation.since.as_deref(), deprecation.note.as_deref()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(": ");
            let note = (!note.is_empty()).then_some(note);
            changes.push(change(
                new,
                "error",
                ChangeKind::Deprecated,
                false,
                None,
                note,
            ));
        }
        (Some(_), None) => {
            changes.push(change(
                new,
                "deprecation",
                ChangeKind::Removed,
                false,
                None,
                None,
            ));
        }
        _ => {}
    }
}

/// What a field is on the wire, for comparing: a body member, a header, or a role that the
/// error has at most once.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Wire {
    Member(String),
    Header(String),
    Role(String),
}

/// The roles of identity an instance may set: added, the wire may differ from the contract.
const IDENTITY_ROLES: [&str; 5] = ["status", "code", "errcode", "error_type", "error_subtype"];
/// The roles that never reach the wire.
const PRIVATE_ROLES: [&str; 3] = ["context", "source", "skip"];

fn wire_of(field: &FieldContract) -> Vec<(Wire, &FieldContract)> {
    let mut wire = Vec::new();
    if let Some(name) = &field.wire_name {
        wire.push((Wire::Member(name.clone()), field));
    }
    if let Some(header) = &field.header {
        wire.push((Wire::Header(header.to_ascii_lowercase()), field));
    }
    if wire.is_empty() && !PRIVATE_ROLES.contains(&field.role.as_str()) {
        wire.push((Wire::Role(field.role.clone()), field));
    }
    wire
}

fn compare_fields(old: &ErrorContract, new: &ErrorContract, changes: &mut Vec<Change>) {
    let before: Vec<(Wire, &FieldContract)> = old.fields.iter().flat_map(wire_of).collect();
    let after: Vec<(Wire, &FieldContract)> = new.fields.iter().flat_map(wire_of).collect();
    let keys: BTreeSet<&Wire> = before.iter().chain(&after).map(|(wire, _)| wire).collect();
    let find = |list: &[(Wire, &'_ FieldContract)], key: &Wire| {
        list.iter()
            .find(|(wire, _)| wire == key)
            .map(|(_, field)| field.ty.clone())
    };
    for key in keys {
        let (was, is) = (find(&before, key), find(&after, key));
        let (subject, added_breaks, removed_breaks) = match key {
            Wire::Member(name) => (format!("member `{name}`"), None, true),
            Wire::Header(name) => (format!("header `{name}`"), Some(false), true),
            Wire::Role(role) if IDENTITY_ROLES.contains(&role.as_str()) => {
                (format!("per-instance {role}"), Some(true), false)
            }
            Wire::Role(role) => (format!("{role} field"), Some(false), true),
        };
        match (was, is) {
            (Some(was), Some(is)) if normalized(&was) != normalized(&is) => {
                changes.push(change(
                    new,
                    &subject,
                    ChangeKind::Changed,
                    true,
                    Some(was),
                    Some(is),
                ));
            }
            (Some(was), None) => {
                changes.push(change(
                    new,
                    &subject,
                    ChangeKind::Removed,
                    removed_breaks,
                    Some(was),
                    None,
                ));
            }
            (None, Some(is)) => {
                // A body member added is compatible when it may be absent.
                let breaks = added_breaks.unwrap_or_else(|| {
                    !new.fields
                        .iter()
                        .any(|f| f.wire_name.as_deref() == member_name(key) && f.is_optional())
                });
                changes.push(change(
                    new,
                    &subject,
                    ChangeKind::Added,
                    breaks,
                    None,
                    Some(is),
                ));
            }
            _ => {}
        }
    }
}

fn member_name(key: &Wire) -> Option<&str> {
    match key {
        Wire::Member(name) => Some(name),
        _ => None,
    }
}

fn normalized(ty: &str) -> String {
    ty.chars().filter(|c| !c.is_whitespace()).collect()
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = if self.breaking {
            "breaking  "
        } else {
            "compatible"
        };
        let how = match self.kind {
            ChangeKind::Added => "added",
            ChangeKind::Removed => "removed",
            ChangeKind::RemovedAfterDeprecation => "removed after deprecation",
            ChangeKind::Deprecated => "deprecated",
            ChangeKind::Changed => "changed",
        };
        write!(f, "{severity}  {} {how}", self.subject)?;
        match (&self.old, &self.new) {
            (Some(old), Some(new)) => write!(f, ": {old:?} -> {new:?}"),
            (Some(old), None) => write!(f, " (was {old:?})"),
            (None, Some(new)) => write!(f, ": {new:?}"),
            (None, None) => Ok(()),
        }
    }
}

/// The report as CI logs show it: a summary line, then each changed error with its changes.
impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.changes.is_empty() {
            return writeln!(f, "no changes");
        }
        let breaking = self.breaking().count();
        let compatible = self.changes.len() - breaking;
        let mut errors: Vec<&str> = Vec::new();
        for change in &self.changes {
            if !errors.contains(&change.error.as_str()) {
                errors.push(&change.error);
            }
        }
        writeln!(
            f,
            "{breaking} breaking, {compatible} compatible change{} in {} error{}",
            if compatible == 1 { "" } else { "s" },
            errors.len(),
            if errors.len() == 1 { "" } else { "s" },
        )?;
        for error in errors {
            writeln!(f, "\n{error}")?;
            for change in self.changes.iter().filter(|c| c.error == error) {
                writeln!(f, "  {change}")?;
            }
        }
        Ok(())
    }
}
