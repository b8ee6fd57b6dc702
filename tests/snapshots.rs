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

/// `claims diff` of two fixture folders (tests/fixtures/diff): a figure
/// changed into a conflict, a retraction, a rename, a move and a new
/// event, in every format and at 80 columns.
#[test]
fn diff_of_two_folders_every_format() {
    // Relative paths, from the crate's folder: the snapshots name them.
    let (old, new) = ("tests/fixtures/diff/old", "tests/fixtures/diff/new");
    let here = env!("CARGO_MANIFEST_DIR");
    for format in ["table", "markdown", "csv", "json", "jsonl"] {
        let out = Claims::new()
            .current_dir(here)
            .args(["diff", old, new, "--format", format])
            .fails(1);
        insta::assert_snapshot!(format!("diff_{format}"), out.stdout);
    }
    let stat = Claims::new()
        .current_dir(here)
        .args(["--width", "80", "diff", old, new, "--stat"])
        .fails(1);
    insta::assert_snapshot!("diff_stat_at_80_columns", stat.stdout);
    let detail = Claims::new()
        .current_dir(here)
        .args(["--width", "80", "diff", old, new])
        .fails(1);
    insta::assert_snapshot!("diff_at_80_columns", detail.stdout);
}

/// `check` in the CI formats on a folder with problems.
#[test]
fn check_ci_formats() {
    for format in ["github", "junit", "sarif", "jsonl"] {
        let out = Claims::new()
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args(["check", "tests/fixtures/diff/broken", "--format", format])
            .fails(2);
        insta::assert_snapshot!(format!("check_{format}"), out.stdout);
    }
}
