//! `claims list` and output into pipes.

mod common;
use common::*;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

#[test]
fn list_by_source_shows_only_that_source() {
    let (code, out, _) = run(&["list", "--source", "azerbaijan-mod"]);
    assert_eq!(code, 0);
    let rows: Vec<&str> = out
        .lines()
        .filter(|l| l.starts_with('│') && !l.starts_with("│ event "))
        .collect();
    assert!(rows.len() >= 2, "{out}");
    // The table leaves out the column a filter fixed: the source is in CSV.
    let (_, csv, _) = run(&["list", "--source", "azerbaijan-mod", "--format", "csv"]);
    let sources: Vec<&str> = csv
        .lines()
        .skip(1)
        .filter_map(|l| l.split(',').nth(2))
        .collect();
    assert!(sources.len() >= 2, "{csv}");
    assert!(sources.iter().all(|s| *s == "azerbaijan-mod"), "{csv}");
    assert!(
        row_with(&out, &["azerbaijan-mod", "Azerbaijan · killed", "7"]).is_some(),
        "{out}"
    );
}

#[test]
fn list_filters_combine() {
    let (_, out, _) = run(&[
        "list",
        "--event",
        "kilisali-2021",
        "--kind",
        "figure",
        "--metric",
        "killed",
        "--format",
        "csv",
    ]);
    let mut r = csv::Reader::from_reader(out.as_bytes());
    let rows: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
    assert_eq!(rows.len(), 2, "{out}");
    assert!(rows
        .iter()
        .all(|x| &x[3] == "figure" && x[4].ends_with("killed")));

    let (_, out, _) = run(&[
        "list",
        "--party",
        "armenia",
        "--kind",
        "accusation",
        "--event",
        "kilisali-2021",
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let claims = v["claims"].as_array().unwrap();
    assert_eq!(claims.len(), 3);
    assert!(claims.iter().all(|c| c["kind"] == "accusation"));
}

#[test]
fn machine_formats_keep_whole_quotes() {
    let (_, out, _) = run(&[
        "list",
        "--source",
        "us-state-department",
        "--event",
        "kilisali-2021",
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let quotes: Vec<&str> = v["claims"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["quote"].as_str())
        .collect();
    assert!(quotes.contains(&
        "Nous appelons les deux events à s’engager directement et de manière constructive pour résoudre tous les problèmes en suspens, y compris la démarcation des frontières."
    ), "{quotes:?}");
}

#[test]
fn an_unknown_source_names_the_nearest() {
    Claims::new()
        .args(["list", "--source", "armenia-mdo"])
        .fails(2)
        .stderr_snapshot("unknown_source");
}

/// Writes a dataset big enough that its listing overflows a pipe buffer.
fn big_dataset() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from(
        "[event]\nid = \"big\"\ntitle = \"Big\"\ndate = \"2021-01-01\"\nplace = \"x\"\nsummary = \"x\"\n\n[[document]]\nid = \"d\"\ntitle = \"d\"\noutlet = \"d\"\nlanguage = \"en\"\n",
    );
    for i in 0..3000 {
        text.push_str(&format!(
            "\n[[claim]]\nid = \"c{i}\"\nsource = \"armenia-mod\"\nsaid = \"2021-01-01\"\nvia = \"statement\"\ndocument = \"d\"\nquote = \"statement number {i} with some words to make the line longer\"\nlanguage = \"en\"\nfigure = {{ party = \"armenia\", metric = \"killed\", exact = {i} }}\n"
        ));
    }
    std::fs::write(dir.path().join("big.toml"), text).unwrap();
    dir
}

#[test]
fn regression_closed_pipe_ends_quietly_with_exit_0() {
    // `claims list --source armenia-mod | head -1`
    let dir = big_dataset();
    for format in ["table", "csv", "json"] {
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("claims"))
            .args([
                "--data",
                dir.path().to_str().unwrap(),
                "list",
                "--source",
                "armenia-mod",
                "--format",
                format,
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        assert!(!first.is_empty());
        // The reader is dropped here: the pipe closes with most output unread.
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{format}");
        assert!(
            out.stderr.is_empty(),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn a_progress_bar_shows_on_a_terminal_and_never_in_a_pipe() {
    let dir = big_dataset();
    let d = dir.path().to_str().unwrap();
    // Piped stderr: no bar, whatever the delay.
    let out = claims()
        .env("CLAIMS_PROGRESS_DELAY_MS", "0")
        .args(["check", d])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).is_empty());
    // A terminal: the bar appears once the delay has passed.
    let cmd = format!("CLAIMS_PROGRESS_DELAY_MS=0 {} --no-pager check {d}", bin());
    let Some(screen) = under_script(80, &cmd, &[]) else {
        eprintln!("SKIPPED: no `script` to provide a terminal");
        return;
    };
    assert!(
        screen.contains("reading") && screen.contains("files"),
        "{screen}"
    );
}
