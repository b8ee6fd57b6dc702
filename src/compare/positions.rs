//! Proposition rows: one voice affirming what another denies, or two voices
//! affirming propositions that exclude each other, conflict.

use super::statements::{distinct_voices, Affirmed, StanceEntry};
use super::verdict::{Conflict, ConflictDetail, Verdict};
use crate::model::{Assertion, Dataset, Proposition, Stance};

fn stance(e: &StanceEntry) -> Option<Stance> {
    match &e.claim.assertion {
        Assertion::Position(x) => Some(x.stance),
        _ => None,
    }
}

/// The first pair of voices that take opposite stances: (affirming, denying).
fn affirm_deny(voices: &[StanceEntry]) -> Option<(usize, usize)> {
    for i in 0..voices.len() {
        for j in i + 1..voices.len() {
            if voices[i].key != voices[j].key && stance(&voices[i]) != stance(&voices[j]) {
                let affirms_first = stance(&voices[i]) == Some(Stance::Affirms);
                return Some(if affirms_first { (i, j) } else { (j, i) });
            }
        }
    }
    None
}

/// Propositions that exclude `p` or that `p` excludes: exclusion works both ways.
fn rivals<'a, 'p>(
    ds: &'a Dataset,
    p: &'p Proposition,
) -> impl Iterator<Item = &'a Proposition> + use<'a, 'p> {
    ds.propositions
        .iter()
        .filter(move |q| q.id != p.id && (p.excludes.contains(&q.id) || q.excludes.contains(&p.id)))
}

pub(super) fn verdict<'a>(
    ds: &'a Dataset,
    p: &Proposition,
    voices: &[StanceEntry<'a>],
    affirmed: &Affirmed<'a>,
) -> Verdict<'a> {
    if let Some((first, second)) = affirm_deny(voices) {
        return Verdict::Conflict(ConflictDetail {
            first,
            second,
            conflict: Conflict::AffirmDeny,
        });
    }
    for (i, v) in voices.iter().enumerate() {
        if stance(v) != Some(Stance::Affirms) {
            continue;
        }
        for rival in rivals(ds, p) {
            let other = affirmed
                .get(rival.id.as_str())
                .and_then(|l| l.iter().find(|(k, _)| *k != v.key));
            if let Some((voice, claim)) = other {
                return Verdict::Conflict(ConflictDetail {
                    first: i,
                    second: i,
                    conflict: Conflict::Exclusive {
                        rival,
                        voice: voice.clone(),
                        claim,
                    },
                });
            }
        }
    }
    Verdict::settled(distinct_voices(voices))
}
