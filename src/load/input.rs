//! Where data files come from: the copy built into the binary, a folder, or
//! paths named on the command line; and how a document's local text is found.

use std::borrow::Cow;
use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use crate::diagnostic::{Code, Diagnostic};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

/// The largest data file read. Real files are a few hundred kilobytes (one
/// event each); the limit keeps memory bounded whatever a folder holds.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Prefix shown before the paths of built-in files.
pub const BUILTIN: &str = "(built-in)/";

/// The vocabulary files a user's folder may leave out: the shipped ones are
/// used in their place.
pub const SHARED_FILES: [&str; 2] = ["sources.toml", "vocabulary.toml"];

#[derive(Debug, Clone)]
pub enum Origin {
    /// Path relative to the shipped `data/`.
    Embedded(String),
    Disk(PathBuf),
}

#[derive(Debug, Clone)]
pub struct InputFile {
    /// How errors name the file.
    pub display: String,
    pub origin: Origin,
    /// The bytes when they are already in memory (built-in data, tests);
    /// files on disk are read by the worker that parses them.
    pub bytes: Option<Cow<'static, [u8]>>,
}

impl InputFile {
    pub fn file_name(&self) -> &str {
        match &self.origin {
            Origin::Embedded(rel) => rel.rsplit('/').next().unwrap_or(rel),
            Origin::Disk(p) => p.file_name().and_then(|n| n.to_str()).unwrap_or(""),
        }
    }

    /// The file's bytes, read from disk if need be.
    pub fn read(&self) -> Result<Cow<'_, [u8]>, Diagnostic> {
        if let Some(b) = &self.bytes {
            return Ok(Cow::Borrowed(b.as_ref()));
        }
        match &self.origin {
            Origin::Disk(path) => fs::read(path).map(Cow::Owned).map_err(|e| {
                Diagnostic::file(Code::FileUnreadable, &self.display, describe_io(&e))
            }),
            Origin::Embedded(rel) => Err(Diagnostic::file(
                Code::FileUnreadable,
                &self.display,
                format!("no built-in file `{rel}`"),
            )),
        }
    }

    /// Reads a file named relative to this one (a document's text).
    pub fn read_sibling(&self, rel: &str) -> Result<Vec<u8>, String> {
        match &self.origin {
            Origin::Embedded(me) => {
                let dir = me.rsplit_once('/').map_or("", |(d, _)| d);
                let wanted = normalise(&if dir.is_empty() {
                    rel.to_string()
                } else {
                    format!("{dir}/{rel}")
                });
                embedded::EMBEDDED
                    .iter()
                    .find(|(p, _)| *p == wanted)
                    .map(|(_, b)| b.to_vec())
                    .ok_or_else(|| format!("no built-in file `{wanted}`"))
            }
            Origin::Disk(me) => {
                let path = me.parent().unwrap_or(Path::new(".")).join(rel);
                fs::read(&path).map_err(|e| format!("cannot read `{}`: {e}", path.display()))
            }
        }
    }
}

fn normalise(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for p in path.split('/') {
        match p {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.join("/")
}

/// The built-in data files (TOML only), in path order.
pub fn embedded_files() -> Vec<InputFile> {
    embedded::EMBEDDED
        .iter()
        .filter(|(p, _)| p.ends_with(".toml"))
        .map(|(p, b)| InputFile {
            display: format!("{BUILTIN}{p}"),
            origin: Origin::Embedded(p.to_string()),
            bytes: Some(Cow::Borrowed(*b)),
        })
        .collect()
}

/// One built-in file by name, for a folder that does not bring its own.
pub fn embedded_file(name: &str) -> Option<InputFile> {
    embedded_files().into_iter().find(|f| f.file_name() == name)
}

/// What a folder walk passed over, so `check` can say so.
#[derive(Debug, Default)]
pub struct Skipped {
    pub entries: Vec<(String, &'static str)>,
}

/// Collects `.toml` files from paths (files or folders, recursively),
/// sorted, each read once. Hidden entries (`.git`), editor backups and other
/// files are skipped; symlink loops are detected by canonical path.
pub fn collect(paths: &[PathBuf]) -> (Vec<InputFile>, Vec<Diagnostic>, Skipped) {
    let mut found: Vec<PathBuf> = Vec::new();
    let mut diags = Vec::new();
    let mut skipped = Skipped::default();
    let mut seen_dirs = HashSet::new();
    for path in paths {
        match fs::metadata(path) {
            Err(e) => diags.push(
                Diagnostic::file(
                    Code::FileUnreadable,
                    &path.display().to_string(),
                    describe_io(&e),
                )
                .with_hint("check the path; `claims check` takes files and folders"),
            ),
            Ok(m) if m.is_dir() => walk(path, &mut found, &mut diags, &mut skipped, &mut seen_dirs),
            Ok(_) => found.push(path.clone()),
        }
    }
    found.sort();
    found.dedup();
    let mut files = Vec::with_capacity(found.len());
    for path in found {
        // Checked before reading, so an oversized file costs no memory.
        if let Ok(m) = fs::metadata(&path) {
            if m.len() > MAX_FILE_BYTES {
                diags.push(
                    Diagnostic::file(
                        Code::FileUnreadable,
                        &path.display().to_string(),
                        format!(
                            "file too large: {:.1} MiB, the limit is {} MiB",
                            m.len() as f64 / (1024.0 * 1024.0),
                            MAX_FILE_BYTES / (1024 * 1024)
                        ),
                    )
                    .with_hint("split it into smaller files, for example one file per event"),
                );
                continue;
            }
        }
        files.push(InputFile {
            display: path.display().to_string(),
            origin: Origin::Disk(path),
            bytes: None,
        });
    }
    (files, diags, skipped)
}

fn describe_io(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied: cannot read it".to_string(),
        _ => format!("cannot read: {e}"),
    }
}

fn walk(
    dir: &Path,
    found: &mut Vec<PathBuf>,
    diags: &mut Vec<Diagnostic>,
    skipped: &mut Skipped,
    seen: &mut HashSet<PathBuf>,
) {
    let Ok(canonical) = fs::canonicalize(dir) else {
        diags.push(Diagnostic::file(
            Code::FileUnreadable,
            &dir.display().to_string(),
            "cannot resolve this folder",
        ));
        return;
    };
    if !seen.insert(canonical) {
        skipped.entries.push((
            dir.display().to_string(),
            "folder already read (symlink loop)",
        ));
        return;
    }
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            diags.push(Diagnostic::file(
                Code::FileUnreadable,
                &dir.display().to_string(),
                describe_io(&e),
            ));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    for path in paths {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let shown = path.display().to_string();
        if name.starts_with('.') {
            skipped.entries.push((shown, "hidden"));
            continue;
        }
        match fs::metadata(&path) {
            Err(e) => diags.push(Diagnostic::file(
                Code::FileUnreadable,
                &shown,
                describe_io(&e),
            )),
            Ok(m) if m.is_dir() => walk(&path, found, diags, skipped, seen),
            Ok(_) if name.ends_with(".toml") && !name.starts_with('#') => found.push(path),
            Ok(_) => skipped.entries.push((shown, "not a .toml file")),
        }
    }
}
