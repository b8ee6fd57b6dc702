//! A non-negative amount of people, things or a measure, held exactly.

use std::fmt;

/// A non-negative amount, held in billionths so that sums and comparisons
/// stay exact: 70 people, 3.5 km², 0.000012 km² (12 m²). Wide enough that
/// no sum of two counts a file can hold overflows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Amount(pub(crate) u128);

impl Amount {
    pub(crate) const SCALE: u128 = 1_000_000_000;
    /// How many decimals an amount keeps.
    pub const DECIMALS: usize = 9;

    /// A whole number.
    pub const fn whole(n: u64) -> Amount {
        Amount(n as u128 * Self::SCALE)
    }

    /// From thousandths (saturating).
    pub const fn milli(m: u128) -> Amount {
        Amount(m.saturating_mul(Self::SCALE / 1000))
    }

    /// A decimal given in a file, as written: `None` unless finite, not
    /// negative, below 10^15 and with at most [`Amount::DECIMALS`] decimals.
    /// Read from its shortest decimal form (what the file wrote), never by
    /// multiplying the binary float, so 0.1 is a tenth exactly.
    pub fn decimal(x: f64) -> Option<Amount> {
        if !x.is_finite() || !(0.0..1e15).contains(&x) {
            return None;
        }
        // -0.0 is zero.
        let text = (x + 0.0).to_string();
        let (whole, frac) = text.split_once('.').unwrap_or((&text, ""));
        if frac.len() > Self::DECIMALS {
            return None;
        }
        let whole: u128 = whole.parse().ok()?;
        let digits: u128 = if frac.is_empty() {
            0
        } else {
            frac.parse().ok()?
        };
        let frac = digits * 10u128.pow((Self::DECIMALS - frac.len()) as u32);
        Some(Amount(whole * Self::SCALE + frac))
    }

    /// This amount times `num / den`, as a change of unit needs (ha to
    /// km² is 1/100); below a billionth, rounded down.
    pub fn scaled(self, num: u128, den: u128) -> Amount {
        Amount(self.0.saturating_mul(num) / den.max(1))
    }

    pub fn is_whole(self) -> bool {
        self.0.is_multiple_of(Self::SCALE)
    }

    pub fn as_f64(self) -> f64 {
        self.0 as f64 / Self::SCALE as f64
    }

    pub fn saturating_add(self, other: Amount) -> Amount {
        Amount(self.0.saturating_add(other.0))
    }

    pub fn saturating_sub(self, other: Amount) -> Amount {
        Amount(self.0.saturating_sub(other.0))
    }

    pub fn checked_add(self, other: Amount) -> Option<Amount> {
        self.0.checked_add(other.0).map(Amount)
    }

    /// The largest amount below this one: the next whole number down for a
    /// whole amount ("less than 100" people is at most 99), else a
    /// thousandth; zero has none below it and stays zero.
    pub fn next_down(self) -> Amount {
        let step = if self.is_whole() { Self::SCALE } else { 1 };
        Amount(self.0.saturating_sub(step))
    }

    /// The smallest amount above this one: the next whole number for a
    /// whole amount ("more than 100" people is 101), else a thousandth.
    pub fn next_up(self) -> Amount {
        let step = if self.is_whole() { Self::SCALE } else { 1 };
        Amount(self.0.saturating_add(step))
    }

    /// The smallest amount above this one, of a measure: a billionth more.
    pub fn next_up_fine(self) -> Amount {
        Amount(self.0.saturating_add(1))
    }

    /// The largest amount below this one, of a measure: a billionth less.
    pub fn next_down_fine(self) -> Amount {
        Amount(self.0.saturating_sub(1))
    }

    /// How many times `self` is `other` (infinite against zero).
    pub fn ratio(self, other: Amount) -> f64 {
        if other.0 == 0 {
            f64::INFINITY
        } else {
            self.0 as f64 / other.0 as f64
        }
    }
}

impl From<u64> for Amount {
    fn from(n: u64) -> Self {
        Amount::whole(n)
    }
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (whole, frac) = (self.0 / Self::SCALE, self.0 % Self::SCALE);
        if frac == 0 {
            write!(f, "{whole}")
        } else {
            let digits = format!("{frac:09}");
            write!(f, "{whole}.{}", digits.trim_end_matches('0'))
        }
    }
}

/// Whole amounts as JSON integers (as before decimals existed), others as numbers with decimals.
impl serde::Serialize for Amount {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // JSON documents go through `serde_json::Value`, which holds no
        // integer past u64: a larger amount (a sum, a conversion into m²)
        // is written as a number with an exponent, never an error.
        match u64::try_from(self.0 / Self::SCALE) {
            Ok(n) if self.is_whole() => s.serialize_u64(n),
            _ => s.serialize_f64(self.as_f64()),
        }
    }
}
