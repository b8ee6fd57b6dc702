//! What the relayed-sum check ([`super::sums`]) keeps while files are
//! read: each voice's exact figures of one party's count, and the joint
//! figures not marked `sum_of_own`; and the handovers and admissions whose
//! documenter [`super::record_roles`] checks. A leaf: it knows no other load module.

use std::collections::{BTreeMap, HashMap};

use crate::model::when::Instant;
use crate::model::{Amount, Dataset};

/// Own figures kept per party and count: a party revises a few times, and
/// beyond this many the check gives up on that count (bounded memory).
const MAX_OWN: usize = 32;
/// Sums tried per joint figure.
const MAX_SUMS: usize = 4096;

/// A joint figure not marked either way, as its file gives it.
#[derive(Debug)]
pub(super) struct Joint {
    pub(super) id: String,
    pub(super) event: String,
    pub(super) voice: String,
    pub(super) parties: Vec<String>,
    pub(super) metric: String,
    pub(super) value: Amount,
    /// The last instant it may have been said: own figures said after it
    /// cannot be what it adds up.
    pub(super) said_by: Instant,
}

/// The key of one voice's own figures of a count: hashed, so that memory
/// stays a few words per voice and count, however many claims.
pub(super) fn own_key(event: &str, party: &str, metric: &str, voice: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (event, party, metric, voice).hash(&mut h);
    h.finish()
}

#[derive(Debug)]
pub(super) struct Sums<P> {
    /// own_key -> a voice's exact figures of one party's count, each with
    /// the earliest instant it may have been said.
    own: HashMap<u64, Vec<(Amount, Instant)>>,
    joints: Vec<(Joint, P)>,
}

impl<P> Sums<P> {
    /// A voice's exact figure of one party's count (own or not: whose voice
    /// it is is known only once every source is).
    pub(super) fn note_single(&mut self, key: u64, value: Amount, from: Instant) {
        // Most voices give one or two figures of a count: room for one at first.
        let values = self.own.entry(key).or_insert_with(|| Vec::with_capacity(1));
        if let Some((_, at)) = values.iter_mut().find(|(v, _)| *v == value) {
            *at = (*at).min(from);
        } else if values.len() < MAX_OWN {
            values.push((value, from));
        }
    }

    pub(super) fn note_joint(&mut self, j: Joint, place: P) {
        self.joints.push((j, place));
    }

    /// Each party's own exact figures of the joint figure's count: those
    /// its sources gave.
    fn own_of(&self, ds: &Dataset, j: &Joint, party: &str) -> Vec<Amount> {
        let voices = ds
            .sources
            .iter()
            .filter(|s| s.party.as_deref() == Some(party));
        let keys = voices.map(|s| own_key(&j.event, party, &j.metric, &s.id));
        let mut all: Vec<Amount> = keys
            .flat_map(|k| self.own.get(&k).into_iter().flatten())
            .filter(|(_, from)| *from <= j.said_by)
            .map(|(v, _)| *v)
            .collect();
        all.sort_unstable();
        all.dedup();
        all
    }

    /// The parties' own figures that add up to the joint figure, one per
    /// party, when some do.
    pub(super) fn parts(&self, ds: &Dataset, j: &Joint) -> Option<Vec<Amount>> {
        // sum -> the figures that make it, one per party so far.
        let mut sums: BTreeMap<Amount, Vec<Amount>> =
            BTreeMap::from([(Amount::default(), Vec::new())]);
        for p in &j.parties {
            let own = self.own_of(ds, j, p);
            let mut next = BTreeMap::new();
            for (sum, picks) in &sums {
                for v in &own {
                    let Some(s) = sum.checked_add(*v) else {
                        continue;
                    };
                    if s <= j.value && next.len() < MAX_SUMS {
                        let mut with = picks.clone();
                        with.push(*v);
                        next.entry(s).or_insert(with);
                    }
                }
            }
            sums = next;
        }
        sums.remove(&j.value)
    }
}

impl<P> Default for Sums<P> {
    fn default() -> Self {
        Sums {
            own: HashMap::new(),
            joints: Vec::new(),
        }
    }
}

impl<P> Sums<P> {
    /// One file's own figures and joint figures. Own figures are held only
    /// from files that give a joint figure, where a relayed sum sits beside
    /// the figures it adds up: memory stays flat on a corpus without one.
    pub(super) fn note_file(
        &mut self,
        singles: Vec<(u64, Amount, Instant)>,
        joints: Vec<(Joint, P)>,
    ) {
        if joints.is_empty() {
            return;
        }
        for (key, value, from) in singles {
            self.note_single(key, value, from);
        }
        for (j, place) in joints {
            self.note_joint(j, place);
        }
    }

    /// The joint figures noted, with where each is.
    pub(super) fn joints(&self) -> &[(Joint, P)] {
        &self.joints
    }
}

/// A handover or admission, as its file gives it.
#[derive(Debug)]
pub(super) struct Role<P> {
    pub(super) id: String,
    pub(super) basis: crate::model::record::Basis,
    /// Whose losses its figure counts.
    pub(super) parties: Vec<String>,
    pub(super) source: String,
    pub(super) place: P,
}
