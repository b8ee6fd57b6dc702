//! Nested categories (issue 23): children within civilians. A voice's count
//! of children is a floor under its count of civilians, and is never added
//! beside civilians into a total.

mod common;
use common::*;

const CATEGORIES: &str = r#"
[[category]]
id = "children"
label = "children"
within = "civilians"
"#;

fn killed(id: &str, source: &str, of: &str, n: u32) -> String {
    let f = format!(
        "figure = {{ party = \"armenia\", metric = \"killed\", of = \"{of}\", exact = {n} }}"
    );
    claim(id, source, "2021-11-16", &f, "")
}

fn row(v: &serde_json::Value, category: &str) -> serde_json::Value {
    v["figures"]
        .as_array()
        .and_then(|r| r.iter().find(|r| r["category"] == category))
        .cloned()
        .unwrap_or_else(|| panic!("no {category} row in {v}"))
}

fn compare(claims: &[String]) -> serde_json::Value {
    let dir = folder(&[
        ("categories.toml", CATEGORIES),
        ("test-event.toml", &event_file(claims)),
    ]);
    compare_json(dir.path(), &[])
}

#[test]
fn children_are_a_floor_under_civilians() {
    let v = compare(&[
        killed("yerevan", "armenia-mod", "civilians", 5),
        killed("baku", "azerbaijan-mod", "children", 4),
    ]);
    let civilians = row(&v, "civilians");
    assert_eq!(civilians["verdict"]["verdict"], "consistent", "{civilians}");
    let v = compare(&[
        killed("yerevan", "armenia-mod", "civilians", 3),
        killed("baku", "azerbaijan-mod", "children", 4),
    ]);
    assert_eq!(row(&v, "civilians")["verdict"]["verdict"], "conflict");
}

#[test]
fn children_are_not_counted_twice_in_a_total() {
    // Civilians 5 (of whom children 4): the floor under the total is 5, not 9.
    let v = compare(&[
        killed("c", "armenia-mod", "civilians", 5),
        killed("k", "armenia-mod", "children", 4),
        claim(
            "total",
            "azerbaijan-mod",
            "2021-11-16",
            &fig("armenia", "killed", "exact = 6"),
            "",
        ),
    ]);
    let total = figure_row(&v, "armenia", "killed");
    assert_ne!(total["verdict"]["verdict"], "conflict", "{total}");
}

#[test]
fn check_refuses_a_category_within_itself_or_an_unknown_one() {
    let bad = "[[category]]\nid = \"x\"\nlabel = \"x\"\nwithin = \"x\"\n\n[[category]]\nid = \"y\"\nlabel = \"y\"\nwithin = \"civilans\"\n";
    let dir = folder(&[
        ("categories.toml", bad),
        ("test-event.toml", &event_file(&[])),
    ]);
    let out = Claims::new()
        .data(dir.path())
        .args(["check"])
        .fails(2)
        .stdout;
    assert!(out.contains("category `x` lies within itself"), "{out}");
    assert!(out.contains("did you mean `civilians`?"), "{out}");
}
