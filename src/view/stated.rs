//! One stated figure in words, with what a reader must know of it.

use crate::model::Claim;

/// One statement's figure with what a reader must know of it: its unit as
/// stated, what implies it, other readings, outlets, moment and scope.
pub fn stated_text(c: &Claim, f: &crate::model::Figure) -> String {
    // A figure stated in another unit shows its words, then the conversion.
    let mut text = match &f.stated_in {
        Some((unit, q, metric_unit)) => {
            // A word or an increment converts as the span it stands for.
            use crate::model::quantity::Quantity;
            let converted = match &f.quantity {
                Quantity::Vague { interval, .. } => Quantity::spanning(*interval).to_string(),
                Quantity::More { total: Some(t), .. } => {
                    format!("in all {}", Quantity::spanning(*t))
                }
                q => q.to_string(),
            };
            format!("{q} {unit} (= {converted} {metric_unit})")
        }
        None => f.quantity.to_string(),
    };
    let implied = c.implied_by.as_ref();
    if let Some(i) = implied.filter(|i| i.kind == crate::model::Derivation::Implied) {
        text.push_str(&format!(" (implied: affirms «{}»)", i.text));
    }
    if !c.with.is_empty() {
        text.push_str(&format!(" (joint statement with {})", c.with.join(", ")));
    }
    // Its parts by cause ("5 by fire; 1 by a mine") go with it.
    let causes: Vec<String> = f
        .breakdown
        .iter()
        .filter_map(|p| Some(format!("{} by {}", p.quantity, p.cause.as_deref()?)))
        .collect();
    if !causes.is_empty() {
        let more = if f.including {
            "; others not given"
        } else {
            ""
        };
        text.push_str(&format!(" ({}{more})", causes.join("; ")));
    }
    // Words that may count another metric say so on each row.
    if !f.either.is_empty() {
        let others: Vec<String> = f.either.iter().map(|m| m.replace('-', " ")).collect();
        text.push_str(&format!(" (or: {})", others.join("; ")));
    }
    text.push_str(&readings_note(f));
    // One statement, however many outlets carried it.
    if !c.reports.is_empty() {
        text.push_str(&format!(" ({} outlets)", c.reports.len() + 1));
    }
    for r in c.reports.iter().filter(|r| r.misreports.is_some()) {
        let how = r.misreports.as_deref().unwrap_or_default();
        text.push_str(&format!(" ({} misreports it: {how})", r.document));
    }
    // The moment and scope a count stands at, when they are not the usual.
    if let Some(w) = &f.as_of {
        text.push_str(&format!(" as of {w}"));
    }
    if let Some(w) = &f.since {
        text.push_str(&format!(" since {w}"));
    }
    text
}

/// " (reports differ: 70; up to 70)" when the outlets that carried a
/// statement word its figure differently (the figure is then the widest).
pub fn readings_note(f: &crate::model::Figure) -> String {
    if f.readings.is_empty() {
        return String::new();
    }
    // A few readings are named; a hostile file's thousands are counted.
    const NAMED: usize = 4;
    let mut each: Vec<String> = f
        .readings
        .iter()
        .take(NAMED)
        .map(ToString::to_string)
        .collect();
    if f.readings.len() > NAMED {
        each.push(format!("{} more", f.readings.len() - NAMED));
    }
    format!(" (reports differ: {})", each.join("; "))
}
