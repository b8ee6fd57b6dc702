//! The workflow in docs/ci/claims.yml: every `claims` command it runs is run
//! here, as the workflow runs it (bash, the data folder named by
//! CLAIMS_DATA), in a repository with a pull request's branch.

use std::path::Path;
use std::process::Command;

fn git(dir: &Path, args: &[&str]) {
    let ok = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.org"])
        .args(args)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .status()
        .expect("git runs")
        .success();
    assert!(ok, "git {args:?}");
}

/// The `claims` lines of the workflow's `run:` steps, in order.
fn commands() -> Vec<String> {
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/ci/claims.yml"))
            .expect("the workflow");
    text.lines()
        .map(str::trim)
        .map(|l| l.strip_prefix("run: ").unwrap_or(l))
        .filter(|l| l.starts_with("claims "))
        .map(str::to_string)
        .collect()
}

#[test]
fn the_workflows_commands_run_on_a_pull_request() {
    let commands = commands();
    assert_eq!(commands.len(), 3, "{commands:?}");
    let repo = tempfile::tempdir().expect("dir");
    let data = repo.path().join("data");
    let bin = Path::new(env!("CARGO_BIN_EXE_claims"));
    // The base branch: the built-in data, as `claims init` copies it.
    let init = Command::new(bin)
        .arg("init")
        .arg(&data)
        .output()
        .expect("init");
    assert!(init.status.success());
    git(repo.path(), &["init", "-q", "-b", "main"]);
    git(repo.path(), &["add", "-A"]);
    git(repo.path(), &["commit", "-q", "-m", "base"]);
    git(
        repo.path(),
        &["update-ref", "refs/remotes/origin/main", "HEAD"],
    );
    // The pull request: Yerevan's 70 becomes 90.
    git(repo.path(), &["checkout", "-q", "-b", "pr"]);
    let file = data.join("kilisali-2021.toml");
    let text = std::fs::read_to_string(&file).expect("read");
    std::fs::write(&file, text.replacen("exact = 70", "exact = 90", 1)).expect("w");
    git(repo.path(), &["commit", "-q", "-am", "Yerevan's figure"]);
    let summary = repo.path().join("summary.md");
    let path = format!(
        "{}:{}",
        bin.parent().expect("bin dir").display(),
        std::env::var("PATH").unwrap_or_default()
    );
    for command in &commands {
        let out = Command::new("bash")
            .args(["-eo", "pipefail", "-c", command])
            .current_dir(repo.path())
            .env("PATH", &path)
            .env("CLAIMS_DATA", "data")
            .env("BASE", "origin/main")
            .env("GITHUB_STEP_SUMMARY", &summary)
            .output()
            .expect("bash runs");
        assert!(
            out.status.success(),
            "{command}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let sarif: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(repo.path().join("claims.sarif")).expect("sarif"),
    )
    .expect("JSON");
    assert_eq!(sarif["version"], "2.1.0");
    let comment = std::fs::read_to_string(repo.path().join("verdicts.md")).expect("the comment");
    assert!(
        comment.starts_with("### claims diff: origin/main"),
        "{comment}"
    );
    assert!(comment.contains("**CONFLICT 5.2×**"), "{comment}");
    assert!(std::fs::read_to_string(&summary)
        .expect("summary")
        .contains("### claims check"));
}
