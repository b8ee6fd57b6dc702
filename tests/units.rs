//! Units of area and decimals as stated (issue 23): "50 ha" of a metric in
//! km² is weighed as 0.5 km² and shown as stated; a measure keeps its
//! decimals, however many places it gives (up to nine).

mod common;
use common::*;

fn area(id: &str, source: &str, quantity: &str) -> String {
    claim(
        id,
        source,
        "2021-11-16",
        &fig("armenia", "territory-occupied", quantity),
        "",
    )
}

fn row(claims: &[String]) -> serde_json::Value {
    let dir = folder(&[("test-event.toml", &event_file(claims))]);
    let v = compare_json(dir.path(), &[]);
    figure_row(&v, "armenia", "territory-occupied").clone()
}

#[test]
fn hectares_are_weighed_in_the_metrics_square_kilometres() {
    let r = row(&[
        area("ha", "armenia-mod", "exact = 50, unit = \"ha\""),
        area("km", "azerbaijan-mod", "exact = 0.5"),
    ]);
    let cell = &r["cells"]["armenia-mod"][0];
    assert_eq!(cell["text"], "50 ha (= 0.5 km²)", "{r}");
    assert_eq!(cell["low"], 0.5, "{r}");
    assert_eq!(r["verdict"]["verdict"], "consistent", "{r}");
}

#[test]
fn square_metres_convert_exactly() {
    let r = row(&[
        area("m", "armenia-mod", "exact = 12000, unit = \"m²\""),
        area("km", "azerbaijan-mod", "exact = 2"),
    ]);
    assert_eq!(r["cells"]["armenia-mod"][0]["low"], 0.012, "{r}");
    // 2 km² against 12,000 m² (0.012 km²) is far apart, not equal.
    assert_eq!(r["verdict"]["verdict"], "conflict", "{r}");
}

#[test]
fn a_measure_keeps_every_decimal_it_gives() {
    let r = row(&[area("pi", "armenia-mod", "exact = 3.14159")]);
    assert_eq!(r["cells"]["armenia-mod"][0]["text"], "3.14159", "{r}");
    let r = row(&[area("tiny", "armenia-mod", "exact = 0.000001")]);
    assert_eq!(r["cells"]["armenia-mod"][0]["text"], "0.000001", "{r}");
}

#[test]
fn list_gives_the_unit_as_stated_and_the_bounds_in_the_metrics() {
    let dir = folder(&[(
        "test-event.toml",
        &event_file(&[area("ha", "armenia-mod", "exact = 50, unit = \"ha\"")]),
    )]);
    let csv = Claims::new()
        .data(dir.path())
        .args([
            "list",
            "--format",
            "csv",
            "--columns",
            "claim,stated,unit,low,high",
        ])
        .succeeds()
        .stdout;
    assert_eq!(csv.lines().nth(1), Some("ha,50 ha,km²,0.5,0.5"), "{csv}");
}

fn check(claims: &[String]) -> String {
    let dir = folder(&[("test-event.toml", &event_file(claims))]);
    Claims::new()
        .data(dir.path())
        .args(["check"])
        .fails(2)
        .stdout
}

#[test]
fn check_refuses_units_that_do_not_convert_and_too_many_decimals() {
    let out = check(&[area("x", "armenia-mod", "exact = 5, unit = \"hours\"")]);
    assert!(
        out.contains("unit `hours` does not match metric `territory-occupied`"),
        "{out}"
    );
    assert!(out.contains("m², ha and km² convert"), "{out}");
    let people = check(&[claim(
        "p",
        "armenia-mod",
        "2021-11-16",
        &fig("armenia", "killed", "exact = 5, unit = \"ha\""),
        "",
    )]);
    assert!(
        people.contains("unit `ha` does not match metric `killed`"),
        "{people}"
    );
    let digits = check(&[area("d", "armenia-mod", "exact = 0.1234567891")]);
    assert!(digits.contains("give at most nine decimals"), "{digits}");
}
