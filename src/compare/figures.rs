//! Figure rows: one per (whose losses, metric, category). Each voice's
//! current figures count (see [`super::supersede`]): stated, or derived
//! from its parts (see [`super::derived`]): a composite metric's parts, or
//! for a count of several parties, each party's figure; its earlier ones
//! are its history. A breakdown's parts sit on their categories' rows.

use std::collections::{HashMap, HashSet};

use super::cells::{column_index, Cells};
use super::columns::{is_relayed, split_speaker, Column, OWN_SUM};
use super::combined::own_sum;
use super::derived::FigureValue;
use super::event_end;
use super::figure_row::{FigureEntry, FigureRow, Index, RowKey};
use super::perspective::of_value;
use super::places::clash;
use super::scope::Scope;
use super::series::RowSeries;
use super::verdict::{figure_verdict, Verdict, Voiced};
use crate::model::{Assertion, Attribution, Claim, Dataset, Event, Metric, Standing};

/// The figures indexed by column, by speaker (a voice's own, or each
/// speaker's within a merged voice) and, when voices merge, by voice.
fn index<'a>(scope: &Scope, claims: &[&'a Claim]) -> [Index<'a>; 3] {
    let (mut by_col, mut by_voice, mut merged) = (Index::new(), Index::new(), Index::new());
    for c in claims {
        let Assertion::Figure(total) = &c.assertion else {
            continue;
        };
        let col = scope.cell_key(c);
        // Within a merged voice each speaker's statements are a series of
        // their own: only a speaker revises its own figure.
        let voice = scope.speaker_key(c);
        // A part by cause ("5 by fire") is shown with its total, on no row of its own.
        let parts = total.breakdown.iter().filter(|p| p.cause.is_none());
        for f in std::iter::once(total).chain(parts) {
            let row = (f.party.clone(), f.metric.clone(), f.category.clone());
            let push = |index: &mut Index<'a>, key: &str| {
                let series = index.entry(row.clone()).or_default();
                series.entry(key.to_string()).or_default().push((c, f));
            };
            push(&mut by_col, &col);
            push(&mut by_voice, &voice);
            if scope.by != super::Grouping::Source {
                push(&mut merged, &scope.voice_key(c));
            }
        }
    }
    [by_col, by_voice, merged]
}

/// On a sum's row, speakers of one merged voice that each gave only some
/// parts (one organ 4 killed, another ≥ 10 wounded) leave the voice's sum
/// to the voice: `4 + ≥ 10 = ≥ 14` replaces their partial sums.
fn merged_sums<'a>(
    scope: &Scope<'a>,
    merged: &Index<'a>,
    key: &RowKey,
    metric: &'a Metric,
    voices: &mut Vec<FigureEntry<'a>>,
) {
    let partial =
        |e: &FigureEntry| matches!(e.value, FigureValue::Derived { .. }) && e.value.is_partial();
    let series = RowSeries::of(scope, merged, key, metric);
    if series.parts.is_empty() {
        return;
    }
    // Per voice, once: (entries with a speaker, all partial sums). Looked
    // up, not searched for, so a voice of thousands of entries stays linear.
    let mut per_voice: HashMap<String, (usize, bool)> = HashMap::new();
    for v in voices.iter() {
        let e = per_voice.entry(v.key.clone()).or_insert((0, true));
        e.0 += usize::from(v.speaker.is_some());
        e.1 &= partial(v);
    }
    let mut sums: std::collections::BTreeMap<String, Vec<FigureEntry<'a>>> = Default::default();
    for sum in entries(scope, &series, &key.0) {
        let (speakers, all_partial) = per_voice.get(&sum.key).copied().unwrap_or((0, false));
        let replace = speakers >= 2
            && all_partial
            && matches!(sum.value, FigureValue::Derived { .. })
            && sum.withdrawn.is_none();
        if replace {
            sums.entry(sum.key.clone()).or_default().push(sum);
        }
    }
    for (voice, list) in sums {
        // In the speakers' place: entries stay in key order.
        let at = voices.iter().position(|v| v.key == voice).unwrap_or(0);
        voices.retain(|v| v.key != voice);
        let at = at.min(voices.len());
        voices.splice(at..at, list);
    }
}

fn entries<'a>(scope: &Scope, series: &RowSeries<'_, 'a>, row_party: &str) -> Vec<FigureEntry<'a>> {
    let mut out = Vec::new();
    for key in series.keys() {
        let (mut current, mut earlier, gone) = series.values(key);
        // A relay's cell shows what it passed on, never a sum of its own making.
        if is_relayed(key) {
            current.retain(|v| matches!(v, FigureValue::Stated(..)));
            earlier.retain(|v| matches!(v, FigureValue::Stated(..)));
        }
        // Statements of one scope the data cannot order (a running total
        // beside this event's figure is another scope, not an unknown order).
        // Counted once per scope: a voice may have thousands of them.
        let scope_of = |v: &FigureValue| v.since().map(ToString::to_string);
        let mut per_scope: HashMap<Option<String>, usize> = HashMap::new();
        for v in &current {
            *per_scope.entry(scope_of(v)).or_default() += 1;
        }
        let unordered_with = |v: &FigureValue| {
            let same = per_scope.get(&scope_of(v)).copied().unwrap_or_default();
            same.saturating_sub(1)
        };
        let gone = gone.map(|v| (series.withdrawn.get(v.dated_by().id.as_str()).copied(), v));
        let current = current.into_iter().map(|v| (None, v));
        // The voice's earlier values go with its first entry only: copied to
        // each of a thousand values it cannot order, they made memory and
        // output grow with the square of its statements.
        let mut earlier = Some(earlier);
        for (withdrawn, value) in current.chain(gone) {
            // A relay's cell speaks for whom it relays: the perspective is its originator's.
            let (voice, speaker) = split_speaker(key);
            let unordered = match withdrawn {
                None => unordered_with(&value),
                Some(_) => 0,
            };
            out.push(FigureEntry {
                key: voice.to_string(),
                speaker: speaker.map(str::to_string),
                moment: event_end::moment(scope.ds, scope.event, &value),
                floor: event_end::growing_floor(scope.ds, &value),
                perspective: of_value(scope.ds, scope.event, &value, row_party),
                value,
                earlier: earlier.take().unwrap_or_default(),
                unordered,
                superseded: false,
                withdrawn,
            });
        }
    }
    out
}

/// Marks column entries that no voice holds as current any more.
fn mark_superseded(cells: &mut Cells<FigureEntry>, voices: &[FigureEntry]) {
    // A set, not a list: a row of thousands of current claims and as many
    // cells would otherwise cost their product.
    let current: HashSet<*const Claim> = voices
        .iter()
        .flat_map(|v| v.value.claims())
        .map(|c| c as *const Claim)
        .collect();
    for e in cells.iter_mut().flatten() {
        let claim: *const Claim = e.value.dated_by();
        e.superseded = !current.contains(&claim);
    }
}

/// Rows in the order of the event's sides (a count of several parties
/// after the single ones), then party, then the vocabulary's metric order,
/// a total before its categories.
fn row_order(ds: &Dataset, event: &Event, rows: &mut [RowKey]) {
    // Positions looked up, not searched for: thousands of metrics and rows
    // would otherwise cost their product.
    let position = |ids: Vec<&str>| -> HashMap<String, usize> {
        ids.into_iter()
            .enumerate()
            .map(|(i, id)| (id.to_string(), i))
            .collect()
    };
    let metrics = position(ds.metrics.iter().map(|m| m.id.as_str()).collect());
    let categories = position(ds.categories.iter().map(|c| c.id.as_str()).collect());
    rows.sort_by_cached_key(|(party, metric, category)| {
        let side = event.sides.iter().position(|s| s == party);
        let m = metrics.get(metric).copied();
        let cat = category.as_ref().map(|c| categories.get(c).copied());
        (
            side.unwrap_or(usize::MAX),
            party.contains('+'),
            party.clone(),
            m.unwrap_or(usize::MAX),
            cat,
        )
    });
}

/// Whether every claim behind a value is an organ's, on the record, unhedged.
fn official(ds: &Dataset, v: &FigureValue) -> bool {
    v.claims().iter().all(|c| {
        ds.standing_at(c.voice(), &c.said) == Standing::Organ
            && c.attribution == Attribution::OnRecord
            && !c.hedged
    })
}

fn verdict<'a>(scope: &Scope, row: &FigureRow<'a>) -> Verdict<'a> {
    let sides: Vec<Option<String>> = row
        .voices
        .iter()
        .map(|v| scope.side_of_key(&v.key))
        .collect();
    let allies: Vec<Option<String>> = row
        .voices
        .iter()
        .map(|v| scope.ally_of_key(&v.key))
        .collect();
    let voiced: Vec<Voiced> = row
        .voices
        .iter()
        .zip(sides.iter().zip(&allies))
        .map(|(v, (side, ally))| Voiced {
            key: &v.key,
            speaker: v.speaker.as_deref(),
            party: side.as_deref(),
            ally_of: ally.as_deref(),
            perspective: v.perspective,
            official: official(scope.ds, &v.value),
            value: &v.value,
            moment: v.moment,
            floor: v.floor,
            sum_of_parties: row.party.contains('+') && v.value.is_derived(),
        })
        .collect();
    figure_verdict(&voiced, row.metric.cumulative)
}

pub(super) fn rows<'a>(
    scope: &Scope<'a>,
    claims: &[&'a Claim],
    columns: &mut Vec<Column>,
) -> Vec<FigureRow<'a>> {
    let ds = scope.ds;
    let [by_col, by_voice, merged] = index(scope, claims);
    let mut keys: Vec<RowKey> = by_col.keys().cloned().collect();
    row_order(ds, scope.event, &mut keys);
    let mut sums = Vec::new();
    let column_at = column_index(columns);
    let mut rows: Vec<FigureRow<'a>> = keys
        .into_iter()
        .filter_map(|key| {
            let metric = ds.metric(&key.1)?;
            let col_series = RowSeries::of(scope, &by_col, &key, metric);
            let voice_series = RowSeries::of(scope, &by_voice, &key, metric);
            let mut col_entries = entries(scope, &col_series, &key.0);
            merged_sums(scope, &merged, &key, metric, &mut col_entries);
            let mut cells = Cells::of(&column_at, col_entries, |e| &e.key);
            let mut voices = entries(scope, &voice_series, &key.0);
            voices.retain(|v| v.withdrawn.is_none());
            merged_sums(scope, &merged, &key, metric, &mut voices);
            mark_superseded(&mut cells, &voices);
            let sum = own_sum(scope, &by_voice, &key);
            voices.extend(sum.clone());
            sums.push(sum);
            let current = voices.iter().flat_map(|v| v.value.claims());
            let documented = super::record::of_row(
                ds,
                &scope.event.id,
                (&key.0, metric.id.as_str(), key.2.as_deref()),
                scope.as_of.as_ref(),
            );
            let mut row = FigureRow {
                documented,
                category: key.2.as_deref().and_then(|c| ds.category(c)),
                places_differ: clash(&scope.places, ds, current),
                party: key.0,
                metric,
                cells,
                voices,
                verdict: Verdict::SingleSource,
            };
            row.verdict = if row.voices.is_empty() {
                Verdict::Withdrawn
            } else {
                verdict(scope, &row)
            };
            Some(row)
        })
        .collect();
    // Each party's own figures summed get a column when some row has them.
    if sums.iter().any(Option::is_some) {
        let own_sum_column = columns.len();
        columns.push(Column {
            id: OWN_SUM.to_string(),
            name: "Each party's own figures, summed (derived)".to_string(),
            short: OWN_SUM.to_string(),
            party: None,
            standing: None,
        });
        for (row, sum) in rows.iter_mut().zip(sums) {
            row.cells.push(own_sum_column, sum.into_iter().collect());
        }
    }
    rows
}
