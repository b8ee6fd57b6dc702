//! `stats`: how many figures each ratio rests on, no median of one or two,
//! and small ratios shown with their digits (issue 14).

mod common;
use common::*;

fn own_and_claimed(metric: &str, own: u32, claimed: u32) -> [String; 2] {
    [
        claim(
            &format!("own-{metric}"),
            "azerbaijan-mod",
            "2021-11-16",
            &fig("azerbaijan", metric, &format!("exact = {own}")),
            "",
        ),
        claim(
            &format!("claimed-{metric}"),
            "armenia-mod",
            "2021-11-16",
            &fig("azerbaijan", metric, &format!("exact = {claimed}")),
            "",
        ),
    ]
}

fn stats(claims: &[String], format: &str) -> String {
    let dir = folder(&[("test-event.toml", &event_file(claims))]);
    Claims::new()
        .data(dir.path())
        .args(["stats", "--format", format])
        .fails(0)
        .stdout
}

fn armenia_mod(json: &str) -> serde_json::Value {
    let v: serde_json::Value = serde_json::from_str(json).expect("JSON");
    v["sources"]
        .as_array()
        .and_then(|rows| rows.iter().find(|r| r["source"] == "armenia-mod"))
        .cloned()
        .unwrap_or_else(|| panic!("no armenia-mod in {v}"))
}

#[test]
fn one_or_two_figures_give_their_ratios_and_no_median() {
    let claims = own_and_claimed("killed", 10, 40);
    let row = armenia_mod(&stats(&claims, "json"));
    assert_eq!(row["adversary_figures_compared"], 1);
    assert!(row["median_ratio_to_adversary_own"].is_null(), "{row}");
    assert_eq!(row["ratios_to_adversary_own"], serde_json::json!([4.0]));
    let table = stats(&claims, "markdown");
    assert!(table.contains("4.0× (1 figure)"), "{table}");
    assert!(!table.contains("median"), "{table}");

    let mut two = claims.to_vec();
    two.extend(own_and_claimed("wounded", 10, 20));
    let table = stats(&two, "markdown");
    assert!(table.contains("2.0×, 4.0× (2 figures)"), "{table}");
}

#[test]
fn three_figures_give_a_median_and_say_how_many() {
    let mut claims = Vec::new();
    claims.extend(own_and_claimed("killed", 10, 40));
    claims.extend(own_and_claimed("wounded", 10, 20));
    claims.extend(own_and_claimed("captured", 10, 100));
    let row = armenia_mod(&stats(&claims, "json"));
    assert_eq!(row["median_ratio_to_adversary_own"], 4.0, "{row}");
    let table = stats(&claims, "markdown");
    assert!(table.contains("median 4.0× of 3 figures"), "{table}");
}

/// A ratio of 0.045 was shown as "0.0×": as if the claim were nothing.
#[test]
fn regression_a_small_ratio_keeps_its_digits() {
    let claims = own_and_claimed("killed", 200, 9);
    let table = stats(&claims, "markdown");
    assert!(table.contains("0.045× (1 figure)"), "{table}");
}

/// CSV is for programs: plain column names and the ratios as numbers.
#[test]
fn stats_csv_has_plain_columns_and_numbers() {
    let mut claims = Vec::new();
    claims.extend(own_and_claimed("killed", 10, 40));
    claims.extend(own_and_claimed("wounded", 10, 20));
    claims.extend(own_and_claimed("captured", 200, 9));
    let csv = stats(&claims, "csv");
    let mut lines = csv.lines();
    let header = lines.next().unwrap_or("");
    assert_eq!(
        header,
        "source,party,claims,events,adversary_figures_compared,median_ratio_to_adversary_own,ratios_to_adversary_own,rows,conflicts,record_letter,record_documented,record_exceeded"
    );
    let row = lines.find(|l| l.starts_with("armenia-mod,")).unwrap_or("");
    assert_eq!(
        row, "armenia-mod,armenia,3,1,3,2.0,0.045;2.0;4.0,3,3,F,0,0",
        "{csv}"
    );
}
