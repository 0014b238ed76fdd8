//! Arbitrary header names, header values and errcodes through the derive's checks, errwire's
//! run-time ones and the errcode table (`check_values`): never a panic, and they agree.
#![no_main]

use libfuzzer_sys::fuzz_target;

// Each target uses its part of the harness.
#[allow(dead_code)]
#[path = "../../error-derive/internals/tests/harness/mod.rs"]
mod harness;

fuzz_target!(|data: &[u8]| {
    if let Err(problem) = harness::check_values(data) {
        panic!("{problem}");
    }
});
