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
                        f.readings.push(q);
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
        });
    }
    ok.then_some(out)
}
