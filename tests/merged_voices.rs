//! Merged voices keep their disagreements (issue 22, rule 4): under
//! `--by party` and `--by side`, only a speaker revises its own figure, and
//! two speakers of one voice that disagree are shown disagreeing.

mod common;
use common::*;

/// An MP of Armenia, speaking for himself: merged with its side under `--by side`.
const MP: &str = "
[[source]]
id = \"armenian-mp\"
name = \"A member of Armenia's parliament\"
short_name = \"Arm. MP\"
party = \"armenia\"
kind = \"other\"
standing = \"individual\"
";

fn with_mp(claims: &[String]) -> tempfile::TempDir {
    let mut text = event_file(claims);
    text.push_str(MP);
    folder(&[("test-event.toml", &text)])
}

fn captured(id: &str, source: &str, said: &str, q: &str) -> String {
    claim(id, source, said, &fig("armenia", "captured", q), "")
}

#[test]
fn two_organs_of_one_party_stating_different_figures_disagree() {
    let dir = with_mp(&[
        captured("mod", "armenia-mod", "2021-11-16", "exact = 8"),
        captured("pm", "armenia-pm", "2021-11-16", "exact = 9"),
        captured("adv", "azerbaijan-mod", "2021-11-16", "vague = \"some\""),
    ]);
    let v = compare_json(dir.path(), &["--by", "party"]);
    let row = figure_row(&v, "armenia", "captured");
    assert_eq!(row["verdict"]["verdict"], "conflict", "{row}");
    let why = row["verdict"]["explanation"].as_str().unwrap_or("");
    assert!(
        why.starts_with("the side's own voices disagree: 8 vs 9"),
        "{why}"
    );
    // The merged column shows both speakers' figures.
    let texts = cell_texts(&row["cells"]["armenia"]);
    assert_eq!(texts, ["8", "9"], "{row}");
    // The one-line conflict names each speaker, never "Armenia 8 vs Armenia 9".
    let table = Claims::new()
        .data(dir.path())
        .args(["compare", "test-event", "--by", "party"])
        .succeeds()
        .stdout;
    assert!(
        table.contains("Armenia (Arm. MoD) 8 vs Armenia (Arm. PM) 9"),
        "{table}"
    );
}

#[test]
fn a_falling_count_inside_a_merged_side_is_a_disagreement_not_a_revision() {
    let killed = |id: &str, source: &str, said: &str, n: u32| {
        claim(
            id,
            source,
            said,
            &fig("armenia", "killed", &format!("exact = {n}")),
            "",
        )
    };
    let dir = with_mp(&[
        killed("mp", "armenian-mp", "2021-11-16", 12),
        killed("mod", "armenia-mod", "2021-11-16", 2),
    ]);
    let v = compare_json(dir.path(), &["--by", "side"]);
    let row = figure_row(&v, "armenia", "killed");
    assert_eq!(row["verdict"]["verdict"], "conflict", "{row}");
    // The ministry's figure did not replace the MP's: both are current.
    let cell = &row["cells"]["armenia"];
    assert_eq!(cell.as_array().map(Vec::len), Some(2), "{row}");
    // A speaker still revises its own figure.
    let dir = with_mp(&[
        killed("first", "armenia-mod", "2021-11-16", 12),
        killed("then", "armenia-mod", "2021-11-17", 2),
    ]);
    let v = compare_json(dir.path(), &["--by", "side"]);
    let row = figure_row(&v, "armenia", "killed");
    assert_eq!(row["verdict"]["verdict"], "single-source", "{row}");
}

#[test]
fn speakers_of_one_voice_that_agree_count_as_one_voice() {
    let dir = with_mp(&[
        captured("mod", "armenia-mod", "2021-11-16", "exact = 8"),
        captured("pm", "armenia-pm", "2021-11-16", "about = 8"),
        captured("adv", "azerbaijan-mod", "2021-11-16", "exact = 8"),
    ]);
    let v = compare_json(dir.path(), &["--by", "party"]);
    let verdict = &figure_row(&v, "armenia", "captured")["verdict"];
    assert_eq!(verdict["verdict"], "consistent", "{verdict}");
    assert_eq!(verdict["voices"], 2, "{verdict}");
}

#[test]
fn statements_of_two_speakers_of_one_voice_are_weighed_too() {
    let mut text = event_file(&[
        claim(
            "a",
            "armenia-mod",
            "2021-11-16",
            &acc("azerbaijan", "attack"),
            "",
        ),
        claim(
            "b",
            "armenia-pm",
            "2021-11-16",
            &acc("turkey", "attack"),
            "",
        ),
        claim(
            "c",
            "armenia-mod",
            "2021-11-16",
            "position = { proposition = \"p\", stance = \"affirms\" }",
            "",
        ),
        claim(
            "d",
            "armenia-pm",
            "2021-11-16",
            "position = { proposition = \"p\", stance = \"denies\" }",
            "",
        ),
    ]);
    text.push_str("\n[[proposition]]\nid = \"p\"\ntext = \"Talks were held\"\n");
    let dir = folder(&[("test-event.toml", &text)]);
    let v = compare_json(dir.path(), &["--by", "party"]);
    let row = statement_row(&v, "attack");
    assert_eq!(row["verdict"]["verdict"], "conflict", "{row}");
    let why = row["verdict"]["explanation"].as_str().unwrap_or("");
    assert!(
        why.contains("Armenia (Arm. MoD) blames Azerbaijan"),
        "{why}"
    );
    assert!(why.contains("Armenia (Arm. PM) blames Turkey"), "{why}");
    let row = statement_row(&v, "p");
    assert_eq!(row["verdict"]["verdict"], "conflict", "{row}");
    // Speakers that agree are one voice.
    let dir = folder(&[(
        "test-event.toml",
        &event_file(&[
            claim(
                "a",
                "armenia-mod",
                "2021-11-16",
                &acc("azerbaijan", "attack"),
                "",
            ),
            claim(
                "b",
                "armenia-pm",
                "2021-11-16",
                &acc("azerbaijan", "attack"),
                "",
            ),
        ]),
    )]);
    let v = compare_json(dir.path(), &["--by", "party"]);
    assert_eq!(
        statement_row(&v, "attack")["verdict"]["verdict"],
        "single-source"
    );
}

/// A speaker's complete sum stands as it is when the voice merges: only
/// speakers that each gave some parts alone leave the sum to the voice.
#[test]
fn a_speakers_complete_sum_is_not_replaced_by_the_voices() {
    let dir = folder(&[(
        "test-event.toml",
        &event_file(&[
            claim(
                "mod-k",
                "armenia-mod",
                "2021-11-16",
                &fig("armenia", "killed", "exact = 4"),
                "",
            ),
            claim(
                "mod-w",
                "armenia-mod",
                "2021-11-16",
                &fig("armenia", "wounded", "exact = 10"),
                "",
            ),
            claim(
                "pm-k",
                "armenia-pm",
                "2021-11-16",
                &fig("armenia", "killed", "exact = 6"),
                "",
            ),
            claim(
                "adv",
                "azerbaijan-mod",
                "2021-11-16",
                &fig("armenia", "killed-or-wounded", "exact = 30"),
                "",
            ),
        ]),
    )]);
    let v = compare_json(dir.path(), &["--by", "party"]);
    let row = figure_row(&v, "armenia", "killed-or-wounded");
    let texts = cell_texts(&row["cells"]["armenia"]);
    assert!(
        texts.iter().any(|t| t.starts_with("4 + 10 = 14")),
        "{texts:?}"
    );
}
