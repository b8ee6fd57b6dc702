//! Arbitrary bytes as a data file, through loading, checking, comparison and every renderer.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    claims::exercise::all(data);
});
