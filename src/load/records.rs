//! A claim's `record` (what was documented afterwards) and `sum_of_own`
//! (a relayed sum of the parties' own figures), checked within its file.

use super::file_check::FileCheck;
use super::file_model::ClaimFile;
use crate::diagnostic::Code;
use crate::model::record::{Basis, Documented, Imagery};

const RECORD_HINT: &str = "a record is its documenter's own finding: `record = \"named-list\"` with a `figure`, said by the documenter; see docs/record.md";

/// The record a claim makes, when it makes one: `None` after an error.
pub(super) fn documented(fc: &mut FileCheck<'_>, c: &ClaimFile) -> Option<Option<Documented>> {
    let Some(basis) = &c.record else {
        if let Some(i) = &c.imagery {
            let message = format!(
                "claim `{}` gives `imagery` but is no record",
                c.id.get_ref()
            );
            fc.error(
                Code::BadRecord,
                i.span(),
                message,
                "imagery belongs to `record = \"imagery\"`",
            );
            return None;
        }
        return Some(None);
    };
    let id = c.id.get_ref();
    let figure_ok = c
        .figure
        .as_ref()
        .is_some_and(|f| f.get_ref().more.is_none());
    let problems = record_problems(c, *basis.get_ref(), figure_ok);
    if let Some(p) = problems.first() {
        let message = format!("record `{id}` {p}");
        fc.error(Code::BadRecord, basis.span(), message, RECORD_HINT);
        return None;
    }
    let basis_span = basis.span();
    let basis = *basis.get_ref();
    if matches!(basis, Basis::Handover | Basis::Admission) {
        note_role(fc, c, basis, basis_span);
    }
    let imagery = match (&c.imagery, basis) {
        (Some(i), Basis::Imagery) => Some(imagery(fc, i.get_ref())?),
        (None, Basis::Imagery) => {
            let message = format!("record `{id}` rests on imagery but gives none");
            let hint = "add `imagery = { url = \"…\", sha256 = \"…\" }`: where it is, and the SHA-256 of the file or address";
            fc.error(Code::BadRecord, c.record.as_ref()?.span(), message, hint);
            return None;
        }
        (Some(i), _) => {
            let message = format!("record `{id}` gives `imagery` but its basis is `{basis}`");
            fc.error(
                Code::BadRecord,
                i.span(),
                message,
                "imagery belongs to `record = \"imagery\"`",
            );
            return None;
        }
        (None, _) => None,
    };
    Some(Some(Documented { basis, imagery }))
}

/// What makes a claim no record: each in words, the first reported.
fn record_problems(c: &ClaimFile, basis: Basis, figure_ok: bool) -> Vec<&'static str> {
    let mut problems = Vec::new();
    if !figure_ok {
        problems.push("states no figure (an increment `more` is no count either)");
    }
    if c.origin.is_some() || !c.with.is_empty() || c.misreports.is_some() {
        problems.push("relays another or is made jointly");
    }
    if c.retracts.is_some() || c.corrects.is_some() {
        problems.push("withdraws a claim");
    }
    if c.sum_of_own.is_some() {
        problems.push("is marked `sum_of_own`");
    }
    if c.hedged
        || c.attribution
            .is_some_and(|a| a != crate::model::Attribution::OnRecord)
    {
        problems.push("is hedged or not on the record: what was documented is neither");
    }
    if let Some(f) = c.figure.as_ref().map(|f| f.get_ref()) {
        if f.since.is_some() {
            problems.push("counts `since` an earlier date: a record is this event's count");
        }
        if f.vague.is_some() {
            problems.push("gives a vague word: a record is a count");
        }
        let loose = f.at_most.is_some()
            || f.less_than.is_some()
            || f.nearly.is_some()
            || f.about.is_some()
            || f.range.is_some()
            || f.about_range.is_some();
        if loose && basis.is_floor() {
            problems.push("gives no least count: a list, a handover or imagery shows `exact` or `at_least` so many");
        }
    }
    problems
}

fn imagery(fc: &mut FileCheck<'_>, i: &super::file_model::ImageryFile) -> Option<Imagery> {
    if i.url.trim().is_empty() {
        let message = "imagery with no address".to_string();
        let hint = "give where the photo or video is: `url = \"https://…\"`";
        fc.error(Code::BadRecord, i.sha256.span(), message, hint);
        return None;
    }
    let sha = i.sha256.get_ref().trim();
    if sha.len() != 64 || !sha.bytes().all(|b| b.is_ascii_hexdigit()) {
        let shown = crate::suggest::clip(sha);
        let message = format!("`{shown}` is not a SHA-256");
        let hint = "64 hexadecimal digits, as `sha256sum FILE` prints them";
        fc.error(Code::BadRecord, i.sha256.span(), message, hint);
        return None;
    }
    Some(Imagery {
        url: i.url.clone(),
        sha256: sha.to_ascii_lowercase(),
    })
}

/// Whether `sum_of_own` is where it belongs: on a joint figure.
pub(super) fn sum_of_own_ok(fc: &mut FileCheck<'_>, c: &ClaimFile) -> bool {
    let joint = c
        .figure
        .as_ref()
        .and_then(|f| f.get_ref().parties.as_ref())
        .is_some_and(|p| p.get_ref().len() > 1);
    if c.sum_of_own.is_none() {
        return true;
    }
    if !joint {
        let message = format!(
            "claim `{}` is marked `sum_of_own` but gives no joint figure",
            c.id.get_ref()
        );
        let hint = "`sum_of_own = true` marks a figure of several parties (`parties = [\"armenia\", \"azerbaijan\"]`) that adds up their own figures";
        fc.error(Code::BadRecord, c.id.span(), message, hint);
        return false;
    }
    true
}

/// Notes a claim's exact figure for the relayed-sum check ([`super::sums`]):
/// a figure of one party under its voice, or an unmarked joint figure.
pub(super) fn note_for_sums(
    fc: &mut FileCheck<'_>,
    c: &ClaimFile,
    (event, said): (&str, &crate::model::when::When),
    figure: &crate::model::Figure,
) {
    let crate::model::quantity::Quantity::Exact(value) = figure.quantity else {
        return;
    };
    if c.misreports.is_some() || c.record.is_some() || c.sum_of_own == Some(true) {
        return;
    }
    let voice = c.origin.as_ref().unwrap_or(&c.source).get_ref();
    match figure.parties.as_slice() {
        [one] => {
            let key = super::sum_facts::own_key(event, one, &figure.metric, voice);
            fc.out.singles.push((key, value, said.span().0));
        }
        [_, _, ..] if c.sum_of_own.is_none() => {
            let place = fc.place(&c.id.span());
            let joint = super::sum_facts::Joint {
                id: c.id.get_ref().clone(),
                event: event.to_string(),
                voice: voice.clone(),
                parties: figure.parties.clone(),
                metric: figure.metric.clone(),
                value,
                said_by: said.span().1,
            };
            fc.out.joints.push((joint, place));
        }
        _ => {}
    }
}

/// A handover or admission, for the check of who made it ([`super::record_roles`]).
fn note_role(fc: &mut FileCheck<'_>, c: &ClaimFile, basis: Basis, span: std::ops::Range<usize>) {
    let Some(f) = c.figure.as_ref().map(|f| f.get_ref()) else {
        return;
    };
    let one = f.party.iter().map(|p| p.get_ref().clone());
    let many = f
        .parties
        .iter()
        .flat_map(|ps| ps.get_ref().iter().map(|p| p.get_ref().clone()));
    let role = super::sum_facts::Role {
        id: c.id.get_ref().clone(),
        basis,
        parties: one.chain(many).collect(),
        source: c.source.get_ref().clone(),
        place: fc.place(&span),
    };
    fc.out.record_roles.push(role);
}
