//! Arbitrary status, header and body bytes through every reader of received errors
//! (`read_arbitrary`, shared with errwire-catalog's `fuzz_regressions` test): nothing may panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

// The harness lives with the tests of the crate it exercises, outside its public API.
#[path = "../../error-catalog/tests/harness/mod.rs"]
mod harness;

fuzz_target!(|data: &[u8]| harness::read_arbitrary(data));
