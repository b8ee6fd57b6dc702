//! One file is read once however a folder walk or the command line
//! reaches it: by its device and inode (its canonical path where there are
//! none), keeping the name nearest the top.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

/// What a folder walk passed over, so `check` can say so.
#[derive(Debug, Default)]
pub struct Skipped {
    pub entries: Vec<(String, &'static str)>,
}

/// One file is read once however it is reached: two spellings of its path,
/// `.` and its name, `sub/../`, a symbolic or a hard link. Of its names
/// (in path order), the one nearest the top is kept (its texts are found
/// from there), the first among equals; the others are said as skipped.
pub(super) fn read_once(
    found: Vec<(PathBuf, Option<PathBuf>)>,
    skipped: &mut Skipped,
) -> Vec<(PathBuf, Option<PathBuf>)> {
    let found: Vec<(PathBuf, Option<PathBuf>, Identity)> = found
        .into_iter()
        .map(|(path, root)| {
            let id = identity(&path);
            (path, root, id)
        })
        .collect();
    let mut nearest: HashMap<&Identity, (usize, &Path)> = HashMap::new();
    for (path, _, id) in &found {
        let depth = path.components().count();
        let best = nearest.entry(id).or_insert((depth, path));
        if depth < best.0 {
            *best = (depth, path);
        }
    }
    let chosen: HashSet<PathBuf> = nearest
        .into_values()
        .map(|(_, p)| p.to_path_buf())
        .collect();
    let mut identities = HashSet::new();
    let mut kept = Vec::with_capacity(found.len());
    for (path, root, id) in found {
        if chosen.contains(&path) && identities.insert(id) {
            kept.push((path, root));
        } else {
            let shown = path.display().to_string();
            skipped
                .entries
                .push((shown, "already read under another path"));
        }
    }
    kept
}

/// What makes two paths one file: its device and inode where there are
/// such, else its canonical path.
#[derive(PartialEq, Eq, Hash)]
enum Identity {
    Inode(u64, u64),
    Path(PathBuf),
}

fn identity(path: &Path) -> Identity {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let Ok(m) = fs::metadata(path) {
            return Identity::Inode(m.dev(), m.ino());
        }
    }
    Identity::Path(fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()))
}
