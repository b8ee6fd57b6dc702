//! `report`, `show`, `stats`, `new`, `schema`, `completions`, `man` on the shipped data.

mod common;
use common::*;
use std::fs;

#[test]
fn markdown_report_is_complete_and_citable() {
    let (code, out, err) = run(&["report", "kilisali-2021", "--format", "markdown"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("# Mount Kilisali border clash\n"));
    assert!(out.contains(
        "9 sources made 30 statements about this event; 3 conflicts stand between their accounts."
    ));
    assert!(out.contains("## Figures") && out.contains("## Accusations and positions"));
    assert!(
        out.contains("### <a id=\"conflict-1\"></a>1. Azerbaijan · killed or wounded — figures")
    );
    // The summary names each conflict, linked, before the conflicts and the tables.
    let summary = out.find("1. [Azerbaijan · killed or wounded: Armenian authorities (\"Yerevan\", organ not named) 70 vs Ministry of Defence of Azerbaijan 7 + 10 = 17 — 4.1× apart").expect("the summary names the conflict");
    let detail = out.find("### <a id=\"conflict-1\">").unwrap();
    let tables = out.find("## Figures").unwrap();
    assert!(summary < detail && detail < tables, "{out}");
    assert!(
        out.contains("](#conflict-1)")
            && out.contains("<a id=\"claim-kil-armenia-enemy-killed-or-wounded\"></a>")
    );
    // People's names, ids in code for those who script.
    assert!(
        out.contains(
            "- **Ministry of Defence of Azerbaijan** (`azerbaijan-mod`): 7 + 10 = 17 (self-report)"
        ),
        "{out}"
    );
    assert!(
        out.contains("from the built-in data, data ")
            && out.contains("(event kilisali-2021, 30 claims compared)")
    );
    assert!(out.contains(
        "> «les dernières déclarations faisant état de 70 soldats azéris tués ou blessés»"
    ));
    assert!(
        out.contains("## Sources")
            && out.contains(
                "- Arm. MoD: Ministry of Defence of Armenia (armenia-mod; Armenia, organ)"
            )
    );
    assert!(out.contains("## Documents\n\n- Overt Defense, “Russia Mediates Ceasefire Following Fatal Armenia-Azerbaijan Border Clash” (2021-11-17)"));
    // The notes' wording is never passed off as the speaker's.
    let (_, out, _) = run(&["report", "tavush-2020", "--format", "markdown"]);
    assert!(out.contains(
        "  research notes: \"at 13:45 they used artillery fire to try to seize an Armenian stronghold\"  "
    ));
    assert!(!out.contains("> research notes"), "never a blockquote");
    let (_, out, _) = run(&["report", "tavush-2020", "--format", "markdown"]);
    assert!(out.contains("<https://jam-news.net/incident-on-the-border-of-armenia-and-azerbaijan-conflicting-information/>"));
}

#[test]
fn html_report_is_self_contained_with_a_chart() {
    let (code, out, _) = run(&["report", "kilisali-2021", "--format", "html"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("<!DOCTYPE html>"));
    assert!(!out.contains("<script"), "no scripts");
    assert!(
        !out.contains("src=\"http") && !out.contains("<link"),
        "nothing fetched"
    );
    assert!(out.contains("<svg id=\"figures-chart\""));
    // One mark per voice: the 70 (adversary) and the derived 17 (self-report) on the conflict row.
    let row = out
        .split("<g class=\"row conflict\">")
        .nth(1)
        .unwrap()
        .split("</g>")
        .next()
        .unwrap();
    assert!(
        row.contains("class=\"point adversary\"") && row.contains("Yerevan: 70"),
        "{row}"
    );
    assert!(
        row.contains("class=\"point own\"") && row.contains("Az. MoD: 7 + 10 = 17"),
        "{row}"
    );
    // An interval is drawn as an interval: "several" = [2, 9].
    assert!(out.contains("<line class=\"interval adversary\""));
    // Hedged reports are marked.
    assert!(out.contains("class=\"point own hedged\""));
}

#[test]
fn report_refuses_formats_it_does_not_write() {
    Claims::new()
        .args(["report", "kilisali-2021", "--format", "csv"])
        .fails(2)
        .stderr_snapshot("report_as_csv");
}

fn chromium() -> Option<std::path::PathBuf> {
    [
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome",
    ]
    .iter()
    .map(std::path::PathBuf::from)
    .find(|p| p.exists())
}

/// Renders the HTML report in headless Chromium: the page must render and the
/// chart must be in the rendered DOM. `.ci/run` installs Chromium; on a machine
/// without it the test says so and passes, unless CI is set.
#[test]
fn html_report_renders_in_headless_chromium() {
    let Some(browser) = chromium() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have Chromium: .ci/run installs it"
        );
        eprintln!("SKIPPED: no Chromium here (apt-get install chromium to run this check)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("report.html");
    let (_, out, _) = run(&["report", "tavush-2020", "--format", "html"]);
    fs::write(&html, out).unwrap();
    let url = format!("file://{}", html.display());
    let profile = dir.path().join("profile");
    let base = |extra: &[&str]| {
        let mut cmd = std::process::Command::new(&browser);
        cmd.args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(&url);
        cmd
    };
    let png = dir.path().join("report.png");
    let status = base(&[
        "--window-size=1100,700",
        &format!("--screenshot={}", png.display()),
    ])
    .stderr(std::process::Stdio::null())
    .status()
    .unwrap();
    assert!(status.success());
    let bytes = fs::read(&png).expect("Chromium wrote a screenshot");
    assert!(
        bytes.starts_with(b"\x89PNG") && bytes.len() > 20_000,
        "a real picture, {} bytes",
        bytes.len()
    );
    let dom = base(&["--dump-dom"])
        .stderr(std::process::Stdio::null())
        .output()
        .unwrap();
    let dom = String::from_utf8_lossy(&dom.stdout);
    assert!(
        dom.contains("<svg id=\"figures-chart\""),
        "the chart is in the rendered page"
    );
    assert!(
        dom.matches("class=\"row").count() >= 6,
        "one lane per figure row"
    );
    if std::env::var_os("CLAIMS_UPDATE_DOCS").is_some() {
        // The README's picture: the chart alone, as the page draws it.
        let (_, page, _) = run(&["report", "tavush-2020", "--format", "html"]);
        let cut = |from: &str, to: &str| {
            let start = page.find(from).expect("in the page");
            let end = page[start..].find(to).expect("closed") + start + to.len();
            page[start..end].to_string()
        };
        let chart = format!(
            "<!DOCTYPE html><html><head><meta charset=\"utf-8\">{}</head><body style=\"margin:10px\">{}</body></html>",
            cut("<style>", "</style>"),
            cut("<figure>", "</figure>")
        );
        let only = dir.path().join("chart.html");
        fs::write(&only, chart).unwrap();
        let out = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/output/report-tavush-2020.png"
        );
        let status = std::process::Command::new(&browser)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
            ])
            .arg(format!("--user-data-dir={}", profile.display()))
            .args(["--window-size=580,700", &format!("--screenshot={out}")])
            .arg(format!("file://{}", only.display()))
            .stderr(std::process::Stdio::null())
            .status()
            .unwrap();
        assert!(status.success());
    }
}

#[test]
fn show_gives_the_claim_in_full_and_the_rows_it_feeds() {
    let (code, out, _) = run(&["show", "kil-azerbaijan-mod-own-wounded"]);
    assert_eq!(code, 0);
    assert!(out.contains("et dix autres blessés"));
    assert!(out.contains("and ten others wounded"));
    assert!(out.contains("Azerbaijan · killed or wounded — a part of the derived sum 7 + 10 = 17; row verdict: conflict: 4.1× apart"), "{out}");
    // Revisions: the 49 was superseded by the 105.
    let (_, out, _) = run(&["show", "sep22-armenia-pm-killed-49", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["feeds"][0]["role"], "superseded by a later statement");
    assert_eq!(
        v["feeds"][0]["revisions"],
        "≥ 49 [2022-09-13] (this claim) → 105 [2022-09-14]"
    );
    Claims::new()
        .args(["show", "kil-armenia-own-kiled"])
        .fails(2)
        .stderr_snapshot("show_unknown_claim");
}

#[test]
fn stats_compare_adversary_claims_with_own_reports() {
    let (code, out, _) = run(&["stats", "--format", "json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let find = |id: &str| {
        v["sources"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["source"] == id)
            .unwrap()
            .clone()
    };
    let armenia = find("armenia");
    // Yerevan's 70 against Baku's own 7 + 10.
    assert_eq!(armenia["adversary_figures_compared"], 1);
    let r = armenia["ratios_to_adversary_own"][0].as_f64().unwrap();
    assert!((r - 70.0 / 17.0).abs() < 1e-9, "{r}");
    // One figure is no median.
    assert!(armenia["median_ratio_to_adversary_own"].is_null());
    let aze = find("azerbaijan-mod");
    assert_eq!(aze["events"], 3);
    // Baku's "hundreds" (14 July) is weighed against no Armenian figure: Armenia's
    // own counts stand at later moments (15 and 16 July), and a ratio compares
    // figures for the same moment.
    assert_eq!(aze["adversary_figures_compared"], 0);
    assert!(aze["median_ratio_to_adversary_own"].is_null());
    assert!(aze["conflicts"].as_u64().unwrap() >= 2);
}

#[test]
fn new_writes_a_template_that_checks_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_str().unwrap();
    let (code, out, err) = run(&["--data", d, "new", "shusha-2023"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("shusha-2023.toml"));
    let path = dir.path().join("shusha-2023.toml");
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains("id = \"shusha-2023\""));
    let (code, out, _) = run(&["check", d]);
    assert_eq!(code, 0, "the template passes check: {out}");
    fs::write(&path, "# my edits\n").unwrap();
    Claims::new()
        .data(d)
        .args(["new", "shusha-2023"])
        .fails(2)
        .stderr_has("already exists; refusing to overwrite");
    assert_eq!(fs::read_to_string(&path).unwrap(), "# my edits\n");
    Claims::new()
        .args(["new", "x-2024"])
        .fails(2)
        .stderr_snapshot("new_without_data");
}

fn toml_to_json(v: toml::Value) -> serde_json::Value {
    serde_json::to_value(v).unwrap()
}

#[test]
fn shipped_data_validates_against_the_schema() {
    let (code, out, _) = run(&["schema"]);
    assert_eq!(code, 0);
    let schema: serde_json::Value = serde_json::from_str(&out).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
    let mut n = 0;
    for entry in fs::read_dir(data).unwrap().flatten() {
        let p = entry.path();
        if p.extension().is_some_and(|e| e == "toml") {
            let v: toml::Value = toml::from_str(&fs::read_to_string(&p).unwrap()).unwrap();
            let json = toml_to_json(v);
            let errors: Vec<String> = validator
                .iter_errors(&json)
                .map(|e| e.to_string())
                .collect();
            assert!(errors.is_empty(), "{}: {errors:?}", p.display());
            n += 1;
        }
    }
    assert_eq!(n, 5);
    // And it catches what `check` catches in structure.
    let bad: toml::Value =
        toml::from_str(&fs::read_to_string(fixture("broken/unknown_field.toml")).unwrap()).unwrap();
    assert!(!validator.is_valid(&toml_to_json(bad)));
    let bad: toml::Value =
        toml::from_str(&fs::read_to_string(fixture("broken/negative_count.toml")).unwrap())
            .unwrap();
    assert!(!validator.is_valid(&toml_to_json(bad)));
}

#[test]
fn every_field_of_issue_12_checks_and_validates_against_the_schema() {
    let path = fixture("sources/every-new-field.toml");
    let (code, out, _) = run(&["check", &path]);
    assert_eq!(code, 0, "{out}");
    let (_, schema, _) = run(&["schema"]);
    let schema: serde_json::Value = serde_json::from_str(&schema).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let v: toml::Value = toml::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
    let json = toml_to_json(v);
    let errors: Vec<String> = validator
        .iter_errors(&json)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
}

#[test]
fn completions_and_man_page_come_from_the_same_definitions() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let (code, out, _) = run(&["completions", shell]);
        assert_eq!(code, 0, "{shell}");
        assert!(
            out.contains("compare") && out.contains("fail-on-conflict"),
            "{shell}"
        );
    }
    let (code, out, _) = run(&["man"]);
    assert_eq!(code, 0);
    assert!(
        out.starts_with(".ie") || out.contains(".TH claims"),
        "{}",
        &out[..80.min(out.len())]
    );
    assert!(out.contains("compare") && out.contains("report"));
}

#[test]
fn every_subcommand_help_has_examples() {
    for sub in [
        "compare",
        "list",
        "events",
        "sources",
        "check",
        "report",
        "show",
        "stats",
        "new",
        "schema",
        "completions",
        "man",
    ] {
        let (code, out, _) = run(&[sub, "--help"]);
        assert_eq!(code, 0, "{sub}");
        assert!(
            out.contains("Example"),
            "{sub} --help has no example:\n{out}"
        );
    }
}

/// Measures the rendered page in the browser: a copy of the report with a
/// script at the end of its body (the report itself allows none) writes what
/// it found into an attribute of the page around it, which `--dump-dom`
/// shows. The copy is shown in a frame of the width wanted: headless
/// Chromium's window is never narrower than 500 px.
const MEASURE: &str = r#"<script>
(function () {
  const svg = document.getElementById('figures-chart');
  const box = svg.getBoundingClientRect();
  const scale = box.width / svg.viewBox.baseVal.width;
  const small = [], outside = [];
  for (const t of svg.querySelectorAll('text')) {
    const b = t.getBoundingClientRect();
    const px = parseFloat(getComputedStyle(t).fontSize) * scale;
    if (px < 11) small.push(t.textContent + ' ' + px.toFixed(1) + 'px');
    if (b.left < box.left - 0.5 || b.right > box.right + 0.5 ||
        b.top < box.top - 0.5 || b.bottom > box.bottom + 0.5) outside.push(t.textContent);
  }
  const hidden = [...document.querySelectorAll('td[data-label=verdict]')]
    .filter(td => { const b = td.getBoundingClientRect(); return b.width === 0 || b.right > window.innerWidth; })
    .length;
  parent.document.body.setAttribute('data-measured', JSON.stringify({
    page: document.documentElement.scrollWidth, window: window.innerWidth,
    small: small, outside: outside, hiddenVerdicts: hidden }));
})();
</script>"#;

/// Headless Chromium with a profile of its own in `dir`.
fn headless(browser: &std::path::Path, dir: &std::path::Path) -> std::process::Command {
    let mut cmd = std::process::Command::new(browser);
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--hide-scrollbars",
    ])
    .arg(format!("--user-data-dir={}", dir.join("profile").display()));
    cmd
}

/// At 390 px (a phone) and 1280 px: no sideways scrolling of the page, no
/// chart text under 11 px, no chart label outside the chart, every verdict
/// on screen; and a screenshot of each.
#[test]
fn html_report_reads_on_a_phone_and_a_desktop() {
    let Some(browser) = chromium() else {
        assert!(std::env::var_os("CI").is_none(), "CI must have Chromium");
        eprintln!("SKIPPED: no Chromium here");
        return;
    };
    for event in ["kilisali-2021", "september-2022"] {
        let dir = tempfile::tempdir().unwrap();
        let (_, page, _) = run(&["report", event, "--format", "html"]);
        let csp = page
            .lines()
            .find(|l| l.contains("Content-Security-Policy"))
            .expect("the report forbids scripts")
            .to_string();
        let measured = page
            .replace(&csp, "")
            .replace("</body>", &format!("{MEASURE}</body>"));
        let srcdoc = measured.replace('&', "&amp;").replace('"', "&quot;");
        let html = dir.path().join("report.html");
        for width in [390, 1280] {
            let frame = format!(
                "<!DOCTYPE html><html><body style=\"margin:0\"><iframe style=\"width:{width}px;height:5000px;border:0\" srcdoc=\"{srcdoc}\"></iframe></body></html>"
            );
            fs::write(&html, frame).unwrap();
            let out = headless(&browser, dir.path())
                .arg(format!("--window-size={width},2000"))
                .arg("--dump-dom")
                .arg(format!("file://{}", html.display()))
                .stderr(std::process::Stdio::null())
                .output()
                .unwrap();
            let dom = String::from_utf8_lossy(&out.stdout);
            let json = dom
                .split("data-measured=\"")
                .nth(1)
                .and_then(|rest| rest.split('"').next())
                .expect("the measuring script ran")
                .replace("&quot;", "\"")
                .replace("&amp;", "&");
            let m: serde_json::Value = serde_json::from_str(&json).expect("measurements");
            eprintln!("{event} at {width}: {m}");
            assert!(
                m["page"].as_u64() <= m["window"].as_u64(),
                "{event} at {width}: the page scrolls sideways: {m}"
            );
            assert_eq!(m["small"], serde_json::json!([]), "{event} at {width}: {m}");
            assert_eq!(
                m["outside"],
                serde_json::json!([]),
                "{event} at {width}: {m}"
            );
            assert_eq!(m["hiddenVerdicts"], 0, "{event} at {width}: {m}");
            {
                let png = dir.path().join(format!("{event}-{width}.png"));
                let png = png.display();
                let shot = headless(&browser, dir.path())
                    .arg(format!("--window-size={},5000", width.max(500)))
                    .arg(format!("--screenshot={png}"))
                    .arg(format!("file://{}", html.display()))
                    .stderr(std::process::Stdio::null())
                    .status()
                    .unwrap();
                assert!(shot.success());
                // A real picture, at least as wide as the frame that holds the page.
                let bytes = fs::read(dir.path().join(format!("{event}-{width}.png")))
                    .expect("a screenshot");
                let drawn = bytes
                    .get(16..20)
                    .map_or(0, |w| u32::from_be_bytes([w[0], w[1], w[2], w[3]]));
                assert!(
                    bytes.starts_with(b"\x89PNG") && drawn >= width && bytes.len() > 20_000,
                    "{event} at {width}"
                );
            }
        }
    }
}

/// The research notes' wording was set as a blockquote like a document's
/// words; in every output it is now marked and never quoted.
#[test]
fn regression_a_paraphrase_is_never_presented_as_a_quote() {
    let mut text = event_file(&[
        claim(
            "own",
            "azerbaijan-mod",
            "2021-11-16",
            &fig("azerbaijan", "killed", "exact = 7"),
            "",
        ),
        claim(
            "enemy",
            "armenia-mod",
            "2021-11-16",
            &fig("azerbaijan", "killed", "exact = 70"),
            "",
        ),
    ]);
    text = text.replace(
        "quote = \"words of enemy\"",
        "paraphrase = \"the notes say seventy were killed\"",
    );
    let dir = folder(&[("test-event.toml", &text)]);
    let report = |format: &str| {
        Claims::new()
            .data(dir.path())
            .args(["report", "test-event", "--format", format])
            .fails(0)
            .stdout
    };
    let md = report("markdown");
    assert!(
        md.contains("  research notes: \"the notes say seventy were killed\"  "),
        "{md}"
    );
    assert!(
        md.contains("  > «words of own»"),
        "a quote stays a blockquote:\n{md}"
    );
    assert!(!md.contains("> research notes"), "{md}");
    let html = report("html");
    assert!(
        html.contains(
            "<p class=\"notes\">research notes: &quot;the notes say seventy were killed&quot;</p>"
        ),
        "{html}"
    );
    assert!(
        !html.contains("<blockquote lang=\"en\">research notes"),
        "{html}"
    );
    // The JSON of `compare` and the CSV of `list` say which is which.
    let json = compare_json(dir.path(), &[]).to_string();
    assert!(
        json.contains("\"quote_kind\":\"paraphrase\"")
            && json.contains("\"quote_kind\":\"verbatim\""),
        "{json}"
    );
    let csv = Claims::new()
        .data(dir.path())
        .args(["list", "--format", "csv"])
        .fails(0)
        .stdout;
    let header: Vec<&str> = csv.lines().next().unwrap_or("").split(',').collect();
    let at = header
        .iter()
        .position(|h| *h == "quote_kind")
        .expect("a quote_kind column");
    let kinds: Vec<&str> = csv
        .lines()
        .skip(1)
        .filter_map(|l| l.split(',').nth(at))
        .collect();
    assert!(
        kinds.contains(&"paraphrase") && kinds.contains(&"verbatim"),
        "{csv}"
    );
}

/// The HTML report (issue 24): the figures at a glance right after the
/// summary; a log axis without a "0" tick; a word that sets no size drawn
/// as a labelled mark, not a dot at 1; rows two voices share before
/// single-source ones; one short line per conflict in the summary.
#[test]
fn the_html_report_leads_with_the_picture_and_draws_words_as_words() {
    let claims = [
        claim(
            "own",
            "azerbaijan-mod",
            "2021-11-16",
            &fig("azerbaijan", "killed", "exact = 7"),
            "",
        ),
        claim(
            "adv",
            "armenia-mod",
            "2021-11-16",
            &fig("azerbaijan", "killed", "exact = 70"),
            "",
        ),
        claim(
            "vague",
            "armenia-mod",
            "2021-11-16",
            &fig("armenia", "wounded", "vague = \"significant\""),
            "",
        ),
        claim(
            "lone",
            "kremlin",
            "2021-11-16",
            &fig("armenia", "captured", "exact = 3"),
            "",
        ),
    ];
    let dir = folder(&[("test-event.toml", &event_file(&claims))]);
    let html = Claims::new()
        .data(dir.path())
        .args(["report", "test-event", "--format", "html"])
        .succeeds()
        .stdout;
    let at = |needle: &str| html.find(needle).unwrap_or_else(|| panic!("no {needle}"));
    assert!(
        at("Figures at a glance") < at("<h2>Conflicts"),
        "the picture comes first"
    );
    assert!(
        !html.contains(r#"text-anchor="start">0</text>"#),
        "no 0 on a log axis"
    );
    assert!(
        html.contains("no number given"),
        "a vague word is a labelled mark"
    );
    // Within the panel, the row two voices share comes before single-source ones.
    let svg = &html[at("<svg")..];
    let shared = svg.find("Azerbaijan · killed").expect("the shared row");
    let lone = svg
        .find("Armenia · captured")
        .expect("the single-source row");
    assert!(shared < lone, "shared rows first");
    let summary = &html[at("<ol class=\"summary\">")..];
    let item = summary.lines().nth(1).unwrap_or("");
    assert!(
        item.contains(">Azerbaijan · killed — 10.0× apart</a>"),
        "{item}"
    );
}

/// A document marked garbled: its quotes keep their words, marked [sic],
/// and reports show the reading first.
#[test]
fn a_garbled_document_s_quotes_are_marked_and_read_first() {
    let c = claim(
        "g",
        "armenia-mod",
        "2021-11-16",
        &fig("azerbaijan", "killed", "exact = 70"),
        "reading = \"seventy were killed\"\n",
    );
    let own = claim(
        "o",
        "azerbaijan-mod",
        "2021-11-16",
        &fig("azerbaijan", "killed", "exact = 7"),
        "",
    );
    let file = event_file(&[c, own]).replace(
        "language = \"en\"\n\n[[claim]]",
        "language = \"en\"\ngarbled = true\n\n[[claim]]",
    );
    assert!(file.contains("garbled = true"), "{file}");
    let dir = folder(&[("test-event.toml", &file)]);
    let md = Claims::new()
        .data(dir.path())
        .args(["report", "test-event"])
        .succeeds()
        .stdout;
    let reading = md
        .find("reading: seventy were killed")
        .expect("the reading");
    let quote = md
        .find(r"> «words of g» \[sic\]")
        .unwrap_or_else(|| panic!("the quote, marked:\n{md}"));
    assert!(reading < quote, "{md}");
}
