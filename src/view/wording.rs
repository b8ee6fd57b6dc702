//! How the comparison's data is put in words: figures ("7 + 10 = 17"),
//! stances ("accuses Azerbaijan"), perspectives and verdict explanations
//! ("4.1× apart; adversary claim vs self-report"). Every output uses these.

pub use super::naming::{voice_label, Naming};
pub use super::perspective_words::{perspective_label, perspective_short, perspective_words};
pub use super::stated::readings_note;
use crate::compare::{
    FigureEntry, FigureRow, FigureValue, Perspective, Reconcile, Reconciled, StanceEntry, Withdrawn,
};
use crate::model::{Accusation, Assertion, Attribution, Claim, Dataset, Stance};

/// A source as headings call it: its short name, else its id.
pub fn source_short(ds: &Dataset, id: &str) -> String {
    ds.source(id)
        .and_then(|s| s.short_name.clone())
        .unwrap_or_else(|| id.to_string())
}

/// "70", "≥ 4", "7 + 10 = 17", "7 + ? = ≥ 7".
pub fn value_text(v: &FigureValue) -> String {
    match v {
        FigureValue::Stated(c, f) => super::stated::stated_text(c, f),
        FigureValue::Derived {
            parts, interval, ..
        } => {
            // A part the voice gave twice without a known order reads "3 or 4".
            let terms: Vec<String> = parts
                .iter()
                .map(|(_, p)| match p.as_slice() {
                    [] => "?".to_string(),
                    list => {
                        let mut each: Vec<String> =
                            list.iter().map(|(_, f)| f.quantity.to_string()).collect();
                        // Two voices giving the same figure read once.
                        each.dedup();
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
            // A part not given reads in words, never "? + ≥ 10":
            // "wounded ≥ 10, killed not given (≥ 10 in all)".
            if parts.iter().any(|(_, p)| p.is_empty()) {
                let named: Vec<String> = parts
                    .iter()
                    .zip(&terms)
                    .map(|((name, p), term)| {
                        let name = name.replace('-', " ");
                        if p.is_empty() {
                            format!("{name} not given")
                        } else {
                            format!("{name} {term}")
                        }
                    })
                    .collect();
                return format!("{} ({total} in all)", named.join(", "));
            }
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

/// " (retracted 2021-11-18)" or " (corrected 2021-11-18)" after a value its
/// voice withdrew; empty otherwise.
pub fn withdrawn_mark(by: Option<&Claim>) -> String {
    by.map_or(String::new(), |c| {
        if let Some(how) = &c.misreports {
            return format!(" (misreports its origin: {how})");
        }
        if c.sum_of_own {
            return " (a sum of the parties' own figures: not counted)".to_string();
        }
        let verb = match c.assertion {
            Assertion::Retraction { .. } => "retracted",
            _ => "corrected",
        };
        format!(" ({verb} {})", c.said)
    })
}

/// ", unnamed official" for a claim not on the record.
fn attribution_mark(claims: &[&Claim]) -> String {
    let a = claims
        .iter()
        .map(|c| c.attribution)
        .find(|a| *a != Attribution::OnRecord);
    a.map_or(String::new(), |a| format!(", {}", a.mark()))
}

/// A figure cell: "70 (adv.)", with `history` "49 [2022-09-13] → 105
/// [2022-09-14] (own)"; a voice's statements the data cannot order are all
/// shown, "4 (own); ≥ 11 (own) (order unknown)"; a withdrawn value is marked.
/// A figure cell: the perspective abbreviated ("adv.") unless `words`.
pub fn figure_cell(
    entries: &[FigureEntry],
    withdrawn: &Withdrawn,
    history: bool,
    words: bool,
    ds: &Dataset,
) -> String {
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
                let gone = withdrawn.get(v.dated_by().id.as_str()).copied();
                let mark = withdrawn_mark(gone.filter(|_| !v.is_derived()));
                text.push_str(&format!("{} [{}]{mark}", value_text(v), value_said(v)));
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
            let who = attribution_mark(&claims);
            // "unnamed official" already says it is not official.
            let p = match e.perspective {
                Perspective::OwnUnofficial if !who.is_empty() => "own",
                p if words => perspective_words(p),
                p => perspective_short(p),
            };
            let h = hedge(&claims);
            let old = if e.superseded && e.withdrawn.is_none() {
                ", since superseded"
            } else {
                ""
            };
            let gone = withdrawn_mark(e.withdrawn);
            // A relayed figure counts as its originator's: the cell says whose
            // words the column's source passes on, as a statement's does.
            let relay = claims
                .iter()
                .find_map(|c| c.origin.as_deref())
                .map_or(String::new(), |o| {
                    format!(", relaying {}", source_short(ds, o))
                });
            format!(
                "{}{date} ({p}{who}{relay}{old}){h}{gone}",
                value_text(&e.value)
            )
        })
        .collect();
    text.push_str(&each.join("; "));
    if entries.iter().any(|e| e.unordered > 0) {
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

/// When an act happened, as people write it: "at 06:10", "in May 2021",
/// "on 16 Nov 2021", "at 13:45 on 16 Nov 2021", "by 17 Nov 2021".
pub fn at_words(at: &crate::model::At) -> String {
    use crate::model::when::{Moment, When};
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let day = |m: &Moment| -> String {
        let month = m
            .month
            .and_then(|n| MONTHS.get(usize::from(n).wrapping_sub(1)));
        match (m.day, month) {
            (Some(d), Some(mo)) => format!("{d} {mo} {}", m.year),
            (None, Some(mo)) => format!("{mo} {}", m.year),
            _ => m.year.to_string(),
        }
    };
    let moment = |m: &Moment| -> String {
        let zone = m
            .offset
            .as_deref()
            .map_or(String::new(), |z| format!(" {z}"));
        match (m.hour_minute, m.day) {
            (Some((h, mi)), _) => format!("at {h:02}:{mi:02}{zone} on {}", day(m)),
            (None, Some(_)) => format!("on {}", day(m)),
            (None, None) => format!("in {}", day(m)),
        }
    };
    match at {
        crate::model::At::Clock { hour, minute } => format!("at {hour:02}:{minute:02}"),
        crate::model::At::When(When::At(m)) => moment(m),
        crate::model::At::When(When::By(m)) => format!("by {}", day(m)),
        crate::model::At::When(When::Around(m)) => {
            format!("around {}", moment(m).trim_start_matches("at "))
        }
        crate::model::At::When(When::Between(a, b)) => format!("between {} and {}", day(a), day(b)),
    }
}

/// How an accusation that names no violator reads.
pub const NO_ONE: &str = "no violator named";

/// "accuses Azerbaijan (at 12:30)", "denies Armenia did", "no violator
/// named"; with `name_act` (a question's row whose voices use different
/// acts), the act too: "accuses Armenia: provocations".
fn accusation_words(ds: &Dataset, c: &Claim, a: &Accusation, name_act: bool) -> String {
    let act = match name_act {
        true => format!(
            ": {}",
            ds.act(&a.act).map_or(a.act.as_str(), |x| x.label.as_str())
        ),
        false => String::new(),
    };
    let at = match (&a.at, act.is_empty()) {
        (Some(t), true) => format!(" ({})", at_words(t)),
        (Some(t), false) => format!(", {}", at_words(t)),
        (None, _) => String::new(),
    };
    let Some(accused) = a.accused.as_deref() else {
        return format!("{NO_ONE}{act}{at}");
    };
    // Its own side's act: "denies doing it"; another's: "denies Armenia did".
    let own = ds.party_of(c.voice()) == Some(accused);
    let who = ds.party_name(accused);
    match (a.denies, own) {
        (true, true) => format!("denies doing it{act}{at}"),
        (true, false) => format!("denies {who} did{act}{at}"),
        (false, _) => format!("accuses {who}{act}{at}"),
    }
}

/// "accuses Azerbaijan (at 12:30)", "denies Armenia did", "affirms", "70";
/// `name_act` on a row whose accusations name different acts.
pub fn stance_text(ds: &Dataset, c: &Claim, name_act: bool) -> String {
    let body = match &c.assertion {
        Assertion::Accusation(a) => accusation_words(ds, c, a, name_act),
        Assertion::Position(p) => stance_word(p.stance).to_string(),
        Assertion::Figure(f) => f.quantity.to_string(),
        Assertion::Retraction { of } => format!("retracts {of}"),
    };
    // A relayed statement says whose words it passes on; where, when it says.
    let relay = c.origin.as_ref().map_or(String::new(), |o| {
        format!(" (relaying {})", source_short(ds, o))
    });
    let place = c.place.as_deref().map_or(String::new(), |p| {
        format!(" at {}", ds.place(p).map_or(p.to_string(), |x| x.shown(ds)))
    });
    let who = match c.attribution {
        Attribution::OnRecord => String::new(),
        a => format!(" ({})", a.mark()),
    };
    // A fact its demand takes for granted says which demand; a joint
    // statement, with whom.
    let mut implied = match &c.implied_by {
        Some(i) if i.kind == crate::model::Derivation::Presupposed => {
            format!(" (presupposed by its demand «{}»)", i.text)
        }
        _ => String::new(),
    };
    if !c.with.is_empty() {
        let with: Vec<String> = c.with.iter().map(|s| source_short(ds, s)).collect();
        implied.push_str(&format!(" (joint statement with {})", with.join(", ")));
    }
    format!("{body}{implied}{place}{who}{relay}{}", hedge(&[c]))
}

fn stance_word(s: Stance) -> &'static str {
    match s {
        Stance::Affirms => "affirms",
        Stance::Denies => "denies",
    }
}

/// A statement cell: each current statement, with `history` its earlier
/// ones; `name_act` as for [`stance_text`].
pub fn stance_cell(
    ds: &Dataset,
    entries: &[StanceEntry],
    withdrawn: &Withdrawn,
    (history, name_act): (bool, bool),
) -> String {
    let each = entries.iter().map(|e| {
        let mut t = String::new();
        if history {
            for c in &e.earlier {
                let mark = withdrawn_mark(withdrawn.get(c.id.as_str()).copied());
                t.push_str(&format!(
                    "{} [{}]{mark} → ",
                    stance_text(ds, c, name_act),
                    c.said
                ));
            }
        }
        t.push_str(&stance_text(ds, e.claim, name_act));
        t.push_str(&withdrawn_mark(e.withdrawn));
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
            let of = f.category.as_ref().map_or(String::new(), |c| {
                format!(
                    " ({})",
                    ds.category(c).map_or(c.as_str(), |x| x.label.as_str())
                )
            });
            let parts: Vec<String> = f
                .breakdown
                .iter()
                .map(|p| format!("{} {}", p.quantity, p.category.as_deref().unwrap_or("")))
                .collect();
            let parts = if parts.is_empty() {
                String::new()
            } else {
                format!(": {}", parts.join(", "))
            };
            (
                format!(
                    "{} · {}{of}",
                    ds.parties_name(&f.party),
                    ds.metric(&f.metric)
                        .map_or(f.metric.as_str(), |m| m.label.as_str())
                ),
                format!("{}{unit}{parts}{}", f.quantity, readings_note(f)),
            )
        }
        Assertion::Accusation(a) => {
            let verb = if a.denies { "denies" } else { "accuses" };
            let at =
                a.at.as_ref()
                    .map_or(String::new(), |t| format!(" ({})", at_words(t)));
            let act = ds.act(&a.act).map_or(a.act.as_str(), |x| x.label.as_str());
            (
                act.to_string(),
                match a.accused.as_deref() {
                    Some(p) => format!("{verb} {}{at}", ds.party_name(p)),
                    None => format!("{NO_ONE}{at}"),
                },
            )
        }
        Assertion::Position(p) => {
            // The proposition's words are the subject; its id is in `proposition`.
            let text = ds
                .proposition(&p.proposition)
                .map_or(p.proposition.as_str(), |x| x.text.as_str());
            (text.to_string(), stance_word(p.stance).to_string())
        }
        Assertion::Retraction { of } => (of.clone(), "retracted".to_string()),
    }
}

/// "killed or wounded", "destroyed (vehicles)" when the unit is not
/// people, "killed: border guards" for a category.
pub fn metric_label(row: &FigureRow) -> String {
    let mut label = row.metric.label.clone();
    if row.metric.unit != "people" {
        label = format!("{label} ({})", row.metric.unit);
    }
    match row.category {
        Some(c) => format!("{label}: {}", c.label),
        None => label,
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
