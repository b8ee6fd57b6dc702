//! `claims events`: the events loaded, with how much was said about each.

use std::io::Write;

use serde::Serialize;

use super::Context;
use crate::load::{Keep, TallyBy};
use crate::model::when::Precision;
use crate::render::emit_sheet;
use crate::render::output::Format;
use crate::view::{Cell, Sheet};

/// One event in the JSON `events`.
#[derive(Serialize)]
struct EventRow<'a> {
    id: &'a str,
    title: &'a str,
    date: String,
    date_precision: Precision,
    place: &'a str,
    /// The region's UTC offset, when the event gives it.
    zone: Option<&'a str>,
    summary: &'a str,
    sources: usize,
    claims: usize,
}

#[derive(Serialize)]
struct EventsRecord<'a> {
    events: Vec<EventRow<'a>>,
}

pub fn run(ctx: &Context, out: &mut dyn Write) -> anyhow::Result<u8> {
    let loaded = ctx.load(&Keep::Nothing, None)?;
    let ds = &loaded.dataset;
    let counts = loaded.counts(TallyBy::Event);
    let mut events: Vec<_> = ds.events.iter().collect();
    events.sort_by(|a, b| a.date.order(&b.date).then_with(|| a.id.cmp(&b.id)));
    let rows: Vec<EventRow> = events
        .iter()
        .map(|e| EventRow {
            id: &e.id,
            title: &e.title,
            date: e.date.to_string(),
            date_precision: e.date.precision(),
            place: &e.place,
            zone: e.zone.as_deref(),
            summary: &e.summary,
            sources: counts.get(e.id.as_str()).map_or(0, |c| c.others),
            claims: counts.get(e.id.as_str()).map_or(0, |c| c.claims),
        })
        .collect();
    let mut sheet = Sheet::new(["id", "title", "date", "place", "sources", "claims"]);
    for r in &rows {
        sheet.push(
            [r.id, r.title, &r.date, r.place]
                .into_iter()
                .map(Cell::new)
                .chain([
                    Cell::new(r.sources.to_string()),
                    Cell::new(r.claims.to_string()),
                ])
                .collect(),
        );
    }
    // Which data, once, above the table a person reads.
    if ctx.style.format == Format::Table {
        writeln!(out, "Events in {}:", ctx.data_label())?;
    }
    emit_sheet(
        out,
        &ctx.style,
        "events",
        &EventsRecord { events: rows },
        &sheet,
    )?;
    Ok(0)
}
