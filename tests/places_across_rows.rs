//! Places across rows (issue 23): a figure and an accusation each carry a
//! place; when one row puts the clash in one village and another row in a
//! village that does not lie within it, every row concerned is flagged and
//! the event says so once, in every format. Places on one chain (a village
//! and its district) are never flagged.

mod common;
use common::*;

const PLACES: &str = r#"
[[place]]
id = "district"
name = "The district"

[[place]]
id = "upper-village"
name = "Upper village"
within = "district"

[[place]]
id = "lower-village"
name = "Lower village"
within = "district"
"#;

fn killed(id: &str, source: &str, n: u32, place: &str) -> String {
    claim(
        id,
        source,
        "2021-11-16",
        &fig("armenia", "killed", &format!("exact = {n}")),
        &format!("place = \"{place}\"\n"),
    )
}

fn attack(id: &str, source: &str, place: &str) -> String {
    claim(
        id,
        source,
        "2021-11-16",
        &acc("azerbaijan", "attack"),
        &format!("place = \"{place}\"\n"),
    )
}

fn data(claims: &[String]) -> tempfile::TempDir {
    let file = event_file(claims).replace(
        "sides = [\"armenia\", \"azerbaijan\"]",
        "sides = [\"armenia\", \"azerbaijan\"]\nplaces = [\"district\", \"upper-village\", \"lower-village\"]",
    );
    folder(&[("places.toml", PLACES), ("test-event.toml", &file)])
}

fn apart(claims: &[String]) -> serde_json::Value {
    compare_json(data(claims).path(), &[])["places_apart"].clone()
}

#[test]
fn two_villages_on_two_rows_are_flagged_on_both_rows_and_once_for_the_event() {
    let claims = [
        killed("toll", "armenia-mod", 4, "upper-village"),
        attack("blame", "armenia-pm", "lower-village"),
    ];
    let v = apart(&claims);
    assert_eq!(v[0]["place"], "lower-village", "{v}");
    assert_eq!(v[0]["rows"][0], "attacked", "{v}");
    assert_eq!(v[1]["place"], "upper-village", "{v}");
    assert_eq!(v[1]["rows"][0], "Armenia · killed", "{v}");
    let dir = data(&claims);
    let csv = Claims::new()
        .data(dir.path())
        .args(["compare", "test-event", "--format", "csv"])
        .succeeds();
    csv.stdout_has("places apart across rows: Upper village here, Lower village elsewhere")
        .stdout_has("places apart across rows: Lower village here, Upper village elsewhere");
    for format in ["table", "markdown"] {
        Claims::new()
            .data(dir.path())
            .args(["compare", "test-event", "--format", format])
            .succeeds()
            .stdout_has("Places apart across rows: Lower village (attacked), Upper village (Armenia · killed).");
    }
    for format in ["markdown", "html"] {
        Claims::new()
            .data(dir.path())
            .args(["report", "test-event", "--format", format])
            .succeeds()
            .stdout_has("Places apart across rows: Lower village");
    }
    // The order of the claims in the file changes nothing.
    let mut reversed = claims.clone();
    reversed.reverse();
    assert_eq!(apart(&reversed), v);
}

#[test]
fn a_village_and_its_district_on_two_rows_are_not_flagged() {
    let v = apart(&[
        killed("toll", "armenia-mod", 4, "upper-village"),
        attack("blame", "armenia-pm", "district"),
    ]);
    assert!(v.is_null(), "{v}");
    // One place named on every row: nothing to flag either.
    let same = apart(&[
        killed("toll", "armenia-mod", 4, "lower-village"),
        attack("blame", "armenia-pm", "lower-village"),
    ]);
    assert!(same.is_null(), "{same}");
}

#[test]
fn a_withdrawn_statement_names_no_place() {
    // The attack's place was retracted: only its current voices count.
    let retract = claim(
        "unsaid",
        "armenia-pm",
        "2021-11-17",
        "retracts = \"blame\"",
        "",
    );
    let v = apart(&[
        killed("toll", "armenia-mod", 4, "upper-village"),
        attack("blame", "armenia-pm", "lower-village"),
        retract,
    ]);
    assert!(v.is_null(), "{v}");
}

#[test]
fn only_conflicts_weighs_the_places_of_the_rows_it_keeps() {
    // The killed row is in conflict (4 against 9); the attack row is not
    // shown with --conflicts, so its village is no longer set against it.
    let dir = data(&[
        killed("toll", "armenia-mod", 4, "upper-village"),
        killed("their-toll", "azerbaijan-mod", 9, "upper-village"),
        attack("blame", "armenia-pm", "lower-village"),
    ]);
    let all = compare_json(dir.path(), &[]);
    assert_eq!(
        all["places_apart"].as_array().map(Vec::len),
        Some(2),
        "{all}"
    );
    let kept = compare_json(dir.path(), &["--conflicts"]);
    assert!(kept["places_apart"].is_null(), "{kept}");
}
