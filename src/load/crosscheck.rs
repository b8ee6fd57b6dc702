//! Across files, once everything is merged: unknown ids (with the nearest
//! known ones), units, composite cycles, quotes of documents defined in
//! another file, and duplicate claim ids.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use super::figure::{sum_problem, BREAKDOWN_HINT};
use super::file_check::RefKind;
use super::merge::Merger;
use super::text::{collapse_space, decode};
use crate::diagnostic::{Code, Diagnostic, Label, LineIndex};
use crate::model::quantity::Quantity;
use crate::suggest;

impl Merger<'_, '_> {
    pub(super) fn resolve_refs(&mut self) {
        let refs = std::mem::take(&mut self.refs);
        let mut known: HashMap<RefKind, (Vec<&str>, Option<suggest::CaseHints>)> = HashMap::new();
        let mut diags = Vec::new();
        for r in refs
            .iter()
            .filter(|r| !self.places.contains_key(&(r.kind, r.id.clone())))
        {
            let (known, by_case) = known
                .entry(r.kind)
                .or_insert_with(|| (self.known_ids(r.kind), None));
            // Typo hints compare the id with every known one: only the first
            // few problems get them, so thousands of unknown ids against
            // thousands of known ones stay linear.
            let mut hint = if diags.len() < suggest::DISTANCE_HINTS {
                suggest::hint(&r.id, known.iter().copied())
            } else {
                by_case
                    .get_or_insert_with(|| suggest::CaseHints::new(known.iter().copied()))
                    .hint(&r.id)
            };
            // "fired first" is in the label of `started-fighting`: an id
            // not near any other is looked for among the labels' words.
            if !hint.starts_with("did you mean") {
                let labels: Vec<(&str, &str)> = match r.kind {
                    RefKind::Act => self
                        .ds
                        .acts
                        .iter()
                        .map(|a| (a.id.as_str(), a.label.as_str()))
                        .collect(),
                    RefKind::Metric => self
                        .ds
                        .metrics
                        .iter()
                        .map(|m| (m.id.as_str(), m.label.as_str()))
                        .collect(),
                    _ => Vec::new(),
                };
                if let Some(by_label) = suggest::by_label(&r.id, labels) {
                    hint = by_label;
                }
            }
            // A file that did not parse and seems to give the id: the cause.
            if let Some(&file) = self.unparsed_ids.get(&r.id) {
                let name = &self.files[file].display;
                hint = format!(
                    "probably because {name} failed to parse (its problem is listed first)"
                );
            }
            // A list cut short names the command that gives it whole.
            if let Some(command) = r.kind.listing().filter(|_| hint.ends_with(" in all)")) {
                hint = format!("{hint}; `claims {command}` lists them");
            }
            if r.uses > 1 {
                hint = format!("{hint} ({} uses in this file)", r.uses);
            }
            diags.push(r.first.diag(
                Code::UnknownId,
                self.files,
                format!("unknown {} `{}`", r.kind.name(), suggest::clip(&r.id)),
                hint,
            ));
        }
        self.diags.extend(diags);
    }

    /// Breakdowns with a vague word: summed now that the words' intervals are known.
    pub(super) fn check_vague_breakdowns(&mut self) {
        for (total, parts, place) in std::mem::take(&mut self.breakdowns) {
            let resolve = |q: Quantity| match q {
                Quantity::Vague { word, interval } => {
                    let interval = self.vague.get(&word).copied().unwrap_or(interval);
                    Quantity::Vague { word, interval }
                }
                other => other,
            };
            let parts: Vec<Quantity> = parts.into_iter().map(resolve).collect();
            if let Some(message) = sum_problem(&resolve(total), &parts) {
                let d = place.diag(Code::BadBreakdown, self.files, message, BREAKDOWN_HINT);
                self.diags.push(d);
            }
        }
    }

    /// Decimals only in a measure: a count of people or vehicles is whole.
    pub(super) fn check_decimals(&mut self) {
        for (metric, place) in std::mem::take(&mut self.decimals) {
            if let Some(m) = self.ds.metric(&metric).filter(|m| !m.decimals) {
                let d = place.diag(
                    Code::BadNumber,
                    self.files,
                    format!(
                        "metric `{metric}` counts {}: a whole number is expected",
                        m.unit
                    ),
                    "decimals are for measures (km², hours): mark such a metric `decimals = true`",
                );
                self.diags.push(d);
            }
        }
    }

    /// `from` and `to` only of a transfer metric (prisoners released).
    pub(super) fn check_transfers(&mut self) {
        for (metric, place) in std::mem::take(&mut self.transfers) {
            if let Some(m) = self.ds.metric(&metric).filter(|m| !m.transfer) {
                let d = place.diag(
                    Code::BadParties,
                    self.files,
                    format!(
                        "metric `{}` counts losses, not a transfer from one party to another",
                        m.id
                    ),
                    "give whose losses (`party`), or use a metric with `kind = \"transfer\"`",
                );
                self.diags.push(d);
            }
        }
    }

    pub(super) fn check_units(&mut self) {
        for (metric, unit, place) in std::mem::take(&mut self.units) {
            if let Some(m) = self.ds.metric(&metric) {
                if m.unit != unit && crate::model::units::factor(&unit, &m.unit).is_none() {
                    let d = place.diag(
                        Code::UnitMismatch,
                        self.files,
                        format!(
                            "unit `{unit}` does not match metric `{metric}`, which counts {}",
                            m.unit
                        ),
                        format!(
                            "drop `unit`, or use a metric in that unit ({})",
                            crate::model::units::CONVERTIBLE
                        ),
                    );
                    self.diags.push(d);
                }
            }
        }
    }

    /// A composite sums simple metrics of its own unit, each once. A part
    /// that is itself a composite is refused (its parts are listed instead),
    /// so no composite can reach itself and one pass over the parts, linear
    /// in their number, finds every problem.
    pub(super) fn check_composites(&mut self) {
        let mut found: Vec<(String, String, &'static str)> = Vec::new();
        for m in self.ds.metrics.iter().filter(|m| !m.parts.is_empty()) {
            let mut seen: HashSet<&str> = HashSet::new();
            for part in &m.parts {
                let (id, p) = (&m.id, part.as_str());
                if !seen.insert(p) {
                    found.push((
                        id.clone(),
                        format!("composite metric `{id}` lists `{p}` twice"),
                        "list each part once",
                    ));
                    continue;
                }
                let Some(pm) = self.ds.metric(p) else {
                    continue;
                };
                if !pm.parts.is_empty() {
                    let msg = format!("composite metric `{id}` lists `{p}`, itself a composite");
                    found.push((id.clone(), msg, "list the simple metrics it sums instead"));
                } else if pm.unit != m.unit {
                    let msg = format!(
                        "composite metric `{id}` counts {} but its part `{p}` counts {}",
                        m.unit, pm.unit
                    );
                    found.push((id.clone(), msg, "a composite sums parts of its own unit"));
                }
            }
        }
        for (id, message, hint) in found {
            if let Some(place) = self.places.get(&(RefKind::Metric, id)) {
                let d = place.diag(Code::BadComposite, self.files, message, hint);
                self.diags.push(d);
            }
        }
    }

    /// Quotes whose document is defined in another file: read that document's text now.
    pub(super) fn check_deferred_quotes(&mut self) {
        let quotes = std::mem::take(&mut self.quotes);
        if quotes.is_empty() {
            return;
        }
        // Each text is read once, however many documents name it.
        let mut by_path: HashMap<(usize, String), Option<Arc<str>>> = HashMap::new();
        let mut texts: HashMap<String, Option<Arc<str>>> = HashMap::new();
        for (doc, quote, place) in quotes {
            let text = texts.entry(doc.clone()).or_insert_with(|| {
                let (file, rel) = self.doc_texts.get(&doc)?;
                let key = (*file, rel.clone());
                let loaded = by_path.entry(key).or_insert_with(|| {
                    let body = self.files[*file].read_sibling(rel).ok()?;
                    String::from_utf8(body)
                        .ok()
                        .map(|t| Arc::from(collapse_space(&t)))
                });
                loaded.clone()
            });
            if let Some(text) = text {
                if !text.contains(&collapse_space(&quote)) {
                    let hint = self
                        .budget
                        .hint(text, &quote)
                        .unwrap_or_else(|| super::text::QUOTE_HINT.to_string());
                    let d = place.diag(
                        Code::QuoteNotFound,
                        self.files,
                        format!("the quote is not found verbatim in the text of document `{doc}`"),
                        hint,
                    );
                    self.diags.push(d);
                }
            }
        }
    }

    /// Duplicate claim ids, found by sorting hashes; the error path re-reads
    /// the files concerned (each once, with one line table) to name both places.
    pub(super) fn check_claim_ids(&mut self) {
        let mut ids = std::mem::take(&mut self.claim_ids);
        ids.sort_unstable();
        let groups: Vec<&[(u64, u32, u32)]> = ids
            .chunk_by(|a, b| a.0 == b.0)
            .filter(|g| g.len() > 1)
            .collect();
        let mut texts: HashMap<u32, (String, String)> = HashMap::new();
        for &(_, file, _) in groups.iter().flat_map(|g| g.iter()) {
            if let std::collections::hash_map::Entry::Vacant(e) = texts.entry(file) {
                let read = self.files.get(file as usize).and_then(|f| {
                    let bytes = f.read().ok()?;
                    let text = decode(&f.display, &bytes).ok()?.to_string();
                    Some((f.display.clone(), text))
                });
                if let Some(t) = read {
                    e.insert(t);
                }
            }
        }
        let lines: HashMap<u32, LineIndex> = texts
            .iter()
            .map(|(&f, (_, t))| (f, LineIndex::new(t)))
            .collect();
        let mut found = Vec::new();
        for group in groups {
            let located: Vec<(String, String, usize, usize, String)> = group
                .iter()
                .filter_map(|&(_, file, off)| {
                    let (display, text) = texts.get(&file)?;
                    let off = off as usize;
                    let id = super::text::toml_string_at(text, off)?;
                    let (line, col, snippet) = lines.get(&file)?.locate(off);
                    Some((id, display.clone(), line, col, snippet))
                })
                .collect();
            // Equal hashes of different ids are not duplicates: each copy
            // is named against the first of its own id.
            let mut first: HashMap<&str, usize> = HashMap::new();
            for (i, a) in located.iter().enumerate() {
                match first.get(a.0.as_str()) {
                    Some(&f) => found.push((a.clone(), located[f].clone())),
                    None => {
                        first.insert(&a.0, i);
                    }
                }
            }
        }
        for ((id, path, line, column, snippet), (_, fpath, fline, fcol, fsnippet)) in found {
            let first = Label {
                path: fpath,
                line: fline,
                column: fcol,
                snippet: Some(fsnippet),
                label: "first defined here".to_string(),
            };
            let d = Diagnostic {
                code: Code::DuplicateId,
                path,
                line,
                column,
                message: format!("duplicate claim id `{}`", crate::suggest::clip(&id)),
                snippet: Some(snippet),
                hint: Some("rename one of the two, or delete the copy".to_string()),
                secondary: vec![first],
            };
            self.diags.push(d);
        }
    }
}
