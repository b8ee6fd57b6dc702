//! The tables that carry a quantity: a claim's figure, a breakdown's
//! parts, and another outlet's reading of a reported figure.

use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

use super::{form, Number};

type S<T> = Spanned<T>;

/// Another document that carried a claim's statement.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReportFile {
    /// the document: a document id
    #[schemars(with = "form::Id")]
    pub document: S<String>,
    /// its words, verbatim
    #[schemars(with = "form::Words")]
    pub quote: S<String>,
    /// for a figure, the quantity as this report words it when it differs from the claim's
    /// ("up to 70" where another outlet has "70"): `{ at_most = 70 }`
    #[schemars(with = "Option<ReadingFile>")]
    pub reads: Option<S<ReadingFile>>,
    /// when this outlet gets the statement wrong ("killed" for "killed or wounded"): how, in a
    /// few words; its reading is shown and never widens the figure
    #[schemars(with = "Option<form::Words>")]
    pub misreports: Option<S<String>>,
}

/// A quantity as one report words it.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("oneOf" = [{"required": ["exact"]}, {"required": ["at_least"]}, {"required": ["at_most"]},
    {"required": ["more_than"]}, {"required": ["less_than"]}, {"required": ["nearly"]}, {"required": ["about"]},
    {"required": ["range"]}, {"required": ["about_range"]}, {"required": ["vague"]}]))]
pub struct ReadingFile {
    /// exactly N
    #[schemars(with = "Option<Number>")]
    pub exact: Option<S<Number>>,
    /// at least N
    #[schemars(with = "Option<Number>")]
    pub at_least: Option<S<Number>>,
    /// up to N
    #[schemars(with = "Option<Number>")]
    pub at_most: Option<S<Number>>,
    /// more than N
    #[schemars(with = "Option<Number>")]
    pub more_than: Option<S<Number>>,
    /// less than N
    #[schemars(with = "Option<Number>")]
    pub less_than: Option<S<Number>>,
    /// nearly N
    #[schemars(with = "Option<Number>")]
    pub nearly: Option<S<Number>>,
    /// about N
    #[schemars(with = "Option<Number>")]
    pub about: Option<S<Number>>,
    /// between two numbers: `[20, 30]`
    #[schemars(with = "Option<[Number; 2]>")]
    pub range: Option<S<Vec<S<Number>>>>,
    /// about a range: `[1100, 1200]`
    #[schemars(with = "Option<[Number; 2]>")]
    pub about_range: Option<S<Vec<S<Number>>>>,
    /// a vague word: `several`, `hundreds`
    #[schemars(with = "Option<form::Id>")]
    pub vague: Option<S<String>>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("allOf" = [
    {"oneOf": [{"required": ["exact"]}, {"required": ["at_least"]}, {"required": ["at_most"]}, {"required": ["more_than"]}, {"required": ["less_than"]},
        {"required": ["nearly"]}, {"required": ["about"]}, {"required": ["range"]}, {"required": ["about_range"]}, {"required": ["vague"]}, {"required": ["more"]}]},
    {"oneOf": [{"required": ["party"]}, {"required": ["parties"]}, {"required": ["from", "to"]}]}
]))]
pub struct FigureFile {
    /// whose losses: a party id
    #[schemars(with = "Option<form::Id>")]
    pub party: Option<S<String>>,
    /// several parties' losses counted together ("on both sides")
    #[schemars(with = "Option<Vec<form::Id>>", extend("minItems" = 2))]
    pub parties: Option<S<Vec<S<String>>>>,
    /// for a transfer metric (prisoners released, bodies handed over): the party that gave
    #[schemars(with = "Option<form::Id>")]
    pub from: Option<S<String>>,
    /// for a transfer metric: the party that received
    #[schemars(with = "Option<form::Id>")]
    pub to: Option<S<String>>,
    /// what is counted: a metric id
    #[schemars(with = "form::Id")]
    pub metric: S<String>,
    /// the kind counted, when only some: a category id
    #[schemars(with = "Option<form::Id>")]
    pub of: Option<S<String>>,
    /// the other metrics its words may count, when they are ambiguous ("70 soldiers lost":
    /// killed, or killed or wounded): it is weighed on each one's row too, marked
    #[serde(default)]
    #[schemars(with = "Vec<form::Id>")]
    pub metric_either: Vec<S<String>>,
    /// exactly N
    #[schemars(with = "Option<Number>")]
    pub exact: Option<S<Number>>,
    /// at least N ("at least 49", "not the final number")
    #[schemars(with = "Option<Number>")]
    pub at_least: Option<S<Number>>,
    /// up to N
    #[schemars(with = "Option<Number>")]
    pub at_most: Option<S<Number>>,
    /// more than N
    #[schemars(with = "Option<Number>")]
    pub more_than: Option<S<Number>>,
    /// less than N ("under 10"): below it, never N itself
    #[schemars(with = "Option<Number>")]
    pub less_than: Option<S<Number>>,
    /// nearly N: a little under it
    #[schemars(with = "Option<Number>")]
    pub nearly: Option<S<Number>>,
    /// about N: within a tenth of it
    #[schemars(with = "Option<Number>")]
    pub about: Option<S<Number>>,
    /// between two numbers: `[20, 30]`
    #[schemars(with = "Option<[Number; 2]>")]
    pub range: Option<S<Vec<S<Number>>>>,
    /// about a range, each end within a tenth ("about 1,100–1,200"): `[1100, 1200]`
    #[schemars(with = "Option<[Number; 2]>")]
    pub about_range: Option<S<Vec<S<Number>>>>,
    /// a vague word: `several`, `hundreds`
    #[schemars(with = "Option<form::Id>")]
    pub vague: Option<S<String>>,
    /// an increment ("15 more killed"): N on top of the same speaker's previous figure of this
    /// count, which it is read against (at least N when the speaker gave none before)
    #[schemars(with = "Option<Number>")]
    pub more: Option<S<Number>>,
    /// the unit as stated: the metric's, or one that converts into it (m², ha and km² convert:
    /// "50 ha" of a metric in km² is weighed as 0.5 km² and shown as stated)
    #[schemars(with = "Option<String>")]
    pub unit: Option<S<String>>,
    /// the moment the count stands at, when not when it was said
    #[schemars(with = "Option<form::When>")]
    pub as_of: Option<S<String>>,
    /// a running total since this date, not this event's count
    #[schemars(with = "Option<form::When>")]
    pub since: Option<S<String>>,
    /// the parts the total is broken into: `[{ of = "soldiers", exact = 30 }, …]`, or by cause:
    /// `[{ cause = "fire", exact = 5 }, { cause = "a mine", exact = 1 }]`
    #[serde(default)]
    #[schemars(with = "Vec<BreakdownFile>")]
    pub breakdown: Vec<S<BreakdownFile>>,
    /// `true` when the breakdown names only some parts ("20 killed, including 2 civilians"):
    /// the parts may add up to less than the total, never to more
    #[serde(default)]
    pub including: bool,
}

/// A part of a figure's breakdown: a category and its quantity.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("oneOf" = [{"required": ["exact"]}, {"required": ["at_least"]}, {"required": ["at_most"]},
    {"required": ["more_than"]}, {"required": ["less_than"]}, {"required": ["nearly"]}, {"required": ["about"]}, {"required": ["range"]}, {"required": ["about_range"]},
    {"required": ["vague"]}]))]
pub struct BreakdownFile {
    /// the kind counted, a category id (its part sits on that category's row); or give `cause`
    #[schemars(with = "Option<form::Id>")]
    pub of: Option<S<String>>,
    /// in place of `of`, what caused this part ("fire", "a mine"): shown with the total
    #[schemars(with = "Option<String>")]
    pub cause: Option<S<String>>,
    /// exactly N
    #[schemars(with = "Option<Number>")]
    pub exact: Option<S<Number>>,
    /// at least N ("at least 49", "not the final number")
    #[schemars(with = "Option<Number>")]
    pub at_least: Option<S<Number>>,
    /// up to N
    #[schemars(with = "Option<Number>")]
    pub at_most: Option<S<Number>>,
    /// more than N
    #[schemars(with = "Option<Number>")]
    pub more_than: Option<S<Number>>,
    /// less than N ("under 10"): below it, never N itself
    #[schemars(with = "Option<Number>")]
    pub less_than: Option<S<Number>>,
    /// nearly N: a little under it
    #[schemars(with = "Option<Number>")]
    pub nearly: Option<S<Number>>,
    /// about N: within a tenth of it
    #[schemars(with = "Option<Number>")]
    pub about: Option<S<Number>>,
    /// between two numbers: `[20, 30]`
    #[schemars(with = "Option<[Number; 2]>")]
    pub range: Option<S<Vec<S<Number>>>>,
    /// about a range, each end within a tenth ("about 1,100–1,200"): `[1100, 1200]`
    #[schemars(with = "Option<[Number; 2]>")]
    pub about_range: Option<S<Vec<S<Number>>>>,
    /// a vague word: `several`, `hundreds`
    #[schemars(with = "Option<form::Id>")]
    pub vague: Option<S<String>>,
}
