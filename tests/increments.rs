//! Increments (issue 23): "15 more killed" is `more = 15`, read against the
//! same speaker's previous figure of that count; never against another
//! speaker's, and at least 15 when the speaker gave none before.

mod common;
use common::*;

fn killed(id: &str, source: &str, said: &str, quantity: &str, extra: &str) -> String {
    claim(id, source, said, &fig("armenia", "killed", quantity), extra)
}

fn compare(claims: &[String]) -> serde_json::Value {
    let dir = folder(&[("test-event.toml", &event_file(claims))]);
    compare_json(dir.path(), &[])
}

fn cell(v: &serde_json::Value, column: &str) -> serde_json::Value {
    figure_row(v, "armenia", "killed")["cells"][column][0].clone()
}

#[test]
fn an_increment_adds_to_the_speakers_previous_figure() {
    let v = compare(&[
        killed("first", "armenia-mod", "2021-11-16", "exact = 50", ""),
        killed("then", "armenia-mod", "2021-11-17", "more = 15", ""),
    ]);
    let c = cell(&v, "armenia-mod");
    assert_eq!(c["text"], "15 more (in all 65)", "{c}");
    assert_eq!(
        (c["low"].clone(), c["high"].clone()),
        (65.into(), 65.into())
    );
}

#[test]
fn increments_chain_and_keep_a_floor_a_floor() {
    let v = compare(&[
        killed("first", "armenia-mod", "2021-11-15", "at_least = 50", ""),
        killed("then", "armenia-mod", "2021-11-16", "more = 15", ""),
        killed("later", "armenia-mod", "2021-11-17", "more = 5", ""),
    ]);
    let c = cell(&v, "armenia-mod");
    assert_eq!(c["text"], "5 more (in all ≥ 70)", "{c}");
    assert!(c["high"].is_null(), "{c}");
}

#[test]
fn another_speakers_figure_is_never_the_base() {
    let v = compare(&[
        killed("baku", "azerbaijan-mod", "2021-11-16", "exact = 50", ""),
        killed("then", "armenia-mod", "2021-11-17", "more = 15", ""),
    ]);
    let c = cell(&v, "armenia-mod");
    assert_eq!(c["text"], "15 more (in all ≥ 15)", "{c}");
    // At least 15 against 50: no conflict.
    let row = figure_row(&v, "armenia", "killed");
    assert_ne!(row["verdict"]["verdict"], "conflict", "{row}");
}

#[test]
fn the_resolved_total_is_weighed() {
    // 50 + 15 = 65 against Baku's 200 said the same day as the increment.
    let v = compare(&[
        killed("first", "armenia-mod", "2021-11-16", "exact = 50", ""),
        killed("then", "armenia-mod", "2021-11-17", "more = 15", ""),
        killed("baku", "azerbaijan-mod", "2021-11-17", "exact = 200", ""),
    ]);
    let row = figure_row(&v, "armenia", "killed");
    assert_eq!(row["verdict"]["verdict"], "conflict", "{row}");
    assert_eq!(row["verdict"]["ratio"], 200.0 / 65.0, "{row}");
}

#[test]
fn statements_the_data_cannot_order_all_make_the_base() {
    // 40 and 50 the same day, unordered: 15 more is 55 to 65.
    let v = compare(&[
        killed("a", "armenia-mod", "2021-11-16", "exact = 40", ""),
        killed("b", "armenia-mod", "2021-11-16", "exact = 50", ""),
        killed("then", "armenia-mod", "2021-11-17", "more = 15", ""),
    ]);
    let c = cell(&v, "armenia-mod");
    assert_eq!(c["text"], "15 more (in all 55–65)", "{c}");
    // Ordered within the day, the later one is the base.
    let v = compare(&[
        killed(
            "a",
            "armenia-mod",
            "2021-11-16",
            "exact = 40",
            "order = 2\n",
        ),
        killed(
            "b",
            "armenia-mod",
            "2021-11-16",
            "exact = 50",
            "order = 1\n",
        ),
        killed(
            "then",
            "armenia-mod",
            "2021-11-16",
            "more = 15",
            "order = 3\n",
        ),
    ]);
    assert_eq!(cell(&v, "armenia-mod")["text"], "15 more (in all 55)");
}

#[test]
fn the_files_order_does_not_change_the_total() {
    let mut claims = vec![
        killed("a", "armenia-mod", "2021-11-14", "exact = 10", ""),
        killed("b", "armenia-mod", "2021-11-15", "more = 3", ""),
        killed("c", "armenia-mod", "2021-11-16", "more = 4", ""),
    ];
    let forward = cell(&compare(&claims), "armenia-mod");
    claims.reverse();
    assert_eq!(cell(&compare(&claims), "armenia-mod"), forward);
    assert_eq!(forward["text"], "4 more (in all 17)");
}

#[test]
fn check_refuses_an_increment_beside_another_quantity() {
    let dir = folder(&[(
        "test-event.toml",
        &event_file(&[killed(
            "x",
            "armenia-mod",
            "2021-11-16",
            "exact = 3, more = 2",
            "",
        )]),
    )]);
    let out = Claims::new()
        .data(dir.path())
        .args(["check"])
        .fails(2)
        .stdout;
    assert!(out.contains("has more than one quantity"), "{out}");
    assert!(out.contains("more = N (an increment)"), "{out}");
}

#[test]
fn list_shows_it_as_stated_and_import_reads_it_back() {
    let dir = folder(&[(
        "test-event.toml",
        &event_file(&[killed("x", "armenia-mod", "2021-11-16", "more = 15", "")]),
    )]);
    let csv = Claims::new()
        .data(dir.path())
        .args(["list", "--format", "csv", "--columns", "claim,stated"])
        .succeeds()
        .stdout;
    // As stated: `list` reads each claim alone, the comparison resolves it.
    assert!(csv.contains("x,15 more\n"), "{csv}");
    let sheet = "claim,event,source,said,via,document,language,kind,quote,whose,metric,stated\n\
                 y,test-event,armenia-mod,2021-11-17,statement,doc,en,figure,q,armenia,killed,15 more (in all 65)\n";
    std::fs::write(dir.path().join("sheet.csv"), sheet).expect("written");
    let path = dir.path().join("sheet.csv");
    let toml = Claims::new()
        .data(dir.path())
        .args(["import", path.to_str().expect("a path")])
        .succeeds()
        .stdout;
    assert!(toml.contains("more = 15"), "{toml}");
}
