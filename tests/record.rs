//! Claims against the record (issue 26): records written for each basis
//! and each grade rule, on made-up data. A record is a claim of its own
//! kind (`record = "named-list"`): weighed against the claims, never among them.

mod common;
use common::*;
use serde_json::Value;

/// A claim stating `n` of `party`'s `metric`.
fn count(id: &str, source: &str, said: &str, party: &str, metric: &str, q: &str) -> String {
    claim(id, source, said, &fig(party, metric, q), "")
}

/// A record on `basis` by `source`.
fn record(
    id: &str,
    source: &str,
    said: &str,
    basis: &str,
    party: &str,
    metric: &str,
    q: &str,
) -> String {
    claim(
        id,
        source,
        said,
        &fig(party, metric, q),
        &format!("record = \"{basis}\"\n"),
    )
}

/// The JSON row of `party`'s `metric`, and the grade of `column`'s first entry.
fn graded(claims: &[String], party: &str, metric: &str, column: &str) -> (Value, u64, String) {
    let dir = folder(&[("test-event.toml", &event_file(claims))]);
    let v = compare_json(dir.path(), &[]);
    let row = figure_row(&v, party, metric).clone();
    let cell = &row["cells"][column][0]["record"];
    let grade = cell["grade"]["grade"].as_u64().unwrap_or(0);
    let against = cell["against_record"].as_str().unwrap_or("").to_string();
    (row, grade, against)
}

#[test]
fn a_sides_own_figure_its_named_list_equals_is_documented_grade_2() {
    let (row, grade, against) = graded(
        &[
            count(
                "own",
                "azerbaijan-mod",
                "2021-11-16",
                "azerbaijan",
                "killed",
                "exact = 7",
            ),
            record(
                "named",
                "azerbaijan-mod",
                "2021-11-17",
                "named-list",
                "azerbaijan",
                "killed",
                "exact = 7",
            ),
        ],
        "azerbaijan",
        "killed",
        "azerbaijan-mod",
    );
    assert_eq!((grade, against.as_str()), (2, "documented"), "{row}");
    assert_eq!(row["documented"]["floor"], 7, "{row}");
    assert_eq!(row["documented"]["floor_records"][0], "named", "{row}");
    // The record is no voice: the row is still one source's.
    assert_eq!(row["verdict"]["verdict"], "single-source", "{row}");
}

#[test]
fn the_adversary_handing_over_what_a_side_claimed_confirms_it_grade_1() {
    let (row, grade, against) = graded(
        &[
            count(
                "held",
                "armenia-mod",
                "2021-11-16",
                "armenia",
                "captured",
                "exact = 10",
            ),
            record(
                "handed",
                "azerbaijan-pow-commission",
                "2021-12-04",
                "handover",
                "armenia",
                "captured",
                "at_least = 10",
            ),
        ],
        "armenia",
        "captured",
        "armenia-mod",
    );
    assert_eq!((grade, against.as_str()), (1, "matches"), "{row}");
    let rule = row["cells"]["armenia-mod"][0]["record"]["grade"]["rule"].to_string();
    assert!(rule.contains("confirmed by the other side"), "{rule}");
}

#[test]
fn independent_counts_confirm_with_two_and_make_probable_with_one() {
    let claim_20 = count(
        "says",
        "armenia-mod",
        "2021-11-16",
        "armenia",
        "killed",
        "exact = 20",
    );
    let afp = record(
        "afp-count",
        "afp",
        "2021-12-01",
        "independent-count",
        "armenia",
        "killed",
        "exact = 20",
    );
    let interfax = record(
        "ifx-count",
        "interfax",
        "2021-12-02",
        "independent-count",
        "armenia",
        "killed",
        "exact = 20",
    );
    let two = graded(
        &[claim_20.clone(), afp.clone(), interfax],
        "armenia",
        "killed",
        "armenia-mod",
    );
    assert_eq!(two.1, 1, "{}", two.0);
    let one = graded(&[claim_20, afp], "armenia", "killed", "armenia-mod");
    assert_eq!(one.1, 2, "{}", one.0);
}

#[test]
fn a_figure_above_a_documented_total_is_improbable_with_its_ratio() {
    let (row, grade, against) = graded(
        &[
            count(
                "enemy",
                "azerbaijan-mod",
                "2021-11-16",
                "armenia",
                "killed",
                "exact = 50",
            ),
            record(
                "afp-count",
                "afp",
                "2021-12-01",
                "independent-count",
                "armenia",
                "killed",
                "exact = 20",
            ),
        ],
        "armenia",
        "killed",
        "azerbaijan-mod",
    );
    assert_eq!((grade, against.as_str()), (5, "exceeds"), "{row}");
    assert_eq!(
        row["cells"]["azerbaijan-mod"][0]["record"]["ratio"], 2.5,
        "{row}"
    );
}

#[test]
fn below_the_floor_is_an_undercount_unless_said_before_the_record_of_a_growing_count() {
    let named = record(
        "named",
        "armenia-mod",
        "2021-11-17",
        "named-list",
        "armenia",
        "killed",
        "exact = 5",
    );
    // The adversary, after the list was out: an undercount.
    let after = count(
        "low",
        "azerbaijan-mod",
        "2021-11-20",
        "armenia",
        "killed",
        "exact = 2",
    );
    let (row, grade, against) = graded(
        &[named.clone(), after],
        "armenia",
        "killed",
        "azerbaijan-mod",
    );
    assert_eq!((grade, against.as_str()), (5, "below"), "{row}");
    // The side's own first toll, the day before the list: what it knew then.
    let before = count(
        "first",
        "armenia-mod",
        "2021-11-16",
        "armenia",
        "killed",
        "exact = 2",
    );
    let (row, grade, against) = graded(&[named, before], "armenia", "killed", "armenia-mod");
    assert_eq!((grade, against.as_str()), (3, "below-later"), "{row}");
}

#[test]
fn above_a_floor_with_no_total_is_doubtful_past_twice_it_for_claims_about_the_adversary() {
    let named = record(
        "named",
        "armenia-mod",
        "2021-11-17",
        "named-list",
        "armenia",
        "killed",
        "exact = 10",
    );
    let at = |n: u32| {
        let c = count(
            "enemy",
            "azerbaijan-mod",
            "2021-11-18",
            "armenia",
            "killed",
            &format!("exact = {n}"),
        );
        graded(&[named.clone(), c], "armenia", "killed", "azerbaijan-mod")
    };
    assert_eq!(at(20).1, 3, "twice the floor: {}", at(20).0);
    assert_eq!(at(21).1, 4, "past twice: {}", at(21).0);
    // The loss-bearer's own list confirms the enemy's count of it.
    assert_eq!(at(10).1, 1, "the other side's list, matched: {}", at(10).0);
    // The side's own toll far above a floor the other side handed over is not doubtful.
    let bodies = record(
        "bodies",
        "azerbaijan-pow-commission",
        "2021-11-20",
        "handover",
        "armenia",
        "killed",
        "at_least = 10",
    );
    let own = count(
        "own",
        "armenia-mod",
        "2021-11-21",
        "armenia",
        "killed",
        "exact = 40",
    );
    let (row, grade, _) = graded(&[bodies, own], "armenia", "killed", "armenia-mod");
    assert_eq!(grade, 3, "{row}");
}

#[test]
fn only_the_sides_own_investigation_makes_it_possible_and_no_record_cannot_be_judged() {
    let (row, grade, _) = graded(
        &[
            count(
                "own",
                "armenia-mod",
                "2021-11-16",
                "armenia",
                "wounded",
                "at_least = 10",
            ),
            record(
                "inquiry",
                "armenia-investigative-committee",
                "2021-11-30",
                "investigation",
                "armenia",
                "wounded",
                "exact = 39",
            ),
        ],
        "armenia",
        "wounded",
        "armenia-mod",
    );
    assert_eq!(grade, 3, "{row}");
    let (row, grade, against) = graded(
        &[count(
            "own",
            "armenia-mod",
            "2021-11-16",
            "armenia",
            "wounded",
            "exact = 10",
        )],
        "armenia",
        "wounded",
        "armenia-mod",
    );
    assert_eq!((grade, against.as_str()), (6, "no-record"), "{row}");
    assert!(row["documented"].is_null(), "{row}");
}

#[test]
fn a_composites_floor_adds_its_parts_records() {
    let (row, grade, against) = graded(
        &[
            count(
                "enemy",
                "armenia",
                "2021-11-16",
                "azerbaijan",
                "killed-or-wounded",
                "exact = 70",
            ),
            record(
                "named",
                "azerbaijan-mod",
                "2021-11-17",
                "named-list",
                "azerbaijan",
                "killed",
                "exact = 7",
            ),
            record(
                "inquiry",
                "afp",
                "2021-11-30",
                "independent-count",
                "azerbaijan",
                "wounded",
                "exact = 10",
            ),
        ],
        "azerbaijan",
        "killed-or-wounded",
        "armenia",
    );
    assert_eq!(row["documented"]["floor"], 17, "{row}");
    assert_eq!((grade, against.as_str()), (4, "above-floor"), "{row}");
    let dir = folder(&[(
        "test-event.toml",
        &event_file(&[
            count(
                "enemy",
                "armenia",
                "2021-11-16",
                "azerbaijan",
                "killed-or-wounded",
                "exact = 70",
            ),
            record(
                "named",
                "azerbaijan-mod",
                "2021-11-17",
                "named-list",
                "azerbaijan",
                "killed",
                "exact = 7",
            ),
        ]),
    )]);
    Claims::new()
        .data(dir.path())
        .args(["compare", "test-event", "--format", "csv"])
        .succeeds()
        .stdout_has("70 (adv.) [10.0× the documented floor, no total; grade 4]")
        .stdout_has("documented: at least 7 (named: Az. MoD, 2021-11-17)");
    // The legend keys the bracket, only where a row has a record.
    Claims::new()
        .data(dir.path())
        .args(["compare", "test-event", "--width", "200"])
        .succeeds()
        .stdout_has("[… grade N] = how a figure stands to what was documented");
}

#[test]
fn a_record_documented_after_as_of_is_not_yet_known() {
    let claims = [
        count(
            "own",
            "azerbaijan-mod",
            "2021-11-16",
            "azerbaijan",
            "killed",
            "exact = 7",
        ),
        record(
            "named",
            "azerbaijan-mod",
            "2021-11-17",
            "named-list",
            "azerbaijan",
            "killed",
            "exact = 7",
        ),
    ];
    let dir = folder(&[("test-event.toml", &event_file(&claims))]);
    let v = compare_json(dir.path(), &["--as-of", "2021-11-16"]);
    let row = figure_row(&v, "azerbaijan", "killed");
    assert!(row["documented"].is_null(), "{row}");
}

/// The comparison with every record's lines taken out.
fn without_record_lines(mut v: Value) -> Value {
    fn strip(v: &mut Value) {
        match v {
            Value::Object(m) => {
                m.remove("record");
                m.remove("documented");
                m.values_mut().for_each(strip);
            }
            Value::Array(a) => a.iter_mut().for_each(strip),
            _ => {}
        }
    }
    strip(&mut v);
    v
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(12))]
    /// Adding records never changes a verdict between claims: the
    /// comparison without them equals the one with them, lines removed.
    #[test]
    fn adding_a_record_changes_no_verdict(
        own in 1u32..40, enemy in 1u32..200, floor in 1u32..60, basis in 0usize..6,
    ) {
        let bases = ["named-list", "handover", "admission", "imagery", "investigation", "independent-count"];
        let claims = vec![
            count("own", "armenia-mod", "2021-11-16", "armenia", "killed", &format!("exact = {own}")),
            count("enemy", "azerbaijan-mod", "2021-11-16", "armenia", "killed", &format!("exact = {enemy}")),
        ];
        let mut with = claims.clone();
        let imagery = if bases[basis] == "imagery" {
            format!("imagery = {{ url = \"https://example.org/v\", sha256 = \"{}\" }}\n", "ab".repeat(32))
        } else {
            String::new()
        };
        // Each basis by who may make it: an admission by the side bearing
        // the loss, a handover by the side that held them.
        let by = match bases[basis] {
            "admission" => "armenia-mod",
            "handover" => "azerbaijan-pow-commission",
            _ => "afp",
        };
        with.push(claim("rec", by, "2021-12-01", &fig("armenia", "killed", &format!("at_least = {floor}")),
            &format!("record = \"{}\"\n{imagery}", bases[basis])));
        let plain = compare_json(folder(&[("test-event.toml", &event_file(&claims))]).path(), &[]);
        let recorded = compare_json(folder(&[("test-event.toml", &event_file(&with))]).path(), &[]);
        proptest::prop_assert_eq!(without_record_lines(plain), without_record_lines(recorded));
    }
}

#[test]
fn grades_prints_the_scale_the_rules_in_order_and_the_bases() {
    let out = Claims::new()
        .args(["grades", "--format", "json"])
        .succeeds();
    let v: Value = serde_json::from_str(&out.stdout).expect("JSON");
    let scale = v["scale"].as_array().map(Vec::len);
    assert_eq!(scale, Some(6), "{v}");
    assert_eq!(v["scale"][4]["label"], "improbable", "{v}");
    assert_eq!(v["rules"].as_array().map(Vec::len), Some(10), "{v}");
    assert!(
        v["rules"][1]
            .as_str()
            .is_some_and(|r| r.starts_with("5 if")),
        "{v}"
    );
    assert_eq!(v["bases"][0]["basis"], "named-list", "{v}");
    Claims::new()
        .args(["grades"])
        .succeeds()
        .stdout_has("6  cannot be judged")
        .stdout_has("independent-count");
}

#[test]
fn against_record_orders_figure_rows_by_their_largest_gap() {
    let claims = [
        // 3× the floor of 10 on Armenia's killed; 10× the floor of 2 on its captured.
        count(
            "killed",
            "azerbaijan-mod",
            "2021-11-18",
            "armenia",
            "killed",
            "exact = 30",
        ),
        record(
            "named",
            "armenia-mod",
            "2021-11-17",
            "named-list",
            "armenia",
            "killed",
            "exact = 10",
        ),
        count(
            "captured",
            "azerbaijan-mod",
            "2021-11-18",
            "armenia",
            "captured",
            "exact = 20",
        ),
        record(
            "handed",
            "azerbaijan-pow-commission",
            "2021-11-17",
            "handover",
            "armenia",
            "captured",
            "at_least = 2",
        ),
        // No record: last.
        count(
            "wounded",
            "azerbaijan-mod",
            "2021-11-18",
            "armenia",
            "wounded",
            "exact = 99",
        ),
    ];
    let dir = folder(&[("test-event.toml", &event_file(&claims))]);
    let v = compare_json(dir.path(), &["--against-record"]);
    let metrics: Vec<&str> = v["figures"]
        .as_array()
        .map(|rows| rows.iter().filter_map(|r| r["metric"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(metrics, ["captured", "killed", "wounded"], "{v}");
    // Without the flag, the usual order.
    let plain = compare_json(dir.path(), &[]);
    assert_eq!(plain["figures"][0]["metric"], "killed", "{plain}");
}

#[test]
fn show_finds_a_record_and_the_rows_it_documents() {
    let claims = [
        count(
            "own",
            "azerbaijan-mod",
            "2021-11-16",
            "azerbaijan",
            "killed",
            "exact = 7",
        ),
        record(
            "named",
            "azerbaijan-mod",
            "2021-11-17",
            "named-list",
            "azerbaijan",
            "killed",
            "exact = 7",
        ),
    ];
    let dir = folder(&[("test-event.toml", &event_file(&claims))]);
    let out = Claims::new()
        .data(dir.path())
        .args(["show", "named", "--format", "json"])
        .succeeds();
    let v: Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(v["record"]["basis"], "named-list", "{v}");
    assert_eq!(v["feeds"][0]["section"], "documents", "{v}");
    assert_eq!(v["feeds"][0]["row"], "Azerbaijan · killed", "{v}");
    Claims::new()
        .data(dir.path())
        .args(["show", "named"])
        .succeeds()
        .stdout_has("Record named (what was documented afterwards)")
        .stdout_has("azerbaijan-mod: 7 [documented; grade 2]");
}

#[test]
fn list_gives_records_as_their_own_kind_and_import_takes_them_back() {
    let claims = [
        count(
            "own",
            "azerbaijan-mod",
            "2021-11-16",
            "azerbaijan",
            "killed",
            "exact = 7",
        ),
        record(
            "rec-1",
            "azerbaijan-mod",
            "2021-11-17",
            "named-list",
            "azerbaijan",
            "killed",
            "exact = 7",
        ),
    ];
    let dir = folder(&[("test-event.toml", &event_file(&claims))]);
    let out = Claims::new()
        .data(dir.path())
        .args(["list", "--kind", "record", "--format", "json"])
        .succeeds();
    let v: Value = serde_json::from_str(&out.stdout).expect("JSON");
    let rows = v["claims"].as_array().cloned().unwrap_or_default();
    assert_eq!(rows.len(), 1, "{v}");
    assert_eq!(rows[0]["kind"], "record", "{v}");
    assert_eq!(rows[0]["record"], "named-list", "{v}");
    // Figures only: the record is not one of them.
    let figures = Claims::new()
        .data(dir.path())
        .args(["list", "--kind", "figure", "--format", "csv"])
        .succeeds()
        .stdout;
    assert!(!figures.contains("named-list"), "{figures}");
    // Its row goes back into TOML as a record.
    let csv = Claims::new()
        .data(dir.path())
        .args(["list", "--kind", "record", "--format", "csv"])
        .succeeds()
        .stdout;
    let sheet = dir.path().join("sheet.csv");
    std::fs::write(&sheet, csv.replace("rec-1", "rec-2")).expect("written");
    let to = dir.path().join("again.toml");
    Claims::new()
        .data(dir.path())
        .args([
            "import",
            &sheet.display().to_string(),
            "--to",
            &to.display().to_string(),
        ])
        .succeeds();
    let text = std::fs::read_to_string(&to).expect("written");
    assert!(text.contains("record = \"named-list\""), "{text}");
}

#[test]
fn an_admission_by_the_side_bearing_the_loss_confirms_the_enemys_count() {
    let (row, grade, against) = graded(
        &[
            count(
                "enemy",
                "azerbaijan-mod",
                "2021-11-16",
                "armenia",
                "killed",
                "exact = 10",
            ),
            record(
                "admits",
                "armenia-mod",
                "2021-12-01",
                "admission",
                "armenia",
                "killed",
                "exact = 10",
            ),
        ],
        "armenia",
        "killed",
        "azerbaijan-mod",
    );
    assert_eq!((grade, against.as_str()), (1, "matches"), "{row}");
    // The same admission, against the side's own earlier figure: its own count.
    let (row, grade, _) = graded(
        &[
            count(
                "own",
                "armenia-mod",
                "2021-11-16",
                "armenia",
                "killed",
                "exact = 10",
            ),
            record(
                "admits",
                "armenia-mod",
                "2021-12-01",
                "admission",
                "armenia",
                "killed",
                "exact = 10",
            ),
        ],
        "armenia",
        "killed",
        "armenia-mod",
    );
    assert_eq!(grade, 3, "{row}");
}

#[test]
fn imagery_is_a_floor_and_a_third_partys_figure_counts_either_sides_list_as_one_sides() {
    let sha = "ab".repeat(32);
    let imagery = claim(
        "video",
        "interfax",
        "2021-11-20",
        &fig("azerbaijan", "armoured-vehicles-destroyed", "at_least = 3"),
        &format!("record = \"imagery\"\nimagery = {{ url = \"https://example.org/v\", sha256 = \"{sha}\" }}\n"),
    );
    let (row, grade, against) = graded(
        &[
            count(
                "says",
                "armenia-mod",
                "2021-11-16",
                "azerbaijan",
                "armoured-vehicles-destroyed",
                "exact = 3",
            ),
            imagery,
        ],
        "azerbaijan",
        "armoured-vehicles-destroyed",
        "armenia-mod",
    );
    assert_eq!((grade, against.as_str()), (2, "matches"), "{row}");
    assert_eq!(row["documented"]["floor"], 3, "{row}");
    // AFP's count of Armenian dead, and Armenia's named list: one side's record.
    let (row, grade, _) = graded(
        &[
            count(
                "wire",
                "afp",
                "2021-11-16",
                "armenia",
                "killed",
                "exact = 6",
            ),
            record(
                "named",
                "armenia-mod",
                "2021-11-20",
                "named-list",
                "armenia",
                "killed",
                "exact = 6",
            ),
        ],
        "armenia",
        "killed",
        "afp",
    );
    assert_eq!(grade, 2, "{row}");
}

#[test]
fn regression_a_total_with_no_upper_end_is_a_floor_not_a_match() {
    // "At least 20" counted independently: 50 is above it, not "matching" it.
    let (row, grade, against) = graded(
        &[
            count(
                "enemy",
                "azerbaijan-mod",
                "2021-11-18",
                "armenia",
                "killed",
                "exact = 50",
            ),
            record(
                "count",
                "afp",
                "2021-12-01",
                "independent-count",
                "armenia",
                "killed",
                "at_least = 20",
            ),
        ],
        "armenia",
        "killed",
        "azerbaijan-mod",
    );
    assert_eq!((grade, against.as_str()), (4, "above-floor"), "{row}");
    assert_eq!(row["documented"]["floor"], 20, "{row}");
    assert!(row["documented"]["total_low"].is_null(), "{row}");
}

#[test]
fn a_record_no_row_counts_is_listed_never_dropped() {
    let claims = [
        count(
            "own",
            "azerbaijan-mod",
            "2021-11-16",
            "azerbaijan",
            "killed",
            "exact = 7",
        ),
        record(
            "lone",
            "afp",
            "2021-11-30",
            "independent-count",
            "azerbaijan",
            "wounded",
            "exact = 10",
        ),
    ];
    let dir = folder(&[("test-event.toml", &event_file(&claims))]);
    let v = compare_json(dir.path(), &[]);
    assert_eq!(v["records_on_no_row"][0], "lone", "{v}");
    Claims::new()
        .data(dir.path())
        .args(["compare", "test-event"])
        .succeeds()
        .stdout_has("Documented, on no row (no claim counts it): Azerbaijan · wounded: 10");
    // A record a composite's row takes up is on a row.
    let with_sum = [
        count(
            "enemy",
            "armenia",
            "2021-11-16",
            "azerbaijan",
            "killed-or-wounded",
            "exact = 70",
        ),
        record(
            "lone",
            "afp",
            "2021-11-30",
            "independent-count",
            "azerbaijan",
            "wounded",
            "exact = 10",
        ),
    ];
    let v = compare_json(
        folder(&[("test-event.toml", &event_file(&with_sum))]).path(),
        &[],
    );
    assert!(v["records_on_no_row"].is_null(), "{v}");
}
