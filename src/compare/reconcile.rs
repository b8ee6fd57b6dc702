//! Reconciled figures: ACLED's conservative rule (the lowest figure any voice
//! gives) and a UCDP-style low / best / high. Both follow the comparison's
//! rules: only figures for the row's latest moment count (an earlier count
//! of a growing total is history), and a vague word that sets no size
//! ("some") puts forward no figure.

use super::figure_row::{FigureEntry, FigureRow};
use super::perspective::Perspective;
use super::Reconcile;
use crate::model::quantity::Amount;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reconciled {
    /// The lowest headline figure.
    Conservative(Amount),
    /// The lowest interval end, the median headline, the highest end (`None`: unbounded).
    Range {
        low: Amount,
        best: Amount,
        high: Option<Amount>,
    },
}

/// The entries that put forward a figure for the row's latest moment;
/// this event's figures only, when there are any: a running total since an
/// earlier date never stands for this event's count.
fn latest<'r, 'a>(row: &'r FigureRow<'a>) -> Vec<&'r FigureEntry<'a>> {
    let this_event = row.voices.iter().any(|v| v.value.since().is_none());
    let counted = || {
        row.voices
            .iter()
            .filter(move |v| !this_event || v.value.since().is_none())
    };
    let start = counted().map(|v| v.moment.0).max();
    counted()
        .filter(|v| start.is_some_and(|s| v.moment.1 >= s))
        .filter(|v| v.value.stated().is_some())
        .collect()
}

/// The highest floor a party's own report of its own losses sets.
fn own_floor(now: &[&FigureEntry]) -> Option<Amount> {
    now.iter()
        .filter(|v| v.perspective == Perspective::Own)
        .map(|v| v.value.interval().low)
        .max()
}

/// A row's figure under a rule; `None` when no voice puts one forward.
pub fn reconcile(row: &FigureRow, rule: Reconcile) -> Option<Reconciled> {
    let now = latest(row);
    let mut heads: Vec<Amount> = now
        .iter()
        .filter_map(|v| v.value.stated().map(|s| s.0))
        .collect();
    heads.sort_unstable();
    let lowest = *heads.first()?;
    Some(match rule {
        Reconcile::Conservative => Reconciled::Conservative(lowest),
        Reconcile::Range => {
            let ivs: Vec<_> = now.iter().map(|v| v.value.interval()).collect();
            let high = if ivs.iter().any(|i| i.high.is_none()) {
                None
            } else {
                ivs.iter().filter_map(|i| i.high).max()
            };
            // A party does not overstate its own losses: its own figure is
            // a floor under every estimate of them ("up to 70" against own
            // 17 is low 17, not 0).
            let floor = own_floor(&now).unwrap_or_default();
            let low = ivs.iter().map(|i| i.low).min().unwrap_or(lowest);
            Reconciled::Range {
                low: low.max(floor),
                best: heads[(heads.len() - 1) / 2].max(floor),
                high: high.map(|h| h.max(floor)),
            }
        }
    })
}
