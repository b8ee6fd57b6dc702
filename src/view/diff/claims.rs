//! Claims between two versions of the data, by id: added, removed,
//! changed (and which fields), retracted or restored, moved to another file
//! (not a change) and renamed (every field but the id the same: not a
//! delete and an add).

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use crate::model::quantity::{Amount, Interval, Quantity};
use crate::model::{Assertion, Claim, Dataset, Figure};

/// What `diff` compares of one claim: small, so that a corpus of a
/// million claims is compared without holding its claims.
#[derive(Debug, Clone)]
pub struct ClaimFacts {
    pub event: String,
    /// Its file, relative to the data folder.
    pub file: String,
    /// A hash of each field as the file states it.
    pub fields: Vec<(&'static str, u64)>,
    /// The claim it retracts or corrects.
    pub withdraws: Option<String>,
    /// The claim that retracted or corrected it.
    pub withdrawn_by: Option<String>,
}

fn hash(text: &str) -> u64 {
    use std::hash::Hasher;
    let mut h = fnv::FnvHasher::default();
    h.write(text.as_bytes());
    h.finish()
}

fn fields(c: &Claim) -> Vec<(&'static str, u64)> {
    written(c).into_iter().map(|(k, v)| (k, hash(&v))).collect()
}

fn written(c: &Claim) -> Vec<(&'static str, String)> {
    let d = |v: &dyn std::fmt::Debug| format!("{v:?}");
    vec![
        ("event", c.event.clone()),
        ("source", c.source.clone()),
        ("origin", d(&c.origin)),
        ("said", d(&c.said)),
        ("via", d(&c.via)),
        ("document", c.document.clone()),
        ("quote", c.quote.clone()),
        ("quote_kind", d(&c.quote_kind)),
        ("language", c.language.clone()),
        ("english", d(&c.english)),
        ("reading", d(&c.reading)),
        ("hedged", c.hedged.to_string()),
        ("attribution", d(&c.attribution)),
        ("place", d(&c.place)),
        ("corrects", d(&c.corrects)),
        ("note", d(&c.note)),
        ("assertion", as_written(&c.assertion)),
        ("reports", d(&c.reports)),
        ("order", d(&c.order)),
        ("misreports", d(&c.misreports)),
        ("with", d(&c.with)),
        ("record", d(&c.record)),
        ("sum_of_own", c.sum_of_own.to_string()),
    ]
}

/// Blanks what a quantity owes to the rest of the data (a vague word's
/// interval, an increment's total), so that only its own words compare.
fn plain(q: &mut Quantity) {
    match q {
        Quantity::Vague { interval, .. } => {
            *interval = Interval {
                low: Amount(0),
                high: None,
            }
        }
        Quantity::More { total, .. } => *total = None,
        _ => {}
    }
}

fn plain_figure(f: &mut Figure) {
    plain(&mut f.quantity);
    f.readings.iter_mut().for_each(plain);
    if let Some((_, q, _)) = &mut f.stated_in {
        plain(q);
    }
    f.breakdown.iter_mut().for_each(plain_figure);
}

/// An assertion as its file states it: a change to the vocabulary, or to
/// the figure an increment builds on, is not a change of this claim.
fn as_written(a: &Assertion) -> String {
    match a {
        Assertion::Figure(f) => {
            let mut f = f.clone();
            plain_figure(&mut f);
            format!("{f:?}")
        }
        other => format!("{other:?}"),
    }
}

/// The facts of one stated claim or record (statements the tool derives
/// from positions are left out: their position is compared); `file` names
/// its file later, from its `seq`.
pub fn of_claim(c: &Claim) -> Option<(String, ClaimFacts)> {
    if c.implied_by.is_some() {
        return None;
    }
    let withdraws = match &c.assertion {
        Assertion::Retraction { of } => Some(of.clone()),
        _ => c.corrects.clone(),
    };
    let f = ClaimFacts {
        event: c.event.clone(),
        file: (c.seq >> 32).to_string(),
        fields: fields(c),
        withdraws,
        withdrawn_by: None,
    };
    Some((c.id.clone(), f))
}

/// Names each claim's file and the claim that withdrew it, once all are known.
pub fn complete(facts: &mut HashMap<String, ClaimFacts>, paths: &[String]) {
    let withdrawn: Vec<(String, String)> = facts
        .iter()
        .filter_map(|(id, f)| f.withdraws.clone().map(|of| (of, id.clone())))
        .collect();
    for f in facts.values_mut() {
        let i: usize = f.file.parse().unwrap_or(usize::MAX);
        f.file = paths.get(i).cloned().unwrap_or_default();
    }
    for (of, by) in withdrawn {
        if let Some(f) = facts.get_mut(&of) {
            f.withdrawn_by = Some(by);
        }
    }
}

/// Every stated claim and record of a dataset by id.
pub fn facts(ds: &Dataset, paths: &[String]) -> HashMap<String, ClaimFacts> {
    let mut facts: HashMap<String, ClaimFacts> = ds
        .claims
        .iter()
        .chain(&ds.records)
        .filter_map(of_claim)
        .collect();
    complete(&mut facts, paths);
    facts
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ClaimChangeKind {
    Added,
    Removed,
    Changed,
    Retracted,
    Restored,
    Renamed,
    Moved,
}

/// One claim's change.
#[derive(Debug, Clone, Serialize)]
pub struct ClaimChange {
    pub event: String,
    pub id: String,
    pub change: ClaimChangeKind,
    /// Renamed: the old id; moved: the old file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// Moved: the new file; added or removed: its file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// Changed: the fields that differ.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<&'static str>,
    /// Retracted: the claim that withdrew it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
}

impl ClaimChange {
    fn new(event: &str, id: &str, change: ClaimChangeKind) -> Self {
        ClaimChange {
            event: event.to_string(),
            id: id.to_string(),
            change,
            from: None,
            file: None,
            fields: Vec::new(),
            by: None,
        }
    }

    /// Whether it can change a verdict: a move or a rename cannot.
    pub fn is_change(&self) -> bool {
        !matches!(
            self.change,
            ClaimChangeKind::Moved | ClaimChangeKind::Renamed
        )
    }
}

/// A claim present on both sides under one id.
fn both(id: &str, old: &ClaimFacts, new: &ClaimFacts, out: &mut Vec<ClaimChange>) {
    let differ: Vec<&'static str> = old
        .fields
        .iter()
        .zip(&new.fields)
        .filter(|(a, b)| a.1 != b.1)
        .map(|(a, _)| a.0)
        .collect();
    if !differ.is_empty() {
        let mut c = ClaimChange::new(&new.event, id, ClaimChangeKind::Changed);
        c.fields = differ;
        out.push(c);
    } else if old.file != new.file {
        let mut c = ClaimChange::new(&new.event, id, ClaimChangeKind::Moved);
        c.from = Some(old.file.clone());
        c.file = Some(new.file.clone());
        out.push(c);
    }
    match (&old.withdrawn_by, &new.withdrawn_by) {
        (None, Some(by)) => {
            let mut c = ClaimChange::new(&new.event, id, ClaimChangeKind::Retracted);
            c.by = Some(by.clone());
            out.push(c);
        }
        (Some(by), None) => {
            let mut c = ClaimChange::new(&new.event, id, ClaimChangeKind::Restored);
            c.by = Some(by.clone());
            out.push(c);
        }
        _ => {}
    }
}

/// Every claim change between two versions, ordered by event, then id.
pub fn changes(
    old: &HashMap<String, ClaimFacts>,
    new: &HashMap<String, ClaimFacts>,
) -> Vec<ClaimChange> {
    let mut out = Vec::new();
    // Removed claims by content, so that an added claim of the same
    // content is a rename. Sorted: the pairing never depends on hashing.
    let mut gone: BTreeMap<&[(&'static str, u64)], Vec<&str>> = BTreeMap::new();
    let mut removed: Vec<&str> = old
        .keys()
        .filter(|id| !new.contains_key(*id))
        .map(String::as_str)
        .collect();
    removed.sort_unstable();
    for id in &removed {
        gone.entry(old[*id].fields.as_slice()).or_default().push(id);
    }
    let mut added: Vec<&str> = new
        .keys()
        .filter(|id| !old.contains_key(*id))
        .map(String::as_str)
        .collect();
    added.sort_unstable();
    let mut renamed_from = std::collections::HashSet::new();
    for id in added {
        let f = &new[id];
        let was = gone
            .get_mut(f.fields.as_slice())
            .and_then(|ids| (!ids.is_empty()).then(|| ids.remove(0)));
        let mut c = match was {
            // The same fields under another id: a rename.
            Some(old_id) => {
                renamed_from.insert(old_id);
                let mut c = ClaimChange::new(&f.event, id, ClaimChangeKind::Renamed);
                c.from = Some(old_id.to_string());
                c
            }
            _ => ClaimChange::new(&f.event, id, ClaimChangeKind::Added),
        };
        if c.change == ClaimChangeKind::Added {
            c.file = Some(f.file.clone());
        }
        out.push(c);
    }
    for id in removed.into_iter().filter(|id| !renamed_from.contains(id)) {
        let mut c = ClaimChange::new(&old[id].event, id, ClaimChangeKind::Removed);
        c.file = Some(old[id].file.clone());
        out.push(c);
    }
    let mut kept: Vec<&String> = new.keys().filter(|id| old.contains_key(*id)).collect();
    kept.sort_unstable();
    for id in kept {
        both(id, &old[id], &new[id], &mut out);
    }
    out.sort_by(|a, b| (&a.event, &a.id, a.change).cmp(&(&b.event, &b.id, b.change)));
    out
}
