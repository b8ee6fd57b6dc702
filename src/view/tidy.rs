//! One column per fact, for analysis (`list --format csv|tsv|json`): the
//! earliest and latest moment a claim may have been said as sortable ISO
//! text, a figure's low and high ends as numbers, the act, the accused, the
//! proposition and stance each in a column of its own.

use crate::model::quantity::Amount;
use crate::model::when::{Instant, When};
use crate::model::{Assertion, Claim, Dataset, Stance};

/// An instant as ISO 8601 text, which sorts as it reads.
fn iso(i: Instant) -> String {
    let (y, mo, d, h, mi, s) = i;
    format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}")
}

/// The earliest moment `said` may be (none for "by DATE"), and the latest.
pub fn said_bounds(w: &When) -> (Option<String>, String) {
    let (start, end) = w.span();
    let earliest = match w {
        When::By(_) => None,
        When::At(_) | When::Between(..) | When::Around(_) => {
            let (y, mo, d, h, mi, s) = start;
            // A month or year alone begins on its first day.
            Some(iso((y, mo.max(1), d.max(1), h, mi, s)))
        }
    };
    (earliest, iso(end))
}

/// The facts of a claim's assertion, each `None` where it does not apply.
#[derive(Default)]
pub struct Facts<'a> {
    pub whose: Option<&'a str>,
    pub metric: Option<&'a str>,
    pub unit: Option<&'a str>,
    pub category: Option<&'a str>,
    pub breakdown: Option<String>,
    pub low: Option<Amount>,
    pub high: Option<Amount>,
    pub stated: Option<String>,
    pub as_of: Option<String>,
    pub since: Option<String>,
    pub act: Option<&'a str>,
    pub accused: Option<&'a str>,
    pub denies: Option<bool>,
    pub at: Option<String>,
    pub proposition: Option<&'a str>,
    pub stance: Option<&'static str>,
}

pub fn facts<'a>(ds: &'a Dataset, c: &'a Claim) -> Facts<'a> {
    match &c.assertion {
        Assertion::Figure(f) => {
            let iv = f.quantity.interval();
            Facts {
                whose: Some(&f.party),
                metric: Some(&f.metric),
                unit: ds.metric(&f.metric).map(|m| m.unit.as_str()),
                category: f.category.as_deref(),
                breakdown: (!f.breakdown.is_empty()).then(|| {
                    let parts: Vec<String> = f
                        .breakdown
                        .iter()
                        .map(|p| match (&p.category, &p.cause) {
                            (Some(c), _) => format!("{c}: {}", p.quantity),
                            (None, Some(cause)) => format!("by {cause}: {}", p.quantity),
                            (None, None) => format!("?: {}", p.quantity),
                        })
                        .collect();
                    // "Including 2 civilians": the parts not named are not given.
                    let more = if f.including {
                        "; others not given"
                    } else {
                        ""
                    };
                    format!("{}{more}", parts.join("; "))
                }),
                low: Some(iv.low),
                high: iv.high,
                stated: Some(f.stated()),
                as_of: f.as_of.as_ref().map(ToString::to_string),
                since: f.since.as_ref().map(ToString::to_string),
                ..Facts::default()
            }
        }
        Assertion::Accusation(a) => Facts {
            act: Some(&a.act),
            accused: a.accused.as_deref(),
            denies: Some(a.denies),
            at: a.at.as_ref().map(ToString::to_string),
            ..Facts::default()
        },
        Assertion::Position(p) => Facts {
            proposition: Some(&p.proposition),
            stance: Some(match p.stance {
                Stance::Affirms => "affirms",
                Stance::Denies => "denies",
            }),
            ..Facts::default()
        },
        Assertion::Retraction { .. } => Facts::default(),
    }
}
