//! Figure rows: one per (whose losses, metric). Each voice's latest figure
//! counts (stated, or derived from its parts when that is newer); its
//! earlier ones are its history.

use std::collections::{BTreeMap, HashMap};

use super::columns::{keys, Column};
use super::derived::FigureValue;
use super::perspective::{perspective, Perspective};
use super::verdict::{figure_verdict, Verdict};
use super::Grouping;
use crate::model::quantity::Quantity;
use crate::model::{Assertion, Claim, Dataset, Event, Figure, Metric};

/// One voice's (or column's) current figure on a row, with what it replaced.
#[derive(Debug, Clone)]
pub struct FigureEntry<'a> {
    pub key: String,
    pub value: FigureValue<'a>,
    pub perspective: Perspective,
    /// Earlier values on the same row, oldest first.
    pub earlier: Vec<FigureValue<'a>>,
}

#[derive(Debug, Clone)]
pub struct FigureRow<'a> {
    pub party: String,
    pub metric: &'a Metric,
    /// Per column (same order as `Comparison::columns`).
    pub cells: Vec<Option<FigureEntry<'a>>>,
    /// Per voice: what the verdict is drawn on.
    pub voices: Vec<FigureEntry<'a>>,
    pub verdict: Verdict<'a>,
}

/// key (column or voice) -> its figures on a row, in date order.
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

/// What a row needs to build its entries: its own series and its parts'.
struct RowSeries<'s, 'a> {
    stated: Option<&'s Series<'a>>,
    parts: Vec<(&'a str, Option<&'s Series<'a>>)>,
}

impl<'s, 'a> RowSeries<'s, 'a> {
    fn of(index: &'s Index<'a>, party: &str, metric: &'a Metric) -> Self {
        let get = |m: &str| index.get(&(party.to_string(), m.to_string()));
        RowSeries {
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

    /// A key's values, oldest first: its stated figures, and the sum of its
    /// latest parts, which competes with them by date.
    fn history(&self, key: &str) -> Vec<FigureValue<'a>> {
        let mut history: Vec<FigureValue<'a>> = self
            .stated
            .and_then(|s| s.get(key))
            .map(|v| {
                v.iter()
                    .map(|(c, f)| FigureValue::Stated(c, &f.quantity))
                    .collect()
            })
            .unwrap_or_default();
        let parts: Vec<(&'a str, Option<(&'a Claim, &'a Quantity)>)> = self
            .parts
            .iter()
            .map(|(metric, series)| {
                let latest = series.and_then(|s| s.get(key)).and_then(|v| v.last());
                (*metric, latest.map(|(c, f)| (*c, &f.quantity)))
            })
            .collect();
        if let Some(derived) = FigureValue::derive(parts) {
            history.push(derived);
            // Equal dates: the stated figure is later than the sum derived beside it.
            history.sort_by(|a, b| {
                let ((wa, sa), (wb, sb)) = (a.said(), b.said());
                let derived_first = b.is_derived().cmp(&a.is_derived());
                wa.order(wb).then(sa.cmp(&sb)).then(derived_first)
            });
        }
        history
    }
}

fn entries<'a>(
    ds: &Dataset,
    event: &Event,
    by: Grouping,
    series: &RowSeries<'_, 'a>,
    row_party: &str,
) -> Vec<FigureEntry<'a>> {
    series
        .keys()
        .into_iter()
        .filter_map(|key| {
            let mut history = series.history(key);
            let value = history.pop()?;
            Some(FigureEntry {
                key: key.clone(),
                perspective: perspective(ds, event, key, by, row_party),
                value,
                earlier: history,
            })
        })
        .collect()
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
            let mut cells = vec![None; columns.len()];
            for e in entries(ds, event, by, &col_series, &party) {
                if let Some(i) = columns.iter().position(|c| c.id == e.key) {
                    cells[i] = Some(e);
                }
            }
            let voices = entries(ds, event, by, &voice_series, &party);
            let intervals: Vec<_> = voices.iter().map(|v| v.value.interval()).collect();
            Some(FigureRow {
                party,
                metric,
                cells,
                voices,
                verdict: figure_verdict(&intervals),
            })
        })
        .collect()
}
