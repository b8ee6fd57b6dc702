//! `claims vocab [KIND]`: what the data can say: metrics (unit, parts),
//! acts, parties, sources, vague words (the interval each stands for),
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
    Parties,
    Sources,
    Vague,
    Categories,
    Places,
}

const ALL: [Kind; 7] = [
    Kind::Metrics,
    Kind::Acts,
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
}

#[derive(Serialize)]
struct NamedRecord<'a> {
    id: &'a str,
    name: &'a str,
}

#[derive(Serialize)]
struct LabelRecord<'a> {
    id: &'a str,
    label: &'a str,
}

#[derive(Serialize)]
struct SourceRecord<'a> {
    id: &'a str,
    name: &'a str,
    party: Option<&'a str>,
    kind: SourceKind,
    standing: Standing,
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
}

/// The JSON `vocab`: every kind asked for (the others are left out).
#[derive(Serialize, Default)]
struct VocabRecord<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    metrics: Option<Vec<MetricRecord<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    acts: Option<Vec<LabelRecord<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    parties: Option<Vec<NamedRecord<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sources: Option<Vec<SourceRecord<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    vague: Option<Vec<VagueRecord<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    categories: Option<Vec<LabelRecord<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    places: Option<Vec<PlaceRecord<'a>>>,
}

fn record<'a>(ds: &'a Dataset, kinds: &[Kind]) -> VocabRecord<'a> {
    let mut r = VocabRecord::default();
    for kind in kinds {
        match kind {
            Kind::Metrics => {
                r.metrics = Some(
                    ds.metrics
                        .iter()
                        .map(|m| MetricRecord {
                            id: &m.id,
                            label: &m.label,
                            unit: &m.unit,
                            parts: &m.parts,
                            cumulative: m.cumulative,
                            decimals: m.decimals,
                        })
                        .collect(),
                )
            }
            Kind::Acts => {
                r.acts = Some(
                    ds.acts
                        .iter()
                        .map(|a| LabelRecord {
                            id: &a.id,
                            label: &a.label,
                        })
                        .collect(),
                )
            }
            Kind::Parties => {
                r.parties = Some(
                    ds.parties
                        .iter()
                        .map(|p| NamedRecord {
                            id: &p.id,
                            name: &p.name,
                        })
                        .collect(),
                )
            }
            Kind::Sources => {
                r.sources = Some(
                    ds.sources
                        .iter()
                        .map(|s| SourceRecord {
                            id: &s.id,
                            name: &s.name,
                            party: s.party.as_deref(),
                            kind: s.kind,
                            standing: s.standing,
                        })
                        .collect(),
                )
            }
            Kind::Vague => {
                r.vague = Some(
                    ds.vague
                        .iter()
                        .map(|(w, iv)| VagueRecord {
                            word: w,
                            low: iv.low,
                            high: iv.high,
                        })
                        .collect(),
                )
            }
            Kind::Categories => {
                r.categories = Some(
                    ds.categories
                        .iter()
                        .map(|c| LabelRecord {
                            id: &c.id,
                            label: &c.label,
                        })
                        .collect(),
                )
            }
            Kind::Places => {
                r.places = Some(
                    ds.places
                        .iter()
                        .map(|p| PlaceRecord {
                            id: &p.id,
                            name: &p.name,
                            within: p.within.as_deref(),
                        })
                        .collect(),
                )
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

/// One kind as a sheet for people and spreadsheets.
fn sheet(ds: &Dataset, kind: Kind) -> Sheet {
    let (title, headers, rows): (&str, Vec<&str>, Vec<Vec<String>>) = match kind {
        Kind::Metrics => (
            "Metrics",
            vec!["id", "label", "unit", "sum of", "cumulative", "decimals"],
            ds.metrics
                .iter()
                .map(|m| {
                    vec![
                        m.id.clone(),
                        m.label.clone(),
                        m.unit.clone(),
                        m.parts.join(" + "),
                        yes(m.cumulative).into(),
                        yes(m.decimals).into(),
                    ]
                })
                .collect(),
        ),
        Kind::Acts => (
            "Acts",
            vec!["id", "label"],
            ds.acts
                .iter()
                .map(|a| vec![a.id.clone(), a.label.clone()])
                .collect(),
        ),
        Kind::Parties => (
            "Parties",
            vec!["id", "name"],
            ds.parties
                .iter()
                .map(|p| vec![p.id.clone(), p.name.clone()])
                .collect(),
        ),
        Kind::Sources => (
            "Sources",
            vec!["id", "name", "party", "standing"],
            ds.sources
                .iter()
                .map(|s| {
                    vec![
                        s.id.clone(),
                        s.name.clone(),
                        s.party.clone().unwrap_or_default(),
                        s.standing.name().into(),
                    ]
                })
                .collect(),
        ),
        Kind::Vague => (
            "Vague words",
            vec!["word", "low", "high"],
            ds.vague
                .iter()
                .map(|(w, iv)| {
                    vec![
                        w.clone(),
                        iv.low.to_string(),
                        iv.high.map_or("no bound".to_string(), |h| h.to_string()),
                    ]
                })
                .collect(),
        ),
        Kind::Categories => (
            "Categories",
            vec!["id", "label"],
            ds.categories
                .iter()
                .map(|c| vec![c.id.clone(), c.label.clone()])
                .collect(),
        ),
        Kind::Places => (
            "Places",
            vec!["id", "name", "within"],
            ds.places
                .iter()
                .map(|p| {
                    vec![
                        p.id.clone(),
                        p.name.clone(),
                        p.within.clone().unwrap_or_default(),
                    ]
                })
                .collect(),
        ),
    };
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
