//! `claims documents`: the documents statements were read in, with outlet,
//! date, address, and how many claims (of which events) cite each.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;

use serde::Serialize;

use super::Context;
use crate::load::{ClaimFilter, Keep};
use crate::model::{Claim, Dataset};
use crate::render::emit_sheet;
use crate::view::{Cell, Sheet};

/// One document in the JSON `documents`.
#[derive(Serialize)]
struct DocumentRow<'a> {
    id: &'a str,
    outlet: &'a str,
    title: Option<&'a str>,
    published: Option<String>,
    language: &'a str,
    url: Option<&'a str>,
    /// Claims that cite it.
    claims: usize,
    /// The events those claims are about.
    events: Vec<&'a str>,
}

#[derive(Serialize)]
struct DocumentsRecord<'a> {
    documents: Vec<DocumentRow<'a>>,
}

pub fn run(ctx: &Context, out: &mut dyn Write) -> anyhow::Result<u8> {
    // Claims are counted as they stream past, and not kept.
    let mut cited: BTreeMap<String, (usize, BTreeSet<String>)> = BTreeMap::new();
    let loaded = ctx.load(
        &Keep::Matching(ClaimFilter::default()),
        Some(&mut |_: &Dataset, claims: Vec<Claim>| {
            for c in claims {
                let entry = cited.entry(c.document).or_default();
                entry.0 += 1;
                entry.1.insert(c.event);
            }
            Ok(())
        }),
    )?;
    let ds = &loaded.dataset;
    let mut docs: Vec<_> = ds.documents.iter().collect();
    docs.sort_by(|a, b| a.id.cmp(&b.id));
    let rows: Vec<DocumentRow> = docs
        .iter()
        .map(|d| {
            let (claims, events) = cited.get(&d.id).map_or((0, Vec::new()), |(n, e)| {
                (*n, e.iter().map(String::as_str).collect())
            });
            DocumentRow {
                id: &d.id,
                outlet: &d.outlet,
                title: d.title.as_deref(),
                published: d.published.as_ref().map(ToString::to_string),
                language: &d.language,
                url: d.url.as_deref(),
                claims,
                events,
            }
        })
        .collect();
    let mut sheet = Sheet::new([
        "id",
        "outlet",
        "title",
        "published",
        "url",
        "claims",
        "events",
    ]);
    for r in &rows {
        sheet.push(vec![
            Cell::new(r.id),
            Cell::new(r.outlet),
            Cell::new(r.title.unwrap_or("")),
            Cell::new(r.published.as_deref().unwrap_or("")),
            Cell::new(r.url.unwrap_or("")),
            Cell::new(r.claims.to_string()),
            Cell::new(r.events.join(", ")),
        ]);
    }
    emit_sheet(
        out,
        &ctx.style,
        "documents",
        &DocumentsRecord { documents: rows },
        &sheet,
    )?;
    Ok(0)
}
