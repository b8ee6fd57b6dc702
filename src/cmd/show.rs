//! `claims show CLAIM-ID`: one claim in full, its revisions, and the rows of
//! `compare` it feeds.

use std::io::Write;

use serde_json::json;

use super::Context;
use crate::cmd::list::subject_and_says;
use crate::compare::{self, FigureValue, Options, Topic};
use crate::error::unknown;
use crate::model::{Claim, Dataset};
use crate::output::Format;
use crate::render::{json as jsonr, write_sheet, Cell, Sheet};

/// A row of the comparison a claim takes part in, and how.
pub struct Feed {
    pub section: &'static str,
    pub row: String,
    pub role: String,
    pub verdict: String,
    /// The voice's statements on the row, oldest first: "≥ 49 [2022-09-13] → 105 [2022-09-14]".
    pub revisions: String,
}

/// "value [when]" for each step, joined with arrows; this claim's step is starred.
fn chain<'a>(steps: impl Iterator<Item = (String, &'a Claim)>, me: &Claim) -> String {
    steps
        .map(|(text, c)| {
            let mark = if std::ptr::eq(c, me) {
                " (this claim)"
            } else {
                ""
            };
            format!("{text} [{}]{mark}", c.said)
        })
        .collect::<Vec<_>>()
        .join(" → ")
}

/// Where a claim stands in its event's comparison.
pub fn feeds(ds: &Dataset, claim: &Claim) -> Vec<Feed> {
    let Some(event) = ds.event(&claim.event) else {
        return Vec::new();
    };
    let cmp = compare::compare(ds, event, Options::default());
    let mut out = Vec::new();
    let is = |c: &&Claim| std::ptr::eq(*c, claim);
    for row in &cmp.figures {
        for v in &row.voices {
            let role = if v.value.claims().iter().any(is) {
                match &v.value {
                    FigureValue::Stated(..) => Some("current figure".to_string()),
                    FigureValue::Derived { .. } => {
                        Some(format!("a part of the derived sum {}", v.value.text()))
                    }
                }
            } else if v.earlier.iter().any(|e| e.claims().iter().any(is)) {
                Some("superseded by a later statement".to_string())
            } else {
                None
            };
            if let Some(role) = role {
                let steps = v
                    .earlier
                    .iter()
                    .chain(std::iter::once(&v.value))
                    .filter_map(|val| {
                        let newest = val
                            .claims()
                            .into_iter()
                            .max_by(|a, b| a.said.order(&b.said).then(a.seq.cmp(&b.seq)))?;
                        // A derived sum is shown under the part this claim is, if it is one.
                        let c = val
                            .claims()
                            .into_iter()
                            .find(|c| std::ptr::eq(*c, claim))
                            .unwrap_or(newest);
                        Some((val.text(), c))
                    });
                out.push(Feed {
                    section: "figures",
                    row: format!("{} · {}", ds.party_name(&row.party), row.metric.label),
                    role,
                    verdict: verdict_text(&row.verdict),
                    revisions: chain(steps, claim),
                });
            }
        }
    }
    for row in &cmp.statements {
        for v in &row.voices {
            let role = if std::ptr::eq(v.claim, claim) {
                Some("current statement")
            } else if v.earlier.iter().any(is) {
                Some("superseded by a later statement")
            } else {
                None
            };
            if let Some(role) = role {
                out.push(Feed {
                    section: match row.topic {
                        Topic::Act(_) => "accusations",
                        Topic::Proposition(_) => "positions",
                    },
                    row: row.label().to_string(),
                    role: role.to_string(),
                    verdict: verdict_text(&row.verdict),
                    revisions: chain(
                        v.earlier
                            .iter()
                            .chain(std::iter::once(&v.claim))
                            .map(|c| (crate::cmd::list::subject_and_says(ds, c).1, *c)),
                        claim,
                    ),
                });
            }
        }
    }
    out
}

fn verdict_text(v: &compare::Verdict) -> String {
    match v {
        compare::Verdict::Conflict(d) => format!("conflict: {}", d.gap),
        other => other.name().to_string(),
    }
}

pub fn run(ctx: &Context, id: &str, out: &mut dyn Write) -> anyhow::Result<u8> {
    let ds = ctx.dataset()?;
    let Some(c) = ds.claim(id) else {
        return Err(
            unknown("claim", id, ds.claims.iter().map(|c| c.id.as_str()))
                .hint(format!(
                    "{} `claims list` shows claim ids",
                    crate::suggest::hint(id, ds.claims.iter().map(|c| c.id.as_str()))
                ))
                .into(),
        );
    };
    let (subject, says) = subject_and_says(&ds, c);
    let source = ds.source(&c.source);
    let doc = ds.document(&c.document);
    let feeds = feeds(&ds, c);
    let via = serde_json::to_value(c.via)?
        .as_str()
        .unwrap_or("")
        .to_string();
    if ctx.style.format == Format::Json {
        let body = json!({
            "claim": c.id, "event": c.event, "source": c.source, "origin": c.origin,
            "said": c.said.to_string(), "via": via, "kind": c.kind_name(), "subject": subject, "says": says,
            "hedged": c.hedged, "quote": c.quote, "quote_kind": c.quote_kind, "language": c.language,
            "reading": c.reading, "english": c.english, "note": c.note,
            "document": doc.map(|d| json!({"id": d.id, "title": d.title, "outlet": d.outlet, "url": d.url,
                "published": d.published.as_ref().map(|p| p.to_string()), "relation": d.relation})),
            "feeds": feeds.iter().map(|f| json!({"section": f.section, "row": f.row, "role": f.role, "verdict": f.verdict, "revisions": f.revisions})).collect::<Vec<_>>(),
        });
        jsonr::write(out, "claim", body)?;
        return Ok(0);
    }
    let mut sheet = Sheet::new(["field", "value"]).titled(format!("Claim {}", c.id));
    let mut add = |k: &str, v: String| sheet.push(vec![Cell::new(k), Cell::new(v)]);
    add(
        "event",
        format!(
            "{} ({})",
            c.event,
            ds.event(&c.event).map_or("", |e| e.title.as_str())
        ),
    );
    add(
        "source",
        match source {
            Some(s) => format!(
                "{} — {}{}",
                s.id,
                s.name,
                s.party
                    .as_deref()
                    .map_or(String::new(), |p| format!(", for {}", ds.party_name(p)))
            ),
            None => c.source.clone(),
        },
    );
    if let Some(o) = &c.origin {
        add("relaying", o.clone());
    }
    add("said", format!("{} (via {via})", c.said));
    add("asserts", format!("{}: {subject} — {says}", c.kind_name()));
    add(
        "hedged",
        if c.hedged {
            "yes: a second-hand or conditional report".into()
        } else {
            "no".into()
        },
    );
    let label = match c.quote_kind {
        crate::model::QuoteKind::Verbatim => format!("quote ({})", c.language),
        crate::model::QuoteKind::Paraphrase => "research notes".to_string(),
    };
    add(&label, c.quote.clone());
    if let Some(r) = &c.reading {
        add("reading", r.clone());
    }
    if let Some(e) = &c.english {
        add("English", e.clone());
    }
    if let Some(n) = &c.note {
        add("note", n.clone());
    }
    if let Some(d) = doc {
        add(
            "document",
            format!(
                "{}{}",
                crate::report::document_line(d),
                d.url
                    .as_deref()
                    .map_or(String::new(), |u| format!(" — {u}"))
            ),
        );
    }
    for f in &feeds {
        add(
            &format!("feeds ({})", f.section),
            format!("{} — {}; row verdict: {}", f.row, f.role, f.verdict),
        );
        add("  its revisions", f.revisions.clone());
    }
    if feeds.is_empty() {
        add("feeds", "no row of `compare`".to_string());
    }
    write_sheet(out, &sheet, &ctx.style)?;
    Ok(0)
}
