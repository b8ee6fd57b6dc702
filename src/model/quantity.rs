//! Quantities as stated, and the intervals the comparison rules reason with.
//!
//! A claim says "70", "at least 4", "up to 70", "about 100", "10 to 20" or
//! "several". Each maps to a closed interval of whole numbers; an open top is
//! `None`. Two claims about the same thing conflict when their intervals are
//! disjoint (see the README's "Comparison rules").

use std::fmt;

/// What a source said, in its own terms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Quantity {
    Exact(u64),
    AtLeast(u64),
    AtMost(u64),
    /// "more than N": N + 1 or more.
    MoreThan(u64),
    /// "nearly N": a little under N, within the tolerance of "about".
    Nearly(u64),
    /// "about N": N within the tolerance of [`about_tolerance`].
    About(u64),
    Range {
        low: u64,
        high: u64,
    },
    /// A word from the vocabulary's vague-word table, with the interval it maps to.
    Vague {
        word: String,
        interval: Interval,
    },
}

/// A closed interval of counts; `high == None` means no upper bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Interval {
    pub low: u64,
    pub high: Option<u64>,
}

/// How far from N "about N" may be: a tenth of N, at least 1.
pub fn about_tolerance(n: u64) -> u64 {
    n.div_ceil(10).max(1)
}

impl Quantity {
    pub fn interval(&self) -> Interval {
        match self {
            Quantity::Exact(n) => Interval::point(*n),
            Quantity::AtLeast(n) => Interval {
                low: *n,
                high: None,
            },
            Quantity::AtMost(n) => Interval {
                low: 0,
                high: Some(*n),
            },
            Quantity::MoreThan(n) => Interval {
                low: n.saturating_add(1),
                high: None,
            },
            Quantity::Nearly(n) => Interval {
                low: n.saturating_sub(about_tolerance(*n)),
                high: Some(*n),
            },
            Quantity::About(n) => {
                let t = about_tolerance(*n);
                Interval {
                    low: n.saturating_sub(t),
                    high: n.checked_add(t),
                }
            }
            Quantity::Range { low, high } => Interval {
                low: *low,
                high: Some(*high),
            },
            Quantity::Vague { interval, .. } => *interval,
        }
    }

    /// The single figure a source put forward: the number it named, or the
    /// low end of a range or vague word. Used by the reconcile rules.
    pub fn headline(&self) -> u64 {
        match self {
            Quantity::Exact(n)
            | Quantity::AtLeast(n)
            | Quantity::AtMost(n)
            | Quantity::Nearly(n)
            | Quantity::About(n) => *n,
            // The least count "more than N" allows, so the figure lies in its interval.
            Quantity::MoreThan(n) => n.saturating_add(1),
            Quantity::Range { low, .. } => *low,
            Quantity::Vague { interval, .. } => interval.low,
        }
    }

    /// The form's name, as used in files and JSON.
    pub fn form(&self) -> &'static str {
        match self {
            Quantity::Exact(_) => "exact",
            Quantity::AtLeast(_) => "at_least",
            Quantity::AtMost(_) => "at_most",
            Quantity::MoreThan(_) => "more_than",
            Quantity::Nearly(_) => "nearly",
            Quantity::About(_) => "about",
            Quantity::Range { .. } => "range",
            Quantity::Vague { .. } => "vague",
        }
    }
}

impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Quantity::Exact(n) => write!(f, "{n}"),
            Quantity::AtLeast(n) => write!(f, "≥ {n}"),
            Quantity::AtMost(n) => write!(f, "up to {n}"),
            Quantity::MoreThan(n) => write!(f, "more than {n}"),
            Quantity::Nearly(n) => write!(f, "nearly {n}"),
            Quantity::About(n) => write!(f, "about {n}"),
            Quantity::Range { low, high } => write!(f, "{low}–{high}"),
            Quantity::Vague { word, .. } => write!(f, "{word}"),
        }
    }
}

impl Interval {
    pub fn point(n: u64) -> Self {
        Interval {
            low: n,
            high: Some(n),
        }
    }

    pub fn is_point(&self) -> bool {
        self.high == Some(self.low)
    }

    /// Whether some count satisfies both.
    pub fn overlaps(&self, other: &Interval) -> bool {
        let below = |a: &Interval, b: &Interval| a.high.is_some_and(|h| h < b.low);
        !below(self, other) && !below(other, self)
    }

    /// Sum of two intervals. Sums that pass u64::MAX saturate the low end and
    /// open the high end, so a huge sum never wraps round to a small one.
    pub fn add(&self, other: &Interval) -> Interval {
        Interval {
            low: self.low.saturating_add(other.low),
            high: match (self.high, other.high) {
                (Some(a), Some(b)) => a.checked_add(b),
                _ => None,
            },
        }
    }

    /// For two disjoint intervals, how many times the lower bound of the
    /// higher one exceeds the upper bound of the lower one: the smallest
    /// ratio the two claims allow. `None` when they overlap; infinite when
    /// the lower interval is exactly zero.
    ///
    /// ```
    /// use claims::model::quantity::{format_ratio, Interval, Quantity};
    /// // Yerevan's 70 against Baku's 7 + 10.
    /// let sum = Interval::point(7).add(&Interval::point(10));
    /// let ratio = Interval::point(70).gap_ratio(&sum);
    /// assert_eq!(ratio.map(format_ratio).as_deref(), Some("4.1×"));
    /// // "At least 4" is consistent with any larger exact figure.
    /// assert_eq!(Quantity::AtLeast(4).interval().gap_ratio(&Interval::point(9)), None);
    /// ```
    pub fn gap_ratio(&self, other: &Interval) -> Option<f64> {
        if self.overlaps(other) {
            return None;
        }
        let (lower, higher) = if self.high.is_some_and(|h| h < other.low) {
            (self, other)
        } else {
            (other, self)
        };
        let top = lower.high? as f64;
        Some(higher.low as f64 / top)
    }
}

impl fmt::Display for Interval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.high {
            Some(h) if h == self.low => write!(f, "{h}"),
            Some(h) => write!(f, "[{}, {h}]", self.low),
            None => write!(f, "[{}, ∞)", self.low),
        }
    }
}

/// "4.1×", or "∞×" against a zero.
pub fn format_ratio(r: f64) -> String {
    if r.is_infinite() {
        "∞×".to_string()
    } else if r >= 100.0 {
        format!("{r:.0}×")
    } else {
        format!("{r:.1}×")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seventy_against_seventeen_is_four_point_one() {
        let r = Interval::point(70).gap_ratio(&Interval::point(17));
        assert_eq!(r.map(format_ratio).as_deref(), Some("4.1×"));
    }

    #[test]
    fn about_has_a_tolerance() {
        assert_eq!(
            Quantity::About(100).interval(),
            Interval {
                low: 90,
                high: Some(110)
            }
        );
        assert_eq!(
            Quantity::About(0).interval(),
            Interval {
                low: 0,
                high: Some(1)
            }
        );
    }

    #[test]
    fn sums_near_the_limit_do_not_wrap() {
        let a = Interval::point(u64::MAX - 1);
        let s = a.add(&Interval::point(5));
        assert_eq!(s.low, u64::MAX);
        assert_eq!(s.high, None);
    }

    #[test]
    fn regression_more_than_headline_lies_in_its_interval() {
        // A reconciled "best" of 0 below a low of 1 came from "more than 0".
        let q = Quantity::MoreThan(0);
        assert_eq!(q.headline(), 1);
        assert_eq!(q.interval().low, 1);
        assert_eq!(q.to_string(), "more than 0");
    }

    #[test]
    fn zero_against_a_count_is_infinitely_apart() {
        let r = Interval::point(0).gap_ratio(&Interval::point(4));
        assert_eq!(r.map(format_ratio).as_deref(), Some("∞×"));
    }
}
