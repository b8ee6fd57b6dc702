//! Columns and voices: which column a claim sits in, and whose voice it counts as.

use super::Grouping;
use crate::model::{Claim, Dataset, Event};

#[derive(Debug, Clone)]
pub struct Column {
    pub id: String,
    pub name: String,
    pub party: Option<String>,
}

/// A claim's column key and voice key under a grouping: a relayed claim sits
/// in its relay's column but counts as its originator's voice.
pub(super) fn keys(ds: &Dataset, c: &Claim, by: Grouping) -> (String, String) {
    match by {
        Grouping::Source => (c.source.clone(), c.voice().to_string()),
        Grouping::Party => {
            let group = |s: &str| ds.party_of(s).unwrap_or(s).to_string();
            (group(&c.source), group(c.voice()))
        }
    }
}

/// The party a voice key speaks for under a grouping.
pub(super) fn party_of_key(ds: &Dataset, key: &str, by: Grouping) -> Option<String> {
    match by {
        Grouping::Source => ds.party_of(key).map(str::to_string),
        Grouping::Party => Some(ds.party(key).map_or_else(
            || ds.party_of(key).unwrap_or(key).to_string(),
            |p| p.id.clone(),
        )),
    }
}

/// Puts each entry into the cell of its column (`key` names the column).
pub(super) fn into_cells<E>(
    columns: &[Column],
    entries: Vec<E>,
    key: impl Fn(&E) -> &str,
) -> Vec<Vec<E>> {
    let mut cells: Vec<Vec<E>> = columns.iter().map(|_| Vec::new()).collect();
    for e in entries {
        if let Some(i) = columns.iter().position(|c| c.id == key(&e)) {
            cells[i].push(e);
        }
    }
    cells
}

/// One column per key, the sides first in their order, then third parties,
/// then the unaffiliated; within each, by id (an order no file name or claim
/// position can change).
pub(super) fn columns(ds: &Dataset, event: &Event, claims: &[&Claim], by: Grouping) -> Vec<Column> {
    let mut ids: Vec<String> = Vec::new();
    for c in claims {
        let k = keys(ds, c, by).0;
        if !ids.contains(&k) {
            ids.push(k);
        }
    }
    let side_rank = |party: Option<&str>| {
        party
            .and_then(|p| event.sides.iter().position(|s| s == p))
            .unwrap_or(event.sides.len() + usize::from(party.is_none()))
    };
    let mut cols: Vec<Column> = ids.into_iter().map(|id| column(ds, id, by)).collect();
    cols.sort_by(|a, b| {
        let rank = |c: &Column| side_rank(c.party.as_deref());
        rank(a).cmp(&rank(b)).then_with(|| a.id.cmp(&b.id))
    });
    cols
}

fn column(ds: &Dataset, id: String, by: Grouping) -> Column {
    match by {
        Grouping::Source => {
            let s = ds.source(&id);
            Column {
                name: s.map_or(id.clone(), |s| s.name.clone()),
                party: s.and_then(|s| s.party.clone()),
                id,
            }
        }
        Grouping::Party => {
            let p = ds.party(&id);
            Column {
                name: p.map_or_else(
                    || ds.source(&id).map_or(id.clone(), |s| s.name.clone()),
                    |p| p.name.clone(),
                ),
                party: p.map(|p| p.id.clone()),
                id,
            }
        }
    }
}
