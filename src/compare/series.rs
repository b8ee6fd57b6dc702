//! A row's series: each voice's figures for the row's metric and for its
//! parts (a composite's metrics, a count's parties, a total's categories),
//! and the values they give a voice, stated or derived.

use std::borrow::Cow;

use super::derived::{FigureValue, Part};
use super::figure_row::{Index, RowKey, Series};
use super::scope::Scope;
use super::supersede::split;
use super::withdrawn::{split_live, Withdrawn};
use crate::model::{Claim, Dataset, Figure, Metric};

/// A claim's supersession key: when it was said, then its id.
fn said_key<'x>(x: &'x (&Claim, &Figure)) -> (super::supersede::Said<'x>, &'x str) {
    (super::supersede::said(x.0), x.0.id.as_str())
}

/// What a row needs to build its entries: its own series and its parts'.
pub(super) struct RowSeries<'s, 'a> {
    metric: &'a Metric,
    stated: Option<&'s Series<'a>>,
    pub(super) parts: Vec<(&'a str, Option<&'s Series<'a>>)>,
    /// A count of several parties: its parts are parties, not metrics.
    joint: bool,
    /// A total's parts are its categories: a floor, the others one `?`.
    by_category: bool,
    /// Its parts are what the metric `includes`: their sum is a floor by design.
    open: bool,
    pub(super) withdrawn: &'s Withdrawn<'a>,
    /// For each part of a composite, its categories the voices gave: a
    /// floor under a part given only by category.
    floors: Vec<Vec<(&'a str, &'s Series<'a>)>>,
}

/// A party's figures for a metric by category, named by the category's label.
fn categories_of<'s, 'a>(
    ds: &'a Dataset,
    index: &'s Index<'a>,
    party: &str,
    metric: &str,
) -> Vec<(&'a str, &'s Series<'a>)> {
    let of = |c: &str| index.get(&(party.to_string(), metric.to_string(), Some(c.to_string())));
    // Only the outermost: children within civilians are counted in civilians.
    ds.categories
        .iter()
        .filter(|c| c.within.is_none())
        .filter_map(|c| Some((c.label.as_str(), of(&c.id)?)))
        .collect()
}

/// A total's parts by category, with a part for the categories nobody gave:
/// a voice's figures for some categories are a floor under its total.
fn category_parts<'s, 'a>(
    ds: &'a Dataset,
    index: &'s Index<'a>,
    key: &RowKey,
    metric: &Metric,
) -> Vec<(&'a str, Option<&'s Series<'a>>)> {
    // A part is named as people read it: its label, not its id.
    let mut parts: Vec<_> = categories_of(ds, index, &key.0, &metric.id)
        .into_iter()
        .map(|(label, s)| (label, Some(s)))
        .collect();
    if !parts.is_empty() {
        parts.push(("other", None));
    }
    parts
}

impl<'s, 'a> RowSeries<'s, 'a> {
    pub(super) fn of(
        scope: &'s Scope<'a>,
        index: &'s Index<'a>,
        key: &RowKey,
        metric: &'a Metric,
    ) -> Self {
        let ds = scope.ds;
        let get = |p: &str, m: &str| index.get(&(p.to_string(), m.to_string(), key.2.clone()));
        // A count of several parties sums each party's; a composite, its
        // metrics; a total, its categories (never all of them: a floor).
        let mut floors = Vec::new();
        let parts = if key.0.contains('+') {
            let parties = key.0.split('+').filter_map(|p| ds.party(p));
            parties
                .map(|p| (p.name.as_str(), get(&p.id, &metric.id)))
                .collect()
        } else if !metric.parts.is_empty() {
            let metrics = metric.parts.iter();
            let label = |m: &'a String| ds.metric(m).map_or(m.as_str(), |x| x.label.as_str());
            if key.2.is_none() {
                floors = metric
                    .parts
                    .iter()
                    .map(|m| categories_of(ds, index, &key.0, m))
                    .collect();
            }
            metrics.map(|m| (label(m), get(&key.0, m))).collect()
        } else if !metric.includes.is_empty() && key.2.is_none() {
            // What it includes ("destroyed" for "lost"), and the rest, never given.
            let label = |m: &'a String| ds.metric(m).map_or(m.as_str(), |x| x.label.as_str());
            let mut parts: Vec<_> = metric
                .includes
                .iter()
                .map(|m| (label(m), get(&key.0, m)))
                .collect();
            parts.push(("other", None));
            parts
        } else if key.2.is_none() {
            category_parts(ds, index, key, metric)
        } else {
            // Categories within this one (children within civilians): each a floor under it.
            let cat = key.2.as_deref().unwrap_or_default();
            let sub = |c: &'a crate::model::Category| {
                let s = index.get(&(key.0.clone(), metric.id.clone(), Some(c.id.clone())))?;
                Some((c.label.as_str(), Some(s)))
            };
            let mut parts: Vec<_> = ds
                .categories
                .iter()
                .filter(|c| c.within.as_deref() == Some(cat))
                .filter_map(sub)
                .collect();
            if !parts.is_empty() {
                parts.push(("other", None));
            }
            parts
        };
        RowSeries {
            metric,
            stated: get(&key.0, &metric.id),
            parts,
            joint: key.0.contains('+'),
            by_category: !key.0.contains('+')
                && metric.parts.is_empty()
                && metric.includes.is_empty()
                && key.2.is_none(),
            open: !metric.includes.is_empty() || key.2.is_some(),
            withdrawn: &scope.withdrawn,
            floors,
        }
    }

    fn is_withdrawn(&self, x: &(&Claim, &Figure)) -> bool {
        self.withdrawn.contains_key(x.0.id.as_str())
    }

    /// Every key with a stated figure or a part, in key order.
    pub(super) fn keys(&self) -> Vec<&'s String> {
        let mut keys: Vec<&String> = self.stated.map(|s| s.keys().collect()).unwrap_or_default();
        for s in self.parts.iter().filter_map(|(_, s)| *s) {
            keys.extend(s.keys());
        }
        for s in self.floors.iter().flatten().map(|(_, s)| s) {
            keys.extend(s.keys());
        }
        keys.sort();
        keys.dedup();
        keys
    }

    /// A series' figures for a key, withdrawn ones left out.
    fn given(&self, series: Option<&'s Series<'a>>, key: &str) -> Vec<(&'a Claim, &'a Figure)> {
        let mut given = series.and_then(|s| s.get(key)).cloned().unwrap_or_default();
        given.retain(|x| !self.is_withdrawn(x));
        given
    }

    /// The sum of a key's current parts, if it gave any.
    fn derived(&self, key: &str) -> Option<FigureValue<'a>> {
        let mut parts: Vec<Part<'a>> = Vec::new();
        for (i, (name, series)) in self.parts.iter().enumerate() {
            let given = self.given(*series, key);
            // A part it gave only by category ("wounded soldiers: 10") is at
            // least their sum: its categories, then one `?` for the rest.
            // A running total of a category ("since May") is no floor of this event's.
            let floors: Vec<Part<'a>> = self.floors.get(i).map_or(Vec::new(), |cats| {
                cats.iter()
                    .map(|(label, s)| {
                        let mut g = self.given(Some(s), key);
                        g.retain(|x| x.1.since.is_none());
                        (Cow::Owned(format!("{name} ({label})")), g)
                    })
                    .filter(|(_, g)| !g.is_empty())
                    .collect()
            });
            if given.is_empty() && !floors.is_empty() {
                parts.extend(floors);
                parts.push((Cow::Owned(format!("other {name}")), Vec::new()));
            } else {
                parts.push((Cow::Borrowed(name), given));
            }
        }
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
        let sum = FigureValue::derive(parts).filter(|sum| !(self.joint && sum.is_partial()));
        match self.open {
            true => sum.map(FigureValue::into_floor),
            false => sum,
        }
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
    pub(super) fn values(
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
            let complete = !sum.is_partial() && !sum.is_open();
            if current.is_empty() || (later && (complete || grows)) {
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
