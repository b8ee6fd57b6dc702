//! Figures against positions (issue 23): "no civilian was harmed" implies
//! civilian deaths 0 (`implies`), so a voice affirming it conflicts with a
//! count of civilian dead; a demand to "pull back your forces" takes for
//! granted that they are across the border (`presupposes`), so the
//! demanding voice counts on that fact's row.

mod common;
use common::*;

const PROPOSITIONS: &str = r#"
[[proposition]]
id = "no-civilian-harmed"
text = "No Armenian civilian was harmed"
implies = { party = "armenia", metric = "killed", of = "civilians", exact = 0 }

[[proposition]]
id = "forces-across"
text = "Azerbaijani forces are across the border"

[[proposition]]
id = "pull-back"
text = "Azerbaijan must pull back its forces"
kind = "demand"
addressee = "azerbaijan"
presupposes = "forces-across"
"#;

fn position(id: &str, source: &str, proposition: &str, stance: &str) -> String {
    let p = format!("position = {{ proposition = \"{proposition}\", stance = \"{stance}\" }}");
    claim(id, source, "2021-11-16", &p, "")
}

fn civilians_killed(id: &str, source: &str, n: u32) -> String {
    let f = format!(
        "figure = {{ party = \"armenia\", metric = \"killed\", of = \"civilians\", exact = {n} }}"
    );
    claim(id, source, "2021-11-16", &f, "")
}

fn data(claims: &[String]) -> tempfile::TempDir {
    let mut file = event_file(claims);
    file.push_str(PROPOSITIONS);
    folder(&[("test-event.toml", &file)])
}

fn civilian_row(v: &serde_json::Value) -> serde_json::Value {
    v["figures"]
        .as_array()
        .and_then(|rows| {
            rows.iter()
                .find(|r| r["party"] == "armenia" && r["category"] == "civilians")
        })
        .cloned()
        .unwrap_or_else(|| panic!("no civilian row in {v}"))
}

#[test]
fn a_position_that_implies_none_conflicts_with_a_count() {
    let dir = data(&[
        position(
            "baku-none",
            "azerbaijan-mod",
            "no-civilian-harmed",
            "affirms",
        ),
        civilians_killed("yerevan-two", "armenia-mod", 2),
    ]);
    let v = compare_json(dir.path(), &[]);
    let row = civilian_row(&v);
    assert_eq!(row["verdict"]["verdict"], "conflict", "{row}");
    let cell = &row["cells"]["azerbaijan-mod"][0];
    assert_eq!(
        cell["text"], "0 (implied: affirms «No Armenian civilian was harmed»)",
        "{row}"
    );
    assert_eq!(
        cell["claims"][0]["implied_by"]["claim"], "baku-none",
        "{row}"
    );
}

#[test]
fn denying_it_implies_nothing() {
    let dir = data(&[
        position(
            "baku-denies",
            "azerbaijan-mod",
            "no-civilian-harmed",
            "denies",
        ),
        civilians_killed("yerevan-two", "armenia-mod", 2),
    ]);
    let v = compare_json(dir.path(), &[]);
    let row = civilian_row(&v);
    assert_eq!(row["verdict"]["verdict"], "single-source", "{row}");
}

#[test]
fn what_a_retracted_position_implied_goes_with_it() {
    let retract = claim(
        "baku-takes-back",
        "azerbaijan-mod",
        "2021-11-17",
        "retracts = \"baku-none\"",
        "",
    );
    let dir = data(&[
        position(
            "baku-none",
            "azerbaijan-mod",
            "no-civilian-harmed",
            "affirms",
        ),
        civilians_killed("yerevan-two", "armenia-mod", 2),
        retract,
    ]);
    let v = compare_json(dir.path(), &[]);
    let row = civilian_row(&v);
    assert_ne!(row["verdict"]["verdict"], "conflict", "{row}");
}

#[test]
fn a_demand_counts_its_voice_on_the_fact_it_presupposes() {
    let dir = data(&[
        position("yerevan-demands", "armenia-mod", "pull-back", "affirms"),
        position("baku-denies", "azerbaijan-mod", "forces-across", "denies"),
    ]);
    let v = compare_json(dir.path(), &[]);
    let row = statement_row(&v, "forces-across");
    assert_eq!(row["verdict"]["verdict"], "conflict", "{row}");
    let table = Claims::new()
        .data(dir.path())
        .args(["compare", "test-event", "--format", "csv"])
        .run()
        .stdout;
    assert!(
        table.contains("presupposed by its demand «Azerbaijan must pull back its forces»"),
        "{table}"
    );
    // The heading counts the data's claims, not what the tool derived.
    let out = Claims::new()
        .data(dir.path())
        .args(["compare", "test-event"])
        .run()
        .stdout;
    assert!(out.contains("2 claims"), "{out}");
}

fn check(propositions: &str) -> String {
    let mut file = event_file(&[]);
    file.push_str(propositions);
    let dir = folder(&[("test-event.toml", &file)]);
    Claims::new()
        .data(dir.path())
        .args(["check"])
        .fails(2)
        .stdout
}

#[test]
fn check_refuses_what_a_proposition_cannot_imply() {
    let not_demand = check(
        "[[proposition]]\nid = \"a\"\ntext = \"A\"\npresupposes = \"b\"\n\n[[proposition]]\nid = \"b\"\ntext = \"B\"\n",
    );
    assert!(
        not_demand.contains("presupposes a fact but is not a demand"),
        "{not_demand}"
    );
    assert!(not_demand.contains("test-event.toml:"), "{not_demand}");
    let unknown = check(
        "[[proposition]]\nid = \"a\"\ntext = \"A\"\nkind = \"demand\"\naddressee = \"armenia\"\npresupposes = \"nowhere\"\n",
    );
    assert!(
        unknown.contains("unknown proposition `nowhere`"),
        "{unknown}"
    );
    let two = check(
        "[[proposition]]\nid = \"a\"\ntext = \"A\"\nimplies = { party = \"armenia\", metric = \"killed\", exact = 0, at_most = 3 }\n",
    );
    assert!(two.contains("has more than one quantity"), "{two}");
    let metric = check(
        "[[proposition]]\nid = \"a\"\ntext = \"A\"\nimplies = { party = \"armenia\", metric = \"kiled\", exact = 0 }\n",
    );
    assert!(metric.contains("did you mean `killed`?"), "{metric}");
}
