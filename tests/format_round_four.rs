//! One made-up event using every field issue 23 has added so far
//! (`tests/fixtures/round-four`): `check` accepts it, the JSON Schema
//! validates it, and its verdicts are the ones written down here before
//! the tool ran.

mod common;
use common::*;

fn dir() -> String {
    fixture("round-four")
}

fn compare() -> serde_json::Value {
    let out = Claims::new()
        .data(dir())
        .args(["compare", "rf-event", "--format", "json"])
        .run();
    assert!(out.code == 0 || out.code == 1, "{out:?}");
    serde_json::from_str(&out.stdout).expect("JSON")
}

#[test]
fn check_accepts_it() {
    Claims::new().data(dir()).args(["check"]).succeeds();
}

#[test]
fn the_schema_validates_it() {
    let schema: serde_json::Value = serde_json::from_str(&output(&["schema"])).expect("schema");
    let validator = jsonschema::validator_for(&schema).expect("a schema");
    let text = std::fs::read_to_string(format!("{}/event.toml", dir())).expect("read");
    let value: toml::Value = toml::from_str(&text).expect("TOML");
    let json = serde_json::to_value(value).expect("JSON");
    let errors: Vec<String> = validator
        .iter_errors(&json)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
}

#[test]
fn three_outlets_one_voice_and_the_widest_reading() {
    // Baku's 70 is "up to 70" in one outlet: it allows the Highland
    // army's "fewer than 20", so no conflict; it is still an adversary's
    // claim, since the Highland army speaks for Armenia's side.
    let v = compare();
    let row = figure_row(&v, "rf-highland", "killed");
    assert_ne!(row["verdict"]["verdict"], "conflict", "{row}");
    let baku = &row["cells"]["azerbaijan-mod"][0];
    assert_eq!(baku["perspective"], "adversary", "{row}");
    assert_eq!(
        baku["text"], "up to 70 (reports differ: 70; up to 70) (3 outlets)",
        "{row}"
    );
    assert_eq!(
        row["cells"]["rf-highland-army"][0]["text"], "less than 20",
        "{row}"
    );
    assert_eq!(
        row["cells"]["rf-highland-army"][0]["perspective"], "own",
        "{row}"
    );
}

#[test]
fn a_side_and_its_ally_agree_without_corroborating() {
    let v = compare();
    let row = figure_row(&v, "azerbaijan", "wounded");
    assert_eq!(row["verdict"]["verdict"], "consistent", "{row}");
    assert_eq!(row["verdict"]["allies_only"], true, "{row}");
    assert_eq!(
        row["cells"]["rf-friend-mfa"][0]["perspective"], "ally",
        "{row}"
    );
    assert_eq!(
        row["cells"]["azerbaijan-mod"][0]["text"], "about 1100–1200",
        "{row}"
    );
}

#[test]
fn mutual_blame_across_an_aligned_party_is_a_mirror() {
    let v = compare();
    let rows = v["statements"].as_array().expect("statement rows");
    let row = rows
        .iter()
        .find(|r| r["verdict"]["verdict"] == "conflict")
        .unwrap_or_else(|| panic!("no conflict in {v}"));
    assert_eq!(row["verdict"]["conflict"], "mirror", "{row}");
}

#[test]
fn an_approximate_time_is_shown_as_said() {
    let out = Claims::new()
        .data(dir())
        .args(["show", "rf-baku-highland-dead"])
        .succeeds()
        .stdout;
    assert!(
        out.contains("around 2022-03-01T11:00 (via statement)"),
        "{out}"
    );
}

#[test]
fn a_report_with_no_source_named_does_not_corroborate() {
    let v = compare();
    let row = figure_row(&v, "armenia", "killed");
    assert_eq!(row["verdict"]["verdict"], "consistent", "{row}");
    assert_eq!(row["verdict"]["unattributed_only"], true, "{row}");
    assert_eq!(
        row["cells"]["rf-others"][0]["perspective"], "unattributed",
        "{row}"
    );
}

#[test]
fn a_leader_on_his_last_day_in_office_speaks_as_an_organ() {
    let v = compare();
    let row = figure_row(&v, "rf-highland", "wounded");
    assert_eq!(row["cells"]["rf-leader"][0]["perspective"], "own", "{row}");
}

#[test]
fn the_later_statement_of_one_day_stands() {
    let v = compare();
    let row = figure_row(&v, "armenia", "wounded");
    assert_eq!(cell_texts(&row["cells"]["armenia-mod"]), ["5"], "{row}");
}

#[test]
fn a_misreporting_relay_is_no_voice_against_baku() {
    let v = compare();
    let row = figure_row(&v, "azerbaijan", "killed");
    // Unmarked, the relay's 20 would be the Highland army's against Baku's 2.
    assert_eq!(row["verdict"]["verdict"], "single-source", "{row}");
    assert!(
        row["cells"]["interfax"][0]["withdrawn_by"]["misreports"].is_string(),
        "{row}"
    );
}

#[test]
fn an_increment_reads_against_bakus_own_previous_count() {
    let v = compare();
    let row = figure_row(&v, "azerbaijan", "killed");
    assert_eq!(
        cell_texts(&row["cells"]["azerbaijan-mod"]),
        ["3 more (in all 5)"],
        "{row}"
    );
}

#[test]
fn hectares_are_shown_as_stated_and_weighed_in_square_kilometres() {
    let v = compare();
    let row = figure_row(&v, "rf-highland", "territory-occupied");
    let cell = &row["cells"]["azerbaijan-mod"][0];
    assert_eq!(cell["text"], "50 ha (= 0.5 km²)", "{row}");
    assert_eq!(cell["high"], 0.5, "{row}");
}

#[test]
fn a_position_that_implies_no_civilian_dead_conflicts_with_a_count() {
    let v = compare();
    let row = v["figures"]
        .as_array()
        .and_then(|rows| {
            rows.iter()
                .find(|r| r["party"] == "rf-highland" && r["category"] == "civilians")
        })
        .unwrap_or_else(|| panic!("no civilian row in {v}"));
    assert_eq!(row["verdict"]["verdict"], "conflict", "{row}");
}

#[test]
fn a_demand_meets_the_denial_of_what_it_presupposes() {
    let v = compare();
    let row = statement_row(&v, "rf-forces-across");
    assert_eq!(row["verdict"]["verdict"], "conflict", "{row}");
}

#[test]
fn an_ambiguous_figure_stands_on_both_rows() {
    let v = compare();
    let killed = figure_row(&v, "rf-friend", "killed");
    assert_eq!(
        cell_texts(&killed["cells"]["rf-highland-army"]),
        ["40 (or: killed or wounded)"],
        "{killed}"
    );
    let kw = figure_row(&v, "rf-friend", "killed-or-wounded");
    assert_eq!(
        cell_texts(&kw["cells"]["rf-highland-army"]),
        ["40 (or: killed)"],
        "{kw}"
    );
}

#[test]
fn a_transfer_is_counted_by_a_party_to_it_not_as_a_loss() {
    let v = compare();
    let row = figure_row(&v, "azerbaijan→armenia", "rf-prisoners-released");
    assert_eq!(
        row["cells"]["azerbaijan-mod"][0]["perspective"], "participant",
        "{row}"
    );
}

#[test]
fn breakdowns_by_cause_and_partial_ones() {
    let v = compare();
    let friend = figure_row(&v, "rf-friend", "wounded");
    assert_eq!(
        cell_texts(&friend["cells"]["rf-friend-mfa"]),
        ["6 (5 by fire; 1 by a mine)"],
        "{friend}"
    );
    let guards = v["figures"]
        .as_array()
        .and_then(|r| {
            r.iter()
                .find(|r| r["party"] == "rf-highland" && r["category"] == "border-guards")
        })
        .unwrap_or_else(|| panic!("no border guards row in {v}"));
    assert_eq!(
        cell_texts(&guards["cells"]["azerbaijan-mod"]),
        ["2"],
        "{guards}"
    );
}

#[test]
fn a_place_with_two_names_shows_both() {
    let out = Claims::new()
        .data(dir())
        .args(["compare", "rf-event", "--format", "csv"])
        .run()
        .stdout;
    assert!(
        out.contains("at Eagle Pass (Kartal Pass: Azerbaijan)"),
        "{out}"
    );
}

#[test]
fn a_joint_statement_is_one_claim_and_two_voices() {
    let v = compare();
    let row = statement_row(&v, "rf-pass-closed");
    assert_eq!(row["verdict"]["voices"], 2, "{row}");
}

#[test]
fn a_nested_category_has_its_own_row() {
    let v = compare();
    let children = v["figures"]
        .as_array()
        .and_then(|r| r.iter().find(|r| r["category"] == "rf-children"))
        .unwrap_or_else(|| panic!("no children row in {v}"));
    assert_eq!(
        cell_texts(&children["cells"]["azerbaijan-mod"]),
        ["4"],
        "{children}"
    );
}
