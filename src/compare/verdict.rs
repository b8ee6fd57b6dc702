//! What a row's voices amount to. A verdict is data (which voices, what
//! kind of disagreement, the ratio); the view words it.

use crate::model::quantity::Interval;
use crate::model::{Claim, Proposition};

#[derive(Debug, Clone)]
pub enum Verdict<'a> {
    Conflict(ConflictDetail<'a>),
    /// Two or more voices, no contradiction; `voices` counts claimants, not outlets.
    Consistent {
        voices: usize,
    },
    SingleSource,
    /// An appeal: shown, not a side taken.
    Appeal,
}

/// Two voices in conflict on a row (for an exclusion, one voice and a rival).
#[derive(Debug, Clone)]
pub struct ConflictDetail<'a> {
    /// Indexes into the row's `voices`.
    pub first: usize,
    pub second: usize,
    pub conflict: Conflict<'a>,
}

/// The kind of disagreement, with what its explanation needs beyond the voices.
#[derive(Debug, Clone)]
pub enum Conflict<'a> {
    /// Disjoint figures; `ratio` is the smallest ratio the two allow.
    Figures { ratio: f64 },
    /// Each accuses the other of the same act.
    Mirror,
    /// Two voices accuse different parties of the same act.
    Contradictory,
    /// `first` affirms what `second` denies.
    AffirmDeny,
    /// `first` affirms this proposition; `voice` affirms `rival`, which excludes it.
    Exclusive {
        rival: &'a Proposition,
        voice: String,
        claim: &'a Claim,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ConflictKind {
    Figures,
    Mirror,
    Contradictory,
    AffirmDeny,
    Exclusive,
}

impl Conflict<'_> {
    pub fn kind(&self) -> ConflictKind {
        match self {
            Conflict::Figures { .. } => ConflictKind::Figures,
            Conflict::Mirror => ConflictKind::Mirror,
            Conflict::Contradictory => ConflictKind::Contradictory,
            Conflict::AffirmDeny => ConflictKind::AffirmDeny,
            Conflict::Exclusive { .. } => ConflictKind::Exclusive,
        }
    }
}

impl Verdict<'_> {
    pub fn is_conflict(&self) -> bool {
        matches!(self, Verdict::Conflict(_))
    }

    /// The verdict's stable name, as JSON and tests use it.
    pub fn name(&self) -> &'static str {
        match self {
            Verdict::Conflict(_) => "conflict",
            Verdict::Consistent { .. } => "consistent",
            Verdict::SingleSource => "single source",
            Verdict::Appeal => "appeal",
        }
    }

    /// No conflict: one voice, or several that agree.
    pub(super) fn settled(voices: usize) -> Verdict<'static> {
        match voices {
            0 | 1 => Verdict::SingleSource,
            n => Verdict::Consistent { voices: n },
        }
    }
}

/// The figure verdict over voices' intervals: the most distant disjoint pair
/// is the conflict shown; ties go to the smaller pair of intervals, so the
/// choice does not depend on the voices' order.
pub fn figure_verdict(intervals: &[Interval]) -> Verdict<'static> {
    let mut worst: Option<(usize, usize, f64)> = None;
    for i in 0..intervals.len() {
        for j in i + 1..intervals.len() {
            let Some(r) = intervals[i].gap_ratio(&intervals[j]) else {
                continue;
            };
            let better = worst.is_none_or(|(a, b, w)| {
                r > w || (r == w && pair_key(intervals, i, j) < pair_key(intervals, a, b))
            });
            if better {
                worst = Some((i, j, r));
            }
        }
    }
    match worst {
        Some((first, second, ratio)) => Verdict::Conflict(ConflictDetail {
            first,
            second,
            conflict: Conflict::Figures { ratio },
        }),
        None => Verdict::settled(intervals.len()),
    }
}

fn pair_key(iv: &[Interval], i: usize, j: usize) -> (u64, u64, u64, u64) {
    let k = |x: &Interval| (x.low, x.high.unwrap_or(u64::MAX));
    let (a, b) = (k(&iv[i]), k(&iv[j]));
    let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
    (lo.0, lo.1, hi.0, hi.1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ratio(v: &Verdict) -> Option<f64> {
        match v {
            Verdict::Conflict(ConflictDetail {
                conflict: Conflict::Figures { ratio },
                ..
            }) => Some(*ratio),
            _ => None,
        }
    }

    #[test]
    fn the_most_distant_disjoint_pair_is_the_conflict_shown() {
        let v = figure_verdict(&[
            Interval::point(10),
            Interval::point(20),
            Interval::point(100),
        ]);
        assert_eq!(ratio(&v), Some(10.0));
        let Verdict::Conflict(d) = v else {
            panic!("a conflict")
        };
        assert_eq!((d.first, d.second), (0, 2));
    }

    #[test]
    fn overlapping_voices_are_consistent_and_one_voice_is_single() {
        let wide = Interval { low: 5, high: None };
        assert!(matches!(
            figure_verdict(&[wide, Interval::point(9)]),
            Verdict::Consistent { voices: 2 }
        ));
        assert!(matches!(figure_verdict(&[wide]), Verdict::SingleSource));
        assert!(matches!(figure_verdict(&[]), Verdict::SingleSource));
    }

    #[test]
    fn equal_gaps_pick_the_smaller_pair_whatever_the_order() {
        // [1] vs [2] and [0, 1] vs [2] are both 2× apart: the pair with [0, 1] is shown.
        let (a, b, c) = (
            Interval::point(1),
            Interval::point(2),
            Interval {
                low: 0,
                high: Some(1),
            },
        );
        for order in [[a, b, c], [c, b, a], [b, c, a]] {
            let Verdict::Conflict(d) = figure_verdict(&order) else {
                panic!("a conflict")
            };
            let mut pair = [order[d.first], order[d.second]];
            pair.sort_by_key(|i| i.low);
            assert_eq!(pair, [c, b]);
        }
    }
}
