//! Figure rows: one per (whose losses, metric). Each voice's current
//! figures count (see [`super::supersede`]): stated, or derived from its
//! parts (see [`super::derived`]); its earlier ones are its history.

use std::collections::{BTreeMap, HashMap};

use super::columns::{into_cells, keys, party_of_key, Column};
use super::derived::{FigureValue, Part};
use super::perspective::{perspective, Perspective};
use super::supersede::split;
use super::verdict::{figure_verdict, Verdict, Voiced};
use super::Grouping;
use crate::model::{Assertion, Claim, Dataset, Event, Figure, Metric};

/// One voice's (or column's) current figure on a row, with what it replaced.
/// A voice whose statements the data cannot order has one entry for each.
#[derive(Debug, Clone)]
pub struct FigureEntry<'a> {
    pub key: String,
    pub value: FigureValue<'a>,
    pub perspective: Perspective,
    /// Earlier values on the same row, oldest first.
    pub earlier: Vec<FigureValue<'a>>,
    /// Other current values of the same voice that the data cannot order
    /// against this one.
    pub unordered: usize,
    /// In a column: the voice it speaks for has since said something newer
    /// (a relay's cell whose originator revised its figure).
    pub superseded: bool,
}

#[derive(Debug, Clone)]
pub struct FigureRow<'a> {
    pub party: String,
    pub metric: &'a Metric,
    /// Per column (same order as `Comparison::columns`), its current entries.
    pub cells: Vec<Vec<FigureEntry<'a>>>,
    /// Per voice: what the verdict is drawn on.
    pub voices: Vec<FigureEntry<'a>>,
    pub verdict: Verdict<'a>,
}

/// key (column or voice) -> its figures on a row.
type Series<'a> = BTreeMap<String, Vec<(&'a Claim, &'a Figure)>>;
/// (party, metric) -> series.
type Index<'a> = HashMap<(String, String), Series<'a>>;

/// The figures indexed twice: by column and by voice.
fn index<'a>(ds: &Dataset, claims: &[&'a Claim], by: Grouping) -> (Index<'a>, Index<'a>) {
    let (mut by_col, mut by_voice) = (Index::new(), Index::new());
    for c in claims {
        if let Assertion::Figure(f) = &c.assertion {
            let (col, voice) = keys(ds, c, by);
            let row = (f.party.clone(), f.metric.clone());
            let push = |index: &mut Index<'a>, key: String| {
                let series = index.entry(row.clone()).or_default();
                series.entry(key).or_default().push((c, f));
            };
            push(&mut by_col, col);
            push(&mut by_voice, voice);
        }
    }
    (by_col, by_voice)
}

/// A claim's supersession key: when it was said, then its id.
fn said_key<'x>(x: &'x (&Claim, &Figure)) -> (super::supersede::Span, &'x str) {
    (x.0.said.span(), x.0.id.as_str())
}

/// What a row needs to build its entries: its own series and its parts'.
struct RowSeries<'s, 'a> {
    metric: &'a Metric,
    stated: Option<&'s Series<'a>>,
    parts: Vec<(&'a str, Option<&'s Series<'a>>)>,
}

impl<'s, 'a> RowSeries<'s, 'a> {
    fn of(index: &'s Index<'a>, party: &str, metric: &'a Metric) -> Self {
        let get = |m: &str| index.get(&(party.to_string(), m.to_string()));
        RowSeries {
            metric,
            stated: get(&metric.id),
            parts: metric.parts.iter().map(|p| (p.as_str(), get(p))).collect(),
        }
    }

    /// Every key with a stated figure or a part, in key order.
    fn keys(&self) -> Vec<&'s String> {
        let mut keys: Vec<&String> = self.stated.map(|s| s.keys().collect()).unwrap_or_default();
        for s in self.parts.iter().filter_map(|(_, s)| *s) {
            keys.extend(s.keys());
        }
        keys.sort();
        keys.dedup();
        keys
    }

    /// The sum of a key's current parts, if it gave any.
    fn derived(&self, key: &str) -> Option<FigureValue<'a>> {
        let parts: Vec<Part<'a>> = self
            .parts
            .iter()
            .map(|(metric, series)| {
                let given = series.and_then(|s| s.get(key)).cloned().unwrap_or_default();
                (*metric, split(given, said_key).0)
            })
            .collect();
        FigureValue::derive(parts)
    }

    /// A key's (current, earlier) values. A stated total stays until the
    /// voice states a newer one; the sum of its parts takes its place only
    /// when certainly said later and either complete, or (for a count that
    /// only grows) above every current total.
    fn values(&self, key: &str) -> (Vec<FigureValue<'a>>, Vec<FigureValue<'a>>) {
        let given = self
            .stated
            .and_then(|s| s.get(key))
            .cloned()
            .unwrap_or_default();
        let (current, earlier) = split(given, said_key);
        let stated = |v: Vec<(&'a Claim, &'a Figure)>| -> Vec<FigureValue<'a>> {
            v.into_iter()
                .map(|(c, f)| FigureValue::Stated(c, f))
                .collect()
        };
        let (mut current, mut earlier) = (stated(current), stated(earlier));
        if let Some(sum) = self.derived(key) {
            let later = current.iter().all(|v| v.said().1 < sum.said().0);
            let higher = || {
                current
                    .iter()
                    .all(|v| v.interval().high.is_some_and(|h| sum.interval().low > h))
            };
            let grows = self.metric.cumulative && higher();
            if current.is_empty() || (later && (!sum.is_partial() || grows)) {
                earlier.append(&mut current);
                current.push(sum);
            }
        }
        (current, earlier)
    }
}

fn entries<'a>(
    ds: &Dataset,
    event: &Event,
    by: Grouping,
    series: &RowSeries<'_, 'a>,
    row_party: &str,
) -> Vec<FigureEntry<'a>> {
    let mut out = Vec::new();
    for key in series.keys() {
        let (current, earlier) = series.values(key);
        let unordered = current.len().saturating_sub(1);
        for value in current {
            // A relay's cell speaks for whom it relays.
            let voice = keys(ds, value.dated_by(), by).1;
            out.push(FigureEntry {
                key: key.clone(),
                perspective: perspective(ds, event, &voice, by, row_party),
                value,
                earlier: earlier.clone(),
                unordered,
                superseded: false,
            });
        }
    }
    out
}

/// Marks column entries that no voice holds as current any more.
fn mark_superseded(cells: &mut [Vec<FigureEntry>], voices: &[FigureEntry]) {
    let current: Vec<&Claim> = voices.iter().flat_map(|v| v.value.claims()).collect();
    for e in cells.iter_mut().flatten() {
        let claim = e.value.dated_by();
        e.superseded = !current.iter().any(|c| std::ptr::eq(*c, claim));
    }
}

/// Rows in the order of the event's sides, then party, then the vocabulary's metric order.
fn row_order(ds: &Dataset, event: &Event, rows: &mut [(String, String)]) {
    rows.sort_by_key(|(party, metric)| {
        let side = event.sides.iter().position(|s| s == party);
        let m = ds.metrics.iter().position(|m| &m.id == metric);
        (
            side.unwrap_or(usize::MAX),
            party.clone(),
            m.unwrap_or(usize::MAX),
        )
    });
}

fn verdict<'a>(ds: &Dataset, event: &Event, by: Grouping, row: &FigureRow<'a>) -> Verdict<'a> {
    let sides: Vec<Option<String>> = row
        .voices
        .iter()
        .map(|v| party_of_key(ds, &v.key, by).filter(|p| event.sides.contains(p)))
        .collect();
    let voiced: Vec<Voiced> = row
        .voices
        .iter()
        .zip(&sides)
        .map(|(v, side)| Voiced {
            key: &v.key,
            party: side.as_deref(),
            value: &v.value,
        })
        .collect();
    figure_verdict(&voiced, row.metric.cumulative)
}

pub(super) fn rows<'a>(
    ds: &'a Dataset,
    event: &Event,
    claims: &[&'a Claim],
    by: Grouping,
    columns: &[Column],
) -> Vec<FigureRow<'a>> {
    let (by_col, by_voice) = index(ds, claims, by);
    let mut keys: Vec<(String, String)> = by_col.keys().cloned().collect();
    row_order(ds, event, &mut keys);
    keys.into_iter()
        .filter_map(|(party, metric_id)| {
            let metric = ds.metric(&metric_id)?;
            let col_series = RowSeries::of(&by_col, &party, metric);
            let voice_series = RowSeries::of(&by_voice, &party, metric);
            let col_entries = entries(ds, event, by, &col_series, &party);
            let mut cells = into_cells(columns, col_entries, |e| &e.key);
            let voices = entries(ds, event, by, &voice_series, &party);
            mark_superseded(&mut cells, &voices);
            let mut row = FigureRow {
                party,
                metric,
                cells,
                voices,
                verdict: Verdict::SingleSource,
            };
            row.verdict = verdict(ds, event, by, &row);
            Some(row)
        })
        .collect()
}
