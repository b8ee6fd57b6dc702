//! Quantities as stated, and the intervals the comparison rules reason with.
//!
//! A claim says "70", "at least 4", "up to 70", "about 100", "10 to 20" or
//! "several". Each maps to a closed interval of [`Amount`]s (whole counts, or
//! measures with up to nine decimals: 3.5 km); an open top is `None`. Two
//! claims about the same thing conflict when their intervals are disjoint
//! (see the README's "Comparison rules").

use std::fmt;

pub use super::amount::Amount;

/// What a source said, in its own terms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Quantity {
    Exact(Amount),
    AtLeast(Amount),
    AtMost(Amount),
    /// "more than N": above N.
    MoreThan(Amount),
    /// "less than N", "under N": below N (never N itself).
    LessThan(Amount),
    /// "more than N" of a measure (km², hours): anything above N, however
    /// little; never the next whole number.
    MoreThanMeasure(Amount),
    /// "less than N" of a measure: anything below N.
    LessThanMeasure(Amount),
    /// "nearly N": a little under N, within the tolerance of "about".
    Nearly(Amount),
    /// "about N": N within the tolerance of [`about_tolerance`].
    About(Amount),
    Range {
        low: Amount,
        high: Amount,
    },
    /// "about 1,100–1,200": a range whose ends are each "about".
    AboutRange {
        low: Amount,
        high: Amount,
    },
    /// A word from the vocabulary's vague-word table, with the interval it maps to.
    Vague {
        word: String,
        interval: Interval,
    },
    /// "15 more": an increment on the speaker's previous figure of the
    /// same count, with the total it makes once every claim is known
    /// (at least `by` when the speaker gave none before); `None` until then.
    More {
        by: Amount,
        total: Option<Interval>,
    },
}

/// A closed interval of counts; `high == None` means no upper bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Interval {
    pub low: Amount,
    pub high: Option<Amount>,
}

/// How far from N "about N" may be: a tenth of N, rounded up to a whole
/// number and at least 1 for a whole N; a tenth of a decimal N (3.5 ± 0.35).
pub fn about_tolerance(n: Amount) -> Amount {
    let tenth = n.0.div_ceil(10);
    if n.is_whole() {
        Amount(tenth.div_ceil(Amount::SCALE).max(1) * Amount::SCALE)
    } else {
        Amount(tenth.max(1))
    }
}

impl Quantity {
    /// The plainest quantity of an interval: exactly N, up to N, at least
    /// N, or a range (for the widest of several outlets' readings).
    pub fn spanning(iv: Interval) -> Quantity {
        match iv.high {
            None => Quantity::AtLeast(iv.low),
            Some(h) if h == iv.low => Quantity::Exact(h),
            Some(h) if iv.low == Amount::default() => Quantity::AtMost(h),
            Some(high) => Quantity::Range { low: iv.low, high },
        }
    }

    pub fn interval(&self) -> Interval {
        match self {
            Quantity::Exact(n) => Interval::point(*n),
            Quantity::AtLeast(n) => Interval {
                low: *n,
                high: None,
            },
            Quantity::AtMost(n) => Interval {
                low: Amount::default(),
                high: Some(*n),
            },
            Quantity::MoreThanMeasure(n) => Interval {
                low: n.next_up_fine(),
                high: None,
            },
            Quantity::LessThanMeasure(n) => Interval {
                low: Amount::default(),
                high: Some(n.next_down_fine()),
            },
            Quantity::MoreThan(n) => Interval {
                low: n.next_up(),
                high: None,
            },
            Quantity::LessThan(n) => Interval {
                low: Amount::default(),
                high: Some(n.next_down()),
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
            Quantity::AboutRange { low, high } => Interval {
                low: low.saturating_sub(about_tolerance(*low)),
                high: high.checked_add(about_tolerance(*high)),
            },
            Quantity::Vague { interval, .. } => *interval,
            Quantity::More { by, total } => total.unwrap_or(Interval::open(*by)),
        }
    }

    /// The single figure a source put forward: the number it named, or the
    /// low end of a range or vague word. Used by the reconcile rules.
    pub fn headline(&self) -> Amount {
        match self {
            Quantity::Exact(n)
            | Quantity::AtLeast(n)
            | Quantity::AtMost(n)
            | Quantity::Nearly(n)
            | Quantity::About(n) => *n,
            // The least count "more than N" allows, so the figure lies in its interval.
            Quantity::MoreThan(n) => n.next_up(),
            Quantity::MoreThanMeasure(n) => n.next_up_fine(),
            Quantity::LessThanMeasure(n) => n.next_down_fine(),
            // The most "less than N" allows.
            Quantity::LessThan(n) => n.next_down(),
            Quantity::Range { low, .. } | Quantity::AboutRange { low, .. } => *low,
            Quantity::Vague { interval, .. } => interval.low,
            Quantity::More { .. } => self.interval().low,
        }
    }

    /// Whether every number it names is whole (a count of people must be).
    pub fn is_whole(&self) -> bool {
        match self {
            Quantity::Range { low, high } | Quantity::AboutRange { low, high } => {
                low.is_whole() && high.is_whole()
            }
            // "less than 3.5 km²" names a decimal, whatever the count below it.
            Quantity::LessThan(n) | Quantity::LessThanMeasure(n) => n.is_whole(),
            Quantity::Vague { .. } => true,
            Quantity::More { by, .. } => by.is_whole(),
            other => other.headline().is_whole(),
        }
    }
}

impl Quantity {
    /// The same words of a measure (a metric with decimals): "more than 1
    /// km²" is anything above 1, not 2 or more.
    pub fn of_a_measure(self) -> Quantity {
        match self {
            Quantity::MoreThan(n) => Quantity::MoreThanMeasure(n),
            Quantity::LessThan(n) => Quantity::LessThanMeasure(n),
            other => other,
        }
    }
}

impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Quantity::Exact(n) => write!(f, "{n}"),
            Quantity::AtLeast(n) => write!(f, "≥ {n}"),
            Quantity::AtMost(n) => write!(f, "up to {n}"),
            Quantity::MoreThan(n) | Quantity::MoreThanMeasure(n) => write!(f, "more than {n}"),
            Quantity::LessThan(n) | Quantity::LessThanMeasure(n) => write!(f, "less than {n}"),
            Quantity::Nearly(n) => write!(f, "nearly {n}"),
            Quantity::About(n) => write!(f, "about {n}"),
            Quantity::Range { low, high } => write!(f, "{low}–{high}"),
            Quantity::AboutRange { low, high } => write!(f, "about {low}–{high}"),
            Quantity::Vague { word, .. } => write!(f, "{word}"),
            Quantity::More { by, total: None } => write!(f, "{by} more"),
            Quantity::More { by, total: Some(t) } => {
                write!(f, "{by} more (in all {})", Quantity::spanning(*t))
            }
        }
    }
}

impl Interval {
    pub fn point(n: impl Into<Amount>) -> Self {
        let n = n.into();
        Interval {
            low: n,
            high: Some(n),
        }
    }

    /// [low, ∞).
    pub fn open(low: impl Into<Amount>) -> Self {
        Interval {
            low: low.into(),
            high: None,
        }
    }

    /// [low, high].
    pub fn between(low: impl Into<Amount>, high: impl Into<Amount>) -> Self {
        Interval {
            low: low.into(),
            high: Some(high.into()),
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

    /// Sum of two intervals. Sums past the largest amount saturate the low
    /// end and open the high end, so a huge sum never wraps round to a small one.
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
    /// assert_eq!(Quantity::AtLeast(4.into()).interval().gap_ratio(&Interval::point(9)), None);
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
        Some(higher.low.ratio(lower.high?))
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
    } else if r < 1.095 {
        // Disjoint but close: one decimal would print "1.0×", as if equal.
        format!("{r:.2}×")
    } else if r >= 100.0 {
        format!("{r:.0}×")
    } else {
        format!("{r:.1}×")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(f: fn(Amount) -> Quantity, n: u64) -> Quantity {
        f(Amount::whole(n))
    }

    #[test]
    fn seventy_against_seventeen_is_four_point_one() {
        let r = Interval::point(70).gap_ratio(&Interval::point(17));
        assert_eq!(r.map(format_ratio).as_deref(), Some("4.1×"));
    }

    #[test]
    fn about_has_a_tolerance() {
        assert_eq!(
            q(Quantity::About, 100).interval(),
            Interval::between(90, 110)
        );
        assert_eq!(q(Quantity::About, 0).interval(), Interval::between(0, 1));
        assert_eq!(q(Quantity::About, 5).interval(), Interval::between(4, 6));
        let decimal = Quantity::About(Amount::milli(3500));
        let iv = decimal.interval();
        assert_eq!(
            (iv.low.to_string(), iv.high.map(|h| h.to_string())),
            ("3.15".into(), Some("3.85".into()))
        );
    }

    #[test]
    fn sums_near_the_limit_do_not_wrap() {
        let a = Interval::point(Amount::milli(u128::MAX - 1));
        let s = a.add(&Interval::point(5));
        assert_eq!(s.low, Amount::milli(u128::MAX));
        assert_eq!(s.high, None);
    }

    #[test]
    fn regression_more_than_headline_lies_in_its_interval() {
        // A reconciled "best" of 0 below a low of 1 came from "more than 0".
        let more = q(Quantity::MoreThan, 0);
        assert_eq!(more.headline(), Amount::whole(1));
        assert_eq!(more.interval().low, Amount::whole(1));
        assert_eq!(more.to_string(), "more than 0");
    }

    #[test]
    fn zero_against_a_count_is_infinitely_apart() {
        let r = Interval::point(0).gap_ratio(&Interval::point(4));
        assert_eq!(r.map(format_ratio).as_deref(), Some("∞×"));
    }

    #[test]
    fn intervals_print_as_points_spans_and_open_ends() {
        assert_eq!(Interval::point(4).to_string(), "4");
        assert_eq!(Interval::between(200, 1999).to_string(), "[200, 1999]");
        assert_eq!(Interval::open(7).to_string(), "[7, ∞)");
        assert!(Interval::point(4).is_point());
        assert!(!Interval::between(4, 5).is_point());
        assert!(!Interval::open(4).is_point());
    }

    #[test]
    fn whole_figures_and_decimal_ones() {
        let half = Amount::milli(3500);
        assert!(Quantity::Exact(Amount::whole(3)).is_whole());
        assert!(!Quantity::Exact(half).is_whole());
        assert!(!Quantity::Range {
            low: half,
            high: Amount::whole(4)
        }
        .is_whole());
        assert!(!Quantity::Range {
            low: Amount::whole(3),
            high: half
        }
        .is_whole());
        assert!(Quantity::Range {
            low: Amount::whole(3),
            high: Amount::whole(4)
        }
        .is_whole());
    }

    #[test]
    fn regression_amounts_past_the_largest_integer_json_holds_still_serialize() {
        // Through `Value`, as every JSON document goes, u128 failed:
        // "number out of range" for 10^15 km² converted into m².
        let big = Amount::whole(u64::MAX).saturating_add(Amount::whole(1));
        let value = serde_json::to_value(big).ok();
        assert_eq!(
            value.as_ref().map(ToString::to_string).as_deref(),
            Some("1.8446744073709552e+19")
        );
        let max = Amount::whole(u64::MAX);
        assert_eq!(
            serde_json::to_value(max)
                .ok()
                .map(|v| v.to_string())
                .as_deref(),
            Some("18446744073709551615")
        );
        assert_eq!(big.to_string(), "18446744073709551616");
        let odd = Amount::milli(1500);
        assert_eq!(serde_json::to_string(&odd).ok().as_deref(), Some("1.5"));
    }

    #[test]
    fn measures_keep_their_decimals() {
        let km = Amount::milli(3500);
        assert_eq!(km.to_string(), "3.5");
        assert_eq!(
            Amount::decimal(0.125).map(|a| a.to_string()).as_deref(),
            Some("0.125")
        );
        assert_eq!(Amount::decimal(10.0), Some(Amount::whole(10)));
        assert_eq!(
            Amount::decimal(0.0005).map(|a| a.to_string()).as_deref(),
            Some("0.0005")
        );
        assert_eq!(
            Amount::decimal(1.23456).map(|a| a.to_string()).as_deref(),
            Some("1.23456")
        );
        assert_eq!(Amount::decimal(0.1234567891), None);
        assert_eq!(Amount::decimal(-1.0), None);
        assert_eq!(Amount::decimal(f64::NAN), None);
        // 3.5 km is 3.5 km, not 3500: against 4 km it is 1.1× apart.
        let r = Interval::point(Amount::whole(4)).gap_ratio(&Interval::point(km));
        assert_eq!(r.map(format_ratio).as_deref(), Some("1.1×"));
        assert_eq!(
            Quantity::MoreThan(km).interval().low.to_string(),
            "3.500000001"
        );
        assert_eq!(serde_json::to_string(&km).ok().as_deref(), Some("3.5"));
        assert_eq!(
            serde_json::to_string(&Amount::whole(70)).ok().as_deref(),
            Some("70")
        );
    }
}
