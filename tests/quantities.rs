//! Quantities the sources use (issue 23): "less than N" is strictly below
//! N; "about 1,100–1,200" is a range whose ends are each "about". Both are
//! read by `check`, weighed by `compare`, shown by every output, taken by
//! `import`, and described by the schema.

mod common;
use common::*;

fn killed(id: &str, source: &str, quantity: &str) -> String {
    claim(
        id,
        source,
        "2021-11-16",
        &fig("armenia", "killed", quantity),
        "",
    )
}

fn verdict_of(own: &str, adversary: &str) -> serde_json::Value {
    let dir = folder(&[(
        "test-event.toml",
        &event_file(&[
            killed("own", "armenia-mod", own),
            killed("adv", "azerbaijan-mod", adversary),
        ]),
    )]);
    let v = compare_json(dir.path(), &[]);
    figure_row(&v, "armenia", "killed").clone()
}

#[test]
fn less_than_excludes_its_own_number() {
    let row = verdict_of("less_than = 10", "exact = 10");
    assert_eq!(row["verdict"]["verdict"], "conflict", "{row}");
    let row = verdict_of("less_than = 10", "exact = 9");
    assert_eq!(row["verdict"]["verdict"], "consistent", "{row}");
    assert_eq!(
        cell_texts(&row["cells"]["armenia-mod"]),
        ["less than 10"],
        "{row}"
    );
}

#[test]
fn about_a_range_widens_each_end_by_a_tenth() {
    // About 1,100–1,200 reaches down to 990 and up to 1,320.
    let row = verdict_of("about_range = [1100, 1200]", "exact = 1000");
    assert_ne!(row["verdict"]["verdict"], "conflict", "{row}");
    let row = verdict_of("about_range = [1100, 1200]", "exact = 1320");
    assert_ne!(row["verdict"]["verdict"], "conflict", "{row}");
    let row = verdict_of("about_range = [1100, 1200]", "exact = 950");
    assert_eq!(row["verdict"]["verdict"], "conflict", "{row}");
    let row = verdict_of("about_range = [1100, 1200]", "exact = 1400");
    assert_eq!(row["verdict"]["verdict"], "conflict", "{row}");
    assert_eq!(
        cell_texts(&row["cells"]["armenia-mod"]),
        ["about 1100–1200"],
        "{row}"
    );
}

#[test]
fn check_refuses_less_than_zero_and_a_reversed_range_where_they_are() {
    let dir = folder(&[(
        "test-event.toml",
        &event_file(&[
            killed("zero", "armenia-mod", "less_than = 0"),
            killed("back", "armenia-mod", "about_range = [1200, 1100]"),
        ]),
    )]);
    let out = Claims::new().data(dir.path()).args(["check"]).fails(2);
    assert!(out.stdout.contains("no count is below zero"), "{out:?}");
    assert!(out.stdout.contains("did you mean [1100, 1200]?"), "{out:?}");
    assert!(out.stdout.contains("test-event.toml:"), "{out:?}");
}

#[test]
fn two_quantities_name_the_new_forms_in_the_hint() {
    let dir = folder(&[(
        "test-event.toml",
        &event_file(&[killed("two", "armenia-mod", "less_than = 3, exact = 2")]),
    )]);
    let out = Claims::new().data(dir.path()).args(["check"]).fails(2);
    assert!(out.stdout.contains("less_than"), "{out:?}");
    assert!(out.stdout.contains("about_range"), "{out:?}");
}

#[test]
fn list_shows_them_and_import_reads_them_back() {
    let dir = folder(&[(
        "test-event.toml",
        &event_file(&[
            killed("lt", "armenia-mod", "less_than = 10"),
            killed("ar", "azerbaijan-mod", "about_range = [1100, 1200]"),
        ]),
    )]);
    let out = Claims::new()
        .data(dir.path())
        .args(["list", "--format", "csv"])
        .succeeds()
        .stdout;
    assert!(out.contains("less than 10"), "{out}");
    assert!(out.contains("about 1100–1200"), "{out}");
}

#[test]
fn import_takes_the_ways_a_sheet_types_them() {
    let header = "claim,event,source,said,via,document,language,kind,quote,whose,metric,stated";
    let sheet = format!(
        "{header}\n\
         a,test-event,armenia-mod,2021-11-16,statement,doc,en,figure,q,armenia,killed,under 10\n\
         b,test-event,armenia-mod,2021-11-16,statement,doc,en,figure,q,armenia,killed,< 7\n\
         c,test-event,armenia-mod,2021-11-16,statement,doc,en,figure,q,armenia,killed,\"about 1,100–1,200\"\n\
         d,test-event,armenia-mod,2021-11-16,statement,doc,en,figure,q,armenia,killed,<= 7\n"
    );
    let dir = folder(&[("test-event.toml", &event_file(&[])), ("sheet.csv", &sheet)]);
    let out = Claims::new()
        .data(dir.path())
        .args(["import", dir.path().join("sheet.csv").to_str().unwrap()])
        .run();
    assert_eq!(out.code, 0, "{out:?}");
    assert!(out.stdout.contains("less_than = 10"), "{}", out.stdout);
    assert!(out.stdout.contains("less_than = 7"), "{}", out.stdout);
    assert!(
        out.stdout.contains("about_range = [1100, 1200]"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("at_most = 7"), "{}", out.stdout);
}

#[test]
fn the_schema_describes_both_forms() {
    let schema = output(&["schema"]);
    assert!(schema.contains("\"less_than\""), "{schema}");
    assert!(schema.contains("\"about_range\""), "{schema}");
}
