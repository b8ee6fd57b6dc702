//! `claims show CLAIM-ID`: one claim in full, its revisions, and the rows of
//! `compare` it feeds.

use std::io::Write;

use serde::Serialize;

use super::Context;
use crate::error::unknown;
use crate::model::{Assertion, Attribution, Claim, Dataset, Document, QuoteKind};
use crate::render::emit_sheet;
use crate::view::citation::{document_line, said_text, via_name};
use crate::view::feeds::{feeds, Feed};
use crate::view::wording::subject_and_says;
use crate::view::{Cell, Sheet};

#[derive(Serialize)]
struct DocumentRecord<'a> {
    id: &'a str,
    title: Option<&'a str>,
    outlet: &'a str,
    url: Option<&'a str>,
    published: Option<String>,
    relation: Option<&'a str>,
}

#[derive(Serialize)]
struct FeedRecord<'a> {
    section: &'a str,
    row: &'a str,
    role: &'a str,
    verdict: &'a str,
    revisions: &'a str,
}

/// The JSON `claim`.
#[derive(Serialize)]
pub(crate) struct ClaimRecord<'a> {
    claim: &'a str,
    event: &'a str,
    source: &'a str,
    origin: Option<&'a str>,
    /// How a relay got its origin wrong: the claim is no voice.
    #[serde(skip_serializing_if = "Option::is_none")]
    misreports: Option<&'a str>,
    said: String,
    /// Its place among its source's statements of that day.
    #[serde(skip_serializing_if = "Option::is_none")]
    order: Option<u16>,
    via: String,
    kind: &'static str,
    subject: String,
    says: String,
    hedged: bool,
    /// `on-record`, `unnamed` or `unofficial`.
    attribution: Attribution,
    place: Option<&'a str>,
    /// The claim this one retracts or corrects.
    withdraws: Option<&'a str>,
    quote: &'a str,
    quote_kind: QuoteKind,
    language: &'a str,
    reading: Option<&'a str>,
    english: Option<&'a str>,
    note: Option<&'a str>,
    document: Option<DocumentRecord<'a>>,
    /// Other documents that carried the same statement.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    reports: Vec<crate::view::records::ReportRef<'a>>,
    /// For a record of what was documented afterwards: its basis.
    #[serde(skip_serializing_if = "Option::is_none")]
    record: Option<RecordBasis<'a>>,
    /// A third party's sum of the parties' own figures: never a voice.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    sum_of_own: bool,
    feeds: Vec<FeedRecord<'a>>,
}

#[derive(Serialize)]
struct RecordBasis<'a> {
    basis: &'static str,
    floor: bool,
    imagery: Option<&'a crate::model::record::Imagery>,
}

pub(crate) fn record<'a>(ds: &'a Dataset, c: &'a Claim, feeds: &'a [Feed]) -> ClaimRecord<'a> {
    let (subject, says) = subject_and_says(ds, c);
    let document = ds.document(&c.document).map(|d| DocumentRecord {
        id: &d.id,
        title: d.title.as_deref(),
        outlet: &d.outlet,
        url: d.url.as_deref(),
        published: d.published.as_ref().map(|p| p.to_string()),
        relation: d.relation.as_deref(),
    });
    let feeds = feeds.iter().map(|f| FeedRecord {
        section: f.section,
        row: &f.row,
        role: &f.role,
        verdict: &f.verdict,
        revisions: &f.revisions,
    });
    ClaimRecord {
        claim: &c.id,
        event: &c.event,
        source: &c.source,
        origin: c.origin.as_deref(),
        misreports: c.misreports.as_deref(),
        said: c.said.to_string(),
        order: c.order,
        via: via_name(c),
        kind: c.kind_name(),
        subject,
        says,
        hedged: c.hedged,
        attribution: c.attribution,
        place: c.place.as_deref(),
        withdraws: withdraws(c),
        quote: &c.quote,
        quote_kind: c.quote_kind,
        language: &c.language,
        reading: c.reading.as_deref(),
        english: c.english.as_deref(),
        note: c.note.as_deref(),
        document,
        reports: c
            .reports
            .iter()
            .map(crate::view::records::ReportRef::of)
            .collect(),
        record: c.record.as_ref().map(|d| RecordBasis {
            basis: d.basis.as_str(),
            floor: d.basis.is_floor(),
            imagery: d.imagery.as_ref(),
        }),
        sum_of_own: c.sum_of_own,
        feeds: feeds.collect(),
    }
}

/// The claim a claim retracts or corrects.
fn withdraws(c: &Claim) -> Option<&str> {
    match &c.assertion {
        Assertion::Retraction { of } => Some(of),
        _ => c.corrects.as_deref(),
    }
}

fn source_line(ds: &Dataset, c: &Claim) -> String {
    match ds.source(&c.source) {
        Some(s) => {
            let party = s.party.as_deref();
            let party = party.map_or(String::new(), |p| format!(", for {}", ds.party_name(p)));
            format!("{} — {}{party}", s.id, s.name)
        }
        None => c.source.clone(),
    }
}

fn document_cell(d: &Document) -> String {
    let url = d
        .url
        .as_deref()
        .map_or(String::new(), |u| format!(" — {u}"));
    format!("{}{url}", document_line(d))
}

/// Whom it relays, with whom it was said, and whether it misreports.
fn relations(c: &Claim, add: &mut dyn FnMut(&str, String)) {
    if let Some(o) = &c.origin {
        add("relaying", o.clone());
    }
    if !c.with.is_empty() {
        add(
            "with",
            format!(
                "{}: a joint statement, each signatory a voice",
                c.with.join(", ")
            ),
        );
    }
    if let Some(how) = &c.misreports {
        add(
            "misreports",
            format!("{how}: it gets its origin wrong, and counts as no voice"),
        );
    }
}

/// The other outlets that carried the statement, and the rows it feeds.
fn where_else(ds: &Dataset, c: &Claim, feeds: &[Feed], add: &mut dyn FnMut(&str, String)) {
    // The other outlets that carried the same statement, each in its words.
    for r in &c.reports {
        let outlet = ds
            .document(&r.document)
            .map_or(r.document.clone(), document_cell);
        let wrong = r
            .misreports
            .as_deref()
            .map_or(String::new(), |how| format!(" (misreports it: {how})"));
        add("also in", format!("{outlet}: «{}»{wrong}", r.quote));
    }
    for f in feeds {
        let what = format!("{} — {}; row verdict: {}", f.row, f.role, f.verdict);
        add(&format!("feeds ({})", f.section), what);
        let under = if f.section == "documents" {
            "  the voices"
        } else {
            "  its revisions"
        };
        add(under, f.revisions.clone());
    }
    if feeds.is_empty() {
        add("feeds", "no row of `compare`".to_string());
    }
}

/// How it is hedged or attributed, and whether it is a record or a relayed sum.
fn marks(c: &Claim, add: &mut dyn FnMut(&str, String)) {
    let hedged = if c.hedged {
        "yes: a second-hand or conditional report"
    } else {
        "no"
    };
    add("hedged", hedged.into());
    if let Some(d) = &c.record {
        let reads = if d.basis.is_floor() {
            "a floor: at least that many"
        } else {
            "a stated total"
        };
        let mut line = format!(
            "{}: {reads}; weighed against the claims, never among them",
            d.basis
        );
        if let Some(i) = &d.imagery {
            line += &format!(" (imagery {}, SHA-256 {})", i.url, i.sha256);
        }
        add("record", line);
    }
    if c.sum_of_own {
        add(
            "sum of own",
            "a third party adding up the sides' own figures: shown, never a voice".into(),
        );
    }
    if c.attribution != Attribution::OnRecord {
        add(
            "attribution",
            format!(
                "{}: a voice apart from the source's own",
                c.attribution.mark()
            ),
        );
    }
}

pub(crate) fn sheet(ds: &Dataset, c: &Claim, feeds: &[Feed]) -> Sheet {
    let title = match &c.implied_by {
        Some(i) => format!(
            "Statement {} (derived from claim {}, not in the data)",
            c.id, i.claim
        ),
        None if c.record.is_some() => format!("Record {} (what was documented afterwards)", c.id),
        None => format!("Claim {}", c.id),
    };
    let mut sheet = Sheet::new(["field", "value"]).titled(title);
    let mut add = |k: &str, v: String| sheet.push(vec![Cell::new(k), Cell::new(v)]);
    let title = ds.event(&c.event).map_or("", |e| e.title.as_str());
    add("event", format!("{} ({title})", c.event));
    add("source", source_line(ds, c));
    relations(c, &mut add);
    add("said", format!("{} (via {})", said_text(c), via_name(c)));
    let (subject, says) = subject_and_says(ds, c);
    add("asserts", format!("{}: {subject} — {says}", c.kind_name()));
    marks(c, &mut add);
    if let Some(p) = &c.place {
        add(
            "place",
            ds.place(p)
                .map_or(p.clone(), |x| format!("{} ({p})", x.shown(ds))),
        );
    }
    if let Some(t) = withdraws(c) {
        let verb = if c.corrects.is_some() {
            "corrects"
        } else {
            "retracts"
        };
        add("withdraws", format!("{verb} {t}, which no longer counts"));
    }
    let label = match c.quote_kind {
        QuoteKind::Verbatim => format!("quote ({})", c.language),
        QuoteKind::Paraphrase => "research notes".to_string(),
    };
    add(&label, c.quote.clone());
    let optional = [
        ("reading", &c.reading),
        ("English", &c.english),
        ("note", &c.note),
    ];
    for (k, v) in optional {
        if let Some(v) = v {
            add(k, v.clone());
        }
    }
    if let Some(d) = ds.document(&c.document) {
        add("document", document_cell(d));
    }
    where_else(ds, c, feeds, &mut add);
    sheet
}

pub fn run(ctx: &Context, id: &str, out: &mut dyn Write) -> anyhow::Result<u8> {
    let ds = ctx.dataset()?;
    // Statements derived from positions are not claims to suggest.
    let ids = || {
        ds.claims
            .iter()
            .filter(|c| c.implied_by.is_none())
            .chain(&ds.records)
            .map(|c| c.id.as_str())
    };
    let Some(c) = ds.claim(id).or_else(|| ds.record(id)) else {
        let hint = crate::suggest::hint(id, ids());
        let err = unknown("claim", id, ids()).hint(format!("{hint} `claims list` shows claim ids"));
        return Err(err.into());
    };
    let feeds = match c.record {
        Some(_) => crate::view::feeds::documents(&ds, c),
        None => feeds(&ds, c),
    };
    emit_sheet(
        out,
        &ctx.style,
        "claim",
        &record(&ds, c, &feeds),
        &sheet(&ds, c, &feeds),
    )?;
    Ok(0)
}
