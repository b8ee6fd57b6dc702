//! `claims list`: one row per statement, filtered by source, event, party, kind or metric.

use std::io::Write;

use clap::ValueEnum;
use serde_json::json;

use super::Context;
use crate::error::unknown;
use crate::model::{Assertion, Claim, Dataset, Stance};
use crate::output::{Format, Style};
use crate::render::{delimited, json as jsonr, write_sheet, Cell, Sheet};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Kind {
    Figure,
    Accusation,
    Position,
}

#[derive(Debug, Default)]
pub struct Filters {
    pub source: Option<String>,
    pub event: Option<String>,
    pub party: Option<String>,
    pub kind: Option<Kind>,
    pub metric: Option<String>,
}

/// What a claim is about, and what it says about it, in words.
pub fn subject_and_says(ds: &Dataset, c: &Claim) -> (String, String) {
    match &c.assertion {
        Assertion::Figure(f) => {
            let unit = ds.metric(&f.metric).map_or("", |m| m.unit.as_str());
            let unit = if unit == "people" {
                String::new()
            } else {
                format!(" {unit}")
            };
            (
                format!("{} · {}", ds.party_name(&f.party), f.metric),
                format!("{}{unit}", f.quantity),
            )
        }
        Assertion::Accusation(a) => {
            let verb = if a.denies { "denies" } else { "accuses" };
            let at = a.at.as_ref().map_or(String::new(), |t| format!(" ({t})"));
            (
                a.act.clone(),
                format!("{verb} {}{at}", ds.party_name(&a.accused)),
            )
        }
        Assertion::Position(p) => {
            let verb = match p.stance {
                Stance::Affirms => "affirms",
                Stance::Denies => "denies",
            };
            let text = ds
                .proposition(&p.proposition)
                .map_or("", |x| x.text.as_str());
            (p.proposition.clone(), format!("{verb}: {text}"))
        }
    }
}

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let cut: String = text.chars().take(max.saturating_sub(1)).collect();
        format!("{cut}…")
    }
}

fn check_filters(ds: &Dataset, f: &Filters) -> anyhow::Result<()> {
    if let Some(s) = &f.source {
        if ds.source(s).is_none() {
            return Err(unknown("source", s, ds.sources.iter().map(|x| x.id.as_str())).into());
        }
    }
    if let Some(e) = &f.event {
        if ds.event(e).is_none() {
            return Err(unknown("event", e, ds.events.iter().map(|x| x.id.as_str())).into());
        }
    }
    if let Some(p) = &f.party {
        if ds.party(p).is_none() {
            return Err(unknown("party", p, ds.parties.iter().map(|x| x.id.as_str())).into());
        }
    }
    if let Some(m) = &f.metric {
        if ds.metric(m).is_none() {
            return Err(unknown("metric", m, ds.metrics.iter().map(|x| x.id.as_str())).into());
        }
    }
    Ok(())
}

pub fn matches(ds: &Dataset, f: &Filters, c: &Claim) -> bool {
    f.source.as_ref().is_none_or(|s| &c.source == s)
        && f.event.as_ref().is_none_or(|e| &c.event == e)
        && f.party
            .as_ref()
            .is_none_or(|p| ds.party_of(&c.source) == Some(p.as_str()))
        && f.kind.is_none_or(|k| {
            matches!(
                (k, &c.assertion),
                (Kind::Figure, Assertion::Figure(_))
                    | (Kind::Accusation, Assertion::Accusation(_))
                    | (Kind::Position, Assertion::Position(_))
            )
        })
        && f.metric
            .as_ref()
            .is_none_or(|m| matches!(&c.assertion, Assertion::Figure(x) if &x.metric == m))
}

pub fn run(ctx: &Context, filters: &Filters, out: &mut dyn Write) -> anyhow::Result<u8> {
    let ds = ctx.dataset()?;
    check_filters(&ds, filters)?;
    render(&ds, filters, &ctx.style, out)?;
    Ok(0)
}

/// Writes the matching claims in the style's format.
pub fn render(
    ds: &Dataset,
    filters: &Filters,
    style: &Style,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let mut claims: Vec<&Claim> = ds
        .claims
        .iter()
        .filter(|c| matches(ds, filters, c))
        .collect();
    let event_rank = |id: &str| ds.events.iter().position(|e| e.id == id);
    claims.sort_by(|a, b| {
        let (ea, eb) = (ds.event(&a.event), ds.event(&b.event));
        let by_event = match (ea, eb) {
            (Some(x), Some(y)) => x
                .date
                .order(&y.date)
                .then_with(|| event_rank(&a.event).cmp(&event_rank(&b.event))),
            _ => std::cmp::Ordering::Equal,
        };
        by_event
            .then_with(|| a.said.order(&b.said))
            .then(a.seq.cmp(&b.seq))
    });
    let headers = [
        "event", "said", "source", "kind", "subject", "says", "hedged", "quote", "claim",
    ];
    match style.format {
        Format::Json => {
            let list: Vec<_> = claims
                .iter()
                .map(|c| {
                    let (subject, says) = subject_and_says(ds, c);
                    json!({
                        "claim": c.id, "event": c.event, "said": c.said.to_string(), "source": c.source,
                        "origin": c.origin, "kind": c.kind_name(), "subject": subject, "says": says,
                        "hedged": c.hedged, "quote": c.quote, "quote_kind": c.quote_kind,
                        "language": c.language, "english": c.english, "document": c.document,
                    })
                })
                .collect();
            jsonr::write(out, "claims", json!({ "claims": list }))?;
        }
        Format::Csv | Format::Tsv => {
            let rows = claims.iter().map(|c| {
                let (subject, says) = subject_and_says(ds, c);
                vec![
                    c.event.clone(),
                    c.said.to_string(),
                    c.source.clone(),
                    c.kind_name().to_string(),
                    subject,
                    says,
                    c.hedged.to_string(),
                    c.quote.clone(),
                    c.id.clone(),
                ]
            });
            let delim = if style.format == Format::Csv {
                b','
            } else {
                b'\t'
            };
            let headers: Vec<String> = headers.iter().map(|h| h.to_string()).collect();
            delimited::write_rows(out, &headers, rows, delim, style)?;
        }
        Format::Table | Format::Markdown => {
            let mut sheet = Sheet::new(headers);
            for c in claims {
                let (subject, says) = subject_and_says(ds, c);
                // Whole quotes in machine formats; a terminal gets a readable slice.
                let quote = if style.terminal && style.format == Format::Table {
                    shorten(&c.quote, 60)
                } else {
                    c.quote.clone()
                };
                sheet.push(vec![
                    Cell::new(&c.event),
                    Cell::new(c.said.to_string()),
                    Cell::new(&c.source),
                    Cell::new(c.kind_name()),
                    Cell::new(subject),
                    Cell::new(says),
                    Cell::new(if c.hedged { "reportedly" } else { "" }),
                    Cell::new(quote),
                    Cell::new(&c.id),
                ]);
            }
            write_sheet(out, &sheet, style)?;
        }
    }
    Ok(())
}
