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
