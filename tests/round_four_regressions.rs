//! Regressions found by a fresh attack on issue 23's fields: each test is
//! named after the bug it guards.

mod common;
use common::*;

fn killed(id: &str, source: &str, said: &str, quantity: &str, extra: &str) -> String {
    claim(id, source, said, &fig("armenia", "killed", quantity), extra)
}

fn one_file(claims: &[String]) -> tempfile::TempDir {
    folder(&[("test-event.toml", &event_file(claims))])
}

#[test]
fn regression_a_cell_of_thousands_of_statements_does_not_overflow_the_table() {
    // 2,500 statements of one voice the data cannot order fill one cell:
    // the table's 16-bit widths overflowed (a panic in a debug build).
    let claims: Vec<String> = (0..2500)
        .map(|i| {
            killed(
                &format!("c{i}"),
                "armenia-mod",
                "2021-11-16",
                &format!("exact = {i}"),
                "",
            )
        })
        .collect();
    let dir = one_file(&claims);
    let out = Claims::new()
        .data(dir.path())
        .args(["compare", "test-event"])
        .run();
    assert!(out.code == 0 || out.code == 1, "{}", out.stderr);
    assert!(out
        .stdout
        .contains("characters more: --format csv or json gives them all"));
    Claims::new()
        .data(dir.path())
        .args(["show", "c1"])
        .succeeds();
}

fn area(id: &str, source: &str, quantity: &str) -> String {
    claim(
        id,
        source,
        "2021-11-16",
        &fig("armenia", "territory-occupied", quantity),
        "",
    )
}

#[test]
fn regression_more_than_a_measure_is_anything_above_it() {
    // "More than 1 km²" read as 2 or more conflicted with 1.5.
    let dir = one_file(&[
        area("more", "azerbaijan-mod", "more_than = 1"),
        area("exact", "armenia-mod", "exact = 1.5"),
    ]);
    let v = compare_json(dir.path(), &[]);
    let row = figure_row(&v, "armenia", "territory-occupied");
    assert_ne!(row["verdict"]["verdict"], "conflict", "{row}");
    let dir = one_file(&[
        area("less", "azerbaijan-mod", "less_than = 1"),
        area("exact", "armenia-mod", "exact = 0.999"),
    ]);
    let v = compare_json(dir.path(), &[]);
    let row = figure_row(&v, "armenia", "territory-occupied");
    assert_ne!(row["verdict"]["verdict"], "conflict", "{row}");
    // A count of people stays whole: more than 1 killed is 2 or more.
    let dir = one_file(&[
        killed("more", "azerbaijan-mod", "2021-11-16", "more_than = 1", ""),
        killed("exact", "armenia-mod", "2021-11-16", "exact = 1", ""),
    ]);
    let v = compare_json(dir.path(), &[]);
    assert_eq!(
        figure_row(&v, "armenia", "killed")["verdict"]["verdict"],
        "conflict"
    );
}

#[test]
fn regression_order_cannot_let_a_statement_withdraw_a_later_one() {
    let dir = one_file(&[
        claim(
            "a",
            "armenia-mod",
            "2021-11-16",
            "retracts = \"b\"",
            "order = 1\n",
        ),
        killed("b", "armenia-mod", "2021-11-16", "exact = 3", "order = 2\n"),
    ]);
    let out = Claims::new()
        .data(dir.path())
        .args(["check"])
        .fails(2)
        .stdout;
    assert!(out.contains("said later that day (order 2)"), "{out}");
}

#[test]
fn regression_each_source_numbers_its_own_day() {
    // Two agencies relaying the ministry: AFP's first is not before
    // Interfax's second; both stay current.
    let relay = |id: &str, source: &str, n: u32, order: u32| {
        killed(
            id,
            source,
            "2021-11-16",
            &format!("exact = {n}"),
            &format!("origin = \"armenia-mod\"\norder = {order}\n"),
        )
    };
    let dir = one_file(&[
        relay("afp-1", "afp", 5, 1),
        relay("ifx-2", "interfax", 9, 2),
    ]);
    let v = compare_json(dir.path(), &[]);
    let row = figure_row(&v, "armenia", "killed");
    let superseded = row.to_string().matches("superseded").count();
    assert_eq!(superseded, 0, "{row}");
}

#[test]
fn regression_an_increment_never_builds_on_a_withdrawn_figure() {
    let dir = one_file(&[
        killed("fifty", "armenia-mod", "2021-11-15", "exact = 50", ""),
        claim(
            "oops",
            "armenia-mod",
            "2021-11-15T12:00",
            "retracts = \"fifty\"",
            "",
        ),
        killed("more", "armenia-mod", "2021-11-16", "more = 15", ""),
    ]);
    let v = compare_json(dir.path(), &[]);
    let row = figure_row(&v, "armenia", "killed");
    assert_eq!(
        cell_texts(&row["cells"]["armenia-mod"]),
        ["15 more (in all ≥ 15)"],
        "{row}"
    );
}

#[test]
fn regression_a_word_in_another_unit_converts_as_its_span() {
    let dir = one_file(&[area(
        "several",
        "armenia-mod",
        "vague = \"several\", unit = \"ha\"",
    )]);
    let v = compare_json(dir.path(), &[]);
    let row = figure_row(&v, "armenia", "territory-occupied");
    let text = row["cells"]["armenia-mod"][0]["text"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(text.starts_with("several ha (= 0.0"), "{text}");
    assert!(!text.contains("several km²"), "{text}");
}

#[test]
fn regression_only_a_fact_implies_a_figure_or_is_presupposed() {
    let props = "[[proposition]]\nid = \"calm\"\ntext = \"Calm\"\nkind = \"appeal\"\n\
                 implies = { party = \"armenia\", metric = \"killed\", exact = 0 }\n\n\
                 [[proposition]]\nid = \"d1\"\ntext = \"D1\"\nkind = \"demand\"\naddressee = \"armenia\"\n\n\
                 [[proposition]]\nid = \"d2\"\ntext = \"D2\"\nkind = \"demand\"\naddressee = \"azerbaijan\"\npresupposes = \"d1\"\n";
    let mut file = event_file(&[]);
    file.push_str(props);
    let dir = folder(&[("test-event.toml", &file)]);
    let out = Claims::new()
        .data(dir.path())
        .args(["check"])
        .fails(2)
        .stdout;
    assert!(out.contains("implies a figure but is not a fact"), "{out}");
    assert!(
        out.contains("demand `d2` presupposes `d1`, which is not a fact"),
        "{out}"
    );
}

#[test]
fn regression_a_misreport_is_shown_as_misreported_not_corrected() {
    let relay = killed(
        "relay",
        "armenian-times",
        "2021-11-16",
        "exact = 10",
        "origin = \"armenia-mod\"\nmisreports = \"says killed for killed or wounded\"\n",
    );
    let dir = one_file(&[relay]);
    let out = Claims::new()
        .data(dir.path())
        .args(["show", "relay"])
        .succeeds()
        .stdout;
    assert!(out.contains("a relay that misreports its origin"), "{out}");
    assert!(!out.contains("corrected by relay"), "{out}");
}
