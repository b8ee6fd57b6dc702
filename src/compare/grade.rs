//! A grade beside every figure (issue 26), in the spirit of the Admiralty
//! code's information credibility: computed from the record, never typed,
//! each with the rule that gave it. The rules apply in the order of
//! [`RULES`]; the first that fits gives the grade.

use serde::Serialize;

use super::record::{documenter, AgainstRecord, Documented, Documenter};
use crate::model::quantity::Interval;
use crate::model::{Assertion, Claim, Dataset};

/// The scale: 1 to 6, as the Admiralty code words it.
pub const SCALE: [(u8, &str, &str); 6] = [
    (1, "confirmed", "the record confirms it: the other side's record (a handover, an admission, the loser's own list against the enemy's count), or two independent documenters"),
    (2, "probably true", "one independent documenter, or the claimant's side's own list or handover, matches it"),
    (3, "possibly true", "only the claimant's side's own count matches it; it is within 2× of a documented floor with no total; or it is a growing count said before the record"),
    (4, "doubtful", "more than 2× a documented floor, with no documented total, about another side's losses"),
    (5, "improbable", "contradicted by the record: below a documented floor or total, or above a documented total"),
    (6, "cannot be judged", "nothing documented on its row"),
];

/// The rules, in the order they are tried (docs/record.md lists them too).
pub const RULES: [&str; 10] = [
    "3 if it falls below a record completed after it was said, of a count that only grows or of the side's own losses (what was known that day)",
    "5 if its highest reading is below the documented floor or total (an undercount)",
    "5 if its lowest reading is above the documented total",
    "6 if nothing is documented on its row",
    "3 if it is the side's own toll, more than 2× the documented floor, and no total is documented",
    "4 if it is more than 2× the documented floor, not the side's own toll, and no total is documented",
    "3 if it is within 2× of the documented floor (or may be the floor) and no total is documented",
    "1 if a record that fits it was made by the side against the claimant's (a handover, an admission, the loser's own list confirming the enemy's count) or by two independent documenters",
    "2 if one independent documenter's record fits it, or the claimant's side's own list or handover does",
    "3 if only the claimant's side's own count (an investigation, an admission) fits it",
];

/// A figure's grade, with the rule that gave it in words.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Grade {
    pub grade: u8,
    pub rule: String,
}

impl Grade {
    fn new(grade: u8, rule: String) -> Grade {
        Grade { grade, rule }
    }

    /// "probably true", for the grade's number.
    pub fn label(&self) -> &'static str {
        SCALE.iter().find(|s| s.0 == self.grade).map_or("", |s| s.1)
    }
}

/// A documenter as a reader is told: its short name.
pub fn documenter_name<'a>(ds: &'a Dataset, r: &'a Claim) -> &'a str {
    ds.source(&r.source).map_or(r.source.as_str(), |s| {
        s.short_name.as_deref().unwrap_or(&s.name)
    })
}

/// "7", "at least 32", "20–30".
pub fn interval_text(iv: Interval) -> String {
    match iv.high {
        None => format!("at least {}", iv.low),
        Some(h) if h == iv.low => h.to_string(),
        Some(h) => format!("{}–{h}", iv.low),
    }
}

/// "7 (named, Az. MoD)": a record as a rule cites it.
fn cite(ds: &Dataset, r: &Claim, n: impl std::fmt::Display) -> String {
    let how = r.record.as_ref().map_or("", |d| d.basis.shown());
    format!("{n} ({how}, {})", documenter_name(ds, r))
}

/// A bound as a rule cites it: "7 (named, Az. MoD)", or for a composite
/// "17 (7 named, Az. MoD; 10 counted by an investigation, …)".
pub fn cite_bound<T: std::fmt::Display>(ds: &Dataset, value: T, records: &[&Claim]) -> String {
    match records {
        [one] => cite(ds, one, value),
        many => {
            let each: Vec<String> = many
                .iter()
                .map(|r| match &r.assertion {
                    Assertion::Figure(f) => cite(ds, r, interval_text(f.quantity.interval())),
                    _ => String::new(),
                })
                .collect();
            format!("{value} ({})", each.join("; "))
        }
    }
}

/// The records a figure below the record falls short of, cited.
fn bound(ds: &Dataset, doc: &Documented) -> String {
    let floor = doc
        .floor
        .as_ref()
        .map(|b| cite_bound(ds, b.value, &b.records));
    let total = doc
        .total
        .as_ref()
        .map(|b| cite_bound(ds, interval_text(b.value), &b.records));
    floor
        .into_iter()
        .chain(total)
        .collect::<Vec<_>>()
        .join("; ")
}

/// The grade of a figure read as `iv` that stands `against` the record `doc`.
/// `own`: the figure is the side's own report of its losses, which a floor
/// the other side documented (bodies handed over) does not make doubtful.
pub fn grade(
    ds: &Dataset,
    doc: &Documented,
    iv: Interval,
    against: AgainstRecord,
    (own, claimant): (bool, Option<&str>),
) -> Grade {
    by_bounds(ds, doc, against, own).unwrap_or_else(|| by_documenters(ds, doc, iv, claimant))
}

/// The rules that need only the bounds: an undercount, an excess, no
/// record, or a figure weighed against a floor alone.
fn by_bounds(ds: &Dataset, doc: &Documented, against: AgainstRecord, own: bool) -> Option<Grade> {
    let floor = || {
        doc.floor
            .as_ref()
            .map_or(String::new(), |b| cite_bound(ds, b.value, &b.records))
    };
    let (grade, why) = match against {
        AgainstRecord::Below { .. } => (
            5,
            format!("5: below what was documented, {}: an undercount", bound(ds, doc)),
        ),
        AgainstRecord::BelowLater { .. } => (
            3,
            format!(
                "3: below what was documented later, {}, of a count still being learned: what was known that day",
                bound(ds, doc)
            ),
        ),
        AgainstRecord::Exceeds { ratio } => {
            let total = doc.total.as_ref().map_or(String::new(), |b| {
                cite_bound(ds, interval_text(b.value), &b.records)
            });
            (5, format!("5: {} the documented total of {total}", times(ratio)))
        }
        AgainstRecord::NoRecord => (6, "6: nothing documented on its row".into()),
        AgainstRecord::AboveFloor { ratio } if ratio > 2.0 && !own => (
            4,
            format!("4: {} the documented floor of {}, no documented total", times(ratio), floor()),
        ),
        AgainstRecord::AboveFloor { ratio } if ratio > 2.0 => (
            3,
            format!(
                "3: the side's own toll, {} the documented floor of {}, no documented total",
                times(ratio),
                floor()
            ),
        ),
        AgainstRecord::AboveFloor { .. } => (
            3,
            format!("3: within 2× of the documented floor of {}, no documented total", floor()),
        ),
        AgainstRecord::FitsFloor => (
            3,
            format!("3: may be the documented floor of {} or more, no documented total", floor()),
        ),
        AgainstRecord::Matches | AgainstRecord::Documented => return None,
    };
    Some(Grade::new(grade, why))
}

/// The rules for a figure the record fits: by who documented what fits it,
/// seen from the claimant's side (`None`: a claimant on no side).
fn by_documenters(ds: &Dataset, doc: &Documented, iv: Interval, claimant: Option<&str>) -> Grade {
    let fits = doc.records.iter().filter(|r| match &r.assertion {
        Assertion::Figure(f) => f.quantity.interval().overlaps(&iv),
        _ => false,
    });
    let mut independent: Vec<&Claim> = Vec::new();
    let (mut adversary, mut own) = (None, None);
    for r in fits {
        match documenter(ds, r, claimant) {
            Documenter::OtherSide => adversary = adversary.or(Some(*r)),
            Documenter::ClaimantSide | Documenter::ASide => own = own.or(Some(*r)),
            Documenter::Neither if !independent.iter().any(|x| x.source == r.source) => {
                independent.push(r)
            }
            Documenter::Neither => {}
        }
    }
    let value = |r: &Claim| match &r.assertion {
        Assertion::Figure(f) => cite(ds, r, interval_text(f.quantity.interval())),
        _ => String::new(),
    };
    if let Some(r) = adversary {
        return Grade::new(1, format!("1: confirmed by the other side: {}", value(r)));
    }
    if let [a, b, ..] = independent.as_slice() {
        let why = format!(
            "1: confirmed by two independent documenters: {}; {}",
            value(a),
            value(b)
        );
        return Grade::new(1, why);
    }
    let own_named = own.filter(|r| r.record.as_ref().is_some_and(|d| d.basis.is_floor()));
    let (grade, why) = match (independent.first(), own_named, own) {
        (Some(i), Some(o), _) => (
            2,
            format!(
                "2: one independent documenter and the side's own list: {}; {}",
                value(i),
                value(o)
            ),
        ),
        (Some(i), None, _) => (2, format!("2: one independent documenter: {}", value(i))),
        (None, Some(o), _) => (2, format!("2: the side's own list: {}", value(o))),
        (None, None, Some(o)) => (3, format!("3: only the side's own count: {}", value(o))),
        (None, None, None) => (
            3,
            "3: fits the documented floor, no documented total".into(),
        ),
    };
    Grade::new(grade, why)
}

/// "4.1×"; "∞×" against a record of none.
pub fn times(ratio: f64) -> String {
    if !ratio.is_finite() {
        return "∞×".to_string();
    }
    format!("{:.1}×", (ratio * 10.0).floor() / 10.0)
}
