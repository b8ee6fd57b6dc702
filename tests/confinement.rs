//! Nothing outside the data folder is read, and only regular files are
//! (issue 13): links out of the folder, document texts that climb out of
//! it, devices and FIFOs, and a link planted in the index cache.

mod common;
use common::*;
use std::os::unix::fs::symlink;
use std::path::Path;

const EVENT: &str = "[event]\nid = \"e\"\ntitle = \"T\"\ndate = \"2021-11-16\"\nplace = \"p\"\nsummary = \"s\"\n\n\
    [[document]]\nid = \"d\"\noutlet = \"o\"\nlanguage = \"en\"\ntext = \"TEXT\"\n\n\
    [[claim]]\nid = \"c\"\nsource = \"armenia-mod\"\nsaid = \"2021-11-16\"\nvia = \"statement\"\ndocument = \"d\"\n\
    quote = \"hunter\"\nlanguage = \"en\"\nfigure = { party = \"armenia\", metric = \"killed\", exact = 1 }\n";

/// A secret beside (outside) the data folder, which lives in `data/`.
fn layout() -> tempfile::TempDir {
    let top = tempfile::tempdir().expect("a folder");
    std::fs::create_dir(top.path().join("data")).expect("data");
    std::fs::write(top.path().join("secret.toml"), "id = \"SECRET=hunter2\"\n").expect("secret");
    top
}

fn check_outcome(data: &Path) -> Outcome {
    Claims::new()
        .data(data)
        .args(["check", "--format", "json"])
        .run()
}

#[test]
fn regression_a_data_file_linking_outside_the_folder_is_not_read() {
    let top = layout();
    let data = top.path().join("data");
    symlink(top.path().join("secret.toml"), data.join("env.toml")).expect("link");
    let out = check_outcome(&data);
    assert_eq!(out.code, 2, "{out:?}");
    assert!(
        !out.stdout.contains("hunter2") && !out.stderr.contains("hunter2"),
        "{out:?}"
    );
    assert!(
        out.stdout.contains("outside the data folder"),
        "{}",
        out.stdout
    );
    // A link to a folder outside (the whole filesystem, say) is not walked.
    symlink("/", data.join("everything")).expect("link");
    let out = check_outcome(&data);
    assert!(
        out.stdout.contains("everything") && out.stdout.contains("outside the data folder"),
        "{}",
        out.stdout
    );
}

#[test]
fn regression_a_document_text_outside_the_folder_is_refused_without_probing_it() {
    for text in [
        "../secret.toml",
        "/etc/passwd",
        "../../no/such/file",
        "sub/../../secret.toml",
    ] {
        let top = layout();
        let data = top.path().join("data");
        std::fs::write(data.join("e.toml"), EVENT.replace("TEXT", text)).expect("event");
        let out = check_outcome(&data);
        assert_eq!(out.code, 2, "{text}: {out:?}");
        assert!(
            out.stdout
                .contains(&format!("`{text}` is outside the data folder")),
            "{text}: {}",
            out.stdout
        );
        // Neither its content nor whether it exists.
        assert!(
            !out.stdout.contains("hunter2") && !out.stdout.contains("no such file"),
            "{}",
            out.stdout
        );
        assert!(!out.stdout.contains("quote is not found"), "{}", out.stdout);
    }
}

#[test]
fn regression_a_document_text_linking_outside_the_folder_is_refused() {
    let top = layout();
    let data = top.path().join("data");
    symlink(top.path().join("secret.toml"), data.join("text.txt")).expect("link");
    std::fs::write(data.join("e.toml"), EVENT.replace("TEXT", "text.txt")).expect("event");
    let out = check_outcome(&data);
    assert!(
        out.stdout.contains("`text.txt` is outside the data folder"),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains("hunter2"), "{}", out.stdout);
}

fn fifo(path: &Path) {
    let ok = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .is_ok_and(|s| s.success());
    assert!(ok, "mkfifo");
}

#[test]
fn regression_a_fifo_is_refused_not_waited_on() {
    let top = layout();
    let data = top.path().join("data");
    fifo(&data.join("pipe.toml"));
    let out = check_outcome(&data);
    assert_eq!(out.code, 2, "{out:?}");
    assert!(out.stdout.contains("not a regular file"), "{}", out.stdout);
    // Nor as a document's text.
    let top = layout();
    let data = top.path().join("data");
    fifo(&data.join("text.txt"));
    std::fs::write(data.join("e.toml"), EVENT.replace("TEXT", "text.txt")).expect("event");
    let out = check_outcome(&data);
    assert!(
        out.stdout.contains("`text.txt`: not a regular file"),
        "{}",
        out.stdout
    );
}

#[test]
fn regression_a_link_planted_at_the_index_is_replaced_never_followed() {
    let top = layout();
    let data = top.path().join("data");
    std::fs::write(data.join("e.toml"), EVENT.replace("text = \"TEXT\"\n", "")).expect("event");
    let cache = top.path().join("cache");
    let run = || {
        claims()
            .env_remove("CLAIMS_NO_CACHE")
            .env("CLAIMS_CACHE_DIR", cache.to_str().expect("a path"))
            .args(["--data", data.to_str().expect("a path"), "compare", "e"])
            .output()
            .expect("runs")
    };
    assert!(run().status.success());
    let index = std::fs::read_dir(&cache)
        .expect("a cache")
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "json"))
        .expect("an index");
    // Someone replaces the index with a link to a file of theirs, and then to a device.
    let victim = top.path().join("victim.txt");
    std::fs::write(&victim, "keep me").expect("victim");
    std::fs::remove_file(&index).expect("removed");
    symlink(&victim, &index).expect("link");
    std::fs::write(
        data.join("e.toml"),
        EVENT
            .replace("text = \"TEXT\"\n", "")
            .replace("exact = 1", "exact = 2"),
    )
    .expect("edited");
    assert!(run().status.success());
    assert_eq!(std::fs::read_to_string(&victim).expect("victim"), "keep me");
    std::fs::remove_file(&index).expect("removed");
    symlink("/dev/zero", &index).expect("link");
    assert!(run().status.success());
}

#[test]
fn regression_composites_of_composites_repeated_parts_and_mixed_units_are_refused() {
    let vocab =
        "[[metric]]\nid = \"a\"\nlabel = \"a\"\n\n[[metric]]\nid = \"b\"\nlabel = \"b\"\n\n\
                 [[metric]]\nid = \"v\"\nlabel = \"v\"\nunit = \"vehicles\"\n\n\
                 [[metric]]\nid = \"ab\"\nlabel = \"ab\"\nparts = [\"a\", \"b\"]\n\n\
                 [[metric]]\nid = \"nested\"\nlabel = \"n\"\nparts = [\"ab\", \"a\"]\n\n\
                 [[metric]]\nid = \"twice\"\nlabel = \"t\"\nparts = [\"a\", \"a\"]\n\n\
                 [[metric]]\nid = \"mixed\"\nlabel = \"m\"\nparts = [\"a\", \"v\"]\n";
    let dir = tempfile::tempdir().expect("a folder");
    std::fs::write(dir.path().join("extra.toml"), vocab).expect("vocabulary");
    let out = Claims::new()
        .data(dir.path())
        .args(["check"])
        .fails(2)
        .stdout;
    assert!(
        out.contains("composite metric `nested` lists `ab`, itself a composite"),
        "{out}"
    );
    assert!(
        out.contains("composite metric `twice` lists `a` twice"),
        "{out}"
    );
    assert!(
        out.contains("composite metric `mixed` counts people but its part `v` counts vehicles"),
        "{out}"
    );
    assert_eq!(out.matches("error[bad-composite]").count(), 3, "{out}");
}

#[test]
fn regression_a_long_chain_of_composites_is_refused_in_linear_time() {
    // 8,000 composites each listing the next: the old cycle walk was cubic.
    let mut text = String::from("[[metric]]\nid = \"m0\"\nlabel = \"m\"\n\n");
    for i in 1..8000 {
        text.push_str(&format!(
            "[[metric]]\nid = \"m{i}\"\nlabel = \"m\"\nparts = [\"m{}\", \"m0\"]\n\n",
            i - 1
        ));
    }
    let dir = tempfile::tempdir().expect("a folder");
    std::fs::write(dir.path().join("chain.toml"), text).expect("chain");
    let out = Claims::new()
        .data(dir.path())
        .args(["check"])
        .fails(2)
        .stdout;
    assert!(out.contains("itself a composite"), "{out}");
}

#[test]
fn regression_thousands_of_problems_on_one_long_line_stay_small() {
    // 4,000 claims with ids that are not kebab-case, all on one line of ~900 KB.
    let claim = |i: usize| {
        format!("{{ id = \"Bad Id {i}\", event = \"e\", source = \"armenia-mod\", said = \"2021-11-16\", via = \"statement\", document = \"d\", quote = \"q\", language = \"en\", figure = {{ party = \"armenia\", metric = \"killed\", exact = 1 }} }}")
    };
    let line: Vec<String> = (0..4000).map(claim).collect();
    // Top-level keys come before any table.
    let text = format!(
        "claim = [{}]\n\n[event]\nid = \"e\"\ntitle = \"T\"\ndate = \"2021-11-16\"\nplace = \"p\"\nsummary = \"s\"\n\n\
         [[document]]\nid = \"d\"\noutlet = \"o\"\nlanguage = \"en\"\n",
        line.join(", ")
    );
    let dir = tempfile::tempdir().expect("a folder");
    std::fs::write(dir.path().join("long.toml"), text).expect("long");
    let out = Claims::new()
        .data(dir.path())
        .args(["check", "--format", "json"])
        .fails(2)
        .stdout;
    assert!(
        out.matches("bad-id").count() >= 4000,
        "{}",
        &out[..out.len().min(2000)]
    );
    // Each diagnostic quotes a bounded part of the line, not all of it.
    assert!(out.len() < 4_000_000, "{} bytes", out.len());
}

#[test]
fn regression_one_text_named_by_many_documents_is_read_once_within_a_memory_limit() {
    // 40 documents naming one 6 MB text (under the 8 MiB file limit): it used
    // to be read and kept 40 times.
    let dir = tempfile::tempdir().expect("a folder");
    std::fs::create_dir(dir.path().join("docs")).expect("docs");
    std::fs::write(dir.path().join("docs/big.txt"), "word ".repeat(1_200_000)).expect("text");
    let mut event = String::from("[event]\nid = \"e\"\ntitle = \"T\"\ndate = \"2021-11-16\"\nplace = \"p\"\nsummary = \"s\"\n\n");
    for i in 0..40 {
        event.push_str(&format!("[[document]]\nid = \"d{i}\"\noutlet = \"o\"\nlanguage = \"en\"\ntext = \"docs/big.txt\"\n\n"));
    }
    event.push_str("[[claim]]\nid = \"c\"\nsource = \"armenia-mod\"\nsaid = \"2021-11-16\"\nvia = \"statement\"\ndocument = \"d39\"\n\
                    quote = \"word word\"\nlanguage = \"en\"\nfigure = { party = \"armenia\", metric = \"killed\", exact = 1 }\n");
    std::fs::write(dir.path().join("e.toml"), event).expect("event");
    let bin = assert_cmd::cargo::cargo_bin("claims");
    let script = format!(
        "ulimit -v 250000; exec '{}' --data '{}' check",
        bin.display(),
        dir.path().display()
    );
    let out = std::process::Command::new("bash")
        .args(["-c", &script])
        .env("CLAIMS_NO_CACHE", "1")
        .env_remove("CLAIMS_DATA")
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
