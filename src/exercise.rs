//! Drives one data file through every stage: loading, checking, comparison
//! of each event under each option, and every renderer. The fuzz target and
//! the fuzz regression tests call this, so both test the same path.

use std::io;

use crate::cmd;
use crate::compare::{self, Grouping, Options, Reconcile};
use crate::load;
use crate::render::output::{Format, Style};
use crate::view::View;

const FORMATS: [Format; 5] = [
    Format::Table,
    Format::Markdown,
    Format::Csv,
    Format::Tsv,
    Format::Json,
];

/// Returns how many diagnostics the bytes produced (0 for a clean file).
pub fn all(bytes: &[u8]) -> usize {
    let checked = load::check_text("input.toml", bytes);
    for d in &checked.diagnostics {
        // Rendering a diagnostic must not panic either.
        let _ = d.to_string();
    }
    if !checked.diagnostics.is_empty() {
        return checked.diagnostics.len();
    }
    let ds = checked.dataset;
    let mut sink = io::sink();
    for event in &ds.events {
        for (by, reconcile, history) in [
            (Grouping::Source, None, false),
            (Grouping::Party, Some(Reconcile::Range), true),
            (Grouping::Source, Some(Reconcile::Conservative), false),
        ] {
            let cmp = compare::compare(
                &ds,
                event,
                Options {
                    by,
                    as_of: None,
                    reconcile,
                },
            );
            for format in FORMATS {
                let _ = cmd::compare::render(&ds, &cmp, history, &Style::plain(format), &mut sink);
            }
            let view = View::new(&ds, &cmp, history);
            let _ = crate::report::markdown::write(&mut sink, &ds, &view);
        }
    }
    for format in FORMATS {
        let _ = cmd::list::render(
            &ds,
            &cmd::list::Filters::default(),
            &Style::plain(format),
            &mut sink,
        );
    }
    0
}
