//! A source's standing over time, and sources no one named (issue 23): a
//! president who becomes a former president speaks for his state until
//! the day he leaves and for himself after; "others reported" is a
//! standing `unknown`, shown and never counted as corroboration.

mod common;
use common::*;

/// A head of state until 16 November 2021, a private person after; and a
/// source with no name.
const SOURCES: &str = r#"
[[source]]
id = "arm-president"
name = "President of Armenia"
short_name = "Arm. Pres."
party = "armenia"
kind = "head-of-state"
periods = [{ until = "2021-11-16", standing = "organ" }, { standing = "individual" }]

[[source]]
id = "others"
name = "Others, unnamed, as a report puts it"
kind = "other"
standing = "unknown"
"#;

fn data(claims: &[String]) -> tempfile::TempDir {
    folder(&[
        ("more-sources.toml", SOURCES),
        ("test-event.toml", &event_file(claims)),
    ])
}

fn killed(id: &str, source: &str, said: &str, party: &str, n: u32) -> String {
    claim(
        id,
        source,
        said,
        &fig(party, "killed", &format!("exact = {n}")),
        "",
    )
}

#[test]
fn a_claim_takes_the_standing_of_the_day_it_was_said() {
    let dir = data(&[
        killed("as-president", "arm-president", "2021-11-16", "armenia", 6),
        killed("as-former", "arm-president", "2021-11-18", "armenia", 9),
    ]);
    let v = compare_json(dir.path(), &[]);
    let row = figure_row(&v, "armenia", "killed");
    let cell = row["cells"]["arm-president"]
        .as_array()
        .expect("a cell of the president's");
    let perspectives: Vec<&str> = cell
        .iter()
        .filter_map(|e| e["perspective"].as_str())
        .collect();
    // Only the current statement (said after he left office) is shown:
    // a private person's count of his side's losses is not its official one.
    assert_eq!(perspectives, ["own-unofficial"], "{row}");
    let earlier = killed(
        "only-as-president",
        "arm-president",
        "2021-11-16",
        "armenia",
        6,
    );
    let v = compare_json(data(&[earlier]).path(), &[]);
    let row = figure_row(&v, "armenia", "killed");
    assert_eq!(
        row["cells"]["arm-president"][0]["perspective"], "own",
        "{row}"
    );
}

#[test]
fn by_party_merges_only_what_was_said_in_office() {
    let dir = data(&[
        killed(
            "as-president",
            "arm-president",
            "2021-11-16",
            "azerbaijan",
            30,
        ),
        killed("as-former", "arm-president", "2021-11-18", "azerbaijan", 50),
    ]);
    let v = compare_json(dir.path(), &["--by", "party"]);
    let row = figure_row(&v, "azerbaijan", "killed");
    assert_eq!(cell_texts(&row["cells"]["armenia"]), ["30"], "{row}");
    assert_eq!(cell_texts(&row["cells"]["arm-president"]), ["50"], "{row}");
}

#[test]
fn list_gives_the_standing_of_the_day() {
    let dir = data(&[
        killed(
            "as-president",
            "arm-president",
            "2021-11-16",
            "azerbaijan",
            30,
        ),
        killed("as-former", "arm-president", "2021-11-18", "azerbaijan", 50),
    ]);
    let out = Claims::new()
        .data(dir.path())
        .args(["list", "--format", "json"])
        .succeeds()
        .stdout;
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let standing = |id: &str| {
        v["claims"]
            .as_array()
            .and_then(|cs| cs.iter().find(|c| c["claim"] == id))
            .map(|c| c["standing"].clone())
            .unwrap_or_else(|| panic!("no {id} in {v}"))
    };
    assert_eq!(standing("as-president"), "organ");
    assert_eq!(standing("as-former"), "individual");
}

#[test]
fn sources_and_vocab_say_how_the_standing_changed() {
    let dir = data(&[]);
    let table = Claims::new()
        .data(dir.path())
        .args(["sources", "--format", "csv"])
        .succeeds()
        .stdout;
    assert!(
        table.contains("organ until 2021-11-16, then individual"),
        "{table}"
    );
    let out = Claims::new()
        .data(dir.path())
        .args(["vocab", "sources", "--format", "json"])
        .succeeds()
        .stdout;
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let president = v["sources"]
        .as_array()
        .and_then(|s| s.iter().find(|s| s["id"] == "arm-president"))
        .unwrap_or_else(|| panic!("{v}"));
    assert_eq!(president["standing"], "individual", "{president}");
    assert_eq!(
        president["periods"][0]["until"], "2021-11-16",
        "{president}"
    );
    assert_eq!(president["periods"][0]["standing"], "organ", "{president}");
}

fn check_sources(sources: &str, claims: &[String]) -> String {
    let dir = folder(&[
        ("more-sources.toml", sources),
        ("test-event.toml", &event_file(claims)),
    ]);
    Claims::new()
        .data(dir.path())
        .args(["check"])
        .fails(2)
        .stdout
}

fn president(periods: &str, extra: &str) -> String {
    format!(
        "[[source]]\nid = \"p\"\nname = \"P\"\nparty = \"armenia\"\nkind = \"head-of-state\"\n{extra}periods = {periods}\n"
    )
}

#[test]
fn check_refuses_periods_that_do_not_make_one_line() {
    let both = check_sources(
        &president(
            r#"[{ until = "2020-01-01", standing = "organ" }, { standing = "individual" }]"#,
            "standing = \"organ\"\n",
        ),
        &[],
    );
    assert!(
        reports(
            &both,
            "more-sources.toml:6:12",
            "gives both `standing` and `periods`"
        ),
        "{both}"
    );
    assert!(both.contains("hint: keep `periods`"), "{both}");
    let open = check_sources(
        &president(
            r#"[{ standing = "organ" }, { standing = "individual" }]"#,
            "",
        ),
        &[],
    );
    assert!(open.contains("before the last has no `until`"), "{open}");
    let ended = check_sources(
        &president(r#"[{ standing = "organ", until = "2020-01-01" }]"#, ""),
        &[],
    );
    assert!(
        ended.contains("the last period of `p` has an end"),
        "{ended}"
    );
    let disorder = check_sources(
        &president(
            r#"[{ until = "2020-01-01", standing = "organ" }, { until = "2019-01-01", standing = "affiliated" }, { standing = "individual" }]"#,
            "",
        ),
        &[],
    );
    assert!(disorder.contains("are not in order"), "{disorder}");
    let month = check_sources(
        &president(
            r#"[{ until = "2020-01", standing = "organ" }, { standing = "individual" }]"#,
            "",
        ),
        &[],
    );
    assert!(month.contains("is not one day"), "{month}");
}

#[test]
fn check_refuses_a_claim_said_on_either_side_of_a_change() {
    // "by 2021-11-17" may be on the 16th (in office) or the 17th (not).
    let out = check_sources(
        SOURCES,
        &[killed(
            "unclear",
            "arm-president",
            "by 2021-11-17",
            "armenia",
            6,
        )],
    );
    assert!(
        out.contains("`unclear` may have been said before or after 2021-11-16"),
        "{out}"
    );
    assert!(out.contains("test-event.toml:"), "{out}");
    assert!(out.contains("hint: give `said` to the day"), "{out}");
    // A relay of the president's word is held to the same.
    let relayed = claim(
        "relayed",
        "armenian-times",
        "2021-11",
        &fig("armenia", "killed", "exact = 6"),
        "origin = \"arm-president\"\n",
    );
    let out = check_sources(SOURCES, &[relayed]);
    assert!(out.contains("`relayed` may have been said"), "{out}");
}

#[test]
fn check_refuses_an_unknown_source_that_names_a_party() {
    let out = check_sources(
        "[[source]]\nid = \"x\"\nname = \"X\"\nparty = \"armenia\"\nkind = \"other\"\nstanding = \"unknown\"\n",
        &[],
    );
    assert!(
        out.contains("source `x` is unknown but names party `armenia`"),
        "{out}"
    );
    assert!(
        out.contains("attribution = \\\"unnamed\\\"") || out.contains("attribution = \"unnamed\""),
        "{out}"
    );
}

#[test]
fn a_named_voice_and_an_unnamed_report_do_not_corroborate() {
    let dir = data(&[
        killed("named", "armenia-mod", "2021-11-16", "azerbaijan", 12),
        killed("unnamed", "others", "2021-11-16", "azerbaijan", 12),
    ]);
    let v = compare_json(dir.path(), &[]);
    let row = figure_row(&v, "azerbaijan", "killed");
    assert_eq!(row["verdict"]["verdict"], "consistent", "{row}");
    assert_eq!(row["verdict"]["unattributed_only"], true, "{row}");
    assert_eq!(
        row["cells"]["others"][0]["perspective"], "unattributed",
        "{row}"
    );
    let text = row["verdict"]["explanation"].as_str().unwrap_or_default();
    let table = Claims::new()
        .data(dir.path())
        .args(["compare", "test-event"])
        .run()
        .stdout;
    assert!(
        table.contains("one named, not independent"),
        "{text}\n{table}"
    );
    assert!(
        table.contains("unnamed = a report with no source named"),
        "{table}"
    );
}

#[test]
fn two_named_voices_still_corroborate_beside_an_unnamed_one() {
    let dir = data(&[
        killed("named", "armenia-mod", "2021-11-16", "azerbaijan", 12),
        killed("press", "afp", "2021-11-16", "azerbaijan", 12),
        killed("unnamed", "others", "2021-11-16", "azerbaijan", 12),
    ]);
    let v = compare_json(dir.path(), &[]);
    let row = figure_row(&v, "azerbaijan", "killed");
    assert_eq!(row["verdict"]["verdict"], "consistent", "{row}");
    assert_eq!(row["verdict"]["unattributed_only"], false, "{row}");
}

#[test]
fn blame_repeated_by_an_unnamed_report_is_not_corroborated() {
    let blame = |id: &str, source: &str| {
        claim(
            id,
            source,
            "2021-11-16",
            &acc("azerbaijan", "started-fighting"),
            "",
        )
    };
    let dir = data(&[blame("named", "armenia-mod"), blame("unnamed", "others")]);
    let v = compare_json(dir.path(), &[]);
    let rows = v["statements"].as_array().expect("statement rows");
    let row = rows
        .iter()
        .find(|r| r["verdict"]["verdict"] == "consistent")
        .unwrap_or_else(|| panic!("{v}"));
    assert_eq!(row["verdict"]["unattributed_only"], true, "{row}");
}
