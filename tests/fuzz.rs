//! The fuzz target's path on stable: kept fuzz inputs as regression tests, and
//! proptest-generated datasets through loading, comparison and every renderer.

use claims::exercise::{self, generate, Depth};
use proptest::prelude::*;

#[test]
fn kept_fuzz_inputs_do_not_panic() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fuzz-regressions");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "md") {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        if let Err(e) = exercise::all(&bytes, Depth::Every) {
            panic!("{}: {e}", path.display());
        }
        n += 1;
    }
    assert!(n >= 1);
}

/// The shipped folder, unchanged, reaches every renderer without a problem.
#[test]
fn the_shipped_events_go_through_every_renderer_cleanly() {
    let outcome = exercise::shipped_with(0, shipped_event(0).0, Depth::Every).unwrap();
    assert_eq!(outcome.diagnostics, 0);
    assert_eq!(outcome.compared, 3);
    assert!(outcome.claims > 60);
}

/// Cases per property of whole folders: each case writes, loads and renders
/// a folder 18 ways, so `cargo test` runs a few and `PROPTEST_CASES=32` (or
/// more) the full count on demand; `cargo +nightly fuzz` runs the same path
/// for hours.
fn cases(default: u32) -> ProptestConfig {
    let asked = std::env::var("PROPTEST_CASES").ok();
    ProptestConfig::with_cases(asked.and_then(|n| n.parse().ok()).unwrap_or(default))
}

proptest! {
    #![proptest_config(cases(10))]

    /// The structured generator's datasets are valid by construction: every
    /// one loads cleanly and goes through every comparison and renderer.
    #[test]
    fn generated_datasets_load_compare_and_render(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        let outcome = exercise::generated(&bytes, Depth::Every).map_err(TestCaseError::fail)?;
        prop_assert_eq!(outcome.diagnostics, 0, "{:?}", generate::dataset(&bytes));
        prop_assert!(outcome.compared >= 1);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        exercise::all(&bytes, Depth::Every).map_err(TestCaseError::fail)?;
    }

    /// One byte of a shipped event file changed, in the shipped folder with
    /// its document texts: loading, and when it still loads, every comparison.
    #[test]
    fn mutated_shipped_data_never_panics(which in 0u8..3, pos in 0usize..20_000, byte in any::<u8>()) {
        let (bytes, _) = shipped_event(which);
        let mut bytes = bytes.to_vec();
        let at = pos % bytes.len();
        bytes[at] = byte;
        exercise::shipped_with(which, &bytes, Depth::Every).map_err(TestCaseError::fail)?;
    }

    /// One number of a shipped event file changed: the data still loads
    /// (mostly), so the comparison meets figures it was never written for.
    #[test]
    fn shipped_data_with_a_number_changed_compares(which in 0u8..3, nth in 0usize..400, value in 0u32..100_000) {
        let (bytes, _) = shipped_event(which);
        let text = String::from_utf8(bytes.to_vec()).unwrap();
        let changed = replace_nth_number(&text, nth, value);
        exercise::shipped_with(which, changed.as_bytes(), Depth::Every).map_err(TestCaseError::fail)?;
    }
}

/// The shipped event file `shipped_with(which, ..)` replaces.
fn shipped_event(which: u8) -> (&'static [u8], &'static str) {
    let events: Vec<_> = claims::load::input::embedded_everything()
        .iter()
        .filter(|(p, _)| p.ends_with(".toml") && !claims::load::input::SHARED_FILES.contains(p))
        .collect();
    let (p, b) = events[usize::from(which) % events.len()];
    (b, p)
}

/// Replaces the `nth` (cyclically) figure value `= 123` with `value`.
fn replace_nth_number(text: &str, nth: usize, value: u32) -> String {
    let spots: Vec<(usize, usize)> = text
        .match_indices("= ")
        .filter_map(|(i, _)| {
            let start = i + 2;
            let len = text[start..].bytes().take_while(u8::is_ascii_digit).count();
            (len > 0 && !text[start + len..].starts_with('-')).then_some((start, start + len))
        })
        .collect();
    if spots.is_empty() {
        return text.to_string();
    }
    let (a, b) = spots[nth % spots.len()];
    format!("{}{value}{}", &text[..a], &text[b..])
}

/// How far inputs of each kind go: the share that reaches the comparison is
/// printed (`cargo test --test fuzz -- --nocapture`) and must be most of the
/// generated and number-changed inputs.
#[test]
fn most_inputs_reach_the_comparison() {
    let mut rng = 0x2545_f491_4f6c_dd1du64;
    let mut next = move || {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        rng
    };
    let runs = 60;
    let mut reached = [0usize; 3];
    for i in 0..runs {
        let bytes: Vec<u8> = (0..300).map(|_| next() as u8).collect();
        reached[0] += usize::from(
            exercise::generated(&bytes, Depth::One(i as u8))
                .unwrap()
                .compared
                > 0,
        );
        let which = (i % 3) as u8;
        let (shipped, _) = shipped_event(which);
        let changed = replace_nth_number(
            std::str::from_utf8(shipped).unwrap(),
            next() as usize % 400,
            next() as u32 % 1000,
        );
        reached[1] += usize::from(
            exercise::shipped_with(which, changed.as_bytes(), Depth::One(i as u8))
                .unwrap()
                .compared
                > 0,
        );
        let mut mutated = shipped.to_vec();
        let at = next() as usize % mutated.len();
        mutated[at] = next() as u8;
        reached[2] += usize::from(
            exercise::shipped_with(which, &mutated, Depth::One(i as u8))
                .unwrap()
                .compared
                > 0,
        );
    }
    println!(
        "reached the comparison: generated {}/{runs}, one number changed {}/{runs}, one byte changed {}/{runs}",
        reached[0], reached[1], reached[2]
    );
    assert_eq!(reached[0], runs, "every generated dataset is valid");
    assert!(
        reached[1] * 2 > runs,
        "most number changes keep the data valid"
    );
}

proptest! {
    #[test]
    fn dates_never_panic(text in "(by )?[0-9]{0,5}(-[0-9é]{0,3}){0,3}(T[0-9:é]{0,9})?([+-Z][0-9:é]{0,6})?(/[0-9T:+-]{0,20})?") {
        let _ = claims::model::when::parse_when(&text);
    }

    #[test]
    fn any_text_as_a_date_never_panics(text in "\\PC{0,40}") {
        let _ = claims::model::when::parse_when(&text);
    }
}

proptest! {
    #![proptest_config(cases(10))]

    /// A sheet of any bytes, or a sheet of the template's columns with any
    /// cells: refused, or an event file that loads without a problem.
    #[test]
    fn any_sheet_is_refused_or_imports_into_a_sound_file(
        bytes in prop::collection::vec(any::<u8>(), 0..400),
        cells in prop::collection::vec("[a-z0-9 ,\"'=-]{0,12}", 23),
    ) {
        claims::exercise::entry::sheet(&bytes).map_err(TestCaseError::fail)?;
        let template = claims::exercise::entry::template();
        let header = template.lines().next().unwrap_or_default();
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(&cells).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let row = String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default();
        claims::exercise::entry::sheet(format!("{header}\n{row}").as_bytes()).map_err(TestCaseError::fail)?;
    }

    /// A text and a near quote of it: the hint never shows more than a few
    /// characters past what the quote matched.
    #[test]
    fn a_quote_hint_never_reads_on(text in "[a-zA-Z ’'-]{0,200}", cut in 0usize..200, tail in "[a-zA-Z ]{0,8}") {
        let start = text.char_indices().nth(cut.min(text.chars().count())).map_or(text.len(), |(i, _)| i);
        let quote = format!("{}{tail}", &text[..start]);
        let bytes = [text.as_bytes(), b"\0", quote.as_bytes()].concat();
        claims::exercise::entry::quote_hint(&bytes).map_err(TestCaseError::fail)?;
    }
}

/// The template (refused: its event is made up) and two of its rows set
/// in a shipped event (imported, and the file written loads cleanly).
#[test]
fn the_template_goes_through_import_both_ways() {
    let template = claims::exercise::entry::template();
    claims::exercise::entry::sheet(template.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    let rows: Vec<String> = template
        .lines()
        .take(3)
        .map(|l| l.replace("my-event,", "kilisali-2021,"))
        .collect();
    let sheet = rows.join("\n") + "\n";
    claims::exercise::entry::sheet(sheet.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
}
