//! Reconciled figures: ACLED's conservative rule (the lowest figure any voice
//! gives) and a UCDP-style low / best / high.

use super::figures::FigureRow;
use super::Reconcile;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reconciled {
    /// The lowest headline figure.
    Conservative(u64),
    /// The lowest interval end, the median headline, the highest end (`None`: unbounded).
    Range {
        low: u64,
        best: u64,
        high: Option<u64>,
    },
}

/// A row's figure under a rule; `None` for a row without voices.
pub fn reconcile(row: &FigureRow, rule: Reconcile) -> Option<Reconciled> {
    let mut heads: Vec<u64> = row.voices.iter().map(|v| v.value.headline()).collect();
    heads.sort_unstable();
    let lowest = *heads.first()?;
    Some(match rule {
        Reconcile::Conservative => Reconciled::Conservative(lowest),
        Reconcile::Range => {
            let ivs: Vec<_> = row.voices.iter().map(|v| v.value.interval()).collect();
            let high = if ivs.iter().any(|i| i.high.is_none()) {
                None
            } else {
                Some(ivs.iter().filter_map(|i| i.high).max().unwrap_or(0))
            };
            Reconciled::Range {
                low: ivs.iter().map(|i| i.low).min().unwrap_or(0),
                best: heads[(heads.len() - 1) / 2],
                high,
            }
        }
    })
}
