//! A document text and a quote of it (split at the first NUL) through the
//! nearest-passage search: no panic, and no hint shows more of the text
//! than a few characters past what the quote matched.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(e) = claims::exercise::entry::quote_hint(data) {
        panic!("{e}");
    }
});
