//! Headlines and reasons in words (issue 22, rules 6 and 8): a figure
//! against zero, agreement "by both sides" only between numbers, which
//! kind of "not comparable", times as people write them.

mod common;
use common::*;

fn one_file(claims: &[String]) -> tempfile::TempDir {
    folder(&[("test-event.toml", &event_file(claims))])
}

fn killed(id: &str, source: &str, quantity: &str) -> String {
    claim(
        id,
        source,
        "2021-11-16",
        &fig("armenia", "killed", quantity),
        "",
    )
}

#[test]
fn a_figure_against_zero_reads_against_none_acknowledged() {
    let dir = one_file(&[
        killed("own", "armenia-mod", "exact = 0"),
        killed("adv", "azerbaijan-mod", "exact = 70"),
    ]);
    let v = compare_json(dir.path(), &[]);
    let row = figure_row(&v, "armenia", "killed");
    assert_eq!(row["verdict"]["verdict"], "conflict");
    let why = row["verdict"]["explanation"].as_str().unwrap_or("");
    assert!(why.starts_with("70 against none acknowledged"), "{why}");
    let table = Claims::new()
        .data(dir.path())
        .args(["compare", "test-event"])
        .succeeds()
        .stdout;
    assert!(!table.contains('∞'), "{table}");
    assert!(table.contains("against none acknowledged"), "{table}");
}

#[test]
fn agreed_by_both_sides_needs_a_number_from_each() {
    // "Some were captured" agrees with 8, but is no number: not "by both sides".
    let captured = |id: &str, source: &str, q: &str| {
        claim(id, source, "2021-11-16", &fig("armenia", "captured", q), "")
    };
    let dir = one_file(&[
        captured("own", "armenia-mod", "exact = 8"),
        captured("adv", "azerbaijan-mod", "vague = \"some\""),
    ]);
    let v = compare_json(dir.path(), &[]);
    let verdict = &figure_row(&v, "armenia", "captured")["verdict"];
    assert_eq!(verdict["verdict"], "consistent", "{verdict}");
    assert_eq!(verdict["both_sides"], false, "{verdict}");
    // A number from each side that agrees: by both sides.
    let dir = one_file(&[
        captured("own", "armenia-mod", "exact = 8"),
        captured("adv", "azerbaijan-mod", "about = 8"),
    ]);
    let v = compare_json(dir.path(), &[]);
    let verdict = &figure_row(&v, "armenia", "captured")["verdict"];
    assert_eq!(verdict["both_sides"], true, "{verdict}");
}

#[test]
fn not_comparable_says_which() {
    let since = |d: &str, n: u32| format!("exact = {n}, since = \"{d}\"");
    // Two running totals from different start dates: different periods.
    let dir = one_file(&[
        killed("a", "armenia-mod", &since("2020-01-01", 30)),
        killed("b", "azerbaijan-mod", &since("2021-01-01", 300)),
    ]);
    let v = compare_json(dir.path(), &[]);
    let verdict = &figure_row(&v, "armenia", "killed")["verdict"];
    assert_eq!(verdict["reason"], "different-periods", "{verdict}");
    let table = Claims::new()
        .data(dir.path())
        .args(["compare", "test-event", "--format", "csv"])
        .succeeds()
        .stdout;
    assert!(table.contains("different periods"), "{table}");
    // This event against a running total: different scopes.
    let dir = one_file(&[
        killed("a", "armenia-mod", "exact = 3"),
        killed("b", "azerbaijan-mod", &since("2021-01-01", 300)),
    ]);
    let v = compare_json(dir.path(), &[]);
    let verdict = &figure_row(&v, "armenia", "killed")["verdict"];
    assert_eq!(verdict["reason"], "different-scopes", "{verdict}");
}

#[test]
fn times_in_sentences_read_as_people_write_them() {
    let dir = one_file(&[
        claim(
            "a",
            "armenia-mod",
            "2021-11-16",
            &acc_with("azerbaijan", "attack", ", at = \"2021-11-16T13:00\""),
            "",
        ),
        claim(
            "b",
            "azerbaijan-mod",
            "2021-11-16",
            &acc_with("armenia", "attack", ", at = \"12:00\""),
            "",
        ),
    ]);
    let v = compare_json(dir.path(), &[]);
    let why = statement_row(&v, "attack")["verdict"]["explanation"]
        .as_str()
        .unwrap_or("")
        .to_string();
    assert!(why.contains("Arm. MoD 13:00 on 16 Nov 2021"), "{why}");
    assert!(why.contains("Az. MoD 12:00"), "{why}");
    assert!(!why.contains("T13"), "{why}");
}

#[test]
fn a_sides_count_of_a_third_partys_losses_is_not_a_third_party_report() {
    // Peacekeepers: Russia's losses counted by a belligerent and by Russia.
    let dir = one_file(&[
        claim(
            "bel",
            "armenia-mod",
            "2021-11-16",
            &fig("russia", "killed", "exact = 2"),
            "",
        ),
        claim(
            "own",
            "kremlin",
            "2021-11-16",
            &fig("russia", "killed", "exact = 2"),
            "",
        ),
    ]);
    let v = compare_json(dir.path(), &[]);
    let row = figure_row(&v, "russia", "killed");
    assert_eq!(
        row["cells"]["armenia-mod"][0]["perspective"], "side-on-third",
        "{row}"
    );
    assert_eq!(row["cells"]["kremlin"][0]["perspective"], "own", "{row}");
    let table = Claims::new()
        .data(dir.path())
        .args(["compare", "test-event"])
        .succeeds()
        .stdout;
    assert!(
        table.contains("side on 3rd = one side of the event about a third party"),
        "{table}"
    );
}
