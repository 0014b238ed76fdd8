//! The CI gate: a committed contract file, and a test that fails when the declared errors
//! would break a client written against it.

use std::fmt;
use std::path::{Path, PathBuf};

use super::{Catalogs, Contract, ContractError, Report, diff};

/// The environment variable that asks [`assert_compatible`] to rewrite the contract file:
/// `ERRWIRE_CONTRACT=overwrite cargo test`, as `TRYBUILD=overwrite` does for trybuild.
pub const UPDATE_VAR: &str = "ERRWIRE_CONTRACT";

/// What [`check_compatible`] did.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Checked {
    /// The file was missing, or an update was asked for: it now holds the contract.
    Written,
    /// The file holds exactly the declared contract.
    Unchanged,
    /// The declared errors differ from the file, compatibly; the file is left as it was.
    Compatible(Report),
}

/// Why [`check_compatible`] failed.
#[derive(Debug)]
#[non_exhaustive]
pub enum ContractFailure {
    /// The contract file could not be read or written, or is not a contract; or the declared
    /// errors repeat a name.
    Contract(ContractError),
    /// The declared errors would break clients of the committed contract.
    Breaking {
        /// The contract file.
        path: PathBuf,
        /// Every change, the breaking ones marked.
        report: Report,
    },
}

impl fmt::Display for ContractFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ContractFailure::Contract(error) => write!(f, "{error}"),
            ContractFailure::Breaking { path, report } => write!(
                f,
                "the declared errors break the contract in {}: {report}\n\
                 If the break is intended (a new major version), record the new contract with \
                 `{UPDATE_VAR}=overwrite cargo test` and commit it.",
                path.display()
            ),
        }
    }
}

impl std::error::Error for ContractFailure {}

impl From<ContractError> for ContractFailure {
    fn from(error: ContractError) -> Self {
        ContractFailure::Contract(error)
    }
}

/// Compares the errors of `C` (a type deriving `ApiError`, or a tuple of them) with the
/// contract file at `path` (relative paths are from the current directory: under
/// `cargo test`, the package's root). Writes the file when it is missing or when
/// `ERRWIRE_CONTRACT=overwrite` is set; fails when a change is breaking.
pub fn check_compatible<C: Catalogs + ?Sized>(
    path: impl AsRef<Path>,
) -> Result<Checked, ContractFailure> {
    let overwrite = std::env::var(UPDATE_VAR).is_ok_and(|value| value == "overwrite");
    check(&Contract::of::<C>(), path.as_ref(), overwrite)
}

/// [`check_compatible`] of the `declared` contract, rewriting the file if `overwrite`.
pub(crate) fn check(
    declared: &Contract,
    path: &Path,
    overwrite: bool,
) -> Result<Checked, ContractFailure> {
    declared
        .check_names()
        .map_err(|error| error.in_file(path))?;
    if overwrite || !path.exists() {
        std::fs::write(path, declared.to_json())
            .map_err(|error| ContractError::io(path, &error))?;
        return Ok(Checked::Written);
    }
    let committed = Contract::read(path)?;
    let report = diff(&committed, declared);
    if report.is_breaking() {
        Err(ContractFailure::Breaking {
            path: path.to_owned(),
            report,
        })
    } else if report.is_empty() {
        Ok(Checked::Unchanged)
    } else {
        Ok(Checked::Compatible(report))
    }
}

/// The CI gate: [`check_compatible`] in a test, failing it with the report of breaking
/// changes. Compatible changes pass, and are printed.
///
/// ```no_run
/// # use errwire::ApiError;
/// # #[derive(Debug, ApiError)]
/// # #[api_error(format = "matrix")]
/// # enum MyErrors { #[api_error(http = 404, errcode = "M_NOT_FOUND", message = "Not found")] NotFound }
/// // In the crate's tests, as a `#[test]`:
/// fn the_error_contract_holds() {
///     errwire::contract::assert_compatible::<MyErrors>("errors.contract.json");
/// }
/// ```
#[track_caller]
pub fn assert_compatible<C: Catalogs + ?Sized>(path: impl AsRef<Path>) {
    let path = path.as_ref();
    match check_compatible::<C>(path) {
        Ok(Checked::Written) => eprintln!("errwire: wrote the error contract {}", path.display()),
        Ok(Checked::Unchanged) => {}
        Ok(Checked::Compatible(report)) => eprintln!(
            "errwire: compatible changes to the error contract {}: {report}\
             Record them with `{UPDATE_VAR}=overwrite cargo test`.",
            path.display()
        ),
        Err(failure) => panic!("{failure}"),
    }
}
