//! Hostile input, round three: hidden files through a document's text,
//! a hint that reads a file a quote at a time, work bounded per run rather
//! than per file, rows whose cost grew with the square of their statements,
//! half-written JSON, one file reached by several paths, file names that
//! are not UTF-8, a dumb terminal and a closed standard output.

mod common;
use common::*;
use std::fs;
use std::path::Path;

const SECRET: &str = "ghp_SECRETSECRETSECRET1234567890";

const HEAD: &str = "[event]\nid = \"test-event\"\ntitle = \"t\"\ndate = \"2021-11-16\"\nplace = \"p\"\nsummary = \"s\"\nsides = [\"armenia\", \"azerbaijan\"]\n";

fn document(id: &str, text: &str) -> String {
    format!("\n[[document]]\nid = \"{id}\"\noutlet = \"o\"\nlanguage = \"en\"\ntext = \"{text}\"\n")
}

fn quoted(id: &str, doc: &str, quote: &str) -> String {
    format!(
        "\n[[claim]]\nid = \"{id}\"\nsource = \"armenia-mod\"\nsaid = \"2021-11-16\"\nvia = \"statement\"\n\
         document = \"{doc}\"\nquote = \"{quote}\"\nlanguage = \"en\"\n{}\n",
        fig("armenia", "killed", "exact = 5")
    )
}

/// An event whose one claim quotes `quote` from a document whose text is
/// `text`, as `ev.toml` in `dir`.
fn write_quoting(dir: &Path, text: &str, quote: &str) {
    let event = format!(
        "{HEAD}{}{}",
        document("doc", text),
        quoted("c", "doc", quote)
    );
    write(dir, "ev.toml", &event);
}

/// `claims check DIR`.
fn check_dir(dir: &Path) -> Claims {
    Claims::new().args(["check", &dir.display().to_string()])
}

fn write(dir: &Path, rel: &str, text: &str) {
    let path = dir.join(rel);
    fs::create_dir_all(path.parent().expect("a parent")).expect("a folder");
    fs::write(path, text).expect("written");
}

#[cfg(unix)]
#[test]
fn regression_a_document_text_never_reads_a_hidden_file_or_a_non_text() {
    let dir = tempfile::tempdir().expect("a folder");
    let d = dir.path();
    let secret = format!("TOKEN={SECRET}\n");
    write(d, ".env", &secret);
    write(d, ".git/config", &secret);
    write(d, ".hidden/notes.txt", &secret);
    write(d, "key.pem", &secret);
    std::os::unix::fs::symlink(".env", d.join("doc.txt")).expect("a link");
    let texts = [
        ".env",
        ".git/config",
        "sub/../.git/config",
        ".hidden/notes.txt",
        "key.pem",
        "doc.txt",
    ];
    let mut event = HEAD.to_string();
    for (i, t) in texts.iter().enumerate() {
        event.push_str(&document(&format!("d{i}"), t));
        // Each quote matches the secret's opening, the way an attacker
        // would read a file a few characters at a time.
        event.push_str(&quoted(
            &format!("c{i}"),
            &format!("d{i}"),
            "TOKEN=ghp_SECRETXX",
        ));
    }
    write(d, "ev.toml", &event);
    let out = check_dir(d).fails(2);
    for t in texts {
        assert!(
            out.stdout.contains(&format!("`{t}` is hidden"))
                || out
                    .stdout
                    .contains(&format!("`{t}` is not a document text"))
                || out
                    .stdout
                    .contains(&format!("`{t}` leads to a file that is hidden")),
            "{t} not refused:\n{}",
            out.stdout
        );
    }
    let loaded = Claims::new()
        .data(d)
        .args(["compare", "test-event"])
        .fails(2);
    for o in [&out.stdout, &out.stderr, &loaded.stdout, &loaded.stderr] {
        assert!(!o.contains("SECRETSECRET"), "the secret leaked:\n{o}");
    }
}

#[test]
fn regression_the_nearest_passage_stops_a_few_characters_past_the_match() {
    let dir = tempfile::tempdir().expect("a folder");
    let d = dir.path();
    write(
        d,
        "doc.txt",
        "Alpha bravo charlie delta echo foxtrot golf hotel india.",
    );
    write_quoting(d, "doc.txt", "Alpha bravo charlie delta XRAY");
    let out = check_dir(d).fails(2);
    assert!(out.stdout.contains("then «echo f…»"), "{}", out.stdout);
    assert!(!out.stdout.contains("foxtrot"), "{}", out.stdout);
}

/// Eight files of 30 wrong quotes each against one text cost 240 hints
/// before; now one budget serves the run, spent in file order.
#[test]
fn regression_hints_are_paid_from_one_budget_per_run_in_file_order() {
    let dir = tempfile::tempdir().expect("a folder");
    let d = dir.path();
    let text = "The ministry said that seven soldiers were killed at the border post. ".repeat(50);
    write(d, "doc.txt", &text);
    write(d, "docs.toml", &document("doc", "doc.txt"));
    for f in 0..8 {
        let mut t = if f == 0 {
            HEAD.to_string()
        } else {
            String::new()
        };
        for q in 0..30 {
            let mut c = quoted(
                &format!("c{f}-{q}"),
                "doc",
                "The Ministry said that seven soldiers",
            );
            if f > 0 {
                c = c.replace("source =", "event = \"test-event\"\nsource =");
            }
            t.push_str(&c);
        }
        write(d, &format!("f{f}.toml"), &t);
    }
    let run = || check_dir(d).fails(2).stdout;
    let out = run();
    let problems = out.matches("error[quote-not-found]").count();
    let hints = out.matches("the document has «").count();
    assert_eq!(problems, 240, "{out}");
    assert_eq!(hints, 100, "{out}");
    // The same problems get the hints whichever worker finishes first.
    assert_eq!(run(), out);
}

/// Thirty files of ten type errors each: every file's first error, and
/// others while the run's budget lasts (100), not 100 per file.
#[test]
fn regression_the_every_error_reparse_is_one_budget_per_run() {
    let dir = tempfile::tempdir().expect("a folder");
    let d = dir.path();
    write(d, "ev.toml", HEAD);
    for f in 0..30 {
        let mut t = String::new();
        for q in 0..10 {
            let c = claim(
                &format!("c{f}-{q}"),
                "armenia-mod",
                "2021-11-16",
                &fig("armenia", "killed", "exact = 5"),
                "hedged = \"yes\"\n",
            );
            t.push_str(&c.replace("source =", "event = \"test-event\"\nsource ="));
            t.push('\n');
        }
        write(d, &format!("f{f:02}.toml"), &t);
    }
    let out = check_dir(d).fails(2).stdout;
    let errors = out.matches("error[wrong-type]").count();
    assert_eq!(errors, 30 + 100, "{out}");
}

/// A voice's earlier figures were copied into each of its current ones the
/// data cannot order: output and memory grew with their product.
#[test]
fn regression_a_voices_earlier_figures_are_listed_once_in_its_cell() {
    let mut claims = Vec::new();
    for (i, day) in ["2021-11-16", "2021-11-17"].iter().enumerate() {
        claims.push(claim(
            &format!("old{i}"),
            "armenia-mod",
            day,
            &fig("armenia", "killed", &format!("exact = {}", i + 1)),
            "",
        ));
    }
    for i in 0..3 {
        claims.push(claim(
            &format!("now{i}"),
            "armenia-mod",
            "2021-11-20",
            &fig("armenia", "killed", &format!("exact = {}", 10 + i)),
            "",
        ));
    }
    let dir = folder(&[("ev.toml", &event_file(&claims))]);
    let v = compare_json(dir.path(), &[]);
    let row = figure_row(&v, "armenia", "killed");
    let cell = row["cells"]["armenia-mod"]
        .as_array()
        .expect("a cell of entries");
    assert_eq!(cell.len(), 3, "{row}");
    let earlier: Vec<usize> = cell
        .iter()
        .map(|e| e["earlier"].as_array().map_or(0, Vec::len))
        .collect();
    assert_eq!(earlier, vec![2, 0, 0], "{row}");
}

/// One figure repeated in 300 statements a voice cannot order weighs as one
/// against another voice: the same verdict, the same pair named.
#[test]
fn a_figure_repeated_by_one_voice_weighs_as_once() {
    let verdict = |repeats: usize| {
        let mut claims: Vec<String> = (0..repeats)
            .map(|i| {
                claim(
                    &format!("a{i}"),
                    "armenia-mod",
                    "2021-11-16",
                    &fig("armenia", "killed", "exact = 5"),
                    "",
                )
            })
            .collect();
        claims.push(claim(
            "b",
            "azerbaijan-mod",
            "2021-11-16",
            &fig("armenia", "killed", "exact = 50"),
            "",
        ));
        let dir = folder(&[("ev.toml", &event_file(&claims))]);
        let v = compare_json(dir.path(), &[]);
        let row = figure_row(&v, "armenia", "killed");
        row["verdict"].clone()
    };
    let once = verdict(1);
    assert_eq!(once["verdict"], "conflict", "{once}");
    assert_eq!(once["ratio"], 10.0, "{once}");
    assert_eq!(verdict(300), once);
}

#[test]
fn regression_a_json_listing_is_never_half_written() {
    let out = Claims::new()
        .args(["list", "--party", "nobody", "--format", "json"])
        .fails(2);
    assert!(out.stdout.is_empty(), "{}", out.stdout);
    assert!(
        out.stderr.contains("unknown party `nobody`"),
        "{}",
        out.stderr
    );
    // Streamed (`--sort file`), rows of a known id may be out already:
    // the document is whole and says it is not complete.
    let out = Claims::new()
        .args([
            "list",
            "--party",
            "armenia,nobody",
            "--format",
            "json",
            "--sort",
            "file",
        ])
        .fails(2);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).expect("a whole JSON document");
    assert_eq!(v["complete"], false);
}

#[cfg(unix)]
#[test]
fn regression_one_file_is_read_once_however_it_is_reached() {
    let dir = tempfile::tempdir().expect("a folder");
    let d = dir.path();
    let event = event_file(&[claim(
        "c",
        "armenia-mod",
        "2021-11-16",
        &fig("armenia", "killed", "exact = 5"),
        "",
    )]);
    write(d, "ev.toml", &event);
    fs::create_dir(d.join("sub")).expect("a folder");
    fs::hard_link(d.join("ev.toml"), d.join("hard.toml")).expect("a hard link");
    std::os::unix::fs::symlink("ev.toml", d.join("soft.toml")).expect("a link");
    let root = d.display().to_string();
    let paths = [
        root.clone(),
        format!("{root}/ev.toml"),
        format!("{root}/./ev.toml"),
        format!("{root}/sub/../ev.toml"),
    ];
    let out = Claims::new().args(["check"]).args(&paths).succeeds();
    assert!(!out.stdout.contains("duplicate"), "{}", out.stdout);
    assert!(out.stdout.contains("1 event"), "{}", out.stdout);
}

#[cfg(target_os = "linux")]
#[test]
fn regression_a_data_file_whose_name_is_not_utf8_is_refused_not_skipped() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().expect("a folder");
    let name = std::ffi::OsStr::from_bytes(b"bad\xff.toml");
    let event = event_file(&[claim(
        "c",
        "armenia-mod",
        "2021-11-16",
        &fig("armenia", "killed", "exact = 5"),
        "",
    )]);
    fs::write(dir.path().join(name), event).expect("written");
    let out = check_dir(dir.path()).fails(2);
    assert!(
        out.stdout.contains("the file name is not valid UTF-8"),
        "{}",
        out.stdout
    );
}

#[cfg(unix)]
#[test]
fn regression_a_closed_standard_output_is_an_error() {
    for (args, redirect, code) in [
        ("compare kilisali-2021", ">&-", 2),
        ("compare kilisali-2021", "> /dev/null", 0),
        ("--version", ">&-", 2),
        ("--help", ">&-", 2),
        ("compare --help", ">&-", 2),
    ] {
        let (status, err) = in_shell(&format!("{args} {redirect}"));
        assert_eq!(status, Some(code), "{args} {redirect}: {err}");
        assert_eq!(
            err.contains("standard output is closed"),
            code == 2,
            "{err}"
        );
    }
}

/// `claims ARGS` run by `sh -c`, for redirections: (exit status, stderr).
#[cfg(unix)]
fn in_shell(args: &str) -> (Option<i32>, String) {
    let bin = assert_cmd::cargo::cargo_bin("claims");
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("'{}' {args}", bin.display()))
        .env("CLAIMS_NO_CACHE", "1")
        .env_remove("CLAIMS_DATA")
        .output()
        .expect("sh runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_data_file_past_the_size_limit_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().expect("a folder");
    let f = fs::File::create(dir.path().join("big.toml")).expect("created");
    f.set_len(9 * 1024 * 1024).expect("sparse");
    let out = check_dir(dir.path()).fails(2);
    assert!(out.stdout.contains("the limit is 8 MiB"), "{}", out.stdout);
}

/// Every spelling TOML allows for one string names one id: a duplicate in
/// another spelling is a duplicate, and a reference in any spelling resolves.
#[test]
fn regression_ids_compare_as_toml_parses_them_in_every_spelling() {
    let spellings: [fn(&str) -> String; 5] = [
        |s| format!("\"{s}\""),
        |s| format!("'{s}'"),
        |s| format!("\"\"\"{s}\"\"\""),
        |s| format!("'''{s}'''"),
        |s| {
            s.chars()
                .map(|c| format!("\\u{:04X}", c as u32))
                .collect::<String>()
                .pipe_quoted()
        },
    ];
    for (i, spell) in spellings.iter().enumerate() {
        let event = format!(
            "[event]\nid = {}\ntitle = \"t\"\ndate = \"2021-11-16\"\nplace = \"p\"\nsummary = \"s\"\nsides = [{}, \"azerbaijan\"]\n\n\
             [[document]]\nid = {}\noutlet = \"o\"\nlanguage = \"en\"\n\n\
             [[claim]]\nid = \"c1\"\nsource = {}\nsaid = \"2021-11-16\"\nvia = \"statement\"\ndocument = {}\nquote = \"q\"\nlanguage = \"en\"\n\
             figure = {{ party = {}, metric = {}, exact = 5 }}\n\n\
             [[claim]]\nid = {}\nsource = \"azerbaijan-mod\"\nsaid = \"2021-11-16\"\nvia = \"statement\"\ndocument = \"doc\"\nquote = \"q\"\nlanguage = \"en\"\n\
             figure = {{ party = \"armenia\", metric = \"killed\", exact = 50 }}\n",
            spell("ev"),
            spell("armenia"),
            spell("doc"),
            spell("armenia-mod"),
            spell("doc"),
            spell("armenia"),
            spell("killed"),
            spell("c1"),
        );
        let dir = folder(&[("ev.toml", &event)]);
        let out = check_dir(dir.path()).fails(2);
        // The only problem: claim `c1` twice, in two spellings.
        assert!(
            out.stdout.contains("duplicate claim id `c1`"),
            "spelling {i}:\n{}",
            out.stdout
        );
        assert!(
            out.stdout.starts_with("error[duplicate-id]") && out.stdout.contains("1 problem"),
            "spelling {i}:\n{}",
            out.stdout
        );
    }
}

trait PipeQuoted {
    fn pipe_quoted(self) -> String;
}

impl PipeQuoted for String {
    fn pipe_quoted(self) -> String {
        format!("\"{self}\"")
    }
}

#[test]
fn a_paraphrase_is_never_checked_as_a_verbatim_quote() {
    let dir = tempfile::tempdir().expect("a folder");
    let d = dir.path();
    write(d, "doc.txt", "The ministry's statement in its own words.");
    let mut event = format!("{HEAD}{}", document("doc", "doc.txt"));
    event.push_str(&quoted("c", "doc", "x").replace(
        "quote = \"x\"",
        "paraphrase = \"The notes say seven were killed.\"",
    ));
    write(d, "ev.toml", &event);
    check_dir(d).succeeds();
    // A verbatim quote of the same words is checked, and refused.
    let event = event.replace("paraphrase =", "quote =");
    write(d, "ev.toml", &event);
    let out = check_dir(d).fails(2);
    assert!(out.stdout.contains("not found verbatim"), "{}", out.stdout);
}

#[test]
fn a_hint_suggests_only_an_id_that_is_itself_valid_and_a_long_id_is_clipped() {
    let long = "Z".repeat(5000);
    for (id, suggested) in [
        ("Armenia MOD!", Some("armenia-mod")),
        ("__", None),
        (long.as_str(), None),
    ] {
        let text = event_file(&[claim(
            id,
            "armenia-mod",
            "2021-11-16",
            &fig("armenia", "killed", "exact = 5"),
            "",
        )]);
        let dir = folder(&[("ev.toml", &text)]);
        let out = check_dir(dir.path()).fails(2);
        let line = out
            .stdout
            .lines()
            .find(|l| l.contains("is not kebab-case"))
            .unwrap_or_default();
        assert!(line.chars().count() < 200, "{line}");
        let hint = out
            .stdout
            .lines()
            .find(|l| l.contains("hint: ids are"))
            .unwrap_or_default();
        match suggested {
            Some(s) => assert!(hint.contains(&format!("such as `{s}`")), "{hint}"),
            None => assert!(!hint.contains("such as"), "{hint}"),
        }
    }
    let out = Claims::new().args(["compare", &long]).fails(2);
    assert!(
        out.stderr.lines().all(|l| l.chars().count() < 300),
        "{}",
        out.stderr
    );
}

#[test]
fn regression_dates_offer_only_forms_that_work() {
    let out = Claims::new()
        .args(["compare", "kilisali-2021", "--as-of", "by 2021-11-16"])
        .fails(2);
    assert!(
        !out.stderr.contains("span") && !out.stderr.contains("by DATE"),
        "{}",
        out.stderr
    );
    // A span from a time to the end of that day means what it says.
    let c = claim(
        "c",
        "armenia-mod",
        "2021-11-16T10:00/2021-11-16",
        &fig("armenia", "killed", "exact = 5"),
        "",
    );
    let dir = folder(&[("ev.toml", &event_file(&[c]))]);
    check_dir(dir.path()).succeeds();
}

#[cfg(unix)]
#[test]
fn init_and_man_refuse_a_link_and_a_file() {
    let dir = tempfile::tempdir().expect("a folder");
    let d = dir.path();
    fs::create_dir(d.join("real")).expect("a folder");
    std::os::unix::fs::symlink("real", d.join("link")).expect("a link");
    write(d, "file", "x");
    for args in [["init", "link"].as_slice(), &["man", "--dir", "link"]] {
        let out = Claims::new().current_dir(d).args(args).fails(2);
        assert!(out.stderr.contains("is a link"), "{args:?}: {}", out.stderr);
    }
    for args in [["init", "file"].as_slice(), &["man", "--dir", "file"]] {
        let out = Claims::new().current_dir(d).args(args).fails(2);
        assert!(
            out.stderr.contains("is not a folder"),
            "{args:?}: {}",
            out.stderr
        );
    }
    assert_eq!(fs::read_dir(d.join("real")).expect("listed").count(), 0);
    // A new folder is made whole, with nothing left beside it.
    Claims::new()
        .current_dir(d)
        .args(["init", "new/data"])
        .succeeds();
    assert!(d.join("new/data/CONTRIBUTING.md").exists());
    assert_eq!(fs::read_dir(d.join("new")).expect("listed").count(), 1);
}

#[test]
fn regression_import_names_the_sheet_safely_and_refuses_a_document_given_twice() {
    let dir = tempfile::tempdir().expect("a folder");
    let d = dir.path();
    let template = Claims::new()
        .args(["import", "--template"])
        .succeeds()
        .stdout;
    // A sheet whose name holds a line break: the name stays in the comment.
    let name = "sheet\nid = \"injected\".csv";
    let sheet = template.replace("my-event,", "kilisali-2021,").replace(
        "started-fighting,azerbaijan,2024-05-01T06:30",
        "started-fighting,azerbaijan,",
    );
    let rows: Vec<&str> = sheet.lines().take(2).collect();
    write(d, name, &(rows.join("\n") + "\n"));
    let out = Claims::new()
        .current_dir(d)
        .args(["import", name])
        .succeeds();
    let first = out.stdout.lines().next().unwrap_or_default();
    assert!(
        first.starts_with("# Imported") && first.contains("sheet\\nid"),
        "{}",
        out.stdout
    );
    assert!(
        !out.stdout.contains("\nid = \"injected\""),
        "{}",
        out.stdout
    );
    // One document, two outlets: refused at the row and column, not settled by row order.
    let mut lines: Vec<String> = rows.iter().map(|r| r.to_string()).collect();
    lines.push(
        lines[1]
            .replace("my-event-mod-killed", "second-claim")
            .replace("My outlet", "Another outlet"),
    );
    write(d, "two.csv", &(lines.join("\n") + "\n"));
    let out = Claims::new()
        .current_dir(d)
        .args(["import", "two.csv"])
        .fails(2);
    assert!(
        out.stderr.contains("row 3, column `outlet`"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("row 2 gives document"),
        "{}",
        out.stderr
    );
}

#[test]
fn import_reads_a_sheet_no_larger_than_a_data_file() {
    let dir = tempfile::tempdir().expect("a folder");
    let f = fs::File::create(dir.path().join("big.csv")).expect("created");
    f.set_len(9 * 1024 * 1024).expect("sparse");
    let out = Claims::new()
        .current_dir(dir.path())
        .args(["import", "big.csv"])
        .fails(2);
    assert!(out.stderr.contains("file too large"), "{}", out.stderr);
}

/// `--to NAME`, a bare file name: a document's text is found beside it.
#[test]
fn regression_import_to_a_bare_name_finds_texts_beside_it() {
    let dir = tempfile::tempdir().expect("a folder");
    let d = dir.path();
    write(d, "article.txt", "Three servicemen were killed.");
    let template = Claims::new()
        .args(["import", "--template"])
        .succeeds()
        .stdout;
    let rows: Vec<&str> = template.lines().take(2).collect();
    let header = format!("{},document_text", rows[0]);
    let row = format!(
        "{},article.txt",
        rows[1].replace("my-event,", "kilisali-2021,")
    );
    write(d, "s.csv", &format!("{header}\n{row}\n"));
    let out = Claims::new()
        .current_dir(d)
        .args(["import", "s.csv", "--to", "new.toml"])
        .run();
    assert!(
        !out.stderr.contains("document text not read"),
        "{}",
        out.stderr
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
}

/// A hard link has no "where it leads": a text with other names may be a
/// secret outside the folder, so it is not read.
#[cfg(unix)]
#[test]
fn regression_a_hard_linked_text_is_not_read() {
    let top = tempfile::tempdir().expect("a folder");
    let d = top.path().join("data");
    write(top.path(), "secret.txt", &format!("TOKEN={SECRET}"));
    fs::create_dir_all(d.join("docs")).expect("a folder");
    fs::hard_link(top.path().join("secret.txt"), d.join("docs/hard.txt")).expect("a hard link");
    write_quoting(&d, "docs/hard.txt", "TOKEN=ghp_SECRETXX");
    let out = check_dir(&d).fails(2);
    assert!(
        out.stdout.contains("has other names (a hard link)"),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains("SECRETSECRET"), "{}", out.stdout);
}

/// A link that leads nowhere said "no such file", telling that a path
/// outside the folder does not exist.
#[cfg(unix)]
#[test]
fn regression_a_dangling_link_says_nothing_of_its_target() {
    let dir = tempfile::tempdir().expect("a folder");
    let d = dir.path();
    std::os::unix::fs::symlink("/nonexistent/x.txt", d.join("gone.txt")).expect("a link");
    write_quoting(d, "gone.txt", "q");
    let out = check_dir(d).fails(2);
    assert!(
        out.stdout.contains("`gone.txt` is outside the data folder"),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains("no such file"), "{}", out.stdout);
}

/// Of one file's names, the one nearest the top is read: a hard-linked
/// copy in a subfolder sorted first and its texts were looked for there.
#[cfg(unix)]
#[test]
fn regression_a_hard_linked_copy_deeper_down_is_not_the_one_read() {
    let dir = tempfile::tempdir().expect("a folder");
    let d = dir.path();
    write(d, "docs/a.txt", "Seven soldiers were killed.");
    write_quoting(d, "docs/a.txt", "Seven soldiers were killed.");
    fs::create_dir(d.join("a")).expect("a folder");
    fs::hard_link(d.join("ev.toml"), d.join("a/copy.toml")).expect("a hard link");
    let out = check_dir(d).succeeds();
    assert!(out.stdout.contains("1 event"), "{}", out.stdout);
}

#[cfg(target_os = "linux")]
#[test]
fn regression_a_file_named_in_non_utf8_on_the_command_line_is_refused() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().expect("a folder");
    let path = dir.path().join(std::ffi::OsStr::from_bytes(b"k\xff.toml"));
    fs::write(&path, event_file(&[])).expect("written");
    let text = Claims::new().args(["check"]).arg_os(&path).fails(2).stdout;
    assert!(text.contains("not valid UTF-8"), "{text}");
}

#[cfg(unix)]
#[test]
fn regression_man_and_init_through_a_link_with_a_trailing_dot_are_refused() {
    let dir = tempfile::tempdir().expect("a folder");
    let d = dir.path();
    fs::create_dir(d.join("real")).expect("a folder");
    std::os::unix::fs::symlink("real", d.join("link")).expect("a link");
    for args in [
        ["man", "--dir", "link/."],
        ["man", "--dir", "link/"],
        ["init", "link/.", ""],
        ["init", "link/", ""],
    ] {
        let args: Vec<&str> = args.into_iter().filter(|a| !a.is_empty()).collect();
        let out = Claims::new().current_dir(d).args(&args).fails(2);
        assert!(out.stderr.contains("is a link"), "{args:?}: {}", out.stderr);
    }
    assert_eq!(fs::read_dir(d.join("real")).expect("listed").count(), 0);
}
