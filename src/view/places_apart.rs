//! Places named apart across rows: each row agrees with itself, yet one
//! row puts the clash in one village and another row in the next. Flagged
//! on every row concerned and once for the event; never a conflict, since
//! a clash along a border may have several sites.

use serde::Serialize;

use super::wording::metric_label;
use crate::compare::{Comparison, RowAt};
use crate::model::Dataset;

/// What a row is about, as the tables name it: "Armenia · killed".
pub fn row_subject(ds: &Dataset, cmp: &Comparison, at: RowAt) -> String {
    match at {
        RowAt::Figure(i) => cmp.figures.get(i).map_or_else(String::new, |r| {
            format!("{} · {}", ds.parties_name(&r.party), metric_label(r))
        }),
        RowAt::Statement(i) => cmp
            .statements
            .get(i)
            .map_or_else(String::new, |r| r.label().to_string()),
    }
}

/// The verdict cell's addition for a row naming a place the other rows do
/// not nest with: "; places apart across rows: Parukh here, Khramort elsewhere".
pub fn row_note(ds: &Dataset, cmp: &Comparison, at: RowAt) -> String {
    if !cmp.places_apart.iter().any(|p| p.rows.contains(&at)) {
        return String::new();
    }
    let (here, elsewhere): (Vec<_>, Vec<_>) =
        cmp.places_apart.iter().partition(|p| p.rows.contains(&at));
    let names = |ps: &[&crate::compare::PlaceApart]| {
        ps.iter()
            .map(|p| p.place.shown(ds))
            .collect::<Vec<_>>()
            .join(" / ")
    };
    let mut note = format!("; places apart across rows: {} here", names(&here));
    if !elsewhere.is_empty() {
        note += &format!(", {} elsewhere", names(&elsewhere));
    }
    note
}

/// One line for the event: each place with the rows naming it.
pub fn event_line(ds: &Dataset, cmp: &Comparison) -> Option<String> {
    if cmp.places_apart.is_empty() {
        return None;
    }
    let places: Vec<String> = cmp
        .places_apart
        .iter()
        .map(|p| {
            let rows: Vec<String> = p.rows.iter().map(|&r| row_subject(ds, cmp, r)).collect();
            format!("{} ({})", p.place.shown(ds), rows.join("; "))
        })
        .collect();
    Some(format!(
        "Places apart across rows: {}. The rows name places that do not lie within one another: one site named two ways, or several sites.",
        places.join(", ")
    ))
}

/// A place named apart, in the JSON comparison.
#[derive(Serialize)]
pub struct PlaceApartRecord {
    place: String,
    name: String,
    /// The rows naming it, as the tables name them.
    rows: Vec<String>,
}

pub fn records(ds: &Dataset, cmp: &Comparison) -> Vec<PlaceApartRecord> {
    cmp.places_apart
        .iter()
        .map(|p| PlaceApartRecord {
            place: p.place.id.clone(),
            name: p.place.shown(ds),
            rows: p.rows.iter().map(|&r| row_subject(ds, cmp, r)).collect(),
        })
        .collect()
}
