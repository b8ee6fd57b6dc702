//! Retractions and corrections: a claim its own voice withdrew stops
//! counting. Its row still shows it, marked, so the history keeps the
//! retraction; a retraction said after `--as-of` is not yet known.

use std::collections::HashMap;

use super::supersede::{split, Said};
use crate::model::{Assertion, Claim};

/// Withdrawn claim id -> the claim that withdrew it (the earliest, when
/// several did); a relay that misreports its origin, itself.
pub type Withdrawn<'a> = HashMap<&'a str, &'a Claim>;

/// The claims withdrawn among `claims`, which come in [`super::claim_order`].
pub(super) fn withdrawn<'a>(claims: &[&'a Claim]) -> Withdrawn<'a> {
    let mut out = Withdrawn::new();
    for c in claims {
        let target = match &c.assertion {
            Assertion::Retraction { of } => Some(of),
            _ => c.corrects.as_ref(),
        };
        if let Some(t) = target {
            out.entry(t.as_str()).or_insert(*c);
        }
        // A relay that misreports its origin is shown, marked, and never
        // counts: it stands withdrawn by itself.
        // So does a third party's sum of the parties' own figures: a
        // relay of their words, never a voice of its own.
        if c.misreports.is_some() || c.sum_of_own {
            out.entry(c.id.as_str()).or_insert(*c);
        }
    }
    // What a withdrawn position implied goes with it.
    for c in claims {
        let by = c
            .implied_by
            .as_ref()
            .and_then(|i| out.get(i.claim.as_str()).copied());
        if let Some(by) = by {
            out.entry(c.id.as_str()).or_insert(by);
        }
    }
    out
}

/// A voice's statements on a row as [`split`] orders them, leaving the
/// withdrawn ones out: a voice's latest statement it did not withdraw is
/// current (so a merged party's other organ, or the voice's own earlier
/// figure, stands again). The withdrawn go to `earlier`, in order; when
/// nothing is current, the newest withdrawn one is returned to show.
pub(super) fn split_live<T>(
    items: Vec<T>,
    key: impl Fn(&T) -> (Said<'_>, &str),
    is_withdrawn: impl Fn(&T) -> bool,
) -> (Vec<T>, Vec<T>, Option<T>) {
    let (gone, live): (Vec<T>, Vec<T>) = items.into_iter().partition(|x| is_withdrawn(x));
    let (current, mut earlier) = split(live, &key);
    earlier.extend(gone);
    earlier.sort_by(|a, b| {
        let ((sa, ia), (sb, ib)) = (key(a), key(b));
        sa.cmp(&sb).then_with(|| ia.cmp(ib))
    });
    let shown = match current.is_empty() {
        true => earlier
            .iter()
            .rposition(&is_withdrawn)
            .map(|i| earlier.remove(i)),
        false => None,
    };
    (current, earlier, shown)
}
