//! Citations: a claim's quote, reading, English rendering and where it was
//! reported; the documents of an event; the legend and summary sentence
//! every output shares.

use std::collections::BTreeSet;

use crate::compare::{Comparison, Perspective, OWN_SUM};
use crate::model::{Claim, Dataset, Document, QuoteKind};

/// What the figure cells' marks mean, under every figures table: what
/// "own" means, then the other marks.
const OWN_LOSSES: &str = "own = a party's report of its own losses";
/// "Own" when not every figure row counts losses: a party's own count of
/// its troops engaged is about itself, not its losses.
const OWN_MIXED: &str = "own = a party's report about itself (its losses or its forces)";
const OWN_NO_LOSSES: &str = "own = a party's report about itself";
const MARKS: &str =
    "adv. = one side's claim about the other's; 3rd = third party; (reportedly) = hedged report";

/// The legend of a comparison: what its marks mean, the marks only some
/// comparisons use when this one does.
pub fn legend(cmp: &Comparison) -> String {
    let entries = || cmp.figures.iter().flat_map(|r| r.cells.iter().flatten());
    let has = |p: Perspective| entries().any(|e| e.perspective == p);
    // "Losses" only where figure rows count losses.
    let losses = cmp.figures.iter().filter(|r| r.metric.losses).count();
    let own = match losses {
        0 if !cmp.figures.is_empty() => OWN_NO_LOSSES,
        n if n < cmp.figures.len() => OWN_MIXED,
        _ => OWN_LOSSES,
    };
    let mut text = format!("{own}; {MARKS}");
    if has(Perspective::OwnUnofficial) {
        text.push_str(
            "; own, unofficial = its media, individuals, unnamed officials or unofficial figures",
        );
    }
    if has(Perspective::SideOnThird) {
        text.push_str("; side on 3rd = one side of the event about a third party");
    }
    if has(Perspective::Ally) {
        text.push_str("; ally = a third state allied with a side, not independent");
    }
    if has(Perspective::Participant) {
        text.push_str("; party = a party to the transfer (it gave or received)");
    }
    if has(Perspective::Unattributed) {
        text.push_str("; unnamed = a report with no source named, never corroboration");
    }
    if has(Perspective::Mixed) {
        text.push_str("; incl. own = a count of several parties including the speaker's own");
    }
    if cmp.columns.iter().any(|c| c.id == OWN_SUM) {
        text.push_str(&format!(
            "; {OWN_SUM} = each party's own official figures, summed"
        ));
    }
    // What withdrew each entry that stands withdrawn: a retraction or
    // correction, or a misreporting relay itself.
    let gone = || {
        let statements = cmp.statements.iter().flat_map(|r| r.cells.iter().flatten());
        entries()
            .filter_map(|e| e.withdrawn)
            .chain(statements.filter_map(|e| e.withdrawn))
    };
    if gone().any(|c| c.misreports.is_none() && !c.sum_of_own) {
        text.push_str("; (retracted/corrected DATE) = withdrawn by its voice, not counted");
    }
    if gone().any(|c| c.sum_of_own) {
        text.push_str("; (a sum of the parties' own figures) = a third party adding up the sides' words, not counted");
    }
    if gone().any(|c| c.misreports.is_some()) {
        text.push_str("; (misreports its origin: …) = a relay that got it wrong, not counted");
    }
    if entries().any(|e| e.unordered > 0) {
        text.push_str(
            "; (order unknown) = statements of one voice the data cannot order, all current",
        );
    }
    if entries().any(|e| e.superseded && e.withdrawn.is_none()) {
        text.push_str("; since superseded = the voice it relays has said something newer");
    }
    if cmp.figures.iter().any(|r| !r.documented.records.is_empty()) {
        text.push_str(
            "; [… grade N] = how a figure stands to what was documented afterwards, graded 1 confirmed to 6 cannot be judged (`claims grades`)",
        );
    }
    text
}

/// When a claim was said, for a reader: "~…" is the file's shorthand, a
/// reader gets the word ("around 2021-11-16T11:00").
/// A statement ranked within its day says so ("2021-11-16, its 2nd that day").
pub fn said_text(c: &Claim) -> String {
    let when = match &c.said {
        crate::model::when::When::Around(m) => format!("around {m}"),
        w => w.to_string(),
    };
    match c.order {
        Some(n) => format!("{when}, its {} statement that day", ordinal(n)),
        None => when,
    }
}

/// "1st", "2nd", "3rd", "11th", "22nd".
fn ordinal(n: u16) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// "Overt Defense, “Title” (2021-11-17)".
pub fn document_line(d: &Document) -> String {
    let mut line = d.outlet.clone();
    if let Some(t) = &d.title {
        line.push_str(&format!(", “{t}”"));
    }
    if let Some(p) = &d.published {
        line.push_str(&format!(" ({p})"));
    }
    if let Some(r) = &d.relation {
        line.push_str(&format!(" [{r}]"));
    }
    line
}

/// The channel's name as files spell it ("phone-call-readout").
pub fn via_name(c: &Claim) -> String {
    serde_json::to_value(c.via)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// A claim as cited: its quote (or the notes' wording, marked as such), its
/// reading, English rendering and note, then who said it when, and where it
/// was reported.
pub fn claim_lines(ds: &Dataset, c: &Claim) -> Vec<String> {
    // A machine-reworded page's words are kept as they are, and say so.
    let sic = if garbled(ds, c) { " [sic]" } else { "" };
    let mut lines = vec![match c.quote_kind {
        QuoteKind::Verbatim => format!("«{}»{sic}", c.quote),
        QuoteKind::Paraphrase => format!("research notes: \"{}\"", c.quote),
    }];
    if let Some(r) = &c.reading {
        lines.push(format!("reading: {r}"));
    }
    if let Some(en) = &c.english {
        lines.push(format!("English: {en}"));
    }
    if let Some(note) = &c.note {
        // "running count", "unofficial", "approximate": a reader weighs the quote by it.
        lines.push(format!("note: {note}"));
    }
    // Sources by the short name headings use ("Arm. MoD"); the claim's id
    // stays at the end, to cite it by.
    let short = |id: &str| super::wording::source_short(ds, id);
    let said = said_text(c);
    let mut cite = format!("{} via {}, said {said}", short(&c.source), via_name(c));
    if let Some(o) = &c.origin {
        cite.push_str(&format!(", relaying {}", short(o)));
    }
    // Every outlet that carried it: one statement, however many reports.
    let docs = std::iter::once(&c.document).chain(c.reports.iter().map(|r| &r.document));
    let outlets: Vec<String> = docs
        .filter_map(|id| ds.document(id))
        .map(|d| match &d.url {
            Some(u) => format!("{}, {u}", document_line(d)),
            None => document_line(d),
        })
        .collect();
    if !outlets.is_empty() {
        cite.push_str(&format!("; reported in {}", outlets.join("; and in ")));
    }
    // A derived statement cites the claim whose words it rests on.
    match &c.implied_by {
        Some(i) => cite.push_str(&format!(" [claim {}, as derived]", i.claim)),
        None => cite.push_str(&format!(" [claim {}]", c.id)),
    }
    lines.push(cite);
    lines
}

/// Whether the claim's document is marked as a machine rewording.
pub fn garbled(ds: &Dataset, c: &Claim) -> bool {
    ds.document(&c.document).is_some_and(|d| d.garbled)
}

/// The claim's lines for a report: where its document is garbled, its
/// reading comes before the quote; (the reading if so, the quote, the rest).
pub fn reading_first(ds: &Dataset, c: &Claim) -> (Option<String>, String, Vec<String>) {
    let mut lines = claim_lines(ds, c);
    let quote = lines.remove(0);
    let at = lines.iter().position(|l| l.starts_with("reading: "));
    let first = at.filter(|_| garbled(ds, c)).map(|i| lines.remove(i));
    (first, quote, lines)
}

/// The documents an event's claims were reported in, in first-cited order.
pub fn documents<'a>(ds: &'a Dataset, event: &str) -> Vec<&'a Document> {
    let mut seen = BTreeSet::new();
    ds.claims_of_event(event)
        .filter(|c| seen.insert(c.document.as_str()))
        .filter_map(|c| ds.document(&c.document))
        .collect()
}
