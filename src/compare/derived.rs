//! A figure as a voice holds it: stated, or derived as the sum of the parts
//! of a composite metric (`killed` + `wounded` for `killed-or-wounded`), so
//! that like is compared with like.

use super::claim_order;
use crate::model::quantity::{Interval, Quantity};
use crate::model::when::When;
use crate::model::Claim;

#[derive(Debug, Clone)]
pub enum FigureValue<'a> {
    Stated(&'a Claim, &'a Quantity),
    /// The sum of the voice's latest parts; a missing part counts as [0, ∞).
    Derived {
        /// (part metric id, the voice's latest figure for it)
        parts: Vec<(&'a str, Option<(&'a Claim, &'a Quantity)>)>,
        interval: Interval,
        /// The newest part claim: a derived sum is as recent as it.
        newest: &'a Claim,
    },
}

impl<'a> FigureValue<'a> {
    /// Sums the parts; `None` when the voice gave none of them.
    pub(super) fn derive(parts: Vec<(&'a str, Option<(&'a Claim, &'a Quantity)>)>) -> Option<Self> {
        let newest = parts
            .iter()
            .filter_map(|(_, p)| p.map(|(c, _)| c))
            .max_by(|a, b| claim_order(a, b))?;
        let unknown = Interval { low: 0, high: None };
        let interval = parts.iter().fold(Interval::point(0), |acc, (_, p)| {
            acc.add(&p.map_or(unknown, |(_, q)| q.interval()))
        });
        Some(FigureValue::Derived {
            parts,
            interval,
            newest,
        })
    }

    pub fn interval(&self) -> Interval {
        match self {
            FigureValue::Stated(_, q) => q.interval(),
            FigureValue::Derived { interval, .. } => *interval,
        }
    }

    pub fn is_derived(&self) -> bool {
        matches!(self, FigureValue::Derived { .. })
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

    /// The claim that dates it: a derived sum is as recent as its newest part.
    pub fn dated_by(&self) -> &'a Claim {
        match self {
            FigureValue::Stated(c, _) => c,
            FigureValue::Derived { newest, .. } => newest,
        }
    }

    /// When it was (last) said, and the order in the data that breaks ties.
    pub(super) fn said(&self) -> (&'a When, u64) {
        let c = self.dated_by();
        (&c.said, c.seq)
    }

    /// The single figure put forward: the number named, or the low end of a
    /// range or vague word; a derived sum adds its parts' headlines.
    pub fn headline(&self) -> u64 {
        match self {
            FigureValue::Stated(_, q) => q.headline(),
            FigureValue::Derived { parts, .. } => parts
                .iter()
                .filter_map(|(_, p)| p.map(|(_, q)| q.headline()))
                .fold(0u64, u64::saturating_add),
        }
    }
}
