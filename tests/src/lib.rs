//! Workspace-level tests of error-core and its derive.
