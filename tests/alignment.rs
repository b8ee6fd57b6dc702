//! Parties that stand with a side (issue 23): a de facto authority
//! `aligned_with` a side speaks for it, and its losses are the side's own;
//! a third state `allied_with` a side is never independent corroboration.

mod common;
use common::*;

/// A party aligned with Armenia, a third state allied with it, and a
/// source of each.
const PARTIES: &str = r#"
[[party]]
id = "highland"
name = "Highland Republic"
aligned_with = "armenia"

[[party]]
id = "friendly-state"
name = "Friendly State"
allied_with = "armenia"

[[source]]
id = "highland-mod"
name = "Highland Defence Army"
short_name = "HDA"
party = "highland"
kind = "ministry"
standing = "organ"

[[source]]
id = "friendly-mfa"
name = "Foreign Ministry of Friendly State"
short_name = "Friendly MFA"
party = "friendly-state"
kind = "ministry"
standing = "organ"
"#;

fn figure(id: &str, source: &str, party: &str, n: u32) -> String {
    let f = fig(party, "killed", &format!("exact = {n}"));
    claim(id, source, "2021-11-16", &f, "")
}

fn data(claims: &[String]) -> tempfile::TempDir {
    folder(&[
        ("parties.toml", PARTIES),
        ("test-event.toml", &event_file(claims)),
    ])
}

fn perspective(v: &serde_json::Value, party: &str, column: &str) -> String {
    let row = figure_row(v, party, "killed");
    row["cells"][column][0]["perspective"]
        .as_str()
        .unwrap_or_else(|| panic!("no {column} cell in {row}"))
        .to_string()
}

#[test]
fn an_aligned_party_speaks_for_its_side() {
    let dir = data(&[
        figure("h-adv", "highland-mod", "azerbaijan", 40),
        figure("a-on-h", "azerbaijan-mod", "highland", 90),
        figure("arm-on-h", "armenia-mod", "highland", 3),
    ]);
    let v = compare_json(dir.path(), &[]);
    // Its count of the adversary's losses is an adversary claim, not a third party's.
    assert_eq!(perspective(&v, "azerbaijan", "highland-mod"), "adversary");
    assert_eq!(perspective(&v, "highland", "azerbaijan-mod"), "adversary");
    // Its losses are its side's own.
    assert_eq!(perspective(&v, "highland", "armenia-mod"), "own");
}

#[test]
fn by_side_merges_an_aligned_party_into_its_side() {
    let dir = data(&[
        figure("h", "highland-mod", "azerbaijan", 40),
        figure("a", "armenia-mod", "azerbaijan", 40),
    ]);
    let v = compare_json(dir.path(), &["--by", "side"]);
    let row = figure_row(&v, "azerbaijan", "killed");
    let cells = row["cells"].as_object().expect("cells");
    let columns: Vec<&String> = cells.keys().collect();
    assert_eq!(columns, ["armenia"], "{row}");
}

#[test]
fn blame_between_an_aligned_party_and_the_other_side_is_a_mirror() {
    let dir = data(&[
        claim(
            "h",
            "highland-mod",
            "2021-11-16",
            &acc("azerbaijan", "started-fighting"),
            "",
        ),
        claim(
            "z",
            "azerbaijan-mod",
            "2021-11-16",
            &acc("armenia", "started-fighting"),
            "",
        ),
    ]);
    let v = compare_json(dir.path(), &[]);
    let rows = v["statements"].as_array().expect("statements");
    let row = rows
        .iter()
        .find(|r| r["verdict"]["verdict"] == "conflict")
        .unwrap_or_else(|| panic!("no conflict in {v}"));
    assert_eq!(row["verdict"]["conflict"], "mirror", "{row}");
}

#[test]
fn an_ally_agreeing_with_its_side_is_not_independent() {
    let dir = data(&[
        figure("a", "armenia-mod", "azerbaijan", 50),
        figure("f", "friendly-mfa", "azerbaijan", 50),
    ]);
    let v = compare_json(dir.path(), &[]);
    let row = figure_row(&v, "azerbaijan", "killed");
    assert_eq!(perspective(&v, "azerbaijan", "friendly-mfa"), "ally");
    assert_eq!(row["verdict"]["verdict"], "consistent", "{row}");
    assert_eq!(row["verdict"]["allies_only"], true, "{row}");
    let out = Claims::new()
        .data(dir.path())
        .args(["compare", "test-event", "--width", "400"])
        .succeeds()
        .stdout;
    assert!(
        out.contains("one side and its ally, not independent"),
        "{out}"
    );
    assert!(
        out.contains("ally = a third state allied with a side"),
        "{out}"
    );
}

#[test]
fn an_independent_voice_agreeing_is_still_corroboration() {
    let dir = data(&[
        figure("a", "armenia-mod", "azerbaijan", 50),
        figure("k", "kremlin", "azerbaijan", 50),
    ]);
    let v = compare_json(dir.path(), &[]);
    let row = figure_row(&v, "azerbaijan", "killed");
    assert_eq!(row["verdict"]["verdict"], "consistent", "{row}");
    assert_eq!(row["verdict"]["allies_only"], false, "{row}");
}

fn check_with(parties: &str) -> String {
    let dir = folder(&[
        ("parties.toml", parties),
        ("test-event.toml", &event_file(&[])),
    ]);
    Claims::new()
        .data(dir.path())
        .args(["check"])
        .fails(2)
        .stdout
}

#[test]
fn check_refuses_alignments_that_do_not_end_at_a_side() {
    let own = check_with("[[party]]\nid = \"x\"\nname = \"X\"\naligned_with = \"x\"\n");
    assert!(own.contains("error[bad-alignment]"), "{own}");
    assert!(own.contains("party `x` is aligned with itself"), "{own}");
    assert!(own.contains("parties.toml:2:"), "{own}");
    let chain = check_with(
        "[[party]]\nid = \"x\"\nname = \"X\"\naligned_with = \"armenia\"\n\n\
         [[party]]\nid = \"y\"\nname = \"Y\"\nallied_with = \"x\"\n",
    );
    assert!(
        chain.contains("which is itself aligned or allied"),
        "{chain}"
    );
    assert!(chain.contains("hint: name the side itself"), "{chain}");
    let both = check_with(
        "[[party]]\nid = \"x\"\nname = \"X\"\naligned_with = \"armenia\"\nallied_with = \"azerbaijan\"\n",
    );
    assert!(
        both.contains("both aligned with a side and allied"),
        "{both}"
    );
    let unknown = check_with("[[party]]\nid = \"x\"\nname = \"X\"\naligned_with = \"armenai\"\n");
    assert!(unknown.contains("did you mean `armenia`?"), "{unknown}");
}

#[test]
fn vocab_says_whom_each_party_stands_with() {
    let dir = data(&[]);
    let out = Claims::new()
        .data(dir.path())
        .args(["vocab", "parties", "--format", "json"])
        .succeeds()
        .stdout;
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let party = |id: &str| {
        v["parties"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|p| p["id"] == id)
            .cloned()
            .unwrap_or_else(|| panic!("no {id} in {v}"))
    };
    assert_eq!(party("highland")["aligned_with"], "armenia");
    assert_eq!(party("friendly-state")["allied_with"], "armenia");
    let table = Claims::new()
        .data(dir.path())
        .args(["vocab", "parties", "--width", "200"])
        .succeeds()
        .stdout;
    assert!(table.contains("aligned with armenia"), "{table}");
    assert!(table.contains("ally of armenia"), "{table}");
}
