//! The shape of a data file, as serde reads it, before any check.
//!
//! Every table refuses unknown fields, and every value a later check may
//! complain about is `Spanned`, so the complaint can name its line and
//! column. No `flatten` and no untagged enums: with the toml crate they
//! lose error positions.

use serde::Deserialize;
use toml::Spanned;

use crate::model::{Attribution, Channel, ClaimKind, SourceKind, Stance, Standing};

type S<T> = Spanned<T>;

/// A number as written: whole, or with decimals (for measures such as km²).
/// Deserialized by hand so that a wrong type keeps its position.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Number {
    Whole(i64),
    Decimal(f64),
}

impl<'de> Deserialize<'de> for Number {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Number;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a number")
            }
            fn visit_i64<E>(self, v: i64) -> Result<Number, E> {
                Ok(Number::Whole(v))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Number, E> {
                i64::try_from(v)
                    .map(Number::Whole)
                    .map_err(|_| E::custom("number too large"))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Number, E> {
                Ok(Number::Decimal(v))
            }
        }
        d.deserialize_any(Visitor)
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
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

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartyFile {
    pub id: S<String>,
    pub name: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceFile {
    pub id: S<String>,
    pub name: String,
    pub party: Option<S<String>>,
    pub kind: SourceKind,
    /// organ, affiliated, individual, independent, international; when absent,
    /// an organ of its party, else independent (international for an
    /// international organisation).
    pub standing: Option<S<Standing>>,
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CategoryFile {
    pub id: S<String>,
    pub label: String,
    pub description: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlaceFile {
    pub id: S<String>,
    pub name: String,
    /// The larger place it lies within (a village within a district).
    pub within: Option<S<String>>,
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MetricFile {
    pub id: S<String>,
    pub label: String,
    pub unit: Option<String>,
    #[serde(default)]
    pub parts: Vec<S<String>>,
    pub description: Option<String>,
    /// A count that only grows (killed, destroyed), unlike one that can
    /// shrink (missing, troops deployed, territory held).
    #[serde(default)]
    pub cumulative: bool,
    /// A measure (km², hours) whose figures may have decimals.
    #[serde(default)]
    pub decimals: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VagueFile {
    pub word: S<String>,
    pub low: S<i64>,
    pub high: Option<S<i64>>,
    pub meaning: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActFile {
    pub id: S<String>,
    pub label: String,
    pub description: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventFile {
    pub id: S<String>,
    pub title: String,
    pub date: S<String>,
    pub place: String,
    pub summary: String,
    /// The parties that fought: a claim by one about another's losses is an adversary's claim.
    #[serde(default)]
    pub sides: Vec<S<String>>,
    /// The places its claims may name.
    #[serde(default)]
    pub places: Vec<S<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentFile {
    pub id: S<String>,
    /// Absent when the notes give only the page's address.
    pub title: Option<String>,
    pub outlet: String,
    pub url: Option<String>,
    pub published: Option<S<String>>,
    pub language: String,
    /// `aggregator`, `repost`, `translation`, … when the document is not the original.
    pub relation: Option<String>,
    pub note: Option<String>,
    /// A local copy of the text the quotes were taken from, relative to this file.
    pub text: Option<S<String>>,
}

#[derive(Debug, Deserialize, Clone, Copy)]
#[serde(rename_all = "lowercase")]
pub enum PropositionKindFile {
    Fact,
    Appeal,
    Demand,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PropositionFile {
    pub id: S<String>,
    pub text: String,
    pub kind: Option<S<PropositionKindFile>>,
    /// For a demand: the party it is addressed to.
    pub addressee: Option<S<String>>,
    #[serde(default)]
    pub excludes: Vec<S<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClaimFile {
    pub id: S<String>,
    pub event: Option<S<String>>,
    pub source: S<String>,
    pub origin: Option<S<String>>,
    pub said: S<String>,
    pub via: Channel,
    pub document: S<String>,
    pub quote: Option<S<String>>,
    pub paraphrase: Option<S<String>>,
    pub language: String,
    pub english: Option<String>,
    pub reading: Option<String>,
    #[serde(default)]
    pub hedged: bool,
    /// `unnamed` ("an unnamed official") or `unofficial` ("unofficial figures").
    pub attribution: Option<Attribution>,
    /// Where the claimant puts what it states.
    pub place: Option<S<String>>,
    /// An earlier claim of the same source this one withdraws (asserting nothing).
    pub retracts: Option<S<String>>,
    /// An earlier claim of the same source this one corrects.
    pub corrects: Option<S<String>>,
    pub note: Option<String>,
    pub figure: Option<S<FigureFile>>,
    pub accusation: Option<S<AccusationFile>>,
    pub position: Option<S<PositionFile>>,
}

impl ClaimFile {
    /// Its kind by the table it gives: `None` when it gives none (an error
    /// the claim's check reports).
    pub fn kind(&self) -> Option<ClaimKind> {
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

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FigureFile {
    pub party: Option<S<String>>,
    /// Several parties' losses counted together ("on both sides").
    pub parties: Option<S<Vec<S<String>>>>,
    pub metric: S<String>,
    /// The kind counted, when only some of the party's people ("border-guards").
    pub of: Option<S<String>>,
    pub exact: Option<S<Number>>,
    pub at_least: Option<S<Number>>,
    pub at_most: Option<S<Number>>,
    pub more_than: Option<S<Number>>,
    pub nearly: Option<S<Number>>,
    pub about: Option<S<Number>>,
    pub range: Option<S<Vec<S<Number>>>>,
    pub vague: Option<S<String>>,
    pub unit: Option<S<String>>,
    /// The moment the count stands at, when not when it was said.
    pub as_of: Option<S<String>>,
    /// A running total since this date, rather than this event's count.
    pub since: Option<S<String>>,
    /// The parts the total is broken into.
    #[serde(default)]
    pub breakdown: Vec<S<BreakdownFile>>,
}

/// A part of a figure's breakdown: a category and its quantity.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BreakdownFile {
    pub of: S<String>,
    pub exact: Option<S<Number>>,
    pub at_least: Option<S<Number>>,
    pub at_most: Option<S<Number>>,
    pub more_than: Option<S<Number>>,
    pub nearly: Option<S<Number>>,
    pub about: Option<S<Number>>,
    pub range: Option<S<Vec<S<Number>>>>,
    pub vague: Option<S<String>>,
}

/// The quantity forms a figure or a breakdown part may give, by reference.
pub struct Forms<'t> {
    pub exact: Option<&'t S<Number>>,
    pub at_least: Option<&'t S<Number>>,
    pub at_most: Option<&'t S<Number>>,
    pub more_than: Option<&'t S<Number>>,
    pub nearly: Option<&'t S<Number>>,
    pub about: Option<&'t S<Number>>,
    pub range: Option<&'t S<Vec<S<Number>>>>,
    pub vague: Option<&'t S<String>>,
}

macro_rules! forms {
    ($t:ty) => {
        impl $t {
            pub fn forms(&self) -> Forms<'_> {
                Forms {
                    exact: self.exact.as_ref(),
                    at_least: self.at_least.as_ref(),
                    at_most: self.at_most.as_ref(),
                    more_than: self.more_than.as_ref(),
                    nearly: self.nearly.as_ref(),
                    about: self.about.as_ref(),
                    range: self.range.as_ref(),
                    vague: self.vague.as_ref(),
                }
            }
        }
    };
}
forms!(FigureFile);
forms!(BreakdownFile);

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AccusationFile {
    pub accused: S<String>,
    pub act: S<String>,
    #[serde(default)]
    pub denies: bool,
    pub at: Option<S<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PositionFile {
    pub proposition: S<String>,
    pub stance: Stance,
}
