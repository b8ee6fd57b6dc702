//! `claims site OUT`: the pages it writes, every link among them, no request
//! to elsewhere, the as-of pages, the search (run in headless Chromium), the
//! pages' structure for screen readers and their layout on a phone and a
//! desktop.

mod common;
use common::*;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn site(data: Option<&Path>) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("dir");
    let out = dir.path().join("site");
    let mut run = Claims::new();
    if let Some(d) = data {
        run = run.data(d);
    }
    run.args(["site"])
        .arg_os(&out)
        .succeeds()
        .stdout_has("wrote");
    (dir, out)
}

fn pages(root: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("read").flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "html") {
                found.push(p);
            }
        }
    }
    found.sort();
    found
}

/// Every `name="…"` attribute value in a page, with the tag it is on.
fn attributes<'p>(page: &'p str, name: &str) -> Vec<(&'p str, &'p str)> {
    let needle = format!(" {name}=\"");
    let mut out = Vec::new();
    for (i, _) in page.match_indices(&needle) {
        let tag_start = page[..i].rfind('<').unwrap_or(0);
        let tag = page[tag_start + 1..i]
            .split_whitespace()
            .next()
            .unwrap_or("");
        let rest = &page[i + needle.len()..];
        let value = &rest[..rest.find('"').unwrap_or(0)];
        out.push((tag, value));
    }
    out
}

fn unescape(v: &str) -> String {
    v.replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
}

#[test]
fn every_internal_link_resolves_and_nothing_is_loaded_from_elsewhere() {
    let (_keep, out) = site(None);
    let all = pages(&out);
    assert!(all.len() > 100, "{} pages", all.len());
    let mut checked = 0;
    for page in &all {
        let text = std::fs::read_to_string(page).expect("page");
        assert!(text.len() < 1_000_000, "{} is over 1 MB", page.display());
        for (tag, src) in attributes(&text, "src") {
            assert!(
                !src.contains("://") && !src.starts_with("//"),
                "{}: <{tag} src={src}> loads from elsewhere",
                page.display()
            );
            let target = page.parent().expect("dir").join(unescape(src));
            assert!(target.exists(), "{}: {src} missing", page.display());
        }
        for (tag, href) in attributes(&text, "href") {
            let href = unescape(href);
            if href.starts_with("https://") || href.starts_with("http://") {
                // A link a reader may follow, never something the page loads.
                assert_eq!(tag, "a", "{}: <{tag} href={href}>", page.display());
                continue;
            }
            assert!(
                !href.contains("://") && !href.starts_with("//"),
                "{}: {href}",
                page.display()
            );
            let (file, fragment) = href.split_once('#').unwrap_or((&href, ""));
            let target = if file.is_empty() {
                page.clone()
            } else {
                page.parent().expect("dir").join(file)
            };
            assert!(
                target.is_file(),
                "{}: link to {href} resolves to nothing",
                page.display()
            );
            if !fragment.is_empty() && target.extension().is_some_and(|x| x == "html") {
                let there = std::fs::read_to_string(&target).expect("target");
                assert!(
                    there.contains(&format!("id=\"{fragment}\"")),
                    "{}: no #{fragment} in {href}",
                    page.display()
                );
            }
            checked += 1;
        }
        assert!(
            !text.contains("<iframe") && !text.contains("@import"),
            "{}",
            page.display()
        );
    }
    assert!(checked > 1000, "{checked} links");
}

#[test]
fn pages_are_structured_for_screen_readers_and_carry_the_data_they_come_from() {
    let (_keep, out) = site(None);
    for page in pages(&out) {
        let text = std::fs::read_to_string(&page).expect("page");
        let name = page.display();
        assert_eq!(text.matches("<h1").count(), 1, "{name}: one h1");
        assert!(
            text.contains("<main id=\"main\">") && text.contains("<nav aria-label=\"Site\">"),
            "{name}"
        );
        assert!(text.contains("<html lang=\"en\">"), "{name}");
        // Headings never skip a level.
        let mut last = 1;
        for (i, _) in text.match_indices("<h") {
            let Some(level) = text[i + 2..].chars().next().and_then(|c| c.to_digit(10)) else {
                continue;
            };
            assert!(level <= last + 1, "{name}: h{level} after h{last}");
            last = level;
        }
        // Every table has column headers; every picture says what it shows.
        assert_eq!(
            text.matches("<table").count(),
            text.matches("<table")
                .count()
                .min(text.matches("<th").count()),
            "{name}"
        );
        for (i, _) in text.match_indices("<svg") {
            let tag = &text[i..i + text[i..].find('>').unwrap_or(0)];
            assert!(
                tag.contains("role=\"img\"") && tag.contains("aria-label"),
                "{name}: {tag}"
            );
        }
        // The stamp: when, and which data.
        assert!(
            text.contains("Made on ") && text.contains(", data "),
            "{name}"
        );
    }
    let search = std::fs::read_to_string(out.join("search.html")).expect("search");
    for id in ["q", "event", "party", "metric", "verdict", "standing"] {
        assert!(
            search.contains(&format!("<label for=\"{id}\">")),
            "a label for {id}"
        );
    }
}

#[test]
fn the_folder_must_be_new_or_empty_and_nothing_is_written_over() {
    let dir = tempfile::tempdir().expect("dir");
    std::fs::write(dir.path().join("keep.txt"), "mine").expect("w");
    Claims::new()
        .args(["site"])
        .arg_os(dir.path())
        .fails(2)
        .stderr_has("not a new or empty folder");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("keep.txt")).expect("r"),
        "mine"
    );
    assert_eq!(std::fs::read_dir(dir.path()).expect("d").count(), 1);
    // A file in its place is no folder either.
    Claims::new()
        .args(["site"])
        .arg_os(dir.path().join("keep.txt"))
        .fails(2);
}

/// Baku's 50 comes a day after Yerevan's 5: the page as of the first day
/// shows one voice, and says the row is in conflict now.
fn two_days() -> tempfile::TempDir {
    let claims = [
        claim(
            "own-5",
            "armenia-mod",
            "2021-11-16",
            &fig("armenia", "killed", "exact = 5"),
            "english = \"five soldiers died in the artillery fire\"\n",
        ),
        claim(
            "adv-50",
            "azerbaijan-mod",
            "2021-11-17",
            &fig("armenia", "killed", "exact = 50"),
            "english = \"fifty enemy soldiers were destroyed\"\n",
        ),
    ];
    folder(&[("e.toml", &event_file(&claims))])
}

#[test]
fn each_statement_date_has_a_page_of_the_comparison_as_it_stood() {
    let data = two_days();
    let (_keep, out) = site(Some(data.path()));
    let event = std::fs::read_to_string(out.join("events/test-event.html")).expect("event page");
    assert!(
        event.contains("href=\"test-event/as-of-2021-11-16.html\""),
        "the control links each date"
    );
    assert!(event.contains("href=\"test-event/as-of-2021-11-17.html\""));
    let then = std::fs::read_to_string(out.join("events/test-event/as-of-2021-11-16.html"))
        .expect("as of");
    assert!(
        then.contains("(1 statement); 1 statement came later"),
        "{then}"
    );
    // Today's verdict, as `compare` gives it, beside the one that stood then.
    let today = compare_json(data.path(), &[]);
    let verdict = today["figures"][0]["verdict"]["verdict"]
        .as_str()
        .expect("verdict")
        .to_string();
    assert_ne!(verdict, "single-source");
    assert!(
        then.contains("Armenia · killed: single source then, "),
        "{then}"
    );
    assert!(
        then.contains("claims/adv-50.html"),
        "the later statement is listed"
    );
    assert!(!then.contains(">50<"), "Baku's 50 was not said yet");
    // On the shipped data: Kilisali before its second day had fewer statements.
    let (_k, shipped) = site(None);
    let early = std::fs::read_to_string(shipped.join("events/kilisali-2021/as-of-2021-11-16.html"))
        .expect("kilisali");
    assert!(early.contains("statements came later"), "{early}");
    assert!(early.contains("(2 statements)"), "{early}");
    assert!(early.contains("not yet a row then; CONFLICT"), "{early}");
}

#[test]
fn downloads_hold_the_records_of_the_formats() {
    let data = two_days();
    let (_keep, out) = site(Some(data.path()));
    let json: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(out.join("events/test-event.json")).expect("json"),
    )
    .expect("JSON");
    let cli = compare_json(data.path(), &[]);
    assert_eq!(json["figures"], cli["figures"]);
    let csv = std::fs::read_to_string(out.join("events/test-event.csv")).expect("csv");
    let long = Claims::new()
        .data(data.path())
        .args(["compare", "test-event", "--long", "--format", "csv"])
        .run();
    assert_eq!(csv, long.stdout);
    let claim: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(out.join("claims/adv-50.json")).expect("json"),
    )
    .expect("JSON");
    let show: serde_json::Value = serde_json::from_str(
        &Claims::new()
            .data(data.path())
            .args(["show", "adv-50", "--format", "json"])
            .succeeds()
            .stdout,
    )
    .expect("JSON");
    assert_eq!(claim, show);
}

fn chromium() -> Option<PathBuf> {
    [
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome",
    ]
    .iter()
    .map(PathBuf::from)
    .find(|p| p.exists())
}

fn browser(exe: &Path, profile: &Path) -> std::process::Command {
    let mut cmd = std::process::Command::new(exe);
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
    .stderr(std::process::Stdio::null());
    cmd
}

#[test]
fn search_finds_a_claim_by_a_word_of_its_english_with_a_filter() {
    let Some(exe) = chromium() else {
        assert!(std::env::var_os("CI").is_none(), "CI must have Chromium");
        eprintln!("SKIPPED: no Chromium here");
        return;
    };
    let data = two_days();
    let (keep, out) = site(Some(data.path()));
    let dom = |query: &str| {
        let o = browser(&exe, &keep.path().join("profile"))
            .arg("--dump-dom")
            .arg(format!(
                "file://{}?{query}",
                out.join("search.html").display()
            ))
            .output()
            .expect("chromium");
        String::from_utf8_lossy(&o.stdout).into_owned()
    };
    let found = dom("q=artillery&event=test-event");
    assert!(found.contains("claims/own-5.html"), "{found}");
    assert!(!found.contains("claims/adv-50.html"), "{found}");
    assert!(found.contains("1 result"), "{found}");
    // The filter narrows: no source of Azerbaijan said it.
    let none = dom("q=artillery&party=azerbaijan");
    assert!(
        !none.contains("claims/own-5.html") && none.contains("0 results"),
        "{none}"
    );
    let baku = dom("q=fifty&party=azerbaijan");
    assert!(baku.contains("claims/adv-50.html"), "{baku}");
}

/// The layout check: the page's width against the window's, and any link
/// or cell past the right edge.
const MEASURE: &str = r#"<script>
(function () {
  const past = [...document.querySelectorAll('a, td, th, p, li, dd, select, input')]
    .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)
    .map(e => e.tagName + ' ' + e.textContent.slice(0, 40));
  parent.document.body.setAttribute('data-measured', JSON.stringify({
    page: document.documentElement.scrollWidth, window: window.innerWidth, past: past }));
})();
</script>"#;

#[test]
fn pages_read_on_a_phone_and_a_desktop() {
    let Some(exe) = chromium() else {
        assert!(std::env::var_os("CI").is_none(), "CI must have Chromium");
        eprintln!("SKIPPED: no Chromium here");
        return;
    };
    let (keep, out) = site(None);
    let kinds = [
        "index.html",
        "search.html",
        "sources/index.html",
        "events/kilisali-2021.html",
        "events/kilisali-2021/as-of-2021-11-16.html",
        "claims/kil-armenia-enemy-killed-or-wounded.html",
        "sources/armenia-mod.html",
    ];
    let mut seen = BTreeSet::new();
    for kind in kinds {
        let page = std::fs::read_to_string(out.join(kind)).expect("page");
        let csp = page
            .lines()
            .find(|l| l.contains("Content-Security-Policy"))
            .unwrap_or("")
            .to_string();
        // In the measuring frame the stylesheet is inline: a frame made
        // from text has no address to find the site's files from.
        let css = std::fs::read_to_string(out.join("assets/site.css")).expect("css");
        let link = page
            .lines()
            .find(|l| l.contains("rel=\"stylesheet\""))
            .expect("a stylesheet")
            .to_string();
        let measured = page
            .replace(&link, &format!("<style>{css}</style>"))
            .replace(&csp, "")
            .replace("</body>", &format!("{MEASURE}</body>"));
        let srcdoc = measured.replace('&', "&amp;").replace('"', "&quot;");
        for width in [390, 1280] {
            let frame = keep.path().join("frame.html");
            std::fs::write(
                &frame,
                format!("<!DOCTYPE html><html><body style=\"margin:0\"><iframe style=\"width:{width}px;height:4000px;border:0\" srcdoc=\"{srcdoc}\"></iframe></body></html>"),
            )
            .expect("frame");
            let o = browser(&exe, &keep.path().join("profile"))
                .arg(format!("--window-size={width},2000"))
                .arg("--dump-dom")
                .arg(format!("file://{}", frame.display()))
                .output()
                .expect("chromium");
            let dom = String::from_utf8_lossy(&o.stdout);
            let json = dom
                .split("data-measured=\"")
                .nth(1)
                .and_then(|r| r.split('"').next())
                .expect("the measuring script ran")
                .replace("&quot;", "\"")
                .replace("&amp;", "&");
            let m: serde_json::Value = serde_json::from_str(&json).expect("measurements");
            assert!(
                m["page"].as_u64() <= m["window"].as_u64(),
                "{kind} at {width}: scrolls sideways: {m}"
            );
            assert_eq!(m["past"], serde_json::json!([]), "{kind} at {width}: {m}");
            seen.insert((kind, width));
            let png = keep.path().join(format!("shot-{width}.png"));
            let shot = browser(&exe, &keep.path().join("profile"))
                .arg(format!("--window-size={width},1600"))
                .arg(format!("--screenshot={}", png.display()))
                .arg(format!("file://{}", out.join(kind).display()))
                .status()
                .expect("chromium");
            assert!(shot.success());
            let bytes = std::fs::read(&png).expect("a screenshot");
            assert!(
                bytes.starts_with(b"\x89PNG") && bytes.len() > 10_000,
                "{kind} at {width}"
            );
        }
    }
    assert_eq!(seen.len(), kinds.len() * 2);
}

/// A title starting with `=` reached the site's `events.csv` raw, where
/// every other CSV of the tool defuses it (helper's attack).
#[test]
fn regression_the_index_csv_defuses_formulas() {
    let text = event_file(&[]).replace(
        "title = \"A clash written for a rule\"",
        "title = \"=HYPERLINK(\\\"http://x\\\",\\\"c\\\")\"",
    );
    let data = folder(&[("e.toml", &text)]);
    let (_keep, out) = site(Some(data.path()));
    let csv = std::fs::read_to_string(out.join("events.csv")).expect("csv");
    assert!(csv.contains("\"'=HYPERLINK("), "{csv}");
}

/// Statements dated only "by" a later day were listed as made later on
/// the as-of pages (helper's attack): they are apart, never "later".
#[test]
fn regression_a_statement_dated_by_a_later_day_is_not_called_later() {
    let claims = [
        claim(
            "own-5",
            "armenia-mod",
            "2021-11-16",
            &fig("armenia", "killed", "exact = 5"),
            "",
        ),
        claim(
            "adv-50",
            "azerbaijan-mod",
            "by 2021-11-17",
            &fig("armenia", "killed", "exact = 50"),
            "",
        ),
    ];
    let data = folder(&[("e.toml", &event_file(&claims))]);
    let (_keep, out) = site(Some(data.path()));
    let then = std::fs::read_to_string(out.join("events/test-event/as-of-2021-11-16.html"))
        .expect("as of");
    assert!(
        then.contains("0 statements came later; 1 statement not known to have been said by then"),
        "{then}"
    );
    assert!(!then.contains("<h2>Statements made later</h2>"), "{then}");
    assert!(
        then.contains("Statements dated too loosely to count by then"),
        "{then}"
    );
}

/// A source's one figure about the adversary showed its ratio as "—" on
/// its page, where `stats` gives "4.1× (1 figure)" (helper's attack).
#[test]
fn regression_a_source_page_gives_the_ratio_stats_gives() {
    let (_keep, out) = site(None);
    let page = std::fs::read_to_string(out.join("sources/armenia.html")).expect("page");
    let stats = output(&["stats", "--format", "json"]);
    let stats: serde_json::Value = serde_json::from_str(&stats).expect("JSON");
    let armenia = stats["sources"]
        .as_array()
        .expect("sources")
        .iter()
        .find(|s| s["source"] == "armenia")
        .expect("armenia");
    let n = armenia["ratios_to_adversary_own"]
        .as_array()
        .map_or(0, Vec::len);
    assert!(n >= 1, "{armenia}");
    assert!(
        page.contains("(1 figure)") || page.contains("figures)"),
        "{page}"
    );
}
