//! Which pair of entries a verdict names. Between two voices, the gap
//! that holds whichever of a voice's unordered statements is current: the
//! smallest of their pairs. Across voices, the most distant such pair, so
//! a headline never rests on a figure the voice may have replaced.

use super::pairs::Facts;
use crate::model::quantity::Amount;

/// Two entries, their ratio and whether they are in time order.
pub(super) type Pair = (usize, usize, f64, bool);

/// Of two pairs between the same two voices, the closer: the gap that
/// holds whichever is current. Ties go to the smaller pair of intervals,
/// then the entries' order, so the choice never depends on input order.
pub(super) fn closer(facts: &[Facts], kept: Option<Pair>, pair: Pair) -> Option<Pair> {
    let better = kept.is_none_or(|k| {
        pair.2
            .total_cmp(&k.2)
            .then_with(|| pair_key(facts, pair.0, pair.1).cmp(&pair_key(facts, k.0, k.1)))
            .then_with(|| (pair.0, pair.1).cmp(&(k.0, k.1)))
            .is_lt()
    });
    if better {
        Some(pair)
    } else {
        kept
    }
}

/// A pair's sort key for ties: the smaller pair of intervals first, so the
/// pair named does not depend on the entries' order.
fn pair_key(facts: &[Facts], i: usize, j: usize) -> (Amount, Amount, Amount, Amount) {
    let k = |x: &Facts| {
        let iv = x.interval;
        (iv.low, iv.high.unwrap_or(Amount::milli(u128::MAX)))
    };
    let (a, b) = (k(&facts[i]), k(&facts[j]));
    let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
    (lo.0, lo.1, hi.0, hi.1)
}

/// The pairs of one outcome as the verdict needs them: the pair to name and
/// every voice that takes part, kept as the pairs come, so that memory stays
/// linear in the number of voices however many pairs there are.
pub(super) struct Pairs {
    /// The pair to name: (first, second, ratio, in time order).
    pub(super) named: Option<Pair>,
    /// Every entry in some such pair.
    pub(super) part: Vec<bool>,
}

impl Pairs {
    pub(super) fn new(n: usize) -> Self {
        Pairs {
            named: None,
            part: vec![false; n],
        }
    }

    /// Marks both entries of a pair as taking part.
    pub(super) fn mark(&mut self, pair: Pair) {
        self.part[pair.0] = true;
        self.part[pair.1] = true;
    }

    /// The most distant pair is named; of equally distant ones, the smaller
    /// pair of intervals, so the name does not depend on the entries' order.
    pub(super) fn name(&mut self, facts: &[Facts], pair: Pair) {
        // Last, the later pair of entries: whichever order pairs come in.
        let better = self.named.is_none_or(|b| {
            pair.2
                .total_cmp(&b.2)
                .then_with(|| pair_key(facts, b.0, b.1).cmp(&pair_key(facts, pair.0, pair.1)))
                .then_with(|| (pair.0, pair.1).cmp(&(b.0, b.1)))
                .is_ge()
        });
        if better {
            self.named = Some(pair);
        }
    }
}
