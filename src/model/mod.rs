//! The validated dataset: parties, sources, vocabulary, events, documents and claims.
//!
//! Everything here has passed the loader's checks: every reference resolves,
//! every count is non-negative, every date exists. Code downstream never
//! re-validates.

mod amount;
mod claim;
mod clock;
mod event;
mod figure;
pub mod implied;
pub mod increments;
mod order;
mod source;
pub use order::Kind as DefinitionKind;
pub mod places;
pub mod quantity;
pub mod record;
pub mod standing;
pub mod units;
pub mod when;

use std::collections::HashMap;

pub use amount::Amount;
pub use claim::{Claim, ClaimKind, Derivation, ImpliedBy, QuoteKind, Report, Required};
pub use event::Event;
pub use figure::Figure;
pub use source::{PeriodRecord, Source};
pub use standing::{Attribution, Standing};
use when::When;

#[derive(Debug, Clone)]
pub struct Party {
    pub id: String,
    pub name: String,
    /// The side it stands with (a de facto authority, a proxy): its organs
    /// speak for that side.
    pub aligned_with: Option<String>,
    /// The side a third state is allied with: its agreement with that side
    /// is not independent.
    pub allied_with: Option<String>,
}

/// The kind of body a source is. Kept closed so that `--by party` and the
/// statistics can reason about it; `other` covers the rest.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, serde::Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum SourceKind {
    Ministry,
    HeadOfGovernment,
    HeadOfState,
    // A state speaking through an organ the report does not name ("Yerevan said").
    Government,
    SecurityCouncil,
    NewsAgency,
    Newspaper,
    NewsSite,
    InternationalOrganisation,
    Media,
    Other,
}

/// A kind of people or equipment a figure may count apart ("border guards"):
/// a breakdown's parts and a figure's `of`.
#[derive(Debug, Clone)]
pub struct Category {
    pub id: String,
    pub label: String,
    /// The larger category it lies within (children within civilians).
    pub within: Option<String>,
}

/// Where fighting is said to have happened; `within` a larger place.
#[derive(Debug, Clone)]
pub struct Place {
    pub id: String,
    pub name: String,
    pub within: Option<String>,
    /// The names the parties use, when they differ ("Parukh" in Yerevan,
    /// "Farrukh" in Baku): a naming dispute, never two places.
    pub names: Vec<(String, Vec<String>)>,
}

impl Place {
    /// The name a reader of the reports expects, with the others the
    /// parties use in brackets: "Parukh (Farrukh: Azerbaijan)".
    pub fn shown(&self, ds: &Dataset) -> String {
        let others: Vec<String> = self
            .names
            .iter()
            .filter(|(n, _)| *n != self.name)
            .map(|(n, by)| {
                let by: Vec<&str> = by.iter().map(|p| ds.party_name(p)).collect();
                format!("{n}: {}", by.join(", "))
            })
            .collect();
        match others.is_empty() {
            true => self.name.clone(),
            false => format!("{} ({})", self.name, others.join("; ")),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Metric {
    pub id: String,
    pub label: String,
    pub unit: String,
    /// For a composite (`killed-or-wounded`), the metrics it sums.
    pub parts: Vec<String>,
    /// A count that only grows over time (killed, destroyed): a smaller count
    /// said earlier is consistent with a larger one said later.
    pub cumulative: bool,
    /// A measure (km², hours): its figures may have decimals.
    pub decimals: bool,
    /// It counts the party's losses, not what it has or does (troops engaged).
    pub losses: bool,
    /// Metrics it includes without being their sum ("lost" includes
    /// "destroyed"): each is a floor under it.
    pub includes: Vec<String>,
    /// It counts what one party handed to another (prisoners released,
    /// bodies handed over): its rows are `from` → `to`, never a party's losses.
    pub transfer: bool,
}

/// Between the giving and the receiving party in a transfer's row key
/// (`azerbaijan→armenia`).
pub const TRANSFER: &str = "→";

#[derive(Debug, Clone)]
pub struct Act {
    pub id: String,
    pub label: String,
}

/// A question several acts answer ("who started it": fired first,
/// provocations, attacked): accusations of its acts share a row, so blame
/// under one act meets blame under another.
#[derive(Debug, Clone)]
pub struct Question {
    pub id: String,
    pub label: String,
    /// The acts that answer it; an act answers one question at most.
    pub acts: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Document {
    pub id: String,
    pub title: Option<String>,
    pub outlet: String,
    pub url: Option<String>,
    pub published: Option<When>,
    pub language: String,
    /// Aggregator, repost, translation: how the document relates to the original.
    pub relation: Option<String>,
    pub note: Option<String>,
    /// Its words are a machine rewording: quotes keep them, marked [sic].
    pub garbled: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PropositionKind {
    /// A matter of fact a party can affirm or deny.
    Fact,
    /// A call (for restraint, for talks): shown, never counted as taking a side.
    Appeal,
    /// A demand addressed to one party ("we urge Azerbaijan to withdraw"):
    /// shown as such, never counted as a voice on a matter of fact.
    Demand,
}

#[derive(Debug, Clone)]
pub struct Proposition {
    pub id: String,
    pub text: String,
    pub kind: PropositionKind,
    /// For a demand: the party it is addressed to.
    pub addressee: Option<String>,
    /// Propositions that cannot be true together with this one.
    pub excludes: Vec<String>,
    /// A figure it implies ("no civilian object was damaged": civilian
    /// casualties 0): a voice affirming it counts on that figure's row.
    pub implies: Option<Figure>,
    /// For a demand: the fact it takes for granted ("pull back your
    /// forces": forces across the border); the demanding voice affirms it.
    pub presupposes: Option<String>,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, serde::Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Channel {
    Tweet,
    FacebookPost,
    Statement,
    PhoneCallReadout,
    AgencyDispatch,
    PressBriefing,
    Speech,
    Website,
    MediaReport,
    Article,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, serde::Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    Affirms,
    Denies,
}

/// When an accused act happened, as the claimant put it: a date or moment,
/// or only a time of day ("at 00:05", the day not given).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum At {
    When(When),
    Clock { hour: u8, minute: u8 },
}

impl std::fmt::Display for At {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            At::When(w) => write!(f, "{w}"),
            At::Clock { hour, minute } => write!(f, "{hour:02}:{minute:02}"),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Accusation {
    /// The party blamed; `None` when the claimant names no violator ("two
    /// ceasefire violations recorded"): shown, never blame of either side.
    pub accused: Option<String>,
    pub act: String,
    /// True for a denial: "our forces have always operated on our territory".
    pub denies: bool,
    /// When the act happened, according to the claimant.
    pub at: Option<At>,
}

#[derive(Debug, Clone)]
pub struct Position {
    pub proposition: String,
    pub stance: Stance,
}

/// What a claim asserts: exactly one of these.
// Most claims are figures: boxing the largest variant would cost an
// allocation per claim for no saving.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone)]
pub enum Assertion {
    Figure(Figure),
    Accusation(Accusation),
    Position(Position),
    /// Withdraws an earlier claim of the same source, putting nothing in its place.
    Retraction {
        of: String,
    },
}

/// Everything loaded, with lookups by id.
#[derive(Debug, Default, Clone)]
pub struct Dataset {
    pub parties: Vec<Party>,
    pub sources: Vec<Source>,
    pub metrics: Vec<Metric>,
    pub acts: Vec<Act>,
    pub questions: Vec<Question>,
    pub events: Vec<Event>,
    pub documents: Vec<Document>,
    pub propositions: Vec<Proposition>,
    pub categories: Vec<Category>,
    pub places: Vec<Place>,
    /// The vague words ("several", "dozens") and the interval each stands for.
    pub vague: Vec<(String, quantity::Interval)>,
    pub claims: Vec<Claim>,
    /// What was documented afterwards (claims with `record`): never among
    /// `claims`, so no verdict between claims can depend on them.
    pub records: Vec<Claim>,
    pub(crate) index: Index,
}

#[derive(Debug, Default, Clone)]
pub(crate) struct Index {
    pub parties: HashMap<String, usize>,
    pub sources: HashMap<String, usize>,
    pub metrics: HashMap<String, usize>,
    pub acts: HashMap<String, usize>,
    pub questions: HashMap<String, usize>,
    /// The question each act answers (the first to list it).
    pub question_of_act: HashMap<String, usize>,
    pub events: HashMap<String, usize>,
    pub documents: HashMap<String, usize>,
    pub propositions: HashMap<String, usize>,
    pub categories: HashMap<String, usize>,
    pub places: HashMap<String, usize>,
    pub claims: HashMap<String, usize>,
    /// Claims by event (positions in `claims`), and how many were indexed so.
    pub by_event: HashMap<String, Vec<usize>>,
    pub by_event_count: usize,
}

impl Dataset {
    pub(crate) fn add_party(&mut self, x: Party) {
        self.index.parties.insert(x.id.clone(), self.parties.len());
        self.parties.push(x);
    }
    pub(crate) fn add_source(&mut self, x: Source) {
        self.index.sources.insert(x.id.clone(), self.sources.len());
        self.sources.push(x);
    }
    pub(crate) fn add_metric(&mut self, x: Metric) {
        self.index.metrics.insert(x.id.clone(), self.metrics.len());
        self.metrics.push(x);
    }
    pub(crate) fn add_act(&mut self, x: Act) {
        self.index.acts.insert(x.id.clone(), self.acts.len());
        self.acts.push(x);
    }
    pub(crate) fn add_question(&mut self, x: Question) {
        let at = self.questions.len();
        self.index.questions.insert(x.id.clone(), at);
        for act in &x.acts {
            self.index.question_of_act.entry(act.clone()).or_insert(at);
        }
        self.questions.push(x);
    }
    pub(crate) fn add_event(&mut self, x: Event) {
        self.index.events.insert(x.id.clone(), self.events.len());
        self.events.push(x);
    }
    pub(crate) fn add_document(&mut self, x: Document) {
        self.index
            .documents
            .insert(x.id.clone(), self.documents.len());
        self.documents.push(x);
    }
    pub(crate) fn add_proposition(&mut self, x: Proposition) {
        self.index
            .propositions
            .insert(x.id.clone(), self.propositions.len());
        self.propositions.push(x);
    }
    pub(crate) fn add_category(&mut self, x: Category) {
        self.index
            .categories
            .insert(x.id.clone(), self.categories.len());
        self.categories.push(x);
    }
    pub(crate) fn add_place(&mut self, x: Place) {
        self.index.places.insert(x.id.clone(), self.places.len());
        self.places.push(x);
    }
    pub(crate) fn add_claim(&mut self, x: Claim) {
        self.index.claims.insert(x.id.clone(), self.claims.len());
        let by_event = self.index.by_event.entry(x.event.clone()).or_default();
        by_event.push(self.claims.len());
        self.index.by_event_count += 1;
        self.claims.push(x);
    }

    pub fn party(&self, id: &str) -> Option<&Party> {
        self.index.parties.get(id).map(|&i| &self.parties[i])
    }
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.index.sources.get(id).map(|&i| &self.sources[i])
    }
    pub fn metric(&self, id: &str) -> Option<&Metric> {
        self.index.metrics.get(id).map(|&i| &self.metrics[i])
    }
    pub fn act(&self, id: &str) -> Option<&Act> {
        self.index.acts.get(id).map(|&i| &self.acts[i])
    }
    /// The question an act answers, if any.
    pub fn question_of(&self, act: &str) -> Option<&Question> {
        let at = self.index.question_of_act.get(act)?;
        self.questions.get(*at)
    }
    pub fn event(&self, id: &str) -> Option<&Event> {
        self.index.events.get(id).map(|&i| &self.events[i])
    }
    pub fn document(&self, id: &str) -> Option<&Document> {
        self.index.documents.get(id).map(|&i| &self.documents[i])
    }
    pub fn proposition(&self, id: &str) -> Option<&Proposition> {
        self.index
            .propositions
            .get(id)
            .map(|&i| &self.propositions[i])
    }
    /// Where an act stands in the vocabulary (unknown ids last).
    pub fn act_order(&self, id: &str) -> usize {
        self.index.acts.get(id).copied().unwrap_or(usize::MAX)
    }
    /// Where a proposition stands among those defined (unknown ids last).
    pub fn proposition_order(&self, id: &str) -> usize {
        self.index
            .propositions
            .get(id)
            .copied()
            .unwrap_or(usize::MAX)
    }
    pub fn category(&self, id: &str) -> Option<&Category> {
        self.index.categories.get(id).map(|&i| &self.categories[i])
    }
    pub fn place(&self, id: &str) -> Option<&Place> {
        self.index.places.get(id).map(|&i| &self.places[i])
    }
    pub fn claim(&self, id: &str) -> Option<&Claim> {
        self.index.claims.get(id).map(|&i| &self.claims[i])
    }

    /// The party a source speaks for, if any.
    /// The side a party stands on: the party it is aligned with, else itself.
    pub fn side_of<'s>(&'s self, party: &'s str) -> &'s str {
        self.party(party)
            .and_then(|p| p.aligned_with.as_deref())
            .unwrap_or(party)
    }

    /// The side a third state is allied with, if any.
    pub fn ally_of(&self, party: &str) -> Option<&str> {
        self.party(party).and_then(|p| p.allied_with.as_deref())
    }

    pub fn party_of(&self, source: &str) -> Option<&str> {
        self.source(source).and_then(|s| s.party.as_deref())
    }

    /// How a source stood when it said something (`periods`).
    pub fn standing_at(&self, source: &str, said: &When) -> Standing {
        self.source(source)
            .map_or(Standing::Independent, |s| s.standing_at(said))
    }

    /// "Armenia", or "Armenia + Azerbaijan" for a count of several parties,
    /// or "Azerbaijan → Armenia" for a transfer.
    pub fn parties_name(&self, key: &str) -> String {
        if let Some((from, to)) = key.split_once(TRANSFER) {
            return format!("{} → {}", self.party_name(from), self.party_name(to));
        }
        let names: Vec<&str> = key.split('+').map(|p| self.party_name(p)).collect();
        names.join(" + ")
    }

    /// Display name of a party, falling back to its id.
    pub fn party_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.party(id).map(|p| p.name.as_str()).unwrap_or(id)
    }

    /// An event's claims, in the order they were added. From the index when
    /// every claim went through [`Dataset::add_claim`] (comparing each of
    /// thousands of events must not scan every claim each time).
    pub fn claims_of_event<'a>(
        &'a self,
        event: &'a str,
    ) -> Box<dyn Iterator<Item = &'a Claim> + 'a> {
        if self.index.by_event_count == self.claims.len() {
            let positions = self
                .index
                .by_event
                .get(event)
                .map_or(&[][..], Vec::as_slice);
            Box::new(positions.iter().map(|&i| &self.claims[i]))
        } else {
            Box::new(self.claims.iter().filter(move |c| c.event == event))
        }
    }
}
