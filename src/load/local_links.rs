//! Within one file: claims naming a place their event does not list (kept
//! for the merge), and retractions and corrections whose target is in the
//! same file; and the rule of what a claim may withdraw, which the merge
//! applies across files.

use std::collections::HashMap;

use super::file_check::{FileCheck, Withdrawal};
use super::file_model::{ClaimFile, FileModel};
use crate::diagnostic::{Code, Diagnostic};
use crate::model::when::{parse_when, When};
use crate::model::{Assertion, Attribution, Claim, ClaimKind};

pub(super) const HINT: &str = "a claim withdraws an earlier claim of its own voice, in its event";

/// What the check of a withdrawal needs of a claim.
pub(super) struct Link<'x> {
    pub(super) id: &'x str,
    pub(super) voice: &'x str,
    pub(super) attribution: Attribution,
    pub(super) event: Option<&'x str>,
    pub(super) said: Option<When>,
    /// Its place among the voice's statements of that day.
    pub(super) order: Option<u16>,
    pub(super) kind: Option<ClaimKind>,
    pub(super) withdraws: Option<&'x str>,
}

impl<'x> Link<'x> {
    pub(super) fn of_claim(c: &'x Claim) -> Self {
        Link {
            id: &c.id,
            voice: c.voice(),
            attribution: c.attribution,
            event: Some(&c.event),
            said: Some(c.said.clone()),
            order: c.order,
            kind: Some(c.kind()),
            withdraws: match &c.assertion {
                Assertion::Retraction { of } => Some(of),
                _ => c.corrects.as_deref(),
            },
        }
    }

    pub(super) fn of_file(c: &'x ClaimFile, file_event: Option<&'x str>) -> Self {
        Link {
            id: c.id.get_ref(),
            voice: c.origin.as_ref().unwrap_or(&c.source).get_ref(),
            attribution: c.attribution.unwrap_or_default(),
            event: c
                .event
                .as_ref()
                .map(|e| e.get_ref().as_str())
                .or(file_event),
            said: parse_when(c.said.get_ref()).ok(),
            order: c
                .order
                .as_ref()
                .and_then(|o| u16::try_from(*o.get_ref()).ok()),
            kind: c.kind(),
            withdraws: c
                .retracts
                .as_ref()
                .or(c.corrects.as_ref())
                .map(|t| t.get_ref().as_str()),
        }
    }
}

/// Claims of the file's event naming a place the event does not list:
/// kept for the merge, which knows whether it lies within a listed one.
pub(super) fn local_places(fc: &mut FileCheck<'_>, m: &FileModel) {
    let Some(e) = m.event.as_ref().filter(|e| !e.places.is_empty()) else {
        return;
    };
    let listed: Vec<String> = e.places.iter().map(|p| p.get_ref().clone()).collect();
    for c in &m.claim {
        let own_event = c
            .event
            .as_ref()
            .is_none_or(|x| x.get_ref() == e.id.get_ref());
        let Some(p) = c
            .place
            .as_ref()
            .filter(|p| own_event && !listed.contains(p.get_ref()))
        else {
            continue;
        };
        let place = fc.place(&p.span());
        fc.out
            .unlisted_places
            .push((p.get_ref().clone(), listed.clone(), place));
    }
}

/// The diagnostic of a withdrawal that cannot be.
pub(super) fn problem(path: &str, w: &Withdrawal, message: String, hint: &str) -> Diagnostic {
    Diagnostic {
        code: Code::BadRetraction,
        path: path.to_string(),
        line: w.place.line,
        column: w.place.column,
        message,
        snippet: Some(w.place.snippet.clone()),
        hint: None,
        secondary: Vec::new(),
    }
    .with_hint(hint)
}

pub(super) fn verb(w: &Withdrawal) -> &'static str {
    if w.corrects {
        "corrects"
    } else {
        "retracts"
    }
}

/// Withdrawals whose target is in the same file are checked with the file
/// (whatever the load keeps); every one goes on to the merge, which finds
/// a claim withdrawn twice and checks the rest.
pub(super) fn local_withdrawals(fc: &mut FileCheck<'_>, m: &FileModel) {
    // Most files withdraw nothing: no index of their claims is built then.
    if fc.out.withdrawals.is_empty() {
        return;
    }
    let file_event = m.event.as_ref().map(|e| e.id.get_ref().as_str());
    let by_id: HashMap<&str, &ClaimFile> = m
        .claim
        .iter()
        .map(|c| (c.id.get_ref().as_str(), c))
        .collect();
    let mut list = std::mem::take(&mut fc.out.withdrawals);
    for w in &mut list {
        let (Some(target), Some(claim)) =
            (by_id.get(w.target.as_str()), by_id.get(w.claim.as_str()))
        else {
            continue;
        };
        w.checked = true;
        let (c, t) = (
            Link::of_file(claim, file_event),
            Link::of_file(target, file_event),
        );
        if let Some(message) = mismatch(&c, &t, w.corrects) {
            fc.out.diags.push(problem(fc.display, w, message, HINT));
        }
    }
    fc.out.withdrawals = list;
}

/// Why claim `c` cannot withdraw claim `t`, if it cannot.
pub(super) fn mismatch(c: &Link, t: &Link, corrects: bool) -> Option<String> {
    let verb = if corrects { "corrects" } else { "retracts" };
    let (cid, tid) = (c.id, t.id);
    if cid == tid {
        return Some(format!("claim `{cid}` {verb} itself"));
    }
    if (c.voice, c.attribution) != (t.voice, t.attribution) {
        let who = |l: &Link| match l.attribution {
            Attribution::OnRecord => format!("`{}`", l.voice),
            a => format!("`{}` ({})", l.voice, a.mark()),
        };
        return Some(format!(
            "claim `{cid}` by {} {verb} `{tid}`, which {} made",
            who(c),
            who(t)
        ));
    }
    if let (Some(a), Some(b)) = (c.event, t.event) {
        if a != b {
            return Some(format!(
                "claim `{cid}` {verb} `{tid}` of another event (`{b}`)"
            ));
        }
    }
    if let (Some(a), Some(b)) = (&c.said, &t.said) {
        if a.before(b) {
            return Some(format!(
                "claim `{cid}` ({a}) {verb} `{tid}`, said later ({b})"
            ));
        }
        // The same day, ranked: a statement cannot withdraw a later one.
        if let (true, Some(x), Some(y)) = (a == b, c.order, t.order) {
            if x < y {
                return Some(format!(
                    "claim `{cid}` ({a}, order {x}) {verb} `{tid}`, said later that day (order {y})"
                ));
            }
        }
    }
    if t.kind == Some(ClaimKind::Record) || c.kind == Some(ClaimKind::Record) {
        return Some(format!(
            "claim `{cid}` {verb} `{tid}`: a record of what was documented is no voice's statement, and neither withdraws nor is withdrawn"
        ));
    }
    if t.kind == Some(ClaimKind::Retraction) {
        return Some(format!(
            "claim `{cid}` {verb} `{tid}`, itself a retraction: say the claim again instead"
        ));
    }
    if let (true, Some(ck), Some(tk)) = (corrects, c.kind, t.kind) {
        if ck != tk {
            return Some(format!(
                "claim `{cid}` ({}) corrects `{tid}` ({}): a correction says the same kind of thing",
                ck.with_article(),
                tk.with_article(),
            ));
        }
    }
    (t.withdraws == Some(cid)).then(|| format!("claims `{cid}` and `{tid}` withdraw each other"))
}
