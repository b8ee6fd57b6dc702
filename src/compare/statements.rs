//! Statement rows: one per act accused, or per question whose acts answer
//! it (see [`super::accusations`]), and one per proposition (see [`super::positions`]); a voice's latest statement
//! on a row counts; one it withdrew is shown, not counted.

use std::collections::{BTreeMap, HashMap};

use super::cells::{column_index, Cells};
use super::columns::split_speaker;
use super::columns::Column;
use super::places::clash;
use super::scope::Scope;
use super::stances::{Affirmed, StanceEntry};
use super::verdict::Verdict;
use super::withdrawn::{split_live, Withdrawn};
use super::{accusations, positions};
use crate::model::{
    Act, Assertion, Claim, Dataset, Place, Proposition, PropositionKind, Question, Stance,
};

#[derive(Debug, Clone, Copy)]
pub enum Topic<'a> {
    Act(&'a Act),
    /// Accusations under any of the question's acts: rival answers to it.
    Question(&'a Question),
    Proposition(&'a Proposition),
}

impl Topic<'_> {
    pub fn id(&self) -> &str {
        match self {
            Topic::Act(a) => &a.id,
            Topic::Question(q) => &q.id,
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
    /// A question's row whose accusations name more than one act: each
    /// statement then says which.
    pub acts_differ: bool,
}

impl StatementRow<'_> {
    pub fn label(&self) -> &str {
        match self.topic {
            Topic::Act(a) => &a.label,
            Topic::Question(q) => &q.label,
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
            Topic::Act(_) | Topic::Question(_) => None,
        }
    }
}

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
            // Accusations of different times are different incidents; one
            // naming no violator stands apart from every party's.
            Assertion::Accusation(a) => {
                let accused = a.accused.as_deref().map_or(" none", |p| p);
                match &a.at {
                    Some(at) => format!("{accused} {at}"),
                    None => accused.to_string(),
                }
            }
            _ => String::new(),
        };
        groups.entry((key_of(c), sub)).or_default().push(c);
    }
    let mut out = Vec::new();
    for ((key, _), claims) in groups {
        let by = |c: &&Claim| withdrawn.get(c.id.as_str()).copied();
        let (current, earlier, gone) = split_live(
            claims,
            |c| (super::supersede::said(c), c.id.as_str()),
            |c| by(c).is_some(),
        );
        let unordered = current.len().saturating_sub(1);
        let gone = gone.map(|c| (by(&c), c));
        // Earlier statements go with the voice's first entry only (see
        // `figures::entries`): never copied to each statement it cannot order.
        let mut earlier = Some(earlier);
        let (voice, speaker) = split_speaker(&key);
        for (withdrawn, claim) in current.into_iter().map(|c| (None, c)).chain(gone) {
            out.push(StanceEntry {
                key: voice.to_string(),
                speaker: speaker.map(str::to_string),
                claim,
                earlier: earlier.take().unwrap_or_default(),
                unordered,
                withdrawn,
            });
        }
    }
    out
}

/// The topics claims speak to: acts and questions in vocabulary order (a
/// question where its first act stands), then propositions, then appeals, in
/// the order they are defined; each with its claims.
fn topics<'a>(ds: &'a Dataset, claims: &[&'a Claim]) -> Vec<(Topic<'a>, Vec<&'a Claim>)> {
    let mut topics: Vec<(Topic, Vec<&Claim>)> = Vec::new();
    let mut seen: HashMap<(u8, &str), usize> = HashMap::new();
    for &c in claims {
        let t = match &c.assertion {
            Assertion::Accusation(a) => match ds.question_of(&a.act) {
                Some(q) => Some(Topic::Question(q)),
                None => ds.act(&a.act).map(Topic::Act),
            },
            Assertion::Position(p) => ds.proposition(&p.proposition).map(Topic::Proposition),
            Assertion::Figure(_) | Assertion::Retraction { .. } => None,
        };
        let Some(t) = t else { continue };
        let key: (u8, &'a str) = match t {
            Topic::Act(a) => (0, &a.id),
            Topic::Question(q) => (1, &q.id),
            Topic::Proposition(p) => (2, &p.id),
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
        Topic::Question(q) => (0, q.acts.iter().map(|a| ds.act_order(a)).min().unwrap_or(0)),
        Topic::Proposition(p) => (
            1 + usize::from(t.is_appeal() || t.is_demand()),
            ds.proposition_order(&p.id),
        ),
    });
    topics
}

fn affirmed<'a>(scope: &Scope<'a>, claims: &[&'a Claim]) -> Affirmed<'a> {
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
        for e in stance_entries(&list, &|c| scope.speaker_key(c), &scope.withdrawn) {
            if let (Assertion::Position(p), None) = (&e.claim.assertion, e.withdrawn) {
                if p.stance == Stance::Affirms {
                    affirmed.entry(prop).or_default().push((e.who(), e.claim));
                }
            }
        }
    }
    affirmed
}

/// Whether accusations on one row name more than one act.
fn acts_differ(claims: &[&Claim]) -> bool {
    let mut acts = claims.iter().filter_map(|c| match &c.assertion {
        Assertion::Accusation(a) => Some(a.act.as_str()),
        _ => None,
    });
    let first = acts.next();
    acts.any(|a| Some(a) != first)
}

pub(super) fn rows<'a>(
    scope: &Scope<'a>,
    claims: &[&'a Claim],
    columns: &[Column],
) -> Vec<StatementRow<'a>> {
    let (ds, withdrawn) = (scope.ds, &scope.withdrawn);
    let affirmed = affirmed(scope, claims);
    let exclusions = positions::Exclusions::of(ds);
    let column_at = column_index(columns);
    topics(ds, claims)
        .into_iter()
        .map(|(topic, on_topic)| {
            let col_entries = stance_entries(&on_topic, &|c| scope.cell_key(c), withdrawn);
            let cells = Cells::of(&column_at, col_entries, |e| &e.key);
            // Each speaker of a merged voice keeps its own stance.
            let mut voices = stance_entries(&on_topic, &|c| scope.speaker_key(c), withdrawn);
            voices.retain(|v| v.withdrawn.is_none());
            let verdict = match &topic {
                _ if voices.is_empty() => Verdict::Withdrawn,
                _ if topic.is_appeal() => Verdict::Appeal,
                _ if topic.is_demand() => Verdict::Demand,
                Topic::Act(_) | Topic::Question(_) => accusations::verdict(scope, &voices),
                Topic::Proposition(p) => {
                    positions::verdict(scope, p, &voices, &affirmed, &exclusions)
                }
            };
            StatementRow {
                places_differ: clash(&scope.places, ds, voices.iter().map(|v| v.claim)),
                acts_differ: acts_differ(&on_topic),
                topic,
                cells,
                voices,
                verdict,
            }
        })
        .collect()
}
