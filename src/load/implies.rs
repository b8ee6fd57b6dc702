//! A proposition's `implies` (a figure) and `presupposes` (a fact), checked
//! as far as its file allows; the ids they name are resolved after the merge.

use super::file_check::{FileCheck, RefKind};
use super::file_model::{PropositionFile, PropositionKindFile};
use super::quantity_forms::Forms;
use crate::diagnostic::Code;
use crate::model::Figure;

/// The figure a proposition implies: `Some(None)` when it implies none,
/// `None` when what it gives is refused.
pub(super) fn implies<'t>(
    fc: &mut FileCheck<'t>,
    p: &'t PropositionFile,
) -> Option<Option<Figure>> {
    let Some(i) = &p.implies else {
        return Some(None);
    };
    let fact = matches!(
        p.kind.as_ref().map(|k| *k.get_ref()),
        None | Some(PropositionKindFile::Fact)
    );
    if !fact {
        fc.error(
            Code::BadDemand,
            i.span(),
            format!("proposition `{}` implies a figure but is not a fact", p.id.get_ref()),
            "only a matter of fact implies a figure; an appeal or a demand takes no side on the facts",
        );
        return None;
    }
    let f = i.get_ref();
    fc.reference(RefKind::Party, &f.party);
    fc.reference(RefKind::Metric, &f.metric);
    if let Some(of) = &f.of {
        fc.reference(RefKind::Category, of);
    }
    let forms = Forms {
        exact: f.exact.as_ref(),
        at_least: f.at_least.as_ref(),
        at_most: f.at_most.as_ref(),
        more_than: None,
        less_than: None,
        nearly: None,
        about: None,
        range: None,
        about_range: None,
        vague: None,
        more: None,
    };
    let quantity = super::figure::quantity(fc, i.span(), forms)?;
    // A decimal is refused of a count as a claim's own would be.
    if !quantity.is_whole() {
        let place = fc.place(&i.span());
        fc.out.decimals.push((f.metric.get_ref().clone(), place));
    }
    let party = f.party.get_ref().clone();
    Some(Some(Figure {
        party: party.clone(),
        parties: vec![party],
        category: f.of.as_ref().map(|o| o.get_ref().clone()),
        breakdown: Vec::new(),
        metric: f.metric.get_ref().clone(),
        quantity,
        as_of: None,
        since: None,
        readings: Vec::new(),
        stated_in: None,
        either: Vec::new(),
        cause: None,
        including: false,
        unit: None,
    }))
}

/// The fact a demand presupposes: only a demand takes one for granted.
pub(super) fn presupposes<'t>(
    fc: &mut FileCheck<'t>,
    p: &'t PropositionFile,
) -> Option<Option<String>> {
    let Some(fact) = &p.presupposes else {
        return Some(None);
    };
    let demand = matches!(
        p.kind.as_ref().map(|k| *k.get_ref()),
        Some(PropositionKindFile::Demand)
    );
    if !demand {
        fc.error(
            Code::BadDemand,
            fact.span(),
            format!("proposition `{}` presupposes a fact but is not a demand", p.id.get_ref()),
            "`presupposes` is for a demand (`kind = \"demand\"`); a fact that implies a figure takes `implies`",
        );
        return None;
    }
    if fact.get_ref() == p.id.get_ref() {
        fc.error(
            Code::BadDemand,
            fact.span(),
            format!("proposition `{}` presupposes itself", p.id.get_ref()),
            "name the fact the demand takes for granted: another proposition",
        );
        return None;
    }
    fc.reference(RefKind::Proposition, fact);
    Some(Some(fact.get_ref().clone()))
}
