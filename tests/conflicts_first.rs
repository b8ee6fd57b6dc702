//! `compare` leads with the answer: each conflict in one line before the
//! tables; `--conflicts` keeps only the rows in conflict (issue 14).

mod common;
use common::*;

/// Two conflicts (a figure 10× apart, a mirror accusation) and two rows
/// without one (a single self-report, a third party's position).
fn clash() -> tempfile::TempDir {
    let claims = [
        claim(
            "a-enemy",
            "armenia-mod",
            "2021-11-16",
            &fig("azerbaijan", "killed", "exact = 70"),
            "",
        ),
        claim(
            "b-own",
            "azerbaijan-mod",
            "2021-11-16",
            &fig("azerbaijan", "killed", "exact = 7"),
            "",
        ),
        claim(
            "a-own",
            "armenia-mod",
            "2021-11-16",
            &fig("armenia", "killed", "exact = 1"),
            "",
        ),
        claim(
            "a-acc",
            "armenia-mod",
            "2021-11-16",
            &acc("azerbaijan", "started-fighting"),
            "",
        ),
        claim(
            "b-acc",
            "azerbaijan-mod",
            "2021-11-16",
            &acc("armenia", "started-fighting"),
            "",
        ),
        claim(
            "k-pos",
            "kremlin",
            "2021-11-16",
            "position = { proposition = \"talks\", stance = \"affirms\" }",
            "",
        ),
    ];
    let mut text = event_file(&claims);
    text.push_str("\n[[proposition]]\nid = \"talks\"\ntext = \"Talks were held\"\n");
    folder(&[("test-event.toml", &text)])
}

fn compare(dir: &tempfile::TempDir, extra: &[&str]) -> String {
    let mut args = vec!["compare", "test-event"];
    args.extend_from_slice(extra);
    let out = Claims::new().data(dir.path()).args(args).run();
    assert_eq!(out.code, 0, "{out:?}");
    out.stdout
}

#[test]
fn each_conflict_comes_in_one_line_before_the_tables() {
    let dir = clash();
    let text = compare(&dir, &[]);
    let lines: Vec<&str> = text.lines().collect();
    let first = lines
        .iter()
        .position(|l| l.starts_with("1. "))
        .expect("a numbered conflict");
    let sources = lines
        .iter()
        .position(|l| *l == "Sources:")
        .expect("sources");
    let figures = lines.iter().position(|l| *l == "Figures").expect("figures");
    assert!(first < sources && sources < figures, "{text}");
    assert!(
        lines[first].contains("Azerbaijan · killed: Arm. MoD 70 vs Az. MoD 7")
            && lines[first].contains("10.0× apart"),
        "{}",
        lines[first]
    );
    assert!(
        lines[first + 1].starts_with("2. ")
            && lines[first + 1].contains("Arm. MoD accuses Azerbaijan vs Az. MoD accuses Armenia")
            && lines[first + 1].contains("mirror accusation"),
        "{}",
        lines[first + 1]
    );
    assert!(
        !lines[first + 2].starts_with("3. "),
        "two conflicts:\n{text}"
    );
    // The same numbers lead the detail at the end.
    let detail = lines
        .iter()
        .position(|l| *l == "Conflicts in detail")
        .expect("detail");
    assert!(
        lines[detail + 1].starts_with("1. Azerbaijan · killed"),
        "{text}"
    );
}

#[test]
fn markdown_lists_the_conflicts_before_the_sources() {
    let dir = clash();
    let text = compare(&dir, &["--format", "markdown"]);
    let conflict = text
        .find("1. Azerbaijan · killed: Arm. MoD 70")
        .expect("summary");
    let sources = text.find("**Sources**").expect("sources");
    let detail = text.find("### Conflicts in detail").expect("detail");
    assert!(conflict < sources && sources < detail, "{text}");
}

#[test]
fn conflicts_keeps_only_the_rows_in_conflict_and_their_sources() {
    let dir = clash();
    let text = compare(&dir, &["--conflicts"]);
    assert!(text.contains("│ Azerbaijan ┆ killed"), "{text}");
    assert!(
        !text.contains("│ Armenia ") && !text.contains("Talks were held"),
        "{text}"
    );
    assert!(
        !text.contains("kremlin"),
        "a source outside the conflicts is not listed:\n{text}"
    );
    let out = Claims::new()
        .data(dir.path())
        .args(["compare", "test-event", "--conflicts", "--format", "json"])
        .run();
    let v: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
    let figures = v["figures"].as_array().expect("figures");
    let statements = v["statements"].as_array().expect("statements");
    assert_eq!((figures.len(), statements.len()), (1, 1), "{v}");
    assert_eq!(figures[0]["party"], "azerbaijan");
    // Without the flag, all four rows.
    let all = compare_json(dir.path(), &[]);
    let rows = all["figures"].as_array().map_or(0, Vec::len)
        + all["statements"].as_array().map_or(0, Vec::len);
    assert_eq!(rows, 4, "{all}");
}

#[test]
fn conflicts_with_none_says_so() {
    let claims = [claim(
        "a-own",
        "armenia-mod",
        "2021-11-16",
        &fig("armenia", "killed", "exact = 1"),
        "",
    )];
    let dir = folder(&[("test-event.toml", &event_file(&claims))]);
    let text = compare(&dir, &["--conflicts"]);
    assert!(
        text.contains("No conflicts between statements on the same subject."),
        "{text}"
    );
    assert!(!text.contains("Figures"), "{text}");
}

/// `compare --long --format csv`: one row per (row, voice), the verdict as a
/// code and the gap as a number (issue 15).
#[test]
fn long_csv_has_one_row_per_row_and_voice() {
    let dir = clash();
    let csv = compare(&dir, &["--long", "--format", "csv"]);
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().unwrap_or("").split(',').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).expect(name);
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    // Figures: 70 and 7 on the conflict row, 1 on the single one; statements: 2 + 1.
    assert_eq!(rows.len(), 6, "{csv}");
    let seventy = rows
        .iter()
        .find(|r| {
            r[col("column")] == "armenia-mod"
                && r[col("metric")] == "killed"
                && r[col("party")] == "azerbaijan"
        })
        .expect("the adversary's claim");
    assert_eq!(seventy[col("low")], "70");
    assert_eq!(seventy[col("verdict")], "conflict");
    assert_eq!(seventy[col("conflict")], "figures");
    assert_eq!(seventy[col("in_conflict")], "true");
    let ratio: f64 = seventy[col("ratio")].parse().expect("a number");
    assert!((ratio - 10.0).abs() < 1e-9, "{ratio}");
    let own = rows
        .iter()
        .find(|r| r[col("party")] == "armenia")
        .expect("the self-report");
    assert_eq!(
        (own[col("verdict")], own[col("in_conflict")]),
        ("single-source", "false")
    );
    let accusation = rows
        .iter()
        .find(|r| r[col("section")] == "question" && r[col("column")] == "azerbaijan-mod")
        .expect("a statement row");
    assert_eq!(accusation[col("says")], "accuses Armenia");
    // The accused in a column of its own, not only inside the wording.
    assert_eq!(
        (accusation[col("accused")], accusation[col("denies")]),
        ("armenia", "false")
    );
    assert_eq!(accusation[col("claims")], "b-acc");
    // Not a table layout.
    let out = Claims::new()
        .data(dir.path())
        .args(["compare", "test-event", "--long"])
        .fails(2)
        .stderr;
    assert!(
        out.contains("--long is a CSV, TSV or JSON Lines layout"),
        "{out}"
    );
}

/// An event with no conflict said only "No conflicts…", though each side
/// blamed the other under a different act and no figure was given by both.
#[test]
fn an_event_without_conflict_says_what_was_not_compared() {
    let claims = [
        claim(
            "a",
            "armenia-mod",
            "2021-11-16",
            &acc("azerbaijan", "started-fighting"),
            "",
        ),
        claim(
            "b",
            "azerbaijan-mod",
            "2021-11-16",
            &acc("armenia", "border-crossing"),
            "",
        ),
        claim(
            "c",
            "azerbaijan-mod",
            "2021-11-16",
            &fig("azerbaijan", "killed", "exact = 3"),
            "",
        ),
    ];
    let dir = folder(&[("test-event.toml", &event_file(&claims))]);
    let out = compare(&dir, &[]);
    assert!(
        out.contains("No conflicts between statements on the same subject."),
        "{out}"
    );
    assert!(
        out.contains("Armenia and Azerbaijan blame each other under different acts"),
        "{out}"
    );
    assert!(out.contains("no figure is given by both sides"), "{out}");
    // Figures both sides give, and blame under one act: nothing to add.
    let weighed = [
        claim(
            "a",
            "armenia-mod",
            "2021-11-16",
            &acc("azerbaijan", "started-fighting"),
            "",
        ),
        claim(
            "c",
            "azerbaijan-mod",
            "2021-11-16",
            &fig("azerbaijan", "killed", "exact = 3"),
            "",
        ),
        claim(
            "d",
            "armenia-mod",
            "2021-11-16",
            &fig("azerbaijan", "killed", "exact = 3"),
            "",
        ),
    ];
    let dir = folder(&[("test-event.toml", &event_file(&weighed))]);
    let out = compare(&dir, &[]);
    assert!(!out.contains("Not compared"), "{out}");
}
