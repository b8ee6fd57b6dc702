//! The numbered conflicts: what, why, and every voice that takes part, with
//! its current statement and the claims it rests on.

use super::explain::{conflict_label, figure_explanation, statement_explanation};
use super::wording::{metric_label, perspective_label, stance_text, value_text};
use crate::compare::{
    Comparison, Conflict, ConflictDetail, FigureEntry, StanceEntry, StatementRow, Verdict,
};
use crate::model::{Claim, Dataset};

/// One voice in a conflict.
pub struct Side<'a> {
    pub voice: String,
    /// What it says: "70 (adversary claim)", "accuses Azerbaijan".
    pub says: String,
    /// The same, shorter, for the one-line summary: "70".
    pub short: String,
    pub claims: Vec<&'a Claim>,
}

/// One conflict, ready to print.
pub struct Note<'a> {
    pub subject: String,
    pub kind: &'static str,
    pub explanation: String,
    /// How the sides differ, for the one-line summary: the gap of figures,
    /// the kind of a statement conflict (the sides say the rest).
    pub gist: String,
    pub sides: Vec<Side<'a>>,
}

impl Note<'_> {
    /// The conflict in one line: what, who against whom, and why:
    /// "Azerbaijan · killed or wounded: armenia 70 (adversary claim) vs
    /// azerbaijan-mod 7 + 10 = 17 (self-report): 4.1× apart; …".
    pub fn summary(&self) -> String {
        self.summary_naming(&|voice| voice.to_string())
    }

    /// [`Note::summary`] with each voice called by `name` (a report uses
    /// people's names: "Ministry of Defence of Armenia").
    pub fn summary_naming(&self, name: &dyn Fn(&str) -> String) -> String {
        const NAMED: usize = 3;
        // Each voice once: one the data cannot order reads "5 or 1".
        // Looked up, not searched for: a conflict may have thousands of sides.
        let mut voices: Vec<(&str, Vec<&str>)> = Vec::new();
        let mut at: std::collections::HashMap<&str, usize> = Default::default();
        for s in &self.sides {
            let i = *at.entry(&s.voice).or_insert_with(|| {
                voices.push((&s.voice, Vec::new()));
                voices.len() - 1
            });
            let says = &mut voices[i].1;
            // A few alternatives are named; a voice's thousands are not.
            if says.len() < NAMED && !says.contains(&s.short.as_str()) {
                says.push(&s.short);
            }
        }
        let mut sides: Vec<String> = voices
            .iter()
            .take(NAMED)
            .map(|(voice, says)| format!("{} {}", name(voice), says.join(" or ")))
            .collect();
        if voices.len() > NAMED {
            sides.push(format!("{} more", voices.len() - NAMED));
        }
        format!("{}: {} — {}", self.subject, sides.join(" vs "), self.gist)
    }
}

/// A figure's side of a conflict; `speaker` names who spoke within a
/// merged voice, when another side is of the same voice.
fn figure_side<'a>(e: &FigureEntry<'a>, speaker: bool) -> Side<'a> {
    Side {
        voice: match &e.speaker {
            Some(s) if speaker => format!("{}~{s}", e.key),
            _ => e.key.clone(),
        },
        says: format!(
            "{} ({})",
            value_text(&e.value),
            perspective_label(e.perspective)
        ),
        short: value_text(&e.value),
        claims: e.value.claims(),
    }
}

fn stance_side<'a>(ds: &Dataset, e: &StanceEntry<'a>, name_act: bool) -> Side<'a> {
    Side {
        voice: e.key.clone(),
        says: stance_text(ds, e.claim, name_act),
        short: stance_text(ds, e.claim, name_act),
        claims: vec![e.claim],
    }
}

/// The sides of a figure conflict, the pair named first (never folded into
/// "1 more"); a merged voice's speakers are named when two sides share it.
fn figure_sides<'a>(voices: &[FigureEntry<'a>], d: &ConflictDetail<'a>) -> Vec<Side<'a>> {
    let mut order = vec![d.first, d.second];
    order.extend(
        d.participants
            .iter()
            .filter(|&&i| i != d.first && i != d.second),
    );
    let shared = |i: usize| {
        order
            .iter()
            .filter(|&&j| voices[j].key == voices[i].key)
            .count()
            > 1
    };
    order
        .iter()
        .map(|&i| figure_side(&voices[i], shared(i)))
        .collect()
}

/// The sides of a statement conflict: every participant, then for an
/// exclusion the voices affirming the rival propositions.
fn statement_sides<'a>(
    ds: &Dataset,
    row: &StatementRow<'a>,
    d: &ConflictDetail<'a>,
) -> Vec<Side<'a>> {
    let shared = super::explain::shared_voices(&row.voices);
    let mut sides: Vec<Side> = d
        .participants
        .iter()
        .map(|&i| {
            let e = &row.voices[i];
            let mut side = stance_side(ds, e, row.acts_differ);
            if shared.contains(e.key.as_str()) {
                side.voice = e.who();
            }
            side
        })
        .collect();
    if let Conflict::Exclusive { rivals } = &d.conflict {
        sides.extend(rivals.iter().map(|r| Side {
            voice: r.voice.clone(),
            says: format!("affirms: {}", r.proposition.text),
            short: format!("affirms: {}", r.proposition.text),
            claims: vec![r.claim],
        }));
    }
    sides
}

/// Every conflict of a comparison, figures first; exclusive positions put
/// both rows in conflict, so a set of claims is cited once.
pub fn notes<'a>(ds: &'a Dataset, cmp: &Comparison<'a>) -> Vec<Note<'a>> {
    let mut notes = Vec::new();
    let naming = super::wording::Naming {
        ds,
        by: cmp.options.by,
    };
    for row in &cmp.figures {
        if let Verdict::Conflict(d) = &row.verdict {
            let explanation = figure_explanation(&row.voices, d);
            notes.push(Note {
                subject: format!("{} · {}", ds.parties_name(&row.party), metric_label(row)),
                kind: conflict_label(&d.conflict),
                gist: explanation.clone(),
                explanation,
                sides: figure_sides(&row.voices, d),
            });
        }
    }
    let mut cited: std::collections::HashSet<Vec<&str>> = std::collections::HashSet::new();
    for row in &cmp.statements {
        let Verdict::Conflict(d) = &row.verdict else {
            continue;
        };
        let sides = statement_sides(ds, row, d);
        let mut ids: Vec<&str> = sides
            .iter()
            .flat_map(|s| s.claims.iter().map(|c| c.id.as_str()))
            .collect();
        ids.sort_unstable();
        ids.dedup();
        if cited.insert(ids) {
            notes.push(Note {
                subject: row.label().to_string(),
                kind: conflict_label(&d.conflict),
                gist: conflict_label(&d.conflict).to_string(),
                explanation: statement_explanation(&row.voices, d, &naming),
                sides,
            });
        }
    }
    notes
}
