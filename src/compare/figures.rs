//! Figure rows: one per (whose losses, metric, category). Each voice's
//! current figures count (see [`super::supersede`]): stated, or derived
//! from its parts (see [`super::derived`]): a composite metric's parts, or
//! for a count of several parties, each party's figure; its earlier ones
//! are its history. A breakdown's parts sit on their categories' rows.

use std::collections::{HashMap, HashSet};

use super::cells::{column_index, Cells};
use super::columns::{is_relayed, split_speaker, Column, OWN_SUM};
use super::combined::own_sum;
use super::derived::{FigureValue, Part};
use super::event_end;
use super::figure_row::{FigureEntry, FigureRow, Index, RowKey, Series};
use super::perspective::of_value;
use super::places::clash;
use super::scope::Scope;
use super::supersede::split;
use super::verdict::{figure_verdict, Verdict, Voiced};
use super::withdrawn::{split_live, Withdrawn};
use crate::model::{Assertion, Attribution, Claim, Dataset, Event, Figure, Metric, Standing};

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
        for f in std::iter::once(total).chain(&total.breakdown) {
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
        // A part is named as people read it: its label, not its id.
        .map(|c| (c.label.as_str(), of(&c.id)))
        .filter(|(_, s)| s.is_some())
        .collect();
    if !parts.is_empty() {
        parts.push(("other", None));
    }
    parts
}

impl<'s, 'a> RowSeries<'s, 'a> {
    fn of(scope: &'s Scope<'a>, index: &'s Index<'a>, key: &RowKey, metric: &'a Metric) -> Self {
        let ds = scope.ds;
        let get = |p: &str, m: &str| index.get(&(p.to_string(), m.to_string(), key.2.clone()));
        // A count of several parties sums each party's; a composite, its
        // metrics; a total, its categories (never all of them: a floor).
        let parts = if key.0.contains('+') {
            let parties = key.0.split('+').filter_map(|p| ds.party(p));
            parties
                .map(|p| (p.name.as_str(), get(&p.id, &metric.id)))
                .collect()
        } else if !metric.parts.is_empty() {
            let metrics = metric.parts.iter();
            let label = |m: &'a String| ds.metric(m).map_or(m.as_str(), |x| x.label.as_str());
            metrics.map(|m| (label(m), get(&key.0, m))).collect()
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
            withdrawn: &scope.withdrawn,
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
                (*metric, given)
            })
            .collect();
        // A sum counts one scope: parts of several (this event's and a
        // running total "since …") sum this event's only, so "27 soldiers
        // since May" never becomes part of this event's count.
        let scope = |f: &Figure| f.since.as_ref().map(ToString::to_string);
        let mut scopes: Vec<Option<String>> = parts
            .iter()
            .flat_map(|(_, g)| g.iter().map(|x| scope(x.1)))
            .collect();
        scopes.sort();
        scopes.dedup();
        for (_, given) in &mut parts {
            if scopes.len() > 1 {
                given.retain(|x| x.1.since.is_none());
            }
            *given = split(std::mem::take(given), said_key).0;
        }
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

    /// Supersession within each scope a figure counts (this event, or a
    /// running total since a date): a running total never replaces this
    /// event's figure, nor one since another date.
    #[allow(clippy::type_complexity)]
    fn split_by_scope(
        &self,
        given: Vec<(&'a Claim, &'a Figure)>,
    ) -> (
        Vec<(&'a Claim, &'a Figure)>,
        Vec<(&'a Claim, &'a Figure)>,
        Option<(&'a Claim, &'a Figure)>,
    ) {
        let mut scopes: std::collections::BTreeMap<Option<String>, Vec<_>> = Default::default();
        for x in given {
            scopes
                .entry(x.1.since.as_ref().map(ToString::to_string))
                .or_default()
                .push(x);
        }
        let (mut current, mut earlier, mut gone) = (Vec::new(), Vec::new(), None);
        for (_, list) in scopes {
            let (c, e, g) = split_live(list, said_key, |x| self.is_withdrawn(x));
            current.extend(c);
            earlier.extend(e);
            gone = gone.or(g);
        }
        (current, earlier, gone)
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
        let (current, earlier, mut gone) = self.split_by_scope(given);
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
            } else if current.iter().all(|v| sum.said().1 < v.said().0) {
                // The sum its parts made before the voice stated the total
                // stays in its history.
                earlier.push(sum);
                earlier.sort_by_key(FigureValue::said);
            }
        }
        (
            current,
            earlier,
            gone.map(|(c, f)| FigureValue::Stated(c, f)),
        )
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
        ds.standing_of(c.voice()) == Standing::Organ
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
    let voiced: Vec<Voiced> = row
        .voices
        .iter()
        .zip(&sides)
        .map(|(v, side)| Voiced {
            key: &v.key,
            speaker: v.speaker.as_deref(),
            party: side.as_deref(),
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
            let mut row = FigureRow {
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
