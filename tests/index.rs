//! The folder index: `compare` reads only what it needs, and never gives a
//! different answer for it.

mod common;
use common::*;
use std::fs;

fn copy_of_shipped_data() -> tempfile::TempDir {
    let data = format!("{}/data", env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    for rel in [
        "kilisali-2021.toml",
        "tavush-2020.toml",
        "september-2022.toml",
        "documents/kilisali-2021.fr.txt",
        "notes/record.md",
        "notes/tavush-2020.md",
        "notes/september-2022.md",
    ] {
        let to = dir.path().join(rel);
        fs::create_dir_all(to.parent().unwrap()).unwrap();
        fs::copy(format!("{data}/{rel}"), to).unwrap();
    }
    dir
}

fn compare_cached(data: &std::path::Path, cache: &std::path::Path, event: &str) -> String {
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
    let data = copy_of_shipped_data();
    let cache = tempfile::tempdir().unwrap();
    let full = compare_cached(data.path(), cache.path(), "kilisali-2021");
    assert_eq!(
        fs::read_dir(cache.path()).unwrap().count(),
        1,
        "the first run stores an index"
    );
    let indexed = compare_cached(data.path(), cache.path(), "kilisali-2021");
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
    let data = copy_of_shipped_data();
    let cache = tempfile::tempdir().unwrap();
    let before = compare_cached(data.path(), cache.path(), "kilisali-2021");
    assert!(!before.contains("extra-claim"));
    // Not one event per file: a claim about Kilisali in a file of its own.
    fs::write(
        data.path().join("extra.toml"),
        "[[document]]\nid = \"extra-doc\"\ntitle = \"x\"\noutlet = \"x\"\nlanguage = \"en\"\n\n[[claim]]\nid = \"extra-claim\"\nevent = \"kilisali-2021\"\nsource = \"kremlin\"\nsaid = \"2021-11-18\"\nvia = \"statement\"\ndocument = \"extra-doc\"\nquote = \"Seventeen Azerbaijani soldiers were killed or wounded.\"\nlanguage = \"en\"\nfigure = { party = \"azerbaijan\", metric = \"killed-or-wounded\", exact = 17 }\n",
    )
    .unwrap();
    let after = compare_cached(data.path(), cache.path(), "kilisali-2021");
    assert!(
        after.contains("extra-claim"),
        "a new file makes the index stale"
    );
    // And from the refreshed index, the claim in the other file is still read.
    let again = compare_cached(data.path(), cache.path(), "kilisali-2021");
    assert_eq!(after, again);
}

#[test]
fn an_edited_file_is_reread() {
    let data = copy_of_shipped_data();
    let cache = tempfile::tempdir().unwrap();
    compare_cached(data.path(), cache.path(), "tavush-2020");
    let path = data.path().join("tavush-2020.toml");
    let text = fs::read_to_string(&path)
        .unwrap()
        .replace("exact = 4 }", "exact = 45 }");
    fs::write(&path, text).unwrap();
    let out = compare_cached(data.path(), cache.path(), "tavush-2020");
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
    let data = copy_of_shipped_data();
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
    let full = compare_cached(data.path(), cache.path(), "kilisali-2021");
    assert!(full.contains("more-claim"));
    // From the index: the claim's file is chosen for its event, and the file
    // defining its document is followed.
    let indexed = compare_cached(data.path(), cache.path(), "kilisali-2021");
    assert_eq!(full, indexed);
}

#[test]
fn regression_a_mistyped_event_with_a_current_index_names_the_nearest() {
    let data = copy_of_shipped_data();
    let cache = tempfile::tempdir().unwrap();
    compare_cached(data.path(), cache.path(), "kilisali-2021");
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

/// An event in one file and, in another, a file of one claim for either of
/// two events: the index records which event each file's claims are about.
fn two_events() -> tempfile::TempDir {
    let head = |id: &str| {
        format!("[event]\nid = \"{id}\"\ntitle = \"t\"\ndate = \"2021-11-16\"\nplace = \"p\"\nsummary = \"s\"\nsides = [\"armenia\", \"azerbaijan\"]\n\n[[document]]\nid = \"doc-{id}\"\noutlet = \"o\"\nlanguage = \"en\"\n")
    };
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("ev.toml"), head("ev")).unwrap();
    fs::write(dir.path().join("ew.toml"), head("ew")).unwrap();
    fs::write(dir.path().join("extra.toml"), extra_claim("ew")).unwrap();
    dir
}

/// The same number of bytes for either event: an edit keeps the size.
fn extra_claim(event: &str) -> String {
    format!("[[claim]]\nid = \"x\"\nevent = \"{event}\"\nsource = \"armenia-mod\"\nsaid = \"2021-11-16\"\nvia = \"statement\"\ndocument = \"doc-{event}\"\nquote = \"q\"\nlanguage = \"en\"\nfigure = {{ party = \"armenia\", metric = \"killed\", exact = 5 }}\n")
}

/// An edit that keeps a file's size and sets its modification time back
/// left the index's stamp unchanged: a claim moved to another event was
/// silently missing from that event's comparison.
#[test]
fn regression_an_edit_keeping_size_and_modification_time_is_seen() {
    let data = two_events();
    let cache = tempfile::tempdir().unwrap();
    let before = compare_cached(data.path(), cache.path(), "ew");
    assert!(before.contains("\"x\""), "{before}");
    let path = data.path().join("extra.toml");
    let mtime = fs::metadata(&path).unwrap().modified().unwrap();
    fs::write(&path, extra_claim("ev")).unwrap();
    fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(mtime)
        .unwrap();
    let after = compare_cached(data.path(), cache.path(), "ev");
    assert!(
        after.contains("\"x\""),
        "the moved claim is missing:\n{after}"
    );
}

/// A planted index in a cache folder another user can write hid a claim.
#[cfg(unix)]
#[test]
fn regression_an_index_others_can_write_is_not_believed() {
    use std::os::unix::fs::PermissionsExt;
    let data = two_events();
    fs::write(data.path().join("extra.toml"), extra_claim("ev")).unwrap();
    let cache = tempfile::tempdir().unwrap();
    let full = compare_cached(data.path(), cache.path(), "ev");
    assert!(full.contains("\"x\""), "{full}");
    // The planted lie: the file of the claim holds claims of no event.
    let index = fs::read_dir(cache.path())
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let text = fs::read_to_string(&index).unwrap();
    let lie = text.replace("\"claim_events\":[\"ev\"]", "\"claim_events\":[]");
    assert_ne!(lie, text, "the index records the claim's event");
    fs::write(&index, &lie).unwrap();
    for (dir_mode, file_mode) in [(0o777, 0o600), (0o700, 0o666)] {
        fs::set_permissions(cache.path(), fs::Permissions::from_mode(dir_mode)).unwrap();
        fs::set_permissions(&index, fs::Permissions::from_mode(file_mode)).unwrap();
        let seen = compare_cached(data.path(), cache.path(), "ev");
        assert_eq!(seen, full, "an index writable by others was believed");
        if dir_mode == 0o777 {
            // Nor is a new one written into a folder others can write.
            assert_eq!(fs::read_to_string(&index).unwrap(), lie);
        }
    }
}
