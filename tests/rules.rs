//! Property tests of the comparison rules (README, "Comparison rules"), on
//! figures built for them: two voices' figures, compared as `compare` does.

use claims::compare::pairs::{compare, Outcome};
use claims::compare::FigureValue;
use claims::model::quantity::{Interval, Quantity};
use claims::model::when::parse_when;
use claims::model::{Assertion, Channel, Claim, Figure, QuoteKind, Required};
use proptest::prelude::*;

fn any_quantity() -> impl Strategy<Value = Quantity> {
    prop_oneof![
        (0u64..10_000).prop_map(|n| Quantity::Exact(n.into())),
        (0u64..10_000).prop_map(|n| Quantity::AtLeast(n.into())),
        (0u64..10_000).prop_map(|n| Quantity::AtMost(n.into())),
        (0u64..10_000).prop_map(|n| Quantity::MoreThan(n.into())),
        (0u64..10_000).prop_map(|n| Quantity::Nearly(n.into())),
        (0u64..10_000).prop_map(|n| Quantity::About(n.into())),
        (0u64..10_000, 0u64..10_000).prop_map(|(a, b)| Quantity::Range {
            low: a.min(b).into(),
            high: a.max(b).into()
        }),
        (0u64..500, proptest::option::of(0u64..5_000)).prop_map(|(low, extra)| Quantity::Vague {
            word: "word".into(),
            interval: Interval {
                low: low.into(),
                high: extra.map(|e| (low + e).into())
            },
        }),
    ]
}

fn figure_claim(id: &str, said: &str, q: Quantity) -> Claim {
    Claim::new(Required {
        id: id.into(),
        event: "e".into(),
        source: id.into(),
        said: parse_when(said).expect("a date"),
        via: Channel::Statement,
        document: "d".into(),
        quote: "q".into(),
        quote_kind: QuoteKind::Verbatim,
        language: "en".into(),
        assertion: Assertion::Figure(Figure {
            party: "p".into(),
            parties: vec!["p".into()],
            category: None,
            breakdown: Vec::new(),
            metric: "killed".into(),
            quantity: q,
            as_of: None,
            since: None,
            readings: Vec::new(),
            stated_in: None,
            either: Vec::new(),
            cause: None,
            including: false,
            unit: None,
        }),
        seq: 0,
    })
}

fn value(c: &Claim) -> FigureValue<'_> {
    match &c.assertion {
        Assertion::Figure(f) => FigureValue::Stated(c, f),
        _ => unreachable!("built as a figure"),
    }
}

fn pair(a: &Quantity, b: &Quantity, days: (&str, &str), cumulative: bool) -> Outcome {
    let (x, y) = (
        figure_claim("x", days.0, a.clone()),
        figure_claim("y", days.1, b.clone()),
    );
    compare(&value(&x), &value(&y), cumulative)
}

const DAYS: [&str; 3] = ["2022-09-12", "2022-09-13", "2022-09-20"];

proptest! {
    #[test]
    fn a_figure_never_conflicts_with_itself(q in any_quantity(), d in 0usize..3, cumulative: bool) {
        let o = pair(&q, &q, (DAYS[d], DAYS[d]), cumulative);
        prop_assert!(!matches!(o, Outcome::Conflict { .. } | Outcome::Gap { .. }), "{o:?}");
    }

    #[test]
    fn the_outcome_is_symmetric(a in any_quantity(), b in any_quantity(), d1 in 0usize..3, d2 in 0usize..3, cumulative: bool) {
        let ab = pair(&a, &b, (DAYS[d1], DAYS[d2]), cumulative);
        let ba = pair(&b, &a, (DAYS[d2], DAYS[d1]), cumulative);
        prop_assert_eq!(ab, ba);
    }

    #[test]
    fn at_one_moment_figures_conflict_exactly_when_disjoint(a in any_quantity(), b in any_quantity(), cumulative: bool) {
        let o = pair(&a, &b, (DAYS[1], DAYS[1]), cumulative);
        let disjoint = !a.interval().overlaps(&b.interval());
        prop_assert_eq!(matches!(o, Outcome::Conflict { .. }), disjoint, "{:?}", o);
    }

    #[test]
    fn a_vague_word_never_conflicts_with_a_figure_inside_it(low in 0u64..500, width in 0u64..500, at in 0u64..500) {
        let vague = Quantity::Vague { word: "w".into(), interval: Interval::between(low, low + width) };
        let inside = Quantity::Exact((low + at.min(width)).into());
        let o = pair(&vague, &inside, (DAYS[1], DAYS[1]), false);
        prop_assert!(!matches!(o, Outcome::Conflict { .. }), "{o:?}");
    }

    #[test]
    fn a_growing_count_may_grow_but_never_shrink(n in 1u64..100_000, more in 0u64..100_000) {
        // Earlier below later: consistent. Earlier above a later exact total: conflict.
        let o = pair(&Quantity::Exact((n).into()), &Quantity::Exact((n + more).into()), (DAYS[0], DAYS[2]), true);
        prop_assert_eq!(o, Outcome::Agree);
        let o = pair(&Quantity::Exact((n + more + 1).into()), &Quantity::Exact((n).into()), (DAYS[0], DAYS[2]), true);
        prop_assert!(matches!(o, Outcome::Conflict { .. }), "{o:?}");
    }

    #[test]
    fn counts_that_can_shrink_are_not_weighed_across_moments(a in any_quantity(), b in any_quantity()) {
        let o = pair(&a, &b, (DAYS[0], DAYS[2]), false);
        prop_assert!(matches!(o, Outcome::NotComparable(_)), "{o:?}");
    }

    #[test]
    fn at_least_is_consistent_with_any_larger_exact_figure_nearby(n in 1u64..1_000_000, extra in 0u64..1_000_000) {
        let small = extra.min(n - 1);
        let o = pair(&Quantity::AtLeast((n).into()), &Quantity::Exact((n + small).into()), (DAYS[1], DAYS[1]), false);
        prop_assert_eq!(o, Outcome::Agree);
        let o = pair(&Quantity::AtLeast((n + 1).into()), &Quantity::Exact((n).into()), (DAYS[1], DAYS[1]), false);
        prop_assert!(matches!(o, Outcome::Conflict { .. }), "{o:?}");
    }

    #[test]
    fn a_derived_sum_is_the_sum_of_its_parts(a in any_quantity(), b in any_quantity()) {
        let (x, y) = (a.interval(), b.interval());
        let s = x.add(&y);
        prop_assert_eq!(s.low, x.low.saturating_add(y.low));
        match (x.high, y.high) {
            (Some(p), Some(q)) => prop_assert_eq!(s.high, Some(p.saturating_add(q))),
            _ => prop_assert_eq!(s.high, None),
        }
    }

    #[test]
    fn every_form_contains_its_headline_figure(q in any_quantity()) {
        let (iv, n) = (q.interval(), q.headline());
        prop_assert!(iv.low <= n && iv.high.is_none_or(|h| h >= n), "{q:?}");
    }
}
