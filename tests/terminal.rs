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
