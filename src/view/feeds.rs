//! Where one claim stands in its event's comparison: the rows it feeds, its
//! role there, and its voice's revisions on each.

use super::comparison::{figure_row_explanation, statement_row_explanation};
use super::wording::{subject_and_says, value_text};
use crate::compare::{self, claim_order, FigureValue, Options, Topic, Verdict};
use crate::model::{Claim, Dataset};

/// A row of the comparison a claim takes part in, and how.
pub struct Feed {
    pub section: &'static str,
    pub row: String,
    pub role: String,
    pub verdict: String,
    /// The voice's statements on the row, oldest first: "≥ 49 [2022-09-13] → 105 [2022-09-14]".
    pub revisions: String,
}

/// "value [when]" for each step, joined with arrows; this claim's step is marked.
fn chain<'a>(steps: impl Iterator<Item = (String, &'a Claim)>, me: &Claim) -> String {
    steps
        .map(|(text, c)| {
            let mark = if std::ptr::eq(c, me) {
                " (this claim)"
            } else {
                ""
            };
            format!("{text} [{}]{mark}", c.said)
        })
        .collect::<Vec<_>>()
        .join(" → ")
}

fn verdict_text(v: &Verdict, explanation: String) -> String {
    match v {
        Verdict::Conflict(_) => format!("conflict: {explanation}"),
        other => other.kind().words(),
    }
}

/// A figure value's step in a revision chain: shown under this claim when it
/// is one of a derived sum's parts, else under the value's newest claim.
fn step<'a>(val: &FigureValue<'a>, me: &Claim) -> Option<(String, &'a Claim)> {
    let claims = val.claims();
    let newest = claims.iter().copied().max_by(|a, b| claim_order(a, b))?;
    let c = claims
        .into_iter()
        .find(|c| std::ptr::eq(*c, me))
        .unwrap_or(newest);
    Some((value_text(val), c))
}

fn figure_feeds(ds: &Dataset, cmp: &compare::Comparison, claim: &Claim, out: &mut Vec<Feed>) {
    let is = |c: &&Claim| std::ptr::eq(*c, claim);
    for row in &cmp.figures {
        for v in &row.voices {
            let role = if v.value.claims().iter().any(is) {
                match &v.value {
                    FigureValue::Stated(..) => "current figure".to_string(),
                    FigureValue::Derived { .. } => {
                        format!("a part of the derived sum {}", value_text(&v.value))
                    }
                }
            } else if v.earlier.iter().any(|e| e.claims().iter().any(is)) {
                "superseded by a later statement".to_string()
            } else {
                continue;
            };
            let steps = v
                .earlier
                .iter()
                .chain([&v.value])
                .filter_map(|val| step(val, claim));
            out.push(Feed {
                section: "figures",
                row: format!(
                    "{} · {}",
                    ds.parties_name(&row.party),
                    super::wording::metric_label(row)
                ),
                role,
                verdict: verdict_text(&row.verdict, figure_row_explanation(row)),
                revisions: chain(steps, claim),
            });
        }
    }
}

fn statement_feeds(ds: &Dataset, cmp: &compare::Comparison, claim: &Claim, out: &mut Vec<Feed>) {
    let naming = super::wording::Naming {
        ds,
        by: cmp.options.by,
    };
    for row in &cmp.statements {
        for v in &row.voices {
            let role = if std::ptr::eq(v.claim, claim) {
                "current statement"
            } else if v.earlier.iter().any(|c| std::ptr::eq(*c, claim)) {
                "superseded by a later statement"
            } else {
                continue;
            };
            let steps = v.earlier.iter().chain([&v.claim]);
            out.push(Feed {
                section: match row.topic {
                    Topic::Act(_) | Topic::Question(_) => "accusations",
                    Topic::Proposition(_) => "positions",
                },
                row: row.label().to_string(),
                role: role.to_string(),
                verdict: verdict_text(&row.verdict, statement_row_explanation(row, &naming)),
                revisions: chain(steps.map(|c| (subject_and_says(ds, c).1, *c)), claim),
            });
        }
    }
}

/// Every row of its event's comparison a claim feeds.
pub fn feeds(ds: &Dataset, claim: &Claim) -> Vec<Feed> {
    let Some(event) = ds.event(&claim.event) else {
        return Vec::new();
    };
    let cmp = compare::compare(ds, event, Options::default());
    feeds_in(ds, &cmp, claim)
}

/// [`feeds`] in a comparison already made of the claim's event (a site
/// writes every claim of an event from one comparison).
pub fn feeds_in(ds: &Dataset, cmp: &compare::Comparison, claim: &Claim) -> Vec<Feed> {
    let mut out = Vec::new();
    figure_feeds(ds, cmp, claim, &mut out);
    statement_feeds(ds, cmp, claim, &mut out);
    let withdrawn = cmp.withdrawn.get(claim.id.as_str());
    // A misreporting relay stands withdrawn by itself: it is said so, not "corrected".
    if let Some(how) = withdrawn.and_then(|by| by.misreports.as_deref()) {
        out.push(Feed {
            section: "misreported",
            row: subject_and_says(ds, claim).0,
            role: format!("a relay that misreports its origin ({how}): shown, never counted"),
            verdict: "not counted".to_string(),
            revisions: subject_and_says(ds, claim).1,
        });
        return out;
    }
    if withdrawn.is_some_and(|by| by.sum_of_own) {
        out.push(Feed {
            section: "a sum of own figures",
            row: subject_and_says(ds, claim).0,
            role: "a third party's sum of the parties' own figures: shown, never counted"
                .to_string(),
            verdict: "not counted".to_string(),
            revisions: subject_and_says(ds, claim).1,
        });
        return out;
    }
    if let Some(by) = withdrawn {
        let verb = match by.assertion {
            crate::model::Assertion::Retraction { .. } => "retracted",
            _ => "corrected",
        };
        out.push(Feed {
            section: "withdrawn",
            row: subject_and_says(ds, claim).0,
            role: format!(
                "{verb} by {} ({}): shown, no longer counted",
                by.id, by.said
            ),
            verdict: "not counted".to_string(),
            revisions: format!(
                "{} [{}] → {verb} [{}]",
                subject_and_says(ds, claim).1,
                claim.said,
                by.said
            ),
        });
    }
    out
}

/// The rows a record documents: each figure row whose record list holds
/// it, with how each voice there stands to the record.
pub fn documents(ds: &Dataset, record: &Claim) -> Vec<Feed> {
    let Some(event) = ds.event(&record.event) else {
        return Vec::new();
    };
    let cmp = compare::compare(ds, event, Options::default());
    let rows = cmp.figures.iter().filter(|r| {
        r.documented
            .records
            .iter()
            .any(|x| std::ptr::eq(*x, record))
    });
    rows.map(|row| {
        let voices: Vec<String> = row
            .voices
            .iter()
            .map(|e| {
                let (a, g) = super::against_record::weigh(ds, row, e);
                let text = super::wording::value_text(&e.value);
                let a = super::against_record::against_text(a);
                format!("{}: {text} [{a}; grade {}]", e.key, g.grade)
            })
            .collect();
        Feed {
            section: "documents",
            row: format!("{} · {}", ds.parties_name(&row.party), row.metric.label),
            role: "what was documented afterwards: never a voice".to_string(),
            verdict: super::explain::verdict_text(
                &row.verdict,
                &super::comparison::figure_row_explanation(row),
                None,
            ),
            revisions: voices.join("; "),
        }
    })
    .collect()
}
