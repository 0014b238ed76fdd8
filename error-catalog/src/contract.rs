//! The seed catalogs' error contract: every registry entry as an `errwire::contract`
//! error, named by its Rust path in this crate (`synapse::Codes::LimitExceeded`), so that the
//! four catalogs make one contract with unique names. `errwire-catalog contract` prints it,
//! and `CATALOG.md` is written from it ([`markdown`](crate::markdown)).

use errwire::contract::{Contract, ErrorContract};

use crate::registry::{Entry, System, entries, entry_of};

/// The contract of one entry.
pub fn error_of(entry: &Entry) -> ErrorContract {
    let mut error = ErrorContract::from_descriptor(entry.descriptor);
    error.name = entry.name.to_owned();
    error.parent = entry.descriptor.parent.map(|parent| {
        entry_of(parent)
            .map_or(parent.name, |entry| entry.name)
            .to_owned()
    });
    error
}

/// The contract of the given entries, in order.
pub fn of_entries<'a>(selected: impl IntoIterator<Item = &'a Entry>) -> Contract {
    Contract::new(selected.into_iter().map(error_of).collect())
}

/// The contract of one system's catalog, or of all four.
pub fn seed(system: Option<System>) -> Contract {
    of_entries(
        entries()
            .iter()
            .filter(|entry| system.is_none_or(|system| entry.system == system)),
    )
}
