//! Per file: each claim converted to the model and checked as far as the
//! file allows (its event, its quote against a local document, its one
//! assertion and quantity).

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use super::file_check::{id_hash, FileCheck, RefKind, Withdrawal, S};
use super::file_model::*;
use super::Keep;
use crate::diagnostic::Code;
use crate::model::when::{Precision, When};
use crate::model::*;

pub(super) fn keeps(keep: &Keep, c: &ClaimFile, event: &str) -> bool {
    match keep {
        Keep::Nothing => false,
        Keep::All => true,
        Keep::Matching(f) => {
            let any = |list: &[String], v: &str| list.is_empty() || list.iter().any(|x| x == v);
            any(&f.event, event)
                && any(&f.source, c.source.get_ref())
                && (f.kind.is_empty() || c.kind().is_some_and(|k| f.kind.contains(&k)))
                && (f.metric.is_empty()
                    || c.figure
                        .as_ref()
                        .is_some_and(|x| any(&f.metric, x.get_ref().metric.get_ref())))
        }
    }
}

/// The claim's event: its own `event`, else the file's; `None` when neither is given.
fn claim_event<'t>(
    fc: &mut FileCheck<'t>,
    c: &'t ClaimFile,
    file_event: Option<&'t str>,
) -> Option<&'t str> {
    match (&c.event, file_event) {
        (Some(e), local) => {
            if local != Some(e.get_ref().as_str()) {
                fc.reference(RefKind::Event, e);
            }
            Some(e.get_ref())
        }
        (None, Some(e)) => Some(e),
        (None, None) => {
            fc.error(
                Code::NoEvent,
                c.id.span(),
                format!("claim `{}` belongs to no event", c.id.get_ref()),
                "add `event = \"…\"` to the claim, or an [event] table to this file",
            );
            None
        }
    }
}

/// The document's words: a verbatim `quote`, or the notes' `paraphrase`; exactly one.
fn quote_of<'t>(fc: &mut FileCheck<'t>, c: &'t ClaimFile) -> Option<(&'t S<String>, QuoteKind)> {
    match (&c.quote, &c.paraphrase) {
        (Some(q), None) => Some((q, QuoteKind::Verbatim)),
        (None, Some(p)) => Some((p, QuoteKind::Paraphrase)),
        (Some(_), Some(p)) => {
            fc.error(
                Code::QuoteMissing,
                p.span(),
                "a claim has a `quote` or a `paraphrase`, not both".to_string(),
                "keep the document's own words in `quote`",
            );
            None
        }
        (None, None) => {
            fc.error(
                Code::QuoteMissing,
                c.id.span(),
                format!("claim `{}` has no `quote`", c.id.get_ref()),
                "every claim quotes its document verbatim (or the research notes, as `paraphrase`)",
            );
            None
        }
    }
}

/// Checks one claim; returns it converted when it is sound and `keep` wants it.
/// What a file's claims are checked against within the file: its event,
/// its documents' texts, its propositions, and what the load keeps.
pub(super) struct InFile<'t, 'x> {
    pub event: Option<&'t str>,
    pub docs: &'x HashMap<&'t str, Option<Arc<str>>>,
    pub props: &'x HashSet<&'t str>,
    pub keep: &'x Keep,
}

pub(super) fn claim<'t>(
    fc: &mut FileCheck<'t>,
    c: &'t ClaimFile,
    file: &InFile<'t, '_>,
    seq: u64,
) -> Option<Claim> {
    let (file_event, local_docs, local_props, keep) =
        (file.event, file.docs, file.props, file.keep);
    let id_ok = fc.id_ok("claim", &c.id);
    let event = claim_event(fc, c, file_event);
    note_claim(fc, c, event);
    let said = fc.when(&c.said);
    super::standing::note_spanning(fc, c, said.as_ref());
    let order = order(fc, c, said.as_ref());
    let misreports = super::reports::misreports(fc, c);
    let with = super::reports::co_signatories(fc, c);
    let record = super::records::documented(fc, c);
    let sum_ok = super::records::sum_of_own_ok(fc, c);
    let (quote, quote_kind) = quote_of(fc, c)?;
    // Research notes' wording is not the document's: never checked as verbatim.
    let quote_ok = quote_kind == QuoteKind::Paraphrase && !quote.get_ref().trim().is_empty()
        || super::quote_check::check_quote(fc, &c.document, quote, local_docs);
    let mut assertion = assertion(fc, c, local_props);
    let figure = match assertion.as_mut() {
        Some(Assertion::Figure(f)) => Some(f),
        _ => None,
    };
    let reports = super::reports::reports(fc, c, local_docs, figure);
    let as_of_ok = as_of_not_after_said(fc, c, said.as_ref(), assertion.as_ref());
    let (Some(event), Some(said), Some(assertion), Some(reports), Some(order), Some(misreports)) =
        (event, said, assertion, reports, order, misreports)
    else {
        return None;
    };
    let record = record?;
    if let Assertion::Figure(f) = &assertion {
        super::records::note_for_sums(fc, c, (event, &said), f);
    }
    if !(id_ok && quote_ok && as_of_ok && sum_ok) {
        return None;
    }
    if !keeps(keep, c, event) {
        return None;
    }
    Some(Claim {
        origin: c.origin.as_ref().map(|o| o.get_ref().clone()),
        english: c.english.clone(),
        reading: c.reading.clone(),
        hedged: c.hedged,
        attribution: c.attribution.unwrap_or_default(),
        place: c.place.as_ref().map(|p| p.get_ref().clone()),
        corrects: c.corrects.as_ref().map(|x| x.get_ref().clone()),
        note: c.note.clone(),
        reports,
        order,
        misreports,
        with: with?,
        record,
        sum_of_own: c.sum_of_own == Some(true),
        ..Claim::new(Required {
            id: c.id.get_ref().clone(),
            event: event.to_string(),
            source: c.source.get_ref().clone(),
            said,
            via: c.via,
            document: c.document.get_ref().clone(),
            quote: quote.get_ref().clone(),
            quote_kind,
            language: c.language.clone(),
            assertion,
            seq,
        })
    })
}

/// What every claim adds to the file's digest whatever else is wrong with
/// it: its id (for duplicates), its count, and the ids it refers to.
fn note_claim<'t>(fc: &mut FileCheck<'t>, c: &'t ClaimFile, event: Option<&'t str>) {
    let offset = u32::try_from(c.id.span().start).unwrap_or(u32::MAX);
    fc.out.claim_ids.push((id_hash(c.id.get_ref()), offset));
    // A record is what was documented, not a claim: it is not counted as one.
    if c.record.is_some() {
        fc.out.record_count += 1;
    } else {
        fc.out.claim_count += 1;
        *fc.tally
            .entry((event.unwrap_or(""), c.source.get_ref().as_str()))
            .or_default() += 1;
    }
    fc.reference(RefKind::Source, &c.source);
    if let Some(o) = &c.origin {
        fc.reference(RefKind::Source, o);
    }
    if let Some(p) = &c.place {
        fc.reference(RefKind::Place, p);
    }
}

/// A claim's `order` among its source's statements of one day: a count
/// from 1, on a claim said on a day with no time (a time orders it already).
fn order(fc: &mut FileCheck<'_>, c: &ClaimFile, said: Option<&When>) -> Option<Option<u16>> {
    let Some(o) = &c.order else {
        return Some(None);
    };
    let Some(n) = u16::try_from(*o.get_ref()).ok().filter(|&n| n >= 1) else {
        fc.error(
            Code::BadNumber,
            o.span(),
            format!("`order` of claim `{}` is {}", c.id.get_ref(), o.get_ref()),
            "number a day's statements 1, 2, 3, … (at most 65535) in the order the document gives them",
        );
        return None;
    };
    let one_day = matches!(said, Some(When::At(m)) if m.precision() == Precision::Day);
    if said.is_some() && !one_day {
        fc.error(
            Code::BadDate,
            o.span(),
            format!(
                "claim `{}` gives `order` but `said` is not one day",
                c.id.get_ref()
            ),
            "`order` ranks statements of one day with no clock time: `said = \"2021-11-16\"`; a time orders them already",
        );
        return None;
    }
    Some(Some(n))
}

pub(super) fn assertion<'t>(
    fc: &mut FileCheck<'t>,
    c: &'t ClaimFile,
    local_props: &HashSet<&str>,
) -> Option<Assertion> {
    withdrawals(fc, c);
    let given = [
        c.figure.is_some(),
        c.accusation.is_some(),
        c.position.is_some(),
    ]
    .iter()
    .filter(|x| **x)
    .count();
    if let (Some(of), 0) = (&c.retracts, given) {
        return Some(Assertion::Retraction {
            of: of.get_ref().clone(),
        });
    }
    if let (Some(of), true) = (&c.retracts, given > 0) {
        fc.error(
            Code::BadRetraction,
            of.span(),
            format!(
                "claim `{}` retracts a claim and asserts something too",
                c.id.get_ref()
            ),
            "a retraction asserts nothing; to replace what was said, use `corrects`",
        );
        return None;
    }
    if given != 1 {
        let msg = if given == 0 {
            format!("claim `{}` asserts nothing", c.id.get_ref())
        } else {
            format!("claim `{}` asserts more than one thing", c.id.get_ref())
        };
        fc.error(Code::AssertionCount,
            c.id.span(),
            msg,
            "give exactly one of [claim.figure], [claim.accusation], [claim.position] (or, to withdraw a claim, `retracts` alone); split the rest into claims of their own",
        );
        return None;
    }
    if let Some(fig) = &c.figure {
        return super::figure::figure(fc, fig.span(), fig.get_ref()).map(Assertion::Figure);
    }
    if let Some(acc) = &c.accusation {
        return accusation(fc, acc.get_ref());
    }
    let pos = c.position.as_ref()?.get_ref();
    if !local_props.contains(pos.proposition.get_ref().as_str()) {
        fc.reference(RefKind::Proposition, &pos.proposition);
    }
    Some(Assertion::Position(Position {
        proposition: pos.proposition.get_ref().clone(),
        stance: pos.stance,
    }))
}

/// An accusation; a denial must name the party it clears.
fn accusation<'t>(fc: &mut FileCheck<'t>, acc: &'t AccusationFile) -> Option<Assertion> {
    match &acc.accused {
        Some(accused) => fc.reference(RefKind::Party, accused),
        // "No ceasefire violation by anyone" is not a claim about a party.
        None if acc.denies => {
            fc.error(
                Code::BadParties,
                acc.act.span(),
                "a denial names no party".to_string(),
                "add `accused = \"…\"`: the party the claimant says did not do it",
            );
            return None;
        }
        None => {}
    }
    fc.reference(RefKind::Act, &acc.act);
    let at = match &acc.at {
        Some(t) => Some(at_time(fc, t)?),
        None => None,
    };
    Some(Assertion::Accusation(Accusation {
        accused: acc.accused.as_ref().map(|a| a.get_ref().clone()),
        act: acc.act.get_ref().clone(),
        denies: acc.denies,
        at,
    }))
}

/// Records a retraction's or correction's target for the check across
/// files; both at once are refused.
fn withdrawals(fc: &mut FileCheck<'_>, c: &ClaimFile) {
    let targets = [(&c.retracts, false), (&c.corrects, true)];
    let given: Vec<(&S<String>, bool)> = targets
        .into_iter()
        .filter_map(|(t, corrects)| t.as_ref().map(|t| (t, corrects)))
        .collect();
    if given.len() == 2 {
        fc.error(
            Code::BadRetraction,
            given[1].0.span(),
            "a claim retracts or corrects an earlier claim, not both".to_string(),
            "keep `corrects` to replace what was said, `retracts` to withdraw it",
        );
        return;
    }
    for (target, corrects) in given {
        let place = fc.place(&target.span());
        fc.out.withdrawals.push(Withdrawal {
            claim: c.id.get_ref().clone(),
            target: target.get_ref().clone(),
            corrects,
            place,
            checked: false,
        });
    }
}

/// A count cannot stand at a moment after it was said.
fn as_of_not_after_said(
    fc: &mut FileCheck<'_>,
    c: &ClaimFile,
    said: Option<&crate::model::when::When>,
    assertion: Option<&Assertion>,
) -> bool {
    let (Some(said), Some(Assertion::Figure(f)), Some(file)) = (said, assertion, c.figure.as_ref())
    else {
        return true;
    };
    let (Some(as_of), Some(span)) = (&f.as_of, file.get_ref().as_of.as_ref().map(|w| w.span()))
    else {
        return true;
    };
    if !said.before(as_of) {
        return true;
    }
    fc.error(
        Code::BadDate,
        span,
        format!("`as_of` {as_of} is after the statement was made ({said})"),
        "as_of is the moment the count stands at, on or before when it was said",
    );
    false
}

/// When an accused act happened: a date or moment, or a time of day alone
/// ("00:05") when the claimant gave no day.
fn at_time(fc: &mut FileCheck<'_>, text: &S<String>) -> Option<At> {
    let t = text.get_ref().trim();
    let clock = t
        .split_once(':')
        .filter(|(h, m)| h.len() == 2 && m.len() == 2);
    let digits = |s: &str| {
        s.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| s.parse::<u8>().ok())
            .flatten()
    };
    match clock.map(|(h, m)| (digits(h), digits(m))) {
        Some((Some(hour), Some(minute))) if hour < 24 && minute < 60 => {
            Some(At::Clock { hour, minute })
        }
        // Looks like a time of day, but is not one: say so, not "not a date".
        _ if t.contains(':') && !t.contains('-') => {
            fc.error(
                Code::BadDate,
                text.span(),
                format!("`{t}` is not a time of day"),
                "a time alone is HH:MM, from 00:00 to 23:59; with a day, 2021-11-16T18:30",
            );
            None
        }
        _ => fc.when(text).map(At::When),
    }
}
