//! Whose account a figure is: a party's report of its own losses (official
//! or not), one side's claim about the other's, a count that includes the
//! speaker's own side, or a third party's report. It follows the source's
//! standing: only independent and international sources, and third states,
//! are third parties.

use super::derived::FigureValue;
use crate::model::{Attribution, Claim, Dataset, Event, Standing};

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
    /// One side of the event counting a third party's losses (a
    /// belligerent's count of peacekeepers): not an independent report.
    SideOnThird,
    /// A third state allied with a side (`allied_with`), about another
    /// party's losses: not an independent report either.
    Ally,
    /// Anyone else: third states, independent media, international bodies.
    ThirdParty,
    /// A report with no source named ("others reported"): never an
    /// independent one.
    Unattributed,
    /// A party to a transfer (the one that gave or received) counting it:
    /// neither its losses nor a claim about the adversary's.
    Participant,
}

/// The perspective of a claim on a row counting `row_party`'s losses
/// (several parties joined by `+`): a property of who said it and how, the
/// same whatever the grouping of the columns.
pub(super) fn of_claim(ds: &Dataset, event: &Event, c: &Claim, row_party: &str) -> Perspective {
    let voice = c.voice();
    let standing = ds.standing_at(voice, &c.said);
    if standing == Standing::Unknown {
        return Perspective::Unattributed;
    }
    let party = ds
        .party_of(voice)
        .filter(|_| standing != Standing::International);
    let Some(party) = party else {
        return Perspective::ThirdParty;
    };
    // A party aligned with a side speaks for it, and its losses are the side's.
    let party = ds.side_of(party);
    let is_side = |p: &str| event.sides.iter().any(|s| s == p);
    let ally = ds.ally_of(party).is_some_and(is_side);
    if let Some((from, to)) = row_party.split_once(crate::model::TRANSFER) {
        return if [from, to].iter().any(|p| ds.side_of(p) == party) {
            Perspective::Participant
        } else if ally {
            Perspective::Ally
        } else {
            Perspective::ThirdParty
        };
    }
    if row_party.contains('+') {
        let mut parties = row_party.split('+').map(|p| ds.side_of(p));
        return if parties.clone().any(|p| p == party) {
            Perspective::Mixed
        } else if is_side(party) && parties.any(is_side) {
            Perspective::Adversary
        } else if ally {
            Perspective::Ally
        } else {
            Perspective::ThirdParty
        };
    }
    let row_party = ds.side_of(row_party);
    let official = standing == Standing::Organ && c.attribution == Attribution::OnRecord;
    match party {
        p if p == row_party && official => Perspective::Own,
        p if p == row_party => Perspective::OwnUnofficial,
        p if is_side(p) && is_side(row_party) => Perspective::Adversary,
        p if is_side(p) => Perspective::SideOnThird,
        _ if ally => Perspective::Ally,
        _ => Perspective::ThirdParty,
    }
}

/// A value's perspective: its claim's, or for a sum, its parts' (a sum
/// with an unofficial part is unofficial).
pub(super) fn of_value(
    ds: &Dataset,
    event: &Event,
    v: &FigureValue,
    row_party: &str,
) -> Perspective {
    let unofficial = v
        .claims()
        .iter()
        .any(|c| of_claim(ds, event, c, row_party) == Perspective::OwnUnofficial);
    if unofficial {
        return Perspective::OwnUnofficial;
    }
    of_claim(ds, event, v.dated_by(), row_party)
}
