//! How the comparison's data is put in words: figures ("7 + 10 = 17"),
//! stances ("accuses Azerbaijan"), perspectives and verdict explanations
//! ("4.1× apart; adversary claim vs self-report"). Every output uses these.

use crate::compare::{
    Conflict, ConflictDetail, FigureEntry, FigureRow, FigureValue, Perspective, Reconcile,
    Reconciled, StanceEntry, Verdict,
};
use crate::model::quantity::format_ratio;
use crate::model::{Assertion, Claim, Dataset, Stance};

pub fn perspective_label(p: Perspective) -> &'static str {
    match p {
        Perspective::Own => "self-report",
        Perspective::Adversary => "adversary claim",
        Perspective::ThirdParty => "third-party report",
    }
}

pub fn perspective_short(p: Perspective) -> &'static str {
    match p {
        Perspective::Own => "own",
        Perspective::Adversary => "adv.",
        Perspective::ThirdParty => "3rd",
    }
}

/// "70", "≥ 4", "7 + 10 = 17", "7 + ? = ≥ 7".
pub fn value_text(v: &FigureValue) -> String {
    match v {
        FigureValue::Stated(_, q) => q.to_string(),
        FigureValue::Derived {
            parts, interval, ..
        } => {
            let terms: Vec<String> = parts
                .iter()
                .map(|(_, p)| p.map_or("?".to_string(), |(_, q)| q.to_string()))
                .collect();
            let total = match interval.high {
                Some(h) if h == interval.low => h.to_string(),
                Some(h) => format!("{}–{h}", interval.low),
                None => format!("≥ {}", interval.low),
            };
            format!("{} = {total}", terms.join(" + "))
        }
    }
}

pub fn hedge(claims: &[&Claim]) -> &'static str {
    if claims.iter().any(|c| c.hedged) {
        " (reportedly)"
    } else {
        ""
    }
}

/// The date shown beside a value in a history.
fn value_said(v: &FigureValue) -> String {
    v.claims()
        .last()
        .map_or(String::new(), |c| c.said.to_string())
}

/// A figure cell: "70 (adv.)", with `history` "49 [2022-09-13] → 105 [2022-09-14] (own)".
pub fn figure_cell(e: &FigureEntry, history: bool) -> String {
    let mut text = String::new();
    if history {
        for v in &e.earlier {
            text.push_str(&format!("{} [{}] → ", value_text(v), value_said(v)));
        }
    }
    text.push_str(&value_text(&e.value));
    if history && !e.earlier.is_empty() {
        text.push_str(&format!(" [{}]", value_said(&e.value)));
    }
    let claims = e.value.claims();
    format!(
        "{text} ({}){}",
        perspective_short(e.perspective),
        hedge(&claims)
    )
}

/// "accuses Azerbaijan (12:30)", "denies Armenia did", "affirms", "70".
pub fn stance_text(ds: &Dataset, c: &Claim) -> String {
    let body = match &c.assertion {
        Assertion::Accusation(a) => {
            let who = ds.party_name(&a.accused);
            let at = a.at.as_ref().map_or(String::new(), |t| format!(" ({t})"));
            if a.denies {
                format!("denies {who} did{at}")
            } else {
                format!("accuses {who}{at}")
            }
        }
        Assertion::Position(p) => stance_word(p.stance).to_string(),
        Assertion::Figure(f) => f.quantity.to_string(),
    };
    format!("{body}{}", hedge(&[c]))
}

fn stance_word(s: Stance) -> &'static str {
    match s {
        Stance::Affirms => "affirms",
        Stance::Denies => "denies",
    }
}

/// A statement cell: each current statement, with `history` its earlier ones.
pub fn stance_cell(ds: &Dataset, entries: &[StanceEntry], history: bool) -> String {
    let each = entries.iter().map(|e| {
        let mut t = String::new();
        if history {
            for c in &e.earlier {
                t.push_str(&format!("{} [{}] → ", stance_text(ds, c), c.said));
            }
        }
        t.push_str(&stance_text(ds, e.claim));
        t
    });
    each.collect::<Vec<_>>().join("; ")
}

/// What a claim is about, and what it says about it: ("Armenia · killed", "≥ 49").
pub fn subject_and_says(ds: &Dataset, c: &Claim) -> (String, String) {
    match &c.assertion {
        Assertion::Figure(f) => {
            let unit = ds.metric(&f.metric).map_or("", |m| m.unit.as_str());
            let unit = if unit == "people" {
                String::new()
            } else {
                format!(" {unit}")
            };
            (
                format!("{} · {}", ds.party_name(&f.party), f.metric),
                format!("{}{unit}", f.quantity),
            )
        }
        Assertion::Accusation(a) => {
            let verb = if a.denies { "denies" } else { "accuses" };
            let at = a.at.as_ref().map_or(String::new(), |t| format!(" ({t})"));
            (
                a.act.clone(),
                format!("{verb} {}{at}", ds.party_name(&a.accused)),
            )
        }
        Assertion::Position(p) => {
            let text = ds
                .proposition(&p.proposition)
                .map_or("", |x| x.text.as_str());
            (
                p.proposition.clone(),
                format!("{}: {text}", stance_word(p.stance)),
            )
        }
    }
}

/// "killed or wounded", or "destroyed (vehicles)" when the unit is not people.
pub fn metric_label(row: &FigureRow) -> String {
    if row.metric.unit == "people" {
        row.metric.label.clone()
    } else {
        format!("{} ({})", row.metric.label, row.metric.unit)
    }
}

pub fn reconcile_header(rule: Reconcile) -> &'static str {
    match rule {
        Reconcile::Conservative => "reconciled (conservative: lowest figure)",
        Reconcile::Range => "reconciled (range: low / best / high)",
    }
}

/// "17", or "17 / 17 / 70"; ∞ for an open top.
pub fn reconciled_text(r: Option<Reconciled>) -> String {
    match r {
        None => String::new(),
        Some(Reconciled::Conservative(n)) => n.to_string(),
        Some(Reconciled::Range { low, best, high }) => {
            let high = high.map_or("∞".to_string(), |h| h.to_string());
            format!("{low} / {best} / {high}")
        }
    }
}

/// The at-times of two accusations, when both are given and differ.
fn times(a: &Claim, b: &Claim) -> String {
    let at = |c: &Claim| match &c.assertion {
        Assertion::Accusation(x) => x.at.clone(),
        _ => None,
    };
    match (at(a), at(b)) {
        (Some(t1), Some(t2)) if t1 != t2 => format!(" (times differ: {t1} vs {t2})"),
        _ => String::new(),
    }
}

fn accused(c: &Claim) -> &str {
    match &c.assertion {
        Assertion::Accusation(x) => &x.accused,
        _ => "",
    }
}

/// Why a statement row conflicts.
pub fn statement_explanation(voices: &[StanceEntry], d: &ConflictDetail) -> String {
    let (a, b) = (&voices[d.first], &voices[d.second]);
    match &d.conflict {
        Conflict::AffirmDeny => format!("{} affirms, {} denies", a.key, b.key),
        Conflict::Mirror => format!("each blames the other{}", times(a.claim, b.claim)),
        Conflict::Contradictory => format!(
            "{} blames {}, {} blames {}{}",
            a.key,
            accused(a.claim),
            b.key,
            accused(b.claim),
            times(a.claim, b.claim)
        ),
        Conflict::Exclusive { rival, voice, .. } => format!(
            "{} affirms this; {voice} affirms “{}”, which excludes it",
            a.key, rival.text
        ),
        Conflict::Figures { ratio } => format!("{} apart", format_ratio(*ratio)),
    }
}

/// Why a figure row conflicts: the gap, the intervals when they are not
/// exact figures, and the perspectives when they differ.
pub fn figure_explanation(voices: &[FigureEntry], d: &ConflictDetail) -> String {
    let (a, b) = (&voices[d.first], &voices[d.second]);
    let ratio = match d.conflict {
        Conflict::Figures { ratio } => ratio,
        _ => f64::NAN,
    };
    let mut gap = format!("{} apart", format_ratio(ratio));
    let (ia, ib) = (a.value.interval(), b.value.interval());
    if !(ia.is_point() && ib.is_point()) {
        gap = format!("{ia} vs {ib}: at least {gap}");
    }
    if a.perspective != b.perspective {
        gap = format!(
            "{gap}; {} vs {}",
            perspective_label(a.perspective),
            perspective_label(b.perspective)
        );
    }
    gap
}

/// A row's verdict in a few words: "CONFLICT: 4.1× apart", "consistent (2 voices)".
pub fn verdict_text(v: &Verdict, explanation: &str, single: Option<&str>) -> String {
    match v {
        Verdict::Conflict(_) => format!("CONFLICT: {explanation}"),
        Verdict::Consistent { voices } => format!("consistent ({voices} voices)"),
        Verdict::SingleSource => match single {
            Some(p) => format!("single source ({p})"),
            None => "single source".to_string(),
        },
        Verdict::Appeal => "appeal: no side taken".to_string(),
    }
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
