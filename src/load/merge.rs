//! Across files: digests merged in file order into one dataset; a second
//! definition of an id is reported with both places; claims are completed
//! (vague words resolved) as soon as every id they use is known.

use std::collections::{BTreeMap, HashMap};
use std::io;

use super::budget::Budget;
use super::digest::digest_rest;
use super::file_check::{Digest, ExternalRef, Place, RefKind, Withdrawal};
use super::index::IndexedFile;
use super::input::{InputFile, Origin};
use super::read_once::Skipped;
use super::{Keep, Loaded, Sink};
use crate::diagnostic::{self, Code, Diagnostic};
use crate::model::quantity::{Interval, Quantity};
use crate::model::*;

pub(super) struct Merger<'f, 's> {
    pub(super) files: &'f [InputFile],
    pub(super) ds: Dataset,
    pub(super) diags: Vec<Diagnostic>,
    pub(super) places: HashMap<(RefKind, String), Place>,
    pub(super) vague: HashMap<String, Interval>,
    pub(super) refs: Vec<ExternalRef>,
    pub(super) units: Vec<(String, String, Place)>,
    pub(super) decimals: Vec<(String, Place)>,
    pub(super) transfers: Vec<(String, Place)>,
    pub(super) quotes: Vec<(String, String, Place)>,
    /// See [`super::links`].
    pub(super) withdrawals: Vec<Withdrawal>,
    /// See [`super::standing_changes`].
    pub(super) spanning: Vec<super::file_check::Spanning>,
    /// Breakdowns with a vague word, summed once the vocabulary is known.
    pub(super) breakdowns: Vec<(Quantity, Vec<Quantity>, Place)>,
    /// Claims naming a place their event does not list.
    pub(super) unlisted_places: Vec<(String, Vec<String>, Place)>,
    /// (hash, file, offset) of every claim id.
    pub(super) claim_ids: Vec<(u64, u32, u32)>,
    /// Kept claims whose ids are not all defined yet.
    pub(super) pending: Vec<Claim>,
    pub(super) tally: BTreeMap<(String, String), usize>,
    pub(super) claims_total: usize,
    pub(super) records_total: usize,
    /// Index of the file the next digest comes from (digests arrive in order).
    pub(super) next_file: usize,
    /// Index entries of files on disk; `None` once a file could not be indexed.
    pub(super) index: Option<Vec<IndexedFile>>,
    /// Document id -> (file, path of its text relative to that file), first definition first.
    pub(super) doc_texts: HashMap<String, (usize, String)>,
    pub(super) sink: Option<Sink<'s>>,
    /// The run's budget for hints and re-parses, spent in file order.
    pub(super) budget: Budget,
    /// Id -> the file that did not parse whose text seems to give it.
    pub(super) unparsed_ids: HashMap<String, usize>,
    /// What the load keeps: the rest of a file with type errors is checked with it.
    pub(super) keep: Keep,
    /// The question each act answers, and where it was listed.
    pub(super) answered: HashMap<String, (String, Place)>,
    /// Handovers and admissions, for [`super::record_roles`].
    pub(super) record_roles: Vec<super::sum_facts::Role<Place>>,
    /// Own figures and third parties' joint figures, for [`super::sums`].
    pub(super) sums: super::sum_facts::Sums<Place>,
    /// Definitions of each kind in the file being merged so far.
    kind_counts: HashMap<RefKind, usize>,
    /// Each definition's place among its kind in its file.
    rank: HashMap<(RefKind, String), usize>,
}

impl<'f, 's> Merger<'f, 's> {
    pub(super) fn new(
        files: &'f [InputFile],
        diags: Vec<Diagnostic>,
        sink: Option<Sink<'s>>,
        keep: Keep,
    ) -> Self {
        Merger {
            files,
            ds: Dataset::default(),
            diags,
            places: HashMap::new(),
            vague: HashMap::new(),
            refs: Vec::new(),
            units: Vec::new(),
            decimals: Vec::new(),
            transfers: Vec::new(),
            quotes: Vec::new(),
            withdrawals: Vec::new(),
            spanning: Vec::new(),
            breakdowns: Vec::new(),
            unlisted_places: Vec::new(),
            claim_ids: Vec::new(),
            pending: Vec::new(),
            tally: BTreeMap::new(),
            claims_total: 0,
            records_total: 0,
            next_file: 0,
            index: Some(Vec::new()),
            doc_texts: HashMap::new(),
            sink,
            budget: Budget::default(),
            unparsed_ids: HashMap::new(),
            keep,
            answered: HashMap::new(),
            sums: Default::default(),
            record_roles: Vec::new(),
            kind_counts: HashMap::new(),
            rank: HashMap::new(),
        }
    }

    /// Registers a definition; a second one of the same id names both places.
    pub(super) fn define(&mut self, kind: RefKind, id: &str, place: &Place) -> bool {
        let key = (kind, id.to_string());
        if let Some(first) = self.places.get(&key) {
            let d = place
                .diag(
                    Code::DuplicateId,
                    self.files,
                    format!(
                        "duplicate {} id `{}`",
                        kind.name(),
                        crate::suggest::clip(id)
                    ),
                    "rename one of the two, or delete the copy",
                )
                .with_secondary(first.label(self.files, "first defined here"));
            self.diags.push(d);
            return false;
        }
        // Its place among its kind in its file: the order definitions keep
        // whatever the files are called (see `Dataset::sort_definitions`).
        let count = self.kind_counts.entry(kind).or_default();
        self.rank.insert(key.clone(), *count);
        *count += 1;
        self.places.insert(key, place.clone());
        true
    }

    /// Registers every definition of a digest; the first of an id wins.
    fn define_all(&mut self, d: &mut Digest) {
        for x in std::mem::take(&mut d.parties) {
            if self.define(RefKind::Party, &x.item.id, &x.place) {
                self.ds.add_party(x.item);
            }
        }
        for x in std::mem::take(&mut d.sources) {
            if self.define(RefKind::Source, &x.item.id, &x.place) {
                self.ds.add_source(x.item);
            }
        }
        for x in std::mem::take(&mut d.metrics) {
            if self.define(RefKind::Metric, &x.item.id, &x.place) {
                self.ds.add_metric(x.item);
            }
        }
        for x in std::mem::take(&mut d.vague) {
            if self.define(RefKind::Vague, &x.item.0, &x.place) {
                self.ds.vague.push(x.item.clone());
                self.vague.insert(x.item.0, x.item.1);
            }
        }
        for x in std::mem::take(&mut d.acts) {
            if self.define(RefKind::Act, &x.item.id, &x.place) {
                self.ds.add_act(x.item);
            }
        }
        self.define_questions(std::mem::take(&mut d.questions));
        for x in std::mem::take(&mut d.events) {
            if self.define(RefKind::Event, &x.item.id, &x.place) {
                self.ds.add_event(x.item);
            }
        }
        for x in std::mem::take(&mut d.documents) {
            if self.define(RefKind::Document, &x.item.id, &x.place) {
                self.ds.add_document(x.item);
            }
        }
        for x in std::mem::take(&mut d.propositions) {
            if self.define(RefKind::Proposition, &x.item.id, &x.place) {
                self.ds.add_proposition(x.item);
            }
        }
        for x in std::mem::take(&mut d.categories) {
            if self.define(RefKind::Category, &x.item.id, &x.place) {
                self.ds.add_category(x.item);
            }
        }
        for x in std::mem::take(&mut d.places) {
            if self.define(RefKind::Place, &x.item.id, &x.place) {
                self.ds.add_place(x.item);
            }
        }
    }

    pub(super) fn merge(&mut self, mut d: Digest) -> io::Result<()> {
        if d.every_error {
            let file = &self.files[self.next_file];
            if let Some((all, rest)) = self.budget.every_error(file) {
                // What did parse gets its quote, reference and rule checks
                // in this run, not after the type errors are fixed.
                if let Some(text) = rest {
                    let ids = std::mem::take(&mut d.unparsed_ids);
                    d = digest_rest(self.next_file, file, &text, &self.keep);
                    d.unparsed_ids = ids;
                    d.entry = None;
                    d.stamp = None;
                }
                let mut diags = all;
                diags.append(&mut d.diags);
                d.diags = diags;
            }
        }
        for id in std::mem::take(&mut d.unparsed_ids) {
            self.unparsed_ids.entry(id).or_insert(self.next_file);
        }
        let near = std::mem::take(&mut d.near_misses);
        self.budget.near_misses(&mut d.diags, near);
        self.diags.extend(std::mem::take(&mut d.diags));
        self.define_all(&mut d);
        self.refs.extend(d.refs);
        self.units.extend(d.units);
        self.quotes.extend(d.quotes);
        self.withdrawals.extend(d.withdrawals);
        self.spanning.extend(d.spanning);
        self.breakdowns.extend(d.breakdowns);
        self.unlisted_places.extend(d.unlisted_places);
        self.decimals.extend(d.decimals);
        self.transfers.extend(d.transfers);
        let file = u32::try_from(self.next_file).unwrap_or(u32::MAX);
        if let Origin::Disk(path) = &self.files[self.next_file].origin {
            match (d.stamp, d.entry) {
                (Some((stamp, hash)), Some(entry)) => {
                    if let Some(ix) = &mut self.index {
                        ix.push(IndexedFile {
                            path: path.clone(),
                            stamp,
                            hash,
                            entry,
                        });
                    }
                }
                _ => self.index = None,
            }
        }
        for (doc, rel) in d.doc_texts {
            self.doc_texts.entry(doc).or_insert((self.next_file, rel));
        }
        self.next_file += 1;
        self.kind_counts.clear();
        self.claim_ids
            .extend(d.claim_ids.into_iter().map(|(h, off)| (h, file, off)));
        self.sums.note_file(d.singles, d.joints);
        self.record_roles.extend(d.record_roles);
        for (k, n) in d.tally {
            *self.tally.entry(k).or_default() += n;
        }
        self.claims_total += d.claim_count;
        self.records_total += d.record_count;
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
    pub(super) fn complete(&self, c: &mut Claim) -> bool {
        let ds = &self.ds;
        let known = ds.source(&c.source).is_some()
            && c.origin.as_deref().is_none_or(|o| ds.source(o).is_some())
            && c.with.iter().all(|s| ds.source(s).is_some())
            && ds.event(&c.event).is_some()
            && ds.document(&c.document).is_some()
            && c.place.as_deref().is_none_or(|p| ds.place(p).is_some())
            && match &c.assertion {
                Assertion::Figure(f) => self.figure_known(f),
                Assertion::Accusation(a) => {
                    a.accused.as_deref().is_none_or(|p| ds.party(p).is_some())
                        && ds.act(&a.act).is_some()
                }
                Assertion::Position(p) => ds.proposition(&p.proposition).is_some(),
                Assertion::Retraction { .. } => true,
            };
        if !known {
            return false;
        }
        // Every date on the claim is read on its event's clock.
        let zone = ds.event(&c.event).and_then(Event::zone_minutes);
        c.said.place_in(zone);
        match &mut c.assertion {
            Assertion::Figure(f) => {
                for w in f.as_of.iter_mut().chain(f.since.iter_mut()) {
                    w.place_in(zone);
                }
            }
            Assertion::Accusation(Accusation {
                at: Some(At::When(w)),
                ..
            }) => w.place_in(zone),
            _ => {}
        }
        if let Assertion::Figure(f) = &mut c.assertion {
            let parts = f.breakdown.iter_mut().map(|p| &mut p.quantity);
            let readings = f.readings.iter_mut();
            for q in std::iter::once(&mut f.quantity)
                .chain(parts)
                .chain(readings)
            {
                if let Quantity::Vague { word, interval } = q {
                    if let Some(iv) = self.vague.get(word.as_str()) {
                        *interval = *iv;
                    }
                }
            }
            // "50 ha" of a metric in km² is weighed in km² (before the
            // outlets' readings, in the same unit, widen it).
            if let Some(m) = self.ds.metric(&f.metric) {
                f.convert_to(&m.unit);
                // "More than 1 km²" is anything above 1, not 2 or more.
                if m.decimals {
                    f.measure();
                }
            }
            f.widen_to_readings();
        }
        true
    }

    /// Whether every id a figure (and its breakdown) uses is defined.
    fn figure_known(&self, f: &Figure) -> bool {
        let ds = &self.ds;
        let vague_ok = |q: &Quantity| match q {
            Quantity::Vague { word, .. } => self.vague.contains_key(word),
            _ => true,
        };
        f.parties.iter().all(|p| ds.party(p).is_some())
            && ds.metric(&f.metric).is_some()
            && vague_ok(&f.quantity)
            && f.category
                .as_deref()
                .is_none_or(|c| ds.category(c).is_some())
            && f.either.iter().all(|m| ds.metric(m).is_some())
            // A part by cause names no category.
            && f.breakdown.iter().all(|p| {
                vague_ok(&p.quantity)
                    && p.category
                        .as_deref()
                        .is_none_or(|c| ds.category(c).is_some())
            })
    }

    pub(super) fn deliver(&mut self, claims: Vec<Claim>) -> io::Result<()> {
        // Records are weighed against the claims, never among them: they
        // never reach the comparison's claims (nor a streaming sink).
        let (records, mut claims): (Vec<Claim>, Vec<Claim>) =
            claims.into_iter().partition(|c| c.record.is_some());
        self.ds.records.extend(records);
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

    pub(super) fn finish(mut self, skipped: Skipped) -> io::Result<Loaded> {
        let pending = std::mem::take(&mut self.pending);
        let ready: Vec<Claim> = pending
            .into_iter()
            .filter_map(|mut c| self.complete(&mut c).then_some(c))
            .collect();
        self.deliver(ready)?;
        // Every kept claim is known: each increment meets its speaker's previous figure.
        crate::model::increments::resolve(&mut self.ds.claims);
        // And what each position implies or presupposes is stated for it.
        crate::model::implied::add(&mut self.ds);
        self.resolve_refs();
        self.check_units();
        self.check_decimals();
        self.check_transfers();
        self.check_composites();
        self.check_alignment();
        self.check_place_cycles();
        self.check_unlisted_places();
        self.check_withdrawals();
        self.check_vague_breakdowns();
        self.check_deferred_quotes();
        self.check_standing_changes();
        self.check_presuppositions();
        self.check_sums();
        self.check_record_roles();
        self.check_claim_ids();
        let mut diags = std::mem::take(&mut self.diags);
        diagnostic::sort(&mut diags);
        let rank = std::mem::take(&mut self.rank);
        self.ds.sort_definitions(&|kind, id| {
            rank.get(&(kind, id.to_string()))
                .copied()
                .unwrap_or(usize::MAX)
        });
        Ok(Loaded {
            dataset: self.ds,
            diagnostics: diags,
            files: self.files.len(),
            skipped,
            claims_total: self.claims_total,
            records_total: self.records_total,
            tally: self.tally,
            index: self.index,
            paths: Vec::new(),
        })
    }

    /// The ids a hint may suggest: only those that are themselves valid.
    pub(super) fn known_ids(&self, kind: RefKind) -> Vec<&str> {
        self.places
            .keys()
            .filter(|(k, id)| *k == kind && super::file_check::is_kebab(id))
            .map(|(_, id)| id.as_str())
            .collect()
    }
}
