//! Across files, once every claim is known: places that lie within
//! themselves through a chain, and retractions and corrections that cannot
//! withdraw what they name (a missing claim, another source's, a later one).

use std::collections::{HashMap, HashSet};

use super::digest::{id_hash, Place, RefKind};
use super::merge::Merger;
use crate::diagnostic::Code;
use crate::model::{Assertion, Claim};
use crate::suggest;

impl Merger<'_, '_> {
    /// A `within` chain that comes back to its start: walked once per place,
    /// each walk at most as long as the list of places.
    pub(super) fn check_place_cycles(&mut self) {
        let within: HashMap<&str, &str> = self
            .ds
            .places
            .iter()
            .filter_map(|p| Some((p.id.as_str(), p.within.as_deref()?)))
            .collect();
        let mut found = Vec::new();
        for p in &self.ds.places {
            let mut path = vec![p.id.as_str()];
            let mut cur = within.get(p.id.as_str()).copied();
            while let Some(c) = cur {
                path.push(c);
                if c == p.id || path.len() > self.ds.places.len() + 1 {
                    break;
                }
                cur = within.get(c).copied();
            }
            if path.len() > 1 && path.last() == Some(&p.id.as_str()) {
                found.push((p.id.clone(), path.join(" → ")));
            }
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
                (Some(c), Some(t)) => mismatch(c, t, verb),
                _ => None,
            };
            if let Some(message) = problem {
                let hint = "a claim withdraws an earlier claim of its own voice, in its event";
                self.push(&place, message, hint.to_string());
            }
        }
    }

    fn push(&mut self, place: &Place, message: String, hint: String) {
        let d = place.diag(Code::BadRetraction, self.files, message, hint);
        self.diags.push(d);
    }
}

/// Why claim `c` cannot withdraw claim `t`, if it cannot.
fn mismatch(c: &Claim, t: &Claim, verb: &str) -> Option<String> {
    if c.voice() != t.voice() {
        return Some(format!(
            "claim `{}` by `{}` {verb} `{}`, which `{}` made",
            c.id,
            c.voice(),
            t.id,
            t.voice()
        ));
    }
    if c.event != t.event {
        return Some(format!(
            "claim `{}` {verb} `{}` of another event (`{}`)",
            c.id, t.id, t.event
        ));
    }
    if c.said.before(&t.said) {
        return Some(format!(
            "claim `{}` ({}) {verb} `{}`, said later ({})",
            c.id, c.said, t.id, t.said
        ));
    }
    let back = match &t.assertion {
        Assertion::Retraction { of } => Some(of),
        _ => t.corrects.as_ref(),
    };
    (back == Some(&c.id)).then(|| format!("claims `{}` and `{}` withdraw each other", c.id, t.id))
}
