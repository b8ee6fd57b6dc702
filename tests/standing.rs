//! Who is speaking, and about what (issue 12): a source's standing decides
//! the perspective and the groupings; unnamed and unofficial speakers are
//! voices apart; counts of several parties, breakdowns, places, demands,
//! retractions and corrections, and confirmation across sides. Each rule on
//! fixtures written for it.

mod common;
use common::*;

/// Sources of every standing beside the shipped ones.
const EXTRA: &str = r#"
[[source]]
id = "am-agency"
name = "An Armenian state news agency"
party = "armenia"
kind = "news-agency"
standing = "affiliated"

[[source]]
id = "am-mp"
name = "An Armenian opposition MP"
party = "armenia"
kind = "other"
standing = "individual"

[[source]]
id = "ngo"
name = "A monitoring NGO"
kind = "other"
standing = "independent"

[[source]]
id = "eu-body"
name = "An EU monitoring mission"
party = "european-union"
kind = "international-organisation"
standing = "international"
"#;

fn with_extra(claims: &[String]) -> tempfile::TempDir {
    folder(&[
        ("test-event.toml", &event_file(claims)),
        ("extra.toml", EXTRA),
    ])
}

/// The perspective of the first entry in a column of a figure row.
fn perspective<'v>(row: &'v serde_json::Value, column: &str) -> &'v str {
    row["cells"][column][0]["perspective"]
        .as_str()
        .unwrap_or("")
}

#[test]
fn standing_decides_whose_account_a_figure_is() {
    let dir = with_extra(&[
        claim(
            "a",
            "am-agency",
            "2021-11-16",
            &fig("armenia", "killed", "exact = 4"),
            "",
        ),
        claim(
            "b",
            "am-agency",
            "2021-11-16",
            &fig("azerbaijan", "killed", "exact = 40"),
            "",
        ),
        claim(
            "c",
            "am-mp",
            "2021-11-16",
            &fig("armenia", "wounded", "exact = 9"),
            "",
        ),
        claim(
            "d",
            "ngo",
            "2021-11-16",
            &fig("armenia", "captured", "exact = 2"),
            "",
        ),
        claim(
            "e",
            "eu-body",
            "2021-11-16",
            &fig("armenia", "missing", "exact = 1"),
            "",
        ),
        claim(
            "f",
            "kremlin",
            "2021-11-16",
            &fig("armenia", "positions-lost", "exact = 2"),
            "",
        ),
        claim(
            "g",
            "armenia-mod",
            "2021-11-16",
            &fig("armenia", "killed", "exact = 4"),
            "",
        ),
    ]);
    let v = compare_json(dir.path(), &[]);
    let killed = figure_row(&v, "armenia", "killed");
    assert_eq!(perspective(killed, "am-agency"), "own-unofficial");
    assert_eq!(perspective(killed, "armenia-mod"), "own");
    let adversary = figure_row(&v, "azerbaijan", "killed");
    assert_eq!(perspective(adversary, "am-agency"), "adversary");
    let mp = figure_row(&v, "armenia", "wounded");
    assert_eq!(perspective(mp, "am-mp"), "own-unofficial");
    assert_eq!(
        perspective(figure_row(&v, "armenia", "captured"), "ngo"),
        "third-party"
    );
    // An international body stays a third party even when it names a party.
    assert_eq!(
        perspective(figure_row(&v, "armenia", "missing"), "eu-body"),
        "third-party"
    );
    // A third state's organ is a third party.
    assert_eq!(
        perspective(figure_row(&v, "armenia", "positions-lost"), "kremlin"),
        "third-party"
    );
    let table = Claims::new()
        .data(dir.path())
        .args(["compare", "test-event"])
        .fails(0)
        .stdout;
    assert!(table.contains("4 (own, unofficial)"), "{table}");
    assert!(
        table.contains("am-mp: An Armenian opposition MP (Armenia, individual)"),
        "{table}"
    );
}

#[test]
fn check_refuses_an_unknown_standing_and_names_the_known_ones() {
    let bad = "[[source]]\nid = \"x\"\nname = \"X\"\nkind = \"other\"\nstanding = \"partisan\"\n";
    let dir = folder(&[("bad.toml", bad)]);
    let out = Claims::new().data(dir.path()).args(["check"]).fails(2);
    assert!(
        reports(
            &out.stdout,
            "bad.toml:5:12",
            "`partisan` is not a value `standing` takes"
        ),
        "{}",
        out.stdout
    );
    for known in [
        "organ",
        "affiliated",
        "individual",
        "independent",
        "international",
    ] {
        assert!(out.stdout.contains(&format!("`{known}`")), "{}", out.stdout);
    }
}

#[test]
fn check_refuses_a_standing_its_party_contradicts() {
    let bad = "[[source]]\nid = \"x\"\nname = \"X\"\nkind = \"other\"\nstanding = \"organ\"\n\n\
               [[source]]\nid = \"y\"\nname = \"Y\"\nparty = \"armenia\"\nkind = \"other\"\nstanding = \"independent\"\n";
    let dir = folder(&[("bad.toml", bad)]);
    let out = Claims::new().data(dir.path()).args(["check"]).fails(2);
    assert!(
        reports(
            &out.stdout,
            "bad.toml:5:12",
            "source `x` is `organ` but names no party"
        ),
        "{}",
        out.stdout
    );
    assert!(
        reports(
            &out.stdout,
            "bad.toml:10:9",
            "source `y` is independent but names party `armenia`"
        ),
        "{}",
        out.stdout
    );
}

#[test]
fn sources_without_a_standing_keep_their_old_meaning() {
    let old =
        "[[source]]\nid = \"s-organ\"\nname = \"A\"\nparty = \"armenia\"\nkind = \"ministry\"\n\n\
               [[source]]\nid = \"s-free\"\nname = \"B\"\nkind = \"newspaper\"\n\n\
               [[source]]\nid = \"s-intl\"\nname = \"C\"\nkind = \"international-organisation\"\n";
    let dir = folder(&[("old.toml", old)]);
    let out = Claims::new()
        .data(dir.path())
        .args(["sources", "--format", "json"])
        .fails(0);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).expect("json");
    let standing = |id: &str| {
        let all = v["sources"].as_array().expect("sources");
        let s = all.iter().find(|s| s["id"] == id).expect("the source");
        s["standing"].as_str().unwrap_or("").to_string()
    };
    assert_eq!(standing("s-organ"), "organ");
    assert_eq!(standing("s-free"), "independent");
    assert_eq!(standing("s-intl"), "international");
}

/// A state's ministry and head of government say 5, its news agency 5, an
/// opposition MP 30: the MP's toll is a dissent, not the state's revision.
fn dissent() -> tempfile::TempDir {
    with_extra(&[
        claim(
            "mod",
            "armenia-mod",
            "2021-11-16",
            &fig("armenia", "killed", "exact = 5"),
            "",
        ),
        claim(
            "pm",
            "armenia-pm",
            "2021-11-16",
            &fig("armenia", "killed", "exact = 5"),
            "",
        ),
        claim(
            "agency",
            "am-agency",
            "2021-11-16",
            &fig("armenia", "killed", "exact = 5"),
            "",
        ),
        claim(
            "mp",
            "am-mp",
            "2021-11-16",
            &fig("armenia", "killed", "exact = 30"),
            "",
        ),
    ])
}

#[test]
fn by_party_merges_organs_only_and_a_dissenting_toll_stays_a_dissent() {
    let dir = dissent();
    let v = compare_json(dir.path(), &["--by", "party"]);
    let columns: Vec<&str> = v["columns"]
        .as_array()
        .expect("columns")
        .iter()
        .filter_map(|c| c["id"].as_str())
        .collect();
    assert_eq!(columns, ["armenia", "am-agency", "am-mp"]);
    let row = figure_row(&v, "armenia", "killed");
    // The organs' 5 stands alone in their column: the MP's 30 is not theirs.
    assert_eq!(row["cells"]["armenia"][0]["text"], "5");
    assert!(row["cells"]["armenia"][0]["earlier"]
        .as_array()
        .is_some_and(|e| e.is_empty()));
    assert_eq!(row["verdict"]["verdict"], "conflict");
    assert_eq!(
        row["verdict"]["participants"],
        serde_json::json!(["am-agency", "am-mp", "armenia"])
    );
    let name = v["columns"][0]["name"].as_str().unwrap_or("");
    assert!(name.contains("organs"), "{name}");
}

#[test]
fn by_side_merges_every_aligned_voice_into_one_column() {
    let dir = dissent();
    let v = compare_json(dir.path(), &["--by", "side"]);
    assert_eq!(v["grouping"], "side");
    let columns: Vec<&str> = v["columns"]
        .as_array()
        .expect("columns")
        .iter()
        .filter_map(|c| c["id"].as_str())
        .collect();
    assert_eq!(columns, ["armenia"]);
    let name = v["columns"][0]["name"].as_str().unwrap_or("");
    assert!(name.contains("every voice aligned"), "{name}");
    // One voice now, whose speakers gave 5 and 30 the same day: both shown,
    // and a disagreement within the side, never hidden by merging (issue 22).
    let row = figure_row(&v, "armenia", "killed");
    let texts: Vec<&str> = row["cells"]["armenia"]
        .as_array()
        .expect("cell")
        .iter()
        .filter_map(|e| e["text"].as_str())
        .collect();
    assert_eq!(texts.len(), 4, "{texts:?}");
    assert!(texts.contains(&"30"), "{texts:?}");
    assert_eq!(row["verdict"]["verdict"], "conflict");
    let why = row["verdict"]["explanation"].as_str().unwrap_or("");
    assert!(why.starts_with("the side's own voices disagree"), "{why}");
}

#[test]
fn an_unnamed_official_is_a_voice_apart_from_the_official_one() {
    let dir = with_extra(&[
        claim(
            "on",
            "armenia-mod",
            "2021-11-16",
            &fig("armenia", "killed", "exact = 5"),
            "",
        ),
        claim(
            "off",
            "armenia-mod",
            "2021-11-16",
            &fig("armenia", "killed", "exact = 12"),
            "attribution = \"unnamed\"\n",
        ),
        claim(
            "unoff",
            "armenia-mod",
            "2021-11-17",
            &fig("armenia", "wounded", "exact = 30"),
            "attribution = \"unofficial\"\n",
        ),
    ]);
    let v = compare_json(dir.path(), &[]);
    let row = figure_row(&v, "armenia", "killed");
    // The unnamed official's 12 stands beside the ministry's 5, not as its revision.
    assert_eq!(
        row["voices"],
        serde_json::json!(["armenia-mod", "armenia-mod#unnamed"])
    );
    assert_eq!(row["verdict"]["verdict"], "conflict");
    let cell = row["cells"]["armenia-mod"].as_array().expect("cell");
    assert_eq!(cell.len(), 2);
    let unnamed = cell
        .iter()
        .find(|e| e["text"] == "12")
        .expect("the unnamed figure");
    assert_eq!(unnamed["perspective"], "own-unofficial");
    assert_eq!(unnamed["claims"][0]["attribution"], "unnamed");
    let table = Claims::new()
        .data(dir.path())
        .args(["compare", "test-event"])
        .fails(0)
        .stdout;
    assert!(table.contains("12 (own, unnamed official)"), "{table}");
    assert!(table.contains("30 (own, unofficial figures)"), "{table}");
    // Under --by party an unnamed official is not the state's organ speaking.
    let v = compare_json(dir.path(), &["--by", "party"]);
    let row = figure_row(&v, "armenia", "killed");
    assert_eq!(row["cells"]["armenia"][0]["text"], "5");
    assert_eq!(row["cells"]["armenia-mod"][0]["text"], "12");
}

fn both(quantity: &str) -> String {
    format!(
        "figure = {{ parties = [\"armenia\", \"azerbaijan\"], metric = \"killed\", {quantity} }}"
    )
}

#[test]
fn a_count_on_both_sides_is_set_beside_each_partys_own_figures_summed() {
    let own = |a: &str, b: &str| {
        vec![
            claim("total", "ngo", "2021-11-16", &both("at_least = 20"), ""),
            claim(
                "am",
                "armenia-mod",
                "2021-11-16",
                &fig("armenia", "killed", a),
                "",
            ),
            claim(
                "az",
                "azerbaijan-mod",
                "2021-11-16",
                &fig("azerbaijan", "killed", b),
                "",
            ),
        ]
    };
    let dir = with_extra(&own("exact = 15", "exact = 7"));
    let v = compare_json(dir.path(), &[]);
    let row = figure_row(&v, "armenia+azerbaijan", "killed");
    assert_eq!(row["parties"], serde_json::json!(["armenia", "azerbaijan"]));
    let sum = &row["cells"]["Σ own"][0];
    assert_eq!(sum["text"], "15 + 7 = 22");
    assert_eq!(sum["derived"], true);
    assert_eq!(row["verdict"]["verdict"], "consistent");
    // Both sides admit 5 between them; the NGO counts at least 20.
    let dir = with_extra(&own("exact = 3", "exact = 2"));
    let v = compare_json(dir.path(), &[]);
    let row = figure_row(&v, "armenia+azerbaijan", "killed");
    assert_eq!(row["verdict"]["verdict"], "conflict");
    assert_eq!(row["verdict"]["ratio"], 4.0);
    let table = Claims::new()
        .data(dir.path())
        .args(["compare", "test-event"])
        .fails(0)
        .stdout;
    assert!(table.contains("Armenia + Azerbaijan"), "{table}");
}

#[test]
fn a_voice_giving_each_partys_figure_is_summed_for_the_joint_row() {
    let dir = with_extra(&[
        claim("t", "armenia-mod", "2021-11-16", &both("exact = 12"), ""),
        claim(
            "a",
            "ngo",
            "2021-11-16",
            &fig("armenia", "killed", "exact = 4"),
            "",
        ),
        claim(
            "b",
            "ngo",
            "2021-11-16",
            &fig("azerbaijan", "killed", "exact = 8"),
            "",
        ),
    ]);
    let v = compare_json(dir.path(), &[]);
    let row = figure_row(&v, "armenia+azerbaijan", "killed");
    assert_eq!(row["cells"]["ngo"][0]["text"], "4 + 8 = 12");
    // Armenia's count of both sides includes its own losses.
    assert_eq!(row["cells"]["armenia-mod"][0]["perspective"], "mixed");
    assert_eq!(row["verdict"]["verdict"], "consistent");
}

#[test]
fn check_refuses_a_figure_without_a_party_or_with_one_joint_party() {
    let claims = [
        claim("none", "ngo", "2021-11-16", "figure = { metric = \"killed\", exact = 1 }", ""),
        claim("one", "ngo", "2021-11-16", "figure = { parties = [\"armenia\"], metric = \"killed\", exact = 1 }", ""),
        claim("twice", "ngo", "2021-11-16", "figure = { party = \"armenia\", parties = [\"armenia\", \"azerbaijan\"], metric = \"killed\", exact = 1 }", ""),
    ];
    let dir = with_extra(&claims);
    let out = Claims::new()
        .data(dir.path())
        .args(["check"])
        .fails(2)
        .stdout;
    assert!(
        reports(&out, "test-event.toml:22:10", "names no party"),
        "{out}"
    );
    assert!(
        reports(&out, "test-event.toml:32:22", "`parties` lists 1 party"),
        "{out}"
    );
    assert!(
        reports(&out, "test-event.toml:42:20", "both `party` and `parties`"),
        "{out}"
    );
}

fn breakdown(total: &str, parts: &str) -> String {
    format!(
        "[claim.figure]\nparty = \"armenia\"\nmetric = \"killed\"\n{total}\nbreakdown = [{parts}]"
    )
}

#[test]
fn a_breakdown_keeps_its_parts_and_each_part_is_compared() {
    let dir = with_extra(&[
        claim(
            "b",
            "armenia-mod",
            "2021-11-16",
            &breakdown("exact = 35", "{ of = \"soldiers\", exact = 30 }, { of = \"border-guards\", exact = 5 }"),
            "",
        ),
        claim(
            "g",
            "azerbaijan-mod",
            "2021-11-16",
            "figure = { party = \"armenia\", metric = \"killed\", of = \"border-guards\", exact = 12 }",
            "",
        ),
    ]);
    let v = compare_json(dir.path(), &[]);
    let rows = v["figures"].as_array().expect("rows");
    let total = rows
        .iter()
        .find(|r| r["metric"] == "killed" && r["category"].is_null())
        .expect("total");
    assert_eq!(total["cells"]["armenia-mod"][0]["text"], "35");
    let part = |cat: &str| {
        rows.iter()
            .find(|r| r["category"] == cat)
            .expect("a part row")
    };
    assert_eq!(part("soldiers")["cells"]["armenia-mod"][0]["text"], "30");
    let guards = part("border-guards");
    assert_eq!(guards["cells"]["armenia-mod"][0]["text"], "5");
    assert_eq!(guards["cells"]["azerbaijan-mod"][0]["text"], "12");
    assert_eq!(guards["verdict"]["verdict"], "conflict");
    let table = Claims::new()
        .data(dir.path())
        .args(["compare", "test-event"])
        .fails(0)
        .stdout;
    assert!(table.contains("killed: border guards"), "{table}");
    let list = Claims::new()
        .data(dir.path())
        .args(["list", "--format", "json"])
        .fails(0)
        .stdout;
    assert!(list.contains("35: 30 soldiers, 5 border-guards"), "{list}");
}

#[test]
fn check_refuses_a_breakdown_that_cannot_add_up() {
    let dir = with_extra(&[claim(
        "b",
        "armenia-mod",
        "2021-11-16",
        &breakdown(
            "exact = 35",
            "{ of = \"soldiers\", exact = 30 }, { of = \"soldiers\", exact = 1 }",
        ),
        "",
    )]);
    let out = Claims::new()
        .data(dir.path())
        .args(["check"])
        .fails(2)
        .stdout;
    assert!(
        out.contains("the breakdown names `soldiers` twice"),
        "{out}"
    );
    let dir = with_extra(&[claim(
        "b",
        "armenia-mod",
        "2021-11-16",
        &breakdown(
            "exact = 35",
            "{ of = \"soldiers\", exact = 30 }, { of = \"civilians\", at_least = 6 }",
        ),
        "",
    )]);
    let out = Claims::new()
        .data(dir.path())
        .args(["check"])
        .fails(2)
        .stdout;
    assert!(
        out.contains("the parts add up to at least 36, which cannot be the total 35"),
        "{out}"
    );
}

#[test]
fn regression_an_unnamed_officials_later_figure_does_not_hide_the_official_one_in_its_cell() {
    let dir = with_extra(&[
        claim(
            "on",
            "armenia-mod",
            "2021-11-16",
            &fig("armenia", "killed", "exact = 5"),
            "",
        ),
        claim(
            "off",
            "armenia-mod",
            "2021-11-17",
            &fig("armenia", "killed", "exact = 12"),
            "attribution = \"unnamed\"\n",
        ),
    ]);
    let v = compare_json(dir.path(), &[]);
    let cell = figure_row(&v, "armenia", "killed")["cells"]["armenia-mod"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let texts: Vec<&str> = cell.iter().filter_map(|e| e["text"].as_str()).collect();
    assert_eq!(texts, ["5", "12"]);
    let table = Claims::new()
        .data(dir.path())
        .args(["compare", "test-event"])
        .fails(0)
        .stdout;
    // Two voices in one cell, not one voice's statements in an unknown order.
    assert!(!table.contains("order unknown"), "{table}");
}

fn column_ids(v: &serde_json::Value) -> Vec<String> {
    let columns = v["columns"].as_array().cloned().unwrap_or_default();
    columns
        .iter()
        .filter_map(|c| c["id"].as_str().map(str::to_string))
        .collect()
}

#[test]
fn columns_stand_sides_first_then_third_states_then_the_unaligned() {
    let dir = with_extra(&[
        claim(
            "n",
            "ngo",
            "2021-11-16",
            &fig("armenia", "killed", "exact = 1"),
            "",
        ),
        claim(
            "k",
            "kremlin",
            "2021-11-16",
            &fig("armenia", "killed", "exact = 1"),
            "",
        ),
        claim(
            "z",
            "azerbaijan-mod",
            "2021-11-16",
            &fig("armenia", "killed", "exact = 1"),
            "",
        ),
        claim(
            "g",
            "am-agency",
            "2021-11-16",
            &fig("armenia", "killed", "exact = 1"),
            "",
        ),
        claim(
            "m",
            "armenia-mod",
            "2021-11-16",
            &fig("armenia", "killed", "exact = 1"),
            "",
        ),
    ]);
    let v = compare_json(dir.path(), &[]);
    assert_eq!(
        column_ids(&v),
        [
            "am-agency",
            "armenia-mod",
            "azerbaijan-mod",
            "kremlin",
            "ngo"
        ]
    );
    // Merged, a party comes before its sources that stay apart.
    let v = compare_json(dir.path(), &["--by", "party"]);
    assert_eq!(
        column_ids(&v),
        ["armenia", "am-agency", "azerbaijan", "russia", "ngo"]
    );
}

#[test]
fn a_source_named_like_a_party_is_still_a_source_when_not_merged() {
    // An independent monitor whose id is also a party's: its report of that
    // party's losses is a third party's, not a self-report.
    let extra = "[[party]]\nid = \"monitors\"\nname = \"Monitors\"\n\n\
                 [[source]]\nid = \"monitors\"\nname = \"A monitoring group\"\nkind = \"other\"\nstanding = \"independent\"\n";
    let claims = [claim(
        "a",
        "monitors",
        "2021-11-16",
        &fig("monitors", "wounded", "exact = 1"),
        "",
    )];
    let dir = folder(&[
        ("test-event.toml", &event_file(&claims)),
        ("extra.toml", extra),
    ]);
    let v = compare_json(dir.path(), &[]);
    assert_eq!(
        perspective(figure_row(&v, "monitors", "wounded"), "monitors"),
        "third-party"
    );
}

#[test]
fn regression_merged_by_side_an_unofficial_voice_stays_unofficial() {
    let dir = with_extra(&[claim(
        "c",
        "am-mp",
        "2021-11-16",
        &fig("armenia", "wounded", "exact = 9"),
        "",
    )]);
    let v = compare_json(dir.path(), &["--by", "side"]);
    assert_eq!(
        perspective(figure_row(&v, "armenia", "wounded"), "armenia"),
        "own-unofficial"
    );
}

#[test]
fn regression_a_joint_count_of_the_other_side_and_a_third_state_is_an_adversary_claim() {
    let dir = with_extra(&[claim(
        "j",
        "azerbaijan-mod",
        "2021-11-16",
        "figure = { parties = [\"armenia\", \"russia\"], metric = \"killed\", exact = 3 }",
        "",
    )]);
    let v = compare_json(dir.path(), &[]);
    assert_eq!(
        perspective(figure_row(&v, "armenia+russia", "killed"), "azerbaijan-mod"),
        "adversary"
    );
}

#[test]
fn regression_an_international_body_naming_a_side_does_not_speak_for_it() {
    let extra = format!("{EXTRA}\n[[source]]\nid = \"odd\"\nname = \"Odd body\"\nparty = \"armenia\"\nkind = \"other\"\nstanding = \"international\"\n");
    let claims = [
        claim(
            "a",
            "odd",
            "2021-11-16",
            &fig("armenia", "captured", "at_least = 5"),
            "",
        ),
        claim(
            "b",
            "azerbaijan-mod",
            "2021-11-16",
            &fig("armenia", "captured", "exact = 9"),
            "",
        ),
    ];
    let dir = folder(&[
        ("test-event.toml", &event_file(&claims)),
        ("extra.toml", &extra),
    ]);
    let v = compare_json(dir.path(), &[]);
    let row = figure_row(&v, "armenia", "captured");
    assert_eq!(perspective(row, "odd"), "third-party");
    assert_eq!(row["verdict"]["both_sides"], false);
}

#[test]
fn regression_a_partial_sum_of_own_figures_puts_no_figure_forward() {
    let dir = with_extra(&[
        claim("t", "ngo", "2021-11-16", &both("exact = 10"), ""),
        claim(
            "a",
            "armenia-mod",
            "2021-11-16",
            &fig("armenia", "killed", "exact = 4"),
            "",
        ),
    ]);
    let v = compare_json(dir.path(), &[]);
    let row = figure_row(&v, "armenia+azerbaijan", "killed");
    assert_eq!(
        row["cells"]["Σ own"][0]["text"],
        "Armenia 4, Azerbaijan not given (≥ 4 in all)"
    );
    // Not "far apart: 10 vs 4": 4 is not a figure anyone put forward.
    assert_eq!(row["verdict"]["verdict"], "not-comparable");
    assert_eq!(row["verdict"]["reason"], "incomplete");
}

#[test]
fn regression_breakdowns_with_vague_words_decimals_or_a_category_are_checked() {
    let vague = breakdown(
        "vague = \"several\"",
        "{ of = \"soldiers\", exact = 30 }, { of = \"border-guards\", exact = 5 }",
    );
    let decimal = breakdown(
        "exact = 35",
        "{ of = \"soldiers\", exact = 29.5 }, { of = \"border-guards\", exact = 5.5 }",
    );
    let of = "[claim.figure]\nparty = \"armenia\"\nmetric = \"killed\"\nof = \"soldiers\"\nexact = 35\nbreakdown = [{ of = \"soldiers\", exact = 30 }, { of = \"border-guards\", exact = 5 }]".to_string();
    for (body, message) in [
        (
            vague,
            "the parts add up to 35, which cannot be the total several",
        ),
        (decimal, "a whole number is expected"),
        (of, "a figure of `soldiers` only has no breakdown"),
    ] {
        let dir = with_extra(&[claim("b", "armenia-mod", "2021-11-16", &body, "")]);
        let out = Claims::new()
            .data(dir.path())
            .args(["check"])
            .fails(2)
            .stdout;
        assert!(out.contains(message), "{out}");
    }
}

#[test]
fn regression_a_category_figure_above_another_voices_total_conflicts() {
    let dir = with_extra(&[
        claim("all", "azerbaijan-mod", "2021-11-16", &fig("azerbaijan", "killed", "exact = 7"), ""),
        claim("sold", "armenia-mod", "2021-11-16", "figure = { party = \"azerbaijan\", metric = \"killed\", of = \"soldiers\", exact = 50 }", ""),
    ]);
    let v = compare_json(dir.path(), &[]);
    let rows = v["figures"].as_array().cloned().unwrap_or_default();
    let total = rows
        .iter()
        .find(|r| r["metric"] == "killed" && r["category"].is_null())
        .expect("total row");
    // 50 soldiers is a floor under Armenia's total: at least 50 against 7.
    assert_eq!(
        total["cells"]["armenia-mod"][0]["text"],
        "soldiers 50, other not given (≥ 50 in all)"
    );
    assert_eq!(total["verdict"]["verdict"], "conflict");
}

#[test]
fn regression_stats_and_summaries_count_sources_not_voice_keys() {
    let dir = with_extra(&[
        claim("t", "ngo", "2021-11-16", &both("exact = 30"), ""),
        claim(
            "a",
            "armenia-mod",
            "2021-11-16",
            &fig("armenia", "killed", "exact = 4"),
            "",
        ),
        claim(
            "b",
            "azerbaijan-mod",
            "2021-11-16",
            &fig("azerbaijan", "killed", "exact = 5"),
            "",
        ),
        claim(
            "u",
            "armenia-mod",
            "2021-11-16",
            &fig("armenia", "killed", "exact = 40"),
            "attribution = \"unnamed\"\n",
        ),
    ]);
    let stats = Claims::new()
        .data(dir.path())
        .args(["stats"])
        .fails(0)
        .stdout;
    assert!(!stats.contains('#') && !stats.contains("Σ own"), "{stats}");
    let report = Claims::new()
        .data(dir.path())
        .args(["report", "test-event"])
        .fails(0)
        .stdout;
    assert!(report.contains("3 sources made 4 statements"), "{report}");
    // Each party's own figures read once each in the sum.
    let v = compare_json(dir.path(), &[]);
    assert_eq!(
        figure_row(&v, "armenia+azerbaijan", "killed")["cells"]["Σ own"][0]["text"],
        "4 + 5 = 9"
    );
}

#[test]
fn a_third_states_joint_count_of_a_side_and_another_state_is_a_third_partys() {
    let dir = with_extra(&[claim(
        "j",
        "turkey-mfa",
        "2021-11-16",
        "figure = { parties = [\"armenia\", \"russia\"], metric = \"killed\", exact = 3 }",
        "",
    )]);
    let v = compare_json(dir.path(), &[]);
    let row = figure_row(&v, "armenia+russia", "killed");
    assert_eq!(perspective(row, "turkey-mfa"), "third-party");
}

#[test]
fn unofficial_figures_keep_their_cell_in_their_sources_column() {
    let dir = with_extra(&[
        claim(
            "on",
            "armenia-mod",
            "2021-11-16",
            &fig("armenia", "wounded", "exact = 5"),
            "",
        ),
        claim(
            "off",
            "armenia-mod",
            "2021-11-16",
            &fig("armenia", "wounded", "exact = 30"),
            "attribution = \"unofficial\"\n",
        ),
    ]);
    let v = compare_json(dir.path(), &[]);
    let row = figure_row(&v, "armenia", "wounded");
    let cell = row["cells"]["armenia-mod"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let texts: Vec<&str> = cell.iter().filter_map(|e| e["text"].as_str()).collect();
    assert_eq!(texts, ["5", "30"]);
    assert_eq!(
        row["voices"],
        serde_json::json!(["armenia-mod", "armenia-mod#unofficial"])
    );
    assert_eq!(cell[1]["perspective"], "own-unofficial");
}
