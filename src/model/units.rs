//! Units a figure may be stated in other than its metric's, and how they
//! convert: areas (m², ha, km²). A figure "50 ha" of a metric in km² is
//! weighed as 0.5 km² and shown as stated.

use super::quantity::{Interval, Quantity};
use super::Amount;

/// A unit's dimension and its size in that dimension's smallest unit.
fn size(unit: &str) -> Option<(&'static str, u128)> {
    Some(match unit.trim() {
        "m²" | "m2" | "sq m" | "square metres" | "square meters" => ("area", 1),
        "ha" | "hectares" => ("area", 10_000),
        "km²" | "km2" | "sq km" | "square kilometres" | "square kilometers" => ("area", 1_000_000),
        _ => return None,
    })
}

/// The factor (numerator, denominator) from one unit to another, when both
/// measure one dimension; `None` when they do not convert.
pub fn factor(from: &str, to: &str) -> Option<(u128, u128)> {
    let ((a, n), (b, d)) = (size(from)?, size(to)?);
    (a == b).then_some((n, d))
}

/// The units that convert, for a hint.
pub const CONVERTIBLE: &str = "m², ha and km² convert into one another";

fn scale_interval(iv: Interval, (n, d): (u128, u128)) -> Interval {
    Interval {
        low: iv.low.scaled(n, d),
        high: iv.high.map(|h| h.scaled(n, d)),
    }
}

/// A quantity in another unit, each amount it names converted.
pub fn convert(q: &Quantity, f: (u128, u128)) -> Quantity {
    let s = |a: &Amount| a.scaled(f.0, f.1);
    match q {
        Quantity::Exact(a) => Quantity::Exact(s(a)),
        Quantity::AtLeast(a) => Quantity::AtLeast(s(a)),
        Quantity::AtMost(a) => Quantity::AtMost(s(a)),
        Quantity::MoreThan(a) => Quantity::MoreThan(s(a)),
        Quantity::LessThan(a) => Quantity::LessThan(s(a)),
        Quantity::MoreThanMeasure(a) => Quantity::MoreThanMeasure(s(a)),
        Quantity::LessThanMeasure(a) => Quantity::LessThanMeasure(s(a)),
        Quantity::Nearly(a) => Quantity::Nearly(s(a)),
        Quantity::About(a) => Quantity::About(s(a)),
        Quantity::Range { low, high } => Quantity::Range {
            low: s(low),
            high: s(high),
        },
        Quantity::AboutRange { low, high } => Quantity::AboutRange {
            low: s(low),
            high: s(high),
        },
        Quantity::Vague { word, interval } => Quantity::Vague {
            word: word.clone(),
            interval: scale_interval(*interval, f),
        },
        Quantity::More { by, total } => Quantity::More {
            by: s(by),
            total: total.map(|t| scale_interval(t, f)),
        },
    }
}
