//! Breakdowns beyond categories that sum (issue 23): a partial breakdown
//! ("20 killed, including 2 civilians": `including = true`) and parts by
//! cause ("5 by fire, 1 by a mine": `cause`).

mod common;
use common::*;

fn killed(id: &str, figure_rest: &str) -> String {
    let f = format!("figure = {{ party = \"armenia\", metric = \"killed\", {figure_rest} }}");
    claim(id, "armenia-mod", "2021-11-16", &f, "")
}

fn data(claims: &[String]) -> tempfile::TempDir {
    folder(&[("test-event.toml", &event_file(claims))])
}

#[test]
fn a_partial_breakdown_names_some_parts_only() {
    let dir = data(&[killed(
        "incl",
        "exact = 20, including = true, breakdown = [{ of = \"civilians\", exact = 2 }]",
    )]);
    let v = compare_json(dir.path(), &[]);
    assert_eq!(
        cell_texts(&figure_row(&v, "armenia", "killed")["cells"]["armenia-mod"]),
        ["20"]
    );
    let civilians = v["figures"]
        .as_array()
        .and_then(|r| r.iter().find(|r| r["category"] == "civilians"))
        .unwrap_or_else(|| panic!("{v}"));
    assert_eq!(
        cell_texts(&civilians["cells"]["armenia-mod"]),
        ["2"],
        "{civilians}"
    );
    let csv = Claims::new()
        .data(dir.path())
        .args(["list", "--format", "csv", "--columns", "claim,breakdown"])
        .succeeds()
        .stdout;
    assert!(csv.contains("incl,civilians: 2; others not given"), "{csv}");
}

#[test]
fn parts_by_cause_go_with_their_total() {
    let dir = data(&[killed(
        "cause",
        "exact = 6, breakdown = [{ cause = \"fire\", exact = 5 }, { cause = \"a mine\", exact = 1 }]",
    )]);
    let v = compare_json(dir.path(), &[]);
    let rows = v["figures"].as_array().expect("rows");
    assert_eq!(rows.len(), 1, "a cause has no row of its own: {v}");
    assert_eq!(
        cell_texts(&figure_row(&v, "armenia", "killed")["cells"]["armenia-mod"]),
        ["6 (5 by fire; 1 by a mine)"]
    );
}

fn check(claims: &[String]) -> String {
    Claims::new()
        .data(data(claims).path())
        .args(["check"])
        .fails(2)
        .stdout
}

#[test]
fn check_refuses_parts_beyond_the_total_and_parts_without_a_name() {
    let over = check(&[killed(
        "over",
        "exact = 2, including = true, breakdown = [{ of = \"civilians\", exact = 5 }]",
    )]);
    assert!(over.contains("which cannot be the total 2"), "{over}");
    // Without `including`, the parts must add up to the total.
    let short = check(&[killed(
        "short",
        "exact = 20, breakdown = [{ of = \"civilians\", exact = 2 }]",
    )]);
    assert!(short.contains("cannot be the total 20"), "{short}");
    let both = check(&[killed(
        "both",
        "exact = 2, breakdown = [{ of = \"civilians\", cause = \"fire\", exact = 2 }]",
    )]);
    assert!(
        both.contains("names a category (`of`) or a cause, one of them"),
        "{both}"
    );
    assert!(both.contains("test-event.toml:"), "{both}");
    let causes = check(&[killed(
        "c",
        "exact = 6, breakdown = [{ cause = \"fire\", exact = 5 }, { cause = \"fire\", exact = 1 }]",
    )]);
    assert!(
        causes.contains("the breakdown names `fire` twice"),
        "{causes}"
    );
}

#[test]
fn import_reads_a_partial_breakdown_and_causes_back() {
    let sheet = "claim,event,source,said,via,document,language,kind,quote,whose,metric,stated,breakdown\n\
                 x,test-event,armenia-mod,2021-11-16,statement,doc,en,figure,q,armenia,killed,20,civilians: 2; by fire: 5; others not given\n";
    let dir = folder(&[("test-event.toml", &event_file(&[])), ("sheet.csv", sheet)]);
    let path = dir.path().join("sheet.csv");
    let toml = Claims::new()
        .data(dir.path())
        .args(["import", path.to_str().expect("a path")])
        .succeeds()
        .stdout;
    assert!(toml.contains("including = true"), "{toml}");
    assert!(toml.contains("{ cause = \"fire\", exact = 5 }"), "{toml}");
    assert!(toml.contains("{ of = \"civilians\", exact = 2 }"), "{toml}");
}
