//! One statement, many reports (issue 23): a claim cites every document
//! that carried it (`reports`), each quote checked against its own text. It
//! is one voice; when the outlets word its figure differently, the cell says
//! so and the verdict weighs the widest reading, never a silent pick.

mod common;
use common::*;

/// An event with three documents, each with a local text.
fn event(claims: &[String]) -> tempfile::TempDir {
    let mut text = String::from(
        "[event]\nid = \"test-event\"\ntitle = \"t\"\ndate = \"2021-11-16\"\nplace = \"p\"\n\
         summary = \"s\"\nsides = [\"armenia\", \"azerbaijan\"]\n",
    );
    for (id, outlet) in [
        ("doc", "Outlet A"),
        ("doc-b", "Outlet B"),
        ("doc-c", "Outlet C"),
    ] {
        text.push_str(&format!(
            "\n[[document]]\nid = \"{id}\"\noutlet = \"{outlet}\"\nlanguage = \"en\"\ntext = \"{id}.txt\"\n"
        ));
    }
    for c in claims {
        text.push('\n');
        text.push_str(c);
    }
    folder(&[
        ("test-event.toml", &text),
        (
            "doc.txt",
            "The ministry said 70 soldiers were killed. Own: 17.",
        ),
        (
            "doc-b.txt",
            "Up to 70 soldiers were killed, the ministry said.",
        ),
        ("doc-c.txt", "Seventy killed, per the ministry."),
    ])
}

/// Baku's count of Armenian dead, quoted from document A, with `reports`.
fn baku(reports: &str) -> String {
    format!(
        "[[claim]]\nid = \"baku\"\nsource = \"azerbaijan-mod\"\nsaid = \"2021-11-16\"\nvia = \"statement\"\n\
         document = \"doc\"\nquote = \"70 soldiers were killed\"\nlanguage = \"en\"\n\
         figure = {{ party = \"armenia\", metric = \"killed\", exact = 70 }}\nreports = [{reports}]\n"
    )
}

fn yerevan() -> String {
    "[[claim]]\nid = \"own\"\nsource = \"armenia-mod\"\nsaid = \"2021-11-16\"\nvia = \"statement\"\n\
     document = \"doc\"\nquote = \"Own: 17.\"\nlanguage = \"en\"\n\
     figure = { party = \"armenia\", metric = \"killed\", exact = 17 }\n"
        .to_string()
}

const B: &str = "{ document = \"doc-b\", quote = \"Up to 70 soldiers\", reads = { at_most = 70 } }";
const C: &str = "{ document = \"doc-c\", quote = \"Seventy killed\" }";

#[test]
fn a_statement_in_three_outlets_is_one_entry_of_one_voice() {
    let dir = event(&[baku(C), yerevan()]);
    let v = compare_json(dir.path(), &[]);
    let row = figure_row(&v, "armenia", "killed");
    assert_eq!(
        cell_texts(&row["cells"]["azerbaijan-mod"]),
        ["70 (2 outlets)"],
        "{row}"
    );
    assert_eq!(row["verdict"]["verdict"], "conflict", "{row}");
    let refs = &row["cells"]["azerbaijan-mod"][0]["claims"][0]["reports"];
    assert_eq!(refs[0]["document"], "doc-c", "{row}");
}

#[test]
fn differing_readings_are_shown_and_the_widest_is_weighed() {
    // "70" in one outlet, "up to 70" in another: up to 70 allows 17.
    let dir = event(&[baku(&format!("{B}, {C}")), yerevan()]);
    let v = compare_json(dir.path(), &[]);
    let row = figure_row(&v, "armenia", "killed");
    assert_eq!(
        cell_texts(&row["cells"]["azerbaijan-mod"]),
        ["up to 70 (reports differ: 70; up to 70) (3 outlets)"],
        "{row}"
    );
    assert_ne!(row["verdict"]["verdict"], "conflict", "{row}");
}

#[test]
fn the_citation_names_every_outlet_and_list_every_document() {
    let dir = event(&[baku(&format!("{B}, {C}")), yerevan()]);
    let out = Claims::new()
        .data(dir.path())
        .args(["show", "baku"])
        .succeeds()
        .stdout;
    assert!(out.contains("Outlet B: «Up to 70 soldiers»"), "{out}");
    assert!(out.contains("Outlet C: «Seventy killed»"), "{out}");
    let csv = Claims::new()
        .data(dir.path())
        .args(["list", "--format", "csv", "--columns", "claim,reports"])
        .succeeds()
        .stdout;
    assert!(csv.contains("baku,doc-b; doc-c"), "{csv}");
}

#[test]
fn a_conflict_cites_every_outlet() {
    let dir = event(&[baku(C), yerevan()]);
    let out = Claims::new()
        .data(dir.path())
        .args(["compare", "test-event", "--width", "400"])
        .run()
        .stdout;
    assert!(
        out.contains("reported in Outlet A; and in Outlet C"),
        "{out}"
    );
}

#[test]
fn each_report_quote_is_checked_against_its_own_document() {
    let bad = "{ document = \"doc-b\", quote = \"Seventy killed\" }";
    let dir = event(&[baku(bad)]);
    let out = Claims::new().data(dir.path()).args(["check"]).fails(2);
    assert!(out.stdout.contains("error[quote-not-found]"), "{out:?}");
    assert!(out.stdout.contains("document `doc-b`"), "{out:?}");
    assert!(out.stdout.contains("test-event.toml:"), "{out:?}");
}

#[test]
fn check_refuses_a_document_twice_and_a_reading_without_a_figure() {
    let twice = "{ document = \"doc\", quote = \"70 soldiers\" }";
    let dir = event(&[baku(twice)]);
    let out = Claims::new().data(dir.path()).args(["check"]).fails(2);
    assert!(out.stdout.contains("error[bad-report]"), "{out:?}");
    assert!(out.stdout.contains("cites document `doc` twice"), "{out:?}");
    let accusation = "[[claim]]\nid = \"acc\"\nsource = \"azerbaijan-mod\"\nsaid = \"2021-11-16\"\nvia = \"statement\"\n\
         document = \"doc\"\nquote = \"70 soldiers were killed\"\nlanguage = \"en\"\n\
         accusation = { accused = \"armenia\", act = \"attack\" }\n\
         reports = [{ document = \"doc-c\", quote = \"Seventy killed\", reads = { exact = 70 } }]\n";
    let dir = event(&[accusation.to_string()]);
    let out = Claims::new().data(dir.path()).args(["check"]).fails(2);
    assert!(
        out.stdout.contains("this claim states no figure"),
        "{out:?}"
    );
    assert!(out.stdout.contains("hint: drop `reads`"), "{out:?}");
}

#[test]
fn import_refuses_a_reports_cell_it_cannot_turn_into_quotes() {
    let header =
        "claim,event,source,said,via,document,language,kind,quote,whose,metric,stated,reports";
    let sheet = format!(
        "{header}\nb,test-event,azerbaijan-mod,2021-11-16,statement,doc,en,figure,70 soldiers were killed,armenia,killed,70,doc-b; doc-c\n"
    );
    let dir = event(&[]);
    std::fs::write(dir.path().join("sheet.csv"), sheet).unwrap();
    let out = Claims::new()
        .data(dir.path())
        .args(["import", dir.path().join("sheet.csv").to_str().unwrap()])
        .run();
    assert_eq!(out.code, 2, "{out:?}");
    assert!(out.stderr.contains("column `reports`"), "{out:?}");
    assert!(out.stderr.contains("add `reports = [{ document"), "{out:?}");
}

/// A claim listing thousands of reports, each worded differently, loads in
/// time linear in them and its cell names a few.
#[test]
fn thousands_of_readings_stay_linear_and_short() {
    let mut reports = Vec::new();
    let mut docs = String::new();
    for i in 0..3000 {
        docs.push_str(&format!(
            "\n[[document]]\nid = \"d{i}\"\noutlet = \"O{i}\"\nlanguage = \"en\"\n"
        ));
        reports.push(format!(
            "{{ document = \"d{i}\", quote = \"q\", reads = {{ exact = {} }} }}",
            i + 1
        ));
    }
    let dir = event(&[baku(&reports.join(", "))]);
    let path = dir.path().join("more.toml");
    std::fs::write(path, docs).unwrap();
    let v = compare_json(dir.path(), &[]);
    let row = figure_row(&v, "armenia", "killed");
    let text = cell_texts(&row["cells"]["azerbaijan-mod"]).join("");
    assert!(
        text.contains("(reports differ: 70; 1; 2; 3; 2996 more)"),
        "{text}"
    );
    assert!(text.len() < 200, "{text}");
}
