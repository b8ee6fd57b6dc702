//! Where the voices on a row put what they state: places that do not all
//! lie on one chain of `within` (a height within a district within a
//! province) are flagged. Not counted as a conflict: a village and the
//! height above it may both be right.

use crate::model::places::PlaceTree;
use crate::model::{Claim, Dataset, Place};

/// Every place the claims name, when they do not all lie on one chain
/// (each within the next); in id order.
pub(super) fn clash<'a>(
    tree: &PlaceTree,
    ds: &'a Dataset,
    claims: impl Iterator<Item = &'a Claim>,
) -> Vec<&'a Place> {
    let mut ids: Vec<&str> = claims.filter_map(|c| c.place.as_deref()).collect();
    ids.sort_unstable();
    ids.dedup();
    // On one chain, the places sorted outermost first each contain the next.
    let mut chain = ids.clone();
    chain.sort_by_key(|id| tree.order(id));
    if chain.windows(2).all(|w| tree.within(w[1], w[0])) {
        return Vec::new();
    }
    ids.into_iter().filter_map(|id| ds.place(id)).collect()
}

/// A row of the comparison, by its place in `figures` or `statements`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowAt {
    Figure(usize),
    Statement(usize),
}

/// A place some rows name, when the places named across the event's rows
/// do not all lie on one chain: two statements putting the same clash in
/// two villages, each row agreeing with itself.
#[derive(Debug, Clone)]
pub struct PlaceApart<'a> {
    pub place: &'a Place,
    /// The rows whose current voices name it, figures first, in row order.
    pub rows: Vec<RowAt>,
}

/// Every place the rows' current voices name, with the rows naming it,
/// when those places do not all nest; empty when they do. A place listed
/// within another (a height within its district) is on the same chain.
pub(super) fn across_rows<'a>(
    tree: &PlaceTree,
    ds: &'a Dataset,
    named: impl Iterator<Item = (RowAt, &'a Claim)>,
) -> Vec<PlaceApart<'a>> {
    let mut by_place: std::collections::BTreeMap<&str, Vec<RowAt>> = Default::default();
    for (row, c) in named {
        if let Some(p) = c.place.as_deref() {
            let rows = by_place.entry(p).or_default();
            if rows.last() != Some(&row) {
                rows.push(row);
            }
        }
    }
    let mut chain: Vec<&str> = by_place.keys().copied().collect();
    chain.sort_by_key(|id| tree.order(id));
    if chain.windows(2).all(|w| tree.within(w[1], w[0])) {
        return Vec::new();
    }
    by_place
        .into_iter()
        .filter_map(|(id, rows)| {
            Some(PlaceApart {
                place: ds.place(id)?,
                rows,
            })
        })
        .collect()
}
