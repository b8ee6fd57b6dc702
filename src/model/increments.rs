//! Increments ("15 more killed", `more = 15`): each is read against the
//! same speaker's previous figure of the same count, once every claim is
//! known. The previous figure is the latest said certainly before it;
//! several the data cannot order all count, so the total spans them all.

use std::collections::{HashMap, HashSet};

use super::quantity::{Interval, Quantity};
use super::when::Instant;
use super::{Assertion, Claim, Figure};

/// A source's statements of a day that give an `order`: (order, claim),
/// by order (each source numbers its own day).
type Days = HashMap<((Instant, Instant), String), Vec<(u16, usize)>>;

/// Who counted what: one speaker's series of one count.
type Series = (
    String,
    String,
    String,
    String,
    String,
    Option<String>,
    String,
);

fn figure(c: &Claim) -> Option<&Figure> {
    match &c.assertion {
        Assertion::Figure(f) => Some(f),
        _ => None,
    }
}

fn series(c: &Claim, f: &Figure) -> Series {
    (
        c.event.clone(),
        c.voice().to_string(),
        c.attribution.name().to_string(),
        f.party.clone(),
        f.metric.clone(),
        f.category.clone(),
        f.since.as_ref().map_or(String::new(), ToString::to_string),
    )
}

fn is_increment(c: &Claim) -> bool {
    figure(c).is_some_and(|f| matches!(f.quantity, Quantity::More { .. }))
}

/// Sets the total of every increment among `claims`; claims without one
/// cost a scan and nothing more.
pub fn resolve(claims: &mut [Claim]) {
    if !claims.iter().any(is_increment) {
        return;
    }
    let wanted: HashSet<Series> = claims
        .iter()
        .filter(|c| is_increment(c))
        .filter_map(|c| figure(c).map(|f| series(c, f)))
        .collect();
    // A figure its voice withdrew, or a relay that misreports it, is no base.
    let withdrawn: HashSet<&str> = claims
        .iter()
        .flat_map(|c| {
            let target = match &c.assertion {
                Assertion::Retraction { of } => Some(of.as_str()),
                _ => c.corrects.as_deref(),
            };
            let own = c.misreports.as_ref().map(|_| c.id.as_str());
            target.into_iter().chain(own)
        })
        .collect();
    let mut groups: HashMap<Series, Vec<usize>> = HashMap::new();
    for (i, c) in claims.iter().enumerate() {
        if withdrawn.contains(c.id.as_str()) {
            continue;
        }
        if let Some(key) = figure(c)
            .map(|f| series(c, f))
            .filter(|k| wanted.contains(k))
        {
            groups.entry(key).or_default().push(i);
        }
    }
    for members in groups.into_values() {
        resolve_series(claims, members);
    }
}

/// When a statement was made, as the series orders it: its span, then
/// its `order` within the day.
fn when(c: &Claim) -> ((Instant, Instant), Option<u16>) {
    (c.said.span(), c.order)
}

/// One speaker's series: by when each statement ended, so that every
/// figure an increment is read against is resolved before it.
fn resolve_series(claims: &mut [Claim], mut members: Vec<usize>) {
    let end = |c: &Claim| (c.said.span().1, c.order, c.said.span().0);
    members.sort_by(|&a, &b| end(&claims[a]).cmp(&end(&claims[b])).then(a.cmp(&b)));
    // The latest start among the first k members, for "not certainly
    // before another of them".
    let mut latest_start = Vec::with_capacity(members.len());
    for &m in &members {
        let start = claims[m].said.span().0;
        let before = latest_start.last().copied().unwrap_or(start);
        latest_start.push(start.max(before));
    }
    // Each day's statements with an `order`, by order: looked up, so that
    // thousands of one day's increments stay linear.
    let mut by_day: Days = HashMap::new();
    for &m in &members {
        if let Some(o) = claims[m].order {
            let day = (claims[m].said.span(), claims[m].source.clone());
            by_day.entry(day).or_default().push((o, m));
        }
    }
    for day in by_day.values_mut() {
        day.sort_unstable();
    }
    for at in 0..members.len() {
        let m = members[at];
        let Some(Quantity::More { by, .. }) = figure(&claims[m]).map(|f| f.quantity.clone()) else {
            continue;
        };
        let base = previous(claims, &members, &latest_start, &by_day, at);
        // With no previous figure, "15 more" says at least 15.
        let total = base.map_or(Interval::open(by), |iv| iv.add(&Interval::point(by)));
        let total = Some(total);
        if let Assertion::Figure(f) = &mut claims[m].assertion {
            f.quantity = Quantity::More { by, total };
        }
    }
}

/// The span of the speaker's previous figures before member `at`: those of
/// its own day with the highest lower `order`, else those that ended
/// before it began and are certainly before no other such.
fn previous(
    claims: &[Claim],
    members: &[usize],
    latest_start: &[Instant],
    by_day: &Days,
    at: usize,
) -> Option<Interval> {
    let me = &claims[members[at]];
    let ((start, _), order) = when(me);
    let hull = |ids: &mut dyn Iterator<Item = &usize>| {
        ids.filter_map(|&i| figure(&claims[i]).map(|f| f.quantity.interval()))
            .reduce(|a, b| Interval {
                low: a.low.min(b.low),
                high: a.high.zip(b.high).map(|(x, y)| x.max(y)),
            })
    };
    let day = order.and_then(|o| Some((o, by_day.get(&(me.said.span(), me.source.clone()))?)));
    if let Some((o, day)) = day {
        // The highest order below this one, every statement that gives it.
        let below = day.partition_point(|&(x, _)| x < o);
        if let Some(&(best, _)) = below.checked_sub(1).map(|i| &day[i]) {
            let from = day.partition_point(|&(x, _)| x < best);
            return hull(&mut day[from..below].iter().map(|(_, i)| i));
        }
    }
    // Members ending before this one began: a prefix, by the sort.
    let k = members.partition_point(|&i| claims[i].said.span().1 < start);
    let newest = *latest_start.get(k.checked_sub(1)?)?;
    // Of them, those not certainly before another: ending at or after the latest start.
    let first = members[..k].partition_point(|&i| claims[i].said.span().1 < newest);
    hull(&mut members[first..k].iter())
}
