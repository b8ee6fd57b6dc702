//! A figure as a voice holds it: stated, or derived as the sum of the parts
//! of a composite metric (`killed` + `wounded` for `killed-or-wounded`), so
//! that like is compared with like.

use std::borrow::Cow;

use super::supersede::Span;
use crate::model::quantity::{Amount, Interval, Quantity};
use crate::model::when::When;
use crate::model::{Claim, Figure};

/// A part of a derived sum: the voice's current figures for it (several
/// when the data cannot order them; none when it gave none: `?`), named
/// as people read it ("killed", "wounded (soldiers)").
pub type Part<'a> = (Cow<'a, str>, Vec<(&'a Claim, &'a Figure)>);

#[derive(Debug, Clone)]
pub enum FigureValue<'a> {
    Stated(&'a Claim, &'a Figure),
    /// The sum of the voice's current parts; a missing part counts as [0, ∞).
    Derived {
        parts: Vec<Part<'a>>,
        interval: Interval,
        /// The newest part claim: a derived sum is as recent as it.
        newest: &'a Claim,
        /// A floor by design: what a metric `includes` ("lost" includes
        /// "destroyed"), whose other part is never given. Weighed as a
        /// floor, never as a sum missing a part.
        open: bool,
    },
}

/// The smallest interval holding all of them.
fn hull(ivs: impl Iterator<Item = Interval>) -> Option<Interval> {
    ivs.reduce(|a, b| Interval {
        low: a.low.min(b.low),
        high: a.high.zip(b.high).map(|(x, y)| x.max(y)),
    })
}

/// The figure a quantity puts forward, as a span: the number named, the
/// range or a bounded vague word's interval; `None` for a vague word that
/// sets no size ("some", "significant").
fn stated(q: &Quantity) -> Option<(Amount, Amount)> {
    match q {
        Quantity::Range { low, high } => Some((*low, *high)),
        Quantity::Vague { interval, .. } => interval.high.map(|h| (interval.low, h)),
        other => Some((other.headline(), other.headline())),
    }
}

/// The later of two spans, end first.
fn later(a: Span, b: Span) -> Span {
    (a.0.max(b.0), a.1.max(b.1))
}

impl<'a> FigureValue<'a> {
    /// Sums the parts; `None` when the voice gave none of them.
    pub(super) fn derive(parts: Vec<Part<'a>>) -> Option<Self> {
        let newest = parts
            .iter()
            .flat_map(|(_, p)| p.iter().map(|(c, _)| *c))
            .max_by(|a, b| super::claim_order(a, b))?;
        let unknown = Interval::open(0);
        let interval = parts.iter().fold(Interval::point(0), |acc, (_, p)| {
            let part = hull(p.iter().map(|(_, f)| f.quantity.interval()));
            acc.add(&part.unwrap_or(unknown))
        });
        Some(FigureValue::Derived {
            parts,
            interval,
            newest,
            open: false,
        })
    }

    /// A floor by design (see `open`): it never takes a stated total's place.
    pub fn is_open(&self) -> bool {
        matches!(self, FigureValue::Derived { open: true, .. })
    }

    /// The same sum as a floor by design (see `open`).
    pub(super) fn into_floor(self) -> Self {
        match self {
            FigureValue::Derived {
                parts,
                interval,
                newest,
                ..
            } => FigureValue::Derived {
                parts,
                interval,
                newest,
                open: true,
            },
            stated => stated,
        }
    }

    pub fn interval(&self) -> Interval {
        match self {
            FigureValue::Stated(_, f) => f.quantity.interval(),
            FigureValue::Derived { interval, .. } => *interval,
        }
    }

    pub fn is_derived(&self) -> bool {
        matches!(self, FigureValue::Derived { .. })
    }

    /// A derived sum with a part the voice did not give.
    pub fn is_partial(&self) -> bool {
        match self {
            FigureValue::Stated(..) => false,
            FigureValue::Derived { parts, open, .. } => {
                !open && parts.iter().any(|(_, p)| p.is_empty())
            }
        }
    }

    /// It gives a number: every figure behind it is one ("9", "about 9",
    /// "up to 9"), not a word ("some"), and a sum has all its parts.
    pub fn is_numeric(&self) -> bool {
        !self.is_partial()
            && self
                .figures()
                .iter()
                .all(|(_, f)| !matches!(f.quantity, Quantity::Vague { .. }))
    }

    /// The claims it rests on.
    pub fn claims(&self) -> Vec<&'a Claim> {
        match self {
            FigureValue::Stated(c, _) => vec![*c],
            FigureValue::Derived { parts, .. } => parts
                .iter()
                .flat_map(|(_, p)| p.iter().map(|(c, _)| *c))
                .collect(),
        }
    }

    /// Every stated figure behind it: itself, or a sum's parts.
    pub(super) fn figures(&self) -> Vec<(&'a Claim, &'a Figure)> {
        match self {
            FigureValue::Stated(c, f) => vec![(*c, *f)],
            FigureValue::Derived { parts, .. } => {
                parts.iter().flat_map(|(_, p)| p.iter().copied()).collect()
            }
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

    /// When it was said: a derived sum, when its newest part was.
    pub fn said(&self) -> Span {
        let spans = self.figures().into_iter().map(|(c, _)| c.said.span());
        spans.reduce(later).unwrap_or_default()
    }

    /// The moment the count stands at (`as_of`, else when it was said); for
    /// a derived sum, its newest part's.
    pub fn moment(&self) -> Span {
        let spans = self
            .figures()
            .into_iter()
            .map(|(c, f)| f.moment(&c.said).span());
        spans.reduce(later).unwrap_or_default()
    }

    /// Since when a running total counts; `None`: this event only.
    pub fn since(&self) -> Option<&'a When> {
        let newest = self.dated_by();
        let own = self
            .figures()
            .into_iter()
            .find(|(c, _)| std::ptr::eq(*c, newest));
        own.and_then(|(_, f)| f.since.as_ref())
    }

    /// The figure put forward, as a span (see [`stated`]); a derived sum adds
    /// its parts, each part's lowest; one missing a part puts none forward.
    pub fn stated(&self) -> Option<(Amount, Amount)> {
        match self {
            FigureValue::Stated(_, f) => stated(&f.quantity),
            FigureValue::Derived { parts, .. } => {
                let mut sum = (Amount::default(), Amount::default());
                for (_, p) in parts {
                    // A sum with a part not given puts forward no figure.
                    if p.is_empty() {
                        return None;
                    }
                    let lows = p.iter().map(|(_, f)| stated(&f.quantity));
                    if let Some(part) = lows.collect::<Option<Vec<_>>>()?.into_iter().min() {
                        sum = (sum.0.saturating_add(part.0), sum.1.saturating_add(part.1));
                    }
                }
                Some(sum)
            }
        }
    }
}
