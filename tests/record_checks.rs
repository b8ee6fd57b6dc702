//! `check` on records and relayed sums (issue 26): each refusal at its
//! file, line and column, with a hint; a third party's joint figure equal
//! to the sum of the parties' own figures must say it is one.

mod common;
use common::*;

fn checked(claims: &[String]) -> Outcome {
    let dir = folder(&[("test-event.toml", &event_file(claims))]);
    Claims::new().data(dir.path()).args(["check"]).run()
}

fn rec(extra: &str, figure: &str) -> String {
    claim("rec", "afp", "2021-12-01", figure, extra)
}

const KILLED_7: &str = "figure = { party = \"azerbaijan\", metric = \"killed\", exact = 7 }";

#[test]
fn a_record_without_a_figure_or_relaying_or_withdrawing_is_refused() {
    let acc = acc("armenia", "attack");
    let out = checked(&[rec("record = \"named-list\"\n", &acc)]);
    assert_eq!(out.code, 2, "{out:?}");
    assert!(out.stdout.contains("error[bad-record]"), "{out:?}");
    assert!(
        out.stdout.contains("record `rec` states no figure"),
        "{out:?}"
    );
    // At the value of `record`, the claim's 9th line.
    assert!(out.stdout.contains("test-event.toml:22:10"), "{out:?}");
    let relay = checked(&[rec(
        "origin = \"azerbaijan-mod\"\nrecord = \"named-list\"\n",
        KILLED_7,
    )]);
    assert!(
        relay.stdout.contains("relays another or is made jointly"),
        "{relay:?}"
    );
    let more = checked(&[rec(
        "record = \"admission\"\n",
        "figure = { party = \"azerbaijan\", metric = \"killed\", more = 2 }",
    )]);
    assert!(more.stdout.contains("states no figure"), "{more:?}");
}

#[test]
fn imagery_needs_its_address_and_a_sha256_and_only_on_an_imagery_record() {
    let none = checked(&[rec("record = \"imagery\"\n", KILLED_7)]);
    assert!(
        none.stdout.contains("rests on imagery but gives none"),
        "{none:?}"
    );
    let bad = checked(&[rec(
        "record = \"imagery\"\nimagery = { url = \"https://example.org/v\", sha256 = \"abc\" }\n",
        KILLED_7,
    )]);
    assert!(bad.stdout.contains("`abc` is not a SHA-256"), "{bad:?}");
    assert!(bad.stdout.contains("sha256sum"), "{bad:?}");
    let wrong = checked(&[rec(
        &format!(
            "record = \"handover\"\nimagery = {{ url = \"u\", sha256 = \"{}\" }}\n",
            "0".repeat(64)
        ),
        KILLED_7,
    )]);
    assert!(
        wrong.stdout.contains("its basis is `handover`"),
        "{wrong:?}"
    );
    let good = checked(&[rec(
        &format!(
            "record = \"imagery\"\nimagery = {{ url = \"u\", sha256 = \"{}\" }}\n",
            "AB".repeat(32)
        ),
        KILLED_7,
    )]);
    assert_eq!(good.code, 0, "{good:?}");
    let unknown = checked(&[rec("record = \"rumour\"\n", KILLED_7)]);
    assert_eq!(unknown.code, 2, "{unknown:?}");
    assert!(unknown.stdout.contains("named-list"), "{unknown:?}");
}

fn own(id: &str, source: &str, party: &str, n: u32) -> String {
    claim(
        id,
        source,
        "2021-11-17",
        &fig(party, "killed", &format!("exact = {n}")),
        "",
    )
}

fn joint(extra: &str, n: u32) -> String {
    claim(
        "wire-sum",
        "afp",
        "2021-12-01",
        &format!("figure = {{ parties = [\"armenia\", \"azerbaijan\"], metric = \"killed\", exact = {n} }}"),
        extra,
    )
}

#[test]
fn a_third_partys_sum_of_the_sides_own_figures_must_be_marked() {
    let sides = [
        own("arm", "armenia-mod", "armenia", 6),
        own("az", "azerbaijan-mod", "azerbaijan", 7),
    ];
    let mut unmarked = sides.to_vec();
    unmarked.push(joint("", 13));
    let out = checked(&unmarked);
    assert_eq!(out.code, 2, "{out:?}");
    assert!(
        out.stdout.contains("claim `wire-sum` gives 13 killed, the sum of the parties' own figures (Armenia 6 + Azerbaijan 7)"),
        "{out:?}"
    );
    assert!(out.stdout.contains("sum_of_own = true"), "{out:?}");
    // An earlier own figure counts too: 1 + 7 = 8.
    let mut early = sides.to_vec();
    early.push(claim(
        "arm-first",
        "armenia-mod",
        "2021-11-16",
        &fig("armenia", "killed", "exact = 1"),
        "",
    ));
    early.push(joint("", 8));
    assert_eq!(checked(&early).code, 2);
    // A figure no combination makes is an independent count.
    let mut other = sides.to_vec();
    other.push(joint("", 15));
    assert_eq!(checked(&other).code, 0);
    // Marked either way, it passes.
    for mark in ["sum_of_own = true\n", "sum_of_own = false\n"] {
        let mut marked = sides.to_vec();
        marked.push(joint(mark, 13));
        let out = checked(&marked);
        assert_eq!(out.code, 0, "{mark}: {out:?}");
    }
}

#[test]
fn a_marked_sum_is_shown_and_never_a_voice() {
    let claims = [
        own("arm", "armenia-mod", "armenia", 6),
        own("az", "azerbaijan-mod", "azerbaijan", 7),
        joint("sum_of_own = true\n", 13),
    ];
    let dir = folder(&[("test-event.toml", &event_file(&claims))]);
    Claims::new()
        .data(dir.path())
        .args(["compare", "test-event", "--format", "csv"])
        .succeeds()
        .stdout_has("13 (3rd) (a sum of the parties' own figures: not counted)");
    // AFP's sum is no voice: only the sides' own figures, summed, are.
    let v = compare_json(dir.path(), &[]);
    let row = figure_row(&v, "armenia+azerbaijan", "killed");
    assert!(!row["voices"].to_string().contains("afp"), "{row}");
    // On a figure of one party it is refused.
    let out = checked(&[claim(
        "one",
        "afp",
        "2021-12-01",
        KILLED_7,
        "sum_of_own = true\n",
    )]);
    assert!(out.stdout.contains("gives no joint figure"), "{out:?}");
}

#[test]
fn a_handover_is_by_the_side_that_held_them_and_an_admission_by_the_side_bearing_the_loss() {
    let captured = "figure = { party = \"armenia\", metric = \"captured\", at_least = 10 }";
    let by = |source: &str, basis: &str| {
        checked(&[claim(
            "rec",
            source,
            "2021-12-04",
            captured,
            &format!("record = \"{basis}\"\n"),
        )])
    };
    assert_eq!(by("azerbaijan-pow-commission", "handover").code, 0);
    let receiver = by("armenia-mod", "handover");
    assert!(
        receiver
            .stdout
            .contains("a handover is recorded by the side that held them"),
        "{receiver:?}"
    );
    assert!(
        receiver.stdout.contains("test-event.toml:22:10"),
        "{receiver:?}"
    );
    let agency = by("afp", "handover");
    assert!(
        agency.stdout.contains("`afp` speaks for no side"),
        "{agency:?}"
    );
    assert_eq!(by("armenia-mod", "admission").code, 0);
    let other = by("azerbaijan-mod", "admission");
    assert!(
        other
            .stdout
            .contains("an admission is made by the side bearing the loss"),
        "{other:?}"
    );
}

#[test]
fn a_record_is_a_count_of_this_event_on_the_record() {
    let cases = [
        ("record = \"named-list\"\n", "figure = { party = \"azerbaijan\", metric = \"killed\", vague = \"several\" }", "gives a vague word"),
        ("record = \"named-list\"\n", "figure = { party = \"azerbaijan\", metric = \"killed\", at_most = 7 }", "gives no least count"),
        ("record = \"investigation\"\n", "figure = { party = \"azerbaijan\", metric = \"killed\", exact = 7, since = \"2020-01-01\" }", "counts `since` an earlier date"),
        ("hedged = true\nrecord = \"investigation\"\n", KILLED_7, "is hedged or not on the record"),
        ("attribution = \"unnamed\"\nrecord = \"investigation\"\n", KILLED_7, "is hedged or not on the record"),
        ("record = \"imagery\"\nimagery = { url = \" \", sha256 = \"0000000000000000000000000000000000000000000000000000000000000000\" }\n", KILLED_7, "imagery with no address"),
    ];
    for (extra, figure, expected) in cases {
        let out = checked(&[rec(extra, figure)]);
        assert_eq!(out.code, 2, "{extra}: {out:?}");
        assert!(out.stdout.contains(expected), "{extra}: {out:?}");
    }
    // A total given as a range is a total: an investigation may say "20 to 30".
    let range = "figure = { party = \"azerbaijan\", metric = \"killed\", range = [20, 30] }";
    assert_eq!(
        checked(&[rec("record = \"investigation\"\n", range)]).code,
        0
    );
}

#[test]
fn regression_a_record_is_never_retracted_by_a_claim() {
    let record = claim(
        "r1",
        "azerbaijan-mod",
        "2021-11-17",
        KILLED_7,
        "record = \"named-list\"\n",
    );
    let retraction = claim(
        "un",
        "azerbaijan-mod",
        "2021-11-18",
        "retracts = \"r1\"",
        "",
    );
    let out = checked(&[record.clone(), retraction]);
    assert_eq!(out.code, 2, "{out:?}");
    assert!(
        out.stdout.contains("neither withdraws nor is withdrawn"),
        "{out:?}"
    );
    // Across files too.
    let dir = folder(&[
        ("test-event.toml", &event_file(&[record])),
        ("more.toml", "[[claim]]\nid = \"un\"\nevent = \"test-event\"\nsource = \"azerbaijan-mod\"\nsaid = \"2021-11-18\"\nvia = \"statement\"\ndocument = \"doc\"\nquote = \"words of un\"\nlanguage = \"en\"\nretracts = \"r1\"\n"),
    ]);
    let out = Claims::new().data(dir.path()).args(["check"]).run();
    assert_eq!(out.code, 2, "{out:?}");
}

#[test]
fn regression_a_joint_figure_said_before_the_own_figures_adds_up_nothing_of_theirs() {
    let sides = [
        own("arm", "armenia-mod", "armenia", 6),
        own("az", "azerbaijan-mod", "azerbaijan", 7),
    ];
    let early = claim(
        "wire-sum",
        "afp",
        "2021-11-16",
        "figure = { parties = [\"armenia\", \"azerbaijan\"], metric = \"killed\", exact = 13 }",
        "",
    );
    let mut claims = sides.to_vec();
    claims.push(early);
    let out = checked(&claims);
    assert_eq!(out.code, 0, "said the day before the sides spoke: {out:?}");
}
