//! `claims vocab [KIND]`: what the data can say: metrics (unit, parts),
//! acts, questions, parties, sources, vague words (the interval each stands for),
//! categories and places, in every output format. Hints for an unknown id
//! point here when the list is too long to give.

use std::io::{self, Write};

use serde::Serialize;

use super::Context;
use crate::error::UserError;
use crate::load::Keep;
use crate::model::quantity::Amount;
use crate::model::{Dataset, SourceKind, Standing};
use crate::render::output::{Format, Style};
use crate::render::{emit, write_sheet};
use crate::view::{Cell, Sheet};

/// The kinds, as `claims vocab KIND` names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Metrics,
    Acts,
    Questions,
    Parties,
    Sources,
    Vague,
    Categories,
    Places,
}

const ALL: [Kind; 8] = [
    Kind::Metrics,
    Kind::Acts,
    Kind::Questions,
    Kind::Parties,
    Kind::Sources,
    Kind::Vague,
    Kind::Categories,
    Kind::Places,
];

#[derive(Serialize)]
struct MetricRecord<'a> {
    id: &'a str,
    label: &'a str,
    unit: &'a str,
    /// For a composite: the metrics it sums.
    parts: &'a [String],
    cumulative: bool,
    decimals: bool,
    /// It counts the party's losses.
    losses: bool,
    /// Metrics it includes without being their sum: each a floor under it.
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    includes: &'a [String],
}

#[derive(Serialize)]
struct PartyRecord<'a> {
    id: &'a str,
    name: &'a str,
    /// The side it stands with (a de facto authority, a proxy).
    aligned_with: Option<&'a str>,
    /// The side a third state is allied with.
    allied_with: Option<&'a str>,
}

#[derive(Serialize)]
struct LabelRecord<'a> {
    id: &'a str,
    label: &'a str,
}

#[derive(Serialize)]
struct QuestionRecord<'a> {
    id: &'a str,
    label: &'a str,
    /// The acts that answer it.
    acts: &'a [String],
}

#[derive(Serialize)]
struct SourceRecord<'a> {
    id: &'a str,
    name: &'a str,
    party: Option<&'a str>,
    kind: SourceKind,
    standing: Standing,
    /// Earlier standings, when it changed (`periods`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    periods: Vec<crate::model::PeriodRecord>,
}

#[derive(Serialize)]
struct VagueRecord<'a> {
    word: &'a str,
    low: Amount,
    /// `null` when the word has no upper bound ("hundreds" at least).
    high: Option<Amount>,
}

#[derive(Serialize)]
struct PlaceRecord<'a> {
    id: &'a str,
    name: &'a str,
    within: Option<&'a str>,
    /// The names the parties use, when they differ.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    names: Vec<PlaceNameRecord<'a>>,
}

#[derive(Serialize)]
struct PlaceNameRecord<'a> {
    name: &'a str,
    used_by: &'a [String],
}

/// The JSON `vocab`: every kind asked for (the others are left out).
#[derive(Serialize, Default)]
struct VocabRecord<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    metrics: Option<Vec<MetricRecord<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    acts: Option<Vec<LabelRecord<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    questions: Option<Vec<QuestionRecord<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    parties: Option<Vec<PartyRecord<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sources: Option<Vec<SourceRecord<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    vague: Option<Vec<VagueRecord<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    categories: Option<Vec<LabelRecord<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    places: Option<Vec<PlaceRecord<'a>>>,
}

fn metrics<'a>(ds: &'a Dataset) -> Vec<MetricRecord<'a>> {
    let one = |m: &'a crate::model::Metric| MetricRecord {
        id: &m.id,
        label: &m.label,
        unit: &m.unit,
        parts: &m.parts,
        cumulative: m.cumulative,
        decimals: m.decimals,
        includes: &m.includes,
        losses: m.losses,
    };
    ds.metrics.iter().map(one).collect()
}

fn sources<'a>(ds: &'a Dataset) -> Vec<SourceRecord<'a>> {
    let one = |s: &'a crate::model::Source| SourceRecord {
        id: &s.id,
        name: &s.name,
        party: s.party.as_deref(),
        kind: s.kind,
        standing: s.standing,
        periods: s.period_records(),
    };
    ds.sources.iter().map(one).collect()
}

fn labelled<'a>(items: impl Iterator<Item = (&'a String, &'a String)>) -> Vec<LabelRecord<'a>> {
    items.map(|(id, label)| LabelRecord { id, label }).collect()
}

fn record<'a>(ds: &'a Dataset, kinds: &[Kind]) -> VocabRecord<'a> {
    let mut r = VocabRecord::default();
    for kind in kinds {
        match kind {
            Kind::Metrics => r.metrics = Some(metrics(ds)),
            Kind::Acts => r.acts = Some(labelled(ds.acts.iter().map(|a| (&a.id, &a.label)))),
            Kind::Questions => {
                let one = |q: &'a crate::model::Question| QuestionRecord {
                    id: &q.id,
                    label: &q.label,
                    acts: &q.acts,
                };
                r.questions = Some(ds.questions.iter().map(one).collect());
            }
            Kind::Parties => {
                let one = |p: &'a crate::model::Party| PartyRecord {
                    id: &p.id,
                    name: &p.name,
                    aligned_with: p.aligned_with.as_deref(),
                    allied_with: p.allied_with.as_deref(),
                };
                r.parties = Some(ds.parties.iter().map(one).collect());
            }
            Kind::Sources => r.sources = Some(sources(ds)),
            Kind::Vague => {
                let one = |(w, iv): &'a (String, crate::model::quantity::Interval)| VagueRecord {
                    word: w,
                    low: iv.low,
                    high: iv.high,
                };
                r.vague = Some(ds.vague.iter().map(one).collect());
            }
            Kind::Categories => {
                r.categories = Some(labelled(ds.categories.iter().map(|c| (&c.id, &c.label))));
            }
            Kind::Places => {
                let one = |p: &'a crate::model::Place| PlaceRecord {
                    id: &p.id,
                    name: &p.name,
                    within: p.within.as_deref(),
                    names: p
                        .names
                        .iter()
                        .map(|(name, used_by)| PlaceNameRecord { name, used_by })
                        .collect(),
                };
                r.places = Some(ds.places.iter().map(one).collect());
            }
        }
    }
    r
}

fn yes(b: bool) -> &'static str {
    if b {
        "yes"
    } else {
        ""
    }
}

const METRIC_COLUMNS: [&str; 7] = [
    "id",
    "label",
    "unit",
    "sum of",
    "cumulative",
    "decimals",
    "losses",
];

/// The parties' rows: whom a party stands with, "aligned with armenia" or
/// "ally of armenia".
fn party_rows(ds: &Dataset) -> Vec<Vec<String>> {
    let row = |p: &crate::model::Party| {
        let with = match (&p.aligned_with, &p.allied_with) {
            (Some(a), _) => format!("aligned with {a}"),
            (None, Some(a)) => format!("ally of {a}"),
            (None, None) => String::new(),
        };
        vec![p.id.clone(), p.name.clone(), with]
    };
    ds.parties.iter().map(row).collect()
}

/// The metrics' rows: a sum's parts joined, flags as "yes".
fn metric_rows(ds: &Dataset) -> Vec<Vec<String>> {
    let row = |m: &crate::model::Metric| {
        vec![
            m.id.clone(),
            m.label.clone(),
            m.unit.clone(),
            match m.includes.is_empty() {
                true => m.parts.join(" + "),
                false => format!("includes {}", m.includes.join(", ")),
            },
            yes(m.cumulative).into(),
            yes(m.decimals).into(),
            yes(m.losses).into(),
        ]
    };
    ds.metrics.iter().map(row).collect()
}

fn question_rows(ds: &Dataset) -> Vec<Vec<String>> {
    let row = |q: &crate::model::Question| vec![q.id.clone(), q.label.clone(), q.acts.join(", ")];
    ds.questions.iter().map(row).collect()
}

/// The title, headers and rows of one kind.
fn table(ds: &Dataset, kind: Kind) -> (&'static str, Vec<&'static str>, Vec<Vec<String>>) {
    let pairs = |v: Vec<(&String, &String)>| -> Vec<Vec<String>> {
        v.into_iter()
            .map(|(a, b)| vec![a.clone(), b.clone()])
            .collect()
    };
    match kind {
        Kind::Metrics => ("Metrics", METRIC_COLUMNS.to_vec(), metric_rows(ds)),
        Kind::Acts => (
            "Acts",
            vec!["id", "label"],
            pairs(ds.acts.iter().map(|a| (&a.id, &a.label)).collect()),
        ),
        Kind::Questions => ("Questions", vec!["id", "label", "acts"], question_rows(ds)),
        Kind::Parties => ("Parties", vec!["id", "name", "stands with"], party_rows(ds)),
        Kind::Sources => {
            let row = |s: &crate::model::Source| {
                vec![
                    s.id.clone(),
                    s.name.clone(),
                    s.party.clone().unwrap_or_default(),
                    s.standing_text(),
                ]
            };
            (
                "Sources",
                vec!["id", "name", "party", "standing"],
                ds.sources.iter().map(row).collect(),
            )
        }
        Kind::Vague => {
            let row = |(w, iv): &(String, crate::model::quantity::Interval)| {
                vec![
                    w.clone(),
                    iv.low.to_string(),
                    iv.high.map_or("no bound".to_string(), |h| h.to_string()),
                ]
            };
            (
                "Vague words",
                vec!["word", "low", "high"],
                ds.vague.iter().map(row).collect(),
            )
        }
        Kind::Categories => (
            "Categories",
            vec!["id", "label"],
            pairs(ds.categories.iter().map(|c| (&c.id, &c.label)).collect()),
        ),
        Kind::Places => {
            let row = |p: &crate::model::Place| {
                vec![
                    p.id.clone(),
                    p.shown(ds),
                    p.within.clone().unwrap_or_default(),
                ]
            };
            (
                "Places",
                vec!["id", "name", "within"],
                ds.places.iter().map(row).collect(),
            )
        }
    }
}

/// One kind as a sheet for people and spreadsheets.
fn sheet(ds: &Dataset, kind: Kind) -> Sheet {
    let (title, headers, rows) = table(ds, kind);
    let mut sheet = Sheet::new(headers).titled(title);
    for row in rows {
        sheet.push(row.into_iter().map(Cell::new).collect());
    }
    sheet
}

fn people(out: &mut dyn Write, ds: &Dataset, kinds: &[Kind], style: &Style) -> io::Result<()> {
    for (i, kind) in kinds.iter().enumerate() {
        if i > 0 && style.format != Format::Csv && style.format != Format::Tsv {
            writeln!(out)?;
        }
        write_sheet(out, &sheet(ds, *kind), style)?;
    }
    Ok(())
}

pub fn run(ctx: &Context, kind: Option<Kind>, out: &mut dyn Write) -> anyhow::Result<u8> {
    let kinds: Vec<Kind> = kind.map_or(ALL.to_vec(), |k| vec![k]);
    if kinds.len() > 1 && matches!(ctx.style.format, Format::Csv | Format::Tsv) {
        return Err(
            UserError::new("CSV and TSV hold one table: give the kind to list")
                .hint("such as `claims vocab metrics --format csv`")
                .into(),
        );
    }
    let loaded = ctx.load(&Keep::Nothing, None)?;
    let ds = &loaded.dataset;
    emit(
        out,
        &ctx.style,
        "vocab",
        &record(ds, &kinds),
        &|out, style| people(out, ds, &kinds, style),
    )?;
    Ok(0)
}
