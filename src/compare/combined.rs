//! A count of several parties' losses together ("20 killed on both sides")
//! is set beside the sum of each party's own official figures: a derived
//! voice of its own, in the column [`OWN_SUM`].

use super::columns::OWN_SUM;
use super::derived::{FigureValue, Part};
use super::figure_row::{FigureEntry, Index, RowKey};
use super::perspective::{of_claim, Perspective};
use super::scope::Scope;
use super::supersede::split;
use crate::model::{Claim, Figure};

/// The sum of each party's own current figures on the row's metric, when
/// the row counts several parties and at least one of them reported its own.
pub(super) fn own_sum<'a>(
    scope: &Scope<'a>,
    index: &Index<'a>,
    key: &RowKey,
) -> Option<FigureEntry<'a>> {
    let (ds, event, withdrawn) = (scope.ds, scope.event, &scope.withdrawn);
    if !key.0.contains('+') {
        return None;
    }
    let parts: Vec<Part<'a>> = key
        .0
        .split('+')
        .filter_map(|p| ds.party(p))
        .map(|p| {
            let row = (p.id.clone(), key.1.clone(), key.2.clone());
            // Each party's official figures only, whatever the grouping;
            // its current one across its organs (the latest said), several
            // only when the data cannot order them.
            let own: Vec<(&'a Claim, &'a Figure)> = index
                .get(&row)
                .into_iter()
                .flatten()
                .flat_map(|(_, l)| l.iter().copied())
                .filter(|(c, f)| !withdrawn.contains_key(c.id.as_str()) && f.since.is_none())
                .filter(|(c, _)| of_claim(ds, event, c, &p.id) == Perspective::Own)
                .collect();
            let own = split(own, |(c, _)| (super::supersede::said(c), c.id.as_str())).0;
            (p.name.as_str().into(), own)
        })
        .collect();
    if parts.iter().all(|(_, p)| p.is_empty()) {
        return None;
    }
    let value = FigureValue::derive(parts)?;
    Some(FigureEntry {
        key: OWN_SUM.to_string(),
        speaker: None,
        moment: super::event_end::moment(ds, event, &value),
        floor: super::event_end::growing_floor(ds, &value),
        value,
        perspective: Perspective::Own,
        earlier: Vec::new(),
        unordered: 0,
        superseded: false,
        withdrawn: None,
    })
}
