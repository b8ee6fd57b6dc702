//! A source's standing: given once, or as periods when it changed (a
//! president, then a former president); and, across files, no claim whose
//! date may fall on either side of a change.

use super::file_check::{FileCheck, Spanning};
use super::file_model::{ClaimFile, SourceFile};
use crate::diagnostic::Code;
use crate::model::when::When;
use crate::model::{SourceKind, Standing};

/// A source's standing now and its earlier periods, oldest first.
pub(super) fn standing(
    fc: &mut FileCheck<'_>,
    s: &SourceFile,
) -> (Standing, Vec<(When, Standing)>) {
    if s.periods.is_empty() {
        return (given(fc, s, s.standing.as_ref()), Vec::new());
    }
    if let Some(both) = &s.standing {
        fc.error(
            Code::Standing,
            both.span(),
            format!(
                "source `{}` gives both `standing` and `periods`",
                s.id.get_ref()
            ),
            "keep `periods` (the last one is its standing now) and drop `standing`",
        );
    }
    let mut earlier: Vec<(When, Standing)> = Vec::new();
    let last = s.periods.len() - 1;
    for (i, p) in s.periods.iter().enumerate() {
        let st = given(fc, s, Some(&p.get_ref().standing));
        match (&p.get_ref().until, i == last) {
            (None, true) => return (st, earlier),
            (Some(until), true) => {
                fc.error(
                    Code::Standing,
                    until.span(),
                    format!("the last period of `{}` has an end", s.id.get_ref()),
                    "drop `until` from the last period: it is how the source stands now",
                );
                return (st, earlier);
            }
            (None, false) => fc.error(
                Code::Standing,
                p.span(),
                format!(
                    "a period of `{}` before the last has no `until`",
                    s.id.get_ref()
                ),
                "give each period but the last the last day it held: `until = \"2018-04-23\"`",
            ),
            (Some(until), false) => {
                let Some(w) = fc.when(until) else { continue };
                if w.start().precision() != crate::model::when::Precision::Day
                    || !matches!(w, When::At(_))
                {
                    fc.error(
                        Code::Standing,
                        until.span(),
                        format!("`until` of a period of `{}` is not one day", s.id.get_ref()),
                        "give the last day the standing held: `until = \"2018-04-23\"`",
                    );
                    continue;
                }
                if earlier.last().is_some_and(|(prev, _)| !prev.before(&w)) {
                    fc.error(
                        Code::Standing,
                        until.span(),
                        format!("the periods of `{}` are not in order", s.id.get_ref()),
                        "list periods oldest first, each ending after the one before",
                    );
                }
                earlier.push((w, st));
            }
        }
    }
    // Not reached: the last period returns.
    (Standing::Independent, earlier)
}

/// A standing as given, checked against the source's party; when absent,
/// an organ of its party, else independent (or international for an
/// international organisation), as files before `standing` meant.
fn given(fc: &mut FileCheck<'_>, s: &SourceFile, st: Option<&toml::Spanned<Standing>>) -> Standing {
    let Some(given) = st else {
        return match (&s.party, s.kind) {
            (Some(_), _) => Standing::Organ,
            (None, SourceKind::InternationalOrganisation) => Standing::International,
            (None, _) => Standing::Independent,
        };
    };
    let st = *given.get_ref();
    let id = s.id.get_ref();
    match (&s.party, st) {
        (None, st) if st.is_aligned() => fc.error(
            Code::Standing,
            given.span(),
            format!("source `{id}` is `{}` but names no party", st.name()),
            match st {
                Standing::Organ => "add `party = \"…\"`: the party it is an organ of",
                Standing::Affiliated => "add `party = \"…\"`: the party it is affiliated with",
                _ => "add `party = \"…\"`: the party it speaks as a member of",
            },
        ),
        (Some(p), Standing::Independent | Standing::Unknown) => fc.error(
            Code::Standing,
            p.span(),
            format!("source `{id}` is {} but names party `{}`", st.name(), p.get_ref()),
            match st {
                Standing::Unknown => "drop `party`: an unknown source names no one; \"Armenian sources said\" is `attribution = \"unnamed\"` on a source of that party",
                _ => "drop `party`, or say how it stands: organ, affiliated or individual",
            },
        ),
        _ => {}
    }
    st
}

pub(super) fn note_spanning(fc: &mut FileCheck<'_>, c: &ClaimFile, said: Option<&When>) {
    let Some(said) = said else { return };
    let (first, last) = said.span();
    if (first.0, first.1, first.2) == (last.0, last.1, last.2) {
        return;
    }
    let voices = [Some(&c.source), c.origin.as_ref()];
    let spanning = Spanning {
        claim: c.id.get_ref().clone(),
        voices: voices
            .into_iter()
            .flatten()
            .map(|v| v.get_ref().clone())
            .collect(),
        said: said.clone(),
        place: fc.place(&c.said.span()),
    };
    fc.out.spanning.push(spanning);
}
