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
    if let Some(p) = problems.first() {
        let message = format!("record `{id}` {p}");
        fc.error(Code::BadRecord, basis.span(), message, RECORD_HINT);
        return None;
    }
    let basis = *basis.get_ref();
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

fn imagery(fc: &mut FileCheck<'_>, i: &super::file_model::ImageryFile) -> Option<Imagery> {
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
    event: &str,
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
            fc.out.singles.push((key, value));
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
            };
            fc.out.joints.push((joint, place));
        }
        _ => {}
    }
}
