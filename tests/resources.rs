//! Bounded resources on hostile shapes: each shape a hostile-input review
//! found slow or memory-hungry runs `check`, `compare` and `list` under a
//! memory limit (`ulimit -v`), and the regressions that made them
//! superlinear are checked by what they output. Time is measured in
//! `cargo bench --bench hostile`, never here.

mod common;
#[path = "common/shapes.rs"]
mod shapes;

use std::path::Path;
use std::process::Output;

/// Address space the binary may use, in KiB: generous for two worker
/// threads' arenas and stacks, far below what the superlinear paths took.
const LIMIT_KIB: u64 = 700_000;

fn write_shape(files: &shapes::Files) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (rel, text) in files {
        let path = dir.path().join(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("dir");
        std::fs::write(path, text).expect("write");
    }
    dir
}

/// Runs the binary on `dir` under the memory limit.
fn limited(dir: &Path, args: &[&str]) -> Output {
    let bin = assert_cmd::cargo::cargo_bin("claims");
    let args: Vec<String> = args.iter().map(|a| format!("'{a}'")).collect();
    let script = format!(
        "ulimit -v {LIMIT_KIB}; exec '{}' --data '{}' {}",
        bin.display(),
        dir.display(),
        args.join(" ")
    );
    std::process::Command::new("bash")
        .args(["-c", &script])
        .env("CLAIMS_NO_CACHE", "1")
        .env_remove("CLAIMS_DATA")
        .output()
        .expect("runs")
}

fn exit_of(out: &Output) -> i32 {
    // A signal (an abort on a failed allocation) has no code.
    out.status.code().unwrap_or(-1)
}

#[test]
fn every_hostile_shape_stays_within_the_memory_limit_in_check_compare_and_list() {
    for shape in shapes::SHAPES {
        // A fifth of the benchmark's size: enough to show growth that is
        // not linear, quick in a debug build.
        let dir = write_shape(&(shape.make)(shape.n / 5));
        for args in [
            shape.args,
            &["check"],
            &["compare", "ev"],
            &["list", "--format", "json"],
        ] {
            let out = limited(dir.path(), args);
            let code = exit_of(&out);
            assert!(
                code == 0 || code == 2,
                "{} ({args:?}) exit {code}: {}",
                shape.name,
                String::from_utf8_lossy(&out.stderr)
            );
            let text = String::from_utf8_lossy(&out.stderr);
            assert!(
                !text.contains("panicked") && !text.contains("memory allocation"),
                "{}: {text}",
                shape.name
            );
        }
    }
}

fn shape(word: &str) -> &'static shapes::Shape {
    shapes::SHAPES
        .iter()
        .find(|s| s.name.contains(word))
        .expect("a shape")
}

fn limited_compare_json(dir: &Path) -> serde_json::Value {
    let out = limited(dir, &["compare", "ev", "--format", "json"]);
    assert_eq!(exit_of(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("JSON")
}

fn check_json(dir: &Path) -> Vec<serde_json::Value> {
    let out = limited(dir, &["check", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    v["diagnostics"].as_array().expect("diagnostics").clone()
}

/// Was quadratic: every copy re-read its file and built a line table.
#[test]
fn regression_claims_sharing_one_id_are_each_named_against_the_first() {
    let dir = write_shape(&(shape("sharing").make)(3000));
    let diags = check_json(dir.path());
    let dups: Vec<_> = diags
        .iter()
        .filter(|d| d["code"] == "duplicate-id")
        .collect();
    assert_eq!(dups.len(), 2999, "every copy after the first");
    let first_line = dups[0]["secondary"][0]["line"]
        .as_u64()
        .expect("first defined here");
    assert!(dups
        .iter()
        .all(|d| d["secondary"][0]["line"].as_u64() == Some(first_line)));
    let lines: std::collections::BTreeSet<_> = dups.iter().map(|d| d["line"].as_u64()).collect();
    assert_eq!(lines.len(), 2999, "each copy at its own line");
}

/// Was quadratic: every unknown id was compared with every known one, and
/// the list of known ids sorted, for each problem.
#[test]
fn regression_thousands_of_unknown_sources_get_bounded_hints() {
    let mut files = (shape("unknown sources").make)(400);
    // One unknown id past the typo-hinted ones that differs only by case.
    let (_, event) = files.last_mut().expect("the event file");
    *event = event.replace("\"unknown-source-399\"", "\"KNOWN-SOURCE-399\"");
    let dir = write_shape(&files);
    let diags = check_json(dir.path());
    let unknown: Vec<_> = diags.iter().filter(|d| d["code"] == "unknown-id").collect();
    assert_eq!(unknown.len(), 400);
    let hint = |i: usize| unknown[i]["hint"].as_str().unwrap_or("").to_string();
    assert!(
        hint(0).contains("did you mean `known-source-"),
        "{}",
        hint(0)
    );
    assert!(
        hint(250).starts_with("known: `"),
        "past the first 100: the list, {}",
        hint(250)
    );
    let case = unknown.iter().find(|d| {
        d["message"]
            .as_str()
            .is_some_and(|m| m.contains("KNOWN-SOURCE-399"))
    });
    let case = case.expect("the case-only miss is reported");
    assert_eq!(case["hint"], "did you mean `known-source-399`?");
}

/// Was quadratic: each row scanned every claim, and every affirming voice
/// every proposition for rivals.
#[test]
fn regression_propositions_excluding_five_others_are_each_compared_against_their_rivals() {
    let dir = write_shape(&(shape("exclusions").make)(1000));
    let v = limited_compare_json(dir.path());
    let rows = v["statements"].as_array().expect("statements");
    assert_eq!(rows.len(), 1000);
    // p0 excludes p1..p5 and is excluded by p995..p999; even propositions
    // are affirmed by one ministry, odd ones by the other.
    let p0 = common::statement_row(&v, "p0");
    assert_eq!(p0["verdict"]["verdict"], "conflict", "{p0}");
    // The verdict names a few rivals; the conflict's detail lists each.
    let why = p0["verdict"]["explanation"].as_str().expect("explanation");
    assert!(why.contains("and 2 more, which exclude it"), "{why}");
    let conflicts = v["conflicts"].as_array().expect("conflicts");
    let note = conflicts
        .iter()
        .find(|c| c["subject"] == "t0")
        .expect("p0's conflict");
    let says: Vec<&str> = note["sides"]
        .as_array()
        .expect("sides")
        .iter()
        .filter_map(|s| s["says"].as_str())
        .collect();
    for rival in ["t1", "t3", "t5", "t995", "t997", "t999"] {
        assert!(
            says.contains(&format!("affirms: {rival}").as_str()),
            "{rival} in {says:?}"
        );
    }
    for not_rival in ["t2", "t7", "t993"] {
        assert!(
            !says.contains(&format!("affirms: {not_rival}").as_str()),
            "{not_rival} in {says:?}"
        );
    }
}

/// Was slow per pair: every pair worked out both values' moments and
/// intervals again. Still every pair is weighed; the verdict names the most
/// distant one and every voice in conflict.
#[test]
fn regression_a_row_of_two_thousand_voices_names_the_most_distant_pair() {
    let dir = write_shape(&(shape("voices").make)(2000));
    let v = limited_compare_json(dir.path());
    let row = common::figure_row(&v, "armenia", "killed");
    assert_eq!(row["verdict"]["verdict"], "conflict");
    assert_eq!(row["verdict"]["ratio"].as_f64(), Some(97.0), "1 against 97");
    let participants = row["verdict"]["participants"]
        .as_array()
        .expect("participants");
    assert_eq!(
        participants.len(),
        2000,
        "every voice is 2× or more from another"
    );
}

/// The hand-written hostile and broken fixtures, each alone in a folder,
/// under the same memory limit in `check`, `compare` and `list`.
#[test]
fn every_hostile_and_broken_fixture_stays_within_the_memory_limit() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut n = 0;
    for sub in ["hostile", "broken", "good", "sources"] {
        for entry in std::fs::read_dir(root.join(sub))
            .expect("fixtures")
            .flatten()
        {
            let dir = tempfile::tempdir().expect("temp dir");
            std::fs::copy(entry.path(), dir.path().join(entry.file_name())).expect("copy");
            for args in [
                &["check"][..],
                &["compare", "ev"],
                &["list", "--format", "json"],
            ] {
                let out = limited(dir.path(), args);
                let code = exit_of(&out);
                assert!(
                    code == 0 || code == 2,
                    "{:?} {args:?}: exit {code}",
                    entry.path()
                );
            }
            n += 1;
        }
    }
    assert!(n >= 15, "{n} fixtures");
}
