//! The comparison: one event's claims aligned by question, one column per
//! source (or party), with a verdict per row. The rules are the README's
//! "Comparison rules"; this file follows that text.
//!
//! - Figures: rows are (whose losses, metric). Each quantity is an interval;
//!   two voices conflict when their intervals are disjoint. A composite
//!   (`killed-or-wounded`) is derived from a voice's parts when it did not
//!   state it, so like is compared with like.
//! - Accusations: rows are acts. Mirror accusations and affirm-versus-deny
//!   conflict. Positions: rows are propositions; affirm-versus-deny, or
//!   affirming propositions that exclude each other, conflict. Appeals are
//!   shown and never counted.
//! - Supersession: a voice's latest statement on a row counts; `as_of`
//!   drops what was said later.

use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap};

use crate::model::*;
use crate::quantity::{format_ratio, Interval, Quantity};
use crate::when::{Moment, When};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Grouping {
    /// One column per source (ministry, "Yerevan", agency…)
    Source,
    /// One column per party: the organs of a state merged
    Party,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Reconcile {
    /// ACLED's rule: the lowest figure any source in the row gives
    Conservative,
    /// UCDP-style low / best / high across the sources
    Range,
}

#[derive(Debug, Clone)]
pub struct Options {
    pub by: Grouping,
    pub as_of: Option<Moment>,
    pub reconcile: Option<Reconcile>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            by: Grouping::Source,
            as_of: None,
            reconcile: None,
        }
    }
}

/// Whose account a figure is, relative to the party whose losses it counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Perspective {
    /// A party reporting its own losses.
    Own,
    /// One side's claim about the other side's losses.
    Adversary,
    /// Anyone else: third states, media, the article.
    ThirdParty,
}

impl Perspective {
    pub fn label(self) -> &'static str {
        match self {
            Perspective::Own => "self-report",
            Perspective::Adversary => "adversary claim",
            Perspective::ThirdParty => "third-party report",
        }
    }
    pub fn short(self) -> &'static str {
        match self {
            Perspective::Own => "own",
            Perspective::Adversary => "adv.",
            Perspective::ThirdParty => "3rd",
        }
    }
}

/// A figure as a column or voice holds it: stated, or derived from parts.
#[derive(Debug, Clone)]
pub enum FigureValue<'a> {
    Stated(&'a Claim, &'a Quantity),
    /// The sum of the voice's latest parts; a missing part counts as [0, ∞).
    Derived {
        parts: Vec<(&'a str, Option<(&'a Claim, &'a Quantity)>)>,
        interval: Interval,
        /// The newest part claim: a derived sum is as recent as it.
        newest: &'a Claim,
    },
}

impl<'a> FigureValue<'a> {
    pub fn interval(&self) -> Interval {
        match self {
            FigureValue::Stated(_, q) => q.interval(),
            FigureValue::Derived { interval, .. } => *interval,
        }
    }

    /// The claims it rests on.
    pub fn claims(&self) -> Vec<&'a Claim> {
        match self {
            FigureValue::Stated(c, _) => vec![*c],
            FigureValue::Derived { parts, .. } => parts
                .iter()
                .filter_map(|(_, p)| p.map(|(c, _)| c))
                .collect(),
        }
    }

    pub fn hedged(&self) -> bool {
        self.claims().iter().any(|c| c.hedged)
    }

    /// When it was (last) said: a derived sum is as recent as its newest part.
    fn said(&self) -> (&'a When, u64) {
        let c = match self {
            FigureValue::Stated(c, _) => c,
            FigureValue::Derived { newest, .. } => newest,
        };
        (&c.said, c.seq)
    }

    pub fn headline(&self) -> u64 {
        match self {
            FigureValue::Stated(_, q) => q.headline(),
            FigureValue::Derived { parts, .. } => parts
                .iter()
                .filter_map(|(_, p)| p.map(|(_, q)| q.headline()))
                .fold(0u64, u64::saturating_add),
        }
    }

    /// "70", "≥ 4", "7 + 10 = 17", "7 + ? = ≥ 7".
    pub fn text(&self) -> String {
        match self {
            FigureValue::Stated(_, q) => q.to_string(),
            FigureValue::Derived {
                parts, interval, ..
            } => {
                let terms: Vec<String> = parts
                    .iter()
                    .map(|(_, p)| p.map_or("?".to_string(), |(_, q)| q.to_string()))
                    .collect();
                let total = match interval.high {
                    Some(h) if h == interval.low => h.to_string(),
                    Some(h) => format!("{}–{h}", interval.low),
                    None => format!("≥ {}", interval.low),
                };
                format!("{} = {total}", terms.join(" + "))
            }
        }
    }
}

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
    pub verdict: Verdict,
}

/// What a row's voices amount to.
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    Conflict(ConflictDetail),
    /// Two or more voices, no contradiction; `voices` counts claimants, not outlets.
    Consistent {
        voices: usize,
    },
    SingleSource,
    /// An appeal: shown, not a side taken.
    Appeal,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ConflictDetail {
    /// Indexes into the row's `voices`.
    pub first: usize,
    pub second: usize,
    pub kind: ConflictKind,
    /// Human explanation: "4.1× apart", "mirror accusation".
    pub gap: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ConflictKind {
    /// Disjoint figures.
    Figures,
    /// Each accuses the other of the same act.
    Mirror,
    /// Two voices accuse different parties of the same act.
    Contradictory,
    /// One affirms what another denies.
    AffirmDeny,
    /// Each affirms a proposition that excludes the other's.
    Exclusive,
}

impl Verdict {
    pub fn is_conflict(&self) -> bool {
        matches!(self, Verdict::Conflict(_))
    }
    pub fn name(&self) -> &'static str {
        match self {
            Verdict::Conflict(_) => "conflict",
            Verdict::Consistent { .. } => "consistent",
            Verdict::SingleSource => "single source",
            Verdict::Appeal => "appeal",
        }
    }
}

/// The figure verdict over voices' intervals: the most distant disjoint pair
/// is the conflict shown. Independent of the voices' order.
pub fn figure_verdict(intervals: &[Interval]) -> (Verdict, Option<(usize, usize, f64)>) {
    let mut worst: Option<(usize, usize, f64)> = None;
    for i in 0..intervals.len() {
        for j in i + 1..intervals.len() {
            if let Some(r) = intervals[i].gap_ratio(&intervals[j]) {
                // Ties keep the smaller pair of intervals, so the choice is order-free.
                let better = match worst {
                    None => true,
                    Some((a, b, w)) => {
                        r > w || (r == w && pair_key(intervals, i, j) < pair_key(intervals, a, b))
                    }
                };
                if better {
                    worst = Some((i, j, r));
                }
            }
        }
    }
    match (worst, intervals.len()) {
        (Some(w), _) => (
            Verdict::Conflict(ConflictDetail {
                first: w.0,
                second: w.1,
                kind: ConflictKind::Figures,
                gap: format!("{} apart", format_ratio(w.2)),
            }),
            Some(w),
        ),
        (None, 0 | 1) => (Verdict::SingleSource, None),
        (None, n) => (Verdict::Consistent { voices: n }, None),
    }
}

fn pair_key(iv: &[Interval], i: usize, j: usize) -> (u64, u64, u64, u64) {
    let k = |x: &Interval| (x.low, x.high.unwrap_or(u64::MAX));
    let (a, b) = (k(&iv[i]), k(&iv[j]));
    let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
    (lo.0, lo.1, hi.0, hi.1)
}

/// One voice's (or column's) current stance on an accusation or proposition row.
#[derive(Debug, Clone)]
pub struct StanceEntry<'a> {
    pub key: String,
    pub claim: &'a Claim,
    pub earlier: Vec<&'a Claim>,
}

#[derive(Debug, Clone)]
pub enum Topic<'a> {
    Act(&'a Act),
    Proposition(&'a Proposition),
}

#[derive(Debug, Clone)]
pub struct StatementRow<'a> {
    pub topic: Topic<'a>,
    /// Per column, every current statement (an accusation row may hold one per accused party).
    pub cells: Vec<Vec<StanceEntry<'a>>>,
    pub voices: Vec<StanceEntry<'a>>,
    pub verdict: Verdict,
}

impl StatementRow<'_> {
    pub fn label(&self) -> &str {
        match self.topic {
            Topic::Act(a) => &a.label,
            Topic::Proposition(p) => &p.text,
        }
    }
    pub fn id(&self) -> &str {
        match self.topic {
            Topic::Act(a) => &a.id,
            Topic::Proposition(p) => &p.id,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Column {
    pub id: String,
    pub name: String,
    pub party: Option<String>,
}

#[derive(Debug)]
pub struct Comparison<'a> {
    pub event: &'a Event,
    pub options: Options,
    pub columns: Vec<Column>,
    pub figures: Vec<FigureRow<'a>>,
    pub statements: Vec<StatementRow<'a>>,
    pub claims_used: usize,
}

impl Comparison<'_> {
    pub fn conflict_count(&self) -> usize {
        self.figures
            .iter()
            .filter(|r| r.verdict.is_conflict())
            .count()
            + self
                .statements
                .iter()
                .filter(|r| r.verdict.is_conflict())
                .count()
    }
}

/// A claim's column key and voice key under a grouping.
fn keys(ds: &Dataset, c: &Claim, by: Grouping) -> (String, String) {
    match by {
        Grouping::Source => (c.source.clone(), c.voice().to_string()),
        Grouping::Party => {
            let group = |s: &str| ds.party_of(s).unwrap_or(s).to_string();
            (group(&c.source), group(c.voice()))
        }
    }
}

fn perspective(
    ds: &Dataset,
    event: &Event,
    speaker: &str,
    by: Grouping,
    row_party: &str,
) -> Perspective {
    let party = match by {
        Grouping::Source => ds.party_of(speaker),
        Grouping::Party => ds
            .party(speaker)
            .map(|p| p.id.as_str())
            .or_else(|| ds.party_of(speaker)),
    };
    match party {
        Some(p) if p == row_party => Perspective::Own,
        Some(p)
            if event.sides.iter().any(|s| s == p) && event.sides.iter().any(|s| s == row_party) =>
        {
            Perspective::Adversary
        }
        _ => Perspective::ThirdParty,
    }
}

fn claim_order(a: &Claim, b: &Claim) -> Ordering {
    a.said.order(&b.said).then(a.seq.cmp(&b.seq))
}

/// Builds the comparison of one event.
pub fn compare<'a>(ds: &'a Dataset, event: &'a Event, options: Options) -> Comparison<'a> {
    let by = options.by;
    let mut claims: Vec<&Claim> = ds
        .claims_of_event(&event.id)
        .filter(|c| options.as_of.as_ref().is_none_or(|m| c.said.known_by(m)))
        .collect();
    claims.sort_by(|a, b| claim_order(a, b));

    let columns = columns(ds, event, &claims, by);
    let col_index: HashMap<&str, usize> = columns
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.as_str(), i))
        .collect();

    // --- Figures -----------------------------------------------------------
    // (party, metric) -> key -> claims in order; keyed twice: by column and by voice.
    type Series<'a> = BTreeMap<String, Vec<(&'a Claim, &'a Figure)>>;
    let mut by_col: HashMap<(String, String), Series> = HashMap::new();
    let mut by_voice: HashMap<(String, String), Series> = HashMap::new();
    for c in &claims {
        if let Assertion::Figure(f) = &c.assertion {
            let (col, voice) = keys(ds, c, by);
            let row = (f.party.clone(), f.metric.clone());
            by_col
                .entry(row.clone())
                .or_default()
                .entry(col)
                .or_default()
                .push((c, f));
            by_voice
                .entry(row)
                .or_default()
                .entry(voice)
                .or_default()
                .push((c, f));
        }
    }
    let mut rows: Vec<(String, String)> = by_col.keys().cloned().collect();
    rows.sort_by_key(|(party, metric)| {
        let side = event
            .sides
            .iter()
            .position(|s| s == party)
            .unwrap_or(usize::MAX);
        let m = ds
            .metrics
            .iter()
            .position(|m| &m.id == metric)
            .unwrap_or(usize::MAX);
        (side, party.clone(), m)
    });
    let entries = |series: Option<&Series<'a>>,
                   parts_of: &[(String, Option<&Series<'a>>)],
                   row_party: &str|
     -> Vec<FigureEntry<'a>> {
        let mut keys: Vec<&String> = series.map(|s| s.keys().collect()).unwrap_or_default();
        if !parts_of.is_empty() {
            for (_, ps) in parts_of {
                if let Some(ps) = ps {
                    keys.extend(ps.keys());
                }
            }
        }
        keys.sort();
        keys.dedup();
        keys.into_iter()
            .filter_map(|key| {
                let mut history: Vec<FigureValue<'a>> = series
                    .and_then(|s| s.get(key))
                    .map(|v| {
                        v.iter()
                            .map(|(c, f)| FigureValue::Stated(c, &f.quantity))
                            .collect()
                    })
                    .unwrap_or_default();
                // A derived sum competes with the stated composite by date.
                let parts: Vec<(&'a str, Option<(&'a Claim, &'a Quantity)>)> = parts_of
                    .iter()
                    .map(|(metric, ps)| {
                        let latest = ps
                            .and_then(|s| s.get(key))
                            .and_then(|v| v.last())
                            .map(|(c, f)| (*c, &f.quantity));
                        (ds.metric(metric).map_or("", |m| m.id.as_str()), latest)
                    })
                    .collect();
                let newest = parts
                    .iter()
                    .filter_map(|(_, p)| p.map(|(c, _)| c))
                    .max_by(|a, b| claim_order(a, b));
                if let Some(newest) = newest {
                    let interval = parts.iter().fold(Interval::point(0), |acc, (_, p)| {
                        acc.add(&p.map_or(Interval { low: 0, high: None }, |(_, q)| q.interval()))
                    });
                    history.push(FigureValue::Derived {
                        parts,
                        interval,
                        newest,
                    });
                    history.sort_by(|a, b| {
                        let (wa, sa) = a.said();
                        let (wb, sb) = b.said();
                        wa.order(wb).then(sa.cmp(&sb)).then(
                            matches!(a, FigureValue::Derived { .. })
                                .cmp(&matches!(b, FigureValue::Derived { .. }))
                                .reverse(),
                        )
                    });
                }
                let value = history.pop()?;
                Some(FigureEntry {
                    key: key.clone(),
                    perspective: perspective(ds, event, key, by, row_party),
                    value,
                    earlier: history,
                })
            })
            .collect()
    };
    let mut figures = Vec::new();
    for (party, metric_id) in rows {
        let Some(metric) = ds.metric(&metric_id) else {
            continue;
        };
        let row = (party.clone(), metric_id.clone());
        let parts_of = |index: &'_ HashMap<(String, String), Series<'a>>| -> Vec<(String, Option<Series<'a>>)> {
            metric
                .parts
                .iter()
                .map(|p| (p.clone(), index.get(&(party.clone(), p.clone())).cloned()))
                .collect()
        };
        let col_parts = parts_of(&by_col);
        let voice_parts = parts_of(&by_voice);
        let col_parts_ref: Vec<(String, Option<&Series>)> = col_parts
            .iter()
            .map(|(m, s)| (m.clone(), s.as_ref()))
            .collect();
        let voice_parts_ref: Vec<(String, Option<&Series>)> = voice_parts
            .iter()
            .map(|(m, s)| (m.clone(), s.as_ref()))
            .collect();
        let col_entries = entries(by_col.get(&row), &col_parts_ref, &party);
        let voices = entries(by_voice.get(&row), &voice_parts_ref, &party);
        let mut cells = vec![None; columns.len()];
        for e in col_entries {
            if let Some(&i) = col_index.get(e.key.as_str()) {
                cells[i] = Some(e);
            }
        }
        let intervals: Vec<Interval> = voices.iter().map(|v| v.value.interval()).collect();
        let (mut verdict, _) = figure_verdict(&intervals);
        if let Verdict::Conflict(d) = &mut verdict {
            let (a, b) = (&voices[d.first], &voices[d.second]);
            let ia = a.value.interval();
            let ib = b.value.interval();
            if !(ia.is_point() && ib.is_point()) {
                d.gap = format!("{} vs {}: at least {}", ia, ib, d.gap);
            }
            if a.perspective != b.perspective {
                d.gap = format!(
                    "{}; {} vs {}",
                    d.gap,
                    a.perspective.label(),
                    b.perspective.label()
                );
            }
        }
        figures.push(FigureRow {
            party,
            metric,
            cells,
            voices,
            verdict,
        });
    }

    // --- Accusations and positions ----------------------------------------
    let mut statements = Vec::new();
    let stance_entries =
        |list: &[&'a Claim], key_of: &dyn Fn(&Claim) -> String| -> Vec<StanceEntry<'a>> {
            // Latest per (key, accused/proposition); list is already in date order.
            let mut latest: BTreeMap<(String, String), StanceEntry<'a>> = BTreeMap::new();
            for c in list {
                let sub = match &c.assertion {
                    Assertion::Accusation(a) => a.accused.clone(),
                    _ => String::new(),
                };
                let k = (key_of(c), sub);
                let entry = latest.entry(k.clone()).or_insert_with(|| StanceEntry {
                    key: k.0.clone(),
                    claim: c,
                    earlier: Vec::new(),
                });
                if !std::ptr::eq(entry.claim, *c) {
                    entry.earlier.push(entry.claim);
                    entry.claim = c;
                }
            }
            latest.into_values().collect()
        };
    let mut topics: Vec<Topic> = Vec::new();
    for c in &claims {
        let t = match &c.assertion {
            Assertion::Accusation(a) => ds.act(&a.act).map(Topic::Act),
            Assertion::Position(p) => ds.proposition(&p.proposition).map(Topic::Proposition),
            Assertion::Figure(_) => None,
        };
        if let Some(t) = t {
            let id = match t {
                Topic::Act(a) => &a.id,
                Topic::Proposition(p) => &p.id,
            };
            if !topics.iter().any(|x| match x {
                Topic::Act(a) => &a.id == id,
                Topic::Proposition(p) => &p.id == id,
            }) {
                topics.push(t);
            }
        }
    }
    topics.sort_by_key(|t| match t {
        Topic::Act(a) => (0, ds.acts.iter().position(|x| x.id == a.id).unwrap_or(0)),
        Topic::Proposition(p) => (
            if p.kind == PropositionKind::Appeal {
                2
            } else {
                1
            },
            ds.propositions
                .iter()
                .position(|x| x.id == p.id)
                .unwrap_or(0),
        ),
    });
    // Who affirms which proposition, for exclusion conflicts.
    let mut affirmed: HashMap<&str, Vec<(String, &'a Claim)>> = HashMap::new();
    for c in &claims {
        if let Assertion::Position(p) = &c.assertion {
            if p.stance == Stance::Affirms {
                affirmed
                    .entry(p.proposition.as_str())
                    .or_default()
                    .push((keys(ds, c, by).1, c));
            }
        }
    }
    for topic in topics {
        let on_topic: Vec<&Claim> = claims
            .iter()
            .copied()
            .filter(|c| match (&c.assertion, &topic) {
                (Assertion::Accusation(a), Topic::Act(t)) => a.act == t.id,
                (Assertion::Position(p), Topic::Proposition(t)) => p.proposition == t.id,
                _ => false,
            })
            .collect();
        let col_entries = stance_entries(&on_topic, &|c| keys(ds, c, by).0);
        let voices = stance_entries(&on_topic, &|c| keys(ds, c, by).1);
        let mut cells = vec![Vec::new(); columns.len()];
        for e in col_entries {
            if let Some(&i) = col_index.get(e.key.as_str()) {
                cells[i].push(e);
            }
        }
        let verdict = match &topic {
            Topic::Proposition(p) if p.kind == PropositionKind::Appeal => Verdict::Appeal,
            Topic::Act(_) => accusation_verdict(ds, &voices, by),
            Topic::Proposition(p) => position_verdict(ds, p, &voices, &affirmed),
        };
        statements.push(StatementRow {
            topic,
            cells,
            voices,
            verdict,
        });
    }

    Comparison {
        event,
        options,
        columns,
        figures,
        statements,
        claims_used: claims.len(),
    }
}

fn columns(ds: &Dataset, event: &Event, claims: &[&Claim], by: Grouping) -> Vec<Column> {
    let mut ids: Vec<String> = Vec::new();
    for c in claims {
        let k = keys(ds, c, by).0;
        if !ids.contains(&k) {
            ids.push(k);
        }
    }
    let side_rank = |party: Option<&str>| {
        party
            .and_then(|p| event.sides.iter().position(|s| s == p))
            .unwrap_or(event.sides.len() + usize::from(party.is_none()))
    };
    let mut cols: Vec<Column> = ids
        .into_iter()
        .map(|id| match by {
            Grouping::Source => {
                let s = ds.source(&id);
                Column {
                    name: s.map_or(id.clone(), |s| s.name.clone()),
                    party: s.and_then(|s| s.party.clone()),
                    id,
                }
            }
            Grouping::Party => {
                let p = ds.party(&id);
                Column {
                    name: p.map_or_else(
                        || ds.source(&id).map_or(id.clone(), |s| s.name.clone()),
                        |p| p.name.clone(),
                    ),
                    party: p.map(|p| p.id.clone()),
                    id,
                }
            }
        })
        .collect();
    // Stable: the sides first in their order, then third parties, then the unaffiliated.
    cols.sort_by_key(|c| side_rank(c.party.as_deref()));
    cols
}

fn accusation_verdict(ds: &Dataset, voices: &[StanceEntry], by: Grouping) -> Verdict {
    let party_of_voice = |k: &str| -> Option<String> {
        match by {
            Grouping::Source => ds.party_of(k).map(str::to_string),
            Grouping::Party => Some(
                ds.party(k)
                    .map_or_else(|| ds.party_of(k).unwrap_or(k).to_string(), |p| p.id.clone()),
            ),
        }
    };
    let acc = |e: &StanceEntry| match &e.claim.assertion {
        Assertion::Accusation(a) => Some(a.clone()),
        _ => None,
    };
    let mut found: Option<ConflictDetail> = None;
    for i in 0..voices.len() {
        for j in i + 1..voices.len() {
            let (a, b) = (&voices[i], &voices[j]);
            if a.key == b.key {
                continue;
            }
            let (Some(x), Some(y)) = (acc(a), acc(b)) else {
                continue;
            };
            let kind = if x.accused == y.accused && x.denies != y.denies {
                Some((
                    ConflictKind::AffirmDeny,
                    format!("{} affirms, {} denies", a.key, b.key),
                ))
            } else if !x.denies && !y.denies && x.accused != y.accused {
                let mirror = party_of_voice(&a.key).as_deref() == Some(y.accused.as_str())
                    && party_of_voice(&b.key).as_deref() == Some(x.accused.as_str());
                let times = match (&x.at, &y.at) {
                    (Some(t1), Some(t2)) if t1 != t2 => format!(" (times differ: {t1} vs {t2})"),
                    _ => String::new(),
                };
                Some(if mirror {
                    (
                        ConflictKind::Mirror,
                        format!("each blames the other{times}"),
                    )
                } else {
                    (
                        ConflictKind::Contradictory,
                        format!(
                            "{} blames {}, {} blames {}{times}",
                            a.key, x.accused, b.key, y.accused
                        ),
                    )
                })
            } else {
                None
            };
            if let (Some((kind, gap)), None) = (kind, &found) {
                found = Some(ConflictDetail {
                    first: i,
                    second: j,
                    kind,
                    gap,
                });
            }
        }
    }
    settle(found, voices)
}

fn position_verdict<'a>(
    ds: &Dataset,
    p: &Proposition,
    voices: &[StanceEntry<'a>],
    affirmed: &HashMap<&str, Vec<(String, &'a Claim)>>,
) -> Verdict {
    let stance = |e: &StanceEntry| match &e.claim.assertion {
        Assertion::Position(x) => Some(x.stance),
        _ => None,
    };
    for i in 0..voices.len() {
        for j in i + 1..voices.len() {
            if voices[i].key != voices[j].key && stance(&voices[i]) != stance(&voices[j]) {
                let (aff, den) = if stance(&voices[i]) == Some(Stance::Affirms) {
                    (i, j)
                } else {
                    (j, i)
                };
                return Verdict::Conflict(ConflictDetail {
                    first: aff,
                    second: den,
                    kind: ConflictKind::AffirmDeny,
                    gap: format!("{} affirms, {} denies", voices[aff].key, voices[den].key),
                });
            }
        }
    }
    // Exclusion works both ways: P excludes Q, or Q names P.
    let rivals: Vec<&str> = ds
        .propositions
        .iter()
        .filter(|q| q.id != p.id && (p.excludes.contains(&q.id) || q.excludes.contains(&p.id)))
        .map(|q| q.id.as_str())
        .collect();
    for (i, v) in voices.iter().enumerate() {
        if stance(v) != Some(Stance::Affirms) {
            continue;
        }
        for q in &rivals {
            if let Some((other, _)) = affirmed
                .get(q)
                .and_then(|l| l.iter().find(|(k, _)| *k != v.key))
            {
                return Verdict::Conflict(ConflictDetail {
                    first: i,
                    second: i,
                    kind: ConflictKind::Exclusive,
                    gap: format!(
                        "{} affirms this; {other} affirms “{}”, which excludes it",
                        v.key,
                        ds.proposition(q).map_or(*q, |x| x.text.as_str())
                    ),
                });
            }
        }
    }
    settle(None, voices)
}

fn settle(found: Option<ConflictDetail>, voices: &[StanceEntry]) -> Verdict {
    if let Some(d) = found {
        return Verdict::Conflict(d);
    }
    let mut keys: Vec<&str> = voices.iter().map(|v| v.key.as_str()).collect();
    keys.dedup();
    match keys.len() {
        0 | 1 => Verdict::SingleSource,
        n => Verdict::Consistent { voices: n },
    }
}

/// The reconciled figure of a row under a rule, as text.
pub fn reconcile(row: &FigureRow, rule: Reconcile) -> String {
    let heads: Vec<u64> = row.voices.iter().map(|v| v.value.headline()).collect();
    if heads.is_empty() {
        return String::new();
    }
    match rule {
        Reconcile::Conservative => heads
            .iter()
            .min()
            .map(|m| m.to_string())
            .unwrap_or_default(),
        Reconcile::Range => {
            let ivs: Vec<Interval> = row.voices.iter().map(|v| v.value.interval()).collect();
            let low = ivs.iter().map(|i| i.low).min().unwrap_or(0);
            let high = if ivs.iter().any(|i| i.high.is_none()) {
                "∞".to_string()
            } else {
                ivs.iter()
                    .filter_map(|i| i.high)
                    .max()
                    .unwrap_or(0)
                    .to_string()
            };
            let mut sorted = heads.clone();
            sorted.sort_unstable();
            let best = sorted[(sorted.len() - 1) / 2];
            format!("{low} / {best} / {high}")
        }
    }
}
