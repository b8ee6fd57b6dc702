//! The shape of a data file, as serde reads it, before any check; and the
//! one definition of each field: its doc comment is its meaning in the JSON
//! Schema and the format reference (`claims schema`), derived with schemars.
//!
//! Every table refuses unknown fields, and every value a later check may
//! complain about is `Spanned`, so the complaint can name its line and
//! column. No `flatten` and no untagged enums: with the toml crate they
//! lose error positions. `Spanned` has no schema of its own: each such
//! field names its form for the schema (`with`: an id, a date, a count).

use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

pub use super::file_forms::{fields_of, form, Number};
pub use figure::{BreakdownFile, FigureFile, ReadingFile, ReportFile};
pub use parties::{PartyFile, PeriodFile, SourceFile};

mod figure;
mod parties;

use crate::model::{Attribution, Channel, ClaimKind, Stance};

type S<T> = Spanned<T>;

/// Parties, sources, vocabulary, an event, its documents, propositions and claims. Any table may appear in any file.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "claims data file")]
pub struct FileModel {
    #[serde(default)]
    pub party: Vec<PartyFile>,
    #[serde(default)]
    pub source: Vec<SourceFile>,
    #[serde(default)]
    pub metric: Vec<MetricFile>,
    #[serde(default)]
    pub vague: Vec<VagueFile>,
    #[serde(default)]
    pub act: Vec<ActFile>,
    #[serde(default)]
    pub question: Vec<QuestionFile>,
    #[serde(default)]
    pub category: Vec<CategoryFile>,
    #[serde(default)]
    pub place: Vec<PlaceFile>,
    pub event: Option<EventFile>,
    #[serde(default)]
    pub document: Vec<DocumentFile>,
    #[serde(default)]
    pub proposition: Vec<PropositionFile>,
    #[serde(default)]
    pub claim: Vec<ClaimFile>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CategoryFile {
    /// kebab-case id: `border-guards`
    #[schemars(with = "form::Id")]
    pub id: S<String>,
    /// "border guards"
    pub label: String,
    /// what it covers
    pub description: Option<String>,
    /// the larger category it lies within (`children` within `civilians`): a voice's count of
    /// it is a floor under its count of the larger one
    #[schemars(with = "Option<form::Id>")]
    pub within: Option<S<String>>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlaceFile {
    /// kebab-case id: `mount-kilisali`
    #[schemars(with = "form::Id")]
    pub id: S<String>,
    /// "Mount Kilisali"
    pub name: String,
    /// the larger place it lies within, so a village and its district are not flagged as
    /// different places
    #[schemars(with = "Option<form::Id>")]
    pub within: Option<S<String>>,
    /// the names the parties use when they differ: `[{ name = "Parukh", used_by = ["armenia"] },
    /// { name = "Farrukh", used_by = ["azerbaijan"] }]`; shown as a naming dispute, never as
    /// two places
    #[serde(default)]
    #[schemars(with = "Vec<PlaceNameFile>")]
    pub names: Vec<S<PlaceNameFile>>,
    /// anything a reader should know about it
    pub note: Option<String>,
}

/// One name of a place, and the parties that use it.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlaceNameFile {
    /// the name: "Farrukh"
    pub name: String,
    /// the parties that use it: `["azerbaijan"]`
    #[schemars(with = "Vec<form::Id>")]
    pub used_by: Vec<S<String>>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MetricFile {
    /// kebab-case id: `killed`
    #[schemars(with = "form::Id")]
    pub id: S<String>,
    /// "killed"
    pub label: String,
    /// what is counted: `people` (the default), `vehicles`, `km²`
    pub unit: Option<String>,
    /// for a composite (`killed-or-wounded`): the metrics it sums
    #[serde(default)]
    #[schemars(with = "Vec<form::Id>")]
    pub parts: Vec<S<String>>,
    /// what it covers
    pub description: Option<String>,
    /// a count that only grows (killed, destroyed): a smaller figure said earlier is consistent
    /// with a larger later one
    #[serde(default)]
    pub cumulative: bool,
    /// a measure (km², hours) whose figures may have decimals
    #[serde(default)]
    pub decimals: bool,
    /// it counts the party's losses (the default); `false` for what it has or
    /// does (`troops-engaged`), so a party's own figure is not called its losses
    #[serde(default = "yes")]
    pub losses: bool,
    /// metrics it includes without being their sum ("lost" includes "destroyed", and more): a
    /// voice's figure of each is a floor under this one, so 5 lost against 4 destroyed is
    /// consistent and 3 lost against 4 destroyed is not
    #[serde(default)]
    #[schemars(with = "Vec<form::Id>")]
    pub includes: Vec<S<String>>,
    /// `count` (the default) or `transfer`: what one party handed to another (prisoners
    /// released, bodies handed over, mine maps); its figures give `from` and `to`, never whose
    /// losses, and it is never a loss
    #[serde(default)]
    pub kind: MetricKind,
}

/// What a metric counts.
#[derive(Debug, Deserialize, Clone, Copy, Default, PartialEq, Eq, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum MetricKind {
    /// A party's people or things (the default).
    #[default]
    Count,
    /// What one party handed to another.
    Transfer,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VagueFile {
    /// the word as used: `several`
    #[schemars(with = "form::Id")]
    pub word: S<String>,
    /// the least count it stands for
    #[schemars(with = "form::Count")]
    pub low: S<i64>,
    /// the most; absent when it has no upper bound ("hundreds" at least)
    #[schemars(with = "Option<form::Count>")]
    pub high: Option<S<i64>>,
    /// how the reading was chosen
    pub meaning: Option<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ActFile {
    /// kebab-case id: `started-fighting`
    #[schemars(with = "form::Id")]
    pub id: S<String>,
    /// "started the fighting (fired first)"
    pub label: String,
    /// what it covers
    pub description: Option<String>,
}

/// A question several acts answer: blame under any of its acts is weighed
/// together on one row.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QuestionFile {
    /// kebab-case id: `who-started-it`
    #[schemars(with = "form::Id")]
    pub id: S<String>,
    /// "who started the fighting"
    pub label: String,
    /// the act ids that answer it (an act answers one question at most): `["started-fighting", "provocation"]`
    #[schemars(with = "Vec<form::Id>")]
    pub acts: Vec<S<String>>,
    /// what it covers
    pub description: Option<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EventFile {
    /// kebab-case id: `kilisali-2021`; the file is usually named after it
    #[schemars(with = "form::Id")]
    pub id: S<String>,
    /// "Mount Kilisali border clash"
    pub title: String,
    /// when it happened: a day, or a span `2020-07-12/2020-07-16`
    #[schemars(with = "form::When")]
    pub date: S<String>,
    /// where, in words
    pub place: String,
    /// the region's UTC offset, `+04:00`: times and days written without one are read on its
    /// clock, and those written in another zone (`2022-09-12-04:00`, a day in Washington) are
    /// moved onto it
    #[schemars(with = "Option<form::Offset>")]
    pub zone: Option<S<String>>,
    /// one or two sentences
    pub summary: String,
    /// the parties that fought; the others are third parties
    #[serde(default)]
    #[schemars(with = "Vec<form::Id>")]
    pub sides: Vec<S<String>>,
    /// the places its claims name (defined as `[[place]]`)
    #[serde(default)]
    #[schemars(with = "Vec<form::Id>")]
    pub places: Vec<S<String>>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DocumentFile {
    /// kebab-case id: `overt-defense-2021-11-17`
    #[schemars(with = "form::Id")]
    pub id: S<String>,
    /// the headline
    pub title: Option<String>,
    /// who published it: "Overt Defense"
    pub outlet: String,
    /// its address
    pub url: Option<String>,
    /// when it was published
    #[schemars(with = "Option<form::When>")]
    pub published: Option<S<String>>,
    /// the language of its text: `en`, `fr`
    pub language: String,
    /// how it relates to the original: aggregator, repost, translation
    pub relation: Option<String>,
    /// anything a reader should know about it
    pub note: Option<String>,
    /// `true` when the page's words are a machine rewording: quotes keep them, marked [sic], and
    /// reports show their `reading` first
    #[serde(default)]
    pub garbled: bool,
    /// a local copy, relative to this file: quotes are checked against it
    #[schemars(with = "Option<String>")]
    pub text: Option<S<String>>,
}

/// `fact` (the default), `appeal` (a call for calm: no side taken) or `demand`.
#[derive(Debug, Deserialize, Clone, Copy, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum PropositionKindFile {
    Fact,
    Appeal,
    Demand,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PropositionFile {
    /// kebab-case id: `kil-fire-stopped-1830`
    #[schemars(with = "form::Id")]
    pub id: S<String>,
    /// the statement positions are taken on: "Fire stopped from 18:30"
    pub text: String,
    /// `fact` (the default), `appeal` (a call for calm: no side taken) or `demand`
    #[schemars(with = "Option<PropositionKindFile>")]
    pub kind: Option<S<PropositionKindFile>>,
    /// for a demand: the party it is made of
    #[schemars(with = "Option<form::Id>")]
    pub addressee: Option<S<String>>,
    /// propositions that cannot be true with it: voices affirming them conflict
    #[serde(default)]
    #[schemars(with = "Vec<form::Id>")]
    pub excludes: Vec<S<String>>,
    /// a figure it implies ("no civilian object was damaged": civilian casualties 0): a voice
    /// affirming it counts on that figure's row: `{ party = "armenia", metric = "killed", of =
    /// "civilians", exact = 0 }`
    #[schemars(with = "Option<ImpliesFile>")]
    pub implies: Option<S<ImpliesFile>>,
    /// for a demand: the fact it takes for granted, a proposition id ("pull back your forces"
    /// presupposes forces across the border); the demanding voice then affirms that fact
    #[schemars(with = "Option<form::Id>")]
    pub presupposes: Option<S<String>>,
}

/// The figure a proposition implies.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("oneOf" = [{"required": ["exact"]}, {"required": ["at_least"]}, {"required": ["at_most"]}]))]
pub struct ImpliesFile {
    /// whose losses: a party id
    #[schemars(with = "form::Id")]
    pub party: S<String>,
    /// what is counted: a metric id
    #[schemars(with = "form::Id")]
    pub metric: S<String>,
    /// the kind counted, when only some: a category id
    #[schemars(with = "Option<form::Id>")]
    pub of: Option<S<String>>,
    /// exactly N (most often 0)
    #[schemars(with = "Option<Number>")]
    pub exact: Option<S<Number>>,
    /// at least N
    #[schemars(with = "Option<Number>")]
    pub at_least: Option<S<Number>>,
    /// up to N
    #[schemars(with = "Option<Number>")]
    pub at_most: Option<S<Number>>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend(
    "oneOf" = [{"required": ["figure"]}, {"required": ["accusation"]}, {"required": ["position"]},
        {"required": ["retracts"], "not": {"anyOf": [{"required": ["figure"]}, {"required": ["accusation"]}, {"required": ["position"]}]}}],
    "anyOf" = [{"required": ["quote"]}, {"required": ["paraphrase"]}],
    "dependentRequired" = {"record": ["figure"], "imagery": ["record"]}
))]
pub struct ClaimFile {
    /// kebab-case id, unique across the data
    #[schemars(with = "form::Id")]
    pub id: S<String>,
    /// the event it is about; default: the file's `[event]`
    #[schemars(with = "Option<form::Id>")]
    pub event: Option<S<String>>,
    /// who made the statement, as the document names them
    #[schemars(with = "form::Id")]
    pub source: S<String>,
    /// whom the source relays (an agency passing on a ministry's word): the voice it counts as
    #[schemars(with = "Option<form::Id>")]
    pub origin: Option<S<String>>,
    /// the other sources that made this same statement (a joint communiqué): one claim, and each
    /// signatory a voice of it
    #[serde(default)]
    #[schemars(with = "Vec<form::Id>")]
    pub with: Vec<S<String>>,
    /// on a relay that gets its origin wrong (the origin said "killed or wounded", the relay
    /// "killed"; or it names the wrong ministry): how, in a few words; the claim is shown,
    /// marked, and never counted as a voice
    #[schemars(with = "Option<form::Words>")]
    pub misreports: Option<S<String>>,
    /// when it was said: `2021-11-16`, `2021-11-16T18:30`, `~2021-11-16T11:00` for "around
    /// 11:00", or `by 2021-11-17` when only the report's date is known
    #[schemars(with = "form::When")]
    pub said: S<String>,
    /// its place (1, 2, …) among its source's statements of that day, when the document
    /// orders them without clock times ("later that day"); `said` must be the day alone
    #[schemars(with = "Option<form::Count>")]
    pub order: Option<S<i64>>,
    /// how it was said
    pub via: Channel,
    /// the document it was read in
    #[schemars(with = "form::Id")]
    pub document: S<String>,
    /// the document's words, verbatim, in its language
    #[schemars(with = "Option<form::Words>")]
    pub quote: Option<S<String>>,
    /// in place of `quote`: the research notes' wording, when the page's words are not to hand
    /// (never shown as a quote)
    #[schemars(with = "Option<form::Words>")]
    pub paraphrase: Option<S<String>>,
    /// the quote's language: `en`, `fr`
    pub language: String,
    /// an English rendering of the quote
    pub english: Option<String>,
    /// the corrected reading of a machine-reworded quote
    pub reading: Option<String>,
    /// second-hand or conditional ("reportedly", the French conditional): `true` or `false`
    #[serde(default)]
    pub hedged: bool,
    /// when the words are not the source's on the record: `unnamed` ("an unnamed official",
    /// "sources in the ministry") or `unofficial` ("unofficial figures")
    pub attribution: Option<Attribution>,
    /// where the claimant puts what it states
    #[schemars(with = "Option<form::Id>")]
    pub place: Option<S<String>>,
    /// an earlier claim of the same voice it withdraws, asserting nothing
    #[schemars(with = "Option<form::Id>")]
    pub retracts: Option<S<String>>,
    /// an earlier claim of the same voice it replaces
    #[schemars(with = "Option<form::Id>")]
    pub corrects: Option<S<String>>,
    /// anything a reader should know to weigh it
    pub note: Option<String>,
    /// a count: whose losses, which metric, the quantity as stated
    #[schemars(with = "Option<FigureFile>")]
    pub figure: Option<S<FigureFile>>,
    /// one side accusing another of an act (or denying it)
    #[schemars(with = "Option<AccusationFile>")]
    pub accusation: Option<S<AccusationFile>>,
    /// a stance on a proposition
    #[schemars(with = "Option<PositionFile>")]
    pub position: Option<S<PositionFile>>,
    /// other documents that carried this same statement, each with its own words: one voice,
    /// however many outlets: `[{ document = "…", quote = "…" }]`
    #[serde(default)]
    #[schemars(with = "Vec<ReportFile>")]
    pub reports: Vec<S<ReportFile>>,
    /// makes the claim a record of what was documented afterwards, with its `figure`: the basis
    /// `named-list`, `handover`, `admission`, `imagery`, `investigation` or `independent-count`;
    /// its `source` is the documenter; weighed against the claims, never among them
    #[schemars(with = "Option<crate::model::record::Basis>")]
    pub record: Option<S<crate::model::record::Basis>>,
    /// for a record on `imagery`: the geolocated photo or video, `{ url = "…", sha256 = "…" }`
    /// (the SHA-256 of the file, or of the address, as Oryx keeps it)
    #[schemars(with = "Option<ImageryFile>")]
    pub imagery: Option<S<ImageryFile>>,
    /// `true` on a third party's joint figure that adds up the parties' own figures ("13 killed
    /// on both sides" = 6 + 7): shown, never counted as a voice or a record; `false` for an
    /// independent count that happens to equal that sum
    pub sum_of_own: Option<bool>,
}

/// A geolocated photo or video a record rests on.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ImageryFile {
    /// its address
    pub url: String,
    /// 64 hexadecimal digits: the SHA-256 of the file, or of the address
    #[schemars(with = "String")]
    pub sha256: S<String>,
}

impl ClaimFile {
    /// Its kind by the table it gives: `None` when it gives none (an error
    /// the claim's check reports).
    pub fn kind(&self) -> Option<ClaimKind> {
        if self.record.is_some() && self.figure.is_some() {
            return Some(ClaimKind::Record);
        }
        match (
            &self.figure,
            &self.accusation,
            &self.position,
            &self.retracts,
        ) {
            (Some(_), _, _, _) => Some(ClaimKind::Figure),
            (_, Some(_), _, _) => Some(ClaimKind::Accusation),
            (_, _, Some(_), _) => Some(ClaimKind::Position),
            (_, _, _, Some(_)) => Some(ClaimKind::Retraction),
            (None, None, None, None) => None,
        }
    }
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AccusationFile {
    /// the party accused; left out when the claimant names no violator ("two ceasefire violations recorded")
    #[schemars(with = "Option<form::Id>")]
    pub accused: Option<S<String>>,
    /// what of: an act id
    #[schemars(with = "form::Id")]
    pub act: S<String>,
    /// `true` for a denial ("our forces have always operated on our territory")
    #[serde(default)]
    pub denies: bool,
    /// when the act happened, as the claimant puts it: a date, or a time of day `13:45`
    #[schemars(with = "Option<form::At>")]
    pub at: Option<S<String>>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PositionFile {
    /// a proposition id
    #[schemars(with = "form::Id")]
    pub proposition: S<String>,
    /// `affirms` or `denies`
    pub stance: Stance,
}
