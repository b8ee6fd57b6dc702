//! Loading: bytes → TOML → checked [`Dataset`], or every problem found.
//!
//! Parsing is per file and independent; checking needs all files at once
//! (a claim in one file names a source in another). Every problem becomes a
//! [`Diagnostic`] with a position; nothing here panics on bad input.

pub mod file_model;
pub mod input;

use std::collections::HashMap;
use std::ops::Range;
use std::path::PathBuf;

use file_model::*;
pub use input::{InputFile, Skipped};

use crate::diagnostic::{self, Diagnostic};
use crate::model::*;
use crate::quantity::{Interval, Quantity};
use crate::suggest;
use crate::when::{parse_when, When};

/// Where the active data comes from.
#[derive(Debug, Clone)]
pub enum DataSource {
    /// The data built into the binary.
    Builtin,
    /// A user's folder of the same layout (`--data`, `CLAIMS_DATA`).
    Folder(PathBuf),
}

/// A load that failed: every problem, sorted, and how many files were read.
#[derive(Debug)]
pub struct LoadFailure {
    pub diagnostics: Vec<Diagnostic>,
    pub files: usize,
}

impl std::fmt::Display for LoadFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for d in &self.diagnostics {
            writeln!(f, "{d}")?;
        }
        write!(
            f,
            "{} problem{} in the data; run `claims check` for the full report",
            self.diagnostics.len(),
            if self.diagnostics.len() == 1 { "" } else { "s" }
        )
    }
}

impl std::error::Error for LoadFailure {}

/// The outcome of reading and checking a set of files.
pub struct Checked {
    pub dataset: Option<Dataset>,
    pub diagnostics: Vec<Diagnostic>,
    pub files: usize,
    pub skipped: Skipped,
}

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

/// Loads the active data, or fails with every problem found.
pub fn load(source: &DataSource) -> Result<Dataset, LoadFailure> {
    let (files, diags, skipped) = files_for(source);
    let checked = check(files, diags, skipped);
    match checked.dataset {
        Some(ds) if checked.diagnostics.is_empty() => Ok(ds),
        _ => Err(LoadFailure {
            diagnostics: checked.diagnostics,
            files: checked.files,
        }),
    }
}

/// Parses and checks files; returns the dataset only when there was no problem.
pub fn check(files: Vec<InputFile>, mut diags: Vec<Diagnostic>, skipped: Skipped) -> Checked {
    let count = files.len();
    let parsed = parse_all(files, &mut diags);
    let dataset = Checker::new(&parsed, &mut diags).run();
    diagnostic::sort(&mut diags);
    Checked {
        dataset: if diags.is_empty() {
            Some(dataset)
        } else {
            None
        },
        diagnostics: diags,
        files: count,
        skipped,
    }
}

/// Parses and checks TOML text held in memory (tests, fuzzing), with the
/// shipped vocabulary beside it.
pub fn check_text(name: &str, bytes: &[u8]) -> Checked {
    let mut files = vec![InputFile {
        display: name.to_string(),
        origin: input::Origin::Disk(PathBuf::from(name)),
        bytes: bytes.to_vec(),
    }];
    for shared in input::SHARED_FILES {
        if name != shared {
            files.extend(input::embedded_file(shared));
        }
    }
    check(files, Vec::new(), Skipped::default())
}

struct Parsed {
    file: InputFile,
    text: String,
    model: FileModel,
}

fn parse_all(files: Vec<InputFile>, diags: &mut Vec<Diagnostic>) -> Vec<Parsed> {
    // Files parse independently: spread them over the cores.
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(files.len().max(1));
    if threads <= 1 || files.len() < 4 {
        return files
            .into_iter()
            .filter_map(|f| parse_one(f).map_err(|d| diags.push(d)).ok())
            .collect();
    }
    let chunk = files.len().div_ceil(threads);
    let mut files = files;
    let mut chunks: Vec<Vec<InputFile>> = Vec::new();
    while !files.is_empty() {
        let rest = files.split_off(chunk.min(files.len()));
        chunks.push(std::mem::replace(&mut files, rest));
    }
    let results: Vec<Vec<Result<Parsed, Diagnostic>>> = std::thread::scope(|s| {
        let handles: Vec<_> = chunks
            .into_iter()
            .map(|c| s.spawn(move || c.into_iter().map(parse_one).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_default())
            .collect()
    });
    let mut out = Vec::new();
    for r in results.into_iter().flatten() {
        match r {
            Ok(p) => out.push(p),
            Err(d) => diags.push(d),
        }
    }
    out
}

fn parse_one(file: InputFile) -> Result<Parsed, Diagnostic> {
    let text = decode(&file)?;
    match toml::from_str::<FileModel>(&text) {
        Ok(model) => Ok(Parsed { file, text, model }),
        Err(e) => {
            let offset = e.span().map_or(0, |s| s.start);
            let message = e.message().trim().to_string();
            let hint = hint_for_serde_message(&message);
            let mut d = Diagnostic::at(&file.display, &text, offset, message);
            if e.span().is_none() {
                d.line = 0;
                d.column = 0;
                d.snippet = None;
            }
            Err(d.with_hint(hint))
        }
    }
}

/// UTF-8 with an optional byte-order mark; anything else is refused with
/// the position of the first bad byte.
fn decode(file: &InputFile) -> Result<String, Diagnostic> {
    let bytes = file
        .bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(&file.bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => {
            let good = e.valid_up_to();
            let prefix = String::from_utf8_lossy(&bytes[..good]);
            let (line, column, snippet) = diagnostic::locate(&prefix, good);
            Err(Diagnostic {
                path: file.display.clone(),
                line,
                column,
                message: format!(
                    "the file is not UTF-8: found byte 0x{:02X}, expected UTF-8 text",
                    bytes[good]
                ),
                snippet: Some(snippet),
                hint: Some("save the file as UTF-8 (it may be Latin-1 or UTF-16)".to_string()),
            })
        }
    }
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

/// Where an id was defined, for duplicate reports.
#[derive(Clone)]
struct Place {
    file: usize,
    span: Range<usize>,
}

struct Checker<'a> {
    files: &'a [Parsed],
    diags: &'a mut Vec<Diagnostic>,
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

impl<'a> Checker<'a> {
    fn new(files: &'a [Parsed], diags: &'a mut Vec<Diagnostic>) -> Self {
        Checker { files, diags }
    }

    fn error(&mut self, file: usize, span: Range<usize>, message: String, hint: String) {
        let f = &self.files[file];
        self.diags
            .push(Diagnostic::at(&f.file.display, &f.text, span.start, message).with_hint(hint));
    }

    fn place_text(&self, p: &Place) -> String {
        let f = &self.files[p.file];
        let (line, col, _) = diagnostic::locate(&f.text, p.span.start);
        format!("{}:{line}:{col}", f.file.display)
    }

    /// Registers an id, reporting a bad form or a duplicate (naming both places).
    fn define(
        &mut self,
        what: &str,
        registry: &mut HashMap<String, Place>,
        file: usize,
        id: &toml::Spanned<String>,
    ) -> bool {
        let place = Place {
            file,
            span: id.span(),
        };
        if !is_kebab(id.get_ref()) {
            let lower = id.get_ref().to_lowercase().replace([' ', '_'], "-");
            self.error(
                file,
                id.span(),
                format!("{what} id `{}` is not kebab-case", id.get_ref()),
                format!("ids are lowercase words joined by `-`, such as `{lower}`"),
            );
            return false;
        }
        if let Some(first) = registry.get(id.get_ref()).cloned() {
            let first_at = self.place_text(&first);
            let here = self.place_text(&place);
            self.error(
                file,
                id.span(),
                format!(
                    "duplicate {what} id `{}`: first defined at {first_at}",
                    id.get_ref()
                ),
                "rename one of the two, or delete the copy".to_string(),
            );
            self.error(
                first.file,
                first.span,
                format!("{what} id `{}` is defined again at {here}", id.get_ref()),
                String::new(),
            );
            return false;
        }
        registry.insert(id.get_ref().clone(), place);
        true
    }

    /// Checks a reference against a registry; reports the nearest known ids.
    fn resolve(
        &mut self,
        what: &str,
        registry: &HashMap<String, Place>,
        file: usize,
        id: &toml::Spanned<String>,
    ) -> bool {
        if registry.contains_key(id.get_ref()) {
            return true;
        }
        let hint = suggest::hint(id.get_ref(), registry.keys().map(String::as_str));
        self.error(
            file,
            id.span(),
            format!("unknown {what} `{}`", id.get_ref()),
            hint,
        );
        false
    }

    fn when(&mut self, file: usize, text: &toml::Spanned<String>) -> Option<When> {
        match parse_when(text.get_ref()) {
            Ok(w) => Some(w),
            Err(msg) => {
                self.error(
                    file,
                    text.span(),
                    format!("impossible or malformed date: {msg}"),
                    "dates look like 2021-11-16, 2021-11-16T18:30, 2021-11 or 2020-07-13/2020-07-14".to_string(),
                );
                None
            }
        }
    }

    fn count(&mut self, file: usize, n: &toml::Spanned<i64>, what: &str) -> Option<u64> {
        match u64::try_from(*n.get_ref()) {
            Ok(v) => Some(v),
            Err(_) => {
                self.error(
                    file,
                    n.span(),
                    format!("negative count {} for {what}", n.get_ref()),
                    "counts are whole numbers from 0 up".to_string(),
                );
                None
            }
        }
    }

    fn run(mut self) -> Dataset {
        let files = self.files;
        let mut ds = Dataset::default();
        let mut parties = HashMap::new();
        let mut sources = HashMap::new();
        let mut metrics = HashMap::new();
        let mut vague: HashMap<String, Place> = HashMap::new();
        let mut vague_intervals: HashMap<String, Interval> = HashMap::new();
        let mut acts = HashMap::new();
        let mut events = HashMap::new();
        let mut documents = HashMap::new();
        let mut propositions = HashMap::new();
        let mut claims = HashMap::new();
        let mut metric_units: HashMap<String, String> = HashMap::new();

        // Pass 1: every definition, so references may point across files.
        for (fi, f) in files.iter().enumerate() {
            let m = &f.model;
            for p in &m.party {
                if self.define("party", &mut parties, fi, &p.id) {
                    ds.parties.push(Party {
                        id: p.id.get_ref().clone(),
                        name: p.name.clone(),
                    });
                }
            }
            for s in &m.source {
                if self.define("source", &mut sources, fi, &s.id) {
                    ds.sources.push(Source {
                        id: s.id.get_ref().clone(),
                        name: s.name.clone(),
                        party: s.party.as_ref().map(|p| p.get_ref().clone()),
                        kind: s.kind,
                    });
                }
            }
            for mt in &m.metric {
                if self.define("metric", &mut metrics, fi, &mt.id) {
                    let unit = mt.unit.clone().unwrap_or_else(|| "people".to_string());
                    metric_units.insert(mt.id.get_ref().clone(), unit.clone());
                    ds.metrics.push(Metric {
                        id: mt.id.get_ref().clone(),
                        label: mt.label.clone(),
                        unit,
                        parts: mt.parts.iter().map(|p| p.get_ref().clone()).collect(),
                    });
                }
            }
            for v in &m.vague {
                if self.define("vague word", &mut vague, fi, &v.word) {
                    let low = self.count(fi, &v.low, "a vague word's low end");
                    let high = match &v.high {
                        Some(h) => self.count(fi, h, "a vague word's high end").map(Some),
                        None => Some(None),
                    };
                    if let (Some(low), Some(high)) = (low, high) {
                        if high.is_some_and(|h| h < low) {
                            let span = v.high.as_ref().map_or(v.word.span(), |h| h.span());
                            self.error(
                                fi,
                                span,
                                format!("range with low > high: {low} > {}", high.unwrap_or(0)),
                                "swap the two ends".to_string(),
                            );
                        } else {
                            vague_intervals
                                .insert(v.word.get_ref().clone(), Interval { low, high });
                        }
                    }
                }
            }
            for a in &m.act {
                if self.define("act", &mut acts, fi, &a.id) {
                    ds.acts.push(Act {
                        id: a.id.get_ref().clone(),
                        label: a.label.clone(),
                    });
                }
            }
            if let Some(e) = &m.event {
                if self.define("event", &mut events, fi, &e.id) {
                    if let Some(date) = self.when(fi, &e.date) {
                        ds.events.push(Event {
                            id: e.id.get_ref().clone(),
                            title: e.title.clone(),
                            date,
                            place: e.place.clone(),
                            summary: e.summary.clone(),
                            sides: e.sides.iter().map(|s| s.get_ref().clone()).collect(),
                        });
                    }
                }
            }
            for d in &m.document {
                if self.define("document", &mut documents, fi, &d.id) {
                    let published = d.published.as_ref().and_then(|p| self.when(fi, p));
                    ds.documents.push(Document {
                        id: d.id.get_ref().clone(),
                        title: d.title.clone(),
                        outlet: d.outlet.clone(),
                        url: d.url.clone(),
                        published,
                        language: d.language.clone(),
                        relation: d.relation.clone(),
                        note: d.note.clone(),
                    });
                }
            }
            for p in &m.proposition {
                if self.define("proposition", &mut propositions, fi, &p.id) {
                    ds.propositions.push(Proposition {
                        id: p.id.get_ref().clone(),
                        text: p.text.clone(),
                        kind: match p.kind {
                            Some(PropositionKindFile::Appeal) => PropositionKind::Appeal,
                            _ => PropositionKind::Fact,
                        },
                        excludes: p.excludes.iter().map(|x| x.get_ref().clone()).collect(),
                    });
                }
            }
        }

        // Pass 2: references inside the vocabulary.
        for (fi, f) in files.iter().enumerate() {
            for s in &f.model.source {
                if let Some(p) = &s.party {
                    self.resolve("party", &parties, fi, p);
                }
            }
            for mt in &f.model.metric {
                for part in &mt.parts {
                    if part.get_ref() == mt.id.get_ref() {
                        self.error(
                            fi,
                            part.span(),
                            format!("composite metric `{}` refers to itself", mt.id.get_ref()),
                            "a composite lists the other metrics it sums".to_string(),
                        );
                    } else {
                        self.resolve("metric", &metrics, fi, part);
                    }
                }
            }
            if let Some(e) = &f.model.event {
                for side in &e.sides {
                    self.resolve("party", &parties, fi, side);
                }
            }
            for p in &f.model.proposition {
                for x in &p.excludes {
                    self.resolve("proposition", &propositions, fi, x);
                }
            }
        }
        self.metric_cycles(&ds.metrics, &metrics);

        // Document texts, read once each, for the verbatim-quote check.
        let mut texts: HashMap<String, (usize, Option<String>)> = HashMap::new();
        for (fi, f) in files.iter().enumerate() {
            for d in &f.model.document {
                let Some(rel) = &d.text else { continue };
                let text = match f.file.read_sibling(rel.get_ref()) {
                    Ok(bytes) => match String::from_utf8(bytes) {
                        Ok(t) => Some(collapse_space(&t)),
                        Err(_) => {
                            self.error(
                                fi,
                                rel.span(),
                                format!("document text `{}` is not UTF-8", rel.get_ref()),
                                String::new(),
                            );
                            None
                        }
                    },
                    Err(msg) => {
                        self.error(
                            fi,
                            rel.span(),
                            format!("document text not found: {msg}"),
                            "the path is relative to this data file".to_string(),
                        );
                        None
                    }
                };
                texts.insert(d.id.get_ref().clone(), (fi, text));
            }
        }

        // Pass 3: claims.
        let mut seq = 0;
        for (fi, f) in files.iter().enumerate() {
            let file_event = f.model.event.as_ref().map(|e| e.id.get_ref().clone());
            for c in &f.model.claim {
                seq += 1;
                let id_ok = self.define("claim", &mut claims, fi, &c.id);
                if let Some(claim) = self.claim(
                    fi,
                    c,
                    &file_event,
                    seq,
                    Refs {
                        parties: &parties,
                        sources: &sources,
                        metrics: &metrics,
                        metric_units: &metric_units,
                        vague: &vague,
                        vague_intervals: &vague_intervals,
                        acts: &acts,
                        events: &events,
                        documents: &documents,
                        propositions: &propositions,
                        texts: &texts,
                    },
                ) {
                    if id_ok {
                        ds.claims.push(claim);
                    }
                }
            }
        }
        ds.reindex();
        ds
    }

    fn metric_cycles(&mut self, list: &[Metric], places: &HashMap<String, Place>) {
        let parts: HashMap<&str, &[String]> = list
            .iter()
            .map(|m| (m.id.as_str(), m.parts.as_slice()))
            .collect();
        for m in list {
            // Depth-first from each composite; a path back to it is a cycle.
            // A part naming the metric itself is reported where it is written.
            let mut stack: Vec<(&str, Vec<&str>)> = m
                .parts
                .iter()
                .filter(|p| **p != m.id)
                .map(|p| (p.as_str(), vec![m.id.as_str(), p.as_str()]))
                .collect();
            let mut seen = std::collections::HashSet::new();
            while let Some((cur, path)) = stack.pop() {
                if cur == m.id && path.len() > 2 {
                    if let Some(place) = places.get(&m.id).cloned() {
                        self.error(
                            place.file,
                            place.span,
                            format!(
                                "composite metric `{}` refers to itself through {}",
                                m.id,
                                path.join(" → ")
                            ),
                            "break the cycle: a composite is a sum of simpler metrics".to_string(),
                        );
                    }
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
    }

    fn claim(
        &mut self,
        fi: usize,
        c: &ClaimFile,
        file_event: &Option<String>,
        seq: usize,
        r: Refs<'_>,
    ) -> Option<Claim> {
        let mut ok = true;
        let event = match (&c.event, file_event) {
            (Some(e), _) => {
                ok &= self.resolve("event", r.events, fi, e);
                e.get_ref().clone()
            }
            (None, Some(e)) => e.clone(),
            (None, None) => {
                self.error(
                    fi,
                    c.id.span(),
                    format!("claim `{}` belongs to no event", c.id.get_ref()),
                    "add `event = \"…\"` to the claim, or an [event] table to this file"
                        .to_string(),
                );
                ok = false;
                String::new()
            }
        };
        ok &= self.resolve("source", r.sources, fi, &c.source);
        if let Some(o) = &c.origin {
            ok &= self.resolve("source", r.sources, fi, o);
        }
        ok &= self.resolve("document", r.documents, fi, &c.document);
        let said = self.when(fi, &c.said);

        let (quote, quote_kind) = match (&c.quote, &c.paraphrase) {
            (Some(q), None) => (q, QuoteKind::Verbatim),
            (None, Some(p)) => (p, QuoteKind::Paraphrase),
            (Some(_), Some(p)) => {
                self.error(
                    fi,
                    p.span(),
                    "a claim has a `quote` or a `paraphrase`, not both".to_string(),
                    "keep the document's own words in `quote`".to_string(),
                );
                return None;
            }
            (None, None) => {
                self.error(fi, c.id.span(), format!("claim `{}` has no `quote`", c.id.get_ref()), "every claim quotes its document verbatim (or the research notes, as `paraphrase`)".to_string());
                return None;
            }
        };
        if quote.get_ref().trim().is_empty() {
            self.error(
                fi,
                quote.span(),
                "the quote is empty".to_string(),
                String::new(),
            );
            ok = false;
        } else if let Some((_, Some(text))) = r.texts.get(c.document.get_ref()) {
            if !text.contains(&collapse_space(quote.get_ref())) {
                self.error(
                    fi,
                    quote.span(),
                    format!(
                        "the quote is not found verbatim in the text of document `{}`",
                        c.document.get_ref()
                    ),
                    "copy it exactly, typographic apostrophes and all; whitespace runs may differ"
                        .to_string(),
                );
                ok = false;
            }
        }

        let assertion = self.assertion(fi, c, &r);
        let (Some(said), Some(assertion), true) = (said, assertion, ok) else {
            return None;
        };
        Some(Claim {
            id: c.id.get_ref().clone(),
            event,
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

    fn assertion(&mut self, fi: usize, c: &ClaimFile, r: &Refs<'_>) -> Option<Assertion> {
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
            self.error(fi, c.id.span(), msg, "give exactly one of [claim.figure], [claim.accusation], [claim.position]; split the rest into claims of their own".to_string());
            return None;
        }
        if let Some(fig) = &c.figure {
            let fig_span = fig.span();
            let fig = fig.get_ref();
            let mut ok = self.resolve("party", r.parties, fi, &fig.party);
            ok &= self.resolve("metric", r.metrics, fi, &fig.metric);
            if let (Some(unit), Some(expected)) =
                (&fig.unit, r.metric_units.get(fig.metric.get_ref()))
            {
                if unit.get_ref() != expected {
                    self.error(
                        fi,
                        unit.span(),
                        format!(
                            "unit `{}` does not match metric `{}`, which counts {expected}",
                            unit.get_ref(),
                            fig.metric.get_ref()
                        ),
                        "drop `unit`, or use a metric in that unit".to_string(),
                    );
                    ok = false;
                }
            }
            let quantity = self.quantity(fi, fig_span, fig, r);
            return match (quantity, ok) {
                (Some(quantity), true) => Some(Assertion::Figure(Figure {
                    party: fig.party.get_ref().clone(),
                    metric: fig.metric.get_ref().clone(),
                    quantity,
                })),
                _ => None,
            };
        }
        if let Some(acc) = &c.accusation {
            let acc = acc.get_ref();
            let mut ok = self.resolve("party", r.parties, fi, &acc.accused);
            ok &= self.resolve("act", r.acts, fi, &acc.act);
            let at = match &acc.at {
                Some(t) => {
                    let w = self.when(fi, t);
                    ok &= w.is_some();
                    w
                }
                None => None,
            };
            return ok.then(|| {
                Assertion::Accusation(Accusation {
                    accused: acc.accused.get_ref().clone(),
                    act: acc.act.get_ref().clone(),
                    denies: acc.denies,
                    at,
                })
            });
        }
        let pos = c.position.as_ref()?.get_ref();
        self.resolve("proposition", r.propositions, fi, &pos.proposition)
            .then(|| {
                Assertion::Position(Position {
                    proposition: pos.proposition.get_ref().clone(),
                    stance: pos.stance,
                })
            })
    }

    fn quantity(
        &mut self,
        fi: usize,
        span: Range<usize>,
        fig: &FigureFile,
        r: &Refs<'_>,
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
            self.error(fi, span, format!("the figure {what}"), "give exactly one of exact, at_least, at_most, about, range = [low, high], vague = \"word\"".to_string());
            return None;
        }
        if let Some(v) = &fig.exact {
            return self.count(fi, v, "`exact`").map(Quantity::Exact);
        }
        if let Some(v) = &fig.at_least {
            return self.count(fi, v, "`at_least`").map(Quantity::AtLeast);
        }
        if let Some(v) = &fig.at_most {
            return self.count(fi, v, "`at_most`").map(Quantity::AtMost);
        }
        if let Some(v) = &fig.about {
            return self.count(fi, v, "`about`").map(Quantity::About);
        }
        if let Some(range) = &fig.range {
            let ends = range.get_ref();
            if ends.len() != 2 {
                self.error(
                    fi,
                    range.span(),
                    format!("a range has two ends, found {}", ends.len()),
                    "write range = [low, high]".to_string(),
                );
                return None;
            }
            let low = self.count(fi, &ends[0], "a range's low end");
            let high = self.count(fi, &ends[1], "a range's high end");
            let (low, high) = (low?, high?);
            if low > high {
                self.error(
                    fi,
                    range.span(),
                    format!("range with low > high: [{low}, {high}]"),
                    format!("did you mean [{high}, {low}]?"),
                );
                return None;
            }
            return Some(Quantity::Range { low, high });
        }
        let word = fig.vague.as_ref()?;
        if !self.resolve("vague word", r.vague, fi, word) {
            return None;
        }
        let interval = *r.vague_intervals.get(word.get_ref())?;
        Some(Quantity::Vague {
            word: word.get_ref().clone(),
            interval,
        })
    }
}

#[derive(Clone, Copy)]
struct Refs<'r> {
    parties: &'r HashMap<String, Place>,
    sources: &'r HashMap<String, Place>,
    metrics: &'r HashMap<String, Place>,
    metric_units: &'r HashMap<String, String>,
    vague: &'r HashMap<String, Place>,
    vague_intervals: &'r HashMap<String, Interval>,
    acts: &'r HashMap<String, Place>,
    events: &'r HashMap<String, Place>,
    documents: &'r HashMap<String, Place>,
    propositions: &'r HashMap<String, Place>,
    texts: &'r HashMap<String, (usize, Option<String>)>,
}

/// Folds every run of whitespace into one space, so a quote may cross a
/// line break of its document.
fn collapse_space(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
