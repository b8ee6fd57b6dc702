//! Arbitrary bytes as a sheet for `claims import`: refused, or an event
//! file that loads without a problem; never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(e) = claims::exercise::entry::sheet(data) {
        panic!("{e}");
    }
});
