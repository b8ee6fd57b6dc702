//! Where data files come from: the copy built into the binary, a folder, or
//! paths named on the command line; and how a document's local text is found.

use std::borrow::Cow;
use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use super::read_once::Skipped;
use crate::diagnostic::{Code, Diagnostic};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

/// The largest data file read. Real files are a few hundred kilobytes (one
/// event each); loading holds about 30 bytes per byte of a file of claims,
/// so the limit keeps one file under about 260 MB of memory.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

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
    /// Path relative to a data folder as it was at a git revision, with
    /// that revision's texts.
    Snapshot(String, std::sync::Arc<super::snapshot::Tree>),
}

#[derive(Debug, Clone)]
pub struct InputFile {
    /// How errors name the file.
    pub display: String,
    pub origin: Origin,
    /// The bytes when they are already in memory (built-in data, tests);
    /// files on disk are read by the worker that parses them.
    pub bytes: Option<Cow<'static, [u8]>>,
    /// The data folder it was found in (canonical): nothing read on its
    /// behalf may lie outside it. `None` for a file named on its own, whose
    /// own folder is the limit.
    pub root: Option<PathBuf>,
}

/// Said of anything outside the data folder: nothing about the target, not
/// even whether it exists.
const OUTSIDE: &str = "is outside the data folder: not read";

/// What a document's `text` may be: the kinds of file a data folder holds
/// texts in. Nothing else (a `.env`, a key) is ever read as one.
pub const TEXT_EXTENSIONS: [&str; 5] = ["txt", "md", "markdown", "html", "htm"];

/// Why a document's text path is refused before anything is read: a hidden
/// file or folder on the way (`.git/config`), which the folder walk never
/// reads either, or a file that is not a text. `None` when it may be read.
fn refused_text(rel: &Path) -> Option<String> {
    let hidden = rel.components().any(|c| match c {
        std::path::Component::Normal(p) => p.to_string_lossy().starts_with('.'),
        _ => false,
    });
    if hidden {
        return Some("is hidden, or inside a hidden folder: not read".to_string());
    }
    let ext = rel.extension().and_then(|e| e.to_str()).unwrap_or("");
    if !TEXT_EXTENSIONS.iter().any(|t| t.eq_ignore_ascii_case(ext)) {
        return Some(format!(
            "is not a document text (.{}): not read",
            TEXT_EXTENSIONS.join(", .")
        ));
    }
    None
}

/// Reads a regular file, at most [`MAX_FILE_BYTES`]: a device or a FIFO is
/// refused before reading, and a file that grows past the limit while read
/// costs no more than the limit.
pub(crate) fn read_bounded(path: &Path) -> Result<Vec<u8>, String> {
    use std::io::Read;
    // Looked at before opening: opening a FIFO would wait for a writer.
    let before = fs::metadata(path).map_err(|e| describe_io(&e))?;
    if !before.is_file() {
        return Err("not a regular file (a device, a FIFO or a socket): not read".to_string());
    }
    let file = fs::File::open(path).map_err(|e| describe_io(&e))?;
    let meta = file.metadata().map_err(|e| describe_io(&e))?;
    if !meta.is_file() {
        return Err("not a regular file (a device, a FIFO or a socket): not read".to_string());
    }
    let mut bytes = Vec::with_capacity(meta.len().min(MAX_FILE_BYTES) as usize);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| describe_io(&e))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(format!(
            "file too large: over {} MiB",
            MAX_FILE_BYTES / (1024 * 1024)
        ));
    }
    Ok(bytes)
}

/// `base` joined with `rel`, `..` resolved without touching the disk.
fn lexical_join(base: &Path, rel: &str) -> PathBuf {
    let mut out = base.to_path_buf();
    for part in Path::new(rel).components() {
        match part {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::Normal(p) => out.push(p),
            _ => {}
        }
    }
    out
}

impl InputFile {
    pub fn file_name(&self) -> &str {
        match &self.origin {
            Origin::Embedded(rel) | Origin::Snapshot(rel, _) => {
                rel.rsplit('/').next().unwrap_or(rel)
            }
            Origin::Disk(p) => p.file_name().and_then(|n| n.to_str()).unwrap_or(""),
        }
    }

    /// The file's bytes, read from disk if need be.
    pub fn read(&self) -> Result<Cow<'_, [u8]>, Diagnostic> {
        if let Some(b) = &self.bytes {
            return Ok(Cow::Borrowed(b.as_ref()));
        }
        match &self.origin {
            Origin::Disk(path) => read_bounded(path)
                .map(Cow::Owned)
                .map_err(|msg| Diagnostic::file(Code::FileUnreadable, &self.display, msg)),
            Origin::Embedded(rel) | Origin::Snapshot(rel, _) => Err(Diagnostic::file(
                Code::FileUnreadable,
                &self.display,
                format!("no file `{rel}` in memory"),
            )),
        }
    }

    /// Reads a file named relative to this one (a document's text).
    pub fn read_sibling(&self, rel: &str) -> Result<Vec<u8>, String> {
        let refused = || refused_text(Path::new(rel)).map(|why| format!("`{rel}` {why}"));
        match &self.origin {
            Origin::Embedded(me) => {
                if let Some(why) = refused() {
                    return Err(why);
                }
                let wanted = beside(me, rel);
                embedded::EMBEDDED
                    .iter()
                    .find(|(p, _)| *p == wanted)
                    .map(|(_, b)| b.to_vec())
                    .ok_or_else(|| format!("no built-in file `{wanted}`"))
            }
            Origin::Snapshot(me, tree) => {
                if let Some(why) = refused() {
                    return Err(why);
                }
                // `..` past the folder's top is refused, as on disk.
                if escapes(me, rel) {
                    return Err(format!("`{rel}` {OUTSIDE}"));
                }
                let wanted = beside(me, rel);
                tree.text(&wanted)
                    .map(<[u8]>::to_vec)
                    .ok_or_else(|| format!("no file `{wanted}` in that revision"))
            }
            Origin::Disk(me) => {
                // Confined to the data folder, first by the path as written
                // (no disk access, so nothing outside is even probed), then
                // after links are followed.
                // A bare file name (`--to event.toml`) lies in the working folder.
                let dir = me.parent().filter(|d| !d.as_os_str().is_empty());
                let dir =
                    fs::canonicalize(dir.unwrap_or(Path::new("."))).map_err(|e| describe_io(&e))?;
                let root = self.root.clone().unwrap_or_else(|| dir.clone());
                let outside = || format!("`{rel}` {OUTSIDE}");
                if Path::new(rel).is_absolute() || !lexical_join(&dir, rel).starts_with(&root) {
                    return Err(outside());
                }
                if let Some(why) = refused() {
                    return Err(why);
                }
                // A link that leads nowhere says nothing of where it points:
                // "missing" would tell that a path outside does not exist.
                let written = dir.join(rel);
                if fs::symlink_metadata(&written).is_ok_and(|m| m.file_type().is_symlink())
                    && fs::metadata(&written).is_err()
                {
                    return Err(outside());
                }
                let path = fs::canonicalize(&written)
                    .map_err(|e| format!("cannot read `{rel}`: {}", describe_io(&e)))?;
                if !path.starts_with(&root) {
                    return Err(outside());
                }
                // A link is judged by where it leads: a `doc.txt` that is a
                // link to `.git/config` is refused like the path itself.
                let inside = path.strip_prefix(&root).unwrap_or(&path);
                if let Some(why) = refused_text(inside) {
                    return Err(format!("`{rel}` leads to a file that {why}"));
                }
                // A hard link has no "where it leads": the same file may be
                // a secret outside the folder or a hidden one inside it.
                if hard_linked(&path) {
                    return Err(format!(
                        "`{rel}` has other names (a hard link), which may lie outside the data folder: not read"
                    ));
                }
                read_bounded(&path).map_err(|e| format!("`{rel}`: {e}"))
            }
        }
    }
}

/// The path of `rel` written in the file at `me` (both inside one folder).
fn beside(me: &str, rel: &str) -> String {
    let dir = me.rsplit_once('/').map_or("", |(d, _)| d);
    normalise(&if dir.is_empty() {
        rel.to_string()
    } else {
        format!("{dir}/{rel}")
    })
}

/// Whether `rel`, written in the file at `me`, climbs out of the folder.
fn escapes(me: &str, rel: &str) -> bool {
    let mut depth = me.matches('/').count() as i64;
    for part in rel.split('/') {
        match part {
            ".." => depth -= 1,
            "" | "." => {}
            _ => depth += 1,
        }
        if depth < 0 {
            return true;
        }
    }
    rel.starts_with('/')
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
            root: None,
        })
        .collect()
}

/// Every built-in file (document texts and notes too), as (path, bytes).
pub fn embedded_everything() -> &'static [(&'static str, &'static [u8])] {
    embedded::EMBEDDED
}

/// One built-in file by name, for a folder that does not bring its own.
pub fn embedded_file(name: &str) -> Option<InputFile> {
    embedded_files().into_iter().find(|f| f.file_name() == name)
}

/// Why a data folder's `claims.toml` is not read as data.
pub const SETTINGS: &str = "the data folder's settings";

/// Collects `.toml` files from paths (files or folders, recursively),
/// sorted, each read once. Hidden entries (`.git`), editor backups and other
/// files are skipped; symlink loops are detected by canonical path.
pub fn collect(paths: &[PathBuf]) -> (Vec<InputFile>, Vec<Diagnostic>, Skipped) {
    let mut found: Vec<(PathBuf, Option<PathBuf>)> = Vec::new();
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
            Ok(m) if m.is_dir() => {
                let root = fs::canonicalize(path).unwrap_or_else(|_| path.clone());
                let mut walk = Walk {
                    root: &root,
                    found: &mut found,
                    diags: &mut diags,
                    skipped: &mut skipped,
                    seen: &mut seen_dirs,
                };
                walk.dir(path);
            }
            Ok(_) if path.file_name().is_some_and(|n| n.to_str().is_none()) => {
                diags.push(not_utf8(path));
            }
            Ok(_) => found.push((path.clone(), None)),
        }
    }
    found.sort();
    let found = super::read_once::read_once(found, &mut skipped);
    let mut files = Vec::with_capacity(found.len());
    for (path, root) in found {
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
            root,
        });
    }
    (files, diags, skipped)
}

/// Whether a file has more than one name.
fn hard_linked(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        fs::metadata(path).is_ok_and(|m| m.nlink() > 1)
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        false
    }
}

/// A data file whose name is not UTF-8: refused, never passed over.
fn not_utf8(path: &Path) -> Diagnostic {
    Diagnostic::file(
        Code::FileUnreadable,
        &path.display().to_string(),
        "the file name is not valid UTF-8: not read",
    )
    .with_hint("rename the file: ids and messages name files in UTF-8")
}

fn describe_io(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied: cannot read it".to_string(),
        _ => format!("cannot read: {e}"),
    }
}

/// A walk of one data folder: everything found must lie inside `root`.
struct Walk<'w> {
    root: &'w Path,
    found: &'w mut Vec<(PathBuf, Option<PathBuf>)>,
    diags: &'w mut Vec<Diagnostic>,
    skipped: &'w mut Skipped,
    seen: &'w mut HashSet<PathBuf>,
}

impl Walk<'_> {
    fn refuse(&mut self, path: &Path, message: &str) {
        let shown = path.display().to_string();
        let d = Diagnostic::file(Code::FileUnreadable, &shown, message).with_hint(
            "data files are read only from inside the data folder, and only regular files",
        );
        self.diags.push(d);
    }

    fn dir(&mut self, dir: &Path) {
        let Ok(canonical) = fs::canonicalize(dir) else {
            self.refuse(dir, "cannot resolve this folder");
            return;
        };
        if !canonical.starts_with(self.root) {
            self.refuse(dir, &format!("a link to a folder that {OUTSIDE}"));
            return;
        }
        if !self.seen.insert(canonical) {
            let shown = dir.display().to_string();
            self.skipped
                .entries
                .push((shown, "folder already read (symlink loop)"));
            return;
        }
        let entries = match fs::read_dir(dir) {
            Ok(e) => e,
            Err(e) => {
                self.refuse(dir, &describe_io(&e));
                return;
            }
        };
        let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        for path in paths {
            self.entry(path);
        }
    }

    fn entry(&mut self, path: PathBuf) {
        let shown = path.display().to_string();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            // Never passed over in silence: a data file under a name that
            // is not UTF-8 would make "ok … 0 events".
            let lossy = path.file_name().map(|n| n.to_string_lossy().into_owned());
            if fs::metadata(&path).is_ok_and(|m| m.is_dir()) {
                // Its files have names of their own; `dir` confines them.
                self.dir(&path);
            } else if lossy.is_some_and(|n| n.ends_with(".toml")) {
                self.diags.push(not_utf8(&path));
            } else {
                self.skipped
                    .entries
                    .push((shown, "not a .toml file (its name is not UTF-8)"));
            }
            return;
        };
        if name.starts_with('.') {
            self.skipped.entries.push((shown, "hidden"));
            return;
        }
        // The folder's own settings, not data (the parent resolved only then).
        let at_top = || path.parent().and_then(|p| fs::canonicalize(p).ok());
        if name == super::discover::MARKER && at_top().as_deref() == Some(self.root) {
            self.skipped.entries.push((shown, SETTINGS));
            return;
        }
        let toml = name.ends_with(".toml") && !name.starts_with('#');
        // A link is followed only to a place inside the folder.
        let is_link = fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink());
        if is_link && !fs::canonicalize(&path).is_ok_and(|c| c.starts_with(self.root)) {
            if toml || fs::metadata(&path).is_ok_and(|m| m.is_dir()) {
                self.refuse(&path, &format!("a link to something that {OUTSIDE}"));
            } else {
                self.skipped.entries.push((shown, "not a .toml file"));
            }
            return;
        }
        match fs::metadata(&path) {
            Err(e) => self.refuse(&path, &describe_io(&e)),
            Ok(m) if m.is_dir() => self.dir(&path),
            Ok(m) if toml && !m.is_file() => self.refuse(
                &path,
                "not a regular file (a device, a FIFO or a socket): not read",
            ),
            Ok(_) if toml => self.found.push((path, Some(self.root.to_path_buf()))),
            Ok(_) => self.skipped.entries.push((shown, "not a .toml file")),
        }
    }
}
