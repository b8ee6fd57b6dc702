//! Statement rows: one per act accused (see [`super::accusations`]) and one
//! per proposition (see [`super::positions`]); a voice's latest statement
//! on a row counts.

use std::collections::{BTreeMap, HashMap};

use super::columns::{into_cells, keys, Column};
use super::supersede::split;
use super::verdict::Verdict;
use super::{accusations, positions, Grouping};
use crate::model::{Act, Assertion, Claim, Dataset, Event, Proposition, PropositionKind, Stance};

/// One voice's (or column's) current stance on an accusation or proposition row.
#[derive(Debug, Clone)]
pub struct StanceEntry<'a> {
    pub key: String,
    pub claim: &'a Claim,
    pub earlier: Vec<&'a Claim>,
    /// Other current statements of the same voice on the same party that
    /// the data cannot order against this one.
    pub unordered: usize,
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

    fn is_about(&self, c: &Claim) -> bool {
        match (&c.assertion, self) {
            (Assertion::Accusation(a), Topic::Act(t)) => a.act == t.id,
            (Assertion::Position(p), Topic::Proposition(t)) => p.proposition == t.id,
            _ => false,
        }
    }
}

#[derive(Debug, Clone)]
pub struct StatementRow<'a> {
    pub topic: Topic<'a>,
    /// Per column, every current statement (an accusation row may hold one per accused party).
    pub cells: Vec<Vec<StanceEntry<'a>>>,
    pub voices: Vec<StanceEntry<'a>>,
    pub verdict: Verdict<'a>,
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
        let (current, earlier) = split(claims, |c| (c.said.span(), c.id.as_str()));
        let unordered = current.len().saturating_sub(1);
        for claim in current {
            out.push(StanceEntry {
                key: key.clone(),
                claim,
                earlier: earlier.clone(),
                unordered,
            });
        }
    }
    out
}

/// The topics claims speak to: acts in vocabulary order, then propositions,
/// then appeals, in the order they are defined.
fn topics<'a>(ds: &'a Dataset, claims: &[&'a Claim]) -> Vec<Topic<'a>> {
    let mut topics: Vec<Topic> = Vec::new();
    for c in claims {
        let t = match &c.assertion {
            Assertion::Accusation(a) => ds.act(&a.act).map(Topic::Act),
            Assertion::Position(p) => ds.proposition(&p.proposition).map(Topic::Proposition),
            Assertion::Figure(_) => None,
        };
        if let Some(t) = t.filter(|t| !topics.iter().any(|x| x.id() == t.id())) {
            topics.push(t);
        }
    }
    topics.sort_by_key(|t| match t {
        Topic::Act(a) => (0, ds.acts.iter().position(|x| x.id == a.id).unwrap_or(0)),
        Topic::Proposition(p) => (
            if t.is_appeal() { 2 } else { 1 },
            ds.propositions
                .iter()
                .position(|x| x.id == p.id)
                .unwrap_or(0),
        ),
    });
    topics
}

fn affirmed<'a>(ds: &Dataset, claims: &[&'a Claim], by: Grouping) -> Affirmed<'a> {
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
        for e in stance_entries(&list, &|c| keys(ds, c, by).1) {
            if let Assertion::Position(p) = &e.claim.assertion {
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
) -> Vec<StatementRow<'a>> {
    let affirmed = affirmed(ds, claims, by);
    topics(ds, claims)
        .into_iter()
        .map(|topic| {
            let on_topic: Vec<&Claim> = claims
                .iter()
                .copied()
                .filter(|c| topic.is_about(c))
                .collect();
            let col_entries = stance_entries(&on_topic, &|c| keys(ds, c, by).0);
            let cells = into_cells(columns, col_entries, |e| &e.key);
            let voices = stance_entries(&on_topic, &|c| keys(ds, c, by).1);
            let verdict = match &topic {
                _ if topic.is_appeal() => Verdict::Appeal,
                Topic::Act(_) => accusations::verdict(ds, &voices, by, &event.sides),
                Topic::Proposition(p) => {
                    positions::verdict(ds, p, &voices, &affirmed, &event.sides, by)
                }
            };
            StatementRow {
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

/// Whether entries that agree speak for both sides of the event.
pub(super) fn both_sides(
    ds: &Dataset,
    voices: &[StanceEntry],
    sides: &[String],
    by: Grouping,
) -> bool {
    let mut parties: Vec<String> = voices
        .iter()
        .filter_map(|v| super::columns::party_of_key(ds, &v.key, by))
        .filter(|p| sides.contains(p))
        .collect();
    parties.sort();
    parties.dedup();
    parties.len() >= 2
}
