//! `claims events`: the events loaded, with how much was said about each.

use std::collections::{BTreeSet, HashMap};
use std::io::Write;

use serde_json::json;

use super::Context;
use crate::load::Keep;
use crate::output::Format;
use crate::render::{json as jsonr, write_sheet, Cell, Sheet};

pub fn run(ctx: &Context, out: &mut dyn Write) -> anyhow::Result<u8> {
    let loaded = ctx.load(&Keep::Nothing, None)?;
    let ds = &loaded.dataset;
    let mut claims: HashMap<&str, usize> = HashMap::new();
    let mut sources: HashMap<&str, BTreeSet<&str>> = HashMap::new();
    for ((event, source), n) in &loaded.tally {
        *claims.entry(event).or_default() += n;
        sources.entry(event).or_default().insert(source);
    }
    let mut events: Vec<_> = ds.events.iter().collect();
    events.sort_by(|a, b| a.date.order(&b.date).then_with(|| a.id.cmp(&b.id)));
    if ctx.style.format == Format::Json {
        let list: Vec<_> = events
            .iter()
            .map(|e| {
                json!({
                    "id": e.id, "title": e.title, "date": e.date.to_string(),
                    "date_precision": e.date.precision(), "place": e.place, "summary": e.summary,
                    "sources": sources.get(e.id.as_str()).map(|s| s.len()).unwrap_or(0),
                    "claims": claims.get(e.id.as_str()).copied().unwrap_or(0),
                })
            })
            .collect();
        jsonr::write(out, "events", json!({ "events": list }))?;
        return Ok(0);
    }
    let mut sheet = Sheet::new(["id", "title", "date", "place", "sources", "claims"]);
    for e in events {
        sheet.push(vec![
            Cell::new(&e.id),
            Cell::new(&e.title),
            Cell::new(e.date.to_string()),
            Cell::new(&e.place),
            Cell::new(
                sources
                    .get(e.id.as_str())
                    .map_or(0, |s| s.len())
                    .to_string(),
            ),
            Cell::new(claims.get(e.id.as_str()).copied().unwrap_or(0).to_string()),
        ]);
    }
    write_sheet(out, &sheet, &ctx.style)?;
    Ok(0)
}
