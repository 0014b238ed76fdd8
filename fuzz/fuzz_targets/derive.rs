//! Arbitrary text as the item a `#[derive(ApiError)]` is on (`check_derive`, shared with the
//! derive's property tests): never a panic, output that parses, and every error spanned.
#![no_main]

use libfuzzer_sys::fuzz_target;

// Each target uses its part of the harness.
#[allow(dead_code)]
#[path = "../../error-derive/internals/tests/harness/mod.rs"]
mod harness;

fuzz_target!(|data: &[u8]| {
    if let Ok(source) = std::str::from_utf8(data)
        && let Err(problem) = harness::check_derive_any(source)
    {
        panic!("{problem}");
    }
});
