//! `check --format sarif | github | junit | jsonl`, and JSON Lines for
//! `list` and `compare`: each on folders written for it.

mod common;
use common::*;

/// A folder with one problem of each kind named, in files named in order.
fn broken() -> tempfile::TempDir {
    folder(&[("a.toml", "[event]\nid = \"x\"\n"), ("b.toml", "bad = \n")])
}

/// `n` files each with an id that is not kebab-case (a problem of the least important kind).
fn many(n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("dir");
    for i in 0..n {
        std::fs::write(
            dir.path().join(format!("f{i:02}.toml")),
            format!("[[party]]\nid = \"Bad Id {i}\"\nname = \"P\"\n"),
        )
        .expect("written");
    }
    dir
}

fn sarif(dir: &std::path::Path) -> serde_json::Value {
    let out = Claims::new()
        .data(dir)
        .args(["check", "--format", "sarif"])
        .fails(2);
    serde_json::from_str(&out.stdout).expect("SARIF is JSON")
}

#[test]
fn sarif_validates_against_the_schema_and_names_codes_and_places() {
    let dir = broken();
    let log = sarif(dir.path());
    // The published schema (OASIS, copied from the serde-sarif crate)
    // writes its `language` pattern with a stray `]`, which no regular
    // expression engine of Rust's accepts: that one pattern is mended.
    let text = std::fs::read_to_string(fixture("sarif-schema-2.1.0.json")).expect("schema");
    let text = text.replace(
        "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$",
        "^[a-zA-Z]{2}(-[a-zA-Z]{2})?$",
    );
    let schema: serde_json::Value = serde_json::from_str(&text).expect("schema JSON");
    let validator = jsonschema::validator_for(&schema).expect("a schema");
    let errors: Vec<String> = validator.iter_errors(&log).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:?}");
    let results = log["runs"][0]["results"].as_array().expect("results");
    let ids: Vec<&str> = results
        .iter()
        .filter_map(|r| r["ruleId"].as_str())
        .collect();
    assert_eq!(ids, ["missing-field", "toml-syntax"]);
    let place = &results[1]["locations"][0]["physicalLocation"];
    assert!(place["artifactLocation"]["uri"]
        .as_str()
        .is_some_and(|u| u.ends_with("b.toml")));
    assert_eq!(place["region"]["startLine"], 1);
    assert_eq!(place["region"]["startColumn"], 7);
    // Each result's rule is the rule at its index.
    let rules = &log["runs"][0]["tool"]["driver"]["rules"];
    for r in results {
        let i = r["ruleIndex"].as_u64().expect("index") as usize;
        assert_eq!(rules[i]["id"], r["ruleId"]);
    }
    // A clean folder is a valid log with no results.
    let clean = folder(&[("e.toml", &event_file(&[]))]);
    let out = Claims::new()
        .data(clean.path())
        .args(["check", "--format", "sarif"])
        .succeeds();
    let log: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(log["runs"][0]["results"], serde_json::json!([]));
    assert!(validator.iter_errors(&log).next().is_none());
}

fn fingerprints(log: &serde_json::Value) -> Vec<String> {
    log["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|r| r["partialFingerprints"]["claimsProblem/v1"].to_string())
        .collect()
}

#[test]
fn a_problem_keeps_its_fingerprint_when_its_line_moves_and_two_alike_differ() {
    let dir = folder(&[("b.toml", "bad = \n")]);
    let before = fingerprints(&sarif(dir.path()));
    std::fs::write(dir.path().join("b.toml"), "# a comment\n\n\nbad = \n").expect("w");
    let moved = sarif(dir.path());
    assert_eq!(
        moved["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"],
        4
    );
    assert_eq!(before, fingerprints(&moved));
    // Another problem is another alert; the same problem twice in a file is two.
    let two = folder(&[
        ("a.toml", "[[party]]\nid = \"p\"\nname = \"P\"\nx = 1\n"),
        ("b.toml", "[[party]]\nid = \"p\"\nname = \"P\"\nx = 1\n"),
    ]);
    let prints = fingerprints(&sarif(two.path()));
    assert_eq!(prints.len(), 2);
    assert_ne!(prints[0], prints[1]);
    assert_ne!(prints[0], before[0]);
}

#[test]
fn github_lines_are_escaped_so_a_message_cannot_start_a_command() {
    // A file name with `,` and `:` and a message quoting a value with `%`
    // and a line break.
    let dir = folder(&[(
        "odd, name: here.toml",
        "[[party]]\nid = \"p\"\nname = \"P\"\n\"50%\\n::error::x\" = 1\n",
    )]);
    let out = Claims::new()
        .data(dir.path())
        .args(["check", "--format", "github"])
        .fails(2);
    let lines: Vec<&str> = out.stdout.lines().collect();
    let annotations: Vec<&&str> = lines.iter().filter(|l| l.starts_with("::")).collect();
    assert_eq!(annotations.len(), 1, "{}", out.stdout);
    let a = annotations[0];
    assert!(a.starts_with("::error file="), "{a}");
    assert!(a.contains("odd%2C name%3A here.toml"), "{a}");
    assert!(a.contains(",line=4,col=1,title=unknown-field::"), "{a}");
    assert!(a.contains("50%25"), "{a}");
    assert!(a.contains("%0A"), "{a}");
    // Only one command starts the line: nothing in it begins another.
    assert_eq!(
        out.stdout.matches("\n::").count() + 1,
        annotations.len() + lines.iter().filter(|l| l.starts_with("::notice")).count()
    );
    assert!(lines.last().is_some_and(|l| l.starts_with("1 problem")));
}

#[test]
fn github_annotates_the_ten_that_matter_most_and_summarises_all() {
    let dir = many(12);
    // A file that cannot be parsed, last by name: it matters most.
    std::fs::write(dir.path().join("z.toml"), "bad = \n").expect("w");
    let summary = dir.path().join("summary.md");
    std::fs::write(&summary, "earlier step\n").expect("w");
    let out = Claims::new()
        .data(dir.path())
        .env("GITHUB_STEP_SUMMARY", &summary.to_string_lossy())
        .args(["check", "--format", "github"])
        .fails(2);
    let errors: Vec<&str> = out
        .stdout
        .lines()
        .filter(|l| l.starts_with("::error"))
        .collect();
    assert_eq!(errors.len(), 10, "{}", out.stdout);
    assert!(
        errors.iter().any(|l| l.contains("title=toml-syntax")),
        "{}",
        out.stdout
    );
    assert!(out
        .stdout
        .contains("::notice title=claims check::3 more problems not annotated"));
    let text = std::fs::read_to_string(&summary).expect("summary");
    // Appended to, never overwritten; every problem listed.
    assert!(text.starts_with("earlier step\n### claims check"), "{text}");
    assert_eq!(text.matches("`bad-id`").count(), 12, "{text}");
    assert_eq!(text.matches("`toml-syntax`").count(), 1, "{text}");
}

#[test]
fn junit_is_well_formed_with_a_case_per_file_and_a_failure_per_broken_file() {
    let dir = broken();
    std::fs::write(dir.path().join("ok.toml"), event_file(&[])).expect("w");
    // A message holding XML's special characters.
    std::fs::write(
        dir.path().join("c.toml"),
        "[[party]]\nid = \"p\"\nname = \"P\"\n\"<&>\" = 1\n",
    )
    .expect("w");
    let out = Claims::new()
        .data(dir.path())
        .args(["check", "--format", "junit"])
        .fails(2);
    let doc = roxmltree::Document::parse(&out.stdout).expect("well-formed XML");
    let suite = doc
        .descendants()
        .find(|n| n.has_tag_name("testsuite"))
        .expect("a suite");
    let cases: Vec<_> = suite
        .children()
        .filter(|n| n.has_tag_name("testcase"))
        .collect();
    let names: Vec<&str> = cases.iter().filter_map(|c| c.attribute("name")).collect();
    for file in ["a.toml", "b.toml", "c.toml", "ok.toml"] {
        assert!(names.iter().any(|n| n.ends_with(file)), "{names:?}");
    }
    assert_eq!(
        suite.attribute("tests"),
        Some(cases.len().to_string().as_str())
    );
    assert_eq!(suite.attribute("failures"), Some("3"));
    let failure = |file: &str| {
        cases
            .iter()
            .find(|c| c.attribute("name").is_some_and(|n| n.ends_with(file)))
            .and_then(|c| c.children().find(|n| n.has_tag_name("failure")))
    };
    assert!(failure("ok.toml").is_none());
    assert_eq!(
        failure("b.toml").and_then(|f| f.attribute("type")),
        Some("toml-syntax")
    );
    assert!(failure("c.toml")
        .and_then(|f| f.text())
        .is_some_and(|t| t.contains("<&>")));
}

#[test]
fn check_jsonl_gives_the_json_documents_records_a_line_each() {
    let dir = broken();
    let json = Claims::new()
        .data(dir.path())
        .args(["check", "--format", "json"])
        .fails(2);
    let json: serde_json::Value = serde_json::from_str(&json.stdout).expect("JSON");
    let lines = Claims::new()
        .data(dir.path())
        .args(["check", "--format", "jsonl"])
        .fails(2);
    let records: Vec<serde_json::Value> = lines
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    let diagnostics: Vec<serde_json::Value> = records
        .into_iter()
        .filter(|r| r["record"] == "diagnostic")
        .map(|mut r| {
            r.as_object_mut().expect("object").remove("record");
            r
        })
        .collect();
    assert_eq!(serde_json::Value::from(diagnostics), json["diagnostics"]);
}

#[test]
fn list_jsonl_holds_the_same_claims_as_json_and_streams_in_file_order() {
    let json = output(&["list", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let mut from_json: Vec<String> = json["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .map(|c| c.to_string())
        .collect();
    let lines = output(&["list", "--format", "jsonl"]);
    let mut from_lines: Vec<String> = lines
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l)
                .expect("JSON")
                .to_string()
        })
        .collect();
    assert!(from_lines.len() > 50);
    // The same records; jsonl in file order unless asked, json by date.
    let by_date = output(&["list", "--format", "jsonl", "--sort", "said"]);
    let by_date: Vec<String> = by_date
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l)
                .expect("JSON")
                .to_string()
        })
        .collect();
    assert_eq!(by_date, from_json);
    from_json.sort();
    from_lines.sort();
    assert_eq!(from_lines, from_json);
}

#[test]
fn compare_jsonl_rows_are_the_json_rows_and_long_rows_keep_numbers() {
    let json = output(&["compare", "kilisali-2021", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let lines = output(&["compare", "kilisali-2021", "--format", "jsonl"]);
    let rows: Vec<serde_json::Value> = lines
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    let strip = |section: &str| -> Vec<serde_json::Value> {
        rows.iter()
            .filter(|r| r["section"] == section)
            .map(|r| {
                let mut r = r.clone();
                let o = r.as_object_mut().expect("object");
                assert_eq!(o.remove("event"), Some("kilisali-2021".into()));
                o.remove("section");
                r
            })
            .collect()
    };
    assert_eq!(serde_json::Value::from(strip("figure")), json["figures"]);
    assert_eq!(
        serde_json::Value::from(strip("statement")),
        json["statements"]
    );
    let long = output(&["compare", "kilisali-2021", "--long", "--format", "jsonl"]);
    let csv = output(&["compare", "kilisali-2021", "--long", "--format", "csv"]);
    assert_eq!(long.lines().count() + 1, csv.lines().count());
    let first: serde_json::Value =
        serde_json::from_str(long.lines().next().expect("a row")).expect("JSON");
    assert!(first["low"].is_number(), "{first}");
    assert!(first["in_conflict"].is_boolean(), "{first}");
}

#[test]
fn formats_a_command_does_not_write_are_refused_before_anything_is_read() {
    for (command, format) in [
        (vec!["events"], "jsonl"),
        (vec!["list"], "sarif"),
        (vec!["compare", "kilisali-2021"], "github"),
        (vec!["stats"], "junit"),
    ] {
        Claims::new()
            .args(command)
            .args(["--format", format])
            .fails(2)
            .stderr_has(&format!(
                "--format {format} is not a format of this command"
            ));
    }
}

/// U+FFFE in a file name made the JUnit report malformed XML (helper's attack).
#[test]
fn regression_junit_escapes_characters_xml_does_not_allow() {
    let dir = folder(&[("x\u{fffe}.toml", "bad = \n")]);
    let out = Claims::new()
        .data(dir.path())
        .args(["check", "--format", "junit"])
        .fails(2);
    roxmltree::Document::parse(&out.stdout).expect("well-formed XML");
    assert!(out.stdout.contains("\\u{fffe}"), "{}", out.stdout);
}
