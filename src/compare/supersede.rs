//! Supersession without guessing: of one voice's statements on a row, the
//! current ones are those no other is certainly later than. Statements the
//! data cannot order (two said "2021-11-17", or "by 2021-11-18" against
//! "2021-11-17") all stay current; neither wins by file order.

use std::collections::HashMap;

use crate::model::when::Instant;
#[cfg(test)]
use crate::model::when::When;
use crate::model::Claim;

/// The first and last instants a statement may have been made at.
pub(crate) type Span = (Instant, Instant);

/// When a statement was made, and its place among its source's statements
/// of that one day (`order`, with the source: each numbers its own day).
pub(crate) type Said<'c> = (Span, Option<(&'c str, u16)>);

/// A claim's [`Said`].
pub(crate) fn said(c: &Claim) -> Said<'_> {
    (c.said.span(), c.order.map(|o| (c.source.as_str(), o)))
}

/// Splits statements into (current, earlier); both oldest first, ties by
/// id, so the result depends on what was said, not where it was written.
pub(super) fn split<T>(
    mut items: Vec<T>,
    key: impl Fn(&T) -> (Said<'_>, &str),
) -> (Vec<T>, Vec<T>) {
    items.sort_by(|a, b| {
        let ((sa, ia), (sb, ib)) = (key(a), key(b));
        sa.cmp(&sb).then_with(|| ia.cmp(ib))
    });
    // Certainly before some other statement: ends before the latest start,
    // or comes before another of the same day by `order` (the loader keeps
    // `order` to statements said on one day, so equal spans are one day).
    let latest_start = items.iter().map(|x| key(x).0 .0 .0).max();
    let mut last_of_day: HashMap<(Span, &str), u16> = HashMap::new();
    for x in &items {
        if let (span, Some((source, o))) = key(x).0 {
            let last = last_of_day.entry((span, source)).or_insert(o);
            *last = (*last).max(o);
        }
    }
    let superseded: Vec<bool> = items
        .iter()
        .map(|x| {
            let (span, order) = key(x).0;
            let later_that_day =
                order.is_some_and(|(source, o)| last_of_day.get(&(span, source)) > Some(&o));
            latest_start.is_some_and(|s| span.1 < s) || later_that_day
        })
        .collect();
    let (mut current, mut earlier) = (Vec::new(), Vec::new());
    for (x, old) in items.into_iter().zip(superseded) {
        if old {
            earlier.push(x);
        } else {
            current.push(x);
        }
    }
    (current, earlier)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::when::parse_when;

    fn split_ids(items: &[(&str, &str)]) -> (Vec<String>, Vec<String>) {
        let parsed: Vec<(When, String)> = items
            .iter()
            .map(|(w, id)| {
                (
                    parse_when(w).unwrap_or_else(|e| panic!("{e}")),
                    id.to_string(),
                )
            })
            .collect();
        let (c, e) = split(parsed, |(w, id)| ((w.span(), None), id.as_str()));
        let ids = |v: Vec<(When, String)>| v.into_iter().map(|x| x.1).collect();
        (ids(c), ids(e))
    }

    #[test]
    fn a_later_statement_supersedes_an_earlier_one() {
        let (current, earlier) = split_ids(&[("2022-09-14", "b"), ("2022-09-13", "a")]);
        assert_eq!((current, earlier), (vec!["b".into()], vec!["a".into()]));
    }

    #[test]
    fn statements_the_data_cannot_order_all_stay_current() {
        // "by 2021-11-17" may be the same day as "2021-11-17", or earlier.
        let (current, earlier) = split_ids(&[("2021-11-17", "x"), ("by 2021-11-17", "y")]);
        assert_eq!(current, vec!["y".to_string(), "x".to_string()]);
        assert!(earlier.is_empty());
        // "by 2021-11-18" does not outrank an exact 2021-11-17 either.
        let (current, _) = split_ids(&[("2021-11-17", "x"), ("by 2021-11-18", "y")]);
        assert_eq!(current.len(), 2);
    }

    #[test]
    fn the_result_does_not_depend_on_the_order_given() {
        let a = [
            ("2021-11-16", "p"),
            ("by 2021-11-17", "q"),
            ("2021-11-15", "r"),
        ];
        let mut b = a;
        b.reverse();
        assert_eq!(split_ids(&a), split_ids(&b));
    }
}
