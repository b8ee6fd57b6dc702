//! Whose account a figure is: a party's report of its own losses (official
//! or not), one side's claim about the other's, a count that includes the
//! speaker's own side, or a third party's report. It follows the source's
//! standing: only independent and international sources, and third states,
//! are third parties.

use super::columns::{is_group, party_of_key, split_key};
use super::Grouping;
use crate::model::{Attribution, Dataset, Event, Standing};

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Perspective {
    /// A party's organ reporting its own losses, on the record.
    Own,
    /// A party's own losses as an affiliated outlet, an individual, an
    /// unnamed official or unofficial figures put them: a self-report, not official.
    OwnUnofficial,
    /// One side's claim about the other side's losses.
    Adversary,
    /// A count of several parties' losses that includes the speaker's own.
    Mixed,
    /// Anyone else: third states, independent media, international bodies.
    ThirdParty,
}

/// The perspective of a voice key on a row counting `row_party`'s losses
/// (several parties joined by `+`), given the event's sides.
pub(super) fn perspective(
    ds: &Dataset,
    event: &Event,
    key: &str,
    by: Grouping,
    row_party: &str,
) -> Perspective {
    let (base, attribution) = split_key(key);
    let group = is_group(ds, base, by);
    let standing = if group {
        Standing::Organ
    } else {
        ds.standing_of(base)
    };
    let party = party_of_key(ds, key, by);
    let Some(party) = party.filter(|_| standing != Standing::International) else {
        return Perspective::ThirdParty;
    };
    let is_side = |p: &str| event.sides.iter().any(|s| s == p);
    if row_party.contains('+') {
        return if row_party.split('+').any(|p| p == party) {
            Perspective::Mixed
        } else {
            Perspective::ThirdParty
        };
    }
    let official = standing == Standing::Organ && attribution == Attribution::OnRecord;
    match party {
        p if p == row_party && official => Perspective::Own,
        p if p == row_party => Perspective::OwnUnofficial,
        p if is_side(&p) && is_side(row_party) => Perspective::Adversary,
        _ => Perspective::ThirdParty,
    }
}
