//! What every rule of one event's comparison reads, passed down as one
//! value: the data, the event, how statements group into voices and
//! columns, the places, and the claims withdrawn.

use super::columns::{cell_key, keys, party_of_key};
use super::withdrawn::Withdrawn;
use super::Grouping;
use crate::model::places::PlaceTree;
use crate::model::{Claim, Dataset, Event};

pub(super) struct Scope<'a> {
    pub ds: &'a Dataset,
    pub event: &'a Event,
    pub by: Grouping,
    pub places: PlaceTree,
    pub withdrawn: Withdrawn<'a>,
    /// `--as-of`: records documented later are not yet known.
    pub as_of: Option<crate::model::when::Moment>,
}

impl Scope<'_> {
    /// The key of a claim's cell entries (see [`cell_key`]).
    pub fn cell_key(&self, c: &Claim) -> String {
        cell_key(self.ds, c, self.by)
    }

    /// The voice a claim counts as, with its speaker when the voice is
    /// merged (see [`super::columns::speaker_key`]).
    pub fn speaker_key(&self, c: &Claim) -> String {
        super::columns::speaker_key(self.ds, c, self.by)
    }

    /// The voice a claim counts as.
    pub fn voice_key(&self, c: &Claim) -> String {
        keys(self.ds, c, self.by).1
    }

    /// The party a column's or voice's key speaks for.
    pub fn party_of_key(&self, key: &str) -> Option<String> {
        party_of_key(self.ds, key, self.by)
    }

    /// For a third state allied with a side of the event, that side.
    pub fn ally_of_key(&self, key: &str) -> Option<String> {
        let party = self.party_of_key(key)?;
        let side = self.ds.ally_of(&party)?;
        self.event.sides.iter().find(|s| *s == side).cloned()
    }

    /// Whether a voice's key is a source with no name ("others reported").
    pub fn is_unattributed_key(&self, key: &str) -> bool {
        let base = super::columns::split_key(key).0;
        self.ds
            .source(base)
            .is_some_and(|s| s.standing == crate::model::Standing::Unknown)
    }

    /// The side of the event a key speaks for; `None` for a third party.
    pub fn side_of_key(&self, key: &str) -> Option<String> {
        self.party_of_key(key)
            .map(|p| self.ds.side_of(&p).to_string())
            .filter(|p| self.event.sides.contains(p))
    }
}
