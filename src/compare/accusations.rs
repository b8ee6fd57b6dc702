//! Accusation rows (of one act, or of any of a question's acts: rival
//! answers to one question). Voices conflict when one accuses a party of the act and
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
    // Naming no violator blames no one: it meets no other statement.
    let (xa, ya) = (x.accused.as_deref()?, y.accused.as_deref()?);
    if xa == ya && x.denies != y.denies {
        let (accuser, denier) = if x.denies { (j, i) } else { (i, j) };
        return Some((Conflict::AffirmDeny, accuser, denier));
    }
    if x.denies || y.denies || xa == ya {
        return None;
    }
    // Sides, not parties: a party aligned with a side speaks for it.
    let ds = scope.ds;
    let side = |key: &str| scope.party_of_key(key).map(|p| ds.side_of(&p).to_string());
    let (sa, sb) = (side(&a.key), side(&b.key));
    let mirror = sa.as_deref() == Some(ds.side_of(ya)) && sb.as_deref() == Some(ds.side_of(xa));
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
    let who: Vec<String> = voices.iter().map(StanceEntry::who).collect();
    let keys: Vec<&str> = who.iter().map(String::as_str).collect();
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
        // Voices that blame someone agree with one another; one that names
        // no violator agrees with none of them (only with another like it).
        let blaming: Vec<StanceEntry> = voices
            .iter()
            .filter(|v| accusation(v).is_some_and(|a| a.accused.is_some()))
            .cloned()
            .collect();
        let counted = if blaming.is_empty() { voices } else { &blaming };
        return Verdict::settled(distinct_voices(counted), both_sides(scope, counted));
    };
    Verdict::Conflict(ConflictDetail {
        first,
        second,
        participants: (0..part.len()).filter(|&i| part[i]).collect(),
        conflict,
    })
}
