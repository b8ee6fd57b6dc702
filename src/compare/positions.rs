//! Proposition rows: voices affirming what others deny, or voices affirming
//! propositions that exclude each other, conflict. Only each voice's
//! current stance counts, on this row and on the rival's.

use super::scope::Scope;
use super::stances::{both_sides, distinct_voices, Affirmed, StanceEntry};
use super::verdict::{Conflict, ConflictDetail, Rival, Verdict};
use std::collections::{HashMap, HashSet};

use crate::model::{Assertion, Claim, Dataset, Proposition, Stance};

fn stance(e: &StanceEntry) -> Option<Stance> {
    match &e.claim.assertion {
        Assertion::Position(x) => Some(x.stance),
        _ => None,
    }
}

/// Every voice that affirms and every voice that denies, when both exist.
fn affirm_deny(voices: &[StanceEntry]) -> Option<(Vec<usize>, Vec<usize>)> {
    let with = |s: Stance| -> Vec<usize> {
        (0..voices.len())
            .filter(|&i| stance(&voices[i]) == Some(s))
            .collect()
    };
    let (affirm, deny) = (with(Stance::Affirms), with(Stance::Denies));
    // Some affirming and some denying voice differ unless every one of them
    // is the same voice: linear, where comparing each pair was quadratic.
    let mut both = affirm.iter().chain(&deny).map(|&i| voices[i].who());
    let first = both.next();
    let split = !affirm.is_empty() && !deny.is_empty() && both.any(|k| Some(k) != first);
    split.then_some((affirm, deny))
}

/// For each proposition, those that exclude it or that it excludes
/// (exclusion works both ways), built once per comparison.
pub(super) struct Exclusions<'a>(HashMap<&'a str, Vec<&'a Proposition>>);

impl<'a> Exclusions<'a> {
    pub(super) fn of(ds: &'a Dataset) -> Self {
        let mut map: HashMap<&str, Vec<&Proposition>> = HashMap::new();
        for q in &ds.propositions {
            for e in q.excludes.iter().filter(|e| **e != q.id) {
                if let Some(other) = ds.proposition(e) {
                    map.entry(&q.id).or_default().push(other);
                    map.entry(&other.id).or_default().push(q);
                }
            }
        }
        for rivals in map.values_mut() {
            // In definition order, each once (two may exclude each other both ways).
            rivals.sort_by_key(|p| ds.proposition_order(&p.id));
            rivals.dedup_by(|a, b| a.id == b.id);
        }
        Exclusions(map)
    }

    fn rivals(&self, p: &Proposition) -> &[&'a Proposition] {
        self.0.get(p.id.as_str()).map_or(&[], Vec::as_slice)
    }
}

pub(super) fn verdict<'a>(
    scope: &Scope<'a>,
    p: &Proposition,
    voices: &[StanceEntry<'a>],
    affirmed: &Affirmed<'a>,
    exclusions: &Exclusions<'a>,
) -> Verdict<'a> {
    if let Some((affirm, deny)) = affirm_deny(voices) {
        let mut participants: Vec<usize> = affirm.iter().chain(&deny).copied().collect();
        participants.sort_unstable();
        return Verdict::Conflict(ConflictDetail {
            first: affirm[0],
            second: deny[0],
            participants,
            conflict: Conflict::AffirmDeny,
        });
    }
    let mut participants = Vec::new();
    let mut found: Vec<Rival<'a>> = Vec::new();
    let mut claims_found: HashSet<*const Claim> = HashSet::new();
    for (i, v) in voices.iter().enumerate() {
        if stance(v) != Some(Stance::Affirms) {
            continue;
        }
        for &rival in exclusions.rivals(p) {
            let others = affirmed.get(rival.id.as_str()).into_iter().flatten();
            let who = v.who();
            for (voice, claim) in others.filter(|(k, _)| *k != who) {
                participants.push(i);
                if claims_found.insert(*claim as *const Claim) {
                    found.push(Rival {
                        proposition: rival,
                        voice: voice.clone(),
                        claim,
                    });
                }
            }
        }
    }
    if found.is_empty() {
        return Verdict::settled(distinct_voices(voices), both_sides(scope, voices));
    }
    participants.sort_unstable();
    participants.dedup();
    found.sort_by(|a, b| (&a.voice, &a.claim.id).cmp(&(&b.voice, &b.claim.id)));
    Verdict::Conflict(ConflictDetail {
        first: participants[0],
        second: participants[0],
        participants,
        conflict: Conflict::Exclusive { rivals: found },
    })
}
