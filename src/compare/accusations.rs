//! Accusation rows. Voices conflict when one accuses a party of the act and
//! another denies that party did it, when each side accuses the other (a
//! mirror accusation), or when they blame different parties. The row's
//! kind is the first of mirror, affirm-versus-deny, contradictory that any
//! pair shows, and every voice in any conflicting pair takes part: a
//! function of what was said, not of how the voices are spelled or ordered.

use super::scope::Scope;
use super::stances::{both_sides, distinct_voices, StanceEntry};
use super::verdict::{Conflict, ConflictDetail, Verdict};
use super::voice_pairs::for_each_across;
use crate::model::{Accusation, Assertion};

fn accusation<'e>(e: &'e StanceEntry) -> Option<&'e Accusation> {
    match &e.claim.assertion {
        Assertion::Accusation(a) => Some(a),
        _ => None,
    }
}

/// The kind of conflict between two voices' accusations, if any, with the
/// pair ordered as the kind reads: (accuser, denier) for affirm-versus-deny.
fn pair_conflict(
    scope: &Scope,
    voices: &[StanceEntry],
    i: usize,
    j: usize,
) -> Option<(Conflict<'static>, usize, usize)> {
    let (a, b) = (&voices[i], &voices[j]);
    let (x, y) = (accusation(a)?, accusation(b)?);
    if x.accused == y.accused && x.denies != y.denies {
        let (accuser, denier) = if x.denies { (j, i) } else { (i, j) };
        return Some((Conflict::AffirmDeny, accuser, denier));
    }
    if x.denies || y.denies || x.accused == y.accused {
        return None;
    }
    let mirror = scope.party_of_key(&a.key).as_deref() == Some(y.accused.as_str())
        && scope.party_of_key(&b.key).as_deref() == Some(x.accused.as_str());
    let kind = if mirror {
        Conflict::Mirror
    } else {
        Conflict::Contradictory
    };
    Some((kind, i, j))
}

/// The order in which kinds name a row: the strongest first.
fn rank(c: &Conflict) -> u8 {
    match c {
        Conflict::Mirror => 0,
        Conflict::AffirmDeny => 1,
        _ => 2,
    }
}

pub(super) fn verdict<'a>(scope: &Scope, voices: &[StanceEntry<'a>]) -> Verdict<'a> {
    // The strongest kind's first pair, and every voice in any conflicting
    // pair, kept as the pairs come: memory linear in the voices.
    let mut named: Option<(Conflict<'static>, usize, usize)> = None;
    let mut part = vec![false; voices.len()];
    let keys: Vec<&str> = voices.iter().map(|v| v.key.as_str()).collect();
    for_each_across(&keys, |i, j| {
        let Some((c, a, b)) = pair_conflict(scope, voices, i, j) else {
            return;
        };
        (part[a], part[b]) = (true, true);
        let better = named
            .as_ref()
            .is_none_or(|(n, x, y)| (rank(&c), (a, b)) < (rank(n), (*x, *y)));
        if better {
            named = Some((c, a, b));
        }
    });
    let Some((conflict, first, second)) = named else {
        return Verdict::settled(distinct_voices(voices), both_sides(scope, voices));
    };
    Verdict::Conflict(ConflictDetail {
        first,
        second,
        participants: (0..part.len()).filter(|&i| part[i]).collect(),
        conflict,
    })
}
