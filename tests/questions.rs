//! Rival answers to one question (issue 22, rule 1): accusations under
//! different acts that answer one question share a row and are weighed
//! against each other; an accusation naming no violator blames no one.
//! Every fixture defines its own acts and questions.

mod common;
use common::*;

/// Two acts that answer one question, and a third that answers none.
const VOCABULARY: &str = "
[[act]]
id = \"shelled-first\"
label = \"shelled first\"

[[act]]
id = \"staged-raids\"
label = \"staged raids\"

[[act]]
id = \"mined-roads\"
label = \"mined the roads\"

[[question]]
id = \"who-began\"
label = \"who began it\"
acts = [\"shelled-first\", \"staged-raids\"]
";

fn folder_with(claims: &[String]) -> tempfile::TempDir {
    let mut text = event_file(claims);
    text.push_str(VOCABULARY);
    folder(&[("test-event.toml", &text)])
}

fn verdict(row: &serde_json::Value) -> (&str, &str) {
    let v = &row["verdict"];
    (
        v["verdict"].as_str().unwrap_or(""),
        v["conflict"].as_str().unwrap_or(""),
    )
}

#[test]
fn each_side_blaming_the_other_under_two_acts_of_one_question_is_a_mirror_conflict() {
    let dir = folder_with(&[
        claim(
            "a",
            "armenia-mod",
            "2021-11-16",
            &acc("azerbaijan", "shelled-first"),
            "",
        ),
        claim(
            "b",
            "azerbaijan-mod",
            "2021-11-16",
            &acc("armenia", "staged-raids"),
            "",
        ),
    ]);
    let v = compare_json(dir.path(), &[]);
    let rows = v["statements"].as_array().expect("rows");
    assert_eq!(rows.len(), 1, "one row for the question: {v}");
    let row = statement_row(&v, "who-began");
    assert_eq!(row["kind"], "question");
    assert_eq!(row["label"], "who began it");
    assert_eq!(verdict(row), ("conflict", "mirror"), "{row}");
    // Each cell names the act its voice used.
    assert_eq!(
        row["cells"]["armenia-mod"][0]["says"],
        "accuses Azerbaijan: shelled first"
    );
    assert_eq!(
        row["cells"]["azerbaijan-mod"][0]["says"],
        "accuses Armenia: staged raids"
    );
    assert_eq!(v["conflicts"].as_array().map(Vec::len), Some(1), "{v}");
    // The note about blame never weighed is gone: it was weighed.
    let text = Claims::new()
        .data(dir.path())
        .args(["compare", "test-event"])
        .succeeds();
    assert!(!text.stdout.contains("under different acts"), "{text:?}");
}

#[test]
fn a_denial_under_another_act_of_the_question_meets_the_accusation() {
    let dir = folder_with(&[
        claim(
            "a",
            "armenia-mod",
            "2021-11-16",
            &acc("azerbaijan", "shelled-first"),
            "",
        ),
        claim(
            "b",
            "azerbaijan-mod",
            "2021-11-16",
            &acc_with("azerbaijan", "staged-raids", ", denies = true"),
            "",
        ),
    ]);
    let v = compare_json(dir.path(), &[]);
    let row = statement_row(&v, "who-began");
    assert_eq!(verdict(row), ("conflict", "affirm-deny"), "{row}");
    assert_eq!(
        row["cells"]["azerbaijan-mod"][0]["says"],
        "denies doing it: staged raids"
    );
}

#[test]
fn voices_giving_one_answer_under_two_acts_agree() {
    let dir = folder_with(&[
        claim(
            "a",
            "azerbaijan-mod",
            "2021-11-16",
            &acc("armenia", "shelled-first"),
            "",
        ),
        claim(
            "b",
            "kremlin",
            "2021-11-16",
            &acc("armenia", "staged-raids"),
            "",
        ),
    ]);
    let v = compare_json(dir.path(), &[]);
    let row = statement_row(&v, "who-began");
    assert_eq!(verdict(row).0, "consistent", "{row}");
    assert_eq!(row["verdict"]["voices"], 2);
}

#[test]
fn an_act_that_answers_no_question_keeps_a_row_of_its_own_and_is_not_weighed() {
    let dir = folder_with(&[
        claim(
            "a",
            "armenia-mod",
            "2021-11-16",
            &acc("azerbaijan", "shelled-first"),
            "",
        ),
        claim(
            "b",
            "azerbaijan-mod",
            "2021-11-16",
            &acc("armenia", "mined-roads"),
            "",
        ),
    ]);
    let v = compare_json(dir.path(), &[]);
    assert_eq!(verdict(statement_row(&v, "who-began")).0, "single-source");
    let own = statement_row(&v, "mined-roads");
    assert_eq!(own["kind"], "accusation");
    assert_eq!(verdict(own).0, "single-source");
    // Outside a question, the cell needs no act: the row names it.
    assert_eq!(own["cells"]["azerbaijan-mod"][0]["says"], "accuses Armenia");
    let text = Claims::new()
        .data(dir.path())
        .args(["compare", "test-event"])
        .succeeds();
    assert!(text.stdout.contains("under different acts"), "{text:?}");
}

#[test]
fn an_accusation_naming_no_violator_is_shown_and_blames_no_one() {
    let unnamed = "accusation = { act = \"staged-raids\" }";
    let dir = folder_with(&[
        claim("a", "armenia-mod", "2021-11-16", unnamed, ""),
        claim(
            "b",
            "azerbaijan-mod",
            "2021-11-16",
            &acc("armenia", "shelled-first"),
            "",
        ),
        claim("c", "kremlin", "2021-11-16", unnamed, ""),
    ]);
    let v = compare_json(dir.path(), &[]);
    let row = statement_row(&v, "who-began");
    // Neither agreement with the accusation nor a conflict with it.
    assert_eq!(verdict(row).0, "single-source", "{row}");
    assert_eq!(
        row["cells"]["armenia-mod"][0]["says"],
        "no violator named: staged raids"
    );
    assert_eq!(
        row["cells"]["armenia-mod"][0]["accused"],
        serde_json::Value::Null
    );
    // Only voices naming no one: they agree the act happened.
    let dir = folder_with(&[
        claim("a", "armenia-mod", "2021-11-16", unnamed, ""),
        claim("c", "kremlin", "2021-11-16", unnamed, ""),
    ]);
    let v = compare_json(dir.path(), &[]);
    let row = statement_row(&v, "who-began");
    assert_eq!(verdict(row).0, "consistent", "{row}");
    assert_eq!(row["verdict"]["both_sides"], false, "{row}");
}

#[test]
fn a_denial_must_name_the_party_it_clears() {
    let dir = folder_with(&[claim(
        "a",
        "armenia-mod",
        "2021-11-16",
        "accusation = { act = \"staged-raids\", denies = true }",
        "",
    )]);
    let out = Claims::new().data(dir.path()).args(["check"]).fails(2);
    assert!(out.stdout.contains("a denial names no party"), "{out:?}");
    assert!(out.stdout.contains("test-event.toml:"), "{out:?}");
    assert!(out.stdout.contains("accused = "), "the hint: {out:?}");
}

#[test]
fn an_act_answering_two_questions_is_reported_at_both_places() {
    let mut text = event_file(&[]);
    text.push_str(VOCABULARY);
    let second = "\n[[question]]\nid = \"who-escalated\"\nlabel = \"who escalated\"\nacts = [\"mined-roads\", \"staged-raids\"]\n";
    let dir = folder(&[("test-event.toml", &text), ("z-more.toml", second)]);
    let out = Claims::new().data(dir.path()).args(["check"]).fails(2);
    let err = &out.stdout;
    assert!(err.contains("error[bad-question]"), "{err}");
    assert!(
        err.contains("act `staged-raids` already answers question `who-began`"),
        "{err}"
    );
    // Where the second listing is (line 5 of the later file) and the first.
    assert!(err.contains("z-more.toml:5:"), "{err}");
    assert!(err.contains("first listed here"), "{err}");
    // `vocab questions` lists what each question kept.
    let dir = folder_with(&[]);
    let out = Claims::new()
        .data(dir.path())
        .args(["vocab", "questions", "--format", "json"])
        .succeeds();
    let v: serde_json::Value = serde_json::from_str(&out.stdout).expect("json");
    let q = v["questions"]
        .as_array()
        .and_then(|a| a.iter().find(|q| q["id"] == "who-began"))
        .expect("the question");
    assert_eq!(
        q["acts"],
        serde_json::json!(["shelled-first", "staged-raids"])
    );
}

#[test]
fn a_question_naming_an_unknown_act_is_an_unknown_id() {
    let mut text = event_file(&[]);
    text.push_str(VOCABULARY);
    text.push_str(
        "\n[[question]]\nid = \"who-left\"\nlabel = \"who left\"\nacts = [\"withdrew-frist\"]\n",
    );
    let dir = folder(&[("test-event.toml", &text)]);
    let out = Claims::new().data(dir.path()).args(["check"]).fails(2);
    assert!(
        out.stdout.contains("unknown act `withdrew-frist`"),
        "{out:?}"
    );
}

#[test]
fn a_question_row_whose_voices_use_one_act_does_not_repeat_it() {
    let dir = folder_with(&[
        claim(
            "a",
            "armenia-mod",
            "2021-11-16",
            &acc("azerbaijan", "staged-raids"),
            "",
        ),
        claim(
            "b",
            "azerbaijan-mod",
            "2021-11-16",
            &acc("armenia", "staged-raids"),
            "",
        ),
    ]);
    let v = compare_json(dir.path(), &[]);
    let row = statement_row(&v, "who-began");
    assert_eq!(verdict(row), ("conflict", "mirror"), "{row}");
    assert_eq!(row["cells"]["armenia-mod"][0]["says"], "accuses Azerbaijan");
}
