//! The exit status tells the truth (issue 13): output that cannot be
//! written is a failure, and an empty `CLAIMS_DATA` is no folder at all.

mod common;
use common::*;

fn into_full_disk(args: &[&str]) -> i32 {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    Claims::new().args(args).stdout(full).run().code
}

#[test]
fn regression_help_and_version_into_a_full_disk_fail() {
    assert_eq!(into_full_disk(&["--help"]), 2);
    assert_eq!(into_full_disk(&["--version"]), 2);
    assert_eq!(into_full_disk(&["compare", "kilisali-2021"]), 2);
}

#[test]
fn regression_an_empty_claims_data_is_no_folder() {
    let out = Claims::new()
        .env("CLAIMS_DATA", "")
        .args(["compare", "kilisali-2021"])
        .fails(0);
    assert!(out.stdout.contains("Mount Kilisali"), "{}", out.stdout);
}

#[test]
fn regression_tsv_keeps_double_quotes_exact() {
    let out = Claims::new()
        .args(["sources", "--format", "tsv"])
        .fails(0)
        .stdout;
    let line = out
        .lines()
        .find(|l| l.starts_with("armenia\t"))
        .unwrap_or("");
    assert!(
        line.starts_with("armenia\tArmenian authorities (\"Yerevan\", organ not named)\t"),
        "{line}"
    );
}

#[test]
fn regression_markdown_reports_link_only_web_addresses_and_open_no_headings() {
    let event = "[event]\nid = \"e\"\ntitle = \"T\"\ndate = \"2021-11-16\"\nplace = \"p\"\nsummary = \"# Injected heading\"\n\n\
                 [[document]]\nid = \"d\"\noutlet = \"o\"\nlanguage = \"en\"\nurl = \"javascript:alert(1)\"\n\n\
                 [[document]]\nid = \"d2\"\noutlet = \"o\"\nlanguage = \"en\"\nurl = \"https://example.org/a\\u001b]52;c;bad\\u0007\"\n\n\
                 [[document]]\nid = \"d3\"\noutlet = \"o\"\nlanguage = \"en\"\nurl = \"https://example.org/ok\"\n\n\
                 [[claim]]\nid = \"c\"\nsource = \"armenia-mod\"\nsaid = \"2021-11-16\"\nvia = \"statement\"\ndocument = \"d\"\n\
                 quote = \"q\"\nlanguage = \"en\"\nfigure = { party = \"armenia\", metric = \"killed\", exact = 1 }\n\n\
                 [[claim]]\nid = \"c2\"\nsource = \"armenia-mod\"\nsaid = \"2021-11-16\"\nvia = \"statement\"\ndocument = \"d2\"\n\
                 quote = \"q\"\nlanguage = \"en\"\nfigure = { party = \"armenia\", metric = \"wounded\", exact = 1 }\n\n\
                 [[claim]]\nid = \"c3\"\nsource = \"armenia-mod\"\nsaid = \"2021-11-16\"\nvia = \"statement\"\ndocument = \"d3\"\n\
                 quote = \"q\"\nlanguage = \"en\"\nfigure = { party = \"armenia\", metric = \"captured\", exact = 1 }\n";
    let dir = tempfile::tempdir().expect("a folder");
    std::fs::write(dir.path().join("e.toml"), event).expect("event");
    let out = Claims::new()
        .data(dir.path())
        .args(["report", "e", "--format", "markdown"])
        .fails(0)
        .stdout;
    assert!(!out.contains("<javascript:"), "{out}");
    assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{out}");
    assert!(out.contains("<https://example.org/ok>"), "{out}");
    assert!(!out.lines().any(|l| l.starts_with("# Injected")), "{out}");
}

#[test]
fn regression_a_json_listing_cut_short_by_a_broken_file_is_still_a_document() {
    let good = "[event]\nid = \"e\"\ntitle = \"T\"\ndate = \"2021-11-16\"\nplace = \"p\"\nsummary = \"s\"\n\n\
                [[document]]\nid = \"d\"\noutlet = \"o\"\nlanguage = \"en\"\n\n\
                [[claim]]\nid = \"c\"\nsource = \"armenia-mod\"\nsaid = \"2021-11-16\"\nvia = \"statement\"\ndocument = \"d\"\n\
                quote = \"q\"\nlanguage = \"en\"\nfigure = { party = \"armenia\", metric = \"killed\", exact = 1 }\n";
    let dir = tempfile::tempdir().expect("a folder");
    std::fs::write(dir.path().join("a.toml"), good).expect("good");
    std::fs::write(dir.path().join("z.toml"), "this is [not toml").expect("broken");
    // Streamed, the good file's rows are out before the broken one is read.
    let out = Claims::new()
        .data(dir.path())
        .args(["list", "--format", "json", "--sort", "file"])
        .fails(2);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).expect("a whole JSON document");
    assert_eq!(v["complete"], false, "{}", out.stdout);
    // Sorted (the default), nothing is written before every file is read.
    let out = Claims::new()
        .data(dir.path())
        .args(["list", "--format", "json"])
        .fails(2);
    assert!(out.stdout.is_empty(), "{}", out.stdout);
}

#[test]
fn regression_new_refuses_to_shadow_the_shipped_vocabulary() {
    let dir = tempfile::tempdir().expect("a folder");
    for id in ["sources", "vocabulary"] {
        let out = Claims::new().data(dir.path()).args(["new", id]).fails(2);
        assert!(
            out.stderr.contains("would replace the shipped"),
            "{}",
            out.stderr
        );
        assert!(!dir.path().join(format!("{id}.toml")).exists());
    }
}

/// `new` wrote its file; a full stdout only loses the printed path, which it
/// says on stderr (it used to exit 2 as if nothing had been written).
#[test]
fn regression_new_into_a_full_stdout_succeeds_and_says_so() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path().to_str().expect("utf-8");
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    let out = Claims::new()
        .args(["--data", d, "new", "my-event"])
        .stdout(full)
        .succeeds();
    assert!(dir.path().join("my-event.toml").is_file());
    let err = out.stderr;
    assert!(
        err.contains("my-event.toml") && err.contains("could not be printed"),
        "{err}"
    );
}

/// `compare sources` took the shipped sources.toml for an event file and
/// reported 48 duplicate ids; it is an unknown event, with the known ones.
#[test]
fn regression_compare_sources_is_an_unknown_event() {
    for name in ["sources", "vocabulary"] {
        Claims::new()
            .args(["compare", name])
            .fails(2)
            .stderr_has(&format!("unknown event `{name}`"))
            .stderr_has("kilisali-2021");
    }
}
