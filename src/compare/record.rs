//! Claims against the record (issue 26): what was documented afterwards
//! on a figure row, and how each voice's figure stands to it. A record is
//! never a voice: it adds lines, and changes no verdict between claims.

use serde::Serialize;

use crate::model::quantity::Interval;
use crate::model::record::Basis;
use crate::model::when::Moment;
use crate::model::{Amount, Assertion, Claim, Dataset, Figure};

/// A documented count and the records that make it: one, or one per
/// part of a composite ("killed or wounded": the named dead plus the
/// wounded counted).
#[derive(Debug, Clone)]
pub struct Bound<'a, T> {
    pub value: T,
    pub records: Vec<&'a Claim>,
}

impl<'a, T> Bound<'a, T> {
    fn one(value: T, r: &'a Claim) -> Self {
        Bound {
            value,
            records: vec![r],
        }
    }

    /// The last instant its records may have been made.
    pub fn done_by(&self) -> crate::model::when::Instant {
        let ends = self.records.iter().map(|r| r.said.span().1);
        ends.max().unwrap_or_default()
    }
}

/// What was documented of one row: its strongest floor and, where a record
/// states one, its total.
#[derive(Debug, Clone, Default)]
pub struct Documented<'a> {
    /// The highest count some record shows at least (named dead, bodies
    /// handed over), with the records showing it.
    pub floor: Option<Bound<'a, Amount>>,
    /// The most recent stated total (an investigation's count, an
    /// admission), with its records.
    pub total: Option<Bound<'a, Interval>>,
    /// Every record of the row, in data order.
    pub records: Vec<&'a Claim>,
}

/// How one voice's figure stands to the record.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(tag = "against_record", rename_all = "kebab-case")]
pub enum AgainstRecord {
    /// Nothing documented on the row.
    NoRecord,
    /// Its highest reading is below what the record shows at least (or its
    /// stated total): an undercount.
    Below { record: Amount },
    /// The same, of a count that only grows, said before the record: what
    /// was known that day, not a contradiction.
    BelowLater { record: Amount },
    /// Its lowest reading is above the documented total.
    Exceeds { ratio: f64 },
    /// It fits the documented total, or is the documented floor itself.
    Matches,
    /// A party's own figure that its own named list equals.
    Documented,
    /// It may be the documented floor, or more, with no total to weigh it by.
    FitsFloor,
    /// Above the documented floor, with no total to weigh it by.
    AboveFloor { ratio: f64 },
}

/// The records of a row's (party, metric, category), in data order. A
/// composite's (killed or wounded) floor is its parts' floors added up,
/// and its total their totals when every part has one.
pub fn of_row<'a>(
    ds: &'a Dataset,
    event: &str,
    (party, metric, category): (&str, &str, Option<&str>),
    as_of: Option<&Moment>,
) -> Documented<'a> {
    let mut doc = direct(ds, event, (party, metric, category), as_of);
    let Some(m) = ds.metric(metric).filter(|m| !m.parts.is_empty()) else {
        return doc;
    };
    let parts: Vec<Documented> = m
        .parts
        .iter()
        .map(|p| direct(ds, event, (party, p, category), as_of))
        .collect();
    // Each part's floor, or the low end of its stated total (39 wounded
    // counted by an investigation): the parts are counted apart, so they add.
    let floors = parts.iter().filter_map(|p| {
        let total = p.total.as_ref().map(|t| (t.value.low, &t.records));
        let floor = p.floor.as_ref().map(|f| (f.value, &f.records));
        floor.into_iter().chain(total).max_by_key(|(v, _)| *v)
    });
    let mut sum: Option<Bound<Amount>> = None;
    for (value, records) in floors {
        let b = sum.get_or_insert(Bound {
            value: Amount::default(),
            records: Vec::new(),
        });
        b.value = b.value.saturating_add(value);
        b.records.extend(records.iter().copied());
    }
    if let Some(sum) = sum.filter(|s| doc.floor.as_ref().is_none_or(|f| s.value > f.value)) {
        doc.floor = Some(sum);
    }
    if doc.total.is_none() && parts.iter().all(|p| p.total.is_some()) {
        let mut value = Interval::point(Amount::default());
        let mut records = Vec::new();
        for t in parts.iter().filter_map(|p| p.total.as_ref()) {
            value = value.add(&t.value);
            records.extend(t.records.iter().copied());
        }
        doc.total = Some(Bound { value, records });
    }
    for p in parts {
        doc.records.extend(p.records);
    }
    doc
}

/// The records stated of the row's own metric.
fn direct<'a>(
    ds: &'a Dataset,
    event: &str,
    (party, metric, category): (&str, &str, Option<&str>),
    as_of: Option<&Moment>,
) -> Documented<'a> {
    let mut doc = Documented::default();
    let known = ds
        .records_of_event(event)
        .filter(|r| as_of.is_none_or(|m| r.said.known_by(m)));
    for r in known {
        let (Assertion::Figure(f), Some(d)) = (&r.assertion, &r.record) else {
            continue;
        };
        if f.party != party || f.metric != metric || f.category.as_deref() != category {
            continue;
        }
        doc.records.push(r);
        let iv = f.quantity.interval();
        // A total with no upper end ("at least 32") shows only a floor.
        if d.basis.is_floor() || iv.high.is_none() {
            if doc.floor.as_ref().is_none_or(|b| iv.low > b.value) {
                doc.floor = Some(Bound::one(iv.low, r));
            }
        } else if doc
            .total
            .as_ref()
            .is_none_or(|b| !r.said.before(&b.records[0].said))
        {
            doc.total = Some(Bound::one(iv, r));
        }
    }
    doc
}

impl Documented<'_> {
    /// How a figure read as `iv` stands to this record. `own_list`: the
    /// figure is its party's own and that party's named list is the floor.
    /// `grew`: a count that only grows, said before the record it falls
    /// below (the toll of the first day against the final list).
    pub fn weigh(
        &self,
        iv: Interval,
        own_list: bool,
        grew: &dyn Fn(crate::model::when::Instant) -> bool,
    ) -> AgainstRecord {
        let below = |bound: Amount, done: crate::model::when::Instant| {
            if grew(done) {
                AgainstRecord::BelowLater { record: bound }
            } else {
                AgainstRecord::Below { record: bound }
            }
        };
        if let Some(b) = &self.floor {
            if iv.high.is_some_and(|h| h < b.value) {
                return below(b.value, b.done_by());
            }
        }
        if let Some(b) = &self.total {
            let total = b.value;
            return match (total.high, iv.high) {
                (Some(th), _) if iv.low > th => AgainstRecord::Exceeds {
                    ratio: iv.low.ratio(th),
                },
                (_, Some(h)) if h < total.low => below(total.low, b.done_by()),
                _ => AgainstRecord::Matches,
            };
        }
        match self.floor.as_ref().map(|b| b.value) {
            None => AgainstRecord::NoRecord,
            Some(f) if iv.high == Some(f) && iv.low == f && own_list => AgainstRecord::Documented,
            Some(f) if iv.high == Some(f) && iv.low == f => AgainstRecord::Matches,
            Some(f) if iv.low <= f => AgainstRecord::FitsFloor,
            Some(f) => AgainstRecord::AboveFloor {
                ratio: iv.low.ratio(f),
            },
        }
    }
}

/// Who documented a record, seen from the voice whose figure is graded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Documenter {
    /// The claimant's own side (its named dead, its own investigation).
    ClaimantSide,
    /// The side against the claimant's: a handover or admission by the
    /// other side, or the loss-bearer's own list confirming the enemy's count.
    OtherSide,
    /// A side of the event, when the claimant stands on none (a third party).
    ASide,
    /// Neither belligerent: independent or international.
    Neither,
}

/// The side a voice speaks for: a party's key (`--by party|side`) or a
/// source's party, a proxy on the side it is aligned with.
pub fn side_of_voice<'a>(ds: &'a Dataset, key: &'a str) -> Option<&'a str> {
    let base = key.split('#').next().unwrap_or(key);
    let party = if ds.party(base).is_some() {
        Some(base)
    } else {
        ds.party_of(base)
    };
    party.map(|p| ds.side_of(p))
}

/// Who documented `record`, seen from a claimant on side `claimant`: a
/// side of the event is the claimant's or the other; anyone else (a third
/// state, an NGO, an international body) is neither belligerent.
pub fn documenter(ds: &Dataset, record: &Claim, claimant: Option<&str>) -> Documenter {
    let sides = ds
        .event(&record.event)
        .map_or(&[][..], |e| e.sides.as_slice());
    let is_side = |p: &str| sides.iter().any(|s| s == p);
    let by = ds
        .party_of(&record.source)
        .map(|p| ds.side_of(p))
        .filter(|p| is_side(p));
    match (by, claimant.filter(|c| is_side(c))) {
        (None, _) => Documenter::Neither,
        (Some(_), None) => Documenter::ASide,
        (Some(b), Some(c)) if b == c => Documenter::ClaimantSide,
        (Some(_), Some(_)) => Documenter::OtherSide,
    }
}

/// Whether `record` was made by the side bearing the loss it counts.
fn by_loss_bearer(ds: &Dataset, record: &Claim, figure: &Figure) -> bool {
    let by = ds.party_of(&record.source).map(|p| ds.side_of(p));
    by.is_some_and(|b| figure.parties.iter().any(|q| ds.side_of(q) == b))
}

/// Whether the floor is the row's party's own named list.
pub fn floor_is_own_list(ds: &Dataset, doc: &Documented) -> bool {
    doc.floor.as_ref().is_some_and(|b| {
        b.records.iter().all(|r| {
            let named = r
                .record
                .as_ref()
                .is_some_and(|d| d.basis == Basis::NamedList);
            match &r.assertion {
                Assertion::Figure(f) => named && by_loss_bearer(ds, r, f),
                _ => false,
            }
        })
    })
}
