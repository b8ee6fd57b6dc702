//! Bytes as one of the shipped event files, in the shipped folder with its
//! document texts (the first byte picks the file): loading, checking, and
//! when the data still loads, every comparison, renderer and command.
//! Seeds: the shipped event files (see `fuzz/seeds.sh`).
#![no_main]

use claims::exercise::Depth;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&which, bytes)) = data.split_first() else {
        return;
    };
    if let Err(e) = claims::exercise::shipped_with(which, bytes, Depth::One(which / 3)) {
        panic!("{e}");
    }
});
