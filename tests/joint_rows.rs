//! Joint rows (issue 22, rule 5): a row of several parties weighs joint
//! figures and the sum of each party's own; it never repeats a conflict
//! that one party's row already shows.

mod common;
use common::*;

fn killed(id: &str, source: &str, party: &str, quantity: &str) -> String {
    claim(
        id,
        source,
        "2021-11-16",
        &fig(party, "killed", quantity),
        "",
    )
}

fn joint(id: &str, source: &str, quantity: &str) -> String {
    let f = format!(
        "figure = {{ parties = [\"armenia\", \"azerbaijan\"], metric = \"killed\", {quantity} }}"
    );
    claim(id, source, "2021-11-16", &f, "")
}

#[test]
fn a_joint_row_never_repeats_a_one_party_conflict() {
    // Armenia's own 4 plus its claim of 90 Azerbaijani dead, against each
    // side's own 4 + 4: the 90-against-4 conflict is Azerbaijan's row's.
    let dir = folder(&[(
        "test-event.toml",
        &event_file(&[
            killed("a-own", "armenia-mod", "armenia", "exact = 4"),
            killed("a-adv", "armenia-mod", "azerbaijan", "exact = 90"),
            killed("b-own", "azerbaijan-mod", "azerbaijan", "exact = 4"),
            joint("third", "kremlin", "at_least = 5"),
        ]),
    )]);
    let v = compare_json(dir.path(), &[]);
    assert_eq!(
        figure_row(&v, "azerbaijan", "killed")["verdict"]["verdict"],
        "conflict"
    );
    let row = figure_row(&v, "armenia+azerbaijan", "killed");
    assert_ne!(row["verdict"]["verdict"], "conflict", "{row}");
    assert_eq!(v["conflicts"].as_array().map(Vec::len), Some(1), "{v}");
}

#[test]
fn a_joint_figure_is_still_weighed_against_the_sides_own_sum() {
    // A third party's "at least 20 killed on both sides" against what the
    // sides admit (4 + 4): a conflict of the joint row's own.
    let dir = folder(&[(
        "test-event.toml",
        &event_file(&[
            killed("a-own", "armenia-mod", "armenia", "exact = 4"),
            killed("b-own", "azerbaijan-mod", "azerbaijan", "exact = 4"),
            joint("third", "kremlin", "at_least = 20"),
        ]),
    )]);
    let v = compare_json(dir.path(), &[]);
    let row = figure_row(&v, "armenia+azerbaijan", "killed");
    assert_eq!(row["verdict"]["verdict"], "conflict", "{row}");
}

#[test]
fn two_sums_of_party_figures_alone_are_not_weighed_again() {
    let dir = folder(&[(
        "test-event.toml",
        &event_file(&[
            killed("a-own", "armenia-mod", "armenia", "exact = 4"),
            killed("a-adv", "armenia-mod", "azerbaijan", "exact = 90"),
            killed("b-own", "azerbaijan-mod", "azerbaijan", "exact = 4"),
            joint("third", "kremlin", "vague = \"some\""),
        ]),
    )]);
    let v = compare_json(dir.path(), &[]);
    let row = figure_row(&v, "armenia+azerbaijan", "killed");
    assert_ne!(row["verdict"]["verdict"], "conflict", "{row}");
}

#[test]
fn the_sum_of_own_figures_takes_each_partys_current_one() {
    // Armenia's ministry said 5 on the 16th, its prime minister 2 on the
    // 17th: Σ own is 2 + 9, not "(5 or 2) + 9".
    let dir = folder(&[(
        "test-event.toml",
        &event_file(&[
            killed("mod", "armenia-mod", "armenia", "exact = 5"),
            claim(
                "pm",
                "armenia-pm",
                "2021-11-17",
                &fig("armenia", "killed", "exact = 2"),
                "",
            ),
            killed("az", "azerbaijan-mod", "azerbaijan", "exact = 9"),
            joint("third", "kremlin", "at_least = 5"),
        ]),
    )]);
    let v = compare_json(dir.path(), &[]);
    let row = figure_row(&v, "armenia+azerbaijan", "killed");
    let sum = &row["cells"]["Σ own"][0];
    assert_eq!(sum["text"], "2 + 9 = 11", "{row}");
}

#[test]
fn the_sum_of_own_figures_leaves_out_running_totals() {
    // Armenia's 4 this event, then "27 since May": Σ own is 4 + 9.
    let dir = folder(&[(
        "test-event.toml",
        &event_file(&[
            killed("mod", "armenia-mod", "armenia", "exact = 4"),
            claim(
                "since",
                "armenia-mod",
                "2021-11-17",
                &fig("armenia", "killed", "exact = 27, since = \"2021-05-01\""),
                "",
            ),
            killed("az", "azerbaijan-mod", "azerbaijan", "exact = 9"),
            joint("third", "kremlin", "at_least = 5"),
        ]),
    )]);
    let v = compare_json(dir.path(), &[]);
    let row = figure_row(&v, "armenia+azerbaijan", "killed");
    assert_eq!(row["cells"]["Σ own"][0]["text"], "4 + 9 = 13", "{row}");
}
