//! Helpers shared by the integration tests: the real binary, run without colour.
#![allow(dead_code)]

use assert_cmd::Command;

pub fn claims() -> Command {
    let mut cmd = Command::cargo_bin("claims").expect("the binary is built by cargo test");
    // No folder-index cache unless a test asks for one (tests/index.rs).
    cmd.env_remove("CLAIMS_DATA")
        .env_remove("NO_COLOR")
        .env_remove("CLAIMS_CACHE_DIR")
        .env("CLAIMS_NO_CACHE", "1");
    cmd
}

/// Runs with arguments, returns (status, stdout, stderr).
pub fn run(args: &[&str]) -> (i32, String, String) {
    let out = claims().args(args).output().expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

pub fn fixture(rel: &str) -> String {
    format!("{}/tests/fixtures/{rel}", env!("CARGO_MANIFEST_DIR"))
}

/// The row of a piped table whose cells include every needle.
pub fn row_with<'a>(text: &'a str, needles: &[&str]) -> Option<&'a str> {
    text.lines().find(|l| needles.iter().all(|n| l.contains(n)))
}

/// True when `check`'s text reports a problem whose message holds `message`,
/// at a place ending in `place` (`file.toml:24:58`, or a file alone):
/// rustc's layout, `error[code]: message` then `--> place`.
pub fn reports(out: &str, place: &str, message: &str) -> bool {
    let lines: Vec<&str> = out.lines().collect();
    lines.windows(2).any(|w| {
        w[0].starts_with("error[")
            && w[0].contains(message)
            && w[1].trim_start().starts_with("--> ")
            && w[1].ends_with(place)
    })
}
