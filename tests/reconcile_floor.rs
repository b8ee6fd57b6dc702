//! `--reconcile range` (issue 22, rule 7): a party's own figure for its
//! own losses is a floor under every estimate of them.

mod common;
use common::*;

fn reconciled(claims: &[String], rule: &str) -> String {
    let dir = folder(&[("test-event.toml", &event_file(claims))]);
    let v = compare_json(dir.path(), &["--reconcile", rule]);
    figure_row(&v, "azerbaijan", "killed")["reconciled"]
        .as_str()
        .unwrap_or("")
        .to_string()
}

fn killed(id: &str, source: &str, quantity: &str) -> String {
    claim(
        id,
        source,
        "2021-11-16",
        &fig("azerbaijan", "killed", quantity),
        "",
    )
}

#[test]
fn an_own_figure_is_a_floor_under_every_estimate_of_its_losses() {
    // "Up to 70" from a third party against the party's own 17: low 17, not 0.
    let claims = [
        killed("own", "azerbaijan-mod", "exact = 17"),
        killed("third", "kremlin", "at_most = 70"),
    ];
    assert_eq!(reconciled(&claims, "range"), "17 / 17 / 70");
    // A vague word and an own exact figure: the best is at least the own.
    let claims = [
        killed("own", "azerbaijan-mod", "exact = 5"),
        killed("adv", "armenia-mod", "vague = \"several\""),
    ];
    let text = reconciled(&claims, "range");
    let parts: Vec<u64> = text.split(" / ").filter_map(|p| p.parse().ok()).collect();
    assert_eq!(parts.len(), 3, "{text}");
    assert!(parts[0] >= 5 && parts[1] >= 5, "{text}");
}

#[test]
fn an_estimate_of_the_others_losses_sets_no_floor() {
    // The adversary's claim about Azerbaijan's losses is no floor: low stays its lowest.
    let claims = [
        killed("adv", "armenia-mod", "exact = 40"),
        killed("third", "kremlin", "at_most = 70"),
    ];
    assert_eq!(reconciled(&claims, "range"), "0 / 40 / 70");
}
