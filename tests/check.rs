//! `claims check`, `events`, `sources` and the data folder: the file format issue.

mod common;
use common::*;

#[test]
fn shipped_data_passes_check() {
    let (code, out, _) = run(&["check"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("no problems"), "{out}");
}

#[test]
fn every_quote_is_verbatim_in_its_document() {
    // `check` verifies quotes against the document text; prove it notices a change.
    let dir = tempfile::tempdir().unwrap();
    let data = format!("{}/data", env!("CARGO_MANIFEST_DIR"));
    std::fs::create_dir(dir.path().join("documents")).unwrap();
    std::fs::copy(
        format!("{data}/documents/kilisali-2021.fr.txt"),
        dir.path().join("documents/kilisali-2021.fr.txt"),
    )
    .unwrap();
    let text = std::fs::read_to_string(format!("{data}/kilisali-2021.toml")).unwrap();
    let tampered = text.replace("de 70 soldats azéris", "de 80 soldats azéris");
    assert_ne!(text, tampered);
    std::fs::write(dir.path().join("kilisali-2021.toml"), tampered).unwrap();
    let out = Claims::new()
        .args(["check", dir.path().to_str().unwrap()])
        .fails(2)
        .stdout;
    assert!(out.contains("is not found verbatim"), "{out}");
    assert!(out.contains("kilisali-2021.toml:"), "{out}");
}

/// (fixture, line:column, words the message must hold, words the hint must hold)
const BROKEN: &[(&str, &str, &str, &str)] = &[
    ("syntax.toml", ":23:62:", "unclosed inline table", ""),
    (
        "unknown_field.toml",
        ":23:1:",
        "unknown field `quot`",
        "did you mean `quote`?",
    ),
    (
        "wrong_type.toml",
        ":23:61:",
        "invalid type: string \"seven\"",
        "`exact` takes a number, unquoted",
    ),
    (
        "unknown_source.toml",
        ":17:10:",
        "unknown source `azerbaijan-mdo`",
        "did you mean `azerbaijan-mod`",
    ),
    (
        "unknown_event.toml",
        ":23:9:",
        "unknown event `kilisali-2012`",
        "known: `broken`",
    ),
    (
        "unknown_metric.toml",
        ":23:43:",
        "unknown metric `kiled`",
        "did you mean `killed`?",
    ),
    (
        "duplicate_ids.toml",
        ":26:6:",
        "duplicate claim id `c1`",
        "rename",
    ),
    (
        "negative_count.toml",
        ":23:61:",
        "negative count -7",
        "from 0 up",
    ),
    (
        "range_low_high.toml",
        ":23:61:",
        "range with low > high: [20, 10]",
        "did you mean [10, 20]?",
    ),
    (
        "impossible_date.toml",
        ":18:8:",
        "day 30 does not exist in 2021-02",
        "2021-11-16",
    ),
    (
        "self_composite.toml",
        ":4:20:",
        "composite metric `casualties` refers to itself",
        "other metrics",
    ),
    (
        "not_utf8.toml",
        ":21:12:",
        "not UTF-8: found byte 0xE9",
        "save the file as UTF-8",
    ),
];

/// `check --format json` on one path: (exit status, the diagnostics).
fn diagnostics(path: &str) -> (i32, Vec<serde_json::Value>) {
    let (code, out, err) = run(&["check", path, "--format", "json"]);
    assert!(!err.contains("panicked"), "{path}: {err}");
    let doc: serde_json::Value = serde_json::from_str(&out).expect("check writes JSON");
    let list = doc["diagnostics"].as_array().cloned().unwrap_or_default();
    (code, list)
}

#[test]
fn each_broken_file_gets_a_positioned_message_and_exit_2() {
    for (name, pos, message, hint) in BROKEN {
        let path = fixture(&format!("broken/{name}"));
        let (status, diags) = diagnostics(&path);
        assert_eq!(status, 2, "{name}");
        let d = diags
            .iter()
            .find(|d| d["message"].as_str().is_some_and(|m| m.contains(message)))
            .unwrap_or_else(|| panic!("{name}: no `{message}` in {diags:?}"));
        let at = format!(":{}:{}:", d["line"], d["column"]);
        assert_eq!(&at, pos, "{name}");
        assert!(
            d["hint"].as_str().unwrap_or("").contains(hint),
            "{name}: {d}"
        );
        assert!(d["snippet"].is_string(), "{name}: no snippet in {d}");
        assert!(
            d["code"].as_str().is_some_and(|c| !c.is_empty()),
            "{name}: {d}"
        );
        // The text form is rustc's: `error[code]: message`, then `--> path:line:column`.
        let (_, text, _) = run(&["check", &path]);
        let want = format!("--> {path}{}", pos.trim_end_matches(':'));
        assert!(text.contains(&want), "{name}: expected {want} in\n{text}");
        assert!(text.contains(&format!("error[{}]: ", d["code"].as_str().unwrap_or(""))));
    }
}

#[test]
fn duplicate_ids_are_one_problem_that_names_both_places() {
    let (_, diags) = diagnostics(&fixture("broken/duplicate_ids.toml"));
    assert_eq!(diags.len(), 1, "{diags:?}");
    let d = &diags[0];
    assert_eq!(d["code"], "duplicate-id");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(26), Some(6))
    );
    let first = &d["secondary"][0];
    assert_eq!(
        (first["line"].as_u64(), first["column"].as_u64()),
        (Some(16), Some(6))
    );
    assert_eq!(first["label"], "first defined here");
    let (_, text, _) = run(&["check", &fixture("broken/duplicate_ids.toml")]);
    assert!(text.contains("::: "), "{text}");
    assert!(text.contains("- first defined here"), "{text}");
}

#[test]
fn check_reports_every_problem_in_every_file_sorted() {
    let dir = fixture("broken");
    let (status, diags) = diagnostics(&dir);
    assert_eq!(status, 2);
    assert!(diags.len() >= BROKEN.len(), "{diags:?}");
    // A file that could not be read or parsed first (its effects elsewhere
    // follow it), then by file, line and column.
    let stops = [
        "file-unreadable",
        "not-utf8",
        "toml-syntax",
        "unknown-field",
        "missing-field",
        "wrong-type",
        "unknown-value",
    ];
    let keys: Vec<(bool, String, u64, u64)> = diags
        .iter()
        .map(|d| {
            let path = d["path"].as_str().unwrap_or("").to_string();
            (
                !stops.contains(&d["code"].as_str().unwrap_or("")),
                path,
                d["line"].as_u64().unwrap_or(0),
                d["column"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    let (_, out, _) = run(&["check", &dir]);
    let last = out.lines().last().unwrap();
    assert!(
        last.starts_with(&format!("{} problems in", diags.len())),
        "{last}"
    );
}

#[test]
fn events_and_sources_list_the_shipped_data_from_any_directory() {
    let elsewhere = tempfile::tempdir().unwrap();
    let out = claims()
        .arg("events")
        .current_dir(elsewhere.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        row_with(
            &text,
            &["kilisali-2021", "Mount Kilisali border clash", "2021-11-16"]
        )
        .is_some(),
        "{text}"
    );

    let (code, text, _) = run(&["sources"]);
    assert_eq!(code, 0);
    let row = row_with(&text, &["armenia-mod", "Ministry of Defence of Armenia"])
        .expect("armenia-mod listed");
    assert!(row.contains("armenia") && row.contains("ministry"), "{row}");
    assert!(row_with(&text, &["interfax", "news-agency"]).is_some());
}

#[test]
fn a_user_folder_reuses_the_shipped_sources_and_vocabulary() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(fixture("good/relay.toml"), dir.path().join("relay.toml")).unwrap();
    let out = claims()
        .args(["--data", dir.path().to_str().unwrap(), "events"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("relay-test") && !text.contains("kilisali-2021"),
        "{text}"
    );

    // The environment variable does the same.
    let out = claims()
        .env("CLAIMS_DATA", dir.path())
        .arg("events")
        .output()
        .unwrap();
    assert!(String::from_utf8(out.stdout)
        .unwrap()
        .contains("relay-test"));
}

#[test]
fn a_missing_data_folder_is_an_error_not_a_panic() {
    let err = Claims::new()
        .args(["--data", "/no/such/folder", "events"])
        .fails(2)
        .stderr;
    assert!(
        err.contains("/no/such/folder") && err.contains("does not exist"),
        "{err}"
    );
}

#[test]
fn check_json_is_parseable_and_carries_positions() {
    let (code, out, _) = run(&[
        "check",
        "--format",
        "json",
        &fixture("broken/unknown_metric.toml"),
    ]);
    assert_eq!(code, 2);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["format_version"], 2);
    assert_eq!(v["diagnostics"][0]["line"], 23);
    assert_eq!(v["diagnostics"][0]["column"], 43);
    assert_eq!(v["diagnostics"][0]["hint"], "did you mean `killed`?");
}

/// "fired first" is how people say it; the act's id is `started-fighting`,
/// whose label says "(fired first)": the hint finds it by the label.
#[test]
fn an_unknown_act_is_suggested_by_the_words_of_its_label() {
    let dir = folder(&[(
        "test-event.toml",
        &event_file(&[claim(
            "a",
            "armenia-mod",
            "2021-11-16",
            &acc("azerbaijan", "fired-first"),
            "",
        )]),
    )]);
    let out = Claims::new()
        .data(dir.path())
        .args(["check"])
        .fails(2)
        .stdout;
    assert!(out.contains("unknown act `fired-first`"), "{out}");
    assert!(out.contains("did you mean `started-fighting`"), "{out}");
}

/// A syntax error in the file that defines an event came after the
/// "unknown event" errors it caused, which did not say why.
#[test]
fn regression_a_broken_event_file_comes_before_what_it_breaks() {
    let event = "[event]\nid = \"my-event\"\ntitle = \"t\"\ndate = \"2024-05-01\"\nplace = \"p\"\n\
                 summary = \"s\"\nsides = [\"armenia\", \"azerbaijan\"]\n\n[[document]]\nid = \"doc\"\n\
                 outlet = \"o\"\nlanguage = \"en\"\ntitle = \"unclosed\n";
    let claims = format!(
        "{}event = \"my-event\"\n",
        claim(
            "a",
            "armenia-mod",
            "2024-05-01",
            &acc("azerbaijan", "started-fighting"),
            ""
        )
    );
    let dir = folder(&[("a-claims.toml", &claims), ("my-event.toml", event)]);
    let out = Claims::new()
        .data(dir.path())
        .args(["check"])
        .fails(2)
        .stdout;
    let first = out.find("toml-syntax").unwrap_or(usize::MAX);
    let effect = out.find("unknown event").unwrap_or(0);
    assert!(first < effect, "the cause comes first:\n{out}");
    assert!(
        out.contains("probably because") && out.contains("my-event.toml failed to parse"),
        "{out}"
    );
}

/// A mistyped number hid a quote that differs from its document until the
/// next round: the rest of a file with type errors gets every other check.
#[test]
fn regression_a_type_error_does_not_hide_the_rest_of_the_file() {
    let bad = claim(
        "bad",
        "armenia-mod",
        "2021-11-16",
        &fig("armenia", "killed", "exact = \"2\""),
        "",
    );
    let other = claim(
        "other",
        "armenia-mod",
        "2021-11-16",
        &fig("armenia", "wounded", "exact = 3"),
        "",
    )
    .replace("source = \"armenia-mod\"", "source = \"armenia-modd\"");
    let dir = folder(&[("test-event.toml", &event_file(&[bad, other]))]);
    let out = Claims::new()
        .data(dir.path())
        .args(["check"])
        .fails(2)
        .stdout;
    assert!(out.contains("wrong-type"), "{out}");
    assert!(out.contains("unknown source `armenia-modd`"), "{out}");
}
