//! Helpers shared by the integration tests: the real binary, run without colour.
#![allow(dead_code)]

use assert_cmd::Command;

pub fn claims() -> Command {
    Command::from_std(claims_std())
}

/// The binary with the tests' environment, as the standard library runs it
/// (its output can go to a file).
fn claims_std() -> std::process::Command {
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("claims"));
    // No folder-index cache unless a test asks for one (tests/index.rs).
    cmd.env_remove("CLAIMS_DATA")
        .env_remove("NO_COLOR")
        .env_remove("CLAIMS_CACHE_DIR")
        .env("CLAIMS_NO_CACHE", "1")
        // Tests read piped tables whole; `tests/terminal.rs` and
        // `tests/data_folder.rs` look at a pipe's own 100 columns.
        .env("COLUMNS", "100000")
        // Reports say the day they were made: a fixed one, for snapshots.
        .env("SOURCE_DATE_EPOCH", "1700000000");
    cmd
}

/// The binary's path, for a command line run by a shell or `script`.
pub fn bin() -> String {
    assert_cmd::cargo::cargo_bin("claims").display().to_string()
}

/// Runs a shell command line under `script` (util-linux), which gives it a
/// terminal of `cols` columns and 50 rows; returns what it drew, or `None`
/// without `script`. The binary's own settings are cleared, then `set`.
pub fn under_script(cols: u16, line: &str, set: &[(&str, &str)]) -> Option<String> {
    let inner = format!("stty cols {cols} rows 50; {line}");
    let mut cmd = std::process::Command::new("script");
    cmd.args(["-qec", &inner, "/dev/null"]);
    for var in ["CLAIMS_DATA", "NO_COLOR", "CLAIMS_PAGER", "PAGER", "LESS"] {
        cmd.env_remove(var);
    }
    cmd.env("CLAIMS_NO_CACHE", "1")
        .env("TERM", "xterm-256color");
    for (k, v) in set {
        cmd.env(k, v);
    }
    let out = cmd.output().ok()?;
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Runs the binary on the built-in data: its status, stdout and stderr.
/// Whatever status the caller expects, a panic fails the test here.
pub fn run(args: &[&str]) -> (i32, String, String) {
    let out = claims().args(args).output().expect("runs");
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!err.contains("panicked"), "claims {args:?} panicked: {err}");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        err,
    )
}

pub fn fixture(rel: &str) -> String {
    format!("{}/tests/fixtures/{rel}", env!("CARGO_MANIFEST_DIR"))
}

/// The row of a piped table whose cells include every needle.
pub fn row_with<'a>(text: &'a str, needles: &[&str]) -> Option<&'a str> {
    text.lines()
        .filter(|l| l.starts_with('│'))
        .find(|l| needles.iter().all(|n| l.contains(n)))
}

/// True when `check`'s text reports a problem whose message holds `message`,
/// at a place ending in `place` (`file.toml:24:58`, or a file alone):
/// rustc's layout, `error[code]: message` then `--> place`.
pub fn reports(out: &str, place: &str, message: &str) -> bool {
    let lines: Vec<&str> = out.lines().collect();
    lines.windows(2).any(|w| {
        w[0].starts_with("error[")
            && w[0].contains(message)
            && w[1].trim_start().starts_with("--> ")
            && w[1].ends_with(place)
    })
}

/// The real binary as a test drives it: `Claims::new().data(dir).args([...])
/// .fails(2).stderr_snapshot("name")`.
pub struct Claims {
    cmd: std::process::Command,
    args: Vec<std::ffi::OsString>,
}

/// What a run printed and how it ended.
#[derive(Debug)]
pub struct Outcome {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
    args: Vec<std::ffi::OsString>,
}

impl Claims {
    pub fn new() -> Self {
        Claims {
            cmd: claims_std(),
            args: Vec::new(),
        }
    }

    /// `--data DIR`.
    pub fn data(self, dir: impl AsRef<std::path::Path>) -> Self {
        let dir = dir.as_ref().to_string_lossy().into_owned();
        self.args(["--data".to_string(), dir])
    }

    pub fn args<I, S>(mut self, args: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        for a in args {
            self.args.push(a.as_ref().into());
        }
        self
    }

    /// An argument that need not be UTF-8 (a file name).
    pub fn arg_os(mut self, arg: impl AsRef<std::ffi::OsStr>) -> Self {
        self.args.push(arg.as_ref().to_os_string());
        self
    }

    pub fn env(mut self, key: &str, value: &str) -> Self {
        self.cmd.env(key, value);
        self
    }

    /// Where its standard output goes (`/dev/full`, a file).
    pub fn stdout(mut self, to: impl Into<std::process::Stdio>) -> Self {
        self.cmd.stdout(to);
        self
    }

    pub fn current_dir(mut self, dir: impl AsRef<std::path::Path>) -> Self {
        self.cmd.current_dir(dir);
        self
    }

    /// Runs, whatever the status; a panic fails the test.
    pub fn run(mut self) -> Outcome {
        let out = self.cmd.args(&self.args).output().expect("runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            !stderr.contains("panicked"),
            "{:?} panicked: {stderr}",
            self.args
        );
        Outcome {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
            args: self.args,
        }
    }

    /// Runs, and requires exit status 0.
    pub fn succeeds(self) -> Outcome {
        self.fails(0)
    }

    /// Runs, and requires this exit status and no panic.
    pub fn fails(self, code: i32) -> Outcome {
        let o = self.run();
        assert_eq!(o.code, code, "{o:?}");
        assert!(!o.stderr.contains("panicked"), "{o:?}");
        o
    }
}

impl Default for Claims {
    fn default() -> Self {
        Claims::new()
    }
}

impl Outcome {
    /// Snapshots standard error (tests/snapshots/…__common__NAME.snap).
    pub fn stderr_snapshot(self, name: &str) -> Self {
        insta::assert_snapshot!(name, self.stderr);
        self
    }

    pub fn stderr_has(self, needle: &str) -> Self {
        assert!(
            self.stderr.contains(needle),
            "`{needle}` not in stderr of {:?}:\n{}",
            self.args,
            self.stderr
        );
        self
    }

    pub fn stdout_has(self, needle: &str) -> Self {
        assert!(
            self.stdout.contains(needle),
            "`{needle}` not in stdout of {:?}:\n{}",
            self.args,
            self.stdout
        );
        self
    }
}

/// An event file written for one rule: an event between Armenia and
/// Azerbaijan on 16 November 2021, a document without a text (so quotes are
/// not checked), and the given claims; the folder reuses the shipped sources
/// and vocabulary.
pub fn event_file(claims: &[String]) -> String {
    let mut text = String::from(
        "[event]\nid = \"test-event\"\ntitle = \"A clash written for a rule\"\ndate = \"2021-11-16\"\n\
         place = \"a border\"\nsummary = \"Made up for a test.\"\nsides = [\"armenia\", \"azerbaijan\"]\n\n\
         [[document]]\nid = \"doc\"\noutlet = \"Test outlet\"\nlanguage = \"en\"\n",
    );
    for c in claims {
        text.push('\n');
        text.push_str(c);
    }
    text
}

/// One claim: `assertion` is the TOML of its figure, accusation or position
/// (`figure = { … }`); `extra` adds lines such as `note = "…"`.
pub fn claim(id: &str, source: &str, said: &str, assertion: &str, extra: &str) -> String {
    format!(
        "[[claim]]\nid = \"{id}\"\nsource = \"{source}\"\nsaid = \"{said}\"\nvia = \"statement\"\n\
         document = \"doc\"\nquote = \"words of {id}\"\nlanguage = \"en\"\n{extra}{assertion}\n"
    )
}

/// The TOML of an accusation of `accused` for `act`.
pub fn acc(accused: &str, act: &str) -> String {
    acc_with(accused, act, "")
}

/// An accusation with more of its fields (`, denies = true`).
pub fn acc_with(accused: &str, act: &str, extra: &str) -> String {
    format!("accusation = {{ accused = \"{accused}\", act = \"{act}\"{extra} }}")
}

/// The standard output of a run on the built-in data that must succeed.
pub fn output(args: &[&str]) -> String {
    let (code, out, err) = run(args);
    assert_eq!(code, 0, "{args:?}: {err}");
    out
}

/// The TOML of a figure of `party`'s `metric` with its quantity (`exact = 9`).
pub fn fig(party: &str, metric: &str, quantity: &str) -> String {
    format!("figure = {{ party = \"{party}\", metric = \"{metric}\", {quantity} }}")
}

/// A folder holding these files.
pub fn folder(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).expect("written");
    }
    dir
}

/// `compare test-event` on a folder, as JSON.
pub fn compare_json(dir: &std::path::Path, extra: &[&str]) -> serde_json::Value {
    let mut args = vec!["compare", "test-event", "--format", "json"];
    args.extend_from_slice(extra);
    let out = Claims::new().data(dir).args(args).run();
    assert!(out.code == 0 || out.code == 1, "{out:?}");
    serde_json::from_str(&out.stdout).expect("compare writes JSON")
}

/// The row of a comparison JSON about (party, metric), or the statement row of an id.
pub fn figure_row<'v>(
    v: &'v serde_json::Value,
    party: &str,
    metric: &str,
) -> &'v serde_json::Value {
    v["figures"]
        .as_array()
        .and_then(|rows| {
            rows.iter()
                .find(|r| r["party"] == party && r["metric"] == metric)
        })
        .unwrap_or_else(|| panic!("no row {party} · {metric} in {v}"))
}

/// The texts of a cell's entries in comparison JSON, in order.
pub fn cell_texts(cell: &serde_json::Value) -> Vec<String> {
    cell.as_array()
        .into_iter()
        .flatten()
        .map(|e| e["text"].as_str().unwrap_or("").to_string())
        .collect()
}

pub fn statement_row<'v>(v: &'v serde_json::Value, id: &str) -> &'v serde_json::Value {
    v["statements"]
        .as_array()
        .and_then(|rows| rows.iter().find(|r| r["id"] == id))
        .unwrap_or_else(|| panic!("no row {id} in {v}"))
}
