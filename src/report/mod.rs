//! `claims report EVENT`: a complete, citable report of one event's
//! comparison, as Markdown to paste or as one self-contained HTML page with
//! an SVG chart.

pub mod chart;
pub mod html;
pub mod markdown;

use std::collections::BTreeSet;

use crate::cmd::compare::View;
use crate::model::{Dataset, Document};

/// The documents the compared claims were reported in, in first-cited order.
pub(crate) fn documents<'a>(ds: &'a Dataset, view: &View<'a>) -> Vec<&'a Document> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for c in ds.claims_of_event(&view.cmp.event.id) {
        if seen.insert(c.document.as_str()) {
            if let Some(d) = ds.document(&c.document) {
                out.push(d);
            }
        }
    }
    out
}

/// What the figure cells' marks mean, under every figures table.
pub const LEGEND: &str = "own = a party's report of its own losses; adv. = one side's claim about the other's; 3rd = third party; (reportedly) = hedged report";

/// "9 sources made 30 statements about this event; 3 conflicts stand between their accounts."
pub(crate) fn summary_sentence(view: &View) -> String {
    let n = view.notes.len();
    format!(
        "{} sources made {} statements about this event; {n} conflict{} between their accounts.",
        view.cmp.columns.len(),
        view.cmp.claims_used,
        if n == 1 { " stands" } else { "s stand" }
    )
}

/// "Overt Defense, “Title” (2021-11-17)".
pub(crate) fn document_line(d: &Document) -> String {
    let mut line = d.outlet.clone();
    if let Some(t) = &d.title {
        line.push_str(&format!(", “{t}”"));
    }
    if let Some(p) = &d.published {
        line.push_str(&format!(" ({p})"));
    }
    if let Some(r) = &d.relation {
        line.push_str(&format!(" [{r}]"));
    }
    line
}
