//! Approximate times (issue 23): "around 11:00" is `said = "~…T11:00"`,
//! any moment within half an hour either way, shown in words, and ordered
//! against other statements only when that half hour allows.

mod common;
use common::*;

fn killed(id: &str, said: &str, n: u32) -> String {
    claim(
        id,
        "armenia-mod",
        said,
        &fig("armenia", "killed", &format!("exact = {n}")),
        "",
    )
}

fn cell(claims: &[String]) -> Vec<String> {
    let dir = folder(&[("test-event.toml", &event_file(claims))]);
    let v = compare_json(dir.path(), &[]);
    cell_texts(&figure_row(&v, "armenia", "killed")["cells"]["armenia-mod"])
}

#[test]
fn around_a_time_is_unordered_against_a_time_within_half_an_hour() {
    let texts = cell(&[
        killed("a", "~2021-11-16T11:00", 5),
        killed("b", "2021-11-16T11:20", 7),
    ]);
    assert_eq!(texts.len(), 2, "both current: {texts:?}");
}

#[test]
fn around_a_time_is_before_a_time_more_than_half_an_hour_later() {
    let texts = cell(&[
        killed("a", "~2021-11-16T11:00", 5),
        killed("b", "2021-11-16T11:40", 7),
    ]);
    assert_eq!(texts, ["7"], "{texts:?}");
}

#[test]
fn around_midnight_stays_within_its_day() {
    // Around 00:10 on the 16th is after anything said on the 15th.
    let texts = cell(&[
        killed("a", "2021-11-15", 5),
        killed("b", "~2021-11-16T00:10", 7),
    ]);
    assert_eq!(texts, ["7"], "{texts:?}");
}

#[test]
fn it_reads_as_around_in_a_citation() {
    let dir = folder(&[(
        "test-event.toml",
        &event_file(&[
            killed("a", "~2021-11-16T11:00", 5),
            claim(
                "z",
                "azerbaijan-mod",
                "2021-11-16",
                &fig("armenia", "killed", "exact = 50"),
                "",
            ),
        ]),
    )]);
    let out = Claims::new()
        .data(dir.path())
        .args(["compare", "test-event"])
        .succeeds()
        .stdout;
    assert!(out.contains("said around 2021-11-16T11:00"), "{out}");
    let json = Claims::new()
        .data(dir.path())
        .args(["list", "--format", "json"])
        .succeeds()
        .stdout;
    assert!(json.contains("\"~2021-11-16T11:00\""), "{json}");
}

#[test]
fn around_a_date_alone_is_refused_with_a_hint() {
    let dir = folder(&[(
        "test-event.toml",
        &event_file(&[killed("a", "~2021-11-16", 5)]),
    )]);
    let out = Claims::new().data(dir.path()).args(["check"]).fails(2);
    assert!(
        out.stdout.contains("\"around\" is for a time of day"),
        "{out:?}"
    );
    assert!(out.stdout.contains("test-event.toml:"), "{out:?}");
}
