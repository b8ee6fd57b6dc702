//! `claims init DIR`: a working folder to extend the built-in data rather
//! than lose it: the shipped sources, vocabulary, events, their document
//! texts and notes, and a short guide. Refuses a folder that holds anything.

use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::exit;
use crate::error::UserError;
use crate::load::discover::MARKER;
use crate::load::input::embedded_everything;

/// The guide written beside the data, for whoever adds to it.
const GUIDE: &str = "# Contributing to this data folder

This folder holds the data `claims` reads. Its `claims.toml` marks it: any command run in it
(or in a folder below it) reads it without `--data`, and says so.

- `sources.toml`: who speaks (`[[party]]`, `[[source]]`).
- `vocabulary.toml`: what can be counted or alleged (`[[metric]]`, `[[act]]`, `[[vague]]`,
  `[[category]]`).
- One file per event (`EVENT-ID.toml`): the event, its documents, propositions and claims.
- `documents/`: local copies of documents, against which quotes are checked.
- `notes/`: research notes per event: what was read where, before it is entered.
- `claims.toml`: this folder's settings (`by`, `reconcile`, `width`), all optional.

To add an event, from inside this folder:

    claims new my-event-2024           # a commented template, never overwritten
    claims import --template > my-event-2024.csv   # or a sheet, one claim per row,
    claims import my-event-2024.csv --to my-event-2024-claims.toml   # turned into a file
    claims vocab                       # the metrics, acts, parties, sources, vague words
    claims check                       # every problem, with file, line and column
    claims compare my-event-2024

Rules the data keeps: every claim quotes its document verbatim (or marks the research notes'
wording as a `paraphrase`), names the claimant the document names, and keeps a hedged report
hedged (`hedged = true`). Nothing is invented: a figure not stated is not entered.
";

/// The folder's marker and settings: valid as it stands, every setting shown.
const SETTINGS: &str = "# This folder is claims data: commands run in it, or below it, read it
# without --data. Defaults for this folder (the command line still decides):
# by = \"party\"          # compare: source (the default), party or side
# reconcile = \"range\"   # compare: conservative or range
# width = 100           # the columns tables are laid out in
";

/// The name the guide is written under.
pub const GUIDE_FILE: &str = "CONTRIBUTING.md";

/// Says what `dir` is when it cannot receive a new data folder: a link
/// (whatever it points to, nothing is written through it), not a folder, or
/// a folder that holds something.
fn refuse_unless_empty(dir: &Path) -> anyhow::Result<()> {
    let Ok(meta) = std::fs::symlink_metadata(dir) else {
        return Ok(());
    };
    if meta.file_type().is_symlink() {
        return Err(UserError::new(format!(
            "{} is a link; `init` writes only into a real folder",
            dir.display()
        ))
        .hint("give the folder the link points to, or a new one")
        .into());
    }
    if !meta.is_dir() {
        return Err(UserError::new(format!("{} is not a folder", dir.display())).into());
    }
    let mut entries = std::fs::read_dir(dir)
        .map_err(|e| UserError::new(format!("cannot read {}: {e}", dir.display())))?;
    if entries.next().is_some() {
        return Err(UserError::new(format!(
            "{} is not empty; `init` only starts a new folder",
            dir.display()
        ))
        .hint(
            "give a new or empty folder, or add events to this one with `claims --data DIR new ID`",
        )
        .into());
    }
    Ok(())
}

fn write_new(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|e| UserError::new(format!("cannot create {}: {e}", parent.display())))?;
    }
    // create_new: nothing is overwritten, even if the folder filled up meanwhile.
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| UserError::new(format!("cannot create {}: {e}", path.display())))?;
    file.write_all(bytes)
        .map_err(|e| UserError::new(format!("cannot write {}: {e}", path.display())))?;
    Ok(())
}

/// The first of `dir` and its ancestors that does not exist yet: what to
/// remove again if the folder cannot be made whole.
fn first_missing(dir: &Path) -> Option<PathBuf> {
    let mut missing = None;
    for a in dir.ancestors().filter(|a| !a.as_os_str().is_empty()) {
        if std::fs::symlink_metadata(a).is_ok() {
            break;
        }
        missing = Some(a.to_path_buf());
    }
    missing
}

/// Writes every file into a hidden folder beside `dir`, then puts it in
/// place in one step: a failure part-way (a full disk) leaves nothing.
fn write_all_or_nothing(dir: &Path, files: &[(&str, &[u8])]) -> anyhow::Result<()> {
    let created = first_missing(dir);
    let parent = dir
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = dir
        .file_name()
        .map_or("data".into(), |n| n.to_string_lossy());
    let staging = parent.join(format!(".{name}.claims-init-{}", std::process::id()));
    let written = (|| -> anyhow::Result<()> {
        for (rel, bytes) in files {
            write_new(&staging.join(rel), bytes)?;
        }
        if dir.exists() {
            // Empty, as checked: a folder is replaced only by renaming over it.
            std::fs::remove_dir(dir)?;
        }
        std::fs::rename(&staging, dir)
            .map_err(|e| UserError::new(format!("cannot create {}: {e}", dir.display())))?;
        Ok(())
    })();
    if written.is_err() {
        let _ = std::fs::remove_dir_all(&staging);
        if let Some(c) = created {
            let _ = std::fs::remove_dir_all(c);
        }
    }
    written
}

pub fn run(dir: &Path, out: &mut dyn Write) -> anyhow::Result<u8> {
    // `link/.` and `link/` name the link itself, not a folder behind it.
    let dir: PathBuf = dir.components().collect();
    let dir = dir.as_path();
    refuse_unless_empty(dir)?;
    let files = embedded_everything();
    let mut all: Vec<(&str, &[u8])> = files.to_vec();
    all.push((GUIDE_FILE, GUIDE.as_bytes()));
    all.push((MARKER, SETTINGS.as_bytes()));
    write_all_or_nothing(dir, &all)?;
    let shown = dir.display();
    writeln!(
        out,
        "created {shown}: {} files of the built-in data, {GUIDE_FILE} and {MARKER}\nnext:\n  cd {shown}\n  claims new my-event          (or: claims import sheet.csv --to my-event.toml)\n  claims check\n(inside {shown}, or a folder below it, every command reads it without --data)",
        files.len()
    )?;
    Ok(exit::OK)
}
