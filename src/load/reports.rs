//! A claim's other reports: documents that carried the same statement, each
//! quote checked against its document, and for a figure, the quantity as
//! that outlet words it when it differs.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use super::file_check::FileCheck;
use super::file_model::ClaimFile;
use super::quote_check::check_quote;
use crate::diagnostic::Code;
use crate::model::{Figure, Report};

/// The claim's reports when they are sound; its figure gains each reading.
pub(super) fn reports<'t>(
    fc: &mut FileCheck<'t>,
    c: &'t ClaimFile,
    local_docs: &HashMap<&str, Option<Arc<str>>>,
    mut figure: Option<&mut Figure>,
) -> Option<Vec<Report>> {
    // Most claims cite one document: nothing to set up for them.
    if c.reports.is_empty() {
        return Some(Vec::new());
    }
    let mut ok = true;
    let mut out = Vec::new();
    // A document counted twice would count one outlet as two.
    let mut seen: HashSet<&str> = HashSet::from([c.document.get_ref().as_str()]);
    for r in &c.reports {
        let r = r.get_ref();
        if !seen.insert(r.document.get_ref()) {
            fc.error(
                Code::BadReport,
                r.document.span(),
                format!(
                    "claim `{}` cites document `{}` twice",
                    c.id.get_ref(),
                    r.document.get_ref()
                ),
                "cite each document once: in `document`, or in one of `reports`",
            );
            ok = false;
            continue;
        }
        ok &= check_quote(fc, &r.document, &r.quote, local_docs);
        let misreports = r
            .misreports
            .as_ref()
            .map(|m| m.get_ref().trim().to_string());
        if let (Some(m), Some("")) = (&r.misreports, misreports.as_deref()) {
            fc.error(
                Code::BadReport,
                m.span(),
                "`misreports` is empty".to_string(),
                "say how the outlet got it wrong: `misreports = \"says killed where the ministry said killed or wounded\"`",
            );
            ok = false;
        }
        if let Some(reads) = &r.reads {
            match figure.as_deref_mut() {
                Some(f) => match super::figure::quantity(fc, reads.span(), reads.get_ref().forms())
                {
                    Some(q) => {
                        // A decimal reading of a count is refused as the claim's own would be.
                        if !q.is_whole() {
                            let place = fc.place(&reads.span());
                            fc.out.decimals.push((f.metric.clone(), place));
                        }
                        // A misreport's reading is shown in its report, never weighed.
                        if misreports.is_none() {
                            f.readings.push(q);
                        }
                    }
                    None => ok = false,
                },
                None => {
                    fc.error(
                        Code::BadReport,
                        reads.span(),
                        "`reads` gives a quantity, but this claim states no figure".to_string(),
                        "drop `reads`: only a figure's reports word a quantity",
                    );
                    ok = false;
                }
            }
        }
        out.push(Report {
            document: r.document.get_ref().clone(),
            quote: r.quote.get_ref().clone(),
            misreports,
        });
    }
    ok.then_some(out)
}

/// A claim's `misreports`: only a relay (`origin`) can get its origin
/// wrong, and it says how; a retraction or correction withdraws, it does
/// not misreport. `None` when refused.
pub(super) fn misreports(fc: &mut FileCheck<'_>, c: &ClaimFile) -> Option<Option<String>> {
    let Some(m) = &c.misreports else {
        return Some(None);
    };
    let id = c.id.get_ref();
    let (message, hint) = if c.origin.is_none() {
        (
            format!("claim `{id}` misreports, but relays no one"),
            "`misreports` marks a relay that gets its `origin` wrong: add `origin = \"…\"`, or drop it (a source's own words are its statement)",
        )
    } else if c.retracts.is_some() || c.corrects.is_some() {
        (
            format!("claim `{id}` misreports and withdraws a claim"),
            "a retraction or correction is the voice's own act: drop `misreports`",
        )
    } else if m.get_ref().trim().is_empty() {
        (
            "`misreports` is empty".to_string(),
            "say how the relay got it wrong: `misreports = \"says killed where the ministry said killed or wounded\"`",
        )
    } else {
        return Some(Some(m.get_ref().trim().to_string()));
    };
    fc.error(Code::BadReport, m.span(), message, hint);
    None
}

/// A joint statement's other signatories: sources, none of them the
/// claim's own, none twice, and never beside `origin` (a relay passes on
/// one voice's word). `None` when refused.
pub(super) fn co_signatories<'t>(fc: &mut FileCheck<'t>, c: &'t ClaimFile) -> Option<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    if let (Some(first), Some(_)) = (c.with.first(), &c.origin) {
        fc.error(
            Code::BadReport,
            first.span(),
            format!("claim `{}` relays a voice and names co-signatories", c.id.get_ref()),
            "a joint statement is one claim of its signatories (`source` and `with`); a relay of it names its `origin` only",
        );
        return None;
    }
    for s in &c.with {
        if s.get_ref() == c.source.get_ref() || out.contains(s.get_ref()) {
            fc.error(
                Code::BadReport,
                s.span(),
                format!(
                    "`{}` is named twice among the statement's signatories",
                    s.get_ref()
                ),
                "name each signatory once: the first in `source`, the others in `with`",
            );
            return None;
        }
        fc.reference(super::file_check::RefKind::Source, s);
        out.push(s.get_ref().clone());
    }
    Some(out)
}
