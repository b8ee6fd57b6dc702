//! `--help`, the man pages and the completions (issue 14): each command's
//! help lists only the options it uses, the man pages named in SEE ALSO
//! exist, and completions offer the ids of the active data.

mod common;
use common::*;

fn help(command: &str) -> String {
    let (code, out, err) = run(&[command, "--help"]);
    assert_eq!(code, 0, "{err}");
    out
}

#[test]
fn help_lists_only_the_options_a_command_uses() {
    for command in ["schema", "man", "completions", "new"] {
        let text = help(command);
        for unused in [
            "--format",
            "--color",
            "--raw-cells",
            "--width",
            "--no-pager",
        ] {
            assert!(
                !text.contains(unused),
                "`{command} --help` offers {unused}:\n{text}"
            );
        }
    }
    for command in ["schema", "man"] {
        assert!(!help(command).contains("--data"), "{command} reads no data");
    }
    for command in [
        "compare", "list", "stats", "events", "sources", "show", "check",
    ] {
        let text = help(command);
        for used in ["--format", "--color", "--width", "--no-pager", "--data"] {
            assert!(
                text.contains(used),
                "`{command} --help` lacks {used}:\n{text}"
            );
        }
    }
}

/// `report --help` said `[default: table]`; a report is Markdown by default.
#[test]
fn regression_report_help_shows_its_real_default() {
    let text = help("report");
    assert!(
        text.contains("markdown or html [default: markdown]"),
        "{text}"
    );
    assert!(
        !text.contains("default: table") && !text.contains("--color"),
        "{text}"
    );
    // Given before or after the command, --format still reaches it.
    for args in [
        ["report", "kilisali-2021", "--format", "html"],
        ["--format", "html", "report", "kilisali-2021"],
    ] {
        let (code, out, err) = run(&args);
        assert_eq!(code, 0, "{err}");
        assert!(out.starts_with("<!DOCTYPE html>"), "{args:?}");
    }
}

/// The main page's SEE ALSO named claims-compare(1) and others that did not exist.
#[test]
fn regression_man_dir_writes_every_page_see_also_names() {
    let (_, main_page, _) = run(&["man"]);
    let named: Vec<String> = main_page
        .split("claims\\-")
        .skip(1)
        .filter_map(|rest| rest.split("(1)").next())
        .filter(|name| name.chars().all(|c| c.is_ascii_lowercase()))
        .map(|name| format!("claims-{name}.1"))
        .collect();
    assert!(named.len() >= 10, "{named:?}");
    let dir = tempfile::tempdir().unwrap();
    let pages = dir.path().join("man1");
    let out = Claims::new()
        .args(["man", "--dir", pages.to_str().unwrap()])
        .fails(0)
        .stdout;
    for name in &named {
        let page = std::fs::read_to_string(pages.join(name)).unwrap_or_default();
        assert!(
            page.contains(".TH"),
            "{name} missing or empty; wrote:\n{out}"
        );
    }
    let compare = std::fs::read_to_string(pages.join("claims-compare.1")).unwrap();
    assert!(
        compare.contains("\\-\\-conflicts"),
        "the page documents the command's options"
    );
    // Never overwritten: a second run refuses and leaves the pages as they are.
    std::fs::write(pages.join("claims-list.1"), "mine").unwrap();
    let refused = Claims::new()
        .args(["man", "--dir", pages.to_str().unwrap()])
        .fails(2)
        .stderr;
    assert!(refused.contains("never overwrites"), "{refused}");
    assert_eq!(
        std::fs::read_to_string(pages.join("claims-list.1")).unwrap(),
        "mine"
    );
}

#[test]
fn completions_offer_the_ids_of_the_active_data() {
    let (_, bash, _) = run(&["completions", "bash"]);
    for id in [
        "kilisali-2021",
        "armenia-mod",
        "killed-or-wounded",
        "kil-armenia-enemy-killed-or-wounded",
    ] {
        assert!(bash.contains(id), "bash completion lacks {id}");
    }
    // From a folder: its own event and claim ids.
    let claims = [claim(
        "my-own-claim",
        "armenia-mod",
        "2021-11-16",
        &fig("armenia", "killed", "exact = 1"),
        "",
    )];
    let dir = folder(&[("test-event.toml", &event_file(&claims))]);
    // (fish's generator completes options only, so there `list --event`.)
    let fish = Claims::new()
        .data(dir.path())
        .args(["completions", "fish"])
        .fails(0)
        .stdout;
    assert!(fish.contains("test-event"), "{fish}");
    for shell in ["bash", "zsh"] {
        let script = Claims::new()
            .data(dir.path())
            .args(["completions", shell])
            .fails(0)
            .stdout;
        assert!(
            script.contains("test-event") && script.contains("my-own-claim"),
            "{shell}:\n{script}"
        );
    }
    // Parsing still takes any id, so an unknown one gets the tool's own error.
    let (code, _, err) = run(&["compare", "kilisali-202"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("unknown event") && err.contains("kilisali-2021"),
        "{err}"
    );
}
