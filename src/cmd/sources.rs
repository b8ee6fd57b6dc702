//! `claims sources`: who speaks, for which party, how it stands to it, and how often.

use std::io::Write;

use serde::Serialize;

use super::Context;
use crate::load::{Keep, TallyBy};
use crate::model::{SourceKind, Standing};
use crate::render::emit_sheet;
use crate::view::{Cell, Sheet};

/// One source in the JSON `sources`.
#[derive(Serialize)]
struct SourceRow<'a> {
    id: &'a str,
    name: &'a str,
    party: Option<&'a str>,
    kind: SourceKind,
    standing: Standing,
    /// Earlier standings, when it changed (`periods`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    periods: Vec<crate::model::PeriodRecord>,
    claims: usize,
    events: usize,
}

#[derive(Serialize)]
struct SourcesRecord<'a> {
    sources: Vec<SourceRow<'a>>,
}

pub fn run(ctx: &Context, out: &mut dyn Write) -> anyhow::Result<u8> {
    let loaded = ctx.load(&Keep::Nothing, None)?;
    let ds = &loaded.dataset;
    let counts = loaded.counts(TallyBy::Source);
    let mut sources: Vec<_> = ds.sources.iter().collect();
    sources.sort_by(|a, b| a.party.cmp(&b.party).then_with(|| a.id.cmp(&b.id)));
    let rows: Vec<SourceRow> = sources
        .iter()
        .map(|s| SourceRow {
            id: &s.id,
            name: &s.name,
            party: s.party.as_deref(),
            kind: s.kind,
            standing: s.standing,
            periods: s.period_records(),
            claims: counts.get(s.id.as_str()).map_or(0, |c| c.claims),
            events: counts.get(s.id.as_str()).map_or(0, |c| c.others),
        })
        .collect();
    let mut sheet = Sheet::new([
        "id", "name", "party", "standing", "kind", "claims", "events",
    ]);
    let standing_texts: Vec<String> = sources.iter().map(|s| s.standing_text()).collect();
    for (i, r) in rows.iter().enumerate() {
        let kind = serde_json::to_value(r.kind)?;
        sheet.push(vec![
            Cell::new(r.id),
            Cell::new(r.name),
            Cell::new(r.party.unwrap_or("—")),
            Cell::new(standing_texts[i].as_str()),
            Cell::new(kind.as_str().unwrap_or("")),
            Cell::new(r.claims.to_string()),
            Cell::new(r.events.to_string()),
        ]);
    }
    emit_sheet(
        out,
        &ctx.style,
        "sources",
        &SourcesRecord { sources: rows },
        &sheet,
    )?;
    Ok(0)
}
