//! Where the voices on a row put what they state: two places of which
//! neither lies within the other are flagged (not counted as a conflict:
//! a village and the height above it may both be right).

use crate::model::{Claim, Dataset, Place};

/// The first two places (in id order) the claims name that do not nest.
pub(super) fn clash<'a>(
    ds: &'a Dataset,
    claims: impl Iterator<Item = &'a Claim>,
) -> Option<(&'a Place, &'a Place)> {
    let mut ids: Vec<&str> = claims.filter_map(|c| c.place.as_deref()).collect();
    ids.sort_unstable();
    ids.dedup();
    for (i, a) in ids.iter().enumerate() {
        for b in &ids[i + 1..] {
            if !ds.place_within(a, b) && !ds.place_within(b, a) {
                return Some((ds.place(a)?, ds.place(b)?));
            }
        }
    }
    None
}
