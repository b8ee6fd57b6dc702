//! Two voices' figures on one row, compared like with like: at the same
//! moment (or, for counts that only grow, in time order) and for the same
//! scope. The README's "Comparison rules" describe each outcome.

use super::derived::FigureValue;
use super::supersede::Span;
use crate::model::quantity::{Amount, Interval};
use crate::model::when::When;

/// What the pairwise rules read of a value, worked out once per voice: a
/// row's verdict weighs every pair, so nothing here is recomputed per pair.
#[derive(Debug, Clone, Copy)]
pub struct Facts<'a> {
    pub since: Option<&'a When>,
    pub moment: Span,
    pub interval: Interval,
    pub stated: Option<(Amount, Amount)>,
    pub partial: bool,
    /// It gives a number, not a word such as "some" (see [`FigureValue::is_numeric`]).
    pub numeric: bool,
    /// For a sum, the floor its growing parts keep forward in time.
    pub floor: Option<Amount>,
}

impl<'a> Facts<'a> {
    pub fn of(v: &FigureValue<'a>) -> Self {
        Facts::at(v, v.moment())
    }

    /// The facts of a value standing at `moment` (see [`super::event_end`]).
    pub fn at(v: &FigureValue<'a>, moment: Span) -> Self {
        Facts {
            since: v.since(),
            moment,
            interval: v.interval(),
            stated: v.stated(),
            partial: v.is_partial(),
            numeric: v.is_numeric(),
            floor: None,
        }
    }

    /// The same facts with a sum's growing floor.
    pub fn with_floor(self, floor: Option<Amount>) -> Self {
        Facts { floor, ..self }
    }
}

/// Stated figures this many times apart are a gap worth naming, even where
/// the intervals allow both ("up to 60" against 15).
pub const GAP: f64 = 2.0;

/// Why two figures cannot be weighed against each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Incomparable {
    /// Counts that can shrink, said to stand at different moments.
    DifferentMoments,
    /// One counts this event, the other a running total since some date.
    DifferentScopes,
    /// Two running totals counted from different start dates.
    DifferentPeriods,
    /// A sum with a part its voice did not give: a floor, not a figure put
    /// forward, so only a disjoint interval says anything. (Named before
    /// `OpenEnded` when a row has both: it is about the figure compared.)
    Incomplete,
    /// Neither has an upper bound, so any two counts agree.
    OpenEnded,
    /// Counts that can shrink at different moments, the later one at or
    /// above what the earlier sum's growing parts had reached (90 killed,
    /// then 180 killed or missing): compatible, no more can be said.
    AboveGrowingFloor,
    /// Two sums of per-party figures on a row of several parties: each
    /// party's figures are weighed on its own row, not a second time.
    WeighedPerParty,
}

/// What two figures amount to.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Outcome {
    /// They cannot both be true; `ratio` is the smallest ratio they allow.
    Conflict {
        ratio: f64,
    },
    /// Both can be true, but the figures put forward are `ratio` apart.
    Gap {
        ratio: f64,
    },
    Agree,
    NotComparable(Incomparable),
}

/// How far apart two spans are: 1 when they overlap, else the higher's low
/// over the lower's high (infinite against zero).
fn ratio(a: (Amount, Amount), b: (Amount, Amount)) -> f64 {
    let (lower, higher) = if a.1 < b.0 { (a, b) } else { (b, a) };
    if lower.1 >= higher.0 {
        return 1.0;
    }
    higher.0.ratio(lower.1)
}

fn gap(a: Option<(Amount, Amount)>, b: Option<(Amount, Amount)>) -> Option<f64> {
    let r = ratio(a?, b?);
    (r >= GAP).then_some(r)
}

/// Two figures of a count at the same moment (or of unknown order).
fn same_moment(a: &Facts, b: &Facts) -> Outcome {
    let (ia, ib) = (a.interval, b.interval);
    if let Some(ratio) = ia.gap_ratio(&ib) {
        return Outcome::Conflict { ratio };
    }
    if ia.high.is_none() && ib.high.is_none() {
        return Outcome::NotComparable(Incomparable::OpenEnded);
    }
    if a.partial || b.partial {
        return Outcome::NotComparable(Incomparable::Incomplete);
    }
    match gap(a.stated, b.stated) {
        Some(ratio) => Outcome::Gap { ratio },
        None => Outcome::Agree,
    }
}

/// A count that only grows, said at an earlier and at a later moment: the
/// earlier may be below the later, never above it.
fn in_time_order(early: &Facts, late: &Facts) -> Outcome {
    let (ie, il) = (early.interval, late.interval);
    if let Some(high) = il.high.filter(|h| ie.low > *h) {
        return Outcome::Conflict {
            ratio: ie.low.ratio(high),
        };
    }
    if ie.high.is_none() && il.high.is_none() {
        return Outcome::NotComparable(Incomparable::OpenEnded);
    }
    if early.partial || late.partial {
        return Outcome::NotComparable(Incomparable::Incomplete);
    }
    // Only an earlier figure above a later one is a gap; below it is growth.
    let above = early.stated.zip(late.stated).filter(|(e, l)| e.0 > l.1);
    match above.and_then(|(e, l)| gap(Some(e), Some(l))) {
        Some(ratio) => Outcome::Gap { ratio },
        None => Outcome::Agree,
    }
}

/// A count that can shrink, at an earlier and a later moment: the earlier
/// sum's growing parts (killed, within "killed or missing") still set a floor.
fn floor_forward(early: &Facts, late: &Facts) -> Outcome {
    let Some(floor) = early.floor.filter(|f| *f > Amount::default()) else {
        return Outcome::NotComparable(Incomparable::DifferentMoments);
    };
    match late.interval.high {
        Some(high) if high < floor => Outcome::Conflict {
            ratio: floor.ratio(high),
        },
        _ => Outcome::NotComparable(Incomparable::AboveGrowingFloor),
    }
}

/// Compares two voices' figures on a row whose metric is `cumulative` or not.
pub fn compare(a: &FigureValue, b: &FigureValue, cumulative: bool) -> Outcome {
    compare_facts(&Facts::of(a), &Facts::of(b), cumulative)
}

/// [`compare`] on facts worked out beforehand.
pub fn compare_facts(a: &Facts, b: &Facts, cumulative: bool) -> Outcome {
    if a.since != b.since {
        let why = match (a.since, b.since) {
            (Some(_), Some(_)) => Incomparable::DifferentPeriods,
            _ => Incomparable::DifferentScopes,
        };
        return Outcome::NotComparable(why);
    }
    let (ma, mb) = (a.moment, b.moment);
    let ordered = if ma.1 < mb.0 {
        Some((a, b))
    } else if mb.1 < ma.0 {
        Some((b, a))
    } else {
        None
    };
    match ordered {
        None => same_moment(a, b),
        Some((early, late)) if cumulative => in_time_order(early, late),
        Some((early, late)) => floor_forward(early, late),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::testing::{figure, stated};
    use crate::model::quantity::{Interval, Quantity};
    use crate::model::when::parse_when;
    use crate::model::{Assertion, Claim};

    fn outcome(a: (&str, Quantity), b: (&str, Quantity), cumulative: bool) -> Outcome {
        let (x, y) = (figure("x", a.0, a.1), figure("y", b.0, b.1));
        compare(&stated(&x), &stated(&y), cumulative)
    }

    fn with(c: Claim, edit: impl Fn(&mut crate::model::Figure)) -> Claim {
        let mut c = c;
        if let Assertion::Figure(f) = &mut c.assertion {
            edit(f);
        }
        c
    }

    #[test]
    fn a_running_count_below_a_later_total_is_consistent_with_it() {
        // Day 2: "120 enemy soldiers killed"; after the ceasefire the enemy's own 900.
        let o = outcome(
            ("2022-09-13", Quantity::Exact(120.into())),
            ("2022-10-01", Quantity::Exact(900.into())),
            true,
        );
        assert_eq!(o, Outcome::Agree);
        // Either order of the arguments.
        let o = outcome(
            ("2022-10-01", Quantity::Exact(900.into())),
            ("2022-09-13", Quantity::Exact(120.into())),
            true,
        );
        assert_eq!(o, Outcome::Agree);
    }

    #[test]
    fn a_running_count_above_a_later_total_conflicts() {
        let o = outcome(
            ("2022-09-13", Quantity::Exact(1000.into())),
            ("2022-10-01", Quantity::Exact(500.into())),
            true,
        );
        assert_eq!(o, Outcome::Conflict { ratio: 2.0 });
    }

    #[test]
    fn the_same_counts_at_one_moment_conflict() {
        let o = outcome(
            ("2022-09-13", Quantity::Exact(120.into())),
            ("2022-09-13", Quantity::Exact(900.into())),
            true,
        );
        assert_eq!(o, Outcome::Conflict { ratio: 7.5 });
    }

    #[test]
    fn an_earlier_count_far_above_an_open_later_one_is_a_gap() {
        let hundreds = Quantity::Vague {
            word: "hundreds".into(),
            interval: Interval::between(200, 1999),
        };
        let o = outcome(
            ("2020-07-14", hundreds),
            ("2020-07-16", Quantity::AtLeast(4.into())),
            true,
        );
        assert_eq!(o, Outcome::Gap { ratio: 50.0 });
    }

    #[test]
    fn counts_that_can_shrink_compare_only_at_the_same_moment() {
        // Troops counted on 3 March and on 10 April: a build-up, not a disagreement.
        let o = outcome(
            ("2022-03-03", Quantity::Exact(2000.into())),
            ("2022-04-10", Quantity::Exact(9000.into())),
            false,
        );
        assert_eq!(o, Outcome::NotComparable(Incomparable::DifferentMoments));
        let o = outcome(
            ("2022-03-03", Quantity::Exact(2000.into())),
            ("2022-03-03", Quantity::Exact(9000.into())),
            false,
        );
        assert_eq!(o, Outcome::Conflict { ratio: 4.5 });
    }

    #[test]
    fn the_moment_a_count_stands_at_is_its_as_of_when_given() {
        // Said on 10 April of 3 March: the same moment as a count said on 3 March.
        let a = with(
            figure("a", "2022-04-10", Quantity::Exact(2000.into())),
            |f| {
                f.as_of = parse_when("2022-03-03").ok();
            },
        );
        let b = figure("b", "2022-03-03", Quantity::Exact(2000.into()));
        assert_eq!(compare(&stated(&a), &stated(&b), false), Outcome::Agree);
    }

    #[test]
    fn this_event_and_a_running_total_are_different_scopes() {
        let a = with(figure("a", "2022-09-14", Quantity::Exact(10.into())), |f| {
            f.since = parse_when("2020-11-10").ok();
        });
        let b = figure("b", "2022-09-14", Quantity::Exact(10.into()));
        let o = compare(&stated(&a), &stated(&b), true);
        assert_eq!(o, Outcome::NotComparable(Incomparable::DifferentScopes));
    }

    #[test]
    fn vague_words_that_set_no_size_make_no_gap() {
        let some = Quantity::Vague {
            word: "some".into(),
            interval: Interval::open(1),
        };
        let o = outcome(
            ("2021-11-16", some),
            ("2021-11-16", Quantity::Exact(70.into())),
            false,
        );
        assert_eq!(o, Outcome::Agree);
        let several = Quantity::Vague {
            word: "several".into(),
            interval: Interval::between(2, 9),
        };
        let o = outcome(
            ("2021-11-16", several),
            ("2021-11-16", Quantity::Exact(8.into())),
            false,
        );
        assert_eq!(o, Outcome::Agree);
    }

    #[test]
    fn the_gap_threshold_is_two() {
        let o = outcome(
            ("2021-11-16", Quantity::AtLeast(10.into())),
            ("2021-11-16", Quantity::Exact(19.into())),
            false,
        );
        assert_eq!(o, Outcome::Agree);
        let o = outcome(
            ("2021-11-16", Quantity::AtLeast(10.into())),
            ("2021-11-16", Quantity::Exact(20.into())),
            false,
        );
        assert_eq!(o, Outcome::Gap { ratio: 2.0 });
    }
}
