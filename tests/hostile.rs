//! Hostile input and honest output: the toml-test corpus, hostile quotes,
//! strange files and folders, and data files left untouched.

mod common;
use common::*;
use std::fs;
use std::path::Path;

fn data_dir_with(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in files {
        let path = dir.path().join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, bytes).unwrap();
    }
    dir
}

fn toml_files(root: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for e in fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "toml") {
                out.push(p.display().to_string());
            }
        }
    }
    out.sort();
    out
}

#[test]
fn toml_test_invalid_files_are_all_rejected_with_a_position() {
    let root = fixture("toml-test/invalid");
    let files = toml_files(Path::new(&root));
    assert_eq!(files.len(), 509);
    let o = Claims::new().args(["check", &root]).fails(2);
    let (out, err) = (o.stdout, o.stderr);
    assert!(!err.contains("panicked"), "{err}");
    for f in &files {
        // rustc's layout: `--> path:line:column` under the message.
        let at = format!("--> {f}:");
        let line = out
            .lines()
            .find(|l| l.trim_start().starts_with(&at))
            .unwrap_or_else(|| panic!("{f} was not rejected"));
        let rest = &line.trim_start()[at.len()..];
        let mut parts = rest.splitn(2, ':');
        let ln: usize = parts
            .next()
            .unwrap()
            .parse()
            .unwrap_or_else(|_| panic!("no line in {line}"));
        let col: usize = parts
            .next()
            .unwrap()
            .parse()
            .unwrap_or_else(|_| panic!("no column in {line}"));
        assert!(ln >= 1 && col >= 1, "{line}");
    }
}

#[test]
fn toml_test_valid_files_are_accepted_or_schema_errors() {
    let root = fixture("toml-test/valid");
    let files = toml_files(Path::new(&root));
    assert_eq!(files.len(), 268);
    let (code, out, err) = run(&["check", "--format", "json", &root]);
    assert!(code == 0 || code == 2);
    assert!(err.is_empty(), "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    for d in v["diagnostics"].as_array().unwrap() {
        // Valid TOML: nothing may be reported as a syntax problem.
        let msg = d["message"].as_str().unwrap();
        assert!(
            msg.contains("unknown field")
                || msg.contains("invalid type")
                || msg.contains("missing field")
                || msg.contains("unknown variant")
                || msg.contains("is not a value")
                || msg.contains("not kebab-case")
                || msg.contains("invalid length")
                || msg.contains("belongs to no event")
                || msg.contains("unknown "),
            "{}: {msg}",
            d["path"]
        );
    }
}

fn hostile_dir() -> tempfile::TempDir {
    let text = fs::read(fixture("hostile/hostile.toml")).unwrap();
    data_dir_with(&[("hostile.toml", &text)])
}

const RAW: [&str; 6] = ["\x1b", "\x07", "\r", "\u{202e}", "\u{200b}", "\u{202c}"];

#[test]
fn hostile_quotes_never_reach_the_terminal_raw() {
    let dir = hostile_dir();
    let d = dir.path().to_str().unwrap();
    for args in [
        vec!["--data", d, "compare", "hostile"],
        vec!["--data", d, "compare", "hostile", "--format", "markdown"],
        vec!["--data", d, "list"],
        vec!["--data", d, "list", "--format", "markdown"],
        vec!["--data", d, "events"],
    ] {
        let (code, out, _) = run(&args);
        assert_eq!(code, 0, "{args:?}");
        for raw in RAW {
            assert!(!out.contains(raw), "{args:?} let {raw:?} through:\n{out}");
        }
    }
    let (_, out, _) = run(&["--data", d, "compare", "hostile"]);
    assert!(out.contains("Hostile \\x1b[2J title"), "{out}");
    assert!(
        out.contains("clipboard \\x1b]52;c;ZXZpbA==\\x07 bell and \\r carriage return"),
        "{out}"
    );
    let (_, out, _) = run(&["--data", d, "list"]);
    assert!(
        out.contains("seven \\u{202e}dellik\\u{202c} and zero\\u{200b}width"),
        "{out}"
    );
}

#[test]
fn hostile_text_in_error_messages_is_escaped() {
    let dir = data_dir_with(&[(
        "bad.toml",
        b"[[source]]\nid = \"evil\\u001b]52;c;ZXZpbA==\\u0007\"\nname = \"x\"\nkind = \"ministry\"\n",
    )]);
    let out = Claims::new()
        .args(["check", dir.path().to_str().unwrap()])
        .fails(2)
        .stdout;
    assert!(!out.contains('\x1b') && !out.contains('\x07'), "{out}");
    assert!(out.contains("evil\\x1b]52;c;ZXZpbA==\\x07"), "{out}");

    let err = Claims::new()
        .args(["list", "--source", "x\x1b[31mred"])
        .fails(2)
        .stderr;
    assert!(
        !err.contains('\x1b') && err.contains("x\\x1b[31mred"),
        "{err}"
    );
}

#[test]
fn csv_cells_are_defused_against_formulas_unless_raw_is_asked() {
    let dir = hostile_dir();
    let d = dir.path().to_str().unwrap();
    let (_, out, _) = run(&["--data", d, "list", "--format", "csv"]);
    let mut r = csv::Reader::from_reader(out.as_bytes());
    let rows: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
    let formula = rows.iter().find(|x| &x[8] == "formula").unwrap();
    assert_eq!(
        &formula[7],
        "'=HYPERLINK(\"http://evil.example\",\"click\")"
    );
    // Into a pipe the text stays exact apart from the defusing.
    let osc = rows.iter().find(|x| &x[8] == "osc52").unwrap();
    assert!(osc[7].contains('\x1b'));

    let (_, out, _) = run(&["--data", d, "list", "--format", "tsv", "--raw-cells"]);
    // TSV keeps the text exact: no CSV quoting (issue 13).
    assert!(
        out.contains("\t=HYPERLINK(\"http://evil.example\",\"click\")\t"),
        "{out}"
    );
}

#[test]
fn markdown_cells_cannot_break_the_table_or_inject_html() {
    let dir = hostile_dir();
    let (_, out, _) = run(&[
        "--data",
        dir.path().to_str().unwrap(),
        "list",
        "--format",
        "markdown",
    ]);
    let row = out.lines().find(|l| l.contains("markdown")).unwrap();
    assert!(
        row.contains("a \\| b<br>&lt;script&gt;alert(1)&lt;/script&gt; \\*\\*bold\\*\\*"),
        "{row}"
    );
    assert!(!out.contains("<script>"));
    // Every table row has the header's number of unescaped pipes.
    let header = out.lines().next().unwrap();
    let pipes = |l: &str| l.replace("\\|", "").matches('|').count();
    for l in out.lines().filter(|l| l.starts_with('|')) {
        assert_eq!(pipes(l), pipes(header), "{l}");
    }
}

#[test]
fn json_is_always_valid_and_shows_invisible_characters() {
    let dir = hostile_dir();
    let d = dir.path().to_str().unwrap();
    for cmd in [
        vec!["list"],
        vec!["compare", "hostile"],
        vec!["events"],
        vec!["sources"],
    ] {
        let mut args = vec!["--data", d, "--format", "json"];
        args.extend(cmd);
        let (_, out, _) = run(&args);
        let v: serde_json::Value =
            serde_json::from_str(&out).unwrap_or_else(|e| panic!("{args:?}: {e}"));
        assert_eq!(v["format_version"], 2);
        for raw in RAW {
            assert!(!out.contains(raw), "{args:?}");
        }
    }
    let (_, out, _) = run(&["--data", d, "list", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let bidi = v["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["claim"] == "bidi")
        .unwrap();
    assert_eq!(
        bidi["quote"],
        "seven \u{202e}dellik\u{202c} and zero\u{200b}width"
    );
}

#[test]
fn an_oversized_file_is_refused_without_being_read() {
    let dir = tempfile::tempdir().unwrap();
    let f = fs::File::create(dir.path().join("huge.toml")).unwrap();
    f.set_len(100 * 1024 * 1024).unwrap(); // sparse: no disk or memory used
    let out = Claims::new()
        .args(["check", dir.path().to_str().unwrap()])
        .fails(2)
        .stdout;
    assert!(
        reports(
            &out,
            "huge.toml",
            "file too large: 100.0 MiB, the limit is 8 MiB"
        ),
        "{out}"
    );
}

#[test]
fn ten_thousand_files_in_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..10_000 {
        fs::write(
            dir.path().join(format!("p{i:05}.toml")),
            format!("[[party]]\nid = \"p{i}\"\nname = \"Party {i}\"\n"),
        )
        .unwrap();
    }
    let (code, out, _) = run(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("10002 files checked, no problems"), "{out}");
}

#[test]
fn deeply_nested_arrays_are_an_error_not_a_stack_overflow() {
    let text = format!("a = {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
    let dir = data_dir_with(&[("deep.toml", text.as_bytes())]);
    let out = Claims::new()
        .args(["check", dir.path().to_str().unwrap()])
        .fails(2)
        .stdout;
    assert!(
        out.contains("deep.toml:1:") && out.contains("recursion"),
        "{out}"
    );
}

#[test]
fn bom_crlf_and_empty_files_load() {
    let relay = fs::read_to_string(fixture("good/relay.toml")).unwrap();
    let crlf = relay.replace('\n', "\r\n");
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(b"[[party]]\r\nid = \"bom-party\"\r\nname = \"B\"\r\n");
    let dir = data_dir_with(&[
        ("relay.toml", crlf.as_bytes()),
        ("bom.toml", &bom),
        ("empty.toml", b""),
    ]);
    let (code, out, _) = run(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    let (_, out, _) = run(&[
        "--data",
        dir.path().to_str().unwrap(),
        "compare",
        "relay-test",
    ]);
    assert!(out.contains("consistent (2 voices)"), "{out}");
    // Positions stay right with CRLF line endings.
    let broken = crlf.replace(
        "exact = 5 }\r\n\r\n[[claim]]\r\nid = \"relay-interfax\"",
        "exact = -5 }\r\n\r\n[[claim]]\r\nid = \"relay-interfax\"",
    );
    let dir = data_dir_with(&[("relay.toml", broken.as_bytes())]);
    let (_, out, _) = run(&["check", dir.path().to_str().unwrap()]);
    assert!(
        reports(&out, "relay.toml:24:58", "negative count -5"),
        "{out}"
    );
}

#[test]
fn a_folder_with_readme_git_and_backups_skips_them_with_reasons() {
    let relay = fs::read(fixture("good/relay.toml")).unwrap();
    let dir = data_dir_with(&[
        ("relay.toml", &relay),
        ("README.md", b"# notes"),
        (".git/config", b"[core]"),
        (".git/x.toml", b"not = [valid"),
        ("relay.toml~", b"broken = ["),
        ("#relay.toml#", b"broken = ["),
        (".relay.toml.swp", b"\x00\x01"),
    ]);
    let (code, out, _) = run(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    // A README is expected beside data: counted, not listed.
    assert!(!out.contains("README.md"), "{out}");
    assert!(
        out.contains("also 1 other file (texts and notes): 1 .md"),
        "{out}"
    );
    assert!(out.contains(".git: hidden"), "{out}");
    assert!(out.contains("relay.toml~: not a .toml file"), "{out}");
    assert!(out.contains(".relay.toml.swp: hidden"), "{out}");
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_is_read_once() {
    let relay = fs::read(fixture("good/relay.toml")).unwrap();
    let dir = data_dir_with(&[("sub/relay.toml", &relay)]);
    std::os::unix::fs::symlink(dir.path(), dir.path().join("sub/loop")).unwrap();
    let (code, out, _) = run(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("symlink loop"), "{out}");
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_an_error() {
    use std::os::unix::fs::PermissionsExt;
    let dir = data_dir_with(&[("secret.toml", b"[[party]]\nid = \"p\"\nname = \"P\"\n")]);
    let path = dir.path().join("secret.toml");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::read(&path).is_ok() {
        // Running as root: permissions do not apply, nothing to test here.
        return;
    }
    let out = Claims::new()
        .args(["check", dir.path().to_str().unwrap()])
        .fails(2)
        .stdout;
    assert!(reports(&out, "secret.toml", "permission denied"), "{out}");
}

#[test]
fn a_path_that_does_not_exist() {
    let out = Claims::new()
        .args(["check", "/no/such/file.toml"])
        .fails(2)
        .stdout;
    assert!(
        reports(&out, "/no/such/file.toml", "no such file or folder"),
        "{out}"
    );
}

#[test]
fn regression_composite_sum_near_the_integer_limit_does_not_overflow() {
    let max = i64::MAX;
    let text = fs::read_to_string(fixture("good/relay.toml"))
        .unwrap()
        .replace("id = \"relay-armenia\"", "id = \"relay-armenia-w\"")
        .replace(
            "figure = { party = \"armenia\", metric = \"killed\", exact = 5 }\n",
            &format!("figure = {{ party = \"armenia\", metric = \"killed\", exact = {max} }}\n"),
        );
    let extra = format!(
        "\n[[claim]]\nid = \"w\"\nsource = \"russia-mod\"\nsaid = \"2021-11-16\"\nvia = \"statement\"\ndocument = \"relay-doc\"\nquote = \"q\"\nlanguage = \"en\"\nfigure = {{ party = \"armenia\", metric = \"wounded\", exact = {max} }}\n\n[[claim]]\nid = \"kw\"\nsource = \"armenia-mod\"\nsaid = \"2021-11-17\"\nvia = \"statement\"\ndocument = \"relay-doc\"\nquote = \"q\"\nlanguage = \"en\"\nfigure = {{ party = \"armenia\", metric = \"killed-or-wounded\", exact = 3 }}\n"
    );
    let dir = data_dir_with(&[("relay.toml", (text + &extra).as_bytes())]);
    let (code, out, err) = run(&[
        "--data",
        dir.path().to_str().unwrap(),
        "compare",
        "relay-test",
        "--reconcile",
        "range",
    ]);
    assert_eq!(code, 0, "{err}");
    let row = row_with(&out, &["killed or wounded"]).unwrap();
    assert!(
        row.contains(&format!("{max} + {max} = 18446744073709551614")),
        "{row}"
    );
    assert!(row.contains("CONFLICT"), "{row}");
}

#[test]
fn ids_differing_only_by_case_are_refused() {
    let dir = data_dir_with(&[(
        "s.toml",
        b"[[source]]\nid = \"Armenia-MOD\"\nname = \"x\"\nkind = \"ministry\"\n",
    )]);
    let out = Claims::new()
        .args(["check", dir.path().to_str().unwrap()])
        .fails(2)
        .stdout;
    assert!(
        reports(
            &out,
            "s.toml:2:6",
            "source id `Armenia-MOD` is not kebab-case"
        ),
        "{out}"
    );
    assert!(out.contains("such as `armenia-mod`"), "{out}");
    // On the command line, ids match in any case (issue 15).
    let (code, out, err) = run(&["list", "--source", "Armenia-MOD", "--format", "csv"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.lines().skip(1).all(|l| l.contains(",armenia-mod,")),
        "{out}"
    );
}

#[test]
fn dates_at_the_edges_of_the_calendar() {
    for (date, ok) in [
        ("0001-01-01", true),
        ("9999-12-31T23:59:59", true),
        ("2000-02-29", true),
        ("1900-02-29", false),
        ("0000-01-01", false),
        ("10000-01-01", false),
        ("2021-04-31", false),
        ("2021-11-16T23:60", false),
    ] {
        let text = fs::read_to_string(fixture("good/relay.toml"))
            .unwrap()
            .replacen("said = \"2021-11-16\"", &format!("said = \"{date}\""), 1);
        let dir = data_dir_with(&[("relay.toml", text.as_bytes())]);
        let (code, out, _) = run(&["check", dir.path().to_str().unwrap()]);
        assert_eq!(code == 0, ok, "{date}: {out}");
        if !ok {
            assert!(
                reports(&out, "relay.toml:19:8", "impossible or malformed date"),
                "{date}: {out}"
            );
        }
    }
}

fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>, std::time::SystemTime)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push((
                    p.display().to_string(),
                    fs::read(&p).unwrap(),
                    fs::metadata(&p).unwrap().modified().unwrap(),
                ));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn no_command_writes_to_a_data_file() {
    let data = format!("{}/data", env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    for rel in [
        "sources.toml",
        "vocabulary.toml",
        "kilisali-2021.toml",
        "documents/kilisali-2021.fr.txt",
        "notes/record.md",
    ] {
        let to = dir.path().join(rel);
        fs::create_dir_all(to.parent().unwrap()).unwrap();
        fs::copy(format!("{data}/{rel}"), to).unwrap();
    }
    let before = snapshot(dir.path());
    let d = dir.path().to_str().unwrap();
    for args in [
        vec!["check", d],
        vec!["--data", d, "check"],
        vec!["--data", d, "events"],
        vec!["--data", d, "sources"],
        vec!["--data", d, "list"],
        vec![
            "--data",
            d,
            "compare",
            "kilisali-2021",
            "--history",
            "--reconcile",
            "range",
        ],
        vec!["--data", d, "compare", "kilisali-2021", "--format", "json"],
        vec!["--data", d, "compare", "kilisali-2021", "--format", "html"],
        vec!["--data", d, "report", "kilisali-2021"],
        vec!["--data", d, "show", "kil-armenia-own-killed"],
        vec!["--data", d, "stats"],
        vec!["--data", d, "schema"],
    ] {
        let (code, _, err) = run(&args);
        assert!(code == 0, "{args:?}: {err}");
    }
    assert_eq!(before, snapshot(dir.path()));
}
