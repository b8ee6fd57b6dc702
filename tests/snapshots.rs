//! Snapshots of `compare --by party --reconcile range`, every format of
//! `list`, `events`, `sources` and every command at 80 and 120 columns on
//! the shipped data. `compare`'s every format per event is in `golden.rs`.

mod common;
use common::*;

#[test]
fn compare_kilisali_by_party_with_range() {
    let out = output(&[
        "compare",
        "kilisali-2021",
        "--by",
        "party",
        "--reconcile",
        "range",
    ]);
    insta::assert_snapshot!(out);
}

#[test]
fn list_armenia_mod_every_format() {
    for format in ["table", "markdown", "csv", "tsv", "json"] {
        let out = output(&["list", "--source", "armenia-mod", "--format", format]);
        insta::assert_snapshot!(format!("list_armenia_mod_{format}"), out);
    }
}

#[test]
fn events_and_sources_tables() {
    insta::assert_snapshot!(output(&["events"]));
    insta::assert_snapshot!(output(&["sources", "--format", "markdown"]));
}

/// What a reader sees at 80 and 120 columns (`--width`, so the layout is
/// the terminal's without depending on one): tables that fit, blocks where
/// they cannot, prose wrapped at a space.
#[test]
fn every_command_at_80_and_120_columns() {
    let commands: [(&str, &[&str]); 6] = [
        ("compare", &["compare", "kilisali-2021"]),
        ("list", &["list", "--source", "armenia-mod"]),
        ("show", &["show", "kil-armenia-enemy-killed-or-wounded"]),
        ("stats", &["stats"]),
        ("events", &["events"]),
        ("sources", &["sources"]),
    ];
    for width in ["80", "120"] {
        for (name, args) in commands {
            let mut all = vec!["--width", width];
            all.extend_from_slice(args);
            insta::assert_snapshot!(format!("{name}_at_{width}_columns"), output(&all));
        }
    }
}
