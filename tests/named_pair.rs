//! Headlines (issue 22, rule 6): the gap a conflict names between two
//! voices holds whichever of a voice's unordered statements is current, and
//! each voice is named once.

mod common;
use common::*;

fn killed(id: &str, source: &str, said: &str, n: u32) -> String {
    claim(
        id,
        source,
        said,
        &fig("armenia", "killed", &format!("exact = {n}")),
        "",
    )
}

fn ratio(v: &serde_json::Value) -> f64 {
    let row = figure_row(v, "armenia", "killed");
    assert_eq!(row["verdict"]["verdict"], "conflict", "{row}");
    row["verdict"]["ratio"].as_f64().expect("a ratio")
}

/// The ministry's 1 (some time on the 16th) and 5 (at 18:00 that day)
/// cannot be ordered; the adversary says 12.
fn unordered() -> Vec<String> {
    vec![
        killed("own-1", "armenia-mod", "2021-11-16", 1),
        killed("own-5", "armenia-mod", "2021-11-16T18:00", 5),
        killed("adv", "azerbaijan-mod", "2021-11-16T12:00", 12),
    ]
}

#[test]
fn the_gap_named_holds_whichever_unordered_figure_is_current() {
    let dir = folder(&[("test-event.toml", &event_file(&unordered()))]);
    let v = compare_json(dir.path(), &[]);
    // 12 against 5, not against 1.
    assert!((ratio(&v) - 2.4).abs() < 0.01, "{v}");
}

#[test]
fn the_headline_names_each_voice_once() {
    let dir = folder(&[("test-event.toml", &event_file(&unordered()))]);
    let out = Claims::new()
        .data(dir.path())
        .args(["compare", "test-event"])
        .run();
    let line = out
        .stdout
        .lines()
        .find(|l| l.starts_with("1. "))
        .expect("a numbered conflict");
    assert_eq!(line.matches("Arm. MoD").count(), 1, "{line}");
    assert!(line.contains("Arm. MoD 5 or 1 vs Az. MoD 12"), "{line}");
}

#[test]
fn the_pair_named_is_the_widest_of_the_voices_closest_gaps() {
    // Ministry {1, 5} against the adversary's 12 is at least 2.4× apart;
    // against a third party's 13, at least 2.6×: that pair is named, never
    // the 13× against the 1.
    let mut claims = unordered();
    claims.push(killed("third", "kremlin", "2021-11-16T12:00", 13));
    let dir = folder(&[("test-event.toml", &event_file(&claims))]);
    let v = compare_json(dir.path(), &[]);
    assert!((ratio(&v) - 2.6).abs() < 0.01, "{v}");
}

#[test]
fn the_pair_named_does_not_depend_on_claim_order() {
    let mut claims = unordered();
    claims.push(killed("third", "kremlin", "2021-11-16T12:00", 13));
    let forward = folder(&[("test-event.toml", &event_file(&claims))]);
    claims.reverse();
    let backward = folder(&[("test-event.toml", &event_file(&claims))]);
    let (a, b) = (
        compare_json(forward.path(), &[]),
        compare_json(backward.path(), &[]),
    );
    assert_eq!(a["figures"], b["figures"]);
    assert_eq!(a["conflicts"], b["conflicts"]);
}
