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

/// What says a file is unchanged without reading it: its size, its
/// modification time, its change time and inode. The change time is set by
/// the system on every write and cannot be set back by a user, so an edit
/// that keeps the size and restores the modification time still shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    pub size: u64,
    /// Modification time, in nanoseconds since the epoch.
    pub mtime: i128,
    /// Change time, in nanoseconds since the epoch (0 where there is none).
    pub ctime: i128,
    pub inode: u64,
}

/// One file on disk as the index knows it: its stamp when it was read, a
/// hash of what was read, and what it holds.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct IndexedFile {
    pub path: PathBuf,
    pub stamp: Stamp,
    /// [`content_hash`] of the bytes read: a file read again under a plan
    /// must still hash the same, or the plan is not trusted.
    pub hash: u64,
    pub entry: IndexEntry,
}

/// A cheap hash of a file's bytes, computed as it is read.
pub fn content_hash(bytes: &[u8]) -> u64 {
    let mut h = fnv::FnvHasher::default();
    h.write(bytes);
    h.finish()
}

/// The files `compare EVENT` needs under a current index, with the hash
/// each one had when indexed.
#[derive(Debug)]
pub struct Selection {
    pub files: Vec<usize>,
    pub hashes: HashMap<PathBuf, u64>,
}

impl Selection {
    /// Whether every file read under the plan still holds what was indexed.
    pub fn holds(&self, read: &[IndexedFile]) -> bool {
        read.iter()
            .all(|f| self.hashes.get(&f.path).is_none_or(|h| *h == f.hash))
    }
}

/// The largest index written or read: beyond it the cache is skipped.
const MAX_INDEX_BYTES: usize = 8 << 20;

#[derive(Debug, Serialize, Deserialize)]
struct Stored {
    version: u32,
    folder: PathBuf,
    files: Vec<IndexedFile>,
}

/// 2: files are records, not tuples.
// 3: files defining places or categories are read for every event.
// 4: a stamp with change time and inode, and a hash of the content.
const VERSION: u32 = 4;

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

/// A file's [`Stamp`].
pub fn stamp(path: &Path) -> Option<Stamp> {
    let m = fs::metadata(path).ok()?;
    let t = m.modified().ok()?;
    let mtime = match t.duration_since(std::time::UNIX_EPOCH) {
        Ok(d) => d.as_nanos() as i128,
        Err(e) => -(e.duration().as_nanos() as i128),
    };
    #[cfg(unix)]
    let (ctime, inode) = {
        use std::os::unix::fs::MetadataExt;
        (
            i128::from(m.ctime()) * 1_000_000_000 + i128::from(m.ctime_nsec()),
            m.ino(),
        )
    };
    #[cfg(not(unix))]
    let (ctime, inode) = (0, 0);
    Some(Stamp {
        size: m.len(),
        mtime,
        ctime,
        inode,
    })
}

/// Whether a cache folder or file can be believed: not a link, owned by
/// this user, and writable by no one else. Another user who can write the
/// cache could otherwise plant an index that hides a claim.
fn trusted(path: &Path) -> bool {
    let Ok(m) = fs::symlink_metadata(path) else {
        return false;
    };
    if m.file_type().is_symlink() {
        return false;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        // SAFETY: geteuid has no preconditions.
        let me = unsafe { libc::geteuid() };
        m.uid() == me && m.mode() & 0o022 == 0
    }
    #[cfg(not(unix))]
    {
        true
    }
}

/// The files `compare EVENT` needs, or `None` when the index is missing or
/// stale (then every file is read).
pub fn select(folder: &Path, files: &[InputFile], event: &str) -> Option<Selection> {
    // Only a regular file of bounded size, in a folder only this user can
    // write, is read as an index.
    let path = cache_file(folder)?;
    if !path.parent().is_some_and(trusted) || !trusted(&path) {
        return None;
    }
    let bytes = super::input::read_bounded(&path).ok()?;
    if bytes.len() > MAX_INDEX_BYTES {
        return None;
    }
    let text = String::from_utf8(bytes).ok()?;
    let stored: Stored = serde_json::from_str(&text).ok()?;
    if stored.version != VERSION {
        return None;
    }
    let known: HashMap<&Path, &IndexedFile> =
        stored.files.iter().map(|f| (f.path.as_path(), f)).collect();
    let mut entries = Vec::with_capacity(files.len());
    for f in files {
        match &f.origin {
            // Built-in vocabulary is always read: it is tiny and in memory.
            Origin::Embedded(_) | Origin::Snapshot(..) => entries.push(None),
            Origin::Disk(path) => {
                let indexed = known.get(path.as_path())?;
                if stamp(path)? != indexed.stamp {
                    return None;
                }
                entries.push(Some(&indexed.entry));
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
    let plan = Plan::new(&entries);
    let chosen = plan.files_for(event);
    let hashes = chosen
        .iter()
        .filter_map(|&i| match &files[i].origin {
            Origin::Disk(p) => known.get(p.as_path()).map(|f| (p.clone(), f.hash)),
            Origin::Embedded(_) | Origin::Snapshot(..) => None,
        })
        .collect();
    Some(Selection {
        files: chosen,
        hashes,
    })
}

/// Which files each event needs, from every file's index entry (`None`:
/// built-in, always read): worked out once, then per event in time
/// proportional to its own files.
struct Plan<'e> {
    /// Files read for every event: the vocabulary, shared definitions.
    always: Vec<usize>,
    /// Per event, the files that define it or hold its claims.
    of_event: HashMap<&'e str, Vec<usize>>,
    /// Which file defines each document and proposition (`d:`, `p:`).
    definer: HashMap<&'e str, usize>,
    entries: Vec<Option<&'e IndexEntry>>,
}

impl<'e> Plan<'e> {
    fn new(entries: &[Option<&'e IndexEntry>]) -> Self {
        let mut plan = Plan {
            always: Vec::new(),
            of_event: HashMap::new(),
            definer: HashMap::new(),
            entries: entries.to_vec(),
        };
        for (i, e) in entries.iter().enumerate() {
            let Some(e) = e else {
                plan.always.push(i);
                continue;
            };
            if e.shared {
                plan.always.push(i);
            }
            for ev in e.events.iter().chain(&e.claim_events) {
                let files = plan.of_event.entry(ev.as_str()).or_default();
                if files.last() != Some(&i) {
                    files.push(i);
                }
            }
            for d in &e.defines {
                plan.definer.insert(d.as_str(), i);
            }
        }
        // What the files read for every event refer to is read for every event too.
        let mut closure = plan.closure(plan.always.clone());
        closure.extend(plan.always.iter().copied());
        closure.sort_unstable();
        closure.dedup();
        plan.always = closure;
        plan
    }

    /// The files `start` refers to for documents and propositions, and those
    /// they refer to in turn, with `start` itself.
    fn closure(&self, start: Vec<usize>) -> Vec<usize> {
        let mut chosen: HashSet<usize> = start.iter().copied().collect();
        let mut queue = start;
        let mut seen = HashSet::new();
        while let Some(i) = queue.pop() {
            for need in self.entries[i].iter().flat_map(|e| e.needs.iter()) {
                if !seen.insert(need.as_str()) {
                    continue;
                }
                if let Some(&j) = self.definer.get(need.as_str()) {
                    if chosen.insert(j) {
                        queue.push(j);
                    }
                }
            }
        }
        let mut all: Vec<usize> = chosen.into_iter().collect();
        all.sort_unstable();
        all
    }

    /// The files an event needs besides the ones always read, following
    /// cross-file references to documents and propositions.
    fn own_files(&self, event: &str) -> Vec<usize> {
        self.closure(self.of_event.get(event).cloned().unwrap_or_default())
    }

    fn files_for(&self, event: &str) -> Vec<usize> {
        let mut all: Vec<usize> = self
            .always
            .iter()
            .copied()
            .chain(self.own_files(event))
            .collect();
        all.sort_unstable();
        all.dedup();
        all
    }
}

/// Events grouped so that each group's files together stay under `budget`
/// bytes (an event that alone needs more is a group of its own), each group
/// with the files it needs: `stats` loads one group at a time, so memory
/// follows the budget, not the folder. `None` when a file is not indexed.
pub fn batches(
    files: &[InputFile],
    indexed: &[IndexedFile],
    events: &[&str],
    budget: u64,
) -> Option<Vec<(Vec<String>, Vec<usize>)>> {
    let by_path: HashMap<&Path, &IndexedFile> =
        indexed.iter().map(|f| (f.path.as_path(), f)).collect();
    let mut entries = Vec::with_capacity(files.len());
    let mut sizes = Vec::with_capacity(files.len());
    for f in files {
        match &f.origin {
            Origin::Embedded(_) | Origin::Snapshot(..) => {
                entries.push(None);
                sizes.push(0);
            }
            Origin::Disk(path) => {
                let known = by_path.get(path.as_path())?;
                entries.push(Some(&known.entry));
                sizes.push(known.stamp.size);
            }
        }
    }
    let plan = Plan::new(&entries);
    let mut groups: Vec<(Vec<String>, Vec<usize>)> = Vec::new();
    let (mut group, mut chosen, mut bytes) = (Vec::new(), HashSet::new(), 0u64);
    for event in events {
        let own = plan.own_files(event);
        let more: u64 = own
            .iter()
            .filter(|i| !chosen.contains(*i))
            .map(|&i| sizes[i])
            .sum();
        if !group.is_empty() && bytes + more > budget {
            groups.push(finish(
                &plan,
                std::mem::take(&mut group),
                std::mem::take(&mut chosen),
            ));
            bytes = 0;
        }
        bytes += own
            .iter()
            .filter(|i| !chosen.contains(*i))
            .map(|&i| sizes[i])
            .sum::<u64>();
        chosen.extend(own);
        group.push(event.to_string());
    }
    if !group.is_empty() {
        groups.push(finish(&plan, group, chosen));
    }
    Some(groups)
}

fn finish(plan: &Plan, events: Vec<String>, chosen: HashSet<usize>) -> (Vec<String>, Vec<usize>) {
    let mut files: Vec<usize> = plan.always.iter().copied().chain(chosen).collect();
    files.sort_unstable();
    files.dedup();
    (events, files)
}

/// For the built-in data, which keeps one event per file named after it
/// (a test holds it to that): the shared vocabulary and `EVENT.toml`.
pub fn select_builtin(files: &[InputFile], event: &str) -> Option<Vec<usize>> {
    if std::env::var_os("CLAIMS_NO_CACHE").is_some_and(|v| !v.is_empty()) {
        return None;
    }
    let wanted = format!("{event}.toml");
    // `compare sources` names no event: the full load says so, with the nearest ids.
    if super::input::SHARED_FILES.contains(&wanted.as_str()) {
        return None;
    }
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
    let bytes = serde_json::to_vec(&stored).map_err(io::Error::from)?;
    if bytes.len() > MAX_INDEX_BYTES {
        // Too large to be read back: none is better than one never used.
        let _ = fs::remove_file(&path);
        return Ok(());
    }
    if let Some(dir) = path.parent() {
        create_private(dir)?;
        if !trusted(dir) {
            return Err(io::Error::other(
                "the cache folder can be written by others",
            ));
        }
    }
    // Written beside, then renamed: a reader never sees half an index. The
    // temporary file is created exclusively, so a link or file planted at
    // its name is never followed or overwritten (the cache is then skipped).
    let tmp = path.with_extension(format!("tmp{}", std::process::id()));
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

/// Creates the cache folder (and its parents) readable by this user only.
fn create_private(dir: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(name: &str, size: u64, entry: IndexEntry) -> (InputFile, IndexedFile) {
        let path = PathBuf::from(format!("/data/{name}"));
        let input = InputFile {
            display: name.to_string(),
            origin: Origin::Disk(path.clone()),
            bytes: None,
            root: None,
        };
        (
            input,
            IndexedFile {
                path,
                stamp: Stamp {
                    size,
                    ..Stamp::default()
                },
                hash: 0,
                entry,
            },
        )
    }

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn batches_keep_each_events_files_together_under_the_budget() {
        let (files, indexed): (Vec<_>, Vec<_>) = [
            file(
                "vocab.toml",
                10,
                IndexEntry {
                    shared: true,
                    ..IndexEntry::default()
                },
            ),
            file(
                "a.toml",
                60,
                IndexEntry {
                    events: strings(&["a"]),
                    needs: strings(&["d:x"]),
                    ..IndexEntry::default()
                },
            ),
            file(
                "b.toml",
                60,
                IndexEntry {
                    events: strings(&["b"]),
                    ..IndexEntry::default()
                },
            ),
            // Claims about `a` in a file of their own, and a document `a` cites.
            file(
                "more-a.toml",
                30,
                IndexEntry {
                    claim_events: strings(&["a"]),
                    ..IndexEntry::default()
                },
            ),
            file(
                "docs.toml",
                5,
                IndexEntry {
                    defines: strings(&["d:x"]),
                    ..IndexEntry::default()
                },
            ),
            file(
                "c.toml",
                200,
                IndexEntry {
                    events: strings(&["c"]),
                    ..IndexEntry::default()
                },
            ),
        ]
        .into_iter()
        .unzip();
        let groups = batches(&files, &indexed, &["a", "b", "c"], 100).expect("all indexed");
        let names = |g: &(Vec<String>, Vec<usize>)| -> Vec<&str> {
            g.1.iter().map(|&i| files[i].display.as_str()).collect()
        };
        assert_eq!(
            groups.len(),
            3,
            "a (95 bytes) and b (60) do not fit in 100 together"
        );
        assert_eq!(groups[0].0, ["a"]);
        assert_eq!(
            names(&groups[0]),
            ["vocab.toml", "a.toml", "more-a.toml", "docs.toml"]
        );
        assert_eq!(names(&groups[1]), ["vocab.toml", "b.toml"]);
        // An event bigger than the budget is a group of its own.
        assert_eq!(names(&groups[2]), ["vocab.toml", "c.toml"]);
        let together = batches(&files, &indexed, &["a", "b", "c"], 1000).expect("all indexed");
        assert_eq!(together.len(), 1);
        assert_eq!(together[0].0, ["a", "b", "c"]);
    }

    #[test]
    fn a_file_the_index_does_not_know_means_no_plan() {
        let (files, _): (Vec<_>, Vec<_>) = [file("a.toml", 1, IndexEntry::default())]
            .into_iter()
            .unzip();
        assert!(batches(&files, &[], &["a"], 100).is_none());
    }
}
