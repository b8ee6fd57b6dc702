//! Figure rows: one per (whose losses, metric, category). Each voice's
//! current figures count (see [`super::supersede`]): stated, or derived
//! from its parts (see [`super::derived`]): a composite metric's parts, or
//! for a count of several parties, each party's figure; its earlier ones
//! are its history. A breakdown's parts sit on their categories' rows.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::cells::{column_index, Cells};
use super::columns::{cell_and_voice, party_of_key, Column, OWN_SUM};
use super::combined::own_sum;
use super::derived::{FigureValue, Part};
use super::perspective::{of_value, Perspective};
use super::places::clash;
use super::supersede::split;
use super::verdict::{figure_verdict, Verdict, Voiced};
use super::withdrawn::{split_live, Withdrawn};
use super::Grouping;
use crate::model::places::PlaceTree;
use crate::model::{
    Assertion, Attribution, Category, Claim, Dataset, Event, Figure, Metric, Place, Standing,
};

/// One voice's (or column's) current figure on a row, with what it replaced.
/// A voice whose statements the data cannot order has one entry for each.
#[derive(Debug, Clone)]
pub struct FigureEntry<'a> {
    pub key: String,
    pub value: FigureValue<'a>,
    pub perspective: Perspective,
    /// The voice's earlier values on the row, oldest first: on its first
    /// entry only (the others it cannot order share them).
    pub earlier: Vec<FigureValue<'a>>,
    /// Other current values of the same voice that the data cannot order
    /// against this one.
    pub unordered: usize,
    /// In a column: the voice it speaks for has since said something newer
    /// (a relay's cell whose originator revised its figure).
    pub superseded: bool,
    /// The claim that retracted or corrected this value: shown, never counted.
    pub withdrawn: Option<&'a Claim>,
}

#[derive(Debug, Clone)]
pub struct FigureRow<'a> {
    /// Whose losses: a party id, or several joined by `+`.
    pub party: String,
    pub metric: &'a Metric,
    /// The kind of people counted, for a breakdown's part ("border guards").
    pub category: Option<&'a Category>,
    /// Per column (same order as `Comparison::columns`), its current entries.
    pub cells: Cells<FigureEntry<'a>>,
    /// Per voice: what the verdict is drawn on.
    pub voices: Vec<FigureEntry<'a>>,
    pub verdict: Verdict<'a>,
    /// The places the current voices name, when they do not all nest.
    pub places_differ: Vec<&'a Place>,
}

/// key (column or voice) -> its figures on a row.
pub(super) type Series<'a> = BTreeMap<String, Vec<(&'a Claim, &'a Figure)>>;
/// (whose, metric, category).
pub(super) type RowKey = (String, String, Option<String>);
pub(super) type Index<'a> = HashMap<RowKey, Series<'a>>;

/// The figures indexed twice: by column and by voice.
fn index<'a>(ds: &Dataset, claims: &[&'a Claim], by: Grouping) -> (Index<'a>, Index<'a>) {
    let (mut by_col, mut by_voice) = (Index::new(), Index::new());
    for c in claims {
        let Assertion::Figure(total) = &c.assertion else {
            continue;
        };
        let (col, voice) = cell_and_voice(ds, c, by);
        for f in std::iter::once(total).chain(&total.breakdown) {
            let row = (f.party.clone(), f.metric.clone(), f.category.clone());
            let push = |index: &mut Index<'a>, key: &str| {
                let series = index.entry(row.clone()).or_default();
                series.entry(key.to_string()).or_default().push((c, f));
            };
            push(&mut by_col, &col);
            push(&mut by_voice, &voice);
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
    /// A count of several parties: its parts are parties, not metrics.
    joint: bool,
    /// A total's parts are its categories: a floor, the others one `?`.
    by_category: bool,
    withdrawn: &'s Withdrawn<'a>,
}

/// A total's parts by category, with a part for the categories nobody gave:
/// a voice's figures for some categories are a floor under its total.
fn category_parts<'s, 'a>(
    ds: &'a Dataset,
    index: &'s Index<'a>,
    key: &RowKey,
    metric: &Metric,
) -> Vec<(&'a str, Option<&'s Series<'a>>)> {
    let of = |c: &str| index.get(&(key.0.clone(), metric.id.clone(), Some(c.to_string())));
    let mut parts: Vec<_> = ds
        .categories
        .iter()
        .map(|c| (c.id.as_str(), of(&c.id)))
        .filter(|(_, s)| s.is_some())
        .collect();
    if !parts.is_empty() {
        parts.push(("other", None));
    }
    parts
}

impl<'s, 'a> RowSeries<'s, 'a> {
    fn of(
        ds: &'a Dataset,
        index: &'s Index<'a>,
        key: &RowKey,
        metric: &'a Metric,
        withdrawn: &'s Withdrawn<'a>,
    ) -> Self {
        let get = |p: &str, m: &str| index.get(&(p.to_string(), m.to_string(), key.2.clone()));
        // A count of several parties sums each party's; a composite, its
        // metrics; a total, its categories (never all of them: a floor).
        let parts = if key.0.contains('+') {
            let parties = key.0.split('+').filter_map(|p| ds.party(p));
            parties
                .map(|p| (p.id.as_str(), get(&p.id, &metric.id)))
                .collect()
        } else if !metric.parts.is_empty() {
            let metrics = metric.parts.iter();
            metrics.map(|m| (m.as_str(), get(&key.0, m))).collect()
        } else if key.2.is_none() {
            category_parts(ds, index, key, metric)
        } else {
            Vec::new()
        };
        RowSeries {
            metric,
            stated: get(&key.0, &metric.id),
            parts,
            joint: key.0.contains('+'),
            by_category: !key.0.contains('+') && metric.parts.is_empty() && key.2.is_none(),
            withdrawn,
        }
    }

    fn is_withdrawn(&self, x: &(&Claim, &Figure)) -> bool {
        self.withdrawn.contains_key(x.0.id.as_str())
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
        let mut parts: Vec<Part<'a>> = self
            .parts
            .iter()
            .map(|(metric, series)| {
                let mut given = series.and_then(|s| s.get(key)).cloned().unwrap_or_default();
                given.retain(|x| !self.is_withdrawn(x));
                (*metric, split(given, said_key).0)
            })
            .collect();
        if self.by_category {
            // The categories it did not give are all in the one `?` at the end.
            let last = parts.len().saturating_sub(1);
            let mut i = 0;
            parts.retain(|(_, p)| {
                i += 1;
                !p.is_empty() || i - 1 == last
            });
        }
        // One party's own figure says nothing of a joint count: only a voice
        // that gave every party's is summed.
        FigureValue::derive(parts).filter(|sum| !(self.joint && sum.is_partial()))
    }

    /// A key's (current, earlier) values. A stated total stays until the
    /// voice states a newer one; the sum of its parts takes its place only
    /// when certainly said later and either complete, or (for a count that
    /// only grows) above every current total. The third value is a
    /// withdrawn figure to show when nothing else is current.
    fn values(
        &self,
        key: &str,
    ) -> (
        Vec<FigureValue<'a>>,
        Vec<FigureValue<'a>>,
        Option<FigureValue<'a>>,
    ) {
        let given = self
            .stated
            .and_then(|s| s.get(key))
            .cloned()
            .unwrap_or_default();
        let (current, earlier, mut gone) = split_live(given, said_key, |x| self.is_withdrawn(x));
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
                earlier.extend(gone.take().map(|(c, f)| FigureValue::Stated(c, f)));
                current.push(sum);
            }
        }
        (
            current,
            earlier,
            gone.map(|(c, f)| FigureValue::Stated(c, f)),
        )
    }
}

fn entries<'a>(
    ds: &Dataset,
    event: &Event,
    series: &RowSeries<'_, 'a>,
    row_party: &str,
) -> Vec<FigureEntry<'a>> {
    let mut out = Vec::new();
    for key in series.keys() {
        let (current, earlier, gone) = series.values(key);
        let unordered = current.len().saturating_sub(1);
        let gone = gone.map(|v| (series.withdrawn.get(v.dated_by().id.as_str()).copied(), v));
        let current = current.into_iter().map(|v| (None, v));
        // The voice's earlier values go with its first entry only: copied to
        // each of a thousand values it cannot order, they made memory and
        // output grow with the square of its statements.
        let mut earlier = Some(earlier);
        for (withdrawn, value) in current.chain(gone) {
            // A relay's cell speaks for whom it relays: the perspective is its originator's.
            out.push(FigureEntry {
                key: key.clone(),
                perspective: of_value(ds, event, &value, row_party),
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
        ds.standing_of(c.voice()) == Standing::Organ
            && c.attribution == Attribution::OnRecord
            && !c.hedged
    })
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
            perspective: v.perspective,
            official: official(ds, &v.value),
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
    columns: &mut Vec<Column>,
    withdrawn: &Withdrawn<'a>,
    places: &PlaceTree,
) -> Vec<FigureRow<'a>> {
    let (by_col, by_voice) = index(ds, claims, by);
    let mut keys: Vec<RowKey> = by_col.keys().cloned().collect();
    row_order(ds, event, &mut keys);
    let mut sums = Vec::new();
    let column_at = column_index(columns);
    let mut rows: Vec<FigureRow<'a>> = keys
        .into_iter()
        .filter_map(|key| {
            let metric = ds.metric(&key.1)?;
            let col_series = RowSeries::of(ds, &by_col, &key, metric, withdrawn);
            let voice_series = RowSeries::of(ds, &by_voice, &key, metric, withdrawn);
            let col_entries = entries(ds, event, &col_series, &key.0);
            let mut cells = Cells::of(&column_at, col_entries, |e| &e.key);
            let mut voices = entries(ds, event, &voice_series, &key.0);
            voices.retain(|v| v.withdrawn.is_none());
            mark_superseded(&mut cells, &voices);
            let sum = own_sum(ds, event, &by_voice, &key, withdrawn);
            voices.extend(sum.clone());
            sums.push(sum);
            let current = voices.iter().flat_map(|v| v.value.claims());
            let mut row = FigureRow {
                category: key.2.as_deref().and_then(|c| ds.category(c)),
                places_differ: clash(places, ds, current),
                party: key.0,
                metric,
                cells,
                voices,
                verdict: Verdict::SingleSource,
            };
            row.verdict = if row.voices.is_empty() {
                Verdict::Withdrawn
            } else {
                verdict(ds, event, by, &row)
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
            party: None,
            standing: None,
        });
        for (row, sum) in rows.iter_mut().zip(sums) {
            row.cells.push(own_sum_column, sum.into_iter().collect());
        }
    }
    rows
}
