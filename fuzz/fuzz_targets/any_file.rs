//! Arbitrary bytes as the only data file beside the shipped vocabulary.
#![no_main]

use claims::exercise::Depth;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(e) = claims::exercise::all(data, Depth::One(data.len() as u8)) {
        panic!("{e}");
    }
});
