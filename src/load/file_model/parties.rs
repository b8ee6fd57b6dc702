//! Parties and sources as a file gives them: who speaks, for whom, and how
//! each stood over time.

use schemars::JsonSchema;
use serde::Deserialize;

use super::{form, S};
use crate::model::{SourceKind, Standing};

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PartyFile {
    /// kebab-case id: `armenia`
    #[schemars(with = "form::Id")]
    pub id: S<String>,
    /// display name: "Armenia"
    pub name: String,
    /// the side it stands with, a party id: a de facto authority or a proxy, whose organs speak
    /// for that side and whose losses are that side's own
    #[schemars(with = "Option<form::Id>")]
    pub aligned_with: Option<S<String>>,
    /// a party id: a third state allied with that side, whose agreement with it is never
    /// independent corroboration
    #[schemars(with = "Option<form::Id>")]
    pub allied_with: Option<S<String>>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SourceFile {
    /// kebab-case id: `armenia-mod`
    #[schemars(with = "form::Id")]
    pub id: S<String>,
    /// who speaks, as people call it: "Ministry of Defence of Armenia"
    pub name: String,
    /// the party it speaks for or is aligned with; absent when independent
    #[schemars(with = "Option<form::Id>")]
    pub party: Option<S<String>>,
    /// the kind of body it is
    pub kind: SourceKind,
    /// what column headings and one-line summaries call it: "Arm. MoD", "Kremlin"; absent: its id
    pub short_name: Option<String>,
    /// how it stands to its party: `organ` (part of its state), `affiliated` (state or partisan
    /// media), `individual` (a person speaking for himself), `independent` or `international`;
    /// absent: an organ when a party is named, else independent (international for an
    /// international organisation); `unknown` for "others reported" with no source named,
    /// never counted as independent
    #[schemars(with = "Option<Standing>")]
    pub standing: Option<S<Standing>>,
    /// in place of `standing`, when it changed (a president, then a former president): oldest
    /// first, each with the last day it held, the last with none:
    /// `[{ until = "2018-04-23", standing = "organ" }, { standing = "individual" }]`; a claim
    /// takes the standing of the day it was said
    #[serde(default)]
    #[schemars(with = "Vec<PeriodFile>")]
    pub periods: Vec<S<PeriodFile>>,
    /// anything a reader should know about it
    pub note: Option<String>,
}

/// One stretch of a source's standing.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PeriodFile {
    /// the last day it held (included); absent on the last period, which holds since
    #[schemars(with = "Option<form::When>")]
    pub until: Option<S<String>>,
    /// how the source stood then
    #[schemars(with = "Standing")]
    pub standing: S<Standing>,
}
