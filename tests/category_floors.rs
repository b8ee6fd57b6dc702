//! Category figures under a composite (issue 22, rule 5): a voice that gives
//! a part only by category ("wounded soldiers: 10") has given a floor under
//! that part, so its sum is at least theirs; a running total of a category
//! is no floor of this event's count.

mod common;
use common::*;

fn figure(id: &str, source: &str, party: &str, metric: &str, rest: &str) -> String {
    let f = format!("figure = {{ party = \"{party}\", metric = \"{metric}\", {rest} }}");
    claim(id, source, "2021-11-16", &f, "")
}

/// Armenia's own killed and its wounded of one category, against
/// Azerbaijan's count of Armenia's killed or wounded.
fn event(wounded: &str, adversary: &str) -> serde_json::Value {
    let dir = folder(&[(
        "test-event.toml",
        &event_file(&[
            figure("own-k", "armenia-mod", "armenia", "killed", "exact = 10"),
            figure("own-w", "armenia-mod", "armenia", "wounded", wounded),
            figure(
                "adv",
                "azerbaijan-mod",
                "armenia",
                "killed-or-wounded",
                adversary,
            ),
        ]),
    )]);
    compare_json(dir.path(), &[])
}

fn verdict(v: &serde_json::Value) -> String {
    let row = figure_row(v, "armenia", "killed-or-wounded");
    row["verdict"]["verdict"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn a_category_is_a_floor_under_its_part_in_a_sum() {
    // 10 killed + at least 10 wounded soldiers is at least 20: more than the
    // adversary's 15 killed or wounded.
    let v = event("of = \"soldiers\", exact = 10", "exact = 15");
    assert_eq!(verdict(&v), "conflict", "{v}");
    let row = figure_row(&v, "armenia", "killed-or-wounded");
    let texts = cell_texts(&row["cells"]["armenia-mod"]);
    assert!(
        texts.iter().any(|t| t.contains("wounded (soldiers) 10")
            && t.contains("other wounded not given")
            && t.contains("≥ 20")),
        "{texts:?}"
    );
}

#[test]
fn a_category_floor_below_the_other_figure_is_no_conflict() {
    // 10 + at least 3 = at least 13: 15 may well be the whole.
    let v = event("of = \"soldiers\", exact = 3", "exact = 15");
    assert_ne!(verdict(&v), "conflict", "{v}");
}

#[test]
fn a_running_total_of_a_category_is_no_floor() {
    // "10 wounded soldiers since May" counts more than this event: the
    // sum of this event's is 10 + ?, no conflict with 15.
    let v = event(
        "of = \"soldiers\", exact = 10, since = \"2021-05-01\"",
        "exact = 15",
    );
    assert_ne!(verdict(&v), "conflict", "{v}");
}

#[test]
fn a_stated_part_is_used_before_its_categories() {
    // The voice's wounded total (5) is the part; its categories are not
    // added again.
    let dir = folder(&[(
        "test-event.toml",
        &event_file(&[
            figure("own-k", "armenia-mod", "armenia", "killed", "exact = 10"),
            figure("own-w", "armenia-mod", "armenia", "wounded", "exact = 5"),
            figure(
                "own-ws",
                "armenia-mod",
                "armenia",
                "wounded",
                "of = \"soldiers\", exact = 4",
            ),
            figure(
                "adv",
                "azerbaijan-mod",
                "armenia",
                "killed-or-wounded",
                "exact = 15",
            ),
        ]),
    )]);
    let v = compare_json(dir.path(), &[]);
    assert_ne!(verdict(&v), "conflict", "{v}");
}
