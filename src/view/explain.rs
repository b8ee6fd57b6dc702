//! Verdicts in words: why a row conflicts, how far apart its figures are,
//! why it cannot be weighed. Every output uses these.

use super::wording::{perspective_label, Naming, NO_ONE};
use crate::compare::{
    Agreement, Conflict, ConflictDetail, FigureEntry, Incomparable, StanceEntry, Verdict,
};
use crate::model::quantity::format_ratio;
use crate::model::{Assertion, Claim, Place};

fn accusation_of(c: &Claim) -> Option<&crate::model::Accusation> {
    match &c.assertion {
        Assertion::Accusation(x) => Some(x),
        _ => None,
    }
}

/// The voices that more than one speaker of a merged voice speak for.
pub fn shared_voices<'v>(voices: &'v [StanceEntry]) -> std::collections::HashSet<&'v str> {
    let mut first: std::collections::HashMap<&str, Option<&str>> = Default::default();
    let mut shared = std::collections::HashSet::new();
    for v in voices {
        match first.get(v.key.as_str()) {
            Some(s) if *s != v.speaker.as_deref() => {
                shared.insert(v.key.as_str());
            }
            Some(_) => {}
            None => {
                first.insert(&v.key, v.speaker.as_deref());
            }
        }
    }
    shared
}

/// How a participant is named: its voice, with its speaker when another
/// speaker of the same voice is on the row ("Armenia (Arm. MoD)").
fn name(
    voices: &[StanceEntry],
    i: usize,
    shared: &std::collections::HashSet<&str>,
    naming: &Naming,
) -> String {
    match shared.contains(voices[i].key.as_str()) {
        true => naming.voice(&voices[i].who()),
        false => naming.voice(&voices[i].key),
    }
}

/// The participants' names, each once, in entry order.
fn keys(voices: &[StanceEntry], among: &[usize], naming: &Naming) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let shared = shared_voices(voices);
    for &i in among {
        let label = name(voices, i, &shared, naming);
        if seen.insert(label.clone()) {
            out.push(label);
        }
    }
    out
}

/// Every time the participants gave, when they differ, as people write
/// them: " (times differ: Arm. MoD 13:45, Az. MoD 12:00 on 12 Jul 2020)".
fn times(voices: &[StanceEntry], d: &ConflictDetail, naming: &Naming) -> String {
    let shared = shared_voices(voices);
    let given: Vec<(String, String)> = d
        .participants
        .iter()
        .filter_map(|&i| {
            let at = accusation_of(voices[i].claim)?.at.as_ref()?;
            let words = super::wording::at_words(at);
            let words = words.strip_prefix("at ").unwrap_or(&words).to_string();
            Some((name(voices, i, &shared, naming), words))
        })
        .collect();
    let mut distinct: Vec<&String> = given.iter().map(|(_, t)| t).collect();
    distinct.sort();
    distinct.dedup();
    if distinct.len() < 2 {
        return String::new();
    }
    let each: Vec<String> = given.iter().map(|(k, t)| format!("{k} {t}")).collect();
    format!(" (times differ: {})", each.join(", "))
}

/// "Yerevan accuses Azerbaijan; Baku denies it", or who affirms and who denies.
/// `affirm` and `deny` are the participants on each side.
fn affirm_deny(
    voices: &[StanceEntry],
    d: &ConflictDetail,
    naming: &Naming,
    (affirm, deny): (Vec<usize>, Vec<usize>),
) -> String {
    let (yes, no) = (keys(voices, &affirm, naming), keys(voices, &deny, naming));
    let verb = |who: &[String], one: &'static str, many: &'static str| {
        if who.len() == 1 {
            one
        } else {
            many
        }
    };
    let (y, n) = (yes.join(", "), no.join(", "));
    match accusation_of(voices[d.first].claim) {
        Some(a) => format!(
            "{y} {} {}; {n} {} it",
            verb(&yes, "accuses", "accuse"),
            a.accused
                .as_deref()
                .map_or(NO_ONE.into(), |p| naming.party(p)),
            verb(&no, "denies", "deny")
        ),
        None => format!(
            "{y} {}, {n} {}",
            verb(&yes, "affirms", "affirm"),
            verb(&no, "denies", "deny")
        ),
    }
}

/// Why a statement row conflicts, naming every voice that takes part.
pub fn statement_explanation(
    voices: &[StanceEntry],
    d: &ConflictDetail,
    naming: &Naming,
) -> String {
    let with = |pred: &dyn Fn(&StanceEntry) -> bool| -> Vec<usize> {
        d.participants
            .iter()
            .copied()
            .filter(|&i| pred(&voices[i]))
            .collect()
    };
    let denies = |e: &StanceEntry| match &e.claim.assertion {
        Assertion::Accusation(a) => a.denies,
        Assertion::Position(p) => p.stance == crate::model::Stance::Denies,
        Assertion::Figure(_) | Assertion::Retraction { .. } => false,
    };
    match &d.conflict {
        Conflict::AffirmDeny => {
            let sides = (with(&|e| !denies(e)), with(&denies));
            affirm_deny(voices, d, naming, sides)
        }
        Conflict::Mirror => format!("each blames the other{}", times(voices, d, naming)),
        Conflict::Contradictory => {
            let shared = shared_voices(voices);
            let each: Vec<String> = d
                .participants
                .iter()
                .filter_map(|&i| {
                    Some(format!(
                        "{} blames {}",
                        name(voices, i, &shared, naming),
                        naming.party(accusation_of(voices[i].claim)?.accused.as_deref()?)
                    ))
                })
                .collect();
            format!("{}{}", each.join(", "), times(voices, d, naming))
        }
        Conflict::Exclusive { rivals } => {
            // A verdict names a few; the conflict's detail lists every rival.
            let who = at_most(keys(voices, &d.participants, naming), SHOWN, ", ");
            let each: Vec<String> = rivals
                .iter()
                .map(|r| {
                    format!(
                        "{} affirms “{}”",
                        naming.voice(&r.voice),
                        r.proposition.text
                    )
                })
                .collect();
            let which = if rivals.len() == 1 {
                "excludes"
            } else {
                "exclude"
            };
            format!(
                "{who} affirms this; {}, which {which} it",
                at_most(each, SHOWN, "; ")
            )
        }
        Conflict::Figures { ratio, .. } => format!("{} apart", format_ratio(*ratio)),
    }
}

/// How many voices or rivals a verdict's wording names before "and N more".
const SHOWN: usize = 4;

/// The first `shown` items joined, then "and N more".
fn at_most(items: Vec<String>, shown: usize, sep: &str) -> String {
    let n = items.len();
    let mut text = items.into_iter().take(shown).collect::<Vec<_>>().join(sep);
    if n > shown {
        text.push_str(&format!("{sep}and {} more", n - shown));
    }
    text
}

/// An interval as a reader says it: "3", "200–1999", "at least 11".
fn in_words(iv: &crate::model::quantity::Interval) -> String {
    match iv.high {
        _ if iv.is_point() => iv.low.to_string(),
        Some(h) => format!("{}–{h}", iv.low),
        None => format!("at least {}", iv.low),
    }
}

/// Why a figure row conflicts or is far apart: the gap, the intervals when
/// they are not exact figures, the perspectives when they differ.
pub fn figure_explanation(voices: &[FigureEntry], d: &ConflictDetail) -> String {
    let (a, b) = (&voices[d.first], &voices[d.second]);
    let (ratio, in_time_order) = match d.conflict {
        Conflict::Figures {
            ratio,
            in_time_order,
        } => (ratio, in_time_order),
        _ => (f64::NAN, false),
    };
    let mut gap = format!("{} apart", format_ratio(ratio));
    let (ia, ib) = (a.value.interval(), b.value.interval());
    // Against zero no ratio means anything: "70 against none acknowledged".
    let none = |iv: &crate::model::quantity::Interval| iv.high == Some(Default::default());
    if ratio.is_infinite() && (none(&ia) || none(&ib)) {
        let some = if none(&ia) { &ib } else { &ia };
        gap = format!("{} against none acknowledged", in_words(some));
    } else if !(ia.is_point() && ib.is_point()) {
        gap = format!(
            "{} against {} (at least {gap})",
            in_words(&ia),
            in_words(&ib)
        );
    }
    if in_time_order {
        gap.push_str(", an earlier count above a later total");
    }
    // Two speakers of one merged voice: a disagreement, never a revision.
    if a.key == b.key && a.speaker != b.speaker {
        let (ta, tb) = (
            super::wording::value_text(&a.value),
            super::wording::value_text(&b.value),
        );
        return format!("the side's own voices disagree: {ta} vs {tb} ({gap})");
    }
    if a.perspective != b.perspective {
        let (pa, pb) = (
            perspective_label(a.perspective),
            perspective_label(b.perspective),
        );
        gap = format!("{gap}; {pa} vs {pb}");
    }
    gap
}

/// Why a figure row is far apart though both can be true.
pub fn gap_explanation(voices: &[FigureEntry], d: &ConflictDetail) -> String {
    let (a, b) = (&voices[d.first], &voices[d.second]);
    let ratio = match d.conflict {
        Conflict::Figures { ratio, .. } => ratio,
        _ => f64::NAN,
    };
    let (ta, tb) = (
        super::wording::value_text(&a.value),
        super::wording::value_text(&b.value),
    );
    format!(
        "figures put forward {} apart ({ta} vs {tb}), though both can be true",
        format_ratio(ratio)
    )
}

fn incomparable(why: Incomparable) -> &'static str {
    match why {
        Incomparable::DifferentMoments => "different moments",
        Incomparable::DifferentScopes => "different scopes (this event against a running total)",
        Incomparable::DifferentPeriods => {
            "different periods (running totals counted from different dates)"
        }
        Incomparable::OpenEnded => "no figure sets an upper bound",
        Incomparable::Incomplete => "a sum missing a part is a floor, not a figure",
        Incomparable::WeighedPerParty => {
            "sums of each party's figures, weighed on the parties' own rows"
        }
        Incomparable::AboveGrowingFloor => {
            "different moments; the later count is at or above what the earlier one's growing parts had reached"
        }
    }
}

/// A row's verdict in a few words: "CONFLICT: 4.1× apart", "consistent (2 voices)".
pub fn verdict_text(v: &Verdict, explanation: &str, single: Option<&str>) -> String {
    match v {
        Verdict::Conflict(_) => format!("CONFLICT: {explanation}"),
        Verdict::Gap(_) => format!("far apart: {explanation}"),
        Verdict::Consistent {
            voices,
            agreement: Agreement::Confirmed,
        } => format!("consistent ({voices} voices; confirmed by both sides)"),
        Verdict::Consistent {
            voices,
            agreement: Agreement::BothSides,
        } => format!("consistent ({voices} voices; agreed by both sides)"),
        Verdict::Consistent {
            voices,
            agreement: Agreement::Allied,
        } => format!("consistent ({voices} voices; one side and its ally, not independent)"),
        Verdict::Consistent {
            voices,
            agreement: Agreement::Unattributed,
        } => format!("consistent ({voices} voices; at most one named, not independent)"),
        Verdict::Consistent { voices, .. } => format!("consistent ({voices} voices)"),
        Verdict::NotComparable(why) => format!("not comparable: {}", incomparable(*why)),
        Verdict::SingleSource => match single {
            Some(p) => format!("single source ({p})"),
            None => "single source".to_string(),
        },
        Verdict::Appeal => "appeal: no side taken".to_string(),
        Verdict::Demand => "demand on one party: not a voice on the facts".to_string(),
        Verdict::Withdrawn => "withdrawn: nothing said here still stands".to_string(),
    }
}

/// "; places differ: Kilisali / Yukhari Ayrim" when the voices put it in
/// places that do not all lie within one another.
pub fn places_note(ds: &crate::model::Dataset, places: &[&Place]) -> String {
    if places.is_empty() {
        return String::new();
    }
    let names: Vec<String> = places.iter().map(|p| p.shown(ds)).collect();
    format!("; places differ: {}", names.join(" / "))
}

/// The label of a conflict's kind in the numbered list.
pub fn conflict_label(c: &Conflict) -> &'static str {
    match c {
        Conflict::Mirror => "mirror accusation",
        Conflict::AffirmDeny => "affirm vs deny",
        Conflict::Contradictory => "contradictory accusations",
        Conflict::Exclusive { .. } => "exclusive positions",
        Conflict::Figures { .. } => "figures",
    }
}
