//! `claims diff`: what a change to the data does to the published verdicts.
//! Both versions are compared event by event with the same rules; rows are
//! matched by what they are about ([`rows`]) and claims by id ([`claims`]).
//! A verdict that changed is traced to the claims on its row that changed;
//! a row whose claims did not change but whose verdict did is a rule change
//! (new vocabulary, a new question).

pub mod claims;
pub mod rows;

use std::collections::{BTreeSet, HashMap, HashSet};

use serde::Serialize;

pub use claims::{ClaimChange, ClaimChangeKind, ClaimFacts};
use rows::RowState;

use crate::compare::{self, Options};
use crate::model::Dataset;

/// What a version holds, in little memory: every claim's facts, a hash of
/// its vocabulary and one of each event's definition.
#[derive(Debug, Default)]
pub struct Summary {
    pub facts: HashMap<String, ClaimFacts>,
    /// Parties, sources, metrics, acts, questions, propositions,
    /// categories, places and vague words: a change to any may move any
    /// verdict.
    definitions: u64,
    events: HashMap<String, u64>,
}

fn hash_of(value: &dyn std::fmt::Debug) -> u64 {
    use std::hash::Hasher;
    let mut h = fnv::FnvHasher::default();
    h.write(format!("{value:?}").as_bytes());
    h.finish()
}

impl Summary {
    /// Claims as they are loaded (a load's sink).
    pub fn add(&mut self, claims: &[crate::model::Claim]) {
        self.facts
            .extend(claims.iter().filter_map(claims::of_claim));
    }

    /// Adds what the loaded dataset holds (its records and any claims
    /// kept), names each claim's file from `paths` and hashes the definitions.
    pub fn finish(&mut self, ds: &Dataset, paths: &[String]) {
        self.add(&ds.claims);
        self.add(&ds.records);
        claims::complete(&mut self.facts, paths);
        let defs: [&dyn std::fmt::Debug; 9] = [
            &ds.parties,
            &ds.sources,
            &ds.metrics,
            &ds.acts,
            &ds.questions,
            &ds.propositions,
            &ds.categories,
            &ds.places,
            &ds.vague,
        ];
        self.definitions = hash_of(&defs);
        self.events = ds
            .events
            .iter()
            .map(|e| (e.id.clone(), hash_of(e)))
            .collect();
    }

    /// A summary of a dataset that holds its claims.
    pub fn of(ds: &Dataset, paths: &[String]) -> Self {
        let mut s = Summary::default();
        s.finish(ds, paths);
        s
    }
}

/// The events whose rows may differ: those with a claim that changed or a
/// definition that changed, or every event when the vocabulary did.
pub fn events_to_compare(old: &Summary, new: &Summary) -> Vec<String> {
    let mut ids: Vec<&String> = old.events.keys().chain(new.events.keys()).collect();
    ids.sort_unstable();
    ids.dedup();
    if old.definitions != new.definitions {
        return ids.into_iter().cloned().collect();
    }
    let changes = claims::changes(&old.facts, &new.facts);
    let touched: HashSet<&str> = changes
        .iter()
        .filter(|c| c.is_change())
        .map(|c| c.event.as_str())
        .collect();
    ids.into_iter()
        .filter(|id| touched.contains(id.as_str()) || old.events.get(*id) != new.events.get(*id))
        .cloned()
        .collect()
}

/// One version of the data: a dataset holding (at least) the claims of
/// the events to compare, and its summary.
pub struct Version<'a> {
    /// What the user called it: a folder, a revision, "the working tree".
    pub name: String,
    pub ds: &'a Dataset,
    pub summary: &'a Summary,
}

impl Version<'_> {
    fn rows(&self, event: &str, options: &Options) -> Option<Vec<RowState>> {
        let e = self.ds.event(event)?;
        let cmp = compare::compare(self.ds, e, options.clone());
        Some(rows::rows(self.ds, &cmp))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RowChangeKind {
    /// The verdict changed (its figures may have too).
    Verdict,
    /// Figures or stances changed within cells; the verdict did not.
    Figures,
    Added,
    Removed,
}

/// One column's entries before and after.
#[derive(Debug, Clone, Serialize)]
pub struct CellChange {
    pub column: String,
    pub before: Vec<String>,
    pub after: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RowChange {
    pub row: String,
    pub label: String,
    pub change: RowChangeKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub before: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cells: Vec<CellChange>,
    /// The claims on the row that changed.
    pub cause: Vec<String>,
    /// No claim on the row changed: the rules or the vocabulary did.
    pub rule_change: bool,
}

impl RowChange {
    /// Whether a published verdict changed, appeared or went.
    pub fn moves_a_verdict(&self) -> bool {
        self.change != RowChangeKind::Figures
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum EventStatus {
    Added,
    Removed,
    Changed,
}

/// `--stat`: an event's changes counted.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Stat {
    pub verdicts_changed: usize,
    pub rows_added: usize,
    pub rows_removed: usize,
    /// Rows whose figures or stances changed with the same verdict.
    pub figures_changed: usize,
    pub conflicts_before: usize,
    pub conflicts_after: usize,
    pub claims_changed: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct EventDiff {
    pub event: String,
    pub status: EventStatus,
    pub stat: Stat,
    pub rows: Vec<RowChange>,
    pub claims: Vec<ClaimChange>,
}

/// The whole difference, the JSON record of `diff`.
#[derive(Debug, Clone, Serialize)]
pub struct Diff {
    pub old: String,
    pub new: String,
    /// Only events where something changed, by id.
    pub events: Vec<EventDiff>,
}

impl Diff {
    /// Rows whose verdict changed, appeared or went, across events.
    pub fn verdict_changes(&self) -> usize {
        let rows = self.events.iter().flat_map(|e| &e.rows);
        rows.filter(|r| r.moves_a_verdict()).count()
    }
}

fn cells_changed(old: &RowState, new: &RowState) -> Vec<CellChange> {
    let columns: BTreeSet<&String> = old.cells.keys().chain(new.cells.keys()).collect();
    let empty = Vec::new();
    columns
        .into_iter()
        .filter_map(|col| {
            let before = old.cells.get(col).unwrap_or(&empty);
            let after = new.cells.get(col).unwrap_or(&empty);
            (before != after).then(|| CellChange {
                column: col.clone(),
                before: before.clone(),
                after: after.clone(),
            })
        })
        .collect()
}

fn row_change(
    old: Option<&RowState>,
    new: Option<&RowState>,
    changed: &HashSet<&str>,
) -> Option<RowChange> {
    let (change, cells) = match (old, new) {
        (Some(o), Some(n)) => {
            let cells = cells_changed(o, n);
            match (o.verdict != n.verdict, cells.is_empty()) {
                (true, _) => (RowChangeKind::Verdict, cells),
                (false, false) => (RowChangeKind::Figures, cells),
                (false, true) => return None,
            }
        }
        (None, Some(_)) => (RowChangeKind::Added, Vec::new()),
        (Some(_), None) => (RowChangeKind::Removed, Vec::new()),
        (None, None) => return None,
    };
    let on_row: BTreeSet<&String> = old
        .iter()
        .chain(new.iter())
        .flat_map(|r| &r.claims)
        .collect();
    let cause: Vec<String> = on_row
        .into_iter()
        .filter(|id| changed.contains(id.as_str()))
        .cloned()
        .collect();
    let any = new.or(old)?;
    Some(RowChange {
        row: any.key.clone(),
        label: any.label.clone(),
        change,
        before: old.map(|r| r.verdict.clone()),
        after: new.map(|r| r.verdict.clone()),
        cells,
        rule_change: cause.is_empty(),
        cause,
    })
}

/// The rows of one event that changed, in the new version's order, then
/// the rows that went, in the old one's.
fn event_rows(old: &[RowState], new: &[RowState], changed: &HashSet<&str>) -> Vec<RowChange> {
    let before: HashMap<&str, &RowState> = old.iter().map(|r| (r.key.as_str(), r)).collect();
    let after: HashSet<&str> = new.iter().map(|r| r.key.as_str()).collect();
    let kept = new
        .iter()
        .filter_map(|n| row_change(before.get(n.key.as_str()).copied(), Some(n), changed));
    let gone = old
        .iter()
        .filter(|o| !after.contains(o.key.as_str()))
        .filter_map(|o| row_change(Some(o), None, changed));
    kept.chain(gone).collect()
}

fn stat(rows: &[RowChange], old: &[RowState], new: &[RowState], claims: &[ClaimChange]) -> Stat {
    let count = |k: RowChangeKind| rows.iter().filter(|r| r.change == k).count();
    Stat {
        verdicts_changed: count(RowChangeKind::Verdict),
        rows_added: count(RowChangeKind::Added),
        rows_removed: count(RowChangeKind::Removed),
        figures_changed: count(RowChangeKind::Figures),
        conflicts_before: old.iter().filter(|r| r.conflict).count(),
        conflicts_after: new.iter().filter(|r| r.conflict).count(),
        claims_changed: claims.iter().filter(|c| c.is_change()).count(),
    }
}

/// A claim or record by id.
fn find<'d>(ds: &'d Dataset, id: &str) -> Option<&'d crate::model::Claim> {
    ds.claim(id)
        .or_else(|| ds.records.iter().find(|r| r.id == id))
}

/// Names the fields of each changed claim, from the claims themselves
/// (their events are among those loaded whole).
fn name_fields(changes: &mut [ClaimChange], old: &Dataset, new: &Dataset) {
    for c in changes
        .iter_mut()
        .filter(|c| c.change == ClaimChangeKind::Changed)
    {
        if let (Some(a), Some(b)) = (find(old, &c.id), find(new, &c.id)) {
            c.fields = claims::fields_that_differ(a, b);
        }
    }
}

/// The ids of claims that changed in a way that can move a verdict.
fn changed_ids(all: &[ClaimChange]) -> HashSet<&str> {
    all.iter()
        .filter(|c| c.is_change())
        .map(|c| c.id.as_str())
        .collect()
}

/// One event's changes between two versions, given every claim change;
/// `None` when nothing about it changed.
fn event_diff(
    (old, new): (&Version, &Version),
    id: &str,
    claims: Vec<ClaimChange>,
    changed: &HashSet<&str>,
    options: &Options,
) -> Option<EventDiff> {
    let (before, after) = (old.rows(id, options), new.rows(id, options));
    let status = match (&before, &after) {
        (None, None) => return None,
        (None, _) => EventStatus::Added,
        (_, None) => EventStatus::Removed,
        _ => EventStatus::Changed,
    };
    let (before, after) = (before.unwrap_or_default(), after.unwrap_or_default());
    let rows = event_rows(&before, &after, changed);
    if rows.is_empty() && claims.is_empty() && status == EventStatus::Changed {
        return None;
    }
    Some(EventDiff {
        event: id.to_string(),
        status,
        stat: stat(&rows, &before, &after, &claims),
        rows,
        claims,
    })
}

/// Compares two versions with the same options: the rows of `events` (see
/// [`events_to_compare`]), and every claim.
pub fn diff(old: &Version, new: &Version, events: &[String], options: &Options) -> Diff {
    let mut all_claims = claims::changes(&old.summary.facts, &new.summary.facts);
    name_fields(&mut all_claims, old.ds, new.ds);
    let mut ids: Vec<&str> = all_claims
        .iter()
        .map(|c| c.event.as_str())
        .chain(events.iter().map(String::as_str))
        .collect();
    ids.sort_unstable();
    ids.dedup();
    let changed = changed_ids(&all_claims);
    let mut by_event: HashMap<&str, Vec<ClaimChange>> = HashMap::new();
    for c in &all_claims {
        by_event
            .entry(c.event.as_str())
            .or_default()
            .push(c.clone());
    }
    let events = ids
        .into_iter()
        .filter_map(|id| {
            let claims = by_event.remove(id).unwrap_or_default();
            event_diff((old, new), id, claims, &changed, options)
        })
        .collect();
    Diff {
        old: old.name.clone(),
        new: new.name.clone(),
        events,
    }
}

/// One event's changes only (`claims log`).
pub fn diff_event(
    old: &Version,
    new: &Version,
    event: &str,
    options: &Options,
) -> Option<EventDiff> {
    let all_claims = claims::changes(&old.summary.facts, &new.summary.facts);
    let changed = changed_ids(&all_claims);
    let claims = all_claims
        .iter()
        .filter(|c| c.event == event)
        .cloned()
        .collect();
    event_diff((old, new), event, claims, &changed, options)
}
