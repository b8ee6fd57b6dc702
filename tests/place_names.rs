//! A place the parties name differently (issue 23): "Parukh" in Yerevan,
//! "Farrukh" in Baku. Shown with the other name in brackets: a naming
//! dispute, never two places.

mod common;
use common::*;

const PLACES: &str = r#"
[[place]]
id = "parukh"
name = "Parukh"
names = [{ name = "Parukh", used_by = ["armenia"] }, { name = "Farrukh", used_by = ["azerbaijan"] }]

[[place]]
id = "other-village"
name = "Other village"
"#;

fn attack(id: &str, source: &str, accused: &str, place: &str) -> String {
    claim(
        id,
        source,
        "2021-11-16",
        &acc(accused, "attack"),
        &format!("place = \"{place}\"\n"),
    )
}

fn data(claims: &[String]) -> tempfile::TempDir {
    let mut file = event_file(claims);
    file = file.replace(
        "sides = [\"armenia\", \"azerbaijan\"]",
        "sides = [\"armenia\", \"azerbaijan\"]\nplaces = [\"parukh\", \"other-village\"]",
    );
    folder(&[("places.toml", PLACES), ("test-event.toml", &file)])
}

#[test]
fn one_place_under_two_names_is_a_naming_dispute_not_two_places() {
    let dir = data(&[
        attack("a", "armenia-mod", "azerbaijan", "parukh"),
        attack("b", "armenia-pm", "azerbaijan", "parukh"),
    ]);
    let csv = Claims::new()
        .data(dir.path())
        .args(["compare", "test-event", "--format", "csv"])
        .run()
        .stdout;
    assert!(csv.contains("at Parukh (Farrukh: Azerbaijan)"), "{csv}");
    assert!(!csv.contains("places differ"), "{csv}");
    let v = compare_json(dir.path(), &[]);
    assert!(v.to_string().find("places_differ").is_none(), "{v}");
}

#[test]
fn two_places_still_differ_and_show_their_names() {
    let dir = data(&[
        attack("a", "armenia-mod", "azerbaijan", "parukh"),
        attack("b", "armenia-pm", "azerbaijan", "other-village"),
    ]);
    let csv = Claims::new()
        .data(dir.path())
        .args(["compare", "test-event", "--format", "csv"])
        .run()
        .stdout;
    assert!(
        csv.contains("places differ: Other village / Parukh (Farrukh: Azerbaijan)"),
        "{csv}"
    );
}

#[test]
fn vocab_and_show_give_every_name() {
    let dir = data(&[attack("a", "armenia-mod", "azerbaijan", "parukh")]);
    let out = Claims::new()
        .data(dir.path())
        .args(["vocab", "places", "--format", "json"])
        .succeeds()
        .stdout;
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let parukh = v["places"]
        .as_array()
        .and_then(|p| p.iter().find(|p| p["id"] == "parukh"))
        .cloned();
    let parukh = parukh.unwrap_or_else(|| panic!("{v}"));
    assert_eq!(parukh["names"][1]["name"], "Farrukh", "{parukh}");
    assert_eq!(parukh["names"][1]["used_by"][0], "azerbaijan", "{parukh}");
    Claims::new()
        .data(dir.path())
        .args(["show", "a"])
        .succeeds()
        .stdout_has("Parukh (Farrukh: Azerbaijan) (parukh)");
}

#[test]
fn check_refuses_a_name_used_by_an_unknown_party() {
    let bad = "[[place]]\nid = \"x\"\nname = \"X\"\nnames = [{ name = \"Y\", used_by = [\"azerbaijn\"] }]\n";
    let dir = folder(&[("places.toml", bad), ("test-event.toml", &event_file(&[]))]);
    let out = Claims::new()
        .data(dir.path())
        .args(["check"])
        .fails(2)
        .stdout;
    assert!(out.contains("unknown party `azerbaijn`"), "{out}");
    assert!(out.contains("did you mean `azerbaijan`?"), "{out}");
}
