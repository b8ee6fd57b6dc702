//! `claims stats`: for each source, how much it said, how its figures about
//! the adversary compare with the adversary's own reports, and how often it
//! is in conflict.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;

use serde::Serialize;

use super::Context;
use crate::compare::{self, Options, Perspective, Verdict};
use crate::load::{self, Keep};
use crate::render::emit_sheet;
use crate::render::output::Format;
use crate::view::track_record::{self, Standing, TrackRecord};
use crate::view::{Cell, Sheet};

#[derive(Default)]
pub(crate) struct SourceStats {
    pub(crate) claims: usize,
    pub(crate) events: BTreeSet<String>,
    /// This source's figure about the adversary ÷ the adversary's own figure, per row.
    ratios: Vec<f64>,
    rows: usize,
    conflicts: usize,
}

fn median(v: &mut [f64]) -> Option<f64> {
    if v.is_empty() {
        return None;
    }
    v.sort_by(|a, b| a.total_cmp(b));
    let n = v.len();
    Some(if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    })
}

/// The source a voice key belongs to: an unnamed official of a ministry
/// counts in the ministry's statistics (its voice stays apart in `compare`).
fn source_of(key: &str) -> &str {
    key.split('#').next().unwrap_or(key)
}

/// Adds one event's comparison: ratios of adversary figures to the
/// adversary's own, and each voice's rows and conflicts.
pub(crate) fn add_comparison(stats: &mut BTreeMap<String, SourceStats>, cmp: &compare::Comparison) {
    for row in &cmp.figures {
        // Only figures the source stated: a sum derived from a part it stated
        // would count the same statement again on the composite's row.
        // Nor what a position implies: the source stated no number.
        let claims = row.voices.iter().filter(|v| {
            v.perspective == Perspective::Adversary
                && matches!(v.value, compare::FigureValue::Stated(c, _) if c.implied_by.is_none())
        });
        for v in claims {
            let Some((claimed, _)) = v.value.stated() else {
                continue;
            };
            // The adversary's own figures for the same moment, not a later toll.
            let (start, end) = v.moment;
            let mut own: Vec<f64> = row
                .voices
                .iter()
                .filter(|o| o.perspective == Perspective::Own)
                .filter(|o| {
                    let (a, b) = o.moment;
                    a <= end && start <= b
                })
                .filter_map(|o| o.value.stated().map(|s| s.0.as_f64()))
                .collect();
            if let Some(own) = median(&mut own).filter(|m| *m > 0.0) {
                let entry = stats.entry(source_of(&v.key).to_string()).or_default();
                entry.ratios.push(claimed.as_f64() / own);
            }
        }
    }
    let rows = cmp
        .figures
        .iter()
        .map(|r| {
            (
                r.voices.iter().map(|v| v.key.as_str()).collect::<Vec<_>>(),
                &r.verdict,
            )
        })
        .chain(cmp.statements.iter().map(|r| {
            (
                r.voices.iter().map(|v| v.key.as_str()).collect(),
                &r.verdict,
            )
        }));
    for (voices, verdict) in rows {
        // The sum of each party's own figures is derived, not a source.
        let unique: BTreeSet<&str> = voices
            .iter()
            .copied()
            .filter(|v| *v != compare::OWN_SUM)
            .map(source_of)
            .collect();
        for v in &unique {
            stats.entry(v.to_string()).or_default().rows += 1;
        }
        if let Verdict::Conflict(d) = verdict {
            // Every voice that takes part, as `compare` lists them.
            let pair: BTreeSet<&str> = d
                .participants
                .iter()
                .map(|&i| source_of(voices[i]))
                .collect();
            for v in pair.into_iter().filter(|v| *v != compare::OWN_SUM) {
                stats.entry(v.to_string()).or_default().conflicts += 1;
            }
        }
    }
}

/// Files loaded together at most, in bytes, when comparing event by event.
const BATCH_BYTES: u64 = 16 * 1024 * 1024;

pub fn run(ctx: &Context, out: &mut dyn Write) -> anyhow::Result<u8> {
    // A first pass checks everything and keeps no claim, like `check`; it
    // counts claims per source and tells which files hold which events.
    let (files, diags, skipped) = load::files_for(&ctx.data);
    let mut first = ctx.load_files(files.clone(), diags, skipped, &Keep::Nothing, None, false)?;
    let ds = &first.dataset;
    let mut stats: BTreeMap<String, SourceStats> = BTreeMap::new();
    let mut tracks: BTreeMap<String, TrackRecord> = BTreeMap::new();
    for ((event, source), n) in &first.tally {
        let s = stats.entry(source.clone()).or_default();
        s.claims += n;
        s.events.insert(event.clone());
    }
    let events: Vec<&str> = ds.events.iter().map(|e| e.id.as_str()).collect();
    let plan = first
        .index
        .as_ref()
        .and_then(|ix| load::index::batches(&files, ix, &events, BATCH_BYTES));
    match plan {
        // Then the events' files a batch at a time: memory follows the
        // batch, not the folder.
        Some(batches) => {
            for (events, chosen) in batches {
                let batch = chosen.into_iter().map(|i| files[i].clone()).collect();
                let none = (Vec::new(), load::Skipped::default());
                let loaded = ctx.load_files(batch, none.0, none.1, &Keep::All, None, false)?;
                for event in events.iter().filter_map(|e| loaded.dataset.event(e)) {
                    let cmp = compare::compare(&loaded.dataset, event, Options::default());
                    add_comparison(&mut stats, &cmp);
                    track_record::add(&mut tracks, &loaded.dataset, &cmp);
                }
            }
        }
        // Built-in data (small, not indexed): everything at once.
        None => {
            let all = ctx.dataset()?;
            for event in &all.events {
                let cmp = compare::compare(&all, event, Options::default());
                add_comparison(&mut stats, &cmp);
                track_record::add(&mut tracks, &all, &cmp);
            }
        }
    }
    let rows = stats_rows(ds, &mut stats, &tracks);
    // CSV and TSV are for programs: plain column names and numbers.
    let sheet = match ctx.style.format {
        Format::Csv | Format::Tsv => numbers_sheet(&rows),
        _ => sheet(&rows),
    };
    emit_sheet(
        out,
        &ctx.style,
        "stats",
        &StatsRecord { sources: rows },
        &sheet,
    )?;
    // The index of what each file holds, for the next command.
    load::remember(&ctx.data, &mut first);
    Ok(0)
}

/// One row per source, most claims first.
pub(crate) fn stats_rows<'a>(
    ds: &'a crate::model::Dataset,
    stats: &'a mut BTreeMap<String, SourceStats>,
    tracks: &BTreeMap<String, TrackRecord>,
) -> Vec<StatsRow<'a>> {
    let mut order: Vec<(&String, &mut SourceStats)> = stats.iter_mut().collect();
    order.sort_by(|a, b| b.1.claims.cmp(&a.1.claims).then(a.0.cmp(b.0)));
    order
        .into_iter()
        .map(|(id, s)| StatsRow {
            source: id,
            party: ds.party_of(id),
            claims: s.claims,
            events: s.events.len(),
            adversary_figures_compared: s.ratios.len(),
            // A median of one or two figures would read as a finding.
            median_ratio_to_adversary_own: if s.ratios.len() >= MEDIAN_FROM {
                median(&mut s.ratios)
            } else {
                None
            },
            ratios_to_adversary_own: sorted(&s.ratios),
            rows: s.rows,
            conflicts: s.conflicts,
            track_record: tracks
                .get(id.as_str())
                .cloned()
                .unwrap_or_default()
                .standing(),
        })
        .collect()
}

/// One source in the JSON `stats`.
#[derive(Serialize)]
pub(crate) struct StatsRow<'a> {
    pub(crate) source: &'a str,
    pub(crate) party: Option<&'a str>,
    pub(crate) claims: usize,
    pub(crate) events: usize,
    pub(crate) adversary_figures_compared: usize,
    /// Only from [`MEDIAN_FROM`] figures on.
    pub(crate) median_ratio_to_adversary_own: Option<f64>,
    /// Each figure's ratio, smallest first.
    pub(crate) ratios_to_adversary_own: Vec<f64>,
    pub(crate) rows: usize,
    pub(crate) conflicts: usize,
    /// Its figures of the adversary's losses against what was documented
    /// afterwards, and its letter (docs/record.md).
    pub(crate) track_record: Standing,
}

#[derive(Serialize)]
struct StatsRecord<'a> {
    sources: Vec<StatsRow<'a>>,
}

/// The fewest figures a median is given of.
const MEDIAN_FROM: usize = 3;

fn sorted(v: &[f64]) -> Vec<f64> {
    let mut v = v.to_vec();
    v.sort_by(f64::total_cmp);
    v
}

/// A ratio to two significant figures, never rounded to nothing: 4.1×, 12×, 0.045×.
pub fn ratio_text(r: f64) -> String {
    if !r.is_finite() || r <= 0.0 {
        return format!("{r}×");
    }
    let magnitude = r.log10().floor() as i32;
    let decimals = usize::try_from(1 - magnitude).unwrap_or(0);
    format!("{r:.decimals$}×")
}

/// "—", the ratios themselves when one or two ("4.1× (1 figure)"), else
/// their median and how many it rests on.
pub(crate) fn ratios_cell(r: &StatsRow) -> String {
    let n = r.ratios_to_adversary_own.len();
    match (n, r.median_ratio_to_adversary_own) {
        (0, _) => "—".to_string(),
        (_, Some(m)) if n >= MEDIAN_FROM => format!("median {} of {n} figures", ratio_text(m)),
        _ => {
            let each: Vec<String> = r
                .ratios_to_adversary_own
                .iter()
                .map(|&x| ratio_text(x))
                .collect();
            let figures = if n == 1 { "figure" } else { "figures" };
            format!("{} ({n} {figures})", each.join(", "))
        }
    }
}

/// The JSON record's fields as columns, ratios as numbers (to two
/// significant figures; several joined by `;`), for CSV and TSV.
fn numbers_sheet(rows: &[StatsRow]) -> Sheet {
    let number = |r: f64| ratio_text(r).trim_end_matches('×').to_string();
    let mut sheet = Sheet::new([
        "source",
        "party",
        "claims",
        "events",
        "adversary_figures_compared",
        "median_ratio_to_adversary_own",
        "ratios_to_adversary_own",
        "rows",
        "conflicts",
        "record_letter",
        "record_documented",
        "record_exceeded",
    ]);
    for r in rows {
        let ratios: Vec<String> = r
            .ratios_to_adversary_own
            .iter()
            .map(|&x| number(x))
            .collect();
        sheet.push(vec![
            Cell::new(r.source),
            Cell::new(r.party.unwrap_or("")),
            Cell::new(r.claims.to_string()),
            Cell::new(r.events.to_string()),
            Cell::new(r.adversary_figures_compared.to_string()),
            Cell::new(
                r.median_ratio_to_adversary_own
                    .map(number)
                    .unwrap_or_default(),
            ),
            Cell::new(ratios.join(";")),
            Cell::new(r.rows.to_string()),
            Cell::new(r.conflicts.to_string()),
            Cell::new(r.track_record.letter.to_string()),
            Cell::new(r.track_record.documented.to_string()),
            Cell::new(r.track_record.exceeded.to_string()),
        ]);
    }
    sheet
}

fn sheet(rows: &[StatsRow]) -> Sheet {
    let mut sheet = Sheet::new([
        "source",
        "party",
        "claims",
        "events",
        "its figures of the adversary's losses ÷ the adversary's own",
        "rows in conflict",
        "against the record",
    ])
    .titled("Sources across events");
    for r in rows {
        sheet.push(vec![
            Cell::new(r.source),
            Cell::new(r.party.unwrap_or("—")),
            Cell::new(r.claims.to_string()),
            Cell::new(r.events.to_string()),
            Cell::new(ratios_cell(r)),
            Cell::new(format!("{} of {}", r.conflicts, r.rows)),
            Cell::new(r.track_record.text()),
        ]);
    }
    sheet
}
