//! Accusation rows: one voice affirming what another denies, a mirror
//! accusation (each side accuses the other of the same act), or two voices
//! blaming different parties, conflict.

use super::columns::party_of_key;
use super::statements::{distinct_voices, StanceEntry};
use super::verdict::{Conflict, ConflictDetail, Verdict};
use super::Grouping;
use crate::model::{Accusation, Assertion, Dataset};

fn accusation<'e>(e: &'e StanceEntry) -> Option<&'e Accusation> {
    match &e.claim.assertion {
        Assertion::Accusation(a) => Some(a),
        _ => None,
    }
}

/// The kind of conflict between two voices' accusations, if any.
fn pair_conflict(
    ds: &Dataset,
    by: Grouping,
    a: &StanceEntry,
    b: &StanceEntry,
) -> Option<Conflict<'static>> {
    let (x, y) = (accusation(a)?, accusation(b)?);
    if x.accused == y.accused && x.denies != y.denies {
        return Some(Conflict::AffirmDeny);
    }
    if x.denies || y.denies || x.accused == y.accused {
        return None;
    }
    let mirror = party_of_key(ds, &a.key, by).as_deref() == Some(y.accused.as_str())
        && party_of_key(ds, &b.key, by).as_deref() == Some(x.accused.as_str());
    Some(if mirror {
        Conflict::Mirror
    } else {
        Conflict::Contradictory
    })
}

/// The first conflicting pair of voices, in voice order.
pub(super) fn verdict<'a>(ds: &Dataset, voices: &[StanceEntry<'a>], by: Grouping) -> Verdict<'a> {
    for i in 0..voices.len() {
        for j in i + 1..voices.len() {
            if voices[i].key == voices[j].key {
                continue;
            }
            if let Some(conflict) = pair_conflict(ds, by, &voices[i], &voices[j]) {
                return Verdict::Conflict(ConflictDetail {
                    first: i,
                    second: j,
                    conflict,
                });
            }
        }
    }
    Verdict::settled(distinct_voices(voices))
}
