//! Workspace-level tests of errwire and its derive.
