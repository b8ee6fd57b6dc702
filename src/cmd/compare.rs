//! `claims compare EVENT`: the aligned tables, the verdicts, and the numbered
//! conflicts with their quotes, in every output format.

use std::io::Write;

use serde_json::{json, Value};

use super::{exit, Context};
use crate::compare::{
    self, Comparison, FigureEntry, FigureRow, Options, StanceEntry, StatementRow, Verdict,
};
use crate::error::{unknown, UserError};
use crate::load::{self, ClaimFilter, DataSource, Keep};
use crate::model::{Assertion, Claim, Dataset, QuoteKind, Stance};
use crate::output::{Format, Style};
use crate::render::{delimited, json as jsonr, markdown, table, Cell, Sheet, Tone};
use crate::sanitize::{escape, markdown_cell};

pub struct Args {
    pub event: String,
    pub options: Options,
    pub history: bool,
    pub fail_on_conflict: bool,
}

pub fn run(ctx: &Context, args: &Args, out: &mut dyn Write) -> anyhow::Result<u8> {
    let ds = load_event(ctx, &args.event)?;
    let Some(event) = ds.event(&args.event) else {
        return Err(unknown_event(&ds, &args.event).into());
    };
    let cmp = compare::compare(&ds, event, args.options.clone());
    if cmp.claims_used == 0 {
        return Err(
            UserError::new(format!("no claims about `{}` were known by then", event.id))
                .hint("drop --as-of, or give a later date")
                .into(),
        );
    }
    render(&ds, &cmp, args.history, &ctx.style, out)?;
    Ok(if args.fail_on_conflict && cmp.conflict_count() > 0 {
        exit::CONFLICT
    } else {
        exit::OK
    })
}

/// Loads the data keeping only one event's claims; on a folder with a
/// current index, reads only the files that event needs.
pub(crate) fn load_event(ctx: &Context, event: &str) -> anyhow::Result<Dataset> {
    let keep = Keep::Matching(ClaimFilter {
        event: Some(event.to_string()),
        ..ClaimFilter::default()
    });
    let (mut files, diags, skipped) = load::files_for(&ctx.data);
    let mut whole = true;
    let chosen = match &ctx.data {
        DataSource::Folder(dir) => load::index::select(dir, &files, event),
        DataSource::Builtin => load::index::select_builtin(&files, event),
    };
    if let Some(chosen) = chosen {
        files = chosen.into_iter().map(|i| files[i].clone()).collect();
        whole = false;
    }
    Ok(ctx
        .load_files(files, diags, skipped, &keep, None, whole)?
        .dataset)
}

pub(crate) fn unknown_event(ds: &Dataset, event: &str) -> UserError {
    let ids = ds.events.iter().map(|e| e.id.as_str());
    unknown("event", event, ids.clone()).hint(format!(
        "{} `claims events` lists them",
        crate::suggest::hint(event, ids)
    ))
}

/// Writes a comparison in the style's format.
pub fn render(
    ds: &Dataset,
    cmp: &Comparison,
    history: bool,
    style: &Style,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let view = View::new(ds, cmp, history);
    match style.format {
        Format::Table => view.write_table(out, style)?,
        Format::Markdown => view.write_markdown(out)?,
        Format::Csv => view.write_delimited(out, b',', style)?,
        Format::Tsv => view.write_delimited(out, b'\t', style)?,
        Format::Json => jsonr::write(out, "comparison", view.json())?,
        Format::Html => crate::report::html::write(out, ds, &view)?,
    }
    Ok(())
}

/// One conflict, ready to print: what, why, and the claims on each side.
pub struct Note<'a> {
    pub subject: String,
    pub kind: &'static str,
    pub explanation: String,
    /// (voice, what it says, the claims it rests on)
    pub sides: Vec<(String, String, Vec<&'a Claim>)>,
}

/// The comparison laid out as sheets and notes, shared by every format and the report.
pub struct View<'a> {
    pub ds: &'a Dataset,
    pub cmp: &'a Comparison<'a>,
    pub figures: Sheet,
    pub statements: Sheet,
    pub notes: Vec<Note<'a>>,
}

fn hedge(claims: &[&Claim]) -> &'static str {
    if claims.iter().any(|c| c.hedged) {
        " (reportedly)"
    } else {
        ""
    }
}

fn figure_text(e: &FigureEntry, history: bool) -> String {
    let mut text = String::new();
    if history {
        for v in &e.earlier {
            text.push_str(&format!(
                "{} [{}] → ",
                v.text(),
                v.claims()
                    .last()
                    .map_or(String::new(), |c| c.said.to_string())
            ));
        }
    }
    text.push_str(&e.value.text());
    if history && !e.earlier.is_empty() {
        text.push_str(&format!(
            " [{}]",
            e.value
                .claims()
                .last()
                .map_or(String::new(), |c| c.said.to_string())
        ));
    }
    let claims = e.value.claims();
    format!("{text} ({}){}", e.perspective.short(), hedge(&claims))
}

fn stance_text(ds: &Dataset, c: &Claim) -> String {
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
        Assertion::Position(p) => match p.stance {
            Stance::Affirms => "affirms".to_string(),
            Stance::Denies => "denies".to_string(),
        },
        Assertion::Figure(f) => f.quantity.to_string(),
    };
    format!("{body}{}", hedge(&[c]))
}

fn stance_cell(ds: &Dataset, entries: &[StanceEntry], history: bool) -> String {
    entries
        .iter()
        .map(|e| {
            let mut t = String::new();
            if history {
                for c in &e.earlier {
                    t.push_str(&format!("{} [{}] → ", stance_text(ds, c), c.said));
                }
            }
            t.push_str(&stance_text(ds, e.claim));
            t
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn verdict_cell(v: &Verdict, single: Option<&str>) -> Cell {
    match v {
        Verdict::Conflict(d) => Cell::new(format!("CONFLICT: {}", d.gap)).tone(Tone::Conflict),
        Verdict::Consistent { voices } => {
            Cell::new(format!("consistent ({voices} voices)")).tone(Tone::Agree)
        }
        Verdict::SingleSource => Cell::new(match single {
            Some(p) => format!("single source ({p})"),
            None => "single source".to_string(),
        })
        .tone(Tone::Muted),
        Verdict::Appeal => Cell::new("appeal: no side taken").tone(Tone::Muted),
    }
}

impl<'a> View<'a> {
    pub fn new(ds: &'a Dataset, cmp: &'a Comparison<'a>, history: bool) -> Self {
        let col_ids: Vec<String> = cmp.columns.iter().map(|c| c.id.clone()).collect();
        let reconcile = cmp.options.reconcile;

        let mut fh = vec!["whose".to_string(), "metric".to_string()];
        fh.extend(col_ids.iter().cloned());
        fh.push("verdict".to_string());
        if let Some(rule) = reconcile {
            fh.push(match rule {
                compare::Reconcile::Conservative => {
                    "reconciled (conservative: lowest figure)".to_string()
                }
                compare::Reconcile::Range => "reconciled (range: low / best / high)".to_string(),
            });
        }
        let mut figures = Sheet::new(fh).titled("Figures");
        let verdict_col = 2 + col_ids.len();
        figures.min_widths = vec![(0, 10), (1, 12), (verdict_col, 16)];
        for row in &cmp.figures {
            let mut cells = vec![
                Cell::new(ds.party_name(&row.party)),
                Cell::new(metric_label(row)),
            ];
            for cell in &row.cells {
                cells.push(Cell::new(
                    cell.as_ref()
                        .map_or(String::new(), |e| figure_text(e, history)),
                ));
            }
            let single = row.voices.first().map(|v| v.perspective.label());
            cells.push(verdict_cell(&row.verdict, single));
            if let Some(rule) = reconcile {
                cells.push(Cell::new(compare::reconcile(row, rule)));
            }
            figures.push(cells);
        }

        let mut sh = vec!["kind".to_string(), "statement".to_string()];
        sh.extend(col_ids.iter().cloned());
        sh.push("verdict".to_string());
        let mut statements = Sheet::new(sh).titled("Accusations and positions");
        statements.min_widths = vec![(0, 8), (1, 18), (verdict_col, 16)];
        for row in &cmp.statements {
            let kind = match row.topic {
                compare::Topic::Act(_) => "accusation",
                compare::Topic::Proposition(p)
                    if p.kind == crate::model::PropositionKind::Appeal =>
                {
                    "appeal"
                }
                compare::Topic::Proposition(_) => "position",
            };
            let mut cells = vec![Cell::new(kind), Cell::new(row.label())];
            for entries in &row.cells {
                cells.push(Cell::new(stance_cell(ds, entries, history)));
            }
            cells.push(verdict_cell(&row.verdict, None));
            statements.push(cells);
        }

        let mut notes = Vec::new();
        for row in &cmp.figures {
            if let Verdict::Conflict(d) = &row.verdict {
                let side = |e: &FigureEntry<'a>| {
                    (
                        e.key.clone(),
                        format!("{} ({})", e.value.text(), e.perspective.label()),
                        e.value.claims(),
                    )
                };
                notes.push(Note {
                    subject: format!("{} · {}", ds.party_name(&row.party), metric_label(row)),
                    kind: "figures",
                    explanation: d.gap.clone(),
                    sides: vec![side(&row.voices[d.first]), side(&row.voices[d.second])],
                });
            }
        }
        // Exclusive positions put both rows in conflict; cite the pair once.
        let mut cited: Vec<Vec<&str>> = Vec::new();
        for row in &cmp.statements {
            if let Verdict::Conflict(d) = &row.verdict {
                let note = Self::statement_note(ds, cmp, row, d);
                let mut ids: Vec<&str> = note
                    .sides
                    .iter()
                    .flat_map(|(_, _, cs)| cs.iter().map(|c| c.id.as_str()))
                    .collect();
                ids.sort_unstable();
                if !cited.contains(&ids) {
                    cited.push(ids);
                    notes.push(note);
                }
            }
        }
        View {
            ds,
            cmp,
            figures,
            statements,
            notes,
        }
    }

    fn statement_note(
        ds: &'a Dataset,
        cmp: &'a Comparison<'a>,
        row: &StatementRow<'a>,
        d: &compare::ConflictDetail,
    ) -> Note<'a> {
        let side = |e: &StanceEntry<'a>| (e.key.clone(), stance_text(ds, e.claim), vec![e.claim]);
        let mut sides = vec![side(&row.voices[d.first])];
        if d.first != d.second {
            sides.push(side(&row.voices[d.second]));
        } else if let Some(rival) = rival_claim(ds, cmp, row, &row.voices[d.first].key) {
            sides.push((
                rival.voice().to_string(),
                format!(
                    "affirms: {}",
                    ds.proposition(match &rival.assertion {
                        Assertion::Position(p) => &p.proposition,
                        _ => "",
                    })
                    .map_or("", |p| p.text.as_str())
                ),
                vec![rival],
            ));
        }
        Note {
            subject: row.label().to_string(),
            kind: match d.kind {
                compare::ConflictKind::Mirror => "mirror accusation",
                compare::ConflictKind::AffirmDeny => "affirm vs deny",
                compare::ConflictKind::Contradictory => "contradictory accusations",
                compare::ConflictKind::Exclusive => "exclusive positions",
                compare::ConflictKind::Figures => "figures",
            },
            explanation: d.gap.clone(),
            sides,
        }
    }

    /// The two tables for people: a source that said nothing of a kind gets no
    /// column in that table. (CSV and JSON keep every column.)
    pub fn compact(&self) -> [Sheet; 2] {
        [
            self.figures.without_empty_columns(2),
            self.statements.without_empty_columns(2),
        ]
    }

    pub fn header_lines(&self) -> Vec<String> {
        let e = self.cmp.event;
        let mut lines = vec![
            format!("{} ({})", e.title, e.id),
            format!("{} · {}", e.date, e.place),
        ];
        let mut opts = Vec::new();
        if let Some(m) = &self.cmp.options.as_of {
            opts.push(format!("as known on {m}"));
        }
        if self.cmp.options.by == compare::Grouping::Party {
            opts.push("columns merged by party".to_string());
        }
        lines.push(format!(
            "{} claims, {} conflicts{}",
            self.cmp.claims_used,
            self.notes.len(),
            if opts.is_empty() {
                String::new()
            } else {
                format!(" ({})", opts.join(", "))
            }
        ));
        lines
    }

    pub fn column_lines(&self) -> Vec<String> {
        self.cmp
            .columns
            .iter()
            .map(|c| {
                let party = c.party.as_deref().map_or("no party".to_string(), |p| {
                    self.ds.party_name(p).to_string()
                });
                format!("{}: {} ({party})", c.id, c.name)
            })
            .collect()
    }

    pub fn claim_lines(&self, c: &Claim) -> Vec<String> {
        let doc = self.ds.document(&c.document);
        let mut lines = vec![match c.quote_kind {
            QuoteKind::Verbatim => format!("«{}»", c.quote),
            QuoteKind::Paraphrase => format!("research notes: \"{}\"", c.quote),
        }];
        if let Some(r) = &c.reading {
            lines.push(format!("reading: {r}"));
        }
        if let Some(en) = &c.english {
            lines.push(format!("English: {en}"));
        }
        let via = serde_json::to_value(c.via)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        let mut cite = format!("{} via {via}, said {}", c.source, c.said);
        if let Some(o) = &c.origin {
            cite.push_str(&format!(", relaying {o}"));
        }
        if let Some(d) = doc {
            cite.push_str(&format!(
                "; reported in {}",
                crate::report::document_line(d)
            ));
            if let Some(u) = &d.url {
                cite.push_str(&format!(", {u}"));
            }
        }
        cite.push_str(&format!(" [claim {}]", c.id));
        lines.push(cite);
        lines
    }

    fn write_table(&self, out: &mut dyn Write, style: &Style) -> anyhow::Result<()> {
        for (i, l) in self.header_lines().iter().enumerate() {
            let l = escape(l);
            if i == 0 && style.color {
                writeln!(out, "\x1b[1m{l}\x1b[0m")?;
            } else {
                writeln!(out, "{l}")?;
            }
        }
        writeln!(out, "Sources:")?;
        for l in self.column_lines() {
            writeln!(out, "  {}", escape(&l))?;
        }
        writeln!(out)?;
        if !self.figures.rows.is_empty() {
            table::write(out, &self.figures.without_empty_columns(2), style)?;
            writeln!(out, "{}\n", crate::report::LEGEND)?;
        }
        if !self.statements.rows.is_empty() {
            table::write(out, &self.statements.without_empty_columns(2), style)?;
            writeln!(out)?;
        }
        if self.notes.is_empty() {
            writeln!(out, "No conflicts.")?;
            return Ok(());
        }
        writeln!(out, "Conflicts")?;
        for (n, note) in self.notes.iter().enumerate() {
            let head = format!(
                "{}. {} — {}: {}",
                n + 1,
                note.subject,
                note.kind,
                note.explanation
            );
            if style.color {
                writeln!(out, "\x1b[1;31m{}\x1b[0m", escape(&head))?;
            } else {
                writeln!(out, "{}", escape(&head))?;
            }
            for (who, what, claims) in &note.sides {
                writeln!(out, "   {}: {}", escape(who), escape(what))?;
                for c in claims {
                    for l in self.claim_lines(c) {
                        writeln!(out, "     {}", escape(&l))?;
                    }
                }
            }
        }
        Ok(())
    }

    fn write_markdown(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        let head = self.header_lines();
        writeln!(out, "## {}\n", markdown_cell(&head[0]))?;
        for l in &head[1..] {
            writeln!(out, "{}  ", markdown_cell(l))?;
        }
        writeln!(out, "\n**Sources**\n")?;
        for l in self.column_lines() {
            writeln!(out, "- {}", markdown_cell(&l))?;
        }
        writeln!(out)?;
        for sheet in self.compact() {
            if !sheet.rows.is_empty() {
                markdown::write(out, &sheet)?;
            }
        }
        if !self.notes.is_empty() {
            writeln!(out, "### Conflicts\n")?;
            for (n, note) in self.notes.iter().enumerate() {
                writeln!(
                    out,
                    "{}. **{}** — {}: {}",
                    n + 1,
                    markdown_cell(&note.subject),
                    note.kind,
                    markdown_cell(&note.explanation)
                )?;
                for (who, what, claims) in &note.sides {
                    writeln!(
                        out,
                        "   - `{}`: {}",
                        who.replace('`', "'"),
                        markdown_cell(what)
                    )?;
                    for c in claims {
                        for l in self.claim_lines(c) {
                            writeln!(out, "     - {}", markdown_cell(&l))?;
                        }
                    }
                }
            }
            writeln!(out)?;
        }
        Ok(())
    }

    /// One table for both sections, so a spreadsheet gets one header row.
    fn write_delimited(
        &self,
        out: &mut dyn Write,
        delimiter: u8,
        style: &Style,
    ) -> anyhow::Result<()> {
        let cols: Vec<String> = self.cmp.columns.iter().map(|c| c.id.clone()).collect();
        let mut headers = vec![
            "section".to_string(),
            "subject".to_string(),
            "detail".to_string(),
        ];
        headers.extend(cols.iter().cloned());
        headers.push("verdict".to_string());
        let n = cols.len();
        let mut rows = Vec::new();
        for r in &self.figures.rows {
            let mut row = vec!["figure".to_string(), r[0].text.clone(), r[1].text.clone()];
            row.extend(r[2..2 + n].iter().map(|c| c.text.clone()));
            row.push(r[2 + n].text.clone());
            rows.push(row);
        }
        for r in &self.statements.rows {
            let mut row = vec![r[0].text.clone(), r[1].text.clone(), String::new()];
            row.extend(r[2..2 + n].iter().map(|c| c.text.clone()));
            row.push(r[2 + n].text.clone());
            rows.push(row);
        }
        delimited::write_rows(out, &headers, rows.into_iter(), delimiter, style)?;
        Ok(())
    }

    fn json(&self) -> Value {
        let e = self.cmp.event;
        let claim_json = |c: &Claim| {
            json!({
                "id": c.id, "source": c.source, "origin": c.origin, "said": c.said.to_string(),
                "quote": c.quote, "english": c.english, "hedged": c.hedged, "document": c.document,
            })
        };
        let figures: Vec<Value> = self
            .cmp
            .figures
            .iter()
            .map(|row| {
                let cells: serde_json::Map<String, Value> = self
                    .cmp
                    .columns
                    .iter()
                    .zip(&row.cells)
                    .filter_map(|(col, cell)| {
                        cell.as_ref()
                            .map(|e| (col.id.clone(), figure_json(e, &claim_json)))
                    })
                    .collect();
                json!({
                    "party": row.party, "metric": row.metric.id, "unit": row.metric.unit,
                    "cells": cells,
                    "voices": row.voices.iter().map(|v| v.key.clone()).collect::<Vec<_>>(),
                    "verdict": verdict_json(&row.verdict),
                    "reconciled": self.cmp.options.reconcile.map(|r| compare::reconcile(row, r)),
                })
            })
            .collect();
        let statements: Vec<Value> = self
            .cmp
            .statements
            .iter()
            .map(|row| {
                let cells: serde_json::Map<String, Value> = self
                    .cmp
                    .columns
                    .iter()
                    .zip(&row.cells)
                    .filter(|(_, c)| !c.is_empty())
                    .map(|(col, entries)| {
                        let list: Vec<Value> = entries
                            .iter()
                            .map(|e| json!({"says": stance_text(self.ds, e.claim), "claim": claim_json(e.claim),
                                "earlier": e.earlier.iter().map(|c| claim_json(c)).collect::<Vec<_>>()}))
                            .collect();
                        (col.id.clone(), Value::Array(list))
                    })
                    .collect();
                let kind = match row.topic {
                    compare::Topic::Act(_) => "accusation",
                    compare::Topic::Proposition(p) if p.kind == crate::model::PropositionKind::Appeal => "appeal",
                    compare::Topic::Proposition(_) => "position",
                };
                json!({"kind": kind, "id": row.id(), "label": row.label(), "cells": cells,
                    "voices": row.voices.iter().map(|v| v.key.clone()).collect::<Vec<_>>(),
                    "verdict": verdict_json(&row.verdict)})
            })
            .collect();
        let conflicts: Vec<Value> = self
            .notes
            .iter()
            .enumerate()
            .map(|(i, n)| {
                json!({"number": i + 1, "subject": n.subject, "kind": n.kind, "explanation": n.explanation,
                    "sides": n.sides.iter().map(|(who, what, claims)| json!({"voice": who, "says": what,
                        "claims": claims.iter().map(|c| claim_json(c)).collect::<Vec<_>>()})).collect::<Vec<_>>()})
            })
            .collect();
        json!({
            "event": {"id": e.id, "title": e.title, "date": e.date.to_string(), "place": e.place, "sides": e.sides},
            "grouping": match self.cmp.options.by { compare::Grouping::Source => "source", compare::Grouping::Party => "party" },
            "as_of": self.cmp.options.as_of.as_ref().map(|m| m.to_string()),
            "columns": self.cmp.columns.iter().map(|c| json!({"id": c.id, "name": c.name, "party": c.party})).collect::<Vec<_>>(),
            "figures": figures,
            "statements": statements,
            "conflicts": conflicts,
        })
    }
}

fn metric_label(row: &FigureRow) -> String {
    if row.metric.unit == "people" {
        row.metric.label.clone()
    } else {
        format!("{} ({})", row.metric.label, row.metric.unit)
    }
}

fn figure_json(e: &FigureEntry, claim_json: &dyn Fn(&Claim) -> Value) -> Value {
    let iv = e.value.interval();
    json!({
        "text": e.value.text(),
        "derived": matches!(e.value, compare::FigureValue::Derived { .. }),
        "low": iv.low, "high": iv.high,
        "perspective": e.perspective,
        "hedged": e.value.hedged(),
        "claims": e.value.claims().iter().map(|c| claim_json(c)).collect::<Vec<_>>(),
        "earlier": e.earlier.iter().map(|v| v.text()).collect::<Vec<_>>(),
    })
}

fn verdict_json(v: &Verdict) -> Value {
    match v {
        Verdict::Conflict(d) => {
            json!({"verdict": "conflict", "conflict": d.kind, "explanation": d.gap})
        }
        Verdict::Consistent { voices } => json!({"verdict": "consistent", "voices": voices}),
        Verdict::SingleSource => json!({"verdict": "single-source"}),
        Verdict::Appeal => json!({"verdict": "appeal"}),
    }
}

/// For an exclusion conflict: the other voice's claim affirming a rival proposition.
fn rival_claim<'a>(
    ds: &'a Dataset,
    cmp: &Comparison<'a>,
    row: &StatementRow<'a>,
    me: &str,
) -> Option<&'a Claim> {
    let compare::Topic::Proposition(p) = row.topic else {
        return None;
    };
    ds.claims_of_event(&cmp.event.id)
        .find(|c| match &c.assertion {
            Assertion::Position(x) => {
                x.stance == Stance::Affirms
                    && c.voice() != me
                    && ds.proposition(&x.proposition).is_some_and(|q| {
                        q.id != p.id && (p.excludes.contains(&q.id) || q.excludes.contains(&p.id))
                    })
            }
            _ => false,
        })
}
