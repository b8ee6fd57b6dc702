//! Metrics that include others without being their sum (issue 23): "lost"
//! includes "destroyed", so a voice's count of destroyed is a floor under
//! another's count of lost: 5 lost against 4 destroyed is consistent, 3
//! lost against 4 destroyed is not. A figure whose words may count either
//! of two metrics (`metric_either`) is weighed on both rows, marked.

mod common;
use common::*;

const METRICS: &str = r#"
[[metric]]
id = "tanks-lost"
label = "tanks lost"
unit = "vehicles"
cumulative = true
includes = ["tanks-destroyed"]

[[metric]]
id = "tanks-destroyed"
label = "tanks destroyed"
unit = "vehicles"
cumulative = true
"#;

fn tanks(id: &str, source: &str, metric: &str, n: u32) -> String {
    claim(
        id,
        source,
        "2021-11-16",
        &fig("armenia", metric, &format!("exact = {n}")),
        "",
    )
}

fn lost_row(claims: &[String]) -> serde_json::Value {
    let dir = folder(&[
        ("metrics.toml", METRICS),
        ("test-event.toml", &event_file(claims)),
    ]);
    let v = compare_json(dir.path(), &[]);
    figure_row(&v, "armenia", "tanks-lost").clone()
}

#[test]
fn a_count_of_destroyed_is_a_floor_under_a_count_of_lost() {
    let row = lost_row(&[
        tanks("yerevan", "armenia-mod", "tanks-lost", 5),
        tanks("baku", "azerbaijan-mod", "tanks-destroyed", 4),
    ]);
    assert_eq!(row["verdict"]["verdict"], "consistent", "{row}");
    let cell = &row["cells"]["azerbaijan-mod"][0];
    assert_eq!(
        cell["text"], "tanks destroyed 4, other not given (≥ 4 in all)",
        "{row}"
    );
    let row = lost_row(&[
        tanks("yerevan", "armenia-mod", "tanks-lost", 3),
        tanks("baku", "azerbaijan-mod", "tanks-destroyed", 4),
    ]);
    assert_eq!(row["verdict"]["verdict"], "conflict", "{row}");
}

#[test]
fn a_later_floor_never_takes_a_stated_counts_place() {
    // Yerevan says 5 lost, then 4 destroyed: its 5 lost still stands.
    let later = claim(
        "yerevan-destroyed",
        "armenia-mod",
        "2021-11-17",
        &fig("armenia", "tanks-destroyed", "exact = 4"),
        "",
    );
    let row = lost_row(&[tanks("yerevan", "armenia-mod", "tanks-lost", 5), later]);
    assert_eq!(cell_texts(&row["cells"]["armenia-mod"]), ["5"], "{row}");
}

#[test]
fn check_refuses_an_inclusion_of_itself_or_beside_parts() {
    let bad = "[[metric]]\nid = \"x\"\nlabel = \"x\"\nincludes = [\"x\"]\n\n\
               [[metric]]\nid = \"y\"\nlabel = \"y\"\nparts = [\"killed\", \"wounded\"]\nincludes = [\"killed\"]\n";
    let dir = folder(&[("metrics.toml", bad), ("test-event.toml", &event_file(&[]))]);
    let out = Claims::new()
        .data(dir.path())
        .args(["check"])
        .fails(2)
        .stdout;
    assert!(out.contains("metric `x` includes itself"), "{out}");
    assert!(
        out.contains("metric `y` gives both `parts` and `includes`"),
        "{out}"
    );
    assert!(out.contains("metrics.toml:4:"), "{out}");
}

#[test]
fn vocab_says_what_a_metric_includes() {
    let dir = folder(&[
        ("metrics.toml", METRICS),
        ("test-event.toml", &event_file(&[])),
    ]);
    let out = Claims::new()
        .data(dir.path())
        .args(["vocab", "metrics", "--format", "csv"])
        .succeeds()
        .stdout;
    assert!(out.contains("includes tanks-destroyed"), "{out}");
}

/// "70 soldiers lost": killed, or killed or wounded.
fn ambiguous(n: u32) -> String {
    claim(
        "yerevan-lost",
        "armenia-mod",
        "2021-11-16",
        &format!(
            "figure = {{ party = \"azerbaijan\", metric = \"killed\", metric_either = [\"killed-or-wounded\"], exact = {n} }}"
        ),
        "",
    )
}

fn baku_killed_or_wounded(n: u32) -> String {
    claim(
        "baku-kw",
        "azerbaijan-mod",
        "2021-11-16",
        &fig("azerbaijan", "killed-or-wounded", &format!("exact = {n}")),
        "",
    )
}

#[test]
fn an_ambiguous_figure_is_weighed_on_each_metrics_row() {
    let dir = folder(&[(
        "test-event.toml",
        &event_file(&[ambiguous(70), baku_killed_or_wounded(17)]),
    )]);
    let v = compare_json(dir.path(), &[]);
    let killed = figure_row(&v, "azerbaijan", "killed");
    assert_eq!(
        cell_texts(&killed["cells"]["armenia-mod"]),
        ["70 (or: killed or wounded)"],
        "{killed}"
    );
    let kw = figure_row(&v, "azerbaijan", "killed-or-wounded");
    assert_eq!(kw["verdict"]["verdict"], "conflict", "{kw}");
    assert_eq!(
        cell_texts(&kw["cells"]["armenia-mod"]),
        ["70 (or: killed)"],
        "{kw}"
    );
    assert_eq!(
        kw["cells"]["armenia-mod"][0]["claims"][0]["implied_by"]["claim"], "yerevan-lost",
        "{kw}"
    );
    let out = Claims::new()
        .data(dir.path())
        .args(["compare", "test-event"])
        .run()
        .stdout;
    assert!(out.contains("2 claims"), "{out}");
}

#[test]
fn check_refuses_an_either_that_repeats_the_metric() {
    let bad = claim(
        "x",
        "armenia-mod",
        "2021-11-16",
        "figure = { party = \"azerbaijan\", metric = \"killed\", metric_either = [\"killed\"], exact = 3 }",
        "",
    );
    let dir = folder(&[("test-event.toml", &event_file(&[bad]))]);
    let out = Claims::new()
        .data(dir.path())
        .args(["check"])
        .fails(2)
        .stdout;
    assert!(
        out.contains("`metric_either` repeats the figure's metric `killed`"),
        "{out}"
    );
}
