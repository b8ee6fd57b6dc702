//! What a person sees on a terminal: commands run under a pseudo-terminal
//! (`script`, from util-linux) at a fixed size.

use std::process::Command;

/// Runs `claims ARGS` on a terminal of `cols` columns; returns what it drew.
fn on_terminal(cols: u16, env: &str, args: &str) -> String {
    let bin = assert_cmd::cargo::cargo_bin("claims");
    let inner = format!("stty cols {cols} rows 50; {env} '{}' {args}", bin.display());
    let out = Command::new("script")
        .args(["-qec", &inner, "/dev/null"])
        .env_remove("CLAIMS_DATA")
        .env_remove("NO_COLOR")
        .env("CLAIMS_NO_CACHE", "1")
        .env("TERM", "xterm-256color")
        .output()
        .expect("script (util-linux) runs");
    assert!(
        out.status.success(),
        "{args}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

const COMMANDS: [&str; 6] = [
    "compare kilisali-2021",
    "list --source armenia-mod",
    "sources",
    "events",
    "stats",
    "show kil-armenia-mod-ceasefire-accepted",
];

/// `--color never` still printed bold table headers on a terminal.
#[test]
fn regression_color_never_and_no_color_write_no_escape_code_on_a_terminal() {
    let coloured = on_terminal(120, "", "sources");
    assert!(
        coloured.contains('\x1b'),
        "the terminal is seen as one: colour by default"
    );
    for command in COMMANDS {
        for (env, args) in [
            ("", format!("--color never {command}")),
            ("NO_COLOR=1", command.to_string()),
        ] {
            let drawn = on_terminal(120, env, &args);
            assert!(!drawn.contains('\x1b'), "{env} {args}:\n{drawn}");
            assert!(drawn.lines().count() > 2, "{env} {args} drew:\n{drawn}");
        }
    }
}

/// The same command into a pipe: nothing is wrapped or cut there.
fn piped(args: &str) -> String {
    let out = Command::new(assert_cmd::cargo::cargo_bin("claims"))
        .args(args.split_whitespace())
        .env_remove("CLAIMS_DATA")
        .env("CLAIMS_NO_CACHE", "1")
        .output()
        .expect("runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Letters and digits in runs: a word broken across lines leaves a run
/// (`azerbai`, `jan`) that the unbroken text never has.
fn runs(text: &str) -> std::collections::HashSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Tables broke words letter by letter at 80 columns (`azerbai` / `jan-mod`)
/// and prose ran past the edge; now nothing is wider than the terminal and
/// no word is split, at any width from 60 to 200.
#[test]
fn regression_no_line_is_wider_than_the_terminal_or_splits_a_word() {
    for command in COMMANDS
        .iter()
        .chain(&["compare tavush-2020", "compare september-2022"])
    {
        let whole = runs(&piped(command));
        for cols in [60u16, 72, 80, 100, 120, 160, 200] {
            let drawn = on_terminal(cols, "", &format!("--color never {command}"));
            for line in drawn.lines() {
                let width = unicode_width::UnicodeWidthStr::width(line.trim_end_matches('\r'));
                // Only a single word wider than a line (a web address) may
                // run on; the terminal folds it, and it stays one piece.
                let one_word = !line.trim().contains(char::is_whitespace);
                assert!(
                    width <= usize::from(cols) || one_word,
                    "{command} at {cols}: {width} wide:\n{line}"
                );
            }
            let broken: Vec<String> = runs(&drawn).difference(&whole).cloned().collect();
            assert!(
                broken.is_empty(),
                "{command} at {cols} splits words: {broken:?}\n{drawn}"
            );
        }
    }
}

/// `list --source X` on a terminal repeated X in every row; pipes keep it.
#[test]
fn regression_list_on_a_terminal_leaves_out_the_column_a_filter_fixed() {
    let drawn = on_terminal(
        80,
        "",
        "--color never list --source armenia-mod --kind figure",
    );
    assert!(drawn.contains("said:"), "{drawn}");
    assert!(
        !drawn.lines().any(|l| l.trim_start().starts_with("source:")),
        "{drawn}"
    );
    assert!(
        !drawn.lines().any(|l| l.trim_start().starts_with("kind:")),
        "{drawn}"
    );
    let piped = piped("list --source armenia-mod --kind figure");
    let header = piped.lines().nth(1).unwrap_or("");
    assert!(
        header.contains("source") && header.contains("kind"),
        "{header}"
    );
}

/// Coloured lines (a conflict's heading) were never wrapped: 87 and 105
/// characters at 80 columns.
#[test]
fn regression_coloured_lines_wrap_too() {
    for event in ["kilisali-2021", "tavush-2020", "september-2022"] {
        for cols in [60u16, 80, 100] {
            let drawn = on_terminal(cols, "", &format!("compare {event}"));
            assert!(drawn.contains('\x1b'), "in colour");
            for line in drawn.lines() {
                let mut plain = String::new();
                let mut rest = line.trim_end_matches('\r');
                while let Some(at) = rest.find('\x1b') {
                    plain.push_str(&rest[..at]);
                    rest = &rest[at..];
                    rest = &rest[rest.find('m').map_or(rest.len(), |m| m + 1)..];
                }
                plain.push_str(rest);
                let width = unicode_width::UnicodeWidthStr::width(plain.as_str());
                let one_word = !plain.trim().contains(char::is_whitespace);
                assert!(
                    width <= usize::from(cols) || one_word,
                    "{event} at {cols}: {width}:\n{plain}"
                );
            }
        }
    }
}
