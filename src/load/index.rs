//! A cache of what each data file holds, so `compare EVENT` on a large folder
//! reads only the files it needs.
//!
//! After a load that read every file, the index records, per file, its size
//! and modification time and which events, documents and propositions it
//! defines and uses. A later `compare` stats every file (cheap); if all match
//! the index, it reads only the event's files, the vocabulary files and
//! whatever those refer to. Any change, new file or unreadable entry means a
//! full load, which refreshes the index. The index lives in the user's cache
//! folder, never beside the data: `CLAIMS_CACHE_DIR`, else
//! `$XDG_CACHE_HOME/claims`, else `~/.cache/claims`; `CLAIMS_NO_CACHE=1`
//! turns it off.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::hash::Hasher;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::input::{InputFile, Origin};

/// What one file holds, as far as choosing files goes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexEntry {
    /// Events defined here.
    pub events: Vec<String>,
    /// Events its claims belong to.
    pub claim_events: Vec<String>,
    /// Defines vocabulary (parties, sources, metrics, vague words, acts), or
    /// documents and propositions outside an event file: always read.
    pub shared: bool,
    /// Documents (`d:id`) and propositions (`p:id`) defined here.
    pub defines: Vec<String>,
    /// Documents, propositions (`d:`, `p:`) used here but defined elsewhere.
    pub needs: Vec<String>,
}

/// One file on disk as the index knows it: its stamp when it was read, and what it holds.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct IndexedFile {
    pub path: PathBuf,
    pub size: u64,
    /// Modification time, in nanoseconds since the epoch.
    pub mtime: i128,
    pub entry: IndexEntry,
}

#[derive(Debug, Serialize, Deserialize)]
struct Stored {
    version: u32,
    folder: PathBuf,
    files: Vec<IndexedFile>,
}

/// 2: files are records, not tuples.
// 3: files defining places or categories are read for every event.
const VERSION: u32 = 3;

fn cache_dir() -> Option<PathBuf> {
    if std::env::var_os("CLAIMS_NO_CACHE").is_some_and(|v| !v.is_empty()) {
        return None;
    }
    if let Some(d) = std::env::var_os("CLAIMS_CACHE_DIR").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(d));
    }
    if let Some(d) = std::env::var_os("XDG_CACHE_HOME").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(d).join("claims"));
    }
    std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache").join("claims"))
}

fn cache_file(folder: &Path) -> Option<PathBuf> {
    let canonical = fs::canonicalize(folder).ok()?;
    let mut hasher = fnv::FnvHasher::default();
    hasher.write(canonical.to_string_lossy().as_bytes());
    let hash = hasher.finish();
    Some(cache_dir()?.join(format!("index-{hash:016x}.json")))
}

/// Size and modification time (ns since the epoch) of a file.
pub fn stamp(path: &Path) -> Option<(u64, i128)> {
    let m = fs::metadata(path).ok()?;
    let t = m.modified().ok()?;
    let ns = match t.duration_since(std::time::UNIX_EPOCH) {
        Ok(d) => d.as_nanos() as i128,
        Err(e) => -(e.duration().as_nanos() as i128),
    };
    Some((m.len(), ns))
}

/// The files `compare EVENT` needs, or `None` when the index is missing or
/// stale (then every file is read).
pub fn select(folder: &Path, files: &[InputFile], event: &str) -> Option<Vec<usize>> {
    // Only a regular file of bounded size is read as an index.
    let bytes = super::input::read_bounded(&cache_file(folder)?).ok()?;
    let text = String::from_utf8(bytes).ok()?;
    let stored: Stored = serde_json::from_str(&text).ok()?;
    if stored.version != VERSION {
        return None;
    }
    let known: HashMap<&Path, (u64, i128, &IndexEntry)> = stored
        .files
        .iter()
        .map(|f| (f.path.as_path(), (f.size, f.mtime, &f.entry)))
        .collect();
    let mut entries = Vec::with_capacity(files.len());
    for f in files {
        match &f.origin {
            // Built-in vocabulary is always read: it is tiny and in memory.
            Origin::Embedded(_) => entries.push(None),
            Origin::Disk(path) => {
                let (size, t, entry) = known.get(path.as_path()).copied()?;
                if stamp(path)? != (size, t) {
                    return None;
                }
                entries.push(Some(entry));
            }
        }
    }
    // An event no file defines is an error that names the nearest ids: read
    // everything, so the error knows every event.
    if !entries
        .iter()
        .flatten()
        .any(|e| e.events.iter().any(|x| x == event))
    {
        return None;
    }
    let mut chosen: Vec<bool> = entries
        .iter()
        .map(|e| match e {
            None => true,
            Some(e) => {
                e.shared
                    || e.events.iter().any(|x| x == event)
                    || e.claim_events.iter().any(|x| x == event)
            }
        })
        .collect();
    // Follow cross-file references to documents and propositions.
    let mut definer: HashMap<&str, usize> = HashMap::new();
    for (i, e) in entries.iter().enumerate() {
        for d in e.iter().flat_map(|e| e.defines.iter()) {
            definer.insert(d.as_str(), i);
        }
    }
    let mut queue: Vec<usize> = (0..chosen.len()).filter(|&i| chosen[i]).collect();
    let mut seen = HashSet::new();
    while let Some(i) = queue.pop() {
        for need in entries[i].iter().flat_map(|e| e.needs.iter()) {
            if !seen.insert(need.as_str()) {
                continue;
            }
            if let Some(&j) = definer.get(need.as_str()) {
                if !chosen[j] {
                    chosen[j] = true;
                    queue.push(j);
                }
            }
        }
    }
    Some((0..chosen.len()).filter(|&i| chosen[i]).collect())
}

/// For the built-in data, which keeps one event per file named after it
/// (a test holds it to that): the shared vocabulary and `EVENT.toml`.
pub fn select_builtin(files: &[InputFile], event: &str) -> Option<Vec<usize>> {
    if std::env::var_os("CLAIMS_NO_CACHE").is_some_and(|v| !v.is_empty()) {
        return None;
    }
    let wanted = format!("{event}.toml");
    let own = files.iter().position(|f| f.file_name() == wanted)?;
    let mut chosen: Vec<usize> = files
        .iter()
        .enumerate()
        .filter(|(_, f)| super::input::SHARED_FILES.contains(&f.file_name()))
        .map(|(i, _)| i)
        .collect();
    chosen.push(own);
    Some(chosen)
}

/// Records the index after a full load. Failing to write a cache is not an error.
pub fn store(folder: &Path, entries: Vec<IndexedFile>) -> io::Result<()> {
    let Some(path) = cache_file(folder) else {
        return Ok(());
    };
    let stored = Stored {
        version: VERSION,
        folder: fs::canonicalize(folder)?,
        files: entries,
    };
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir)?;
    }
    // Written beside, then renamed: a reader never sees half an index. The
    // temporary file is created exclusively, so a link or file planted at
    // its name is never followed or overwritten (the cache is then skipped).
    let tmp = path.with_extension(format!("tmp{}", std::process::id()));
    let bytes = serde_json::to_vec(&stored).map_err(io::Error::from)?;
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&tmp)?;
    let written = io::Write::write_all(&mut file, &bytes).and_then(|_| fs::rename(&tmp, &path));
    if written.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    written
}
