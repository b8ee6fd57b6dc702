//! Finding things in `list` (issue 15): several values per filter, whose
//! losses, when said, words in the quote, the order, and ids in any case.

mod common;
use common::*;

fn ids(dir: &tempfile::TempDir, extra: &[&str]) -> Vec<String> {
    let mut args = vec!["list", "--format", "csv", "--columns", "claim"];
    args.extend_from_slice(extra);
    let out = Claims::new().data(dir.path()).args(args).fails(0).stdout;
    out.lines().skip(1).map(str::to_string).collect()
}

fn data() -> tempfile::TempDir {
    let claims = [
        claim(
            "a",
            "armenia-mod",
            "2021-11-14",
            &fig("azerbaijan", "killed", "exact = 9"),
            "english = \"Nine enemy soldiers killed\"\n",
        ),
        claim(
            "b",
            "azerbaijan-mod",
            "2021-11-16",
            &fig("azerbaijan", "killed", "exact = 2"),
            "",
        ),
        claim(
            "c",
            "kremlin",
            "2021-11-18",
            &fig("armenia", "wounded", "exact = 3"),
            "note = \"Readout of a CALL\"\n",
        ),
        claim(
            "d",
            "armenia-mod",
            "by 2021-11-15",
            &fig("armenia", "killed", "exact = 1"),
            "",
        ),
    ];
    folder(&[("test-event.toml", &event_file(&claims))])
}

#[test]
fn filters_take_several_values_comma_separated_or_repeated() {
    let dir = data();
    assert_eq!(
        ids(
            &dir,
            &["--source", "armenia-mod,kremlin", "--sort", "source"]
        ),
        ["a", "d", "c"]
    );
    assert_eq!(
        ids(
            &dir,
            &[
                "--source",
                "kremlin",
                "--source",
                "azerbaijan-mod",
                "--sort",
                "said"
            ]
        ),
        ["b", "c"]
    );
    assert_eq!(
        ids(&dir, &["--metric", "wounded,killed", "--party", "russia"]),
        ["c"]
    );
}

#[test]
fn about_keeps_the_figures_of_a_partys_losses() {
    let dir = data();
    let mut found = ids(&dir, &["--about", "armenia"]);
    found.sort();
    assert_eq!(found, ["c", "d"]);
}

#[test]
fn since_and_until_keep_what_may_have_been_said_then() {
    let dir = data();
    assert_eq!(
        ids(&dir, &["--since", "2021-11-16", "--sort", "said"]),
        ["b", "c"]
    );
    // "by 2021-11-15" may have been said on the 14th: kept by --until.
    assert_eq!(
        ids(&dir, &["--until", "2021-11-14", "--sort", "said"]),
        ["d", "a"]
    );
    let (code, _, err) = run(&["list", "--since", "yesterday"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("--since") && err.contains("2021-11-16"),
        "{err}"
    );
}

#[test]
fn grep_searches_quotes_renderings_and_notes_in_any_case() {
    let dir = data();
    assert_eq!(ids(&dir, &["--grep", "nine ENEMY"]), ["a"]);
    assert_eq!(ids(&dir, &["--grep", "call"]), ["c"]);
    assert_eq!(ids(&dir, &["--grep", "words of b"]), ["b"]);
}

#[test]
fn sort_orders_by_when_said_then_id_whatever_the_files() {
    let dir = data();
    // "by" a date may be any time before it: it sorts first.
    assert_eq!(ids(&dir, &["--sort", "said"]), ["d", "a", "b", "c"]);
    assert_eq!(ids(&dir, &["--sort", "source"]), ["a", "d", "b", "c"]);
}

/// Ids matched only in lower case: `--source Armenia-MOD` found nothing.
#[test]
fn regression_ids_match_in_any_case() {
    let dir = data();
    assert_eq!(
        ids(&dir, &["--source", "Armenia-MOD", "--sort", "said"]),
        ["d", "a"]
    );
    let (code, out, err) = run(&["compare", "Kilisali-2021"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("Mount Kilisali border clash"), "{out}");
    let (code, _, err) = run(&["show", "KIL-ARMENIA-ENEMY-KILLED-OR-WOUNDED"]);
    assert_eq!(code, 0, "{err}");
    // A near miss is named.
    let (code, _, err) = run(&["list", "--source", "armenia-mdo"]);
    assert_eq!(code, 2);
    assert!(err.contains("did you mean `armenia-mod`"), "{err}");
}

#[test]
fn documents_lists_each_with_how_many_claims_cite_it() {
    let dir = data();
    let out = Claims::new()
        .data(dir.path())
        .args(["documents", "--format", "json"])
        .fails(0)
        .stdout;
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let docs = v["documents"].as_array().expect("documents");
    let doc = docs
        .iter()
        .find(|d| d["id"] == "doc")
        .expect("the test's document");
    assert_eq!(doc["claims"], 4);
    assert_eq!(doc["outlet"], "Test outlet");
    assert_eq!(doc["events"], serde_json::json!(["test-event"]));
    // The shipped documents are listed too, with their addresses.
    let (_, csv, _) = run(&["documents", "--format", "csv"]);
    assert!(
        csv.starts_with("id,outlet,title,published,url,claims,events\n"),
        "{csv}"
    );
    assert!(
        csv.contains("overt-defense-2021-11-17,Overt Defense,"),
        "{csv}"
    );
}

#[test]
fn grep_wants_every_word_and_dates_and_columns_are_checked() {
    let dir = data();
    // Every word, in any order and any of the texts.
    assert_eq!(ids(&dir, &["--grep", "soldiers nine"]), ["a"]);
    assert!(ids(&dir, &["--grep", "nine call"]).is_empty());
    let (code, _, err) = run(&["list", "--since", "2022-01-01", "--until", "2021-11-17"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("is after --until") && err.contains("swap"),
        "{err}"
    );
    let (code, _, err) = run(&["list", "--columns", "claim"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("--columns picks the columns of CSV or TSV"),
        "{err}"
    );
}
