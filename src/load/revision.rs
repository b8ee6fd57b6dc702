//! A data folder as it was at a git revision: its files read with the `git`
//! program from the repository's objects (`ls-tree`, `cat-file`), never by
//! checking anything out over the user's files. `diff` and `log` compare
//! what the data said then with what it says now.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Arc;

use super::input::{Origin, MAX_FILE_BYTES, SHARED_FILES, TEXT_EXTENSIONS};
use super::snapshot::Tree;
use super::{InputFile, Skipped};
use crate::diagnostic::{Code, Diagnostic};

/// What went wrong asking git: said to the user as it is.
pub type GitError = String;

fn git(dir: &Path) -> Command {
    let mut cmd = Command::new("git");
    cmd.arg("-C").arg(dir);
    // Nothing here writes; no pager, no prompt for credentials.
    cmd.env("GIT_TERMINAL_PROMPT", "0").env("GIT_PAGER", "cat");
    cmd
}

fn run(mut cmd: Command) -> Result<Vec<u8>, GitError> {
    let out = cmd
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        return Err(err.lines().next().unwrap_or("git failed").to_string());
    }
    Ok(out.stdout)
}

/// The commit a revision names (`HEAD~1`, `main`, a hash), in the
/// repository holding `dir`. A name that starts with `-` is never an option.
pub fn resolve(dir: &Path, rev: &str) -> Result<String, GitError> {
    if rev.is_empty() || rev.starts_with('-') || rev.contains(['\0', '\n']) {
        return Err(format!("`{rev}` is not a revision"));
    }
    let mut cmd = git(dir);
    cmd.args(["rev-parse", "--verify", "--quiet", "--end-of-options"])
        .arg(format!("{rev}^{{commit}}"));
    let out = run(cmd).map_err(|_| format!("`{rev}` names no commit here"))?;
    let hash = String::from_utf8_lossy(&out).trim().to_string();
    if hash.is_empty() {
        return Err(format!("`{rev}` names no commit here"));
    }
    Ok(hash)
}

/// One entry of `ls-tree -l`.
struct Entry {
    mode: String,
    kind: String,
    object: String,
    size: u64,
    path: String,
}

fn entries(dir: &Path, commit: &str) -> Result<Vec<Entry>, GitError> {
    let mut cmd = git(dir);
    cmd.args(["ls-tree", "-r", "-l", "-z", commit, "--", "."]);
    let out = run(cmd)?;
    let mut list = Vec::new();
    for record in out.split(|&b| b == 0).filter(|r| !r.is_empty()) {
        // A name that is not UTF-8 is kept visible (and refused below).
        let record = String::from_utf8_lossy(record);
        let Some((meta, path)) = record.split_once('\t') else {
            continue;
        };
        let mut f = meta.split_whitespace();
        let (Some(mode), Some(kind), Some(object), Some(size)) =
            (f.next(), f.next(), f.next(), f.next())
        else {
            continue;
        };
        list.push(Entry {
            mode: mode.to_string(),
            kind: kind.to_string(),
            object: object.to_string(),
            size: size.parse().unwrap_or(u64::MAX),
            path: path.to_string(),
        });
    }
    Ok(list)
}

/// The contents of blobs, by object id, read in one `cat-file --batch`.
fn blobs(dir: &Path, ids: &[String]) -> Result<HashMap<String, Vec<u8>>, GitError> {
    let mut cmd = git(dir);
    cmd.args(["cat-file", "--batch"]);
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot run git: {e}"))?;
    let mut stdin = child.stdin.take().ok_or("git: no input")?;
    let asked: Vec<u8> = ids
        .iter()
        .flat_map(|id| format!("{id}\n").into_bytes())
        .collect();
    // Written from another thread: git answers while it is still asked.
    let writer = std::thread::spawn(move || stdin.write_all(&asked));
    let mut out = BufReader::new(child.stdout.take().ok_or("git: no output")?);
    let mut found = HashMap::new();
    for id in ids {
        let mut header = String::new();
        out.read_line(&mut header)
            .map_err(|e| format!("git: {e}"))?;
        let size: u64 = header
            .split_whitespace()
            .nth(2)
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| format!("git cannot read object {id}"))?;
        let mut bytes = Vec::with_capacity(size.min(MAX_FILE_BYTES) as usize);
        (&mut out)
            .take(size)
            .read_to_end(&mut bytes)
            .map_err(|e| format!("git: {e}"))?;
        let mut newline = [0u8; 1];
        out.read_exact(&mut newline)
            .map_err(|e| format!("git: {e}"))?;
        found.insert(id.clone(), bytes);
    }
    let _ = writer.join();
    let _ = child.wait();
    Ok(found)
}

/// Why an entry of the tree is passed over, as the folder walk would say it;
/// `None` for a file to read.
fn passed_over(e: &Entry) -> Option<&'static str> {
    let hidden = e.path.split('/').any(|p| p.starts_with('.'));
    if hidden {
        return Some("hidden");
    }
    if e.path == super::discover::MARKER {
        return Some(super::input::SETTINGS);
    }
    if e.kind != "blob" {
        return Some("a submodule: not read");
    }
    if e.mode == "120000" {
        return Some("a symbolic link: not read from a revision");
    }
    None
}

fn is_text(path: &str) -> bool {
    let ext = path.rsplit_once('.').map_or("", |(_, e)| e);
    TEXT_EXTENSIONS.iter().any(|t| t.eq_ignore_ascii_case(ext))
}

/// The data files of folder `dir` at `commit`, named `label/path`, with
/// the shipped vocabulary where the folder has none of its own.
pub fn files_at(
    dir: &Path,
    commit: &str,
    label: &str,
) -> Result<(Vec<InputFile>, Vec<Diagnostic>, Skipped), GitError> {
    let mut diags = Vec::new();
    let mut skipped = Skipped::default();
    let mut wanted = Vec::new();
    for e in entries(dir, commit)? {
        let shown = format!("{label}/{}", e.path);
        if let Some(why) = passed_over(&e) {
            skipped.entries.push((shown, why));
            continue;
        }
        let toml = e.path.ends_with(".toml");
        if toml && e.path.contains('\u{fffd}') {
            // As on disk: a data file under a name that is not UTF-8 is refused.
            let d = Diagnostic::file(
                Code::FileUnreadable,
                &shown,
                "the file name is not valid UTF-8: not read",
            )
            .with_hint("rename the file: ids and messages name files in UTF-8");
            diags.push(d);
            continue;
        }
        if !toml && !is_text(&e.path) {
            skipped.entries.push((shown, "not a .toml file"));
            continue;
        }
        if e.size > MAX_FILE_BYTES {
            let d = Diagnostic::file(Code::FileUnreadable, &shown, "file too large: over 8 MiB")
                .with_hint("split it into smaller files, for example one file per event");
            diags.push(d);
            continue;
        }
        if !toml {
            skipped.entries.push((shown, "not a .toml file"));
        }
        wanted.push(e);
    }
    let ids: Vec<String> = wanted.iter().map(|e| e.object.clone()).collect();
    let mut contents = blobs(dir, &ids)?;
    let mut tree = Tree::default();
    let mut tomls = Vec::new();
    for e in wanted {
        let bytes = contents.get(&e.object).cloned().unwrap_or_default();
        if e.path.ends_with(".toml") {
            tomls.push((e.path, bytes));
        } else {
            tree.insert(e.path, bytes);
        }
    }
    contents.clear();
    let tree = Arc::new(tree);
    let mut files: Vec<InputFile> = tomls
        .into_iter()
        .map(|(path, bytes)| InputFile {
            display: format!("{label}/{path}"),
            origin: Origin::Snapshot(path, Arc::clone(&tree)),
            bytes: Some(bytes.into()),
            root: None,
        })
        .collect();
    for name in SHARED_FILES {
        if !files.iter().any(|f| f.file_name() == name) {
            files.extend(super::input::embedded_file(name));
        }
    }
    Ok((files, diags, skipped))
}

/// The newest `max` commits that touched folder `dir`, newest first: hash,
/// day (YYYY-MM-DD) and subject.
pub fn history(dir: &Path, max: usize) -> Result<Vec<(String, String, String)>, GitError> {
    let mut cmd = git(dir);
    cmd.args(["log", "-z", "--format=%H%x09%ad%x09%s", "--date=short"])
        .arg(format!("--max-count={max}"))
        .args(["--", "."]);
    let out = run(cmd)?;
    let text = String::from_utf8_lossy(&out);
    Ok(text
        .split('\0')
        .filter_map(|line| {
            let mut f = line.trim_start_matches('\n').splitn(3, '\t');
            Some((
                f.next()?.to_string(),
                f.next()?.to_string(),
                f.next().unwrap_or("").to_string(),
            ))
        })
        .filter(|(h, _, _)| !h.is_empty())
        .collect())
}
