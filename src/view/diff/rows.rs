//! A comparison's rows as `diff` weighs them: each keyed by what it is
//! about (never by its place in a file), with its verdict in a few words,
//! each column's figures or stances, and every claim it rests on.

use std::collections::{BTreeMap, BTreeSet};

use crate::compare::{Agreement, Comparison, Conflict, FigureRow, StatementRow, Verdict};
use crate::model::{Claim, Dataset, TRANSFER};
use crate::view::against_record::documented_note;
use crate::view::comparison::statement_kind;
use crate::view::explain::conflict_label;
use crate::view::perspective_words::perspective_short;
use crate::view::wording::{metric_label, stance_text, value_text};

/// One row of one side.
#[derive(Debug, Clone, PartialEq)]
pub struct RowState {
    /// `armenia · killed`, `accusation:started-fighting`: the same on both sides.
    pub key: String,
    /// `Armenia · killed`: for people.
    pub label: String,
    pub verdict: String,
    pub conflict: bool,
    /// Per column, what its current entries say.
    pub cells: BTreeMap<String, Vec<String>>,
    /// Every claim the row shows: current, earlier and withdrawing ones.
    pub claims: BTreeSet<String>,
}

/// "CONFLICT 3.2×", "consistent (agreed by both sides)", "single source":
/// the verdict without the wording that names voices, so that only a
/// change of substance reads as a change.
pub fn short_verdict(v: &Verdict) -> String {
    let ratio = |c: &Conflict| match c {
        Conflict::Figures { ratio, .. } => crate::compare::grade::times(*ratio),
        other => format!("({})", conflict_label(other)),
    };
    match v {
        Verdict::Conflict(d) => format!("CONFLICT {}", ratio(&d.conflict)),
        Verdict::Gap(d) => format!("far apart {}", ratio(&d.conflict)),
        Verdict::Consistent { agreement, .. } => match agreement {
            Agreement::Confirmed => "consistent (confirmed by both sides)",
            Agreement::BothSides => "consistent (agreed by both sides)",
            Agreement::Allied => "consistent (one side and its ally)",
            Agreement::Unattributed => "consistent (at most one named)",
            _ => "consistent",
        }
        .to_string(),
        Verdict::NotComparable(_) => "not comparable".to_string(),
        Verdict::SingleSource => "single source".to_string(),
        Verdict::Appeal => "appeal".to_string(),
        Verdict::Demand => "demand".to_string(),
        Verdict::Withdrawn => "withdrawn".to_string(),
    }
}

/// "Armenia + Azerbaijan", "Azerbaijan → Armenia": ids named.
fn parties(ds: &Dataset, whose: &str) -> String {
    let name = |id: &str| ds.party(id).map_or(id.to_string(), |p| p.name.clone());
    let each = |part: &str| {
        part.split(TRANSFER)
            .map(name)
            .collect::<Vec<_>>()
            .join(&format!(" {TRANSFER} "))
    };
    whose.split('+').map(each).collect::<Vec<_>>().join(" + ")
}

fn withdrawn(text: String, by: Option<&Claim>) -> String {
    match by {
        Some(c) => format!("{text} (withdrawn by {})", c.id),
        None => text,
    }
}

fn figure_row(ds: &Dataset, cmp: &Comparison, row: &FigureRow) -> RowState {
    let category = row
        .category
        .map_or(String::new(), |c| format!(" · {}", c.id));
    let mut cells = BTreeMap::new();
    let mut claims = BTreeSet::new();
    for (col, entries) in row.cells.with_columns(&cmp.columns) {
        // With whose account it is: a figure that turns from a party's own
        // report into a claim about the adversary changes what is published.
        let texts = entries
            .iter()
            .map(|e| {
                let text = format!(
                    "{} ({})",
                    value_text(&e.value),
                    perspective_short(e.perspective)
                );
                withdrawn(text, e.withdrawn)
            })
            .collect();
        cells.insert(col.id.clone(), texts);
        for e in entries {
            let earlier = e.earlier.iter().flat_map(|v| v.claims());
            for c in e
                .value
                .claims()
                .into_iter()
                .chain(earlier)
                .chain(e.withdrawn)
            {
                claims.insert(c.id.clone());
            }
        }
    }
    // What was documented afterwards, as the row's note gives it: a record
    // changed moves the grades published beside each figure.
    let documented = documented_note(ds, &row.documented);
    if !documented.is_empty() {
        cells.insert("(documented)".to_string(), vec![documented]);
    }
    RowState {
        key: format!("{} · {}{category}", row.party, row.metric.id),
        label: format!("{} · {}", parties(ds, &row.party), metric_label(row)),
        verdict: short_verdict(&row.verdict),
        conflict: row.verdict.is_conflict(),
        cells,
        claims,
    }
}

fn statement_row(ds: &Dataset, cmp: &Comparison, row: &StatementRow) -> RowState {
    let kind = statement_kind(row);
    let to = row.addressee().map_or(String::new(), |a| format!(" → {a}"));
    let mut cells = BTreeMap::new();
    let mut claims = BTreeSet::new();
    for (col, entries) in row.cells.with_columns(&cmp.columns) {
        let texts = entries
            .iter()
            .map(|e| withdrawn(stance_text(ds, e.claim, row.acts_differ), e.withdrawn))
            .collect();
        cells.insert(col.id.clone(), texts);
        for e in entries {
            let each = std::iter::once(e.claim).chain(e.earlier.iter().copied());
            for c in each.chain(e.withdrawn) {
                claims.insert(c.id.clone());
            }
        }
    }
    RowState {
        key: format!("{kind}:{}{to}", row.id()),
        label: format!("{kind}: {}{to}", row.label()),
        verdict: short_verdict(&row.verdict),
        conflict: row.verdict.is_conflict(),
        cells,
        claims,
    }
}

/// Every row of a comparison, figures first.
pub fn rows(ds: &Dataset, cmp: &Comparison) -> Vec<RowState> {
    let figures = cmp.figures.iter().map(|r| figure_row(ds, cmp, r));
    let statements = cmp.statements.iter().map(|r| statement_row(ds, cmp, r));
    figures.chain(statements).collect()
}
