//! Across files, once every claim is known: places that lie within
//! themselves through a chain, and retractions and corrections that cannot
//! withdraw what they name (a missing claim, another source's, a later one).

use std::collections::{HashMap, HashSet};

use super::digest::{id_hash, FileCheck, Place, RefKind};
use super::file_model::{ClaimFile, FileModel};
use super::merge::Merger;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::when::{parse_when, When};
use crate::model::{Assertion, Claim};
use crate::suggest;

/// What the check of a withdrawal needs of a claim.
struct Link<'x> {
    id: &'x str,
    voice: &'x str,
    event: Option<&'x str>,
    said: Option<When>,
    withdraws: Option<&'x str>,
}

impl<'x> Link<'x> {
    fn of_claim(c: &'x Claim) -> Self {
        Link {
            id: &c.id,
            voice: c.voice(),
            event: Some(&c.event),
            said: Some(c.said.clone()),
            withdraws: match &c.assertion {
                Assertion::Retraction { of } => Some(of),
                _ => c.corrects.as_deref(),
            },
        }
    }

    fn of_file(c: &'x ClaimFile, file_event: Option<&'x str>) -> Self {
        Link {
            id: c.id.get_ref(),
            voice: c.origin.as_ref().unwrap_or(&c.source).get_ref(),
            event: c
                .event
                .as_ref()
                .map(|e| e.get_ref().as_str())
                .or(file_event),
            said: parse_when(c.said.get_ref()).ok(),
            withdraws: c
                .retracts
                .as_ref()
                .or(c.corrects.as_ref())
                .map(|t| t.get_ref().as_str()),
        }
    }
}

/// Withdrawals whose target is in the same file, checked with the file
/// (whatever the load keeps); the rest are left for the merge.
pub(super) fn local_withdrawals(fc: &mut FileCheck<'_>, m: &FileModel) {
    let file_event = m.event.as_ref().map(|e| e.id.get_ref().as_str());
    let by_id: HashMap<&str, &ClaimFile> = m
        .claim
        .iter()
        .map(|c| (c.id.get_ref().as_str(), c))
        .collect();
    let mut keep = Vec::new();
    for w in std::mem::take(&mut fc.out.withdrawals) {
        let Some(target) = by_id.get(w.1.as_str()) else {
            keep.push(w);
            continue;
        };
        let Some(claim) = by_id.get(w.0.as_str()) else {
            continue;
        };
        let verb = if w.2 { "corrects" } else { "retracts" };
        let (c, t) = (
            Link::of_file(claim, file_event),
            Link::of_file(target, file_event),
        );
        if let Some(message) = mismatch(&c, &t, verb) {
            let d = Diagnostic {
                code: Code::BadRetraction,
                path: fc.display.to_string(),
                line: w.3.line,
                column: w.3.column,
                message,
                snippet: Some(w.3.snippet.clone()),
                hint: None,
                secondary: Vec::new(),
            };
            fc.out.diags.push(d.with_hint(HINT));
        }
    }
    fc.out.withdrawals = keep;
}

const HINT: &str = "a claim withdraws an earlier claim of its own voice, in its event";

impl Merger<'_, '_> {
    /// A `within` chain that comes back to its start. Each place is walked
    /// once: a walk stops at a place already settled, so a chain of any
    /// length costs linear time.
    pub(super) fn check_place_cycles(&mut self) {
        let within: HashMap<&str, &str> = self
            .ds
            .places
            .iter()
            .filter_map(|p| Some((p.id.as_str(), p.within.as_deref()?)))
            .collect();
        let mut settled: HashSet<&str> = HashSet::new();
        let mut found = Vec::new();
        for p in &self.ds.places {
            let mut path: Vec<&str> = Vec::new();
            let mut on_path: HashMap<&str, usize> = HashMap::new();
            let mut cur = Some(p.id.as_str());
            while let Some(c) = cur.filter(|c| !settled.contains(c)) {
                if let Some(&start) = on_path.get(c) {
                    let mut cycle = path[start..].to_vec();
                    cycle.push(c);
                    found.push((c.to_string(), cycle.join(" → ")));
                    break;
                }
                on_path.insert(c, path.len());
                path.push(c);
                cur = within.get(c).copied();
            }
            settled.extend(path);
        }
        for (id, path) in found {
            if let Some(place) = self.places.get(&(RefKind::Place, id.clone())) {
                let d = place.diag(
                    Code::PlaceCycle,
                    self.files,
                    format!("place `{id}` lies within itself through {path}"),
                    "`within` names a larger place; break the chain",
                );
                self.diags.push(d);
            }
        }
    }

    /// Every `retracts` and `corrects` names an earlier claim of the same
    /// voice in the same event. A target this load did not keep (a filtered
    /// listing) is known only by its id, and is checked no further.
    pub(super) fn check_withdrawals(&mut self) {
        let withdrawals = std::mem::take(&mut self.withdrawals);
        if withdrawals.is_empty() {
            return;
        }
        let all: HashSet<u64> = self.claim_ids.iter().map(|x| x.0).collect();
        for (id, target, corrects, place) in withdrawals {
            let verb = if corrects { "corrects" } else { "retracts" };
            let problem = match (self.ds.claim(&id), self.ds.claim(&target)) {
                _ if id == target => Some(format!("claim `{id}` {verb} itself")),
                (_, None) if !all.contains(&id_hash(&target)) => {
                    let known = self.ds.claims.iter().map(|c| c.id.as_str());
                    let hint = suggest::hint(&target, known);
                    self.push(&place, format!("{verb} unknown claim `{target}`"), hint);
                    None
                }
                (Some(c), Some(t)) => mismatch(&Link::of_claim(c), &Link::of_claim(t), verb),
                _ => None,
            };
            if let Some(message) = problem {
                self.push(&place, message, HINT.to_string());
            }
        }
    }

    fn push(&mut self, place: &Place, message: String, hint: String) {
        let d = place.diag(Code::BadRetraction, self.files, message, hint);
        self.diags.push(d);
    }
}

/// Why claim `c` cannot withdraw claim `t`, if it cannot.
fn mismatch(c: &Link, t: &Link, verb: &str) -> Option<String> {
    if c.id == t.id {
        return Some(format!("claim `{}` {verb} itself", c.id));
    }
    if c.voice != t.voice {
        return Some(format!(
            "claim `{}` by `{}` {verb} `{}`, which `{}` made",
            c.id, c.voice, t.id, t.voice
        ));
    }
    if let (Some(a), Some(b)) = (c.event, t.event) {
        if a != b {
            return Some(format!(
                "claim `{}` {verb} `{}` of another event (`{b}`)",
                c.id, t.id
            ));
        }
    }
    if let (Some(a), Some(b)) = (&c.said, &t.said) {
        if a.before(b) {
            return Some(format!(
                "claim `{}` ({a}) {verb} `{}`, said later ({b})",
                c.id, t.id
            ));
        }
    }
    (t.withdraws == Some(c.id))
        .then(|| format!("claims `{}` and `{}` withdraw each other", c.id, t.id))
}
