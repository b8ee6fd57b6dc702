//! The numbered conflicts: what, why, and every voice's statement with the
//! claims it rests on.

use super::wording::{
    conflict_label, figure_explanation, metric_label, perspective_label, stance_text,
    statement_explanation, value_text,
};
use crate::compare::{Comparison, Conflict, FigureEntry, StanceEntry, Verdict};
use crate::model::{Claim, Dataset};

/// One voice in a conflict.
pub struct Side<'a> {
    pub voice: String,
    /// What it says: "70 (adversary claim)", "accuses Azerbaijan".
    pub says: String,
    pub claims: Vec<&'a Claim>,
}

/// One conflict, ready to print.
pub struct Note<'a> {
    pub subject: String,
    pub kind: &'static str,
    pub explanation: String,
    pub sides: Vec<Side<'a>>,
}

fn figure_side<'a>(e: &FigureEntry<'a>) -> Side<'a> {
    Side {
        voice: e.key.clone(),
        says: format!(
            "{} ({})",
            value_text(&e.value),
            perspective_label(e.perspective)
        ),
        claims: e.value.claims(),
    }
}

fn stance_side<'a>(ds: &Dataset, e: &StanceEntry<'a>) -> Side<'a> {
    Side {
        voice: e.key.clone(),
        says: stance_text(ds, e.claim),
        claims: vec![e.claim],
    }
}

/// Every conflict of a comparison, figures first; exclusive positions put
/// both rows in conflict, so a pair is cited once.
pub fn notes<'a>(ds: &'a Dataset, cmp: &Comparison<'a>) -> Vec<Note<'a>> {
    let mut notes = Vec::new();
    for row in &cmp.figures {
        if let Verdict::Conflict(d) = &row.verdict {
            notes.push(Note {
                subject: format!("{} · {}", ds.party_name(&row.party), metric_label(row)),
                kind: conflict_label(&d.conflict),
                explanation: figure_explanation(&row.voices, d),
                sides: vec![
                    figure_side(&row.voices[d.first]),
                    figure_side(&row.voices[d.second]),
                ],
            });
        }
    }
    let mut cited: Vec<Vec<&str>> = Vec::new();
    for row in &cmp.statements {
        let Verdict::Conflict(d) = &row.verdict else {
            continue;
        };
        let mut sides = vec![stance_side(ds, &row.voices[d.first])];
        if let Conflict::Exclusive { rival, claim, .. } = &d.conflict {
            sides.push(Side {
                voice: claim.voice().to_string(),
                says: format!("affirms: {}", rival.text),
                claims: vec![*claim],
            });
        } else {
            sides.push(stance_side(ds, &row.voices[d.second]));
        }
        let mut ids: Vec<&str> = sides
            .iter()
            .flat_map(|s| s.claims.iter().map(|c| c.id.as_str()))
            .collect();
        ids.sort_unstable();
        if !cited.contains(&ids) {
            cited.push(ids);
            notes.push(Note {
                subject: row.label().to_string(),
                kind: conflict_label(&d.conflict),
                explanation: statement_explanation(&row.voices, d),
                sides,
            });
        }
    }
    notes
}
