//! Retractions and corrections: a claim its own voice withdrew stops
//! counting. Its row still shows it, marked, so the history keeps the
//! retraction; a retraction said after `--as-of` is not yet known.

use std::collections::HashMap;

use crate::model::{Assertion, Claim};

/// Withdrawn claim id -> the claim that withdrew it (the earliest, when several did).
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
    }
    out
}

/// Moves the withdrawn items of `current` to the end of `earlier`; when
/// nothing current is left, returns the newest withdrawn item to show.
pub(super) fn settle<T>(
    current: &mut Vec<T>,
    earlier: &mut Vec<T>,
    is_withdrawn: impl Fn(&T) -> bool,
) -> Option<T> {
    let (gone, stay): (Vec<T>, Vec<T>) = current.drain(..).partition(|x| is_withdrawn(x));
    *current = stay;
    earlier.extend(gone);
    if current.is_empty() && earlier.last().is_some_and(&is_withdrawn) {
        return earlier.pop();
    }
    None
}
