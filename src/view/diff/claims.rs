//! Claims between two versions of the data, by id: added, removed,
//! changed (and which fields), retracted or restored, moved to another file
//! (not a change) and renamed (every field but the id the same: not a
//! delete and an add).

use std::collections::{BTreeMap, HashMap};
use std::fmt::Debug;
use std::sync::Arc;

use serde::Serialize;

use crate::model::quantity::{Amount, Interval, Quantity};
use crate::model::{Assertion, Claim, Dataset, Figure};

/// What `diff` compares of one claim: small, so that a corpus of a
/// million claims is compared without holding its claims.
#[derive(Debug, Clone)]
pub struct ClaimFacts {
    pub event: String,
    /// Its file's place among the files read (from its `seq`).
    file_index: u32,
    /// Its file, relative to the data folder (shared by its claims).
    pub file: Arc<str>,
    /// A hash of its fields as the file states them.
    pub content: u64,
    /// The claim it retracts or corrects.
    pub withdraws: Option<String>,
    /// The claim that retracted or corrected it.
    pub withdrawn_by: Option<String>,
}

/// Feeds what is formatted straight into a hash: no text is built.
struct HashWriter(fnv::FnvHasher);

impl std::fmt::Write for HashWriter {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        use std::hash::Hasher;
        self.0.write(s.as_bytes());
        Ok(())
    }
}

/// Each field of a claim that says something, but its id: the one list
/// both the hash and the names of changed fields are made from.
fn each_field(c: &Claim, f: &mut dyn FnMut(&'static str, &dyn Debug)) {
    f("event", &c.event);
    f("source", &c.source);
    f("origin", &c.origin);
    f("said", &c.said);
    f("via", &c.via);
    f("document", &c.document);
    f("quote", &c.quote);
    f("quote_kind", &c.quote_kind);
    f("language", &c.language);
    f("english", &c.english);
    f("reading", &c.reading);
    f("hedged", &c.hedged);
    f("attribution", &c.attribution);
    f("place", &c.place);
    f("corrects", &c.corrects);
    f("note", &c.note);
    f("assertion", &AsWritten(&c.assertion));
    f("reports", &c.reports);
    f("order", &c.order);
    f("misreports", &c.misreports);
    f("with", &c.with);
    f("record", &c.record);
    f("sum_of_own", &c.sum_of_own);
}

fn content(c: &Claim) -> u64 {
    use std::fmt::Write;
    use std::hash::Hasher;
    let mut w = HashWriter(fnv::FnvHasher::default());
    each_field(c, &mut |name, value| {
        let _ = write!(w, "{name}={value:?}\0");
    });
    w.0.finish()
}

/// The fields in which two claims differ.
pub fn fields_that_differ(a: &Claim, b: &Claim) -> Vec<&'static str> {
    let mut before = Vec::new();
    each_field(a, &mut |name, value| {
        before.push((name, format!("{value:?}")))
    });
    let mut names = Vec::new();
    let mut i = 0;
    each_field(b, &mut |name, value| {
        if before
            .get(i)
            .is_some_and(|(_, v)| *v != format!("{value:?}"))
        {
            names.push(name);
        }
        i += 1;
    });
    names
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
struct AsWritten<'a>(&'a Assertion);

impl Debug for AsWritten<'_> {
    fn fmt(&self, out: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0 {
            Assertion::Figure(f) => {
                let mut f = f.clone();
                plain_figure(&mut f);
                write!(out, "{f:?}")
            }
            other => write!(out, "{other:?}"),
        }
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
        file_index: (c.seq >> 32) as u32,
        file: Arc::from(""),
        content: content(c),
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
    let paths: Vec<Arc<str>> = paths.iter().map(|p| Arc::from(p.as_str())).collect();
    for f in facts.values_mut() {
        if let Some(p) = paths.get(f.file_index as usize) {
            f.file = Arc::clone(p);
        }
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
    /// Renamed into another file: the old file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from_file: Option<String>,
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
            from_file: None,
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
    if old.content != new.content {
        // Which fields is named once the claims are at hand (see
        // [`fields_that_differ`]): only these are kept.
        out.push(ClaimChange::new(&new.event, id, ClaimChangeKind::Changed));
        // A claim moved to another event changes the one it left too.
        if old.event != new.event {
            out.push(ClaimChange::new(&old.event, id, ClaimChangeKind::Changed));
        }
    } else if old.file != new.file {
        let mut c = ClaimChange::new(&new.event, id, ClaimChangeKind::Moved);
        c.from = Some(old.file.to_string());
        c.file = Some(new.file.to_string());
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
    let mut gone: BTreeMap<u64, Vec<&str>> = BTreeMap::new();
    let mut removed: Vec<&str> = old
        .keys()
        .filter(|id| !new.contains_key(*id))
        .map(String::as_str)
        .collect();
    removed.sort_unstable();
    for id in &removed {
        gone.entry(old[*id].content).or_default().push(id);
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
            .get_mut(&f.content)
            .and_then(|ids| (!ids.is_empty()).then(|| ids.remove(0)));
        let mut c = match was {
            // The same fields under another id: a rename.
            Some(old_id) => {
                renamed_from.insert(old_id);
                let mut c = ClaimChange::new(&f.event, id, ClaimChangeKind::Renamed);
                c.from = Some(old_id.to_string());
                // Renamed and moved to another file: both said.
                if old[old_id].file != f.file {
                    c.from_file = Some(old[old_id].file.to_string());
                    c.file = Some(f.file.to_string());
                }
                c
            }
            _ => ClaimChange::new(&f.event, id, ClaimChangeKind::Added),
        };
        if c.change == ClaimChangeKind::Added {
            c.file = Some(f.file.to_string());
        }
        out.push(c);
    }
    for id in removed.into_iter().filter(|id| !renamed_from.contains(id)) {
        let mut c = ClaimChange::new(&old[id].event, id, ClaimChangeKind::Removed);
        c.file = Some(old[id].file.to_string());
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
