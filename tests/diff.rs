//! `claims diff` and `claims log` on folders and on a git repository made
//! by each test: every kind of change, the cause of each verdict change,
//! exit statuses and every format.

mod common;
use common::*;

use std::path::{Path, PathBuf};
use std::process::Command;

/// A git repository with a data folder `data/`.
struct Repo {
    dir: tempfile::TempDir,
}

impl Repo {
    fn new() -> Self {
        let repo = Repo {
            dir: tempfile::tempdir().expect("dir"),
        };
        std::fs::create_dir(repo.data()).expect("data");
        repo.git(&["init", "-q", "-b", "main"]);
        repo
    }

    fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    fn git(&self, args: &[&str]) -> String {
        let out = Command::new("git")
            .arg("-C")
            .arg(self.dir.path())
            .args(["-c", "user.name=Test", "-c", "user.email=test@example.org"])
            .args(args)
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .output()
            .expect("git runs");
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn write(&self, name: &str, text: &str) -> &Self {
        std::fs::write(self.data().join(name), text).expect("written");
        self
    }

    fn commit(&self, message: &str) -> &Self {
        self.git(&["add", "-A"]);
        self.git(&["commit", "-q", "--allow-empty", "-m", message]);
        self
    }

    fn claims(&self) -> Claims {
        Claims::new().data(self.data())
    }
}

fn killed(id: &str, source: &str, n: u32) -> String {
    claim(
        id,
        source,
        "2021-11-16",
        &fig("armenia", "killed", &format!("exact = {n}")),
        "",
    )
}

/// Armenia's own 5 dead, alone on its row.
fn first_version() -> Vec<String> {
    vec![killed("own-5", "armenia-mod", 5)]
}

fn json(out: &Outcome) -> serde_json::Value {
    serde_json::from_str(&out.stdout).expect("JSON")
}

fn event(d: &serde_json::Value, id: &str) -> serde_json::Value {
    d["events"]
        .as_array()
        .expect("events")
        .iter()
        .find(|e| e["event"] == id)
        .cloned()
        .unwrap_or_else(|| panic!("no event {id} in {d}"))
}

#[test]
fn an_added_claim_that_makes_a_conflict_is_the_cause_and_exits_1() {
    let repo = Repo::new();
    repo.write("e.toml", &event_file(&first_version()))
        .commit("one");
    let mut v2 = first_version();
    v2.push(killed("adv-50", "azerbaijan-mod", 50));
    repo.write("e.toml", &event_file(&v2));
    let out = repo
        .claims()
        .args(["diff", "HEAD", "--format", "json"])
        .fails(1);
    let d = json(&out);
    let e = event(&d, "test-event");
    let row = &e["rows"][0];
    assert_eq!(row["row"], "armenia · killed");
    assert_eq!(row["change"], "verdict");
    assert_eq!(row["before"], "single source");
    assert_eq!(row["after"], "CONFLICT 10.0×");
    assert_eq!(row["cause"], serde_json::json!(["adv-50"]));
    assert_eq!(row["rule_change"], false);
    assert_eq!(e["stat"]["conflicts_before"], 0);
    assert_eq!(e["stat"]["conflicts_after"], 1);
    assert_eq!(e["claims"][0]["id"], "adv-50");
    assert_eq!(e["claims"][0]["change"], "added");
    assert_eq!(e["claims"][0]["file"], "e.toml");
    // The table says it in words.
    repo.claims()
        .args(["diff", "HEAD"])
        .fails(1)
        .stdout_has("Armenia · killed: single source → CONFLICT 10.0×")
        .stdout_has("cause: adv-50 (added)");
}

#[test]
fn a_figure_changed_within_a_cell_names_the_column_and_both_values() {
    let repo = Repo::new();
    let mut v1 = first_version();
    v1.push(killed("adv", "azerbaijan-mod", 5));
    repo.write("e.toml", &event_file(&v1)).commit("one");
    let v2 = vec![
        killed("own-5", "armenia-mod", 6),
        killed("adv", "azerbaijan-mod", 5),
    ];
    repo.write("e.toml", &event_file(&v2)).commit("two");
    let out = repo
        .claims()
        .args(["diff", "HEAD~1..HEAD", "--format", "json"])
        .fails(1);
    let row = &event(&json(&out), "test-event")["rows"][0];
    // Baku's 5 was Armenia's own 5: confirmed.
    assert_eq!(row["before"], "consistent (confirmed by both sides)");
    assert_eq!(row["after"], "CONFLICT 1.2×");
    assert_eq!(
        row["cells"],
        serde_json::json!([{"column": "armenia-mod", "before": ["5 (own)"], "after": ["6 (own)"]}])
    );
    let claim = &event(&json(&out), "test-event")["claims"][0];
    assert_eq!(claim["change"], "changed");
    assert_eq!(claim["fields"], serde_json::json!(["assertion"]));
}

#[test]
fn a_retraction_restores_the_verdict_and_says_who_withdrew_what() {
    let repo = Repo::new();
    let mut v1 = first_version();
    v1.push(killed("adv-50", "azerbaijan-mod", 50));
    repo.write("e.toml", &event_file(&v1)).commit("one");
    let mut v2 = v1.clone();
    v2.push(claim(
        "adv-retracts",
        "azerbaijan-mod",
        "2021-11-17",
        "retracts = \"adv-50\"",
        "",
    ));
    repo.write("e.toml", &event_file(&v2)).commit("retracted");
    let out = repo
        .claims()
        .args(["diff", "HEAD~1", "HEAD", "--format", "json"])
        .fails(1);
    let e = event(&json(&out), "test-event");
    let row = &e["rows"][0];
    assert_eq!(row["before"], "CONFLICT 10.0×");
    assert_eq!(row["after"], "single source");
    let cause: Vec<&str> = row["cause"]
        .as_array()
        .expect("cause")
        .iter()
        .filter_map(|c| c.as_str())
        .collect();
    assert!(cause.contains(&"adv-50"), "{cause:?}");
    let kinds: Vec<(String, String)> = e["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .map(|c| {
            (
                c["id"].as_str().unwrap_or("").to_string(),
                c["change"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    assert!(
        kinds.contains(&("adv-50".into(), "retracted".into())),
        "{kinds:?}"
    );
    assert!(
        kinds.contains(&("adv-retracts".into(), "added".into())),
        "{kinds:?}"
    );
}

#[test]
fn a_renamed_id_and_a_moved_claim_change_no_verdict_and_exit_0() {
    let repo = Repo::new();
    let mut v1 = first_version();
    v1.push(killed("adv", "azerbaijan-mod", 5));
    repo.write("e.toml", &event_file(&v1)).commit("one");
    // own-5 renamed; adv moved to another file.
    // The same claim under a new id: its quote (which the helper words
    // after the id) kept.
    let renamed = killed("armenia-own-five", "armenia-mod", 5)
        .replace("words of armenia-own-five", "words of own-5");
    repo.write("e.toml", &event_file(&[renamed]));
    let moved = killed("adv", "azerbaijan-mod", 5)
        .replace("[[claim]]\n", "[[claim]]\nevent = \"test-event\"\n");
    repo.write("more.toml", &moved);
    let out = repo
        .claims()
        .args(["diff", "HEAD", "--format", "json"])
        .succeeds();
    let e = event(&json(&out), "test-event");
    assert_eq!(e["rows"], serde_json::json!([]), "{e}");
    let claims = e["claims"].as_array().expect("claims");
    assert_eq!(claims.len(), 2, "{claims:?}");
    let renamed = claims
        .iter()
        .find(|c| c["change"] == "renamed")
        .expect("a rename");
    assert_eq!(renamed["id"], "armenia-own-five");
    assert_eq!(renamed["from"], "own-5");
    let moved = claims
        .iter()
        .find(|c| c["change"] == "moved")
        .expect("a move");
    assert_eq!(moved["id"], "adv");
    assert_eq!(moved["from"], "e.toml");
    assert_eq!(moved["file"], "more.toml");
    assert_eq!(e["stat"]["claims_changed"], 0);
}

/// The shipped vocabulary with "several" meaning `low`..`high`.
fn vocabulary(low: u32, high: u32) -> String {
    let shipped =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("data/vocabulary.toml"))
            .expect("vocabulary");
    shipped.replace(
        "word = \"several\"\nlow = 2\nhigh = 9",
        &format!("word = \"several\"\nlow = {low}\nhigh = {high}"),
    )
}

#[test]
fn a_vocabulary_change_that_flips_a_verdict_is_a_rule_change() {
    let repo = Repo::new();
    let v = vec![
        killed("own-5", "armenia-mod", 5),
        claim(
            "adv-several",
            "azerbaijan-mod",
            "2021-11-16",
            &fig("armenia", "killed", "vague = \"several\""),
            "",
        ),
    ];
    assert_ne!(
        vocabulary(2, 4),
        vocabulary(2, 9),
        "the shipped vocabulary changed: this test's edit does nothing"
    );
    repo.write("e.toml", &event_file(&v))
        .write("vocabulary.toml", &vocabulary(2, 9))
        .commit("one");
    repo.write("vocabulary.toml", &vocabulary(2, 4))
        .commit("several is at most 4");
    let out = repo
        .claims()
        .args(["diff", "HEAD~1..HEAD", "--format", "json"])
        .fails(1);
    let e = event(&json(&out), "test-event");
    let row = &e["rows"][0];
    assert!(
        row["before"]
            .as_str()
            .is_some_and(|v| v.starts_with("consistent")),
        "{row}"
    );
    assert!(
        row["after"]
            .as_str()
            .is_some_and(|v| v.starts_with("CONFLICT")),
        "{row}"
    );
    assert_eq!(row["rule_change"], true, "{e}");
    assert_eq!(row["cause"], serde_json::json!([]));
    assert_eq!(e["claims"], serde_json::json!([]));
    repo.claims()
        .args(["diff", "HEAD~1..HEAD"])
        .fails(1)
        .stdout_has("rule change");
}

#[test]
fn a_new_event_is_added_with_its_rows_and_stat_counts_them() {
    let repo = Repo::new();
    repo.write("e.toml", &event_file(&first_version()))
        .commit("one");
    let other = event_file(&[
        killed("other-own", "armenia-mod", 2),
        killed("other-adv", "azerbaijan-mod", 20),
    ])
    .replace("id = \"test-event\"", "id = \"second-event\"")
    .replace("id = \"doc\"", "id = \"doc2\"")
    .replace("document = \"doc\"", "document = \"doc2\"");
    repo.write("second.toml", &other).commit("a second event");
    let out = repo
        .claims()
        .args(["diff", "HEAD~1", "--format", "json"])
        .fails(1);
    let d = json(&out);
    assert_eq!(d["events"].as_array().map(Vec::len), Some(1));
    let e = event(&d, "second-event");
    assert_eq!(e["status"], "added");
    assert_eq!(e["stat"]["rows_added"], 1);
    assert_eq!(e["stat"]["conflicts_after"], 1);
    let stat = repo.claims().args(["diff", "HEAD~1", "--stat"]).fails(1);
    assert!(
        stat.stdout.contains("second-event (new)"),
        "{}",
        stat.stdout
    );
    assert!(
        !stat.stdout.contains("cause:"),
        "--stat stops at the summary: {}",
        stat.stdout
    );
}

#[test]
fn every_format_and_the_exit_statuses() {
    let repo = Repo::new();
    repo.write("e.toml", &event_file(&first_version()))
        .commit("one");
    // Nothing changed: 0, in every format.
    for format in ["table", "markdown", "json", "jsonl", "csv", "tsv"] {
        repo.claims()
            .args(["diff", "HEAD", "--format", format])
            .succeeds();
    }
    let mut v2 = first_version();
    v2.push(killed("adv-50", "azerbaijan-mod", 50));
    repo.write("e.toml", &event_file(&v2)).commit("two");
    let md = repo
        .claims()
        .args(["diff", "HEAD~1", "--format", "markdown"])
        .fails(1);
    assert!(
        md.stdout.starts_with("### claims diff: HEAD~1"),
        "{}",
        md.stdout
    );
    assert!(
        md.stdout
            .contains("| Armenia · killed | single source | **CONFLICT 10.0×** |"),
        "{}",
        md.stdout
    );
    let lines = repo
        .claims()
        .args(["diff", "HEAD~1", "--format", "jsonl"])
        .fails(1);
    let records: Vec<serde_json::Value> = lines
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    assert_eq!(records[0]["record"], "row");
    assert_eq!(records[0]["event"], "test-event");
    assert_eq!(records[0]["after"], "CONFLICT 10.0×");
    assert!(records
        .iter()
        .any(|r| r["record"] == "claim" && r["id"] == "adv-50"));
    let csv = repo
        .claims()
        .args(["diff", "HEAD~1", "--format", "csv"])
        .fails(1);
    assert!(
        csv.stdout
            .starts_with("event,row,label,change,before,after,figures,cause,rule_change"),
        "{}",
        csv.stdout
    );
    // Errors: 2.
    repo.claims()
        .args(["diff", "no-such-rev"])
        .fails(2)
        .stderr_has("names no commit");
    repo.claims()
        .args(["diff", "--", "--output=x"])
        .fails(2)
        .stderr_has("is not a revision");
    Claims::new()
        .args(["diff", "HEAD"])
        .fails(2)
        .stderr_has("no data folder");
    // A side with problems is an error that names the side.
    repo.write("bad.toml", "bad = \n");
    repo.claims()
        .args(["diff", "HEAD"])
        .fails(2)
        .stderr_has("has problems");
}

#[test]
fn two_folders_are_compared_without_git() {
    let old = folder(&[("e.toml", &event_file(&first_version()))]);
    let mut v2 = first_version();
    v2.push(killed("adv-50", "azerbaijan-mod", 50));
    let new = folder(&[("e.toml", &event_file(&v2))]);
    let out = Claims::new()
        .args(["diff", "--format", "json"])
        .arg_os(old.path())
        .arg_os(new.path())
        .fails(1);
    let e = event(&json(&out), "test-event");
    assert_eq!(e["rows"][0]["after"], "CONFLICT 10.0×");
    assert_eq!(e["claims"][0]["file"], "e.toml");
}

#[test]
fn a_revision_is_read_from_git_objects_with_its_own_document_texts_and_nothing_is_touched() {
    let repo = Repo::new();
    let with_text = |quote: &str| {
        event_file(&[killed("own-5", "armenia-mod", 5).replace(
            "quote = \"words of own-5\"",
            &format!("quote = \"{quote}\""),
        )])
        .replace(
            "language = \"en\"\n\n[[claim]]",
            "language = \"en\"\ntext = \"doc.txt\"\n\n[[claim]]",
        )
    };
    std::fs::write(repo.data().join("doc.txt"), "They said five were killed.").expect("w");
    repo.write("e.toml", &with_text("five were killed"))
        .commit("one");
    // Now the text and the quote both change: the old quote is only in the old text.
    std::fs::write(repo.data().join("doc.txt"), "They said that 5 died.").expect("w");
    repo.write("e.toml", &with_text("5 died"));
    repo.claims().args(["check"]).succeeds();
    let status = repo.git(&["status", "--porcelain"]);
    let out = repo
        .claims()
        .args(["diff", "HEAD", "--format", "json"])
        .succeeds();
    let e = event(&json(&out), "test-event");
    assert_eq!(e["claims"][0]["fields"], serde_json::json!(["quote"]));
    assert_eq!(
        repo.git(&["status", "--porcelain"]),
        status,
        "the working tree is untouched"
    );
    assert_eq!(
        std::fs::read_to_string(repo.data().join("doc.txt")).expect("r"),
        "They said that 5 died."
    );
}

#[test]
fn a_revision_cannot_read_outside_its_folder_nor_through_a_link() {
    let repo = Repo::new();
    std::fs::write(repo.dir.path().join("secret.txt"), "five were killed").expect("w");
    let text = event_file(&[killed("own-5", "armenia-mod", 5)
        .replace("quote = \"words of own-5\"", "quote = \"five were killed\"")])
    .replace(
        "language = \"en\"\n\n[[claim]]",
        "language = \"en\"\ntext = \"../secret.txt\"\n\n[[claim]]",
    );
    repo.write("e.toml", &text).commit("reaches out");
    let out = repo.claims().args(["diff", "HEAD", "HEAD"]).fails(2);
    assert!(
        out.stderr.contains("outside the data folder"),
        "{}",
        out.stderr
    );
    #[cfg(unix)]
    {
        let repo = Repo::new();
        repo.write("e.toml", &event_file(&first_version()));
        std::os::unix::fs::symlink("../secret.toml", repo.data().join("link.toml")).expect("link");
        std::fs::write(repo.dir.path().join("secret.toml"), "bad = \n").expect("w");
        repo.commit("a link");
        // The link is passed over in the revision: no problem from its target.
        repo.claims().args(["diff", "HEAD", "HEAD"]).succeeds();
    }
}

#[test]
fn log_lists_each_verdict_change_with_its_commit_and_claims() {
    let repo = Repo::new();
    repo.write("e.toml", &event_file(&first_version()))
        .commit("first published");
    let mut v2 = first_version();
    v2.push(killed("adv-50", "azerbaijan-mod", 50));
    repo.write("e.toml", &event_file(&v2))
        .commit("Baku's claim added");
    repo.write("notes.md", "no data here").commit("notes only");
    let mut v3 = v2.clone();
    v3.push(claim(
        "adv-retracts",
        "azerbaijan-mod",
        "2021-11-17",
        "retracts = \"adv-50\"",
        "",
    ));
    repo.write("e.toml", &event_file(&v3))
        .commit("Baku retracted");
    let out = repo
        .claims()
        .args(["log", "test-event", "--format", "json"])
        .succeeds();
    let log = json(&out);
    let entries = log["entries"].as_array().expect("entries");
    let said: Vec<(String, String)> = entries
        .iter()
        .map(|e| {
            (
                e["subject"].as_str().unwrap_or("").to_string(),
                e["after"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    assert_eq!(
        said,
        [
            (
                "first published".to_string(),
                "1 row, 0 in conflict".to_string()
            ),
            (
                "Baku's claim added".to_string(),
                "CONFLICT 10.0×".to_string()
            ),
            ("Baku retracted".to_string(), "single source".to_string()),
        ]
    );
    assert_eq!(entries[1]["claims"], serde_json::json!(["adv-50"]));
    assert_eq!(log["commits"], 4);
    repo.claims()
        .args(["log", "test-event"])
        .succeeds()
        .stdout_has("Baku retracted");
    repo.claims()
        .args(["log", "no-such-event"])
        .fails(2)
        .stderr_has("unknown event");
}

#[test]
fn log_names_the_commit_an_event_first_appears_in_once() {
    let repo = Repo::new();
    repo.write("notes.md", "nothing yet").commit("notes");
    let mut v = first_version();
    v.push(killed("adv-50", "azerbaijan-mod", 50));
    repo.write("e.toml", &event_file(&v)).commit("the event");
    let out = repo
        .claims()
        .args(["log", "test-event", "--format", "jsonl"])
        .succeeds();
    let lines: Vec<serde_json::Value> = out
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    assert_eq!(lines.len(), 1, "{}", out.stdout);
    assert_eq!(lines[0]["change"], "published");
    assert_eq!(lines[0]["after"], "1 row, 1 in conflict");
    assert_eq!(lines[0]["subject"], "the event");
}

#[test]
fn renaming_every_file_moves_claims_and_changes_no_verdict() {
    let mut v = first_version();
    v.push(killed("adv-50", "azerbaijan-mod", 50));
    let other = killed("adv-6", "azerbaijan-mod", 6)
        .replace("[[claim]]\n", "[[claim]]\nevent = \"test-event\"\n")
        .replace(
            "armenia\", metric = \"killed",
            "azerbaijan\", metric = \"killed",
        );
    let old = folder(&[("a.toml", &event_file(&v)), ("b.toml", &other)]);
    let new = folder(&[("z.toml", &event_file(&v)), ("sub-y.toml", &other)]);
    let out = Claims::new()
        .args(["diff", "--format", "json"])
        .arg_os(old.path())
        .arg_os(new.path())
        .succeeds();
    let e = event(&json(&out), "test-event");
    assert_eq!(e["rows"], serde_json::json!([]));
    let kinds: Vec<&str> = e["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .filter_map(|c| c["change"].as_str())
        .collect();
    assert_eq!(kinds, ["moved", "moved", "moved"]);
    // A folder against itself: nothing at all.
    let same = Claims::new()
        .args(["diff"])
        .arg_os(old.path())
        .arg_os(old.path())
        .succeeds();
    assert!(
        same.stdout.contains("no change to any claim or verdict"),
        "{}",
        same.stdout
    );
}

/// A claim moved to another event left the first event's verdict changed,
/// and diff said nothing of it and exited 0 (helper's attack, high).
#[test]
fn regression_a_claim_moved_to_another_event_changes_the_event_it_left() {
    let repo = Repo::new();
    let mut v = first_version();
    v.push(killed("adv-50", "azerbaijan-mod", 50));
    let other = |claims: &[String]| {
        event_file(claims)
            .replace("id = \"test-event\"", "id = \"other-event\"")
            .replace("id = \"doc\"", "id = \"doc2\"")
            .replace("document = \"doc\"", "document = \"doc2\"")
    };
    repo.write("e.toml", &event_file(&v))
        .write("o.toml", &other(&[]))
        .commit("one");
    // adv-50 now about the other event: test-event's conflict is gone.
    repo.write("e.toml", &event_file(&first_version()))
        .write("o.toml", &other(&[killed("adv-50", "azerbaijan-mod", 50)]));
    let out = repo
        .claims()
        .args(["diff", "HEAD", "--format", "json"])
        .fails(1);
    let d = json(&out);
    let left = event(&d, "test-event");
    assert_eq!(left["rows"][0]["before"], "CONFLICT 10.0×", "{left}");
    assert_eq!(left["rows"][0]["after"], "single source");
    assert_eq!(left["rows"][0]["cause"], serde_json::json!(["adv-50"]));
    let fields = left["claims"][0]["fields"]
        .as_array()
        .expect("fields")
        .clone();
    assert!(fields.contains(&"event".into()), "{fields:?}");
    let joined = event(&d, "other-event");
    assert_eq!(joined["rows"][0]["change"], "added");
}

/// A source moved to the other side turns its figure from a party's own
/// report into a claim about the adversary: diff said nothing (helper's
/// attack, medium). Each cell now carries whose account it is.
#[test]
fn regression_a_figure_that_changes_whose_account_it_is_is_a_change() {
    let repo = Repo::new();
    let shipped =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("data/sources.toml"))
            .expect("sources");
    repo.write("sources.toml", &shipped)
        .write("e.toml", &event_file(&[killed("own-5", "armenia-mod", 5)]))
        .commit("one");
    let start = shipped.find("id = \"armenia-mod\"").expect("armenia-mod");
    let end = start
        + shipped[start..]
            .find("[[source]]")
            .unwrap_or(shipped.len() - start);
    let moved = format!(
        "{}{}{}",
        &shipped[..start],
        shipped[start..end].replace("party = \"armenia\"", "party = \"azerbaijan\""),
        &shipped[end..]
    );
    assert_ne!(moved, shipped);
    repo.write("sources.toml", &moved);
    let out = repo
        .claims()
        .args(["diff", "HEAD", "--format", "json"])
        .run();
    let d = json(&out);
    let e = event(&d, "test-event");
    let row = &e["rows"][0];
    assert_eq!(row["rule_change"], true, "{e}");
    assert_eq!(
        row["cells"][0]["before"],
        serde_json::json!(["5 (own)"]),
        "{e}"
    );
    assert_ne!(row["cells"][0]["after"], row["cells"][0]["before"], "{e}");
}

#[test]
fn regression_an_empty_end_of_a_range_is_head_and_stat_jsonl_is_the_summary() {
    let repo = Repo::new();
    repo.write("e.toml", &event_file(&first_version()))
        .commit("one");
    let mut v2 = first_version();
    v2.push(killed("adv-50", "azerbaijan-mod", 50));
    repo.write("e.toml", &event_file(&v2)).commit("two");
    repo.claims().args(["diff", "..HEAD"]).succeeds();
    let out = repo
        .claims()
        .args(["diff", "HEAD~1..", "--stat", "--format", "jsonl"])
        .fails(1);
    let lines: Vec<serde_json::Value> = out
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    assert_eq!(lines.len(), 1, "{}", out.stdout);
    assert_eq!(lines[0]["event"], "test-event");
    assert_eq!(lines[0]["verdicts_changed"], 1);
}

#[test]
fn log_without_a_data_folder_says_what_it_needs() {
    Claims::new()
        .args(["log", "kilisali-2021"])
        .fails(2)
        .stderr_has("reads a data folder's git history");
}
