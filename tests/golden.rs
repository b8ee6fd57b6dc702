//! Golden outputs taken before the layers restructure (issue 10): every JSON
//! `kind`, `check` on every broken fixture, both reports, `show`, `stats`,
//! and `compare` on every shipped event under each option. A restructure must
//! leave all of them unchanged. Listings are snapshotted on one source
//! (`snapshots.rs`), and an option's effect on the figures it changes, so
//! that a fix to one claim rewrites few snapshots.

mod common;
use common::*;

const EVENTS: [&str; 3] = ["kilisali-2021", "september-2022", "tavush-2020"];

#[test]
fn compare_every_event_every_format_and_option() {
    for event in EVENTS {
        for format in ["table", "markdown", "csv", "tsv", "json"] {
            let out = output(&["compare", event, "--format", format]);
            insta::assert_snapshot!(format!("compare_{event}_{format}"), out);
        }
        let out = output(&["compare", event, "--history", "--by", "party"]);
        insta::assert_snapshot!(format!("compare_{event}_history_by_party"), out);
    }
    let out = output(&["compare", "september-2022", "--as-of", "2022-09-13"]);
    insta::assert_snapshot!("compare_september_as_of", out);
}

/// `--reconcile conservative` adds one figure per row: that figure, per row
/// of every event, rather than the whole comparison again.
#[test]
fn the_conservative_figure_of_every_row() {
    let mut lines = Vec::new();
    for event in EVENTS {
        let args = [
            "compare",
            event,
            "--reconcile",
            "conservative",
            "--format",
            "json",
        ];
        let v: serde_json::Value = serde_json::from_str(&output(&args)).expect("JSON");
        for row in v["figures"].as_array().expect("figure rows") {
            let category = row["category"].as_str().map(|c| format!(" ({c})"));
            lines.push(format!(
                "{event} · {} · {}{}: {}",
                row["party"].as_str().unwrap_or("?"),
                row["metric"].as_str().unwrap_or("?"),
                category.unwrap_or_default(),
                row["reconciled"].as_str().unwrap_or("—"),
            ));
        }
    }
    insta::assert_snapshot!("compare_reconciled_conservative", lines.join("\n"));
}

#[test]
fn reports_of_every_event_in_both_formats() {
    for event in EVENTS {
        for format in ["markdown", "html"] {
            let out = output(&["report", event, "--format", format]);
            insta::assert_snapshot!(format!("report_{event}_{format}"), out);
        }
    }
}

#[test]
fn every_json_kind() {
    insta::assert_snapshot!("json_events", output(&["events", "--format", "json"]));
    insta::assert_snapshot!("json_sources", output(&["sources", "--format", "json"]));
    insta::assert_snapshot!("json_check", output(&["check", "--format", "json"]));
    insta::assert_snapshot!("json_stats", output(&["stats", "--format", "json"]));
    for claim in SHOWN {
        let out = output(&["show", claim, "--format", "json"]);
        insta::assert_snapshot!(format!("json_claim_{claim}"), out);
    }
}

/// A figure, a part of a derived sum, a superseded figure, an accusation, a
/// position, an appeal and a relayed claim.
const SHOWN: [&str; 7] = [
    "kil-armenia-enemy-killed-or-wounded",
    "kil-azerbaijan-mod-own-killed",
    "sep22-armenia-pm-killed-49",
    "kil-armenia-accuses-fired-first",
    "kil-azerbaijan-denies-encroachment",
    "kil-us-call-for-talks",
    "tav-lavrov-tension",
];

#[test]
fn show_and_stats_tables() {
    for claim in SHOWN {
        insta::assert_snapshot!(format!("show_{claim}"), output(&["show", claim]));
    }
    insta::assert_snapshot!("stats_table", output(&["stats"]));
    insta::assert_snapshot!("stats_markdown", output(&["stats", "--format", "markdown"]));
}

#[test]
fn check_on_every_broken_fixture() {
    let dir = fixture("broken");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("fixtures")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(names.len() >= 12);
    for name in names {
        let path = format!("tests/fixtures/broken/{name}");
        for format in ["table", "json"] {
            let out = claims()
                .current_dir(env!("CARGO_MANIFEST_DIR"))
                .args(["check", &path, "--format", format])
                .output()
                .expect("runs");
            assert_eq!(out.status.code(), Some(2), "{name}");
            let text = String::from_utf8_lossy(&out.stdout).into_owned();
            insta::assert_snapshot!(format!("check_{name}_{format}"), text);
        }
    }
}

/// Every output of issue 12's fields, on the fixture that has them all.
#[test]
fn every_new_field_in_every_output() {
    let dir = tempfile::tempdir().expect("a folder");
    let fixture = fixture("sources/every-new-field.toml");
    std::fs::copy(&fixture, dir.path().join("every-new-field.toml")).expect("copied");
    let data = dir.path().to_str().expect("a path");
    // The folder's name changes with every run: the snapshots say DATA.
    let name = dir
        .path()
        .file_name()
        .expect("a name")
        .to_string_lossy()
        .into_owned();
    let output = |args: &[&str]| output(args).replace(data, "DATA").replace(&name, "DATA");
    for format in ["table", "markdown", "csv", "json"] {
        let out = output(&["--data", data, "compare", "fx-event", "--format", format]);
        insta::assert_snapshot!(format!("new_fields_compare_{format}"), out);
    }
    for by in ["party", "side"] {
        let out = output(&[
            "--data",
            data,
            "compare",
            "fx-event",
            "--by",
            by,
            "--history",
        ]);
        insta::assert_snapshot!(format!("new_fields_compare_by_{by}"), out);
    }
    let out = output(&["--data", data, "report", "fx-event", "--format", "markdown"]);
    insta::assert_snapshot!("new_fields_report_markdown", out);
    let out = output(&[
        "--data", data, "list", "--event", "fx-event", "--format", "csv",
    ]);
    insta::assert_snapshot!("new_fields_list_csv", out);
    let out = output(&["--data", data, "show", "fx-mission-says"]);
    insta::assert_snapshot!("new_fields_show_withdrawn", out);
}

/// Every output of issue 23's fields, on the fixture that has them all
/// (`tests/fixtures/round-four`).
#[test]
fn every_round_four_field_in_every_output() {
    let data = fixture("round-four");
    let output = |args: &[&str]| {
        let mut all = vec!["--data", data.as_str()];
        all.extend_from_slice(args);
        let out = claims().args(&all).output().expect("runs");
        let code = out.status.code();
        assert!(code == Some(0) || code == Some(1), "{args:?}: {out:?}");
        String::from_utf8_lossy(&out.stdout).replace(&data, "DATA")
    };
    for format in ["table", "markdown", "csv", "tsv", "json"] {
        let out = output(&["compare", "rf-event", "--format", format]);
        insta::assert_snapshot!(format!("round_four_compare_{format}"), out);
    }
    let out = output(&["compare", "rf-event", "--by", "side", "--history"]);
    insta::assert_snapshot!("round_four_compare_by_side", out);
    for format in ["markdown", "html"] {
        let out = output(&["report", "rf-event", "--format", format]);
        insta::assert_snapshot!(format!("round_four_report_{format}"), out);
    }
    for format in ["csv", "json"] {
        let out = output(&["list", "--event", "rf-event", "--format", format]);
        insta::assert_snapshot!(format!("round_four_list_{format}"), out);
    }
    let out = output(&["show", "rf-baku-highland-dead"]);
    insta::assert_snapshot!("round_four_show_reports", out);
    let out = output(&["sources"]);
    insta::assert_snapshot!("round_four_sources", out);
}
