//! Starting and extending a dataset (issue 15): `init`, `new` into a folder
//! not made yet, `vocab`, hints that name every candidate or the command
//! that lists them, and `check`'s one-line account of the files it read.

mod common;
use common::*;

#[test]
fn init_copies_the_built_in_data_and_a_guide_and_refuses_a_full_folder() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("newsroom");
    let out = Claims::new()
        .args(["init", data.to_str().unwrap()])
        .fails(0)
        .stdout;
    assert!(
        out.contains("CONTRIBUTING.md") && out.contains("new my-event"),
        "{out}"
    );
    for file in [
        "sources.toml",
        "vocabulary.toml",
        "kilisali-2021.toml",
        "documents/kilisali-2021.fr.txt",
        "CONTRIBUTING.md",
    ] {
        assert!(data.join(file).is_file(), "{file} missing");
    }
    // The copy is the built-in data: it checks clean and compares the same.
    let checked = Claims::new().data(&data).args(["check"]).fails(0).stdout;
    assert!(
        checked.contains("3 events") && checked.contains("68 claims"),
        "{checked}"
    );
    let (_, builtin, _) = run(&["compare", "kilisali-2021", "--format", "json"]);
    let copied = Claims::new()
        .data(&data)
        .args(["compare", "kilisali-2021", "--format", "json"])
        .fails(0)
        .stdout;
    assert_eq!(builtin, copied);
    // Never into a folder that holds anything; nothing is touched.
    std::fs::write(data.join("sources.toml"), "# mine\n").unwrap();
    let refused = Claims::new()
        .args(["init", data.to_str().unwrap()])
        .fails(2)
        .stderr;
    assert!(refused.contains("is not empty"), "{refused}");
    assert_eq!(
        std::fs::read_to_string(data.join("sources.toml")).unwrap(),
        "# mine\n"
    );
}

/// `claims --data mydata new my-event` refused because the folder did not exist.
#[test]
fn regression_new_creates_a_missing_data_folder() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("mydata");
    let out = Claims::new()
        .data(&data)
        .args(["new", "my-event"])
        .fails(0)
        .stdout;
    assert!(
        out.contains("created the folder") && out.contains("my-event.toml"),
        "{out}"
    );
    Claims::new().data(&data).args(["check"]).fails(0);
}

/// No command listed the metrics, acts, parties or vague words.
#[test]
fn regression_vocab_lists_what_the_data_can_say_in_every_format() {
    let (code, table, err) = run(&["vocab"]);
    assert_eq!(code, 0, "{err}");
    for title in [
        "Metrics",
        "Acts",
        "Parties",
        "Sources",
        "Vague words",
        "Categories",
        "Places",
    ] {
        assert!(table.lines().any(|l| l == title), "{title}:\n{table}");
    }
    let (_, csv, _) = run(&["vocab", "vague", "--format", "csv"]);
    assert!(csv.starts_with("word,low,high\n"), "{csv}");
    assert!(csv.contains("\nseveral,2,9\n"), "{csv}");
    let (_, json, _) = run(&["vocab", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["kind"], "vocab");
    let composite = v["metrics"]
        .as_array()
        .and_then(|m| m.iter().find(|m| m["id"] == "killed-or-wounded"))
        .cloned()
        .unwrap_or_default();
    assert_eq!(composite["parts"], serde_json::json!(["killed", "wounded"]));
    assert!(v["vague"]
        .as_array()
        .is_some_and(|w| w.iter().any(|w| w["word"] == "hundreds" && w["low"] == 200)));
    // A folder's own definitions are listed.
    let mine = "[[act]]\nid = \"shelled-a-village\"\nlabel = \"shelled a village\"\n";
    let dir = folder(&[("mine.toml", mine)]);
    let acts = Claims::new()
        .data(dir.path())
        .args(["vocab", "acts", "--format", "tsv"])
        .fails(0)
        .stdout;
    assert!(
        acts.contains("shelled-a-village\tshelled a village"),
        "{acts}"
    );
    // CSV holds one table: all kinds at once is refused with the fix.
    let (code, _, err) = run(&["vocab", "--format", "csv"]);
    assert_eq!(code, 2);
    assert!(err.contains("claims vocab metrics --format csv"), "{err}");
}

/// Hints cut the list short ("known: `a`, `b`, …") with no way to see the rest.
#[test]
fn regression_a_hint_names_every_candidate_or_the_command_listing_them() {
    let claims = [claim(
        "c",
        "nobody-known",
        "2021-11-16",
        &fig("armenia", "no-such-metric", "exact = 3"),
        "",
    )];
    let dir = folder(&[("test-event.toml", &event_file(&claims))]);
    let out = Claims::new()
        .data(dir.path())
        .args(["check"])
        .fails(2)
        .stdout;
    // 11 metrics: every one named.
    assert!(
        out.contains("`killed-or-wounded`") && out.contains("`wounded`"),
        "{out}"
    );
    // 22 sources: the first twelve, how many, and where to see them all.
    assert!(
        out.contains("(22 in all); `claims vocab sources` lists them"),
        "{out}"
    );
}

/// Document texts and notes were reported as skipped on every run.
#[test]
fn regression_check_counts_texts_and_notes_in_one_line() {
    let dir = folder(&[
        ("test-event.toml", &event_file(&[])),
        ("notes.md", "# notes"),
        ("a.txt", "text"),
        ("data.tml", "typo of .toml"),
    ]);
    let out = Claims::new()
        .data(dir.path())
        .args(["check"])
        .fails(0)
        .stdout;
    assert!(!out.contains("notes.md") && !out.contains("a.txt"), "{out}");
    assert!(
        out.contains("also 2 other files (texts and notes): 1 .md, 1 .txt"),
        "{out}"
    );
    // An unexpected file is still named: it may be data under a wrong name.
    assert!(out.contains("skipped") && out.contains("data.tml"), "{out}");
    assert!(out.contains("1 event,"), "{out}");
}

fn claim_with(id: &str, extra: &str, quantity: &str) -> String {
    format!(
        "[[claim]]\nid = \"{id}\"\nsource = \"armenia-mod\"\nsaid = \"2021-11-16\"\nvia = \"statement\"\n\
         document = \"doc\"\nquote = \"q\"\nlanguage = \"en\"\n{extra}\
         figure = {{ party = \"armenia\", metric = \"killed\", {quantity} }}\n"
    )
}

/// `check` reported one type error (`hedged = "yes"`) and the others in the
/// same file only after it was fixed.
#[test]
fn regression_check_reports_every_type_error_of_a_file_in_one_run() {
    let text = event_file(&[
        claim_with("a", "hedged = \"yes\"\n", "exact = 3"),
        claim_with("b", "", "exact = \"three\""),
        claim_with("c", "colour = 3\n", "exact = 3"),
        claim_with("d", "", "exact = 4"),
    ]);
    let line_of = |needle: &str| text.lines().position(|l| l.contains(needle)).unwrap() + 1;
    let dir = folder(&[("test-event.toml", &text)]);
    let out = Claims::new()
        .data(dir.path())
        .args(["check"])
        .fails(2)
        .stdout;
    assert!(out.contains("3 problems"), "{out}");
    let at = |needle: &str, column: usize| format!("test-event.toml:{}:{column}", line_of(needle));
    assert!(
        reports(&out, &at("hedged = \"yes\"", 10), "expected a boolean"),
        "{out}"
    );
    assert!(
        out.contains("hint: `hedged` takes true or false, unquoted"),
        "{out}"
    );
    assert!(
        reports(&out, &at("\"three\"", 58), "expected a number"),
        "{out}"
    );
    assert!(
        out.contains("hint: `exact` takes a number, unquoted"),
        "{out}"
    );
    assert!(
        reports(&out, &at("colour = 3", 1), "unknown field `colour`"),
        "{out}"
    );
}

/// After a syntax error nothing more is reported: the rest cannot be trusted.
#[test]
fn a_syntax_error_ends_the_search_for_more() {
    let text = event_file(&[
        claim_with("a", "hedged = \"yes\"\n", "exact = 3"),
        claim_with("b", "note = \"unclosed\n", "exact = 3"),
        claim_with("c", "colour = 3\n", "exact = 3"),
    ]);
    let dir = folder(&[("test-event.toml", &text)]);
    let out = Claims::new()
        .data(dir.path())
        .args(["check"])
        .fails(2)
        .stdout;
    assert!(out.contains("1 problem in"), "{out}");
}

fn tidy(dir: &tempfile::TempDir, columns: &str) -> Vec<Vec<String>> {
    let out = Claims::new()
        .data(dir.path())
        .args(["list", "--format", "tsv", "--columns", columns])
        .fails(0)
        .stdout;
    out.lines()
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect()
}

/// The CSV out of `list` could not be analysed: `says` mixed "≥ 49", "4
/// vehicles" and "hundreds"; `said` mixed "by 2021-11-17" with ISO dates.
#[test]
fn regression_list_exports_one_column_per_fact() {
    let acc = "accusation = { accused = \"azerbaijan\", act = \"started-fighting\", at = \"2021-11-16T06:30\" }";
    let claims = [
        claim(
            "a-range",
            "armenia-mod",
            "2021-11",
            &fig("azerbaijan", "killed", "range = [20, 30]"),
            "",
        ),
        claim(
            "b-least",
            "armenia-mod",
            "by 2021-11-17",
            &fig("azerbaijan", "wounded", "at_least = 49"),
            "",
        ),
        claim(
            "c-vague",
            "azerbaijan-mod",
            "2021-11-16T08:00",
            &fig("armenia", "killed", "vague = \"hundreds\""),
            "",
        ),
        claim("d-acc", "armenia-mod", "2021-11-16", acc, ""),
    ];
    let dir = folder(&[("test-event.toml", &event_file(&claims))]);
    let rows = tidy(
        &dir,
        "claim,said_from,said_until,party,whose,metric,unit,low,high,stated,act,accused,at",
    );
    assert_eq!(
        rows[0],
        [
            "claim",
            "said_from",
            "said_until",
            "party",
            "whose",
            "metric",
            "unit",
            "low",
            "high",
            "stated",
            "act",
            "accused",
            "at"
        ]
    );
    let row = |id: &str| {
        rows.iter()
            .find(|r| r[0] == id)
            .cloned()
            .unwrap_or_default()
    };
    assert_eq!(
        row("a-range")[1..10],
        [
            "2021-11-01T00:00:00",
            "2021-11-30T23:59:59",
            "armenia",
            "azerbaijan",
            "killed",
            "people",
            "20",
            "30",
            "20–30"
        ]
    );
    // "by" a date: no earliest moment; no upper bound: an empty high.
    let b = row("b-least");
    assert_eq!((b[1].as_str(), b[2].as_str()), ("", "2021-11-17T23:59:59"));
    assert_eq!(
        (b[7].as_str(), b[8].as_str(), b[9].as_str()),
        ("49", "", "≥ 49")
    );
    // A vague word: its interval as numbers, its wording as stated.
    let c = row("c-vague");
    assert_eq!(
        (c[7].as_str(), c[8].as_str(), c[9].as_str()),
        ("200", "1999", "hundreds")
    );
    assert_eq!(c[1], "2021-11-16T08:00:00");
    let d = row("d-acc");
    assert_eq!(
        d[10..13],
        ["started-fighting", "azerbaijan", "2021-11-16T06:30"]
    );
    assert!(
        d[7].is_empty() && d[4].is_empty(),
        "an accusation has no figure: {d:?}"
    );
    // Sorted as text, said_until orders the statements in time.
    let mut order: Vec<&str> = rows[1..].iter().map(|r| r[2].as_str()).collect();
    order.sort_unstable();
    assert_eq!(order.first(), Some(&"2021-11-16T08:00:59"));
    // An unknown column is named with the nearest.
    let (code, _, err) = run(&["list", "--format", "csv", "--columns", "claim,hihg"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("unknown column `hihg`") && err.contains("`high`"),
        "{err}"
    );
}

/// A quote that differed from its document by one capital letter was
/// reported as "not found" with no hint where.
#[test]
fn regression_a_quote_near_its_document_shows_the_passage_and_the_difference() {
    let text = "Yerevan said that Azerbaijani forces ‘crossed the line’ at dawn, and that two soldiers were wounded.";
    let mut file = event_file(&[
        claim(
            "case",
            "armenia-mod",
            "2021-11-16",
            &fig("armenia", "wounded", "exact = 2"),
            "",
        ),
        claim(
            "apos",
            "armenia-mod",
            "2021-11-16",
            &fig("armenia", "killed", "exact = 0"),
            "",
        ),
        claim(
            "far",
            "armenia-mod",
            "2021-11-16",
            &fig("azerbaijan", "killed", "exact = 1"),
            "",
        ),
    ]);
    file = file
        .replace(
            "language = \"en\"\n\n[[claim]]",
            "language = \"en\"\ntext = \"doc.txt\"\n\n[[claim]]",
        )
        .replace("words of case", "Two soldiers were wounded")
        .replace("words of apos", "forces 'crossed the line' at dawn")
        .replace("words of far", "nothing of the sort was said here");
    let dir = folder(&[("test-event.toml", &file), ("doc.txt", text)]);
    let out = Claims::new()
        .data(dir.path())
        .args(["check"])
        .fails(2)
        .stdout;
    assert!(
        out.contains(
            "hint: the document has «two soldiers were wounded»: it differs in capital letters"
        ),
        "{out}"
    );
    assert!(
        out.contains(
            "«forces ‘crossed the line’ at dawn»: it differs in quotation marks or apostrophes"
        ),
        "{out}"
    );
    // Nothing close: the plain advice.
    assert!(out.contains("copy it exactly"), "{out}");
}

/// An event file with its `[[claim]]` tables taken out (the event, its
/// documents and propositions stay).
/// The event file with its claims (and records) taken out.
fn without_claims(text: &str) -> String {
    let mut out = String::new();
    let mut skipping = false;
    for line in text.lines() {
        let t = line.trim_start();
        if t.starts_with('[') {
            skipping = t.starts_with("[[claim]]");
        }
        if !skipping {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// `claims list --event E --format csv | claims import -` recreates claims
/// that compare exactly as the originals, for every shipped event.
#[test]
fn a_listing_imported_back_compares_exactly_as_the_original() {
    for event in ["kilisali-2021", "september-2022", "tavush-2020"] {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        Claims::new()
            .args(["init", data.to_str().unwrap()])
            .fails(0);
        let file = data.join(format!("{event}.toml"));
        let original = std::fs::read_to_string(&file).unwrap();
        std::fs::write(&file, without_claims(&original)).unwrap();
        let (_, csv, _) = run(&["list", "--event", event, "--format", "csv"]);
        let sheet = dir.path().join("sheet.csv");
        std::fs::write(&sheet, &csv).unwrap();
        let imported = data.join("imported.toml");
        Claims::new()
            .data(&data)
            .args([
                "import",
                sheet.to_str().unwrap(),
                "--to",
                imported.to_str().unwrap(),
            ])
            .fails(0);
        Claims::new().data(&data).args(["check"]).fails(0);
        let (_, before, _) = run(&["compare", event, "--format", "json"]);
        let after = Claims::new()
            .data(&data)
            .args(["compare", event, "--format", "json"])
            .fails(0)
            .stdout;
        assert_eq!(before, after, "{event}");
        // Never over an existing file.
        let again = Claims::new()
            .data(&data)
            .args([
                "import",
                sheet.to_str().unwrap(),
                "--to",
                imported.to_str().unwrap(),
            ])
            .fails(2)
            .stderr;
        assert!(again.contains("never overwrites"), "{again}");
    }
}

#[test]
fn import_reports_every_problem_with_its_row_and_column() {
    let sheet = "claim,event,source,said,via,document,language,kind,quote,whose,metric,stated,act,accused\n\
                 ok,e,armenia-mod,2021-11-16,statement,doc,en,figure,q,armenia,killed,3,,\n\
                 bad-qty,e,armenia-mod,2021-11-16,statement,doc,en,figure,q,armenia,killed,lots of,,\n\
                 no-act,e,armenia-mod,2021-11-16,statement,doc,en,accusation,q,,,,,azerbaijan\n\
                 ,e,armenia-mod,2021-11-16,statement,doc,en,rumour,q,,,,,\n";
    let dir = folder(&[("sheet.csv", sheet)]);
    let path = dir.path().join("sheet.csv");
    let err = Claims::new()
        .args(["import", path.to_str().unwrap()])
        .fails(2)
        .stderr;
    assert!(err.contains("nothing was written"), "{err}");
    assert!(
        err.contains("row 3, column `stated`: `lots of` is not a quantity"),
        "{err}"
    );
    assert!(
        err.contains("row 4, column `act`: an accusation needs `act`"),
        "{err}"
    );
    assert!(
        err.contains("row 5, column `claim`: `claim` is empty"),
        "{err}"
    );
    assert!(
        err.contains("row 5, column `kind`: `rumour` is not a kind"),
        "{err}"
    );
    // A sheet without the needed columns points to the template.
    let dir = folder(&[("bad.csv", "id,text\n1,x\n")]);
    let err = Claims::new()
        .args(["import", dir.path().join("bad.csv").to_str().unwrap()])
        .fails(2)
        .stderr;
    assert!(
        err.contains("no column claim") && err.contains("import --template"),
        "{err}"
    );
}

#[test]
fn the_import_template_imports_into_an_event_file_that_checks() {
    let (_, template, _) = run(&["import", "--template"]);
    let event = "[event]\nid = \"my-event\"\ntitle = \"t\"\ndate = \"2024-05-01\"\nplace = \"p\"\nsummary = \"s\"\nsides = [\"armenia\", \"azerbaijan\"]\n\n[[proposition]]\nid = \"my-event-talks\"\ntext = \"Talks\"\n";
    let dir = folder(&[("my-event.toml", event), ("sheet.csv", &template)]);
    let out = Claims::new()
        .data(dir.path())
        .args([
            "import",
            dir.path().join("sheet.csv").to_str().unwrap(),
            "--to",
            dir.path().join("imported.toml").to_str().unwrap(),
        ])
        .fails(0)
        .stdout;
    assert!(out.contains("3 claims"), "{out}");
    Claims::new().data(dir.path()).args(["check"]).fails(0);
    let v = Claims::new()
        .data(dir.path())
        .args(["list", "--format", "json"])
        .fails(0)
        .stdout;
    assert!(
        v.contains("my-event-mod-killed")
            && (v.contains("\"outlet\": \"My outlet\"") || v.contains("\"outlet\":\"My outlet\"")),
        "{v}"
    );
}

/// A broken file stopped `compare` of an event it says nothing about; one
/// that might say something about it still stops it.
#[test]
fn regression_a_broken_file_stops_only_what_it_may_affect() {
    let claims = [claim(
        "a",
        "armenia-mod",
        "2021-11-16",
        &fig("armenia", "killed", "exact = 1"),
        "",
    )];
    let dir = folder(&[
        ("test-event.toml", &event_file(&claims)),
        ("elsewhere.toml", "broken = [\n"),
    ]);
    let out = Claims::new()
        .data(dir.path())
        .args(["compare", "test-event"])
        .run();
    assert_eq!(out.code, 0, "{out:?}");
    assert!(out.stdout.contains("A clash written for a rule"), "{out:?}");
    assert!(
        out.stderr
            .contains("left out 1 file with problems that say nothing about `test-event`")
            && out.stderr.contains("elsewhere.toml"),
        "{out:?}"
    );
    // `check` still fails on it.
    Claims::new().data(dir.path()).args(["check"]).fails(2);
    // A broken file that names the event may hold claims about it: refused, named.
    std::fs::write(
        dir.path().join("elsewhere.toml"),
        "[[claim]]\nid = \"b\"\nevent = \"test-event\"\nsource = 3\n",
    )
    .unwrap();
    let refused = Claims::new()
        .data(dir.path())
        .args(["compare", "test-event"])
        .fails(2)
        .stderr;
    assert!(refused.contains("elsewhere.toml"), "{refused}");
}

/// Every field of every table in the schema, nested ones and a breakdown's
/// parts included, says what it means.
#[test]
fn every_schema_field_has_a_meaning() {
    fn walk(v: &serde_json::Value, path: &str, missing: &mut Vec<String>) {
        if let Some(props) = v["properties"].as_object() {
            for (name, p) in props {
                if p["description"].as_str().is_none_or(str::is_empty) {
                    missing.push(format!("{path}.{name}"));
                }
                walk(p, &format!("{path}.{name}"), missing);
            }
        }
        if v["items"].is_object() {
            walk(&v["items"], path, missing);
        }
    }
    let (_, out, _) = run(&["schema"]);
    let schema: serde_json::Value = serde_json::from_str(&out).unwrap();
    let mut missing = Vec::new();
    for (table, v) in schema["properties"].as_object().unwrap() {
        walk(v, table, &mut missing);
    }
    assert!(missing.is_empty(), "fields without a meaning: {missing:?}");
}

/// The format reference in `docs/format.md` is the command's output (drift
/// fails here).
#[test]
fn the_docs_carry_the_current_format_reference() {
    let (_, reference, _) = run(&["schema", "--reference"]);
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/format.md");
    let readme = std::fs::read_to_string(path).unwrap();
    let (begin, end) = ("<!-- reference: begin -->\n", "<!-- reference: end -->");
    let start = readme
        .find(begin)
        .expect("docs/format.md has the reference")
        + begin.len();
    let stop = readme.find(end).expect("and its end");
    if std::env::var_os("CLAIMS_UPDATE_DOCS").is_some() {
        let updated = format!("{}{reference}{}", &readme[..start], &readme[stop..]);
        std::fs::write(path, updated).unwrap();
        return;
    }
    assert_eq!(
        readme[start..stop],
        reference,
        "run CLAIMS_UPDATE_DOCS=1 cargo test --test data_entry"
    );
}
