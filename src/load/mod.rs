//! Loading: bytes → TOML → checked [`Dataset`], or every problem found.
//!
//! By stage, one file each: [`input`] finds the files; [`pool`] runs the
//! per-file stage on worker threads and hands results over in file order;
//! per file, [`digest`] decodes ([`text`]), parses ([`file_model`]) and
//! checks what the file alone allows, converting definitions
//! ([`definitions`]) and claims ([`claims`]) to the model; [`merge`] builds
//! the dataset across files and [`crosscheck`] checks what spans them
//! (references, units, cycles, quotes, duplicate ids); [`index`] remembers
//! what each file holds. Claims are kept only when the caller asks
//! ([`Keep`]), and can be streamed to a sink as soon as their file is
//! merged, so memory stays bounded on large corpora. Every file is read and
//! parsed once; only an error report re-reads a file to show the line of a
//! duplicate claim id. Nothing here panics on bad input.

mod alignment;
mod budget;
mod claims;
mod crosscheck;
mod definitions;
mod digest;
pub mod discover;
mod every_error;
mod figure;
mod file_check;
mod file_forms;
pub mod file_model;
mod implies;
pub mod index;
pub mod input;
mod links;
mod local_links;
mod merge;
mod pool;
mod presuppositions;
mod quantity_forms;
mod questions;
mod quote_check;
mod quote_match;
mod read_once;
mod record_roles;
mod records;
mod reports;
pub mod revision;
mod snapshot;
mod standing;
mod standing_changes;
mod sum_facts;
mod sums;
mod text;

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::io;
use std::path::PathBuf;

pub use input::InputFile;
pub use read_once::Skipped;

use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Claim, Dataset};

/// Where the active data comes from.
#[derive(Debug, Clone)]
pub enum DataSource {
    /// The data built into the binary.
    Builtin,
    /// A user's folder of the same layout (`--data`, `CLAIMS_DATA`).
    Folder(PathBuf),
}

/// A load that failed: every problem, sorted.
#[derive(Debug)]
pub struct LoadFailure {
    pub diagnostics: Vec<Diagnostic>,
    pub files: usize,
}

impl std::fmt::Display for LoadFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // A command other than `check` shows the first problems, not a wall of them.
        const SHOWN: usize = 10;
        for d in self.diagnostics.iter().take(SHOWN) {
            writeln!(f, "{d}")?;
        }
        let n = self.diagnostics.len();
        if n > SHOWN {
            writeln!(f, "… and {} more", n - SHOWN)?;
        }
        write!(
            f,
            "{n} problem{} in the data; run `claims check` for the full report",
            if n == 1 { "" } else { "s" }
        )
    }
}

impl std::error::Error for LoadFailure {}

/// Which claims to keep (all other claims are checked, counted and dropped).
#[derive(Debug, Clone, Default)]
pub enum Keep {
    #[default]
    Nothing,
    All,
    Matching(ClaimFilter),
}

/// Claim tests a worker can apply without the vocabulary.
#[derive(Debug, Clone, Default)]
pub struct ClaimFilter {
    /// Each list holds the values a claim may have; an empty one, any.
    pub event: Vec<String>,
    pub source: Vec<String>,
    /// `figure`, `accusation`, `position` or `retraction`.
    pub kind: Vec<crate::model::ClaimKind>,
    pub metric: Vec<String>,
}

/// The outcome of reading and checking a set of files.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Vocabulary, events, documents, propositions, and the kept claims that
    /// were not handed to a sink.
    pub dataset: Dataset,
    pub diagnostics: Vec<Diagnostic>,
    pub files: usize,
    pub skipped: Skipped,
    /// Every claim checked, kept or not.
    pub claims_total: usize,
    /// Records of what was documented afterwards, in every file read.
    pub records_total: usize,
    /// Claims per (event, source).
    pub tally: BTreeMap<(String, String), usize>,
    /// What each file on disk holds, when every file was read and parsed.
    pub index: Option<Vec<index::IndexedFile>>,
    /// How each file given was named, in the order read: a claim's `seq`
    /// holds its file's place here in its upper 32 bits.
    pub paths: Vec<String>,
}

/// Which side of the tally's (event, source) key counts are kept by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TallyBy {
    Event,
    Source,
}

/// Per event (or per source): its claims, and how many distinct sources
/// spoke of it (or events it spoke of).
#[derive(Debug, Default, Clone, Copy)]
pub struct Count {
    pub claims: usize,
    pub others: usize,
}

impl Loaded {
    /// The tally summed per event or per source: `events` and `sources`
    /// count with this one rule.
    pub fn counts(&self, by: TallyBy) -> HashMap<&str, Count> {
        let mut out: HashMap<&str, Count> = HashMap::new();
        // Each (event, source) pair is one entry: one more of the others.
        for ((event, source), n) in &self.tally {
            let key = match by {
                TallyBy::Event => event.as_str(),
                TallyBy::Source => source.as_str(),
            };
            let c = out.entry(key).or_default();
            c.claims += n;
            c.others += 1;
        }
        out
    }
}

/// Stores the folder index after a load that read the whole folder cleanly.
pub fn remember(source: &DataSource, loaded: &mut Loaded) {
    if let (DataSource::Folder(dir), Some(entries), true) =
        (source, loaded.index.take(), loaded.diagnostics.is_empty())
    {
        // A cache that cannot be written only costs speed next time.
        let _ = index::store(dir, entries);
    }
}

impl Loaded {
    /// The dataset, or every problem found.
    pub fn into_result(self) -> Result<Dataset, LoadFailure> {
        if self.diagnostics.is_empty() {
            Ok(self.dataset)
        } else {
            Err(LoadFailure {
                diagnostics: self.diagnostics,
                files: self.files,
            })
        }
    }
}

/// Receives kept claims a file at a time, in file order, with the dataset as
/// known so far (every id the claims use is resolved in it).
pub type Sink<'s> = &'s mut dyn FnMut(&Dataset, Vec<Claim>) -> io::Result<()>;

/// Files for a data source: a folder gets the shipped `sources.toml` and
/// `vocabulary.toml` unless it has files of those names itself.
pub fn files_for(source: &DataSource) -> (Vec<InputFile>, Vec<Diagnostic>, Skipped) {
    match source {
        DataSource::Builtin => (input::embedded_files(), Vec::new(), Skipped::default()),
        DataSource::Folder(dir) => {
            if !dir.is_dir() {
                let d = Diagnostic::file(
                    Code::NoDataFolder,
                    &dir.display().to_string(),
                    "the data folder does not exist or is not a folder",
                )
                .with_hint("give --data (or CLAIMS_DATA) a folder of .toml files");
                return (Vec::new(), vec![d], Skipped::default());
            }
            files_for_paths(std::slice::from_ref(dir))
        }
    }
}

/// Files for explicit paths, topped up with the shipped vocabulary.
pub fn files_for_paths(paths: &[PathBuf]) -> (Vec<InputFile>, Vec<Diagnostic>, Skipped) {
    let (mut files, diags, skipped) = input::collect(paths);
    for name in input::SHARED_FILES {
        if !files.iter().any(|f| f.file_name() == name) {
            if let Some(f) = input::embedded_file(name) {
                files.push(f);
            }
        }
    }
    (files, diags, skipped)
}

/// Parses and checks TOML text held in memory (tests, fuzzing), with the
/// shipped vocabulary beside it; keeps every claim.
pub fn check_text(name: &str, bytes: &[u8]) -> Loaded {
    let mut files = vec![InputFile {
        display: name.to_string(),
        origin: input::Origin::Disk(PathBuf::from(name)),
        bytes: Some(Cow::Owned(bytes.to_vec())),
        root: None,
    }];
    for shared in input::SHARED_FILES {
        if name != shared {
            files.extend(input::embedded_file(shared));
        }
    }
    // A sink that never fails cannot make this an error.
    load_files(files, Vec::new(), Skipped::default(), &Keep::All, None).unwrap_or_default()
}

/// Reads, parses and checks files. Kept claims go to the sink when one is
/// given, else into the returned dataset. Only the sink's errors are errors
/// here; problems in the data are in `Loaded::diagnostics`.
pub fn load_files(
    mut files: Vec<InputFile>,
    diags: Vec<Diagnostic>,
    skipped: Skipped,
    keep: &Keep,
    sink: Option<Sink<'_>>,
) -> io::Result<Loaded> {
    // Vocabulary first, so that claims can stream out as their file is merged.
    files.sort_by_key(|f| {
        (
            !input::SHARED_FILES.contains(&f.file_name()),
            f.display.clone(),
        )
    });
    let mut merger = merge::Merger::new(&files, diags, sink, keep.clone());
    pool::run(&files, keep, &mut |d| merger.merge(d))?;
    let mut loaded = merger.finish(skipped)?;
    loaded.paths = files.into_iter().map(|f| f.display).collect();
    Ok(loaded)
}
