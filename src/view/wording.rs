//! How the comparison's data is put in words: figures ("7 + 10 = 17"),
//! stances ("accuses Azerbaijan"), perspectives and verdict explanations
//! ("4.1× apart; adversary claim vs self-report"). Every output uses these.

use crate::compare::{
    FigureEntry, FigureRow, FigureValue, Perspective, Reconcile, Reconciled, StanceEntry,
};
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
        FigureValue::Stated(_, f) => {
            // The moment and scope a count stands at, when they are not the usual.
            let mut text = f.quantity.to_string();
            if let Some(w) = &f.as_of {
                text.push_str(&format!(" as of {w}"));
            }
            if let Some(w) = &f.since {
                text.push_str(&format!(" since {w}"));
            }
            text
        }
        FigureValue::Derived {
            parts, interval, ..
        } => {
            // A part the voice gave twice without a known order reads "3 or 4".
            let terms: Vec<String> = parts
                .iter()
                .map(|(_, p)| match p.as_slice() {
                    [] => "?".to_string(),
                    list => {
                        let each: Vec<String> =
                            list.iter().map(|(_, f)| f.quantity.to_string()).collect();
                        if each.len() > 1 {
                            format!("({})", each.join(" or "))
                        } else {
                            each.join(" or ")
                        }
                    }
                })
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

/// The date shown beside a value in a history: a derived sum is as recent
/// as its newest part.
fn value_said(v: &FigureValue) -> String {
    v.dated_by().said.to_string()
}

/// What the data cannot order is said so, in every cell that holds it.
pub const UNORDERED: &str = "(order unknown)";

/// A figure cell: "70 (adv.)", with `history` "49 [2022-09-13] → 105
/// [2022-09-14] (own)"; a voice's statements the data cannot order are all
/// shown, "4 (own); ≥ 11 (own) (order unknown)".
pub fn figure_cell(entries: &[FigureEntry], history: bool) -> String {
    let Some(first) = entries.first() else {
        return String::new();
    };
    let mut text = String::new();
    if history {
        let mut prev: Option<&FigureValue> = None;
        for v in first.earlier.iter().chain([&first.value]) {
            if let Some(p) = prev {
                text.push_str(step(p, v));
            }
            if !std::ptr::eq(v, &first.value) {
                text.push_str(&format!("{} [{}]", value_text(v), value_said(v)));
            }
            prev = Some(v);
        }
    }
    let dated = history && (!first.earlier.is_empty() || entries.len() > 1);
    let each: Vec<String> = entries
        .iter()
        .map(|e| {
            let date = if dated {
                format!(" [{}]", value_said(&e.value))
            } else {
                String::new()
            };
            let claims = e.value.claims();
            let (p, h) = (perspective_short(e.perspective), hedge(&claims));
            let old = if e.superseded {
                ", since superseded"
            } else {
                ""
            };
            format!("{}{date} ({p}{old}){h}", value_text(&e.value))
        })
        .collect();
    text.push_str(&each.join("; "));
    if entries.len() > 1 {
        text.push(' ');
        text.push_str(UNORDERED);
    }
    text
}

/// Between two steps of a history: an arrow when the first was certainly
/// said before the second, a bar when the data cannot order them.
fn step(a: &FigureValue, b: &FigureValue) -> &'static str {
    if a.said().1 < b.said().0 {
        " → "
    } else {
        " | "
    }
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
    // A relayed statement says whose words it passes on.
    let relay = c
        .origin
        .as_ref()
        .map_or(String::new(), |o| format!(" (relaying {o})"));
    format!("{body}{relay}{}", hedge(&[c]))
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
    let mut text = each.collect::<Vec<_>>().join("; ");
    if entries.iter().any(|e| e.unordered > 0) {
        text.push(' ');
        text.push_str(UNORDERED);
    }
    text
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
