//! Order within one day without clock times (issue 23): "later that day
//! the ministry raised the toll to 9" is `order = 2` beside the morning's
//! `order = 1`; the later statement supersedes the earlier, which the data
//! could not order before.

mod common;
use common::*;

fn killed(id: &str, said: &str, n: u32, extra: &str) -> String {
    claim(
        id,
        "armenia-mod",
        said,
        &fig("armenia", "killed", &format!("exact = {n}")),
        extra,
    )
}

fn row(claims: &[String]) -> serde_json::Value {
    let dir = folder(&[("test-event.toml", &event_file(claims))]);
    let v = compare_json(dir.path(), &["--history"]);
    figure_row(&v, "armenia", "killed").clone()
}

#[test]
fn the_later_of_one_days_statements_supersedes_the_earlier() {
    let ordered = [
        killed("morning", "2021-11-16", 5, "order = 1\n"),
        killed("evening", "2021-11-16", 9, "order = 2\n"),
    ];
    let r = row(&ordered);
    assert_eq!(cell_texts(&r["cells"]["armenia-mod"]), ["9"], "{r}");
    let earlier = r["cells"]["armenia-mod"][0]["earlier"].to_string();
    assert_eq!(earlier, "[\"5\"]", "{r}");
    // The file's order of the claims does not matter: `order` does.
    let mut reversed = ordered.clone();
    reversed.reverse();
    assert_eq!(row(&reversed)["cells"], r["cells"]);
}

#[test]
fn without_order_one_days_statements_stay_unordered() {
    let r = row(&[
        killed("morning", "2021-11-16", 5, ""),
        killed("evening", "2021-11-16", 9, ""),
    ]);
    assert_eq!(cell_texts(&r["cells"]["armenia-mod"]).len(), 2, "{r}");
}

#[test]
fn order_ranks_only_statements_of_the_same_day() {
    // Order 2 on the 16th does not outrank order 1 on the 17th.
    let r = row(&[
        killed("first-day", "2021-11-16", 5, "order = 2\n"),
        killed("next-day", "2021-11-17", 9, "order = 1\n"),
    ]);
    assert_eq!(cell_texts(&r["cells"]["armenia-mod"]), ["9"], "{r}");
    // A statement with no order on that day stays unordered against both.
    let r = row(&[
        killed("morning", "2021-11-16", 5, "order = 1\n"),
        killed("evening", "2021-11-16", 9, "order = 2\n"),
        killed("unranked", "2021-11-16", 7, ""),
    ]);
    let mut texts = cell_texts(&r["cells"]["armenia-mod"]);
    texts.sort();
    assert_eq!(texts, ["7", "9"], "{r}");
}

#[test]
fn show_and_list_give_the_order() {
    let dir = folder(&[(
        "test-event.toml",
        &event_file(&[killed("evening", "2021-11-16", 9, "order = 2\n")]),
    )]);
    Claims::new()
        .data(dir.path())
        .args(["show", "evening"])
        .succeeds()
        .stdout_has("2021-11-16, its 2nd statement that day");
    let csv = Claims::new()
        .data(dir.path())
        .args(["list", "--format", "csv", "--columns", "claim,said,order"])
        .succeeds()
        .stdout;
    assert_eq!(csv.lines().nth(1), Some("evening,2021-11-16,2"), "{csv}");
}

#[test]
fn import_reads_the_order_column() {
    let sheet = "claim,event,source,said,order,via,document,language,kind,quote,whose,metric,stated\n\
                 a,test-event,armenia-mod,2021-11-16,2,statement,doc,en,figure,q,armenia,killed,3\n";
    let dir = folder(&[("test-event.toml", &event_file(&[])), ("sheet.csv", sheet)]);
    let path = dir.path().join("sheet.csv");
    let out = Claims::new()
        .data(dir.path())
        .args(["import", path.to_str().expect("a path")])
        .succeeds()
        .stdout;
    assert!(out.contains("\norder = 2\n"), "{out}");
    let bad = sheet.replace(",2,statement", ",second,statement");
    std::fs::write(&path, bad).expect("written");
    Claims::new()
        .data(dir.path())
        .args(["import", path.to_str().expect("a path")])
        .fails(2)
        .stderr_has("column `order`: `second`: give a whole number");
}

fn check(extra: &str, said: &str) -> String {
    let dir = folder(&[(
        "test-event.toml",
        &event_file(&[killed("x", said, 3, extra)]),
    )]);
    Claims::new()
        .data(dir.path())
        .args(["check"])
        .fails(2)
        .stdout
}

#[test]
fn check_refuses_an_order_that_cannot_rank_a_day() {
    let timed = check("order = 1\n", "2021-11-16T10:00");
    assert!(
        timed.contains("gives `order` but `said` is not one day"),
        "{timed}"
    );
    assert!(
        timed.contains("hint: `order` ranks statements of one day"),
        "{timed}"
    );
    assert!(timed.contains("test-event.toml:"), "{timed}");
    let by = check("order = 1\n", "by 2021-11-16");
    assert!(by.contains("is not one day"), "{by}");
    let zero = check("order = 0\n", "2021-11-16");
    assert!(zero.contains("`order` of claim `x` is 0"), "{zero}");
    let negative = check("order = -1\n", "2021-11-16");
    assert!(
        negative.contains("`order` of claim `x` is -1"),
        "{negative}"
    );
    let huge = check("order = 65536\n", "2021-11-16");
    assert!(huge.contains("at most 65535"), "{huge}");
}
