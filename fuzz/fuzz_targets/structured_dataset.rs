//! Structured input: the bytes choose a dataset the generator builds (several
//! files, its own vocabulary, documents with texts, every kind of claim); it
//! must load with no problem and go through every comparison and renderer.
#![no_main]

use claims::exercise::Depth;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match claims::exercise::generated(data, Depth::One(data.last().copied().unwrap_or(0))) {
        Ok(outcome) => assert_eq!(
            outcome.diagnostics,
            0,
            "a valid generated dataset was refused: {:?}",
            claims::exercise::generate::dataset(data)
        ),
        Err(e) => panic!("{e}"),
    }
});
