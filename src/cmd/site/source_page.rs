//! A source's page: who it is, every claim it made across events, the rows
//! where it is in conflict, and its figures about the adversary against the
//! adversary's own and the record (what `claims stats` shows); and the
//! list of sources.

use std::io::Write;

use serde::Serialize;

use super::page::{self, Page};
use super::Site;
use crate::cmd::stats::{ratios_cell, StatsRow};
use crate::model::{Claim, Dataset, Source};
use crate::sanitize::xml;
use crate::view::claim_row::ClaimRow;

/// A row where the source's voice is in conflict.
#[derive(Debug, Clone, Serialize)]
pub struct ConflictRow {
    pub event: String,
    pub row: String,
    pub verdict: String,
}

#[derive(Serialize)]
struct SourceRecord<'a> {
    source: &'a str,
    name: &'a str,
    party: Option<&'a str>,
    standing: &'static str,
    stats: Option<&'a StatsRow<'a>>,
    conflicts: &'a [ConflictRow],
    claims: Vec<ClaimRow<'a>>,
}

fn who(ds: &Dataset, s: &Source) -> String {
    let party = s
        .party
        .as_deref()
        .map(|p| ds.party(p).map_or(p.to_string(), |x| x.name.clone()));
    match party {
        Some(p) => format!("{} ({p})", s.standing.name()),
        None => s.standing.name().to_string(),
    }
}

fn stats_list(out: &mut dyn Write, s: &StatsRow) -> std::io::Result<()> {
    let ratios = ratios_cell(s);
    let items = [
        ("claims", s.claims.to_string()),
        ("events", s.events.to_string()),
        ("rows it speaks on", s.rows.to_string()),
        ("rows in conflict", s.conflicts.to_string()),
        (
            "figures about the adversary compared with the adversary's own",
            s.adversary_figures_compared.to_string(),
        ),
        ("their ratio to the adversary's own", ratios),
        (
            "track record against what was documented afterwards",
            s.track_record.text(),
        ),
    ];
    writeln!(out, "<dl class=\"fields\">")?;
    for (k, v) in items {
        writeln!(out, "<dt>{}</dt><dd>{}</dd>", xml(k), xml(&v))?;
    }
    writeln!(out, "</dl>")
}

/// Claims listed per page: a page of a source with thousands stays small.
const PER_PAGE: usize = 1000;

/// Writes one source's page and its data.
pub fn write(
    site: &mut Site,
    ds: &Dataset,
    s: &Source,
    stats: Option<&StatsRow>,
    conflicts: &[ConflictRow],
    stamp: &str,
) -> anyhow::Result<()> {
    let claims: Vec<&Claim> = ds
        .claims
        .iter()
        .filter(|c| c.source == s.id && c.implied_by.is_none())
        .collect();
    let record = SourceRecord {
        source: &s.id,
        name: &s.name,
        party: s.party.as_deref(),
        standing: s.standing.name(),
        stats,
        conflicts,
        claims: claims.iter().map(|c| ClaimRow::of(ds, c)).collect(),
    };
    site.write(&format!("sources/{}.json", s.id), &mut |out| {
        crate::render::json::write_record(out, "source", &record)
    })?;
    let page = Page {
        title: &s.name,
        root: "../",
        stamp,
        downloads: vec![("JSON", format!("{}.json", s.id))],
        scripts: &[],
    };
    site.write(&format!("sources/{}.html", s.id), &mut |out| {
        page::write(out, &page, &mut |out| {
            writeln!(
                out,
                "<h1>{}</h1>\n<p class=\"meta\">{} · <small class=\"id\">{}</small></p>",
                xml(&s.name),
                xml(&who(ds, s)),
                xml(&s.id)
            )?;
            if let Some(st) = stats {
                stats_list(out, st)?;
            }
            conflicts_list(out, conflicts)?;
            let pages = claims.len().div_ceil(PER_PAGE).max(1);
            writeln!(out, "<h2>Its claims</h2>")?;
            if pages > 1 {
                writeln!(
                    out,
                    "<p>{} claims; the first {PER_PAGE} here, then: {}.</p>",
                    claims.len(),
                    page_links(&s.id, pages, "").join(", ")
                )?;
            }
            page::statements(
                out,
                ds,
                &claims[..claims.len().min(PER_PAGE)],
                page::Beside::Event,
                "../",
            )
        })
    })?;
    further_pages(site, ds, s, &claims, stamp)
}

/// The rows where a source is in conflict.
fn conflicts_list(out: &mut dyn Write, conflicts: &[ConflictRow]) -> std::io::Result<()> {
    writeln!(out, "<h2>Rows where it is in conflict</h2>")?;
    if conflicts.is_empty() {
        writeln!(out, "<p>None.</p>")?;
    } else {
        writeln!(out, "<ul>")?;
        for c in conflicts {
            writeln!(
                out,
                "<li><a href=\"../events/{ev}.html\">{ev}</a>: {} — {}</li>",
                xml(&c.row),
                xml(&c.verdict),
                ev = xml(&c.event)
            )?;
        }
        writeln!(out, "</ul>")?;
    }
    Ok(())
}

/// A source's claims after the first page's, a page each thousand.
fn further_pages(
    site: &mut Site,
    ds: &Dataset,
    s: &Source,
    claims: &[&Claim],
    stamp: &str,
) -> anyhow::Result<()> {
    for n in 2..=claims.len().div_ceil(PER_PAGE) {
        let chunk = &claims[(n - 1) * PER_PAGE..(n * PER_PAGE).min(claims.len())];
        let title = format!("{}: claims, page {n}", s.name);
        let page = Page {
            title: &title,
            root: "../../",
            stamp,
            downloads: Vec::new(),
            scripts: &[],
        };
        site.write(&format!("sources/{}/claims-{n}.html", s.id), &mut |out| {
            page::write(out, &page, &mut |out| {
                writeln!(
                    out,
                    "<h1>{}</h1>\n<p><a href=\"../{}.html\">{}</a></p>",
                    xml(&title),
                    xml(&s.id),
                    xml(&s.name)
                )?;
                page::statements(out, ds, chunk, page::Beside::Event, "../../")
            })
        })?;
    }
    Ok(())
}

/// Links to a source's further pages of claims, from its page.
fn page_links(id: &str, pages: usize, root: &str) -> Vec<String> {
    (2..=pages)
        .map(|n| format!("<a href=\"{root}{}/claims-{n}.html\">page {n}</a>", xml(id)))
        .collect()
}

/// The list of sources, most claims first.
pub fn index(site: &mut Site, ds: &Dataset, stats: &[StatsRow], stamp: &str) -> anyhow::Result<()> {
    let page = Page {
        title: "Sources",
        root: "../",
        stamp,
        downloads: Vec::new(),
        scripts: &[],
    };
    site.write("sources/index.html", &mut |out| {
        page::write(out, &page, &mut |out| {
            writeln!(out, "<h1>Sources</h1>\n<div class=\"scroll\"><table><thead><tr><th scope=\"col\">source</th><th scope=\"col\">standing</th><th scope=\"col\">claims</th><th scope=\"col\">rows in conflict</th></tr></thead><tbody>")?;
            for s in &ds.sources {
                let st = stats.iter().find(|r| r.source == s.id);
                writeln!(
                    out,
                    "<tr><td data-label=\"source\"><a href=\"{id}.html\">{}</a></td><td data-label=\"standing\">{}</td><td data-label=\"claims\">{}</td><td data-label=\"rows in conflict\">{}</td></tr>",
                    xml(&s.name),
                    xml(&who(ds, s)),
                    st.map_or(0, |r| r.claims),
                    st.map_or(0, |r| r.conflicts),
                    id = xml(&s.id)
                )?;
            }
            writeln!(out, "</tbody></table></div>")
        })
    })
}
