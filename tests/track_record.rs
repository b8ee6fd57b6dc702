//! A source's track record across events (issue 26), on made-up events
//! whose figures and records give a letter computed here by hand.

mod common;
use common::*;
use serde_json::Value;

/// An event `id` where Azerbaijan's ministry says `claimed` Armenians were
/// killed and Armenia's named list later shows `named`.
fn event(id: &str, claimed: u32, named: u32) -> String {
    let claims = [
        claim(
            &format!("{id}-claim"),
            "azerbaijan-mod",
            "2021-11-16",
            &fig("armenia", "killed", &format!("exact = {claimed}")),
            "",
        ),
        claim(
            &format!("{id}-own"),
            "armenia-mod",
            "2021-11-16",
            &fig("armenia", "killed", &format!("exact = {named}")),
            "",
        ),
        claim(
            &format!("{id}-record"),
            "armenia-mod",
            "2021-11-20",
            &fig("armenia", "killed", &format!("exact = {named}")),
            "record = \"named-list\"\n",
        ),
    ];
    event_file(&claims)
        .replace("id = \"test-event\"", &format!("id = \"{id}\""))
        .replace("id = \"doc\"", &format!("id = \"{id}-doc\""))
        .replace("document = \"doc\"", &format!("document = \"{id}-doc\""))
}

fn track(files: &[(&str, &str)]) -> Value {
    let dir = folder(files);
    let out = Claims::new()
        .data(dir.path())
        .args(["sources", "--record", "azerbaijan-mod", "--format", "json"])
        .succeeds();
    serde_json::from_str(&out.stdout).expect("JSON")
}

#[test]
fn three_documented_figures_give_a_letter_computed_by_hand() {
    // Ratios 10/10 = 1, 30/10 = 3 (above the floor, no total: not
    // "exceeded"), 12/10 = 1.2: median 1.2, worst 3, none exceeded: A.
    let (a, b, c) = (
        event("ev-a", 10, 10),
        event("ev-b", 30, 10),
        event("ev-c", 12, 10),
    );
    let v = track(&[("a.toml", &a), ("b.toml", &b), ("c.toml", &c)]);
    let s = &v["standing"];
    assert_eq!(s["documented"], 3, "{v}");
    assert_eq!(s["exceeded"], 0, "{v}");
    assert_eq!(s["median_ratio"], 1.2, "{v}");
    assert_eq!(s["worst_ratio"], 3.0, "{v}");
    assert_eq!(s["letter"], "A", "{v}");
    // The figures it rests on are listed, with their grades.
    assert_eq!(v["documented"][1]["claim"], "ev-b-claim", "{v}");
    assert_eq!(v["documented"][1]["grade"], 4, "{v}");
}

#[test]
fn fewer_than_three_documented_figures_are_not_enough_record() {
    let (a, b) = (event("ev-a", 10, 10), event("ev-b", 30, 10));
    let v = track(&[("a.toml", &a), ("b.toml", &b)]);
    assert_eq!(v["standing"]["letter"], "F", "{v}");
    let dir = folder(&[("a.toml", &a), ("b.toml", &b)]);
    Claims::new()
        .data(dir.path())
        .args(["sources", "--record", "azerbaijan-mod"])
        .succeeds()
        .stdout_has("not enough record (2 documented)");
    Claims::new()
        .data(dir.path())
        .args(["stats", "--format", "csv"])
        .succeeds()
        .stdout_has("azerbaijan-mod,azerbaijan,2,2,2,,");
}

#[test]
fn an_unknown_source_is_an_error_with_the_nearest() {
    Claims::new()
        .args(["sources", "--record", "azerbaijan-mdo"])
        .fails(2)
        .stderr_has("unknown source `azerbaijan-mdo`")
        .stderr_has("azerbaijan-mod");
}
