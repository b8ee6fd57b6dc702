//! Property tests of the comparison rules (README, "Comparison rules").

use claims::compare::{figure_verdict, Conflict, Verdict};
use claims::model::quantity::{Interval, Quantity};
use proptest::prelude::*;

fn quantity() -> impl Strategy<Value = Quantity> {
    prop_oneof![
        (0u64..10_000).prop_map(Quantity::Exact),
        (0u64..10_000).prop_map(Quantity::AtLeast),
        (0u64..10_000).prop_map(Quantity::AtMost),
        (0u64..10_000).prop_map(Quantity::About),
        (0u64..10_000, 0u64..10_000).prop_map(|(a, b)| Quantity::Range {
            low: a.min(b),
            high: a.max(b)
        }),
        (0u64..500, proptest::option::of(0u64..5_000)).prop_map(|(low, extra)| Quantity::Vague {
            word: "word".into(),
            interval: Interval {
                low,
                high: extra.map(|e| low + e)
            },
        }),
    ]
}

fn describe(v: &Verdict) -> String {
    match v {
        Verdict::Conflict(d) => match d.conflict {
            Conflict::Figures { ratio } => format!("conflict {ratio}"),
            _ => "conflict".to_string(),
        },
        other => other.name().to_string(),
    }
}

proptest! {
    #[test]
    fn a_claim_never_conflicts_with_itself(q in quantity()) {
        let iv = q.interval();
        let v = figure_verdict(&[iv, iv]);
        prop_assert!(!v.is_conflict());
        prop_assert!(iv.overlaps(&iv));
    }

    #[test]
    fn the_verdict_does_not_depend_on_column_order(qs in proptest::collection::vec(quantity(), 1..6), rot in 0usize..6) {
        let ivs: Vec<Interval> = qs.iter().map(Quantity::interval).collect();
        let mut rotated = ivs.clone();
        rotated.rotate_left(rot % ivs.len());
        let mut reversed = ivs.clone();
        reversed.reverse();
        let a = describe(&figure_verdict(&ivs));
        prop_assert_eq!(&a, &describe(&figure_verdict(&rotated)));
        prop_assert_eq!(&a, &describe(&figure_verdict(&reversed)));
    }

    #[test]
    fn a_derived_sum_is_the_sum_of_its_parts(a in quantity(), b in quantity()) {
        let (x, y) = (a.interval(), b.interval());
        let s = x.add(&y);
        prop_assert_eq!(s.low, x.low + y.low);
        match (x.high, y.high) {
            (Some(p), Some(q)) => prop_assert_eq!(s.high, Some(p + q)),
            _ => prop_assert_eq!(s.high, None),
        }
    }

    #[test]
    fn at_least_is_consistent_with_any_larger_exact_figure(n in 0u64..1_000_000, extra in 0u64..1_000_000) {
        let v = figure_verdict(&[Quantity::AtLeast(n).interval(), Quantity::Exact(n + extra).interval()]);
        prop_assert!(!v.is_conflict());
        let v = figure_verdict(&[Quantity::AtLeast(n + 1).interval(), Quantity::Exact(n).interval()]);
        prop_assert!(v.is_conflict());
    }

    #[test]
    fn disjoint_exact_figures_conflict_with_their_ratio(a in 1u64..100_000, b in 1u64..100_000) {
        prop_assume!(a != b);
        let v = figure_verdict(&[Interval::point(a), Interval::point(b)]);
        let Verdict::Conflict(d) = v else { panic!("a conflict") };
        let Conflict::Figures { ratio } = d.conflict else { panic!("figures") };
        prop_assert!((ratio - a.max(b) as f64 / a.min(b) as f64).abs() < 1e-9);
    }

    #[test]
    fn about_n_contains_n(n in 0u64..u64::MAX / 2) {
        let iv = Quantity::About(n).interval();
        prop_assert!(iv.low <= n && iv.high.is_none_or(|h| h >= n));
    }
}
