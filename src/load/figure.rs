//! Per claim: a figure converted to the model: whose losses (one party or
//! several counted together), what kind of people, its quantity, and the
//! parts of its breakdown, which must be able to add up to the total.

use std::ops::Range;

use super::file_check::{FileCheck, RefKind, S};
use super::file_model::*;
use super::quantity_forms::Forms;
use crate::diagnostic::Code;
use crate::model::quantity::{Amount, Interval, Quantity};
use crate::model::Figure;

/// The parties a figure counts: `party`, or `parties` (two or more), sorted.
fn parties<'t>(
    fc: &mut FileCheck<'t>,
    span: Range<usize>,
    fig: &'t FigureFile,
) -> Option<Vec<String>> {
    if let Some(ids) = transfer(fc, span.clone(), fig) {
        return ids;
    }
    let list: Vec<&'t S<String>> = match (&fig.party, &fig.parties) {
        (Some(p), None) => vec![p],
        (None, Some(ps)) if ps.get_ref().len() >= 2 => ps.get_ref().iter().collect(),
        (None, Some(ps)) => {
            fc.error(
                Code::BadParties,
                ps.span(),
                format!(
                    "`parties` lists {} part{}: a count of several parties names two or more",
                    ps.get_ref().len(),
                    if ps.get_ref().len() == 1 { "y" } else { "ies" }
                ),
                "for one party's losses write `party = \"…\"`",
            );
            return None;
        }
        (Some(p), Some(_)) => {
            fc.error(
                Code::BadParties,
                p.span(),
                "the figure gives both `party` and `parties`".to_string(),
                "`party` for one party's losses, `parties = [\"a\", \"b\"]` for several counted together",
            );
            return None;
        }
        (None, None) => {
            fc.error(
                Code::BadParties,
                span,
                "the figure names no party whose losses it counts".to_string(),
                "add `party = \"…\"`, or `parties = [\"a\", \"b\"]` for a count on both sides",
            );
            return None;
        }
    };
    let mut ids: Vec<String> = Vec::with_capacity(list.len());
    for p in list {
        fc.reference(RefKind::Party, p);
        if ids.contains(p.get_ref()) {
            fc.error(
                Code::BadParties,
                p.span(),
                format!("party `{}` is listed twice", p.get_ref()),
                "list each party once",
            );
            return None;
        }
        ids.push(p.get_ref().clone());
    }
    ids.sort();
    Some(ids)
}

/// A transfer's parties (`from`, `to`): `None` when the figure gives
/// neither, so that it names whose losses it counts instead.
fn transfer<'t>(
    fc: &mut FileCheck<'t>,
    span: Range<usize>,
    fig: &'t FigureFile,
) -> Option<Option<Vec<String>>> {
    let (from, to) = match (&fig.from, &fig.to) {
        (None, None) => return None,
        (Some(f), Some(t)) => (f, t),
        (Some(one), None) | (None, Some(one)) => {
            fc.error(
                Code::BadParties,
                one.span(),
                "a transfer names the party that gave (`from`) and the one that received (`to`)"
                    .to_string(),
                "give both `from = \"…\"` and `to = \"…\"`",
            );
            return Some(None);
        }
    };
    if fig.party.is_some() || fig.parties.is_some() {
        fc.error(
            Code::BadParties,
            span,
            "the figure gives `from` and `to` and whose losses it counts".to_string(),
            "a transfer (prisoners released) has `from` and `to`; a count of losses has `party`",
        );
        return Some(None);
    }
    if from.get_ref() == to.get_ref() {
        fc.error(
            Code::BadParties,
            to.span(),
            format!("a transfer from `{}` to itself", from.get_ref()),
            "`from` gave, `to` received: two parties",
        );
        return Some(None);
    }
    fc.reference(RefKind::Party, from);
    fc.reference(RefKind::Party, to);
    let place = fc.place(&span);
    fc.out.transfers.push((fig.metric.get_ref().clone(), place));
    Some(Some(vec![from.get_ref().clone(), to.get_ref().clone()]))
}

/// The breakdown's parts, as figures of the total's parties and metric. The
/// parts must be able to add up to the total; a part may not repeat.
fn breakdown<'t>(
    fc: &mut FileCheck<'t>,
    total: &Figure,
    fig: &'t FigureFile,
) -> Option<Vec<Figure>> {
    if let (Some(of), Some(first)) = (&fig.of, fig.breakdown.first()) {
        fc.error(
            Code::BadBreakdown,
            first.span(),
            format!("a figure of `{}` only has no breakdown", of.get_ref()),
            "a breakdown splits a total of the party's people: drop `of`, or give the parts as figures of their own",
        );
        return None;
    }
    let mut parts: Vec<Figure> = Vec::new();
    for b in &fig.breakdown {
        let (span, part) = (b.span(), b.get_ref());
        let (of, cause) = part_name(fc, span.clone(), part)?;
        let name = of.as_ref().or(cause.as_ref());
        if parts
            .iter()
            .any(|p| p.category.as_ref().or(p.cause.as_ref()) == name)
        {
            fc.error(
                Code::BadBreakdown,
                span,
                format!(
                    "the breakdown names `{}` twice",
                    name.map_or("", |n| n.as_str())
                ),
                "give each category (or cause) once",
            );
            return None;
        }
        let quantity = quantity(fc, span.clone(), part.forms())?;
        if !quantity.is_whole() {
            let place = fc.place(&span);
            fc.out.decimals.push((fig.metric.get_ref().clone(), place));
        }
        parts.push(Figure {
            category: of,
            cause,
            breakdown: Vec::new(),
            quantity,
            ..total.clone()
        });
    }
    if let Some(first) = fig.breakdown.first() {
        let mut quantities: Vec<Quantity> = parts.iter().map(|p| p.quantity.clone()).collect();
        // "Including 2 civilians": the parts not named are some number, maybe none.
        if fig.including {
            quantities.push(Quantity::AtLeast(Default::default()));
        }
        let vague = |q: &Quantity| matches!(q, Quantity::Vague { .. });
        if vague(&total.quantity) || quantities.iter().any(vague) {
            // A vague word's interval is known once the vocabulary is merged.
            let place = fc.place(&first.span());
            fc.out
                .breakdowns
                .push((total.quantity.clone(), quantities, place));
        } else if let Some(message) = sum_problem(&total.quantity, &quantities) {
            fc.error(Code::BadBreakdown, first.span(), message, BREAKDOWN_HINT);
            return None;
        }
    }
    Some(parts)
}

/// A part's category (`of`) or cause, exactly one of them.
#[allow(clippy::type_complexity)]
fn part_name<'t>(
    fc: &mut FileCheck<'t>,
    span: Range<usize>,
    part: &'t BreakdownFile,
) -> Option<(Option<String>, Option<String>)> {
    match (&part.of, &part.cause) {
        (Some(of), None) => {
            fc.reference(RefKind::Category, of);
            Some((Some(of.get_ref().clone()), None))
        }
        (None, Some(cause)) if !cause.get_ref().trim().is_empty() => {
            Some((None, Some(cause.get_ref().trim().to_string())))
        }
        _ => {
            fc.error(
                Code::BadBreakdown,
                span,
                "a breakdown's part names a category (`of`) or a cause, one of them".to_string(),
                "`{ of = \"civilians\", exact = 2 }` for a kind of people, `{ cause = \"fire\", exact = 5 }` for what caused it",
            );
            None
        }
    }
}

pub(super) const BREAKDOWN_HINT: &str =
    "the parts of a breakdown sum to its total; a part counted apart is a figure of its own";

/// Why parts cannot add up to a total, if they cannot.
pub(super) fn sum_problem(total: &Quantity, parts: &[Quantity]) -> Option<String> {
    let sum = parts
        .iter()
        .fold(Interval::point(0), |acc, p| acc.add(&p.interval()));
    if sum.overlaps(&total.interval()) {
        return None;
    }
    let sum = match sum.high {
        Some(h) if h == sum.low => h.to_string(),
        Some(h) => format!("{}–{h}", sum.low),
        None => format!("at least {}", sum.low),
    };
    Some(format!(
        "the parts add up to {sum}, which cannot be the total {total}"
    ))
}

/// A figure: whose losses, what is counted, how many, and its breakdown.
pub(super) fn figure<'t>(
    fc: &mut FileCheck<'t>,
    span: Range<usize>,
    fig: &'t FigureFile,
) -> Option<Figure> {
    let parties = parties(fc, span.clone(), fig);
    fc.reference(RefKind::Metric, &fig.metric);
    for m in &fig.metric_either {
        if m.get_ref() == fig.metric.get_ref() {
            fc.error(
                Code::BadComposite,
                m.span(),
                format!(
                    "`metric_either` repeats the figure's metric `{}`",
                    m.get_ref()
                ),
                "list the other metrics its words may count",
            );
            return None;
        }
        fc.reference(RefKind::Metric, m);
    }
    if let Some(of) = &fig.of {
        fc.reference(RefKind::Category, of);
    }
    if let Some(unit) = &fig.unit {
        let place = fc.place(&unit.span());
        fc.out
            .units
            .push((fig.metric.get_ref().clone(), unit.get_ref().clone(), place));
    }
    let as_of = fig.as_of.as_ref().map(|w| fc.when(w));
    let since = fig.since.as_ref().map(|w| fc.when(w));
    let quantity = quantity(fc, span.clone(), fig.forms())?;
    if !quantity.is_whole() {
        let place = fc.place(&span);
        fc.out.decimals.push((fig.metric.get_ref().clone(), place));
    }
    let parties = parties?;
    let key = match fig.from {
        Some(_) => parties.join(crate::model::TRANSFER),
        None => parties.join("+"),
    };
    let mut total = Figure {
        party: key,
        parties,
        category: fig.of.as_ref().map(|o| o.get_ref().clone()),
        breakdown: Vec::new(),
        metric: fig.metric.get_ref().clone(),
        quantity,
        readings: Vec::new(),
        stated_in: None,
        cause: None,
        including: fig.including,
        either: fig
            .metric_either
            .iter()
            .map(|m| m.get_ref().clone())
            .collect(),
        unit: fig.unit.as_ref().map(|u| u.get_ref().clone()),
        as_of: as_of.map(|w| w.ok_or(())).transpose().ok()?,
        since: since.map(|w| w.ok_or(())).transpose().ok()?,
    };
    total.breakdown = breakdown(fc, &total, fig)?;
    Some(total)
}

pub(super) fn quantity<'t>(
    fc: &mut FileCheck<'t>,
    span: Range<usize>,
    fig: Forms<'t>,
) -> Option<Quantity> {
    let forms = [
        fig.exact.is_some(),
        fig.at_least.is_some(),
        fig.at_most.is_some(),
        fig.more_than.is_some(),
        fig.less_than.is_some(),
        fig.nearly.is_some(),
        fig.about.is_some(),
        fig.range.is_some(),
        fig.about_range.is_some(),
        fig.vague.is_some(),
        fig.more.is_some(),
    ];
    let n = forms.iter().filter(|x| **x).count();
    if n != 1 {
        let what = if n == 0 {
            "has no quantity"
        } else {
            "has more than one quantity"
        };
        fc.error(Code::QuantityCount,
            span,
            format!("the figure {what}"),
            "give exactly one of exact, at_least, at_most, more_than, less_than, nearly, about, range = [low, high], about_range = [low, high], vague = \"word\", more = N (an increment)",
        );
        return None;
    }
    if let Some(v) = fig.exact {
        return fc.amount(v, "`exact`").map(Quantity::Exact);
    }
    if let Some(v) = fig.at_least {
        return fc.amount(v, "`at_least`").map(Quantity::AtLeast);
    }
    if let Some(v) = fig.at_most {
        return fc.amount(v, "`at_most`").map(Quantity::AtMost);
    }
    if let Some(v) = fig.more_than {
        return fc.amount(v, "`more_than`").map(Quantity::MoreThan);
    }
    if let Some(v) = fig.less_than {
        return less_than(fc, v);
    }
    if let Some(v) = fig.nearly {
        return fc.amount(v, "`nearly`").map(Quantity::Nearly);
    }
    if let Some(v) = fig.about {
        return fc.amount(v, "`about`").map(Quantity::About);
    }
    if let Some(range) = fig.range {
        return ends(fc, range).map(|(low, high)| Quantity::Range { low, high });
    }
    if let Some(range) = fig.about_range {
        return ends(fc, range).map(|(low, high)| Quantity::AboutRange { low, high });
    }
    if let Some(v) = fig.more {
        // The total is found once every claim is known (see `model::increments`).
        return fc
            .amount(v, "`more`")
            .map(|by| Quantity::More { by, total: None });
    }
    let word = fig.vague?;
    fc.reference(RefKind::Vague, word);
    // The interval comes from the vocabulary when the claim is merged.
    Some(Quantity::Vague {
        word: word.get_ref().clone(),
        interval: Interval::open(0),
    })
}

/// "less than N": nothing is less than zero.
fn less_than<'t>(fc: &mut FileCheck<'t>, v: &'t S<Number>) -> Option<Quantity> {
    let n = fc.amount(v, "`less_than`")?;
    if n == Amount::default() {
        fc.error(
            Code::BadRange,
            v.span(),
            "`less_than = 0`: no count is below zero".to_string(),
            "write exact = 0 for none, or the number the source gave",
        );
        return None;
    }
    Some(Quantity::LessThan(n))
}

/// A range's two ends, low first.
fn ends<'t>(fc: &mut FileCheck<'t>, range: &'t S<Vec<S<Number>>>) -> Option<(Amount, Amount)> {
    let ends = range.get_ref();
    if ends.len() != 2 {
        fc.error(
            Code::BadRange,
            range.span(),
            format!("a range has two ends, found {}", ends.len()),
            "write range = [low, high]",
        );
        return None;
    }
    let low = fc.amount(&ends[0], "a range's low end");
    let high = fc.amount(&ends[1], "a range's high end");
    let (low, high) = (low?, high?);
    if low > high {
        fc.error(
            Code::BadRange,
            range.span(),
            format!("range with low > high: [{low}, {high}]"),
            format!("did you mean [{high}, {low}]?"),
        );
        return None;
    }
    Some((low, high))
}
