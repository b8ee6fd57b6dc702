//! `claims compare` on the shipped data: the rows that matter, asserted.

mod common;
use common::*;

fn kilisali(extra: &[&str]) -> String {
    let mut args = vec!["compare", "kilisali-2021"];
    args.extend_from_slice(extra);
    let (code, out, err) = run(&args);
    assert_eq!(code, 0, "{err}");
    out
}

#[test]
fn seventy_against_seven_plus_ten_is_a_conflict() {
    let out = kilisali(&[]);
    let row = row_with(&out, &["Azerbaijan", "killed or wounded"]).expect("row");
    assert!(row.contains("70 (adv.)"), "{row}");
    assert!(row.contains("7 + 10 = 17 (own)"), "{row}");
    assert!(
        row.contains("CONFLICT: 4.1× apart; adversary claim vs self-report"),
        "{row}"
    );
}

#[test]
fn the_mirror_accusation_of_firing_first_is_a_conflict() {
    let out = kilisali(&[]);
    let row = row_with(&out, &["started the fighting"]).expect("row");
    assert!(
        row.contains("accuses Azerbaijan") && row.contains("accuses Armenia"),
        "{row}"
    );
    assert!(row.contains("CONFLICT: each blames the other"), "{row}");
    assert!(out.contains("— mirror accusation:"), "{out}");
}

#[test]
fn the_territorial_affirm_and_deny_is_a_conflict() {
    let out = kilisali(&[]);
    let row = row_with(&out, &["encroached on the other's territory"]).expect("row");
    assert!(row.contains("accuses Azerbaijan (in May 2021)"), "{row}");
    assert!(row.contains("denies doing it"), "{row}");
    // The accuser is named as accusing, the denier as denying.
    assert!(
        row.contains("CONFLICT: Yerevan accuses Azerbaijan; Baku denies it"),
        "{row}"
    );
}

#[test]
fn armenias_own_losses_are_single_source_self_reports() {
    let out = kilisali(&[]);
    for (metric, n) in [("killed", "1"), ("captured", "12"), ("missing", "24")] {
        let row = out
            .lines()
            .find(|l| l.contains("│ Armenia") && l.contains(&format!("┆ {metric} ")))
            .unwrap_or_else(|| panic!("no Armenia {metric} row in\n{out}"));
        assert!(row.contains(&format!("{n} (own)")), "{row}");
        assert!(row.contains("single source (self-report)"), "{row}");
    }
}

#[test]
fn the_ceasefire_at_1830_stands_without_conflict() {
    let out = kilisali(&[]);
    let row = row_with(&out, &["stopped from 18:30"]).expect("row");
    assert!(
        row.contains("affirms") && row.contains("single source"),
        "{row}"
    );
    assert!(!row.contains("CONFLICT"), "{row}");
}

#[test]
fn appeals_are_shown_but_take_no_side() {
    let out = kilisali(&[]);
    let row = row_with(&out, &["engage directly and constructively"]).expect("row");
    assert!(row.contains("appeal: no side taken"), "{row}");
}

#[test]
fn hedged_reports_stay_hedged() {
    let out = kilisali(&[]);
    let row = row_with(&out, &["positions lost"]).expect("row");
    // The Armenian Times is affiliated with Armenia: an unofficial self-report.
    assert!(row.contains("2 (own, unofficial) (reportedly)"), "{row}");
}

#[test]
fn conflicts_are_listed_with_quotes_and_citations() {
    let out = kilisali(&[]);
    let list = out
        .split("\nConflicts in detail\n")
        .nth(1)
        .expect("a conflicts section");
    assert!(
        list.starts_with("1. Azerbaijan · killed or wounded — figures: 4.1× apart"),
        "{list}"
    );
    assert!(list.contains(
        "«les dernières déclarations faisant état de 70 soldats azéris tués ou blessés»"
    ));
    assert!(list.contains("«et dix autres blessés»"));
    assert!(list.contains("reported in Overt Defense"));
    assert!(list.contains("[claim kil-azerbaijan-mod-own-wounded]"));
    assert_eq!(
        list.lines()
            .filter(|l| l.starts_with(char::is_numeric))
            .count(),
        3
    );
}

#[test]
fn by_party_merges_the_organs_of_a_state() {
    let out = kilisali(&["--by", "party"]);
    let header = out
        .lines()
        .find(|l| l.contains("whose") && l.contains("metric"))
        .unwrap();
    assert!(
        header.contains("┆ Armenia ") && header.contains("┆ Azerbaijan "),
        "{header}"
    );
    assert!(
        !header.contains("armenia-mod") && !header.contains("azerbaijan-mod"),
        "{header}"
    );
    let row = row_with(&out, &["Azerbaijan", "killed or wounded"]).unwrap();
    assert!(row.contains("CONFLICT: 4.1×"), "{row}");
}

#[test]
fn reconcile_labels_its_rule() {
    let out = kilisali(&["--reconcile", "conservative"]);
    assert!(out.contains("reconciled (conservative: lowest figure)"));
    let row = row_with(&out, &["Azerbaijan", "killed or wounded"]).unwrap();
    assert!(
        row.trim_end()
            .trim_end_matches('│')
            .trim_end()
            .ends_with("17"),
        "{row}"
    );

    let out = kilisali(&["--reconcile", "range"]);
    let row = row_with(&out, &["Azerbaijan", "killed or wounded"]).unwrap();
    assert!(row.contains("17 / 17 / 70"), "{row}");
}

#[test]
fn corroboration_counts_claimants_not_outlets() {
    // russia-mod speaks, Interfax relays it, armenia-mod agrees: two voices, not three.
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(fixture("good/relay.toml"), dir.path().join("relay.toml")).unwrap();
    let (code, out, err) = run(&[
        "--data",
        dir.path().to_str().unwrap(),
        "compare",
        "relay-test",
    ]);
    assert_eq!(code, 0, "{err}");
    let row = row_with(&out, &["Armenia", "killed"]).unwrap();
    assert!(row.contains("consistent (2 voices)"), "{row}");
}

#[test]
fn as_of_drops_later_statements() {
    Claims::new()
        .args(["compare", "kilisali-2021", "--as-of", "2021-11-15"])
        .fails(2)
        .stderr_snapshot("as_of_before_any_claim");
    // On the 16th only Blinken's tweet "late on 16 November" was certainly
    // said; the ministry's statements are dated only by the report (by the 17th).
    let out = kilisali(&["--as-of", "2021-11-16"]);
    assert!(out.contains("as known on 2021-11-16"));
    assert!(!out.contains("killed or wounded"), "{out}");
    assert!(row_with(&out, &["stopped from 18:30"]).is_none(), "{out}");
    assert!(
        row_with(&out, &["Concern at reports of fighting"]).is_some(),
        "{out}"
    );
    let out = kilisali(&["--as-of", "2021-11-17"]);
    assert!(row_with(&out, &["stopped from 18:30"]).is_some(), "{out}");
}

#[test]
fn fail_on_conflict_exits_1() {
    Claims::new()
        .args(["compare", "kilisali-2021", "--fail-on-conflict"])
        .fails(1)
        .stdout_has("CONFLICT");
}

#[test]
fn an_unknown_event_names_the_nearest() {
    let o = Claims::new()
        .args(["compare", "kilisali-2012"])
        .fails(2)
        .stderr_snapshot("unknown_event");
    assert!(o.stdout.is_empty());
}

#[test]
fn json_is_versioned_and_carries_the_conflict() {
    let out = kilisali(&["--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["format_version"], 2);
    assert_eq!(v["kind"], "comparison");
    let row = v["figures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["party"] == "azerbaijan" && r["metric"] == "killed-or-wounded")
        .unwrap();
    assert_eq!(row["verdict"]["verdict"], "conflict");
    assert_eq!(row["cells"]["azerbaijan-mod"][0]["text"], "7 + 10 = 17");
    assert_eq!(row["cells"]["azerbaijan-mod"][0]["derived"], true);
    assert_eq!(row["cells"]["armenia"][0]["perspective"], "adversary");
    // Yerevan's "significant losses" and its 70 come from one report: the data
    // cannot order them, so both stay current.
    assert_eq!(row["cells"]["armenia"].as_array().map(Vec::len), Some(2));
    assert_eq!(
        row["verdict"]["ratio"].as_f64().map(|r| (r * 10.0).round()),
        Some(41.0)
    );
    assert_eq!(v["conflicts"].as_array().unwrap().len(), 3);
}

#[test]
fn csv_and_tsv_parse_with_a_header_row() {
    for (fmt, delim) in [("csv", b','), ("tsv", b'\t')] {
        let out = kilisali(&["--format", fmt]);
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delim)
            .from_reader(out.as_bytes());
        let headers = reader.headers().unwrap().clone();
        assert_eq!(&headers[0], "section");
        let col = headers.iter().position(|h| h == "azerbaijan-mod").unwrap();
        let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
        let row = rows
            .iter()
            .find(|r| &r[1] == "Azerbaijan" && &r[2] == "killed or wounded")
            .unwrap();
        // With how it stands to the record (7 named dead: a floor).
        assert_eq!(
            &row[col],
            "7 + 10 = 17 (own) [2.4× the documented floor, no total; grade 3]"
        );
        assert!(row[headers.len() - 1].starts_with("CONFLICT"));
    }
}

#[test]
fn color_only_when_asked_or_on_a_terminal() {
    let out = kilisali(&[]);
    assert!(!out.contains('\x1b'), "piped output has no escape codes");
    let out = kilisali(&["--color", "always"]);
    assert!(out.contains("\x1b["), "--color always colours");
    let o = claims()
        .args(["compare", "kilisali-2021", "--color", "auto"])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&o.stdout).contains('\x1b'));
}

#[test]
fn piped_tables_are_not_wrapped() {
    let out = kilisali(&[]);
    // Every row of a table is one line: the long statement stays whole.
    assert!(out.lines().any(|l| l.contains(
        "Both sides should engage directly and constructively to resolve outstanding issues, including border demarcation"
    )));
}
