//! The event's end bounds running counts (issue 22, rule 2): a cumulative
//! count of this event said after its last day states the final toll, so
//! two such counts compare as at one moment; during the event, counts
//! compare in time order; an explicit `as_of` wins.

mod common;
use common::*;

/// An event from 16 to 18 November 2021 with these claims.
fn three_days(claims: &[String]) -> tempfile::TempDir {
    let text =
        event_file(claims).replace("date = \"2021-11-16\"", "date = \"2021-11-16/2021-11-18\"");
    folder(&[("test-event.toml", &text)])
}

fn killed(id: &str, source: &str, said: &str, quantity: &str, extra: &str) -> String {
    claim(id, source, said, &fig("armenia", "killed", quantity), extra)
}

fn verdict_of(dir: &tempfile::TempDir, metric: &str) -> String {
    let v = compare_json(dir.path(), &[]);
    let row = figure_row(&v, "armenia", metric);
    row["verdict"]["verdict"].as_str().unwrap_or("").to_string()
}

#[test]
fn two_tolls_said_after_the_end_compare_as_one_moment() {
    // Own 64 the day after the fighting stopped; the adversary's "about
    // 380" a month later: not growth, two accounts of the final toll.
    let dir = three_days(&[
        killed("own", "armenia-mod", "2021-11-19", "exact = 64", ""),
        killed("adv", "azerbaijan-mod", "2021-12-20", "about = 380", ""),
    ]);
    assert_eq!(verdict_of(&dir, "killed"), "conflict");
    let v = compare_json(dir.path(), &[]);
    let row = figure_row(&v, "armenia", "killed");
    let why = row["verdict"]["explanation"].as_str().unwrap_or("");
    assert!(why.starts_with("64 against 342–418"), "{why}");
}

#[test]
fn counts_said_during_the_event_still_grow() {
    let dir = three_days(&[
        killed("day1", "armenia-mod", "2021-11-16", "exact = 64", ""),
        killed("day3", "azerbaijan-mod", "2021-11-18", "about = 380", ""),
    ]);
    assert_eq!(verdict_of(&dir, "killed"), "consistent");
    // The last day's running count against the toll the day after: growth.
    let dir = three_days(&[
        killed("day3", "armenia-mod", "2021-11-18", "exact = 64", ""),
        killed("after", "azerbaijan-mod", "2021-11-19", "about = 380", ""),
    ]);
    assert_eq!(verdict_of(&dir, "killed"), "consistent");
    // A running count above the later toll still conflicts.
    let dir = three_days(&[
        killed("day1", "armenia-mod", "2021-11-16", "exact = 500", ""),
        killed("after", "azerbaijan-mod", "2021-12-19", "exact = 64", ""),
    ]);
    assert_eq!(verdict_of(&dir, "killed"), "conflict");
}

#[test]
fn an_explicit_as_of_after_the_end_still_wins() {
    // The adversary dates its count itself: a later moment, so growth.
    let dir = three_days(&[
        killed("own", "armenia-mod", "2021-11-19", "exact = 64", ""),
        killed(
            "adv",
            "azerbaijan-mod",
            "2021-12-20",
            "about = 380, as_of = \"2021-12-20\"",
            "",
        ),
    ]);
    assert_eq!(verdict_of(&dir, "killed"), "consistent");
}

#[test]
fn counts_that_can_shrink_and_running_totals_are_left_as_they_were() {
    // Captured people may be released: two moments after the end are two moments.
    let captured = |id: &str, source: &str, said: &str, q: &str| {
        claim(id, source, said, &fig("armenia", "captured", q), "")
    };
    let dir = three_days(&[
        captured("own", "armenia-mod", "2021-11-19", "exact = 6"),
        captured("adv", "azerbaijan-mod", "2021-12-20", "exact = 30"),
    ]);
    assert_eq!(verdict_of(&dir, "captured"), "not-comparable");
    // A running total since an earlier date keeps growing after the event.
    let since = ", since = \"2021-01-01\"";
    let dir = three_days(&[
        killed(
            "own",
            "armenia-mod",
            "2021-11-19",
            &format!("exact = 64{since}"),
            "",
        ),
        killed(
            "adv",
            "azerbaijan-mod",
            "2021-12-20",
            &format!("exact = 380{since}"),
            "",
        ),
    ]);
    assert_eq!(verdict_of(&dir, "killed"), "consistent");
}

#[test]
fn the_final_toll_is_what_the_reconciled_column_weighs() {
    // Both tolls stand at the event's end: the lowest of them, not only
    // the one said last.
    let dir = three_days(&[
        killed("own", "armenia-mod", "2021-11-19", "exact = 64", ""),
        killed("adv", "azerbaijan-mod", "2021-12-20", "exact = 380", ""),
    ]);
    let v = compare_json(dir.path(), &["--reconcile", "conservative"]);
    let row = figure_row(&v, "armenia", "killed");
    assert_eq!(row["reconciled"], "64", "{row}");
}

/// A composite of a growing part and one that can shrink.
const KILLED_OR_MISSING: &str = "
[[metric]]
id = \"killed-or-missing\"
label = \"killed or missing\"
unit = \"people\"
parts = [\"killed\", \"missing\"]
";

fn war_with_composite(claims: &[String]) -> tempfile::TempDir {
    let mut text =
        event_file(claims).replace("date = \"2021-11-16\"", "date = \"2021-11-16/2021-12-31\"");
    text.push_str(KILLED_OR_MISSING);
    folder(&[("test-event.toml", &text)])
}

#[test]
fn a_sums_growing_part_keeps_its_floor_forward_in_time() {
    // Day 1: 90 killed; day 15: 180 killed or missing. Compatible, and the
    // reason says why, not merely "different moments".
    let later = |n: u32| {
        claim(
            "later",
            "azerbaijan-mod",
            "2021-11-30",
            &fig("armenia", "killed-or-missing", &format!("exact = {n}")),
            "",
        )
    };
    let day1 = killed("day1", "armenia-mod", "2021-11-16", "exact = 90", "");
    let dir = war_with_composite(&[day1.clone(), later(180)]);
    let v = compare_json(dir.path(), &[]);
    let verdict = &figure_row(&v, "armenia", "killed-or-missing")["verdict"];
    assert_eq!(verdict["verdict"], "not-comparable", "{verdict}");
    assert_eq!(verdict["reason"], "above-growing-floor", "{verdict}");
    // At the floor exactly: the killed may all be the whole.
    let dir = war_with_composite(&[day1.clone(), later(90)]);
    let v = compare_json(dir.path(), &[]);
    let verdict = &figure_row(&v, "armenia", "killed-or-missing")["verdict"];
    assert_ne!(verdict["verdict"], "conflict", "{verdict}");
    // Below the floor the killed alone had reached: a conflict.
    let dir = war_with_composite(&[day1, later(50)]);
    let v = compare_json(dir.path(), &[]);
    let verdict = &figure_row(&v, "armenia", "killed-or-missing")["verdict"];
    assert_eq!(verdict["verdict"], "conflict", "{verdict}");
    // Missing alone can shrink: no floor from it.
    let missing = claim(
        "day1",
        "armenia-mod",
        "2021-11-16",
        &fig("armenia", "missing", "exact = 90"),
        "",
    );
    let dir = war_with_composite(&[missing, later(50)]);
    let v = compare_json(dir.path(), &[]);
    let verdict = &figure_row(&v, "armenia", "killed-or-missing")["verdict"];
    assert_eq!(verdict["reason"], "different-moments", "{verdict}");
    // Nobody killed on day 1 sets no floor either.
    let none = killed("day1", "armenia-mod", "2021-11-16", "exact = 0", "");
    let dir = war_with_composite(&[none, later(50)]);
    let v = compare_json(dir.path(), &[]);
    let verdict = &figure_row(&v, "armenia", "killed-or-missing")["verdict"];
    assert_eq!(verdict["reason"], "different-moments", "{verdict}");
}

#[test]
fn a_running_total_never_replaces_this_events_figure() {
    // 12 km² taken in this event, then "about 150 km² since May": both stand.
    let area = |id: &str, said: &str, q: &str| {
        claim(
            id,
            "armenia-pm",
            said,
            &fig("armenia", "territory-occupied", q),
            "",
        )
    };
    let dir = three_days(&[
        area("event", "2021-11-16", "exact = 12, unit = \"km²\""),
        area(
            "since",
            "2021-11-17",
            "about = 150, unit = \"km²\", since = \"2021-05-01\"",
        ),
    ]);
    let v = compare_json(dir.path(), &[]);
    let row = figure_row(&v, "armenia", "territory-occupied");
    let texts = cell_texts(&row["cells"]["armenia-pm"]);
    assert_eq!(texts.len(), 2, "{row}");
    assert_eq!(texts[0], "12", "{row}");
    // Two scopes, not statements of unknown order.
    let table = Claims::new()
        .data(dir.path())
        .args(["compare", "test-event"])
        .succeeds()
        .stdout;
    assert!(!table.contains("order unknown"), "{table}");
    // Reconciled: this event's figure, not the running total.
    let v = compare_json(
        dir.path(),
        &["--by", "party", "--reconcile", "conservative"],
    );
    let row = figure_row(&v, "armenia", "territory-occupied");
    assert_eq!(row["reconciled"], "12", "{row}");
}

#[test]
fn history_keeps_the_sum_a_voice_gave_before_it_stated_the_total() {
    let own = |id: &str, said: &str, metric: &str, n: u32| {
        claim(
            id,
            "armenia-mod",
            said,
            &fig("armenia", metric, &format!("exact = {n}")),
            "",
        )
    };
    let dir = three_days(&[
        own("k", "2021-11-16", "killed", 7),
        own("w", "2021-11-16", "wounded", 10),
        own("total", "2021-11-17", "killed-or-wounded", 20),
    ]);
    let v = compare_json(dir.path(), &["--history"]);
    let cell = &figure_row(&v, "armenia", "killed-or-wounded")["cells"]["armenia-mod"][0];
    assert_eq!(cell["text"], "20", "{cell}");
    assert_eq!(
        cell["earlier"],
        serde_json::json!(["7 + 10 = 17"]),
        "{cell}"
    );
}

#[test]
fn a_running_total_of_a_category_is_no_part_of_this_events_sum() {
    // "27 soldiers killed since May" and this event's 3 border guards: the
    // total's row sums this event's part only.
    let part = |id: &str, q: &str, of: &str| {
        let f =
            format!("figure = {{ party = \"armenia\", metric = \"killed\", of = \"{of}\", {q} }}");
        claim(id, "armenia-mod", "2021-11-16", &f, "")
    };
    let dir = three_days(&[
        part("soldiers", "exact = 27, since = \"2021-05-01\"", "soldiers"),
        part("guards", "exact = 3", "border-guards"),
        claim(
            "adv",
            "azerbaijan-mod",
            "2021-11-16",
            &fig("armenia", "killed", "exact = 10"),
            "",
        ),
    ]);
    let v = compare_json(dir.path(), &[]);
    let row = figure_row(&v, "armenia", "killed");
    let text = row["cells"]["armenia-mod"][0]["text"]
        .as_str()
        .unwrap_or("");
    assert!(!text.contains("27"), "{row}");
    assert!(text.contains('3'), "{row}");
    // 3 + ? is a floor, not in conflict with the adversary's 10.
    assert_ne!(row["verdict"]["verdict"], "conflict", "{row}");
}

/// A count said in the event's very last second is said during it: it is
/// earlier than a final toll said the next day, not at one moment with it.
#[test]
fn a_count_said_in_the_last_second_of_the_event_is_during_it() {
    let dir = three_days(&[
        killed(
            "last",
            "armenia-mod",
            "2021-11-18T23:59:59",
            "exact = 9",
            "",
        ),
        killed("toll", "azerbaijan-mod", "2021-11-19", "exact = 5", ""),
    ]);
    let v = compare_json(dir.path(), &[]);
    let row = figure_row(&v, "armenia", "killed");
    assert_eq!(row["verdict"]["verdict"], "conflict", "{row}");
    let why = row["verdict"]["explanation"].as_str().unwrap_or("");
    assert!(
        why.contains("an earlier count above a later total"),
        "{why}"
    );
}

#[test]
fn a_sum_said_at_the_very_instant_of_the_total_is_not_earlier_than_it() {
    let own = |id: &str, metric: &str, n: u32| {
        claim(
            id,
            "armenia-mod",
            "2021-11-17T10:00:00",
            &fig("armenia", metric, &format!("exact = {n}")),
            "",
        )
    };
    let dir = three_days(&[
        own("k", "killed", 7),
        own("w", "wounded", 10),
        own("total", "killed-or-wounded", 20),
    ]);
    let v = compare_json(dir.path(), &["--history"]);
    let cell = &figure_row(&v, "armenia", "killed-or-wounded")["cells"]["armenia-mod"][0];
    assert_eq!(cell["text"], "20", "{cell}");
    assert_eq!(cell["earlier"], serde_json::json!([]), "{cell}");
}

#[test]
fn parts_that_are_all_running_totals_since_one_date_still_sum() {
    let since = |id: &str, metric: &str, n: u32| {
        claim(
            id,
            "armenia-mod",
            "2021-11-17",
            &fig(
                "armenia",
                metric,
                &format!("exact = {n}, since = \"2021-05-01\""),
            ),
            "",
        )
    };
    let dir = three_days(&[
        since("k", "killed", 27),
        since("w", "wounded", 10),
        claim(
            "adv",
            "azerbaijan-mod",
            "2021-11-17",
            &fig(
                "armenia",
                "killed-or-wounded",
                "exact = 100, since = \"2021-05-01\"",
            ),
            "",
        ),
    ]);
    let v = compare_json(dir.path(), &[]);
    let cell = &figure_row(&v, "armenia", "killed-or-wounded")["cells"]["armenia-mod"][0];
    assert_eq!(cell["text"], "27 + 10 = 37", "{cell}");
}
