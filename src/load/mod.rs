//! Loading: bytes → TOML → checked [`Dataset`], or every problem found.
//!
//! Each file is read, parsed and checked on its own by a worker thread (its
//! [`Digest`]): everything that needs only the file itself. The main thread
//! then merges digests in file order and checks what spans files: references
//! to ids defined elsewhere, duplicate ids, metric cycles. Claims are kept only
//! when the caller asks ([`Keep`]), and can be streamed to a sink as soon as
//! their file is merged, so memory stays bounded on large corpora.
//! Every file is read and parsed once; only an error report re-reads a file
//! to show the line of a duplicate claim id. Nothing here panics on bad input.

pub mod file_model;
pub mod index;
pub mod input;

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::io;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

use file_model::*;
pub use input::{InputFile, Skipped};

use crate::diagnostic::{self, Diagnostic, LineIndex};
use crate::model::quantity::{Interval, Quantity};
use crate::model::when::{parse_when, When};
use crate::model::*;
use crate::suggest;

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
    pub event: Option<String>,
    pub source: Option<String>,
    /// `figure`, `accusation` or `position`.
    pub kind: Option<&'static str>,
    pub metric: Option<String>,
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
    /// Claims per (event, source).
    pub tally: BTreeMap<(String, String), usize>,
    /// What each file on disk holds, when every file was read and parsed.
    pub index: Option<Vec<(PathBuf, u64, i128, index::IndexEntry)>>,
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
    let count = files.len();
    let mut merger = Merger::new(&files, diags, sink);
    let progress = crate::progress::Progress::new(count);
    // A few files are read on this thread: asking for the core count (cgroup
    // files) and starting threads would cost more than they save.
    let threads = if count < 4 {
        1
    } else {
        std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(count)
    };
    let mut outcome: io::Result<()> = Ok(());
    if threads <= 1 || count < 4 {
        for (i, f) in files.iter().enumerate() {
            outcome = merger.merge(digest(i, f, keep));
            progress.tick(i + 1);
            if outcome.is_err() {
                break;
            }
        }
    } else {
        let next = AtomicUsize::new(0);
        let stop = std::sync::atomic::AtomicBool::new(false);
        // Bounded: workers wait rather than pile digests up in memory.
        let (tx, rx) = mpsc::sync_channel::<(usize, Digest)>(threads * 4);
        std::thread::scope(|s| {
            for _ in 0..threads {
                let tx = tx.clone();
                let (next, stop, files) = (&next, &stop, &files);
                s.spawn(move || loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= files.len() || stop.load(Ordering::Relaxed) {
                        break;
                    }
                    if tx.send((i, digest(i, &files[i], keep))).is_err() {
                        break;
                    }
                });
            }
            drop(tx);
            // Merge in file order, whatever order the workers finish in.
            let mut waiting: BTreeMap<usize, Digest> = BTreeMap::new();
            let mut expected = 0;
            for (i, d) in rx.iter() {
                waiting.insert(i, d);
                while let Some(d) = waiting.remove(&expected) {
                    if outcome.is_ok() {
                        outcome = merger.merge(d);
                        if outcome.is_err() {
                            stop.store(true, Ordering::Relaxed);
                        }
                    }
                    expected += 1;
                    progress.tick(expected);
                }
            }
        });
    }
    progress.finish();
    outcome?;
    merger.finish(skipped)
}

// ---------------------------------------------------------------------------
// Per file: the digest.

/// A place in a file, resolved to line and column while the text is at hand.
#[derive(Debug, Clone)]
struct Place {
    file: usize,
    line: usize,
    column: usize,
    snippet: String,
}

impl Place {
    fn text(&self, files: &[InputFile]) -> String {
        format!("{}:{}:{}", files[self.file].display, self.line, self.column)
    }

    fn diag(
        &self,
        files: &[InputFile],
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic {
            path: files[self.file].display.clone(),
            line: self.line,
            column: self.column,
            message: message.into(),
            snippet: Some(self.snippet.clone()),
            hint: None,
        }
        .with_hint(hint)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum RefKind {
    Party,
    Source,
    Metric,
    Vague,
    Act,
    Event,
    Document,
    Proposition,
}

impl RefKind {
    fn name(self) -> &'static str {
        match self {
            RefKind::Party => "party",
            RefKind::Source => "source",
            RefKind::Metric => "metric",
            RefKind::Vague => "vague word",
            RefKind::Act => "act",
            RefKind::Event => "event",
            RefKind::Document => "document",
            RefKind::Proposition => "proposition",
        }
    }
}

/// A reference to an id this file does not define: resolved after the merge.
#[derive(Debug)]
struct ExternalRef {
    kind: RefKind,
    id: String,
    first: Place,
    uses: usize,
}

/// A definition, with where it stands.
#[derive(Debug)]
struct Def<T> {
    item: T,
    place: Place,
}

/// Everything one file contributes, checked as far as the file alone allows.
#[derive(Debug, Default)]
struct Digest {
    diags: Vec<Diagnostic>,
    parties: Vec<Def<Party>>,
    sources: Vec<Def<Source>>,
    metrics: Vec<Def<Metric>>,
    vague: Vec<Def<(String, Interval)>>,
    acts: Vec<Def<Act>>,
    events: Vec<Def<Event>>,
    documents: Vec<Def<Document>>,
    propositions: Vec<Def<Proposition>>,
    refs: Vec<ExternalRef>,
    /// (metric, unit, place): a figure's stated unit, checked against the metric's.
    units: Vec<(String, String, Place)>,
    /// (document, quote, place): quotes whose document another file defines.
    quotes: Vec<(String, String, Place)>,
    /// (hash of id, byte offset): duplicate detection across all files.
    claim_ids: Vec<(u64, u32)>,
    claims: Vec<Claim>,
    tally: HashMap<(String, String), usize>,
    claim_count: usize,
    /// For the folder index: the file's stamp (taken before reading) and contents.
    stamp: Option<(u64, i128)>,
    entry: Option<index::IndexEntry>,
}

/// FNV-1a: a fast, stable hash for duplicate detection (collisions are
/// confirmed against the text before anything is reported).
fn id_hash(id: &str) -> u64 {
    id.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn is_kebab(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// UTF-8 with an optional byte-order mark; anything else is refused with
/// the position of the first bad byte.
fn decode<'b>(display: &str, bytes: &'b [u8]) -> Result<&'b str, Diagnostic> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        let good = e.valid_up_to();
        let prefix = String::from_utf8_lossy(&bytes[..good]);
        let (line, column, snippet) = diagnostic::locate(&prefix, good);
        Diagnostic {
            path: display.to_string(),
            line,
            column,
            message: format!(
                "the file is not UTF-8: found byte 0x{:02X}, expected UTF-8 text",
                bytes[good]
            ),
            snippet: Some(snippet),
            hint: Some("save the file as UTF-8 (it may be Latin-1 or UTF-16)".to_string()),
        }
    })
}

/// Turns serde's "unknown field `x`, expected one of `a`, `b`" (and the same
/// for variants) into a "did you mean" hint.
fn hint_for_serde_message(message: &str) -> String {
    let grab = |m: &str| -> Option<(String, Vec<String>)> {
        let start = m.find('`')? + 1;
        let end = start + m[start..].find('`')?;
        let wanted = m[start..end].to_string();
        let rest = &m[end + 1..];
        let known: Vec<String> = rest
            .split('`')
            .skip(1)
            .step_by(2)
            .map(str::to_string)
            .collect();
        Some((wanted, known))
    };
    for prefix in ["unknown field", "unknown variant"] {
        if let Some(pos) = message.find(prefix) {
            if let Some((wanted, known)) = grab(&message[pos..]) {
                if !known.is_empty() {
                    return suggest::hint(&wanted, known.iter().map(String::as_str));
                }
                return "this table takes no fields".to_string();
            }
        }
    }
    if message.contains("missing field") {
        return "add the field; the README lists each table's fields".to_string();
    }
    if message.contains("invalid type") {
        return "check the value's type: strings are quoted, counts are whole numbers".to_string();
    }
    String::new()
}

/// Folds every run of whitespace into one space, so a quote may cross a
/// line break of its document.
fn collapse_space(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn keeps(keep: &Keep, c: &ClaimFile, event: &str) -> bool {
    match keep {
        Keep::Nothing => false,
        Keep::All => true,
        Keep::Matching(f) => {
            let kind = if c.figure.is_some() {
                "figure"
            } else if c.accusation.is_some() {
                "accusation"
            } else {
                "position"
            };
            f.event.as_deref().is_none_or(|e| e == event)
                && f.source.as_deref().is_none_or(|s| s == c.source.get_ref())
                && f.kind.is_none_or(|k| k == kind)
                && f.metric.as_deref().is_none_or(|m| {
                    c.figure
                        .as_ref()
                        .is_some_and(|x| x.get_ref().metric.get_ref() == m)
                })
        }
    }
}

/// FNV-1a as a `Hasher`: the per-file maps hash short ids millions of times
/// on a large corpus, where SipHash's resistance to flooding buys nothing.
#[derive(Default)]
struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h = (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type FastMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<Fnv>>;

/// The per-file checker: owns the file's text index and what it found.
struct FileCheck<'t> {
    file: usize,
    display: &'t str,
    lines: LineIndex<'t>,
    out: Digest,
    refs: FastMap<(RefKind, &'t str), usize>,
    /// Claims per (event, source), borrowed from the file until the end.
    tally: FastMap<(&'t str, &'t str), usize>,
}

type S<T> = toml::Spanned<T>;

impl<'t> FileCheck<'t> {
    fn place(&self, span: &Range<usize>) -> Place {
        let (line, column, snippet) = self.lines.locate(span.start);
        Place {
            file: self.file,
            line,
            column,
            snippet,
        }
    }

    fn error(&mut self, span: Range<usize>, message: String, hint: impl Into<String>) {
        let d = self
            .lines
            .at(self.display, span.start, message)
            .with_hint(hint);
        self.out.diags.push(d);
    }

    /// Records a use of an id defined elsewhere; the first use gives the position.
    fn reference(&mut self, kind: RefKind, id: &'t S<String>) {
        let key = (kind, id.get_ref().as_str());
        if let Some(&i) = self.refs.get(&key) {
            self.out.refs[i].uses += 1;
            return;
        }
        let first = self.place(&id.span());
        self.refs.insert(key, self.out.refs.len());
        self.out.refs.push(ExternalRef {
            kind,
            id: id.get_ref().clone(),
            first,
            uses: 1,
        });
    }

    fn id_ok(&mut self, what: &str, id: &S<String>) -> bool {
        if is_kebab(id.get_ref()) {
            return true;
        }
        let lower = id.get_ref().to_lowercase().replace([' ', '_'], "-");
        self.error(
            id.span(),
            format!("{what} id `{}` is not kebab-case", id.get_ref()),
            format!("ids are lowercase words joined by `-`, such as `{lower}`"),
        );
        false
    }

    fn when(&mut self, text: &S<String>) -> Option<When> {
        match parse_when(text.get_ref()) {
            Ok(w) => Some(w),
            Err(msg) => {
                self.error(
                    text.span(),
                    format!("impossible or malformed date: {msg}"),
                    "dates look like 2021-11-16, 2021-11-16T18:30, 2021-11 or 2020-07-13/2020-07-14",
                );
                None
            }
        }
    }

    fn count(&mut self, n: &S<i64>, what: &str) -> Option<u64> {
        match u64::try_from(*n.get_ref()) {
            Ok(v) => Some(v),
            Err(_) => {
                self.error(
                    n.span(),
                    format!("negative count {} for {what}", n.get_ref()),
                    "counts are whole numbers from 0 up",
                );
                None
            }
        }
    }
}

/// Reads, decodes, parses and checks one file.
fn digest(index: usize, file: &InputFile, keep: &Keep) -> Digest {
    let stamp = match &file.origin {
        input::Origin::Disk(path) => index::stamp(path),
        input::Origin::Embedded(_) => None,
    };
    let bytes = match file.read() {
        Ok(b) => b,
        Err(d) => {
            return Digest {
                diags: vec![d],
                ..Digest::default()
            }
        }
    };
    let text = match decode(&file.display, &bytes) {
        Ok(t) => t,
        Err(d) => {
            return Digest {
                diags: vec![d],
                ..Digest::default()
            }
        }
    };
    let model = match toml::from_str::<FileModel>(text) {
        Ok(m) => m,
        Err(e) => {
            let message = e.message().trim().to_string();
            let hint = hint_for_serde_message(&message);
            let d = match e.span() {
                Some(span) => LineIndex::new(text).at(&file.display, span.start, message),
                None => Diagnostic::file(&file.display, message),
            };
            return Digest {
                diags: vec![d.with_hint(hint)],
                ..Digest::default()
            };
        }
    };
    let mut fc = FileCheck {
        file: index,
        display: &file.display,
        lines: LineIndex::new(text),
        out: Digest::default(),
        refs: FastMap::default(),
        tally: FastMap::default(),
    };
    definitions(&mut fc, &model);
    let local_docs: HashMap<&str, Option<String>> = model
        .document
        .iter()
        .map(|d| {
            let text = d
                .text
                .as_ref()
                .and_then(|rel| document_text(&mut fc, file, rel));
            (d.id.get_ref().as_str(), text)
        })
        .collect();
    let local_props: HashSet<&str> = model
        .proposition
        .iter()
        .map(|p| p.id.get_ref().as_str())
        .collect();
    let file_event = model.event.as_ref().map(|e| e.id.get_ref().as_str());
    for (i, c) in model.claim.iter().enumerate() {
        let seq = ((index as u64) << 32) | i as u64;
        if let Some(claim) = claim(&mut fc, c, file_event, &local_docs, &local_props, keep, seq) {
            fc.out.claims.push(claim);
        }
    }
    fc.out.tally = fc
        .tally
        .iter()
        .map(|((e, s), n)| ((e.to_string(), s.to_string()), *n))
        .collect();
    // Only files on disk are indexed; built-in files are always read.
    if stamp.is_some() {
        fc.out.entry = Some(index_entry(&model, &fc.out));
    }
    fc.out.stamp = stamp;
    fc.out
}

fn index_entry(m: &FileModel, d: &Digest) -> index::IndexEntry {
    let mut claim_events: Vec<String> = d.tally.keys().map(|(e, _)| e.clone()).collect();
    claim_events.sort();
    claim_events.dedup();
    let defines = m
        .event
        .iter()
        .map(|e| format!("e:{}", e.id.get_ref()))
        .chain(m.document.iter().map(|x| format!("d:{}", x.id.get_ref())))
        .chain(
            m.proposition
                .iter()
                .map(|x| format!("p:{}", x.id.get_ref())),
        )
        .collect();
    let needs = d
        .refs
        .iter()
        .filter_map(|r| match r.kind {
            RefKind::Event => Some(format!("e:{}", r.id)),
            RefKind::Document => Some(format!("d:{}", r.id)),
            RefKind::Proposition => Some(format!("p:{}", r.id)),
            _ => None,
        })
        .collect();
    index::IndexEntry {
        events: m.event.iter().map(|e| e.id.get_ref().clone()).collect(),
        claim_events,
        shared: !(m.party.is_empty()
            && m.source.is_empty()
            && m.metric.is_empty()
            && m.vague.is_empty()
            && m.act.is_empty())
            || (m.event.is_none() && !(m.document.is_empty() && m.proposition.is_empty())),
        defines,
        needs,
    }
}

/// Reads a document's local text (whitespace folded) for the quote check.
fn document_text(fc: &mut FileCheck<'_>, file: &InputFile, rel: &S<String>) -> Option<String> {
    match file.read_sibling(rel.get_ref()) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(t) => Some(collapse_space(&t)),
            Err(_) => {
                fc.error(
                    rel.span(),
                    format!("document text `{}` is not UTF-8", rel.get_ref()),
                    "",
                );
                None
            }
        },
        Err(msg) => {
            fc.error(
                rel.span(),
                format!("document text not found: {msg}"),
                "the path is relative to this data file",
            );
            None
        }
    }
}

fn definitions<'t>(fc: &mut FileCheck<'t>, m: &'t FileModel) {
    for p in &m.party {
        if fc.id_ok("party", &p.id) {
            let place = fc.place(&p.id.span());
            fc.out.parties.push(Def {
                item: Party {
                    id: p.id.get_ref().clone(),
                    name: p.name.clone(),
                },
                place,
            });
        }
    }
    for s in &m.source {
        if let Some(p) = &s.party {
            fc.reference(RefKind::Party, p);
        }
        if fc.id_ok("source", &s.id) {
            let place = fc.place(&s.id.span());
            fc.out.sources.push(Def {
                item: Source {
                    id: s.id.get_ref().clone(),
                    name: s.name.clone(),
                    party: s.party.as_ref().map(|p| p.get_ref().clone()),
                    kind: s.kind,
                },
                place,
            });
        }
    }
    for mt in &m.metric {
        for part in &mt.parts {
            if part.get_ref() == mt.id.get_ref() {
                fc.error(
                    part.span(),
                    format!("composite metric `{}` refers to itself", mt.id.get_ref()),
                    "a composite lists the other metrics it sums",
                );
            } else {
                fc.reference(RefKind::Metric, part);
            }
        }
        if fc.id_ok("metric", &mt.id) {
            let place = fc.place(&mt.id.span());
            fc.out.metrics.push(Def {
                item: Metric {
                    id: mt.id.get_ref().clone(),
                    label: mt.label.clone(),
                    unit: mt.unit.clone().unwrap_or_else(|| "people".to_string()),
                    parts: mt
                        .parts
                        .iter()
                        .filter(|p| p.get_ref() != mt.id.get_ref())
                        .map(|p| p.get_ref().clone())
                        .collect(),
                },
                place,
            });
        }
    }
    for v in &m.vague {
        let low = fc.count(&v.low, "a vague word's low end");
        let high = match &v.high {
            Some(h) => fc.count(h, "a vague word's high end").map(Some),
            None => Some(None),
        };
        if !fc.id_ok("vague word", &v.word) {
            continue;
        }
        if let (Some(low), Some(high)) = (low, high) {
            if let (Some(h), Some(span)) = (high, v.high.as_ref().map(|h| h.span())) {
                if h < low {
                    fc.error(
                        span,
                        format!("range with low > high: {low} > {h}"),
                        "swap the two ends",
                    );
                    continue;
                }
            }
            let place = fc.place(&v.word.span());
            fc.out.vague.push(Def {
                item: (v.word.get_ref().clone(), Interval { low, high }),
                place,
            });
        }
    }
    for a in &m.act {
        if fc.id_ok("act", &a.id) {
            let place = fc.place(&a.id.span());
            fc.out.acts.push(Def {
                item: Act {
                    id: a.id.get_ref().clone(),
                    label: a.label.clone(),
                },
                place,
            });
        }
    }
    if let Some(e) = &m.event {
        for side in &e.sides {
            fc.reference(RefKind::Party, side);
        }
        let date = fc.when(&e.date);
        if let (true, Some(date)) = (fc.id_ok("event", &e.id), date) {
            let place = fc.place(&e.id.span());
            fc.out.events.push(Def {
                item: Event {
                    id: e.id.get_ref().clone(),
                    title: e.title.clone(),
                    date,
                    place: e.place.clone(),
                    summary: e.summary.clone(),
                    sides: e.sides.iter().map(|s| s.get_ref().clone()).collect(),
                },
                place,
            });
        }
    }
    for d in &m.document {
        let published = d.published.as_ref().and_then(|p| fc.when(p));
        if fc.id_ok("document", &d.id) {
            let place = fc.place(&d.id.span());
            fc.out.documents.push(Def {
                item: Document {
                    id: d.id.get_ref().clone(),
                    title: d.title.clone(),
                    outlet: d.outlet.clone(),
                    url: d.url.clone(),
                    published,
                    language: d.language.clone(),
                    relation: d.relation.clone(),
                    note: d.note.clone(),
                },
                place,
            });
        }
    }
    let local: HashSet<&str> = m
        .proposition
        .iter()
        .map(|p| p.id.get_ref().as_str())
        .collect();
    for p in &m.proposition {
        for x in &p.excludes {
            if !local.contains(x.get_ref().as_str()) {
                fc.reference(RefKind::Proposition, x);
            }
        }
        if fc.id_ok("proposition", &p.id) {
            let place = fc.place(&p.id.span());
            fc.out.propositions.push(Def {
                item: Proposition {
                    id: p.id.get_ref().clone(),
                    text: p.text.clone(),
                    kind: match p.kind {
                        Some(PropositionKindFile::Appeal) => PropositionKind::Appeal,
                        _ => PropositionKind::Fact,
                    },
                    excludes: p.excludes.iter().map(|x| x.get_ref().clone()).collect(),
                },
                place,
            });
        }
    }
}

fn claim<'t>(
    fc: &mut FileCheck<'t>,
    c: &'t ClaimFile,
    file_event: Option<&'t str>,
    local_docs: &HashMap<&str, Option<String>>,
    local_props: &HashSet<&str>,
    keep: &Keep,
    seq: u64,
) -> Option<Claim> {
    fc.out.claim_count += 1;
    let mut ok = fc.id_ok("claim", &c.id);
    fc.out.claim_ids.push((
        id_hash(c.id.get_ref()),
        u32::try_from(c.id.span().start).unwrap_or(u32::MAX),
    ));
    let event: &str = match (&c.event, file_event) {
        (Some(e), local) => {
            if local != Some(e.get_ref().as_str()) {
                fc.reference(RefKind::Event, e);
            }
            e.get_ref()
        }
        (None, Some(e)) => e,
        (None, None) => {
            fc.error(
                c.id.span(),
                format!("claim `{}` belongs to no event", c.id.get_ref()),
                "add `event = \"…\"` to the claim, or an [event] table to this file",
            );
            ok = false;
            ""
        }
    };
    *fc.tally
        .entry((event, c.source.get_ref().as_str()))
        .or_default() += 1;
    fc.reference(RefKind::Source, &c.source);
    if let Some(o) = &c.origin {
        fc.reference(RefKind::Source, o);
    }
    let said = fc.when(&c.said);

    let (quote, quote_kind) = match (&c.quote, &c.paraphrase) {
        (Some(q), None) => (q, QuoteKind::Verbatim),
        (None, Some(p)) => (p, QuoteKind::Paraphrase),
        (Some(_), Some(p)) => {
            fc.error(
                p.span(),
                "a claim has a `quote` or a `paraphrase`, not both".to_string(),
                "keep the document's own words in `quote`",
            );
            return None;
        }
        (None, None) => {
            fc.error(
                c.id.span(),
                format!("claim `{}` has no `quote`", c.id.get_ref()),
                "every claim quotes its document verbatim (or the research notes, as `paraphrase`)",
            );
            return None;
        }
    };
    match local_docs.get(c.document.get_ref().as_str()) {
        _ if quote.get_ref().trim().is_empty() => {
            fc.error(quote.span(), "the quote is empty".to_string(), "");
            ok = false;
        }
        Some(Some(text)) => {
            if !text.contains(&collapse_space(quote.get_ref())) {
                fc.error(
                    quote.span(),
                    format!(
                        "the quote is not found verbatim in the text of document `{}`",
                        c.document.get_ref()
                    ),
                    "copy it exactly, typographic apostrophes and all; whitespace runs may differ",
                );
                ok = false;
            }
        }
        Some(None) => {}
        None => {
            fc.reference(RefKind::Document, &c.document);
            let place = fc.place(&quote.span());
            fc.out
                .quotes
                .push((c.document.get_ref().clone(), quote.get_ref().clone(), place));
        }
    }

    let assertion = assertion(fc, c, local_props);
    let (Some(said), Some(assertion), true) = (said, assertion, ok) else {
        return None;
    };
    if !keeps(keep, c, event) {
        return None;
    }
    Some(Claim {
        id: c.id.get_ref().clone(),
        event: event.to_string(),
        source: c.source.get_ref().clone(),
        origin: c.origin.as_ref().map(|o| o.get_ref().clone()),
        said,
        via: c.via,
        document: c.document.get_ref().clone(),
        quote: quote.get_ref().clone(),
        quote_kind,
        language: c.language.clone(),
        english: c.english.clone(),
        reading: c.reading.clone(),
        hedged: c.hedged,
        note: c.note.clone(),
        assertion,
        seq,
    })
}

fn assertion<'t>(
    fc: &mut FileCheck<'t>,
    c: &'t ClaimFile,
    local_props: &HashSet<&str>,
) -> Option<Assertion> {
    let given = [
        c.figure.is_some(),
        c.accusation.is_some(),
        c.position.is_some(),
    ]
    .iter()
    .filter(|x| **x)
    .count();
    if given != 1 {
        let msg = if given == 0 {
            format!("claim `{}` asserts nothing", c.id.get_ref())
        } else {
            format!("claim `{}` asserts more than one thing", c.id.get_ref())
        };
        fc.error(
            c.id.span(),
            msg,
            "give exactly one of [claim.figure], [claim.accusation], [claim.position]; split the rest into claims of their own",
        );
        return None;
    }
    if let Some(fig) = &c.figure {
        let span = fig.span();
        let fig = fig.get_ref();
        fc.reference(RefKind::Party, &fig.party);
        fc.reference(RefKind::Metric, &fig.metric);
        if let Some(unit) = &fig.unit {
            let place = fc.place(&unit.span());
            fc.out
                .units
                .push((fig.metric.get_ref().clone(), unit.get_ref().clone(), place));
        }
        let quantity = quantity(fc, span, fig)?;
        return Some(Assertion::Figure(Figure {
            party: fig.party.get_ref().clone(),
            metric: fig.metric.get_ref().clone(),
            quantity,
        }));
    }
    if let Some(acc) = &c.accusation {
        let acc = acc.get_ref();
        fc.reference(RefKind::Party, &acc.accused);
        fc.reference(RefKind::Act, &acc.act);
        let at = match &acc.at {
            Some(t) => Some(fc.when(t)?),
            None => None,
        };
        return Some(Assertion::Accusation(Accusation {
            accused: acc.accused.get_ref().clone(),
            act: acc.act.get_ref().clone(),
            denies: acc.denies,
            at,
        }));
    }
    let pos = c.position.as_ref()?.get_ref();
    if !local_props.contains(pos.proposition.get_ref().as_str()) {
        fc.reference(RefKind::Proposition, &pos.proposition);
    }
    Some(Assertion::Position(Position {
        proposition: pos.proposition.get_ref().clone(),
        stance: pos.stance,
    }))
}

fn quantity<'t>(
    fc: &mut FileCheck<'t>,
    span: Range<usize>,
    fig: &'t FigureFile,
) -> Option<Quantity> {
    let forms = [
        fig.exact.is_some(),
        fig.at_least.is_some(),
        fig.at_most.is_some(),
        fig.about.is_some(),
        fig.range.is_some(),
        fig.vague.is_some(),
    ];
    let n = forms.iter().filter(|x| **x).count();
    if n != 1 {
        let what = if n == 0 {
            "has no quantity"
        } else {
            "has more than one quantity"
        };
        fc.error(
            span,
            format!("the figure {what}"),
            "give exactly one of exact, at_least, at_most, about, range = [low, high], vague = \"word\"",
        );
        return None;
    }
    if let Some(v) = &fig.exact {
        return fc.count(v, "`exact`").map(Quantity::Exact);
    }
    if let Some(v) = &fig.at_least {
        return fc.count(v, "`at_least`").map(Quantity::AtLeast);
    }
    if let Some(v) = &fig.at_most {
        return fc.count(v, "`at_most`").map(Quantity::AtMost);
    }
    if let Some(v) = &fig.about {
        return fc.count(v, "`about`").map(Quantity::About);
    }
    if let Some(range) = &fig.range {
        let ends = range.get_ref();
        if ends.len() != 2 {
            fc.error(
                range.span(),
                format!("a range has two ends, found {}", ends.len()),
                "write range = [low, high]",
            );
            return None;
        }
        let low = fc.count(&ends[0], "a range's low end");
        let high = fc.count(&ends[1], "a range's high end");
        let (low, high) = (low?, high?);
        if low > high {
            fc.error(
                range.span(),
                format!("range with low > high: [{low}, {high}]"),
                format!("did you mean [{high}, {low}]?"),
            );
            return None;
        }
        return Some(Quantity::Range { low, high });
    }
    let word = fig.vague.as_ref()?;
    fc.reference(RefKind::Vague, word);
    // The interval comes from the vocabulary when the claim is merged.
    Some(Quantity::Vague {
        word: word.get_ref().clone(),
        interval: Interval { low: 0, high: None },
    })
}

// ---------------------------------------------------------------------------
// Across files: the merge.

struct Merger<'f, 's> {
    files: &'f [InputFile],
    ds: Dataset,
    diags: Vec<Diagnostic>,
    places: HashMap<(RefKind, String), Place>,
    vague: HashMap<String, Interval>,
    refs: Vec<ExternalRef>,
    units: Vec<(String, String, Place)>,
    quotes: Vec<(String, String, Place)>,
    /// (hash, file, offset) of every claim id.
    claim_ids: Vec<(u64, u32, u32)>,
    /// Kept claims whose ids are not all defined yet.
    pending: Vec<Claim>,
    tally: BTreeMap<(String, String), usize>,
    claims_total: usize,
    /// Index of the file the next digest comes from (digests arrive in order).
    next_file: usize,
    /// Index entries of files on disk; `None` once a file could not be indexed.
    index: Option<Vec<(PathBuf, u64, i128, index::IndexEntry)>>,
    sink: Option<Sink<'s>>,
}

impl<'f, 's> Merger<'f, 's> {
    fn new(files: &'f [InputFile], diags: Vec<Diagnostic>, sink: Option<Sink<'s>>) -> Self {
        Merger {
            files,
            ds: Dataset::default(),
            diags,
            places: HashMap::new(),
            vague: HashMap::new(),
            refs: Vec::new(),
            units: Vec::new(),
            quotes: Vec::new(),
            claim_ids: Vec::new(),
            pending: Vec::new(),
            tally: BTreeMap::new(),
            claims_total: 0,
            next_file: 0,
            index: Some(Vec::new()),
            sink,
        }
    }

    /// Registers a definition; a second one of the same id names both places.
    fn define(&mut self, kind: RefKind, id: &str, place: &Place) -> bool {
        let key = (kind, id.to_string());
        if let Some(first) = self.places.get(&key) {
            let (first_at, here) = (first.text(self.files), place.text(self.files));
            let d1 = place.diag(
                self.files,
                format!(
                    "duplicate {} id `{id}`: first defined at {first_at}",
                    kind.name()
                ),
                "rename one of the two, or delete the copy",
            );
            let d2 = first.diag(
                self.files,
                format!("{} id `{id}` is defined again at {here}", kind.name()),
                "",
            );
            self.diags.push(d1);
            self.diags.push(d2);
            return false;
        }
        self.places.insert(key, place.clone());
        true
    }

    fn merge(&mut self, d: Digest) -> io::Result<()> {
        self.diags.extend(d.diags);
        for x in d.parties {
            if self.define(RefKind::Party, &x.item.id, &x.place) {
                self.ds.add_party(x.item);
            }
        }
        for x in d.sources {
            if self.define(RefKind::Source, &x.item.id, &x.place) {
                self.ds.add_source(x.item);
            }
        }
        for x in d.metrics {
            if self.define(RefKind::Metric, &x.item.id, &x.place) {
                self.ds.add_metric(x.item);
            }
        }
        for x in d.vague {
            if self.define(RefKind::Vague, &x.item.0, &x.place) {
                self.vague.insert(x.item.0, x.item.1);
            }
        }
        for x in d.acts {
            if self.define(RefKind::Act, &x.item.id, &x.place) {
                self.ds.add_act(x.item);
            }
        }
        for x in d.events {
            if self.define(RefKind::Event, &x.item.id, &x.place) {
                self.ds.add_event(x.item);
            }
        }
        for x in d.documents {
            if self.define(RefKind::Document, &x.item.id, &x.place) {
                self.ds.add_document(x.item);
            }
        }
        for x in d.propositions {
            if self.define(RefKind::Proposition, &x.item.id, &x.place) {
                self.ds.add_proposition(x.item);
            }
        }
        self.refs.extend(d.refs);
        self.units.extend(d.units);
        self.quotes.extend(d.quotes);
        let file = u32::try_from(self.next_file).unwrap_or(u32::MAX);
        if let input::Origin::Disk(path) = &self.files[self.next_file].origin {
            match (d.stamp, d.entry) {
                (Some((size, t)), Some(entry)) => {
                    if let Some(ix) = &mut self.index {
                        ix.push((path.clone(), size, t, entry));
                    }
                }
                _ => self.index = None,
            }
        }
        self.next_file += 1;
        self.claim_ids
            .extend(d.claim_ids.into_iter().map(|(h, off)| (h, file, off)));
        for (k, n) in d.tally {
            *self.tally.entry(k).or_default() += n;
        }
        self.claims_total += d.claim_count;
        let mut ready = Vec::with_capacity(d.claims.len());
        for mut c in d.claims {
            if self.complete(&mut c) {
                ready.push(c);
            } else {
                self.pending.push(c);
            }
        }
        self.deliver(ready)
    }

    /// Fills a claim's vague interval; false if an id it uses is not defined yet.
    fn complete(&self, c: &mut Claim) -> bool {
        let ds = &self.ds;
        let known = ds.source(&c.source).is_some()
            && c.origin.as_deref().is_none_or(|o| ds.source(o).is_some())
            && ds.event(&c.event).is_some()
            && ds.document(&c.document).is_some()
            && match &c.assertion {
                Assertion::Figure(f) => {
                    ds.party(&f.party).is_some()
                        && ds.metric(&f.metric).is_some()
                        && match &f.quantity {
                            Quantity::Vague { word, .. } => self.vague.contains_key(word),
                            _ => true,
                        }
                }
                Assertion::Accusation(a) => {
                    ds.party(&a.accused).is_some() && ds.act(&a.act).is_some()
                }
                Assertion::Position(p) => ds.proposition(&p.proposition).is_some(),
            };
        if !known {
            return false;
        }
        if let Assertion::Figure(Figure {
            quantity: Quantity::Vague { word, interval },
            ..
        }) = &mut c.assertion
        {
            if let Some(iv) = self.vague.get(word.as_str()) {
                *interval = *iv;
            }
        }
        true
    }

    fn deliver(&mut self, mut claims: Vec<Claim>) -> io::Result<()> {
        if claims.is_empty() {
            return Ok(());
        }
        match &mut self.sink {
            Some(sink) => {
                claims.sort_by(|a, b| a.said.order(&b.said).then(a.seq.cmp(&b.seq)));
                sink(&self.ds, claims)
            }
            None => {
                for c in claims {
                    self.ds.add_claim(c);
                }
                Ok(())
            }
        }
    }

    fn finish(mut self, skipped: Skipped) -> io::Result<Loaded> {
        let pending = std::mem::take(&mut self.pending);
        let ready: Vec<Claim> = pending
            .into_iter()
            .filter_map(|mut c| self.complete(&mut c).then_some(c))
            .collect();
        self.deliver(ready)?;
        self.resolve_refs();
        self.check_units();
        self.check_cycles();
        self.check_deferred_quotes();
        self.check_claim_ids();
        let mut diags = std::mem::take(&mut self.diags);
        diagnostic::sort(&mut diags);
        Ok(Loaded {
            dataset: self.ds,
            diagnostics: diags,
            files: self.files.len(),
            skipped,
            claims_total: self.claims_total,
            tally: self.tally,
            index: self.index,
        })
    }

    fn known_ids(&self, kind: RefKind) -> Vec<&str> {
        self.places
            .keys()
            .filter(|(k, _)| *k == kind)
            .map(|(_, id)| id.as_str())
            .collect()
    }

    fn resolve_refs(&mut self) {
        let refs = std::mem::take(&mut self.refs);
        for r in refs {
            if self.places.contains_key(&(r.kind, r.id.clone())) {
                continue;
            }
            let known = self.known_ids(r.kind);
            let mut hint = suggest::hint(&r.id, known.iter().copied());
            if r.uses > 1 {
                hint = format!("{hint} ({} uses in this file)", r.uses);
            }
            let d = r.first.diag(
                self.files,
                format!("unknown {} `{}`", r.kind.name(), r.id),
                hint,
            );
            self.diags.push(d);
        }
    }

    fn check_units(&mut self) {
        for (metric, unit, place) in std::mem::take(&mut self.units) {
            if let Some(m) = self.ds.metric(&metric) {
                if m.unit != unit {
                    let d = place.diag(
                        self.files,
                        format!(
                            "unit `{unit}` does not match metric `{metric}`, which counts {}",
                            m.unit
                        ),
                        "drop `unit`, or use a metric in that unit",
                    );
                    self.diags.push(d);
                }
            }
        }
    }

    fn check_cycles(&mut self) {
        let parts: HashMap<&str, &[String]> = self
            .ds
            .metrics
            .iter()
            .map(|m| (m.id.as_str(), m.parts.as_slice()))
            .collect();
        let mut found = Vec::new();
        for m in &self.ds.metrics {
            let mut stack: Vec<(&str, Vec<&str>)> = m
                .parts
                .iter()
                .map(|p| (p.as_str(), vec![m.id.as_str(), p.as_str()]))
                .collect();
            let mut seen = HashSet::new();
            while let Some((cur, path)) = stack.pop() {
                if cur == m.id {
                    found.push((m.id.clone(), path.join(" → ")));
                    break;
                }
                if !seen.insert(cur) {
                    continue;
                }
                for p in parts.get(cur).copied().unwrap_or(&[]) {
                    let mut next = path.clone();
                    next.push(p);
                    stack.push((p, next));
                }
            }
        }
        for (id, path) in found {
            if let Some(place) = self.places.get(&(RefKind::Metric, id.clone())) {
                let d = place.diag(
                    self.files,
                    format!("composite metric `{id}` refers to itself through {path}"),
                    "break the cycle: a composite is a sum of simpler metrics",
                );
                self.diags.push(d);
            }
        }
    }

    /// Quotes whose document is defined in another file: read that document's text now.
    fn check_deferred_quotes(&mut self) {
        let quotes = std::mem::take(&mut self.quotes);
        if quotes.is_empty() {
            return;
        }
        let mut texts: HashMap<String, Option<String>> = HashMap::new();
        for (doc, quote, place) in quotes {
            let text = texts.entry(doc.clone()).or_insert_with(|| {
                let place = self.places.get(&(RefKind::Document, doc.clone()))?;
                let file = &self.files[place.file];
                let bytes = file.read().ok()?;
                let text = std::str::from_utf8(&bytes).ok()?;
                let model: FileModel = toml::from_str(text).ok()?;
                let rel = model
                    .document
                    .iter()
                    .find(|d| d.id.get_ref() == &doc)?
                    .text
                    .clone()?;
                let body = file.read_sibling(rel.get_ref()).ok()?;
                String::from_utf8(body).ok().map(|t| collapse_space(&t))
            });
            if let Some(text) = text {
                if !text.contains(&collapse_space(&quote)) {
                    let d = place.diag(
                        self.files,
                        format!("the quote is not found verbatim in the text of document `{doc}`"),
                        "copy it exactly, typographic apostrophes and all; whitespace runs may differ",
                    );
                    self.diags.push(d);
                }
            }
        }
    }

    /// Duplicate claim ids, found by sorting hashes; the error path re-reads
    /// the files concerned to name both places.
    fn check_claim_ids(&mut self) {
        let mut ids = std::mem::take(&mut self.claim_ids);
        ids.sort_unstable();
        let mut reread: HashMap<u32, Option<(String, String)>> = HashMap::new();
        let mut text_of = |file: u32| -> Option<(String, String)> {
            reread
                .entry(file)
                .or_insert_with(|| {
                    let f = self.files.get(file as usize)?;
                    let bytes = f.read().ok()?;
                    let text = decode(&f.display, &bytes).ok()?.to_string();
                    Some((f.display.clone(), text))
                })
                .clone()
        };
        let mut found = Vec::new();
        for group in ids.chunk_by(|a, b| a.0 == b.0) {
            if group.len() < 2 {
                continue;
            }
            let located: Vec<(String, String, usize, usize, String)> = group
                .iter()
                .filter_map(|&(_, file, off)| {
                    let (display, text) = text_of(file)?;
                    let off = off as usize;
                    let rest = text.get(off..)?;
                    let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
                    let id = rest[1..].split(quote).next()?.to_string();
                    let (line, col, snippet) = LineIndex::new(&text).locate(off);
                    Some((id, display, line, col, snippet))
                })
                .collect();
            // Equal hashes of different ids are not duplicates.
            for (i, a) in located.iter().enumerate() {
                if let Some(first) = located[..i].iter().find(|b| b.0 == a.0) {
                    found.push((a.clone(), first.clone()));
                }
            }
        }
        for ((id, path, line, col, snippet), (_, fpath, fline, fcol, fsnippet)) in found {
            self.diags.push(Diagnostic {
                path: path.clone(),
                line,
                column: col,
                message: format!(
                    "duplicate claim id `{id}`: first defined at {fpath}:{fline}:{fcol}"
                ),
                snippet: Some(snippet),
                hint: Some("rename one of the two, or delete the copy".to_string()),
            });
            self.diags.push(Diagnostic {
                path: fpath,
                line: fline,
                column: fcol,
                message: format!("claim id `{id}` is defined again at {path}:{line}:{col}"),
                snippet: Some(fsnippet),
                hint: None,
            });
        }
    }
}
