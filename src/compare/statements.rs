//! Statement rows: one per act accused (see [`super::accusations`]) and one
//! per proposition (see [`super::positions`]); a voice's latest statement
//! on a row counts; one it withdrew is shown, not counted.

use std::collections::{BTreeMap, HashMap};

use super::cells::{column_index, Cells};
use super::columns::{cell_key, keys, Column};
use super::places::clash;
use super::verdict::{Agreement, Verdict};
use super::withdrawn::{split_live, Withdrawn};
use super::{accusations, positions, Grouping};
use crate::model::places::PlaceTree;
use crate::model::{
    Act, Assertion, Claim, Dataset, Event, Place, Proposition, PropositionKind, Stance,
};

/// One voice's (or column's) current stance on an accusation or proposition row.
#[derive(Debug, Clone)]
pub struct StanceEntry<'a> {
    pub key: String,
    pub claim: &'a Claim,
    pub earlier: Vec<&'a Claim>,
    /// Other current statements of the same voice on the same party that
    /// the data cannot order against this one.
    pub unordered: usize,
    /// The claim that retracted or corrected this statement: shown, never counted.
    pub withdrawn: Option<&'a Claim>,
}

#[derive(Debug, Clone, Copy)]
pub enum Topic<'a> {
    Act(&'a Act),
    Proposition(&'a Proposition),
}

impl Topic<'_> {
    pub fn id(&self) -> &str {
        match self {
            Topic::Act(a) => &a.id,
            Topic::Proposition(p) => &p.id,
        }
    }

    pub fn is_appeal(&self) -> bool {
        matches!(self, Topic::Proposition(p) if p.kind == PropositionKind::Appeal)
    }

    /// A demand on one party: like an appeal, shown and never counted.
    pub fn is_demand(&self) -> bool {
        matches!(self, Topic::Proposition(p) if p.kind == PropositionKind::Demand)
    }
}

#[derive(Debug, Clone)]
pub struct StatementRow<'a> {
    pub topic: Topic<'a>,
    /// Per column, every current statement (an accusation row may hold one per accused party).
    pub cells: Cells<StanceEntry<'a>>,
    pub voices: Vec<StanceEntry<'a>>,
    pub verdict: Verdict<'a>,
    /// The places the current voices name, when they do not all nest.
    pub places_differ: Vec<&'a Place>,
}

impl StatementRow<'_> {
    pub fn label(&self) -> &str {
        match self.topic {
            Topic::Act(a) => &a.label,
            Topic::Proposition(p) => &p.text,
        }
    }
    pub fn id(&self) -> &str {
        self.topic.id()
    }
    /// For a demand: the party it is made of.
    pub fn addressee(&self) -> Option<&str> {
        match self.topic {
            Topic::Proposition(p) => p.addressee.as_deref(),
            Topic::Act(_) => None,
        }
    }
}

/// Each proposition's current affirmations, with the affirming voice: what
/// exclusion conflicts are drawn from. Statements a voice has since
/// replaced (by a denial, say) are not among them.
pub(super) type Affirmed<'a> = HashMap<&'a str, Vec<(String, &'a Claim)>>;

/// The current statements per (key, accused party), each with the ones it
/// replaced; see [`super::supersede`].
fn stance_entries<'a>(
    list: &[&'a Claim],
    key_of: &dyn Fn(&Claim) -> String,
    withdrawn: &Withdrawn<'a>,
) -> Vec<StanceEntry<'a>> {
    let mut groups: BTreeMap<(String, String), Vec<&'a Claim>> = BTreeMap::new();
    for c in list {
        let sub = match &c.assertion {
            // Accusations of different times are different incidents.
            Assertion::Accusation(a) => match &a.at {
                Some(at) => format!("{} {at}", a.accused),
                None => a.accused.clone(),
            },
            _ => String::new(),
        };
        groups.entry((key_of(c), sub)).or_default().push(c);
    }
    let mut out = Vec::new();
    for ((key, _), claims) in groups {
        let by = |c: &&Claim| withdrawn.get(c.id.as_str()).copied();
        let (current, earlier, gone) = split_live(
            claims,
            |c| (c.said.span(), c.id.as_str()),
            |c| by(c).is_some(),
        );
        let unordered = current.len().saturating_sub(1);
        let gone = gone.map(|c| (by(&c), c));
        // Earlier statements go with the voice's first entry only (see
        // `figures::entries`): never copied to each statement it cannot order.
        let mut earlier = Some(earlier);
        for (withdrawn, claim) in current.into_iter().map(|c| (None, c)).chain(gone) {
            out.push(StanceEntry {
                key: key.clone(),
                claim,
                earlier: earlier.take().unwrap_or_default(),
                unordered,
                withdrawn,
            });
        }
    }
    out
}

/// The topics claims speak to: acts in vocabulary order, then propositions,
/// then appeals, in the order they are defined; each with its claims.
fn topics<'a>(ds: &'a Dataset, claims: &[&'a Claim]) -> Vec<(Topic<'a>, Vec<&'a Claim>)> {
    let mut topics: Vec<(Topic, Vec<&Claim>)> = Vec::new();
    let mut seen: HashMap<(bool, &str), usize> = HashMap::new();
    for &c in claims {
        let t = match &c.assertion {
            Assertion::Accusation(a) => ds.act(&a.act).map(Topic::Act),
            Assertion::Position(p) => ds.proposition(&p.proposition).map(Topic::Proposition),
            Assertion::Figure(_) | Assertion::Retraction { .. } => None,
        };
        let Some(t) = t else { continue };
        let key: (bool, &'a str) = match t {
            Topic::Act(a) => (true, &a.id),
            Topic::Proposition(p) => (false, &p.id),
        };
        match seen.get(&key) {
            Some(&i) => topics[i].1.push(c),
            None => {
                seen.insert(key, topics.len());
                topics.push((t, vec![c]));
            }
        }
    }
    topics.sort_by_cached_key(|(t, _)| match t {
        Topic::Act(a) => (0, ds.act_order(&a.id)),
        Topic::Proposition(p) => (
            1 + usize::from(t.is_appeal() || t.is_demand()),
            ds.proposition_order(&p.id),
        ),
    });
    topics
}

fn affirmed<'a>(
    ds: &Dataset,
    claims: &[&'a Claim],
    by: Grouping,
    withdrawn: &Withdrawn<'a>,
) -> Affirmed<'a> {
    let positions: Vec<&Claim> = claims
        .iter()
        .copied()
        .filter(|c| matches!(c.assertion, Assertion::Position(_)))
        .collect();
    let mut by_prop: BTreeMap<&str, Vec<&Claim>> = BTreeMap::new();
    for c in positions {
        if let Assertion::Position(p) = &c.assertion {
            by_prop.entry(p.proposition.as_str()).or_default().push(c);
        }
    }
    let mut affirmed: Affirmed<'a> = HashMap::new();
    for (prop, list) in by_prop {
        for e in stance_entries(&list, &|c| keys(ds, c, by).1, withdrawn) {
            if let (Assertion::Position(p), None) = (&e.claim.assertion, e.withdrawn) {
                if p.stance == Stance::Affirms {
                    affirmed.entry(prop).or_default().push((e.key, e.claim));
                }
            }
        }
    }
    affirmed
}

pub(super) fn rows<'a>(
    ds: &'a Dataset,
    event: &Event,
    claims: &[&'a Claim],
    by: Grouping,
    columns: &[Column],
    withdrawn: &Withdrawn<'a>,
    places: &PlaceTree,
) -> Vec<StatementRow<'a>> {
    let affirmed = affirmed(ds, claims, by, withdrawn);
    let exclusions = positions::Exclusions::of(ds);
    let column_at = column_index(columns);
    topics(ds, claims)
        .into_iter()
        .map(|(topic, on_topic)| {
            let col_entries = stance_entries(&on_topic, &|c| cell_key(ds, c, by), withdrawn);
            let cells = Cells::of(&column_at, col_entries, |e| &e.key);
            let mut voices = stance_entries(&on_topic, &|c| keys(ds, c, by).1, withdrawn);
            voices.retain(|v| v.withdrawn.is_none());
            let verdict = match &topic {
                _ if voices.is_empty() => Verdict::Withdrawn,
                _ if topic.is_appeal() => Verdict::Appeal,
                _ if topic.is_demand() => Verdict::Demand,
                Topic::Act(_) => accusations::verdict(ds, &voices, by, &event.sides),
                Topic::Proposition(p) => {
                    positions::verdict(ds, p, &voices, &affirmed, &exclusions, &event.sides, by)
                }
            };
            StatementRow {
                places_differ: clash(places, ds, voices.iter().map(|v| v.claim)),
                topic,
                cells,
                voices,
                verdict,
            }
        })
        .collect()
}

/// The number of distinct voices (entries are sorted by key).
pub(super) fn distinct_voices(voices: &[StanceEntry]) -> usize {
    let mut keys: Vec<&str> = voices.iter().map(|v| v.key.as_str()).collect();
    keys.dedup();
    keys.len()
}

/// How far entries that agree go: voices of both sides of the event, or not.
pub(super) fn both_sides(
    ds: &Dataset,
    voices: &[StanceEntry],
    sides: &[String],
    by: Grouping,
) -> Agreement {
    let mut parties: Vec<String> = voices
        .iter()
        .filter_map(|v| super::columns::party_of_key(ds, &v.key, by))
        .filter(|p| sides.contains(p))
        .collect();
    parties.sort();
    parties.dedup();
    if parties.len() >= 2 {
        Agreement::BothSides
    } else {
        Agreement::Voices
    }
}
