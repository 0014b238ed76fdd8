//! Declared in a later step.

use crate::registry::Entry;

/// The registry entries of this module.
pub(crate) fn entries() -> Vec<Entry> {
    Vec::new()
}

/// What the catalog page says about this module beyond its table.
pub const NOTES: &[&str] = &[];
