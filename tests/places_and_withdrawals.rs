//! Where, and what changed (issue 12): places that do not nest are flagged,
//! demands on one party are shown and never counted, retractions and
//! corrections stop a claim counting and stay in its history, and a party
//! confirming its adversary's figure is the strongest agreement. Each rule
//! on fixtures written for it.

mod common;
use common::*;

const PLACES: &str = r#"
[[place]]
id = "district"
name = "The District"

[[place]]
id = "hill"
name = "Hill 101"
within = "district"

[[place]]
id = "village"
name = "Far Village"

[[proposition]]
id = "withdraw"
text = "Azerbaijan should return its troops to their positions"
kind = "demand"
addressee = "azerbaijan"
"#;

fn with_places(claims: &[String]) -> tempfile::TempDir {
    folder(&[
        ("test-event.toml", &event_file(claims)),
        ("places.toml", PLACES),
    ])
}

fn at(place: &str) -> String {
    format!("place = \"{place}\"\n")
}

#[test]
fn voices_that_put_the_fighting_in_places_that_do_not_nest_are_flagged() {
    let nested = with_places(&[
        claim(
            "a",
            "armenia-mod",
            "2021-11-16",
            &acc("azerbaijan", "started-fighting"),
            &at("hill"),
        ),
        claim(
            "b",
            "armenia-pm",
            "2021-11-16",
            &acc("azerbaijan", "started-fighting"),
            &at("district"),
        ),
    ]);
    let v = compare_json(nested.path(), &[]);
    let row = statement_row(&v, "who-started-it");
    assert!(row.get("places_differ").is_none(), "{row}");
    let apart = with_places(&[
        claim(
            "a",
            "armenia-mod",
            "2021-11-16",
            &acc("azerbaijan", "started-fighting"),
            &at("hill"),
        ),
        claim(
            "b",
            "azerbaijan-mod",
            "2021-11-16",
            &acc("armenia", "started-fighting"),
            &at("village"),
        ),
    ]);
    let v = compare_json(apart.path(), &[]);
    let row = statement_row(&v, "who-started-it");
    assert_eq!(row["places_differ"], serde_json::json!(["hill", "village"]));
    let table = Claims::new()
        .data(apart.path())
        .args(["compare", "test-event"])
        .fails(0)
        .stdout;
    assert!(
        table.contains("places differ: Hill 101 / Far Village"),
        "{table}"
    );
    assert!(table.contains("accuses Azerbaijan at Hill 101"), "{table}");
}

#[test]
fn check_refuses_a_place_within_itself() {
    let cycle = "[[place]]\nid = \"a\"\nname = \"A\"\nwithin = \"b\"\n\n[[place]]\nid = \"b\"\nname = \"B\"\nwithin = \"a\"\n\n\
                 [[place]]\nid = \"c\"\nname = \"C\"\nwithin = \"c\"\n";
    let dir = folder(&[("places.toml", cycle)]);
    let out = Claims::new()
        .data(dir.path())
        .args(["check"])
        .fails(2)
        .stdout;
    assert!(
        reports(
            &out,
            "places.toml:2:6",
            "place `a` lies within itself through a → b → a"
        ),
        "{out}"
    );
    assert!(
        reports(&out, "places.toml:14:10", "place `c` lies within itself"),
        "{out}"
    );
    let unknown = with_places(&[claim(
        "a",
        "armenia-mod",
        "2021-11-16",
        &acc("azerbaijan", "started-fighting"),
        &at("hil"),
    )]);
    let out = Claims::new()
        .data(unknown.path())
        .args(["check"])
        .fails(2)
        .stdout;
    assert!(
        out.contains("unknown place `hil`") && out.contains("`hill`"),
        "{out}"
    );
}

#[test]
fn a_demand_on_one_party_is_shown_and_never_counted() {
    let dir = with_places(&[claim(
        "d",
        "armenia-mod",
        "2021-11-16",
        "position = { proposition = \"withdraw\", stance = \"affirms\" }",
        "",
    )]);
    let v = compare_json(dir.path(), &[]);
    let row = statement_row(&v, "withdraw");
    assert_eq!(row["kind"], "demand");
    assert_eq!(row["verdict"]["verdict"], "demand");
    let table = Claims::new()
        .data(dir.path())
        .args(["compare", "test-event"])
        .fails(0)
        .stdout;
    assert!(table.contains("demand on one party"), "{table}");
    let bad = "[[proposition]]\nid = \"p\"\ntext = \"T\"\nkind = \"demand\"\n\n\
               [[proposition]]\nid = \"q\"\ntext = \"T\"\naddressee = \"armenia\"\n";
    let dir = folder(&[("bad.toml", bad)]);
    let out = Claims::new()
        .data(dir.path())
        .args(["check"])
        .fails(2)
        .stdout;
    assert!(
        reports(&out, "bad.toml:4:8", "demand `p` names no addressee"),
        "{out}"
    );
    assert!(
        reports(
            &out,
            "bad.toml:9:13",
            "has an addressee but is not a demand"
        ),
        "{out}"
    );
}

fn retract(of: &str) -> String {
    format!("retracts = \"{of}\"")
}

#[test]
fn a_retracted_figure_stops_counting_and_stays_in_the_history() {
    let dir = with_places(&[
        claim(
            "said",
            "armenia-mod",
            "2021-11-16",
            &fig("azerbaijan", "killed", "exact = 50"),
            "",
        ),
        claim(
            "other",
            "azerbaijan-mod",
            "2021-11-16",
            &fig("azerbaijan", "killed", "exact = 5"),
            "",
        ),
        claim("back", "armenia-mod", "2021-11-17", &retract("said"), ""),
    ]);
    let v = compare_json(dir.path(), &[]);
    let row = figure_row(&v, "azerbaijan", "killed");
    assert_eq!(row["voices"], serde_json::json!(["azerbaijan-mod"]));
    assert_eq!(row["verdict"]["verdict"], "single-source");
    let cell = &row["cells"]["armenia-mod"][0];
    assert_eq!(cell["text"], "50");
    assert_eq!(cell["withdrawn_by"]["id"], "back");
    let table = Claims::new()
        .data(dir.path())
        .args(["compare", "test-event"])
        .fails(0)
        .stdout;
    assert!(
        table.contains("50 (adv.) (retracted 2021-11-17)"),
        "{table}"
    );
    // Before the retraction was made, the 50 counted.
    let v = compare_json(dir.path(), &["--as-of", "2021-11-16"]);
    assert_eq!(
        figure_row(&v, "azerbaijan", "killed")["verdict"]["verdict"],
        "conflict"
    );
    let list = Claims::new()
        .data(dir.path())
        .args(["list", "--format", "csv"])
        .fails(0)
        .stdout;
    assert!(
        list.lines()
            .any(|l| l.contains(",retraction,") && l.contains(",said,verbatim,")),
        "{list}"
    );
}

#[test]
fn a_corrected_statement_is_replaced_even_when_said_the_same_day() {
    let dir = with_places(&[
        claim(
            "wrong",
            "armenia-mod",
            "2021-11-16",
            &acc("azerbaijan", "started-fighting"),
            "",
        ),
        claim(
            "right",
            "armenia-mod",
            "2021-11-16",
            "accusation = { accused = \"azerbaijan\", act = \"started-fighting\", denies = true }",
            "corrects = \"wrong\"\n",
        ),
        claim(
            "az",
            "azerbaijan-mod",
            "2021-11-16",
            &acc("armenia", "started-fighting"),
            "",
        ),
    ]);
    let v = compare_json(dir.path(), &[]);
    let row = statement_row(&v, "who-started-it");
    // Only the correction counts: Armenia denies Azerbaijan did it, Azerbaijan
    // accuses Armenia — no mirror accusation any more.
    assert_eq!(row["verdict"]["verdict"], "consistent", "{row}");
    let out = Claims::new()
        .data(dir.path())
        .args(["compare", "test-event", "--history"])
        .fails(0)
        .stdout;
    assert!(
        out.contains(
            "accuses Azerbaijan [2021-11-16] (corrected 2021-11-16) → denies Azerbaijan did"
        ),
        "{out}"
    );
}

#[test]
fn check_refuses_withdrawals_that_cannot_be() {
    let dir = with_places(&[
        claim(
            "a",
            "armenia-mod",
            "2021-11-16",
            &fig("armenia", "killed", "exact = 5"),
            "",
        ),
        claim("b", "azerbaijan-mod", "2021-11-17", &retract("a"), ""),
        claim("c", "armenia-mod", "2021-11-15", &retract("a"), ""),
        claim("d", "armenia-mod", "2021-11-17", &retract("nope"), ""),
        claim(
            "e",
            "armenia-mod",
            "2021-11-17",
            &fig("armenia", "killed", "exact = 4"),
            "retracts = \"a\"\n",
        ),
    ]);
    let out = Claims::new()
        .data(dir.path())
        .args(["check"])
        .fails(2)
        .stdout;
    assert!(
        out.contains("claim `b` by `azerbaijan-mod` retracts `a`, which `armenia-mod` made"),
        "{out}"
    );
    assert!(
        out.contains("claim `c` (2021-11-15) retracts `a`, said later (2021-11-16)"),
        "{out}"
    );
    assert!(out.contains("retracts unknown claim `nope`"), "{out}");
    assert!(
        out.contains("retracts a claim and asserts something too"),
        "{out}"
    );
}

#[test]
fn a_party_confirming_its_adversarys_figure_is_confirmed_by_both_sides() {
    let dir = with_places(&[
        claim(
            "own",
            "armenia-mod",
            "2021-11-16",
            &fig("armenia", "captured", "exact = 9"),
            "",
        ),
        claim(
            "adv",
            "azerbaijan-mod",
            "2021-11-16",
            &fig("armenia", "captured", "exact = 9"),
            "",
        ),
    ]);
    let v = compare_json(dir.path(), &[]);
    let verdict = &figure_row(&v, "armenia", "captured")["verdict"];
    assert_eq!(verdict["confirmed"], true);
    assert_eq!(verdict["both_sides"], true);
    let table = Claims::new()
        .data(dir.path())
        .args(["compare", "test-event"])
        .fails(0)
        .stdout;
    assert!(table.contains("confirmed by both sides"), "{table}");
    // An affiliated outlet's 9 is not the party confirming.
    let extra = "[[source]]\nid = \"am-agency\"\nname = \"Agency\"\nparty = \"armenia\"\nkind = \"news-agency\"\nstanding = \"affiliated\"\n";
    let claims = [
        claim(
            "own",
            "am-agency",
            "2021-11-16",
            &fig("armenia", "captured", "exact = 9"),
            "",
        ),
        claim(
            "adv",
            "azerbaijan-mod",
            "2021-11-16",
            &fig("armenia", "captured", "exact = 9"),
            "",
        ),
    ];
    let dir = folder(&[
        ("test-event.toml", &event_file(&claims)),
        ("extra.toml", extra),
    ]);
    let v = compare_json(dir.path(), &[]);
    let verdict = &figure_row(&v, "armenia", "captured")["verdict"];
    assert_eq!(verdict["confirmed"], false);
    assert_eq!(verdict["both_sides"], true);
}

#[test]
fn a_listing_carries_standing_attribution_and_place() {
    let dir = with_places(&[claim(
        "a",
        "armenia-mod",
        "2021-11-16",
        &acc("azerbaijan", "started-fighting"),
        "attribution = \"unnamed\"\nplace = \"hill\"\n",
    )]);
    let out = Claims::new()
        .data(dir.path())
        .args(["list", "--format", "json"])
        .fails(0)
        .stdout;
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    let c = &v["claims"][0];
    assert_eq!(c["standing"], "organ");
    assert_eq!(c["attribution"], "unnamed");
    assert_eq!(c["place"], "hill");
    let csv = Claims::new()
        .data(dir.path())
        .args(["list", "--format", "csv"])
        .fails(0)
        .stdout;
    let header = csv.lines().next().unwrap_or("");
    assert!(
        header.contains(",standing,attribution,place,withdraws,quote_kind,"),
        "{header}"
    );
}

#[test]
fn regression_every_place_that_does_not_nest_is_named() {
    let dir = with_places(&[
        claim(
            "a",
            "armenia-mod",
            "2021-11-16",
            &acc("azerbaijan", "started-fighting"),
            &at("hill"),
        ),
        claim(
            "b",
            "azerbaijan-mod",
            "2021-11-16",
            &acc("armenia", "started-fighting"),
            &at("village"),
        ),
        claim(
            "c",
            "armenia-pm",
            "2021-11-16",
            &acc("azerbaijan", "started-fighting"),
            &at("district"),
        ),
    ]);
    let v = compare_json(dir.path(), &[]);
    let row = statement_row(&v, "who-started-it");
    assert_eq!(
        row["places_differ"],
        serde_json::json!(["district", "hill", "village"])
    );
}

#[test]
fn regression_a_place_within_itself_is_reported_once_and_unlisted_places_are_flagged() {
    let places = "[[place]]\nid = \"goris\"\nname = \"Goris\"\nwithin = \"goris\"\n";
    let event = event_file(&[claim(
        "a",
        "armenia-mod",
        "2021-11-16",
        &acc("azerbaijan", "started-fighting"),
        &at("goris"),
    )]);
    let dir = folder(&[("test-event.toml", &event), ("places.toml", places)]);
    let out = Claims::new()
        .data(dir.path())
        .args(["check"])
        .fails(2)
        .stdout;
    assert!(out.contains("place `goris` lies within itself"), "{out}");
    assert!(!out.contains("unknown place"), "{out}");
    // An event that lists its places: a claim elsewhere is flagged, one within a listed place is not.
    let event = event_file(&[
        claim(
            "a",
            "armenia-mod",
            "2021-11-16",
            &acc("azerbaijan", "started-fighting"),
            &at("hill"),
        ),
        claim(
            "b",
            "armenia-mod",
            "2021-11-16",
            &acc("azerbaijan", "started-fighting"),
            &at("village"),
        ),
    ])
    .replace(
        "sides = [\"armenia\", \"azerbaijan\"]",
        "sides = [\"armenia\", \"azerbaijan\"]\nplaces = [\"district\"]",
    );
    let dir = folder(&[("test-event.toml", &event), ("places.toml", PLACES)]);
    let out = Claims::new()
        .data(dir.path())
        .args(["check"])
        .fails(2)
        .stdout;
    assert!(
        out.contains("place `village` is not among the event's places (district)"),
        "{out}"
    );
    assert!(!out.contains("place `hill`"), "{out}");
}

#[test]
fn regression_a_long_place_cycle_is_named_in_a_short_line() {
    let mut text = String::new();
    for i in 0..1000 {
        text.push_str(&format!(
            "[[place]]\nid = \"p{i}\"\nname = \"P\"\nwithin = \"p{}\"\n\n",
            (i + 1) % 1000
        ));
    }
    let dir = folder(&[("places.toml", &text)]);
    let out = Claims::new()
        .data(dir.path())
        .args(["check"])
        .fails(2)
        .stdout;
    let line = out
        .lines()
        .find(|l| l.contains("lies within itself"))
        .unwrap_or("");
    assert!(
        line.len() < 200 && line.contains("p0 → p1 → p2 → p3 → … (995 more) → p999 → p0"),
        "{line}"
    );
}

#[test]
fn a_demand_names_its_addressee() {
    let dir = with_places(&[claim(
        "d",
        "armenia-mod",
        "2021-11-16",
        "position = { proposition = \"withdraw\", stance = \"affirms\" }",
        "",
    )]);
    let v = compare_json(dir.path(), &[]);
    assert_eq!(statement_row(&v, "withdraw")["addressee"], "azerbaijan");
    let table = Claims::new()
        .data(dir.path())
        .args(["compare", "test-event"])
        .fails(0)
        .stdout;
    assert!(table.contains("(of Azerbaijan)"), "{table}");
}

#[test]
fn regression_withdrawals_of_another_kind_attribution_event_or_twice_are_refused() {
    let second = "[event]\nid = \"other-event\"\ntitle = \"T\"\ndate = \"2021-11-16\"\nplace = \"p\"\nsummary = \"s\"\n\n\
                  [[claim]]\nid = \"x\"\nsource = \"armenia-mod\"\nsaid = \"2021-11-17\"\nvia = \"statement\"\ndocument = \"doc\"\n\
                  quote = \"q\"\nlanguage = \"en\"\nretracts = \"a\"\n";
    let claims = [
        claim(
            "a",
            "armenia-mod",
            "2021-11-16",
            &fig("armenia", "killed", "exact = 5"),
            "",
        ),
        claim(
            "u",
            "armenia-mod",
            "2021-11-17",
            &retract("a"),
            "attribution = \"unnamed\"\n",
        ),
        claim("r", "armenia-mod", "2021-11-17", &retract("a"), ""),
        claim("rr", "armenia-mod", "2021-11-18", &retract("r"), ""),
        claim(
            "k",
            "armenia-mod",
            "2021-11-16",
            &acc("azerbaijan", "started-fighting"),
            "",
        ),
        claim(
            "kc",
            "armenia-mod",
            "2021-11-17",
            &fig("armenia", "killed", "exact = 4"),
            "corrects = \"k\"\n",
        ),
    ];
    let dir = folder(&[
        ("test-event.toml", &event_file(&claims)),
        ("places.toml", PLACES),
        ("other.toml", second),
    ]);
    let out = Claims::new()
        .data(dir.path())
        .args(["check"])
        .fails(2)
        .stdout;
    assert!(
        out.contains(
            "claim `u` by `armenia-mod` (unnamed official) retracts `a`, which `armenia-mod` made"
        ),
        "{out}"
    );
    assert!(
        out.contains("claim `rr` retracts `r`, itself a retraction"),
        "{out}"
    );
    assert!(
        out.contains("claim `kc` (a figure) corrects `k` (an accusation)"),
        "{out}"
    );
    assert!(
        out.contains("claim `x` retracts `a` of another event (`test-event`)"),
        "{out}"
    );
    assert!(out.contains("`a` is withdrawn twice"), "{out}");
}

#[test]
fn regression_confirmation_needs_official_unhedged_figures_for_one_moment() {
    let case = |adv_extra: &str, adv_said: &str| {
        let dir = with_places(&[
            claim(
                "own",
                "armenia-mod",
                "2021-11-16",
                &fig("armenia", "captured", "exact = 9"),
                "",
            ),
            claim(
                "adv",
                "azerbaijan-mod",
                adv_said,
                &fig("armenia", "captured", "exact = 9"),
                adv_extra,
            ),
        ]);
        let v = compare_json(dir.path(), &[]);
        figure_row(&v, "armenia", "captured")["verdict"]["confirmed"].clone()
    };
    assert_eq!(case("", "2021-11-16"), true);
    assert_eq!(case("hedged = true\n", "2021-11-16"), false);
    assert_eq!(case("attribution = \"unnamed\"\n", "2021-11-16"), false);
    // "By 17 November" may be the 16th, or not.
    assert_eq!(case("", "by 2021-11-17"), false);
}

#[test]
fn regression_a_row_whose_only_statement_was_retracted_says_so() {
    let dir = with_places(&[
        claim(
            "said",
            "armenia-mod",
            "2021-11-16",
            &fig("azerbaijan", "killed", "exact = 50"),
            "",
        ),
        claim("back", "armenia-mod", "2021-11-17", &retract("said"), ""),
    ]);
    let v = compare_json(dir.path(), &[]);
    assert_eq!(
        figure_row(&v, "azerbaijan", "killed")["verdict"]["verdict"],
        "withdrawn"
    );
    let show = Claims::new()
        .data(dir.path())
        .args(["show", "said"])
        .fails(0)
        .stdout;
    assert!(show.contains("retracted by back (2021-11-17)"), "{show}");
    let show = Claims::new()
        .data(dir.path())
        .args(["show", "back"])
        .fails(0)
        .stdout;
    assert!(show.contains("retracts said"), "{show}");
}

#[test]
fn regression_a_retraction_lets_the_voices_earlier_figure_and_a_merged_organs_stand() {
    let dir = with_places(&[
        claim(
            "pm",
            "armenia-pm",
            "2021-11-15",
            &fig("armenia", "killed", "exact = 3"),
            "",
        ),
        claim(
            "mod",
            "armenia-mod",
            "2021-11-16",
            &fig("armenia", "killed", "exact = 15"),
            "",
        ),
        claim("back", "armenia-mod", "2021-11-17", &retract("mod"), ""),
        claim(
            "az",
            "azerbaijan-mod",
            "2021-11-15",
            &fig("armenia", "killed", "exact = 3"),
            "",
        ),
    ]);
    // Merged, Armenia's organs said 3 then 15; the 15 withdrawn, the 3 stands.
    let v = compare_json(dir.path(), &["--by", "party"]);
    let row = figure_row(&v, "armenia", "killed");
    let standing: Vec<&serde_json::Value> = row["cells"]["armenia"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|e| e["withdrawn_by"].is_null())
        .collect();
    assert_eq!(standing.len(), 1, "{row}");
    assert_eq!(standing[0]["text"], "3", "{row}");
    assert_eq!(row["verdict"]["verdict"], "consistent", "{row}");
    // One voice: 5, then 8, the 8 retracted: the 5 is its latest standing figure.
    let dir = with_places(&[
        claim(
            "five",
            "armenia-mod",
            "2021-11-15",
            &fig("armenia", "killed", "exact = 5"),
            "",
        ),
        claim(
            "eight",
            "armenia-mod",
            "2021-11-16",
            &fig("armenia", "killed", "exact = 8"),
            "",
        ),
        claim("back", "armenia-mod", "2021-11-17", &retract("eight"), ""),
    ]);
    let v = compare_json(dir.path(), &[]);
    let row = figure_row(&v, "armenia", "killed");
    assert_eq!(row["cells"]["armenia-mod"][0]["text"], "5", "{row}");
    assert_eq!(row["verdict"]["verdict"], "single-source", "{row}");
    let history = Claims::new()
        .data(dir.path())
        .args(["compare", "test-event", "--history"])
        .fails(0)
        .stdout;
    assert!(
        history.contains("8 [2021-11-16] (retracted 2021-11-17)"),
        "{history}"
    );
    let show = Claims::new()
        .data(dir.path())
        .args(["show", "eight"])
        .fails(0)
        .stdout;
    assert!(show.contains("not counted"), "{show}");
}

#[test]
fn only_claims_of_an_event_that_lists_places_are_held_to_them() {
    let other = "[event]\nid = \"other-event\"\ntitle = \"T\"\ndate = \"2021-11-16\"\nplace = \"p\"\nsummary = \"s\"\n";
    let event = event_file(&[
        claim(
            "mine",
            "armenia-mod",
            "2021-11-16",
            &acc("azerbaijan", "started-fighting"),
            "event = \"test-event\"\nplace = \"village\"\n",
        ),
        claim(
            "theirs",
            "armenia-mod",
            "2021-11-16",
            &acc("azerbaijan", "started-fighting"),
            "event = \"other-event\"\nplace = \"village\"\n",
        ),
        claim(
            "listed",
            "armenia-mod",
            "2021-11-16",
            &acc("azerbaijan", "started-fighting"),
            &at("district"),
        ),
    ])
    .replace(
        "sides = [\"armenia\", \"azerbaijan\"]",
        "sides = [\"armenia\", \"azerbaijan\"]\nplaces = [\"district\"]",
    );
    let dir = folder(&[
        ("test-event.toml", &event),
        ("places.toml", PLACES),
        ("other.toml", other),
    ]);
    let out = Claims::new()
        .data(dir.path())
        .args(["check"])
        .fails(2)
        .stdout;
    let flagged = out.matches("is not among the event's places").count();
    assert_eq!(flagged, 1, "{out}");
    assert!(
        reports(&out, "test-event.toml:24:9", "place `village` is not among"),
        "{out}"
    );
}

/// An accusation row whose every statement was retracted says so: nothing
/// said there still stands.
#[test]
fn a_row_of_retracted_accusations_is_withdrawn() {
    let dir = with_places(&[
        claim(
            "acc",
            "armenia-mod",
            "2021-11-16",
            &acc("azerbaijan", "attack"),
            "",
        ),
        claim("back", "armenia-mod", "2021-11-17", &retract("acc"), ""),
    ]);
    let v = compare_json(dir.path(), &[]);
    let row = statement_row(&v, "attack");
    assert_eq!(row["verdict"]["verdict"], "withdrawn", "{row}");
}
