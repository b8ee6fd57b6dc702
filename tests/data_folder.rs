//! Which data a command reads (issue 24): `--data`, else `CLAIMS_DATA`,
//! else the nearest folder upward with a `claims.toml` (which `init`
//! writes), else the built-in data; and every command says which.

mod common;
use common::*;

use std::path::Path;

/// A folder made by `claims init`, inside a temporary one.
fn initialised() -> (tempfile::TempDir, std::path::PathBuf) {
    let top = tempfile::tempdir().expect("a folder");
    let dir = top.path().join("newsroom");
    Claims::new()
        .args(["init", &dir.display().to_string()])
        .succeeds();
    (top, dir)
}

fn canonical(p: &Path) -> String {
    std::fs::canonicalize(p)
        .expect("exists")
        .display()
        .to_string()
}

/// `claims check` inside a folder made by `init`, with a broken file in
/// it, said "ok … no problems": it checked the built-in data.
#[test]
fn regression_check_inside_an_init_folder_checks_that_folder() {
    let (_top, dir) = initialised();
    std::fs::write(dir.join("mine.toml"), "[[claim]]\nid = \"x\"\n").expect("written");
    let out = Claims::new().current_dir(&dir).args(["check"]).fails(2);
    let first = out.stdout.lines().next().unwrap_or("");
    let name = canonical(&dir);
    assert!(
        first.starts_with("checked ") && first.contains("newsroom"),
        "{first}"
    );
    assert!(name.ends_with("newsroom"));
    assert!(out.stdout.contains("mine.toml"), "{}", out.stdout);
    // From a folder below it, the same folder.
    let below = Claims::new()
        .current_dir(dir.join("documents"))
        .args(["check"])
        .fails(2);
    assert!(below.stdout.contains("mine.toml"), "{}", below.stdout);
}

#[test]
fn an_event_made_inside_the_folder_is_compared_there_and_the_footer_says_which_data() {
    let (_top, dir) = initialised();
    Claims::new()
        .current_dir(&dir)
        .args(["new", "my-clash-2024"])
        .succeeds();
    let out = Claims::new()
        .current_dir(&dir)
        .args(["events", "--format", "json"])
        .succeeds();
    assert!(out.stdout.contains("my-clash-2024"), "{}", out.stdout);
    let table = Claims::new()
        .current_dir(dir.join("notes"))
        .args(["compare", "kilisali-2021"])
        .succeeds()
        .stdout;
    let last = table.lines().last().unwrap_or("");
    assert!(
        last.starts_with("data: ") && last.contains("newsroom"),
        "{last}"
    );
    // Into a program's format, no such line.
    let csv = Claims::new()
        .current_dir(&dir)
        .args(["compare", "kilisali-2021", "--format", "csv"])
        .succeeds()
        .stdout;
    assert!(!csv.contains("data: "), "{csv}");
}

#[test]
fn the_flag_beats_the_environment_and_the_environment_beats_the_marker() {
    let (_top, marked) = initialised();
    let (_other, elsewhere) = initialised();
    std::fs::write(elsewhere.join("only-here.toml"), "[[claim]]\n").expect("written");
    let by_env = Claims::new()
        .current_dir(&marked)
        .env("CLAIMS_DATA", &elsewhere.display().to_string())
        .args(["check"])
        .fails(2);
    assert!(
        by_env.stdout.contains("only-here.toml"),
        "{}",
        by_env.stdout
    );
    assert!(by_env
        .stdout
        .lines()
        .next()
        .unwrap_or("")
        .contains("CLAIMS_DATA"));
    let by_flag = Claims::new()
        .current_dir(&marked)
        .env("CLAIMS_DATA", &elsewhere.display().to_string())
        .data(&marked)
        .args(["check"])
        .succeeds();
    assert!(
        !by_flag.stdout.contains("only-here.toml"),
        "{}",
        by_flag.stdout
    );
}

#[test]
fn the_built_in_data_is_named_with_why_it_was_chosen() {
    let empty = tempfile::tempdir().expect("a folder");
    let out = Claims::new()
        .current_dir(empty.path())
        .args(["check"])
        .succeeds();
    let first = out.stdout.lines().next().unwrap_or("");
    assert!(
        first.starts_with("checked the built-in data (claims "),
        "{first}"
    );
    assert!(first.contains("claims.toml"), "{first}");
    let events = Claims::new()
        .current_dir(empty.path())
        .args(["events"])
        .succeeds();
    assert!(
        events.stdout.starts_with("Events in the built-in data"),
        "{}",
        events.stdout
    );
    let json = Claims::new()
        .current_dir(empty.path())
        .args(["check", "--format", "json"])
        .succeeds();
    assert!(json.stdout.contains("\"data\":"), "{}", json.stdout);
}

#[test]
fn claims_toml_holds_settings_never_data() {
    let (_top, dir) = initialised();
    std::fs::write(
        dir.join("claims.toml"),
        "by = \"party\"\nreconcile = \"range\"\n",
    )
    .expect("written");
    let out = Claims::new()
        .current_dir(&dir)
        .args(["compare", "kilisali-2021", "--format", "json"])
        .succeeds();
    let v: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(v["grouping"], "party");
    let reconciled = v["figures"][0]["reconciled"].as_str().unwrap_or("");
    assert!(reconciled.contains(" / "), "{reconciled}");
    // The command line still decides.
    let by_source = Claims::new()
        .current_dir(&dir)
        .args([
            "compare",
            "kilisali-2021",
            "--by",
            "source",
            "--format",
            "json",
        ])
        .succeeds();
    let v: serde_json::Value = serde_json::from_str(&by_source.stdout).expect("JSON");
    assert_eq!(v["grouping"], "source");
    // Checked as a data folder, claims.toml is passed over, not read as data.
    let check = Claims::new().current_dir(&dir).args(["check"]).succeeds();
    assert!(!check.stdout.contains("claims.toml"), "{}", check.stdout);
}

#[test]
fn a_bad_setting_is_named_by_line_and_column_with_the_choices() {
    let (_top, dir) = initialised();
    std::fs::write(dir.join("claims.toml"), "# settings\nby = \"parti\"\n").expect("written");
    let err = Claims::new()
        .current_dir(&dir)
        .args(["compare", "kilisali-2021"])
        .fails(2)
        .stderr;
    assert!(err.contains("claims.toml:2:6"), "{err}");
    assert!(err.contains("source, party, side"), "{err}");
    std::fs::write(dir.join("claims.toml"), "[[claim]]\nid = \"x\"\n").expect("written");
    let err = Claims::new()
        .current_dir(&dir)
        .args(["events"])
        .fails(2)
        .stderr;
    assert!(err.contains("claims.toml:1:"), "{err}");
    assert!(
        err.contains("not data: give the data file another name"),
        "{err}"
    );
    // `import` never writes an event under that name.
    std::fs::write(dir.join("claims.toml"), "").expect("written");
    let (_, template, _) = run(&["import", "--template"]);
    std::fs::write(dir.join("sheet.csv"), template).expect("written");
    let to = dir.join("sub").join("claims.toml");
    let err = Claims::new()
        .data(&dir)
        .args(["import", &dir.join("sheet.csv").display().to_string()])
        .args(["--to", &to.display().to_string()])
        .fails(2)
        .stderr;
    assert!(err.contains("settings, not of an event file"), "{err}");
    assert!(!to.exists());
}
