//! `claims sources --record ID`: one source's track record against what
//! was documented afterwards, with every figure its letter rests on and
//! the formula, so a reader can check it by hand.

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::Serialize;

use super::Context;
use crate::compare::{self, Options};
use crate::error::unknown;
use crate::render::output::Style;
use crate::render::{emit, table};
use crate::view::against_record::against_text;
use crate::view::track_record::{self, DocumentedFigure, Standing, TrackRecord, LETTERS};
use crate::view::{Cell, Sheet};

#[derive(Serialize)]
struct TrackRecordRecord<'a> {
    source: &'a str,
    name: &'a str,
    standing: Standing,
    documented: &'a [DocumentedFigure],
}

pub fn run(ctx: &Context, id: &str, out: &mut dyn Write) -> anyhow::Result<u8> {
    let ds = ctx.dataset()?;
    let Some(source) = ds.source(id) else {
        let ids = ds.sources.iter().map(|s| s.id.as_str());
        let near = crate::suggest::hint(id, ids.clone());
        let sep = if near.ends_with('?') { " " } else { "; " };
        let e = unknown("source", id, ids).hint(format!("{near}{sep}`claims sources` lists them"));
        return Err(e.into());
    };
    let mut tracks: BTreeMap<String, TrackRecord> = BTreeMap::new();
    for event in &ds.events {
        let cmp = compare::compare(&ds, event, Options::default());
        track_record::add(&mut tracks, &ds, &cmp);
    }
    let track = tracks.remove(id).unwrap_or_default();
    let record = TrackRecordRecord {
        source: &source.id,
        name: &source.name,
        standing: track.standing(),
        documented: &track.documented,
    };
    let people = |out: &mut dyn Write, style: &Style| people(out, style, &record);
    emit(out, &ctx.style, "track-record", &record, &people)?;
    Ok(0)
}

fn people(out: &mut dyn Write, style: &Style, r: &TrackRecordRecord) -> io::Result<()> {
    writeln!(
        out,
        "Track record of {} ({}) against the record:",
        r.name, r.source
    )?;
    writeln!(out, "  {}\n", r.standing.text())?;
    if r.documented.is_empty() {
        writeln!(
            out,
            "None of its figures of the adversary's losses was documented afterwards."
        )?;
    } else {
        let mut sheet = Sheet::new([
            "event",
            "row",
            "claim",
            "claimed",
            "record",
            "ratio",
            "against the record",
            "grade",
        ])
        .titled("Its figures of the adversary's losses, later documented");
        for d in r.documented {
            sheet.push(vec![
                Cell::new(d.event.as_str()),
                Cell::new(d.row.as_str()),
                Cell::new(d.claim.as_str()),
                Cell::new(d.claimed.to_string()),
                Cell::new(d.record.to_string()),
                Cell::new(crate::compare::grade::times(d.ratio)),
                Cell::new(against_text(d.against)),
                Cell::new(d.grade.to_string()),
            ]);
        }
        table::write(out, &sheet, style)?;
    }
    writeln!(
        out,
        "\nThe letter: ratio = the figure as claimed ÷ the documented total (else floor); the first that fits:"
    )?;
    for (letter, when) in LETTERS {
        writeln!(out, "  {letter}  {when}")?;
    }
    Ok(())
}
