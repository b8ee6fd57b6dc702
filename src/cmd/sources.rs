//! `claims sources`: who speaks, for which party, and how often.

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
    let mut events: HashMap<&str, BTreeSet<&str>> = HashMap::new();
    for ((event, source), n) in &loaded.tally {
        *claims.entry(source).or_default() += n;
        events.entry(source).or_default().insert(event);
    }
    let mut sources: Vec<_> = ds.sources.iter().collect();
    sources.sort_by(|a, b| a.party.cmp(&b.party).then_with(|| a.id.cmp(&b.id)));
    let count = |id: &str| claims.get(id).copied().unwrap_or(0);
    let nevents = |id: &str| events.get(id).map_or(0, |s| s.len());
    if ctx.style.format == Format::Json {
        let list: Vec<_> = sources
            .iter()
            .map(|s| {
                json!({
                    "id": s.id, "name": s.name, "party": s.party, "kind": s.kind,
                    "claims": count(&s.id), "events": nevents(&s.id),
                })
            })
            .collect();
        jsonr::write(out, "sources", json!({ "sources": list }))?;
        return Ok(0);
    }
    let mut sheet = Sheet::new(["id", "name", "party", "kind", "claims", "events"]);
    for s in sources {
        let kind = serde_json::to_value(s.kind)?;
        sheet.push(vec![
            Cell::new(&s.id),
            Cell::new(&s.name),
            Cell::new(s.party.as_deref().unwrap_or("—")),
            Cell::new(kind.as_str().unwrap_or("")),
            Cell::new(count(&s.id).to_string()),
            Cell::new(nevents(&s.id).to_string()),
        ]);
    }
    write_sheet(out, &sheet, &ctx.style)?;
    Ok(0)
}
