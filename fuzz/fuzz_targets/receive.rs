//! Arbitrary status, header and body bytes through every reader of received errors
//! (`error_catalog::classify::read_arbitrary`): nothing may panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| error_catalog::classify::read_arbitrary(data));
