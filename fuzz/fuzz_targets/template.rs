//! Arbitrary message templates through the derive's reader and errwire's run-time filler
//! (`check_template`): never a panic, and the two agree.
#![no_main]

use libfuzzer_sys::fuzz_target;

// Each target uses its part of the harness.
#[allow(dead_code)]
#[path = "../../error-derive/internals/tests/harness/mod.rs"]
mod harness;

fuzz_target!(|data: &[u8]| {
    if let Err(problem) = harness::check_template(&String::from_utf8_lossy(data)) {
        panic!("{problem}");
    }
});
