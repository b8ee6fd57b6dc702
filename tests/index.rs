//! The folder index: `compare` reads only what it needs, and never gives a
//! different answer for it.

mod common;
use common::*;
use std::fs;

fn folder() -> tempfile::TempDir {
    let data = format!("{}/data", env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    for rel in [
        "kilisali-2021.toml",
        "tavush-2020.toml",
        "september-2022.toml",
        "documents/kilisali-2021.fr.txt",
        "notes/tavush-2020.md",
        "notes/september-2022.md",
    ] {
        let to = dir.path().join(rel);
        fs::create_dir_all(to.parent().unwrap()).unwrap();
        fs::copy(format!("{data}/{rel}"), to).unwrap();
    }
    dir
}

fn compare(data: &std::path::Path, cache: &std::path::Path, event: &str) -> String {
    let out = claims()
        .env_remove("CLAIMS_NO_CACHE")
        .env("CLAIMS_CACHE_DIR", cache)
        .args([
            "--data",
            data.to_str().unwrap(),
            "compare",
            event,
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn compare_from_the_index_equals_a_full_compare() {
    let data = folder();
    let cache = tempfile::tempdir().unwrap();
    let full = compare(data.path(), cache.path(), "kilisali-2021");
    assert_eq!(
        fs::read_dir(cache.path()).unwrap().count(),
        1,
        "the first run stores an index"
    );
    let indexed = compare(data.path(), cache.path(), "kilisali-2021");
    assert_eq!(full, indexed);
    // Nothing was written beside the data.
    assert!(fs::read_dir(data.path()).unwrap().all(|e| !e
        .unwrap()
        .file_name()
        .to_string_lossy()
        .contains("index")));
}

#[test]
fn a_claim_added_in_another_file_is_seen() {
    let data = folder();
    let cache = tempfile::tempdir().unwrap();
    let before = compare(data.path(), cache.path(), "kilisali-2021");
    assert!(!before.contains("extra-claim"));
    // Not one event per file: a claim about Kilisali in a file of its own.
    fs::write(
        data.path().join("extra.toml"),
        "[[document]]\nid = \"extra-doc\"\ntitle = \"x\"\noutlet = \"x\"\nlanguage = \"en\"\n\n[[claim]]\nid = \"extra-claim\"\nevent = \"kilisali-2021\"\nsource = \"kremlin\"\nsaid = \"2021-11-18\"\nvia = \"statement\"\ndocument = \"extra-doc\"\nquote = \"Seventeen Azerbaijani soldiers were killed or wounded.\"\nlanguage = \"en\"\nfigure = { party = \"azerbaijan\", metric = \"killed-or-wounded\", exact = 17 }\n",
    )
    .unwrap();
    let after = compare(data.path(), cache.path(), "kilisali-2021");
    assert!(
        after.contains("extra-claim"),
        "a new file makes the index stale"
    );
    // And from the refreshed index, the claim in the other file is still read.
    let again = compare(data.path(), cache.path(), "kilisali-2021");
    assert_eq!(after, again);
}

#[test]
fn an_edited_file_is_reread() {
    let data = folder();
    let cache = tempfile::tempdir().unwrap();
    compare(data.path(), cache.path(), "tavush-2020");
    let path = data.path().join("tavush-2020.toml");
    let text = fs::read_to_string(&path)
        .unwrap()
        .replace("exact = 4 }", "exact = 45 }");
    fs::write(&path, text).unwrap();
    let out = compare(data.path(), cache.path(), "tavush-2020");
    assert!(out.contains("\"text\": \"45\""), "{out}");
}

#[test]
fn built_in_compare_reads_one_file_and_agrees_with_a_full_load() {
    // The built-in data keeps one event per file named after it; `compare`
    // relies on that to read only the vocabulary and that file.
    for event in ["kilisali-2021", "tavush-2020", "september-2022"] {
        let fast = claims()
            .env_remove("CLAIMS_NO_CACHE")
            .args(["compare", event, "--format", "json"])
            .output()
            .unwrap();
        let full = claims()
            .args(["compare", event, "--format", "json"])
            .output()
            .unwrap();
        assert!(fast.status.success() && full.status.success());
        assert_eq!(fast.stdout, full.stdout, "{event}");
    }
}

#[test]
fn a_document_defined_in_another_file_is_followed() {
    let data = folder();
    let cache = tempfile::tempdir().unwrap();
    // The document sits in another event's file, which `compare kilisali-2021`
    // would not otherwise read.
    let sept = data.path().join("september-2022.toml");
    let mut text = fs::read_to_string(&sept).unwrap();
    text.push_str(
        "\n[[document]]\nid = \"shared-doc\"\ntitle = \"x\"\noutlet = \"x\"\nlanguage = \"en\"\n",
    );
    fs::write(&sept, text).unwrap();
    fs::write(
        data.path().join("more-claims.toml"),
        "[[claim]]\nid = \"more-claim\"\nevent = \"kilisali-2021\"\nsource = \"kremlin\"\nsaid = \"2021-11-18\"\nvia = \"statement\"\ndocument = \"shared-doc\"\nquote = \"Calm has returned.\"\nlanguage = \"en\"\naccusation = { accused = \"azerbaijan\", act = \"started-fighting\" }\n",
    )
    .unwrap();
    let full = compare(data.path(), cache.path(), "kilisali-2021");
    assert!(full.contains("more-claim"));
    // From the index: the claim's file is chosen for its event, and the file
    // defining its document is followed.
    let indexed = compare(data.path(), cache.path(), "kilisali-2021");
    assert_eq!(full, indexed);
}

#[test]
fn regression_a_mistyped_event_with_a_current_index_names_the_nearest() {
    let data = folder();
    let cache = tempfile::tempdir().unwrap();
    compare(data.path(), cache.path(), "kilisali-2021");
    let out = claims()
        .env_remove("CLAIMS_NO_CACHE")
        .env("CLAIMS_CACHE_DIR", cache.path())
        .args([
            "--data",
            data.path().to_str().unwrap(),
            "compare",
            "kilisali-2012",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("did you mean `kilisali-2021`"), "{err}");
}
