//! The exit status tells the truth (issue 13): output that cannot be
//! written is a failure, and an empty `CLAIMS_DATA` is no folder at all.

mod common;
use common::*;

fn into_full_disk(args: &[&str]) -> i32 {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    let status = std::process::Command::new(assert_cmd::cargo::cargo_bin("claims"))
        .env_remove("CLAIMS_DATA")
        .env("CLAIMS_NO_CACHE", "1")
        .args(args)
        .stdout(full)
        .stderr(std::process::Stdio::null())
        .status()
        .expect("runs");
    status.code().unwrap_or(-1)
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
