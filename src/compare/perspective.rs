//! Whose account a figure is: a party's report of its own losses, one side's
//! claim about the other's, or a third party's report.

use super::Grouping;
use crate::model::{Dataset, Event};

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Perspective {
    /// A party reporting its own losses.
    Own,
    /// One side's claim about the other side's losses.
    Adversary,
    /// Anyone else: third states, media, the article.
    ThirdParty,
}

/// The perspective of a voice (a source, or a party under `--by party`) on a
/// row counting `row_party`'s losses, given the event's sides.
pub(super) fn perspective(
    ds: &Dataset,
    event: &Event,
    speaker: &str,
    by: Grouping,
    row_party: &str,
) -> Perspective {
    let party = match by {
        Grouping::Source => ds.party_of(speaker),
        Grouping::Party => ds
            .party(speaker)
            .map(|p| p.id.as_str())
            .or_else(|| ds.party_of(speaker)),
    };
    let is_side = |p: &str| event.sides.iter().any(|s| s == p);
    match party {
        Some(p) if p == row_party => Perspective::Own,
        Some(p) if is_side(p) && is_side(row_party) => Perspective::Adversary,
        _ => Perspective::ThirdParty,
    }
}
