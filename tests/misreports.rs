//! Relays and outlets that get a statement wrong (issue 23): the origin
//! said "killed or wounded", the relay "killed"; an outlet printed 7 for
//! 70. Marked `misreports`, with how: shown as such, never a voice, and a
//! misreporting outlet's reading never widens the figure.

mod common;
use common::*;

/// An agency relaying the Armenian ministry, and getting it wrong.
fn relay(id: &str, n: u32, misreports: &str) -> String {
    claim(
        id,
        "armenian-times",
        "2021-11-16",
        &fig("azerbaijan", "killed", &format!("exact = {n}")),
        &format!("origin = \"armenia-mod\"\n{misreports}"),
    )
}

fn own(n: u32) -> String {
    claim(
        "az-own",
        "azerbaijan-mod",
        "2021-11-16",
        &fig("azerbaijan", "killed", &format!("exact = {n}")),
        "",
    )
}

fn data(claims: &[String]) -> tempfile::TempDir {
    folder(&[("test-event.toml", &event_file(claims))])
}

const HOW: &str = "misreports = \"says killed where the ministry said killed or wounded\"\n";

#[test]
fn a_misreporting_relay_is_no_voice() {
    // Unmarked, the relay's 10 is the ministry's voice against Baku's 2.
    let v = compare_json(data(&[relay("relay", 10, ""), own(2)]).path(), &[]);
    assert_eq!(
        figure_row(&v, "azerbaijan", "killed")["verdict"]["verdict"],
        "conflict"
    );
    let v = compare_json(data(&[relay("relay", 10, HOW), own(2)]).path(), &[]);
    let row = figure_row(&v, "azerbaijan", "killed");
    assert_eq!(row["verdict"]["verdict"], "single-source", "{row}");
    let cell = &row["cells"]["armenian-times"][0];
    // JSON gives the value and, apart, what stands it down.
    assert_eq!(cell["text"], "10", "{row}");
    assert_eq!(
        cell["withdrawn_by"]["misreports"], "says killed where the ministry said killed or wounded",
        "{row}"
    );
}

#[test]
fn the_table_says_what_the_mark_means() {
    let dir = data(&[relay("relay", 10, HOW), own(2)]);
    let csv = Claims::new()
        .data(dir.path())
        .args(["compare", "test-event", "--format", "csv"])
        .run()
        .stdout;
    assert!(
        csv.contains(
            "relaying Arm. MoD) (misreports its origin: says killed where the ministry said killed or wounded)"
        ),
        "{csv}"
    );
    let out = Claims::new()
        .data(dir.path())
        .args(["compare", "test-event"])
        .run()
        .stdout;
    assert!(
        out.contains("(misreports its origin: …) = a relay that got it wrong"),
        "{out}"
    );
    assert!(!out.contains("(retracted/corrected DATE)"), "{out}");
}

#[test]
fn show_and_list_mark_the_misreport() {
    let dir = data(&[relay("relay", 10, HOW)]);
    Claims::new()
        .data(dir.path())
        .args(["show", "relay"])
        .succeeds()
        .stdout_has("it gets its origin wrong, and counts as no voice");
    let csv = Claims::new()
        .data(dir.path())
        .args(["list", "--format", "csv", "--columns", "claim,misreports"])
        .succeeds()
        .stdout;
    assert!(
        csv.contains("relay,says killed where the ministry said killed or wounded"),
        "{csv}"
    );
}

/// Baku's 70, carried by a second outlet as 7.
fn carried(misreports: &str) -> String {
    claim(
        "baku",
        "azerbaijan-mod",
        "2021-11-16",
        &fig("armenia", "killed", "exact = 70"),
        &format!(
            "reports = [{{ document = \"doc2\", quote = \"7 Armenian soldiers\", reads = {{ exact = 7 }}{misreports} }}]\n"
        ),
    )
}

fn with_second_doc(claims: &[String]) -> tempfile::TempDir {
    let file = event_file(claims).replace(
        "[[claim]]",
        "[[document]]\nid = \"doc2\"\noutlet = \"Second outlet\"\nlanguage = \"en\"\n\n[[claim]]",
    );
    folder(&[("test-event.toml", &file)])
}

#[test]
fn a_misreporting_outlets_reading_never_widens_the_figure() {
    let v = compare_json(with_second_doc(&[carried("")]).path(), &[]);
    let cell = &figure_row(&v, "armenia", "killed")["cells"]["azerbaijan-mod"][0];
    assert_eq!(cell["low"], 7, "{cell}");
    let how = ", misreports = \"drops a zero\"";
    let v = compare_json(with_second_doc(&[carried(how)]).path(), &[]);
    let cell = &figure_row(&v, "armenia", "killed")["cells"]["azerbaijan-mod"][0];
    assert_eq!(
        (cell["low"].clone(), cell["high"].clone()),
        (70.into(), 70.into()),
        "{cell}"
    );
    assert_eq!(
        cell["text"], "70 (2 outlets) (doc2 misreports it: drops a zero)",
        "{cell}"
    );
    assert_eq!(
        cell["claims"][0]["reports"][0]["misreports"], "drops a zero",
        "{cell}"
    );
}

fn check(dir: &tempfile::TempDir) -> String {
    Claims::new()
        .data(dir.path())
        .args(["check"])
        .fails(2)
        .stdout
}

#[test]
fn check_refuses_a_misreport_that_is_not_a_relays() {
    let own_words = claim(
        "x",
        "armenia-mod",
        "2021-11-16",
        &fig("azerbaijan", "killed", "exact = 3"),
        "misreports = \"wrong\"\n",
    );
    let out = check(&data(&[own_words]));
    assert!(
        out.contains("claim `x` misreports, but relays no one"),
        "{out}"
    );
    assert!(out.contains("hint: `misreports` marks a relay"), "{out}");
    assert!(out.contains("test-event.toml:"), "{out}");
    let empty = check(&data(&[relay("r", 3, "misreports = \"  \"\n")]));
    assert!(empty.contains("`misreports` is empty"), "{empty}");
    let correcting = check(&data(&[
        relay("r0", 3, ""),
        relay("r", 3, "misreports = \"wrong\"\ncorrects = \"r0\"\n"),
    ]));
    assert!(
        correcting.contains("misreports and withdraws a claim"),
        "{correcting}"
    );
    let report = check(&with_second_doc(&[carried(", misreports = \"\"")]));
    assert!(report.contains("`misreports` is empty"), "{report}");
}
