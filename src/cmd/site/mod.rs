//! `claims site OUT`: a static website of every event, source and claim,
//! linked, searchable and readable on a phone, with the comparison as it
//! stood after each statement date. It works from `file://` and from any
//! static host; nothing is loaded from elsewhere. OUT must be a new or an
//! empty folder, and no file is ever written over.

mod claim_page;
mod event_page;
mod index_page;
mod page;
mod search;
mod source_page;

use std::collections::{BTreeMap, HashMap};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use super::Context;
use crate::cmd::stats::SourceStats;
use crate::compare::{self, Comparison, Options, Verdict};
use crate::error::UserError;
use crate::model::{Assertion, Dataset};
use crate::report::stamp::made_on;
use crate::view::track_record::TrackRecord;
use source_page::ConflictRow;

/// Where the site is written, and what has been.
pub struct Site {
    dir: PathBuf,
    /// How pages name the data (its folder's name, never its path).
    data_name: String,
    files: usize,
    bytes: u64,
    largest_page: (u64, String),
}

impl Site {
    /// Writes one file, never over an existing one.
    fn write(
        &mut self,
        rel: &str,
        body: &mut dyn FnMut(&mut dyn Write) -> io::Result<()>,
    ) -> anyhow::Result<()> {
        let path = self.dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        let file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .map_err(|e| UserError::new(format!("{}: cannot write: {e}", path.display())))?;
        let mut out = BufWriter::new(file);
        let cannot = |e: io::Error| {
            UserError::new(format!("{}: cannot write: {e}", path.display())).hint(
                "what was written so far stays in the folder; remove it, then write the site again",
            )
        };
        body(&mut out).map_err(cannot)?;
        out.flush().map_err(cannot)?;
        let size = out.get_ref().metadata().map_or(0, |m| m.len());
        self.files += 1;
        self.bytes += size;
        if rel.ends_with(".html") && size > self.largest_page.0 {
            self.largest_page = (size, rel.to_string());
        }
        Ok(())
    }
}

/// OUT, made if need be: a new or an empty folder, never anything else.
fn prepare(dir: &Path) -> anyhow::Result<()> {
    match std::fs::symlink_metadata(dir) {
        Err(_) => Ok(std::fs::create_dir_all(dir)?),
        Ok(m) if m.is_dir() && std::fs::read_dir(dir)?.next().is_none() => Ok(()),
        Ok(_) => Err(UserError::new(format!(
            "{}: not a new or empty folder: nothing was written",
            dir.display()
        ))
        .hint("give a folder that does not exist yet, or an empty one")
        .into()),
    }
}

/// The verdict kind of the row each claim appears on first (for the search).
fn verdict_of_claims(cmp: &Comparison) -> HashMap<String, String> {
    let kind = |v: &Verdict| {
        serde_json::to_value(v.kind())
            .ok()
            .and_then(|k| k.as_str().map(str::to_string))
            .unwrap_or_default()
    };
    let mut out = HashMap::new();
    for row in &cmp.figures {
        for e in &row.voices {
            for c in e.value.claims() {
                out.entry(c.id.clone())
                    .or_insert_with(|| kind(&row.verdict));
            }
        }
    }
    for row in &cmp.statements {
        for e in &row.voices {
            out.entry(e.claim.id.clone())
                .or_insert_with(|| kind(&row.verdict));
        }
    }
    out
}

/// Each voice in conflict on a row, by source.
fn conflicts_by_source(
    ds: &Dataset,
    cmp: &Comparison,
    out: &mut BTreeMap<String, Vec<ConflictRow>>,
) {
    let view_rows = crate::view::diff::rows::rows(ds, cmp);
    let keys = cmp
        .figures
        .iter()
        .map(|r| {
            (
                &r.verdict,
                r.voices.iter().map(|v| v.key.as_str()).collect::<Vec<_>>(),
            )
        })
        .chain(cmp.statements.iter().map(|r| {
            (
                &r.verdict,
                r.voices.iter().map(|v| v.key.as_str()).collect(),
            )
        }));
    for ((verdict, voices), row) in keys.zip(&view_rows) {
        let Verdict::Conflict(d) = verdict else {
            continue;
        };
        let mut who: Vec<&str> = d
            .participants
            .iter()
            .filter_map(|&i| voices.get(i))
            .map(|k| k.split('#').next().unwrap_or(k))
            .collect();
        who.sort_unstable();
        who.dedup();
        for source in who {
            out.entry(source.to_string())
                .or_default()
                .push(ConflictRow {
                    event: cmp.event.id.clone(),
                    row: row.label.clone(),
                    verdict: row.verdict.clone(),
                });
        }
    }
}

/// The search entry of a claim.
fn claim_entry(ds: &Dataset, c: &crate::model::Claim, verdict: &str) -> search::Entry {
    let source = ds.source(&c.source);
    search::Entry {
        kind: "claim",
        id: c.id.clone(),
        title: {
            let (subject, says) = crate::view::wording::subject_and_says(ds, c);
            format!("{subject} — {says} ({}, {})", c.source, c.id)
        },
        text: search::text(&[
            Some(&c.quote),
            c.english.as_deref(),
            c.reading.as_deref(),
            c.note.as_deref(),
        ]),
        event: c.event.clone(),
        party: ds.party_of(&c.source).unwrap_or("").to_string(),
        metric: match &c.assertion {
            Assertion::Figure(f) => f.metric.clone(),
            _ => String::new(),
        },
        verdict: verdict.to_string(),
        standing: source.map_or(String::new(), |s| s.standing.name().to_string()),
        url: format!("claims/{}.html", c.id),
    }
}

/// What the event pass gathers for the other pages.
#[derive(Default)]
struct Gathered {
    events: Vec<index_page::EventEntry>,
    entries: Vec<search::Entry>,
    stats: BTreeMap<String, SourceStats>,
    tracks: BTreeMap<String, TrackRecord>,
    conflicts: BTreeMap<String, Vec<ConflictRow>>,
    /// Each event's stamp, with its data hash.
    hashes: Vec<String>,
}

/// One hash of the whole data: of every event's (each covers the
/// definitions too), so pages that span events name the data they show.
fn site_hash(stamps: &[String]) -> String {
    use std::hash::Hasher;
    let mut h = fnv::FnvHasher::default();
    let mut sorted: Vec<&String> = stamps.iter().collect();
    sorted.sort_unstable();
    for s in sorted {
        h.write(s.as_bytes());
    }
    format!("{:016x}", h.finish())
}

/// Each event's pages, then each of its claims' pages, from one comparison.
fn events_and_claims(site: &mut Site, ds: &Dataset, stamp: &str) -> anyhow::Result<Gathered> {
    let mut g = Gathered::default();
    for c in ds.claims.iter().filter(|c| c.implied_by.is_none()) {
        let s = g.stats.entry(c.source.clone()).or_default();
        s.claims += 1;
        s.events.insert(c.event.clone());
    }
    for e in &ds.events {
        let event_stamp = event_page::write(site, ds, e, stamp)?;
        g.hashes.push(event_stamp.clone());
        let cmp = compare::compare(ds, e, Options::default());
        crate::cmd::stats::add_comparison(&mut g.stats, &cmp);
        crate::view::track_record::add(&mut g.tracks, ds, &cmp);
        conflicts_by_source(ds, &cmp, &mut g.conflicts);
        let verdicts = verdict_of_claims(&cmp);
        let claims = ds.claims_of_event(&e.id).filter(|c| c.implied_by.is_none());
        for c in claims.chain(ds.records.iter().filter(|r| r.event == e.id)) {
            let verdict = verdicts.get(&c.id).cloned().unwrap_or_default();
            claim_page::write(site, ds, &cmp, c, &event_stamp)?;
            g.entries.push(claim_entry(ds, c, &verdict));
        }
        let view = crate::view::View::new(ds, &cmp, false);
        g.events.push(index_page::EventEntry {
            id: e.id.clone(),
            title: e.title.clone(),
            date: e.date.to_string(),
            place: e.place.clone(),
            sides: e.sides.clone(),
            claims: cmp.claims_used,
            conflicts: view
                .notes
                .iter()
                .map(|n| format!("{} — {}", n.subject, n.kind))
                .collect(),
        });
        g.entries.push(search::Entry {
            kind: "event",
            id: e.id.clone(),
            title: e.title.clone(),
            text: search::text(&[Some(&e.title), Some(&e.summary), Some(&e.place)]),
            event: e.id.clone(),
            party: String::new(),
            metric: String::new(),
            verdict: String::new(),
            standing: String::new(),
            url: format!("events/{}.html", e.id),
        });
    }
    Ok(g)
}

pub fn run(ctx: &Context, dir: &Path, out: &mut dyn Write) -> anyhow::Result<u8> {
    let ds = ctx.dataset()?;
    prepare(dir)?;
    let mut site = Site {
        dir: dir.to_path_buf(),
        data_name: crate::load::discover::public_name(&ctx.data),
        files: 0,
        bytes: 0,
        largest_page: (0, String::new()),
    };
    let stamp = format!(
        "Made on {} by claims {} from {}",
        made_on(),
        env!("CARGO_PKG_VERSION"),
        site.data_name
    );
    let css = page::stylesheet();
    site.write(page::STYLESHEET, &mut |out| out.write_all(css.as_bytes()))?;
    let mut g = events_and_claims(&mut site, &ds, &stamp)?;
    let stamp = format!(
        "{stamp}, data {} ({} events)",
        site_hash(&g.hashes),
        ds.events.len()
    );
    let rows = crate::cmd::stats::stats_rows(&ds, &mut g.stats, &g.tracks);
    let none = Vec::new();
    for s in &ds.sources {
        let st = rows.iter().find(|r| r.source == s.id);
        let conflicts = g.conflicts.get(&s.id).unwrap_or(&none);
        source_page::write(&mut site, &ds, s, st, conflicts, &stamp)?;
        g.entries.push(search::Entry {
            kind: "source",
            id: s.id.clone(),
            title: s.name.clone(),
            text: search::text(&[Some(&s.name), Some(&s.id)]),
            event: String::new(),
            party: s.party.clone().unwrap_or_default(),
            metric: String::new(),
            verdict: String::new(),
            standing: s.standing.name().to_string(),
            url: format!("sources/{}.html", s.id),
        });
    }
    source_page::index(&mut site, &ds, &rows, &stamp)?;
    index_page::write(&mut site, &ds, &g.events, &stamp)?;
    search::write(&mut site, &g.entries, &stamp)?;
    writeln!(
        out,
        "wrote {} files ({:.1} MB) into {}; the largest page is {} ({:.0} KB); open {}",
        site.files,
        site.bytes as f64 / 1e6,
        dir.display(),
        site.largest_page.1,
        site.largest_page.0 as f64 / 1e3,
        dir.join("index.html").display()
    )?;
    Ok(0)
}
