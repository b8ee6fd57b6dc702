//! `claims list`: one row per statement, filtered by source, event, party, kind or metric.

use std::io::Write;

use super::Context;
use crate::error::UserError;
use crate::load::Keep;
use crate::model::{Claim, Dataset, QuoteKind};
use crate::render::delimited::RecordWriter;
use crate::render::output::{Format, Style};
use crate::render::{json as jsonr, jsonl as jsonr_lines, write_sheet};
use crate::sanitize::json_visible;
use crate::view::claim_row::ClaimRow;
use crate::view::wording::subject_and_says;
use crate::view::{Cell, Sheet};

pub use super::filters::{Filters, Sort};

/// `--columns a,b,c`: each a column of [`COLUMNS`]; an unknown one is named
/// with the nearest known ones.
pub fn parse_columns(text: &str) -> Result<Vec<&'static str>, UserError> {
    text.split(',')
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(|wanted| {
            COLUMNS
                .iter()
                .copied()
                .find(|c| *c == wanted)
                .ok_or_else(|| {
                    UserError::new(format!("--columns: unknown column `{wanted}`"))
                        .hint(crate::suggest::hint(wanted, COLUMNS.iter().copied()))
                })
        })
        .collect()
}

/// At most `max` characters, cut at a space (a word is never cut in two) and marked "…".
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    let at_space = cut.rfind(char::is_whitespace).filter(|&i| i > 0);
    format!("{}…", cut[..at_space.unwrap_or(cut.len())].trim_end())
}

pub fn matches(ds: &Dataset, f: &Filters, c: &Claim) -> bool {
    f.matches(ds, c)
}

const HEADERS: [&str; 9] = [
    "event", "said", "source", "kind", "subject", "says", "hedged", "quote", "claim",
];

pub use crate::view::claim_row::COLUMNS;

/// A JSON field as a cell: text as it is, numbers and booleans written out,
/// nothing for `null` (an unbounded high end, a field that does not apply).
fn cell(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

pub fn run(ctx: &Context, filters: &Filters, out: &mut dyn Write) -> anyhow::Result<u8> {
    if filters.columns.is_some() && !matches!(ctx.style.format, Format::Csv | Format::Tsv) {
        return Err(UserError::new("--columns picks the columns of CSV or TSV")
            .hint("add --format csv or --format tsv")
            .into());
    }
    // Workers keep only claims that can match. Rows come in date order
    // unless another is asked for: the output never depends on what the
    // files are called. `--sort file` streams them out file by file
    // instead, so that memory stays small on any corpus.
    let keep = Keep::Matching(filters.prefilter());
    // JSON Lines is for corpora of any size: it streams in file order
    // unless an order is asked for.
    let order = match (filters.sort, ctx.style.format) {
        (Some(super::filters::Sort::File), _) | (None, Format::Jsonl) => None,
        (Some(by), _) => Some(by),
        (None, _) => Some(super::filters::Sort::Said),
    };
    let mut writer = ListWriter::new(out, &ctx.style, filters);
    let mut sorted: Vec<Claim> = Vec::new();
    let loaded = ctx.load(
        &keep,
        Some(&mut |ds: &Dataset, claims: Vec<Claim>| {
            let claims: Vec<Claim> = claims
                .into_iter()
                .filter(|c| filters.matches(ds, c))
                .collect();
            if order.is_some() {
                sorted.extend(claims);
                return Ok(());
            }
            writer.write(ds, claims)
        }),
    );
    let loaded = match loaded {
        Ok(l) => l,
        Err(e) => {
            // Rows may already be out: a JSON reader still gets a whole
            // document, which says it is incomplete.
            writer.abandon()?;
            return Err(e);
        }
    };
    if let Err(e) = filters.check(&loaded.dataset) {
        // Rows of the known ids may be out: a JSON reader gets a whole document.
        writer.abandon()?;
        return Err(e);
    }
    // What was documented afterwards is listed too, kind `record`.
    let ds = &loaded.dataset;
    let records: Vec<Claim> = ds
        .records
        .iter()
        .filter(|c| filters.matches(ds, c))
        .cloned()
        .collect();
    match order {
        Some(by) => {
            sorted.extend(records);
            super::filters::sort(&mut sorted, by);
            writer.write(ds, sorted)?;
        }
        None => writer.write(ds, records)?,
    }
    writer.finish(ds)?;
    Ok(0)
}

/// Writes the matching claims of a loaded dataset (used where the whole
/// dataset is in memory: tests and fuzzing).
pub fn render(
    ds: &Dataset,
    filters: &Filters,
    style: &Style,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let mut writer = ListWriter::new(out, style, filters);
    let mut claims: Vec<Claim> = ds
        .claims
        .iter()
        .chain(&ds.records)
        .filter(|c| matches(ds, filters, c))
        .cloned()
        .collect();
    claims.sort_by_key(|c| c.seq);
    writer.write(ds, claims)?;
    writer.finish(ds)?;
    Ok(())
}

fn row(ds: &Dataset, c: &Claim) -> [String; 9] {
    let (subject, says) = subject_and_says(ds, c);
    [
        c.event.clone(),
        c.said.to_string(),
        c.source.clone(),
        c.kind_name().to_string(),
        subject,
        says,
        c.hedged.to_string(),
        c.quote.clone(),
        c.id.clone(),
    ]
}

/// Streams rows in CSV, TSV or JSON as they come; a table or Markdown needs
/// every row to size its columns, so those are held until the end.
struct ListWriter<'o> {
    target: Target<'o>,
    style: Style,
    started: bool,
    /// Rows streamed so far (JSON needs it for its separators).
    written: usize,
    held: Vec<Claim>,
    /// Table columns a filter fixed (event, source, kind): the same in
    /// every row, so a terminal table leaves them out.
    fixed: Vec<usize>,
    /// Laid out for a width (a terminal's or `--width`), not `--wide`:
    /// quotes are shortened.
    fitted: bool,
    /// CSV and TSV: the columns, in order.
    columns: Vec<&'static str>,
}

enum Target<'o> {
    Records(Box<RecordWriter<&'o mut dyn Write>>),
    Plain(&'o mut dyn Write),
}

impl<'o> ListWriter<'o> {
    fn new(out: &'o mut dyn Write, style: &Style, filters: &Filters) -> Self {
        let terminal = style.width.is_some() && style.format == Format::Table && !filters.wide;
        let (event, source, kind) = filters.fixed();
        let fixed = [(0, event), (2, source), (3, kind)]
            .into_iter()
            .filter(|&(_, f)| f && terminal)
            .map(|(i, _)| i)
            .collect();
        let target = match style.format {
            Format::Csv => Target::Records(Box::new(RecordWriter::new(out, b',', style))),
            Format::Tsv => Target::Records(Box::new(RecordWriter::new(out, b'\t', style))),
            _ => Target::Plain(out),
        };
        ListWriter {
            target,
            style: style.clone(),
            started: false,
            written: 0,
            held: Vec::new(),
            fixed,
            fitted: terminal,
            columns: filters.columns.clone().unwrap_or_else(|| COLUMNS.to_vec()),
        }
    }

    fn start(&mut self) -> std::io::Result<()> {
        if self.started {
            return Ok(());
        }
        self.started = true;
        match &mut self.target {
            Target::Records(w) => {
                let all: Vec<String> = self.columns.iter().map(|h| h.to_string()).collect();
                w.header(&all)
            }
            Target::Plain(out) if self.style.format == Format::Json => {
                write!(
                    out,
                    "{{\n  \"format_version\": {},\n  \"kind\": \"claims\",\n  \"claims\": [",
                    jsonr::FORMAT_VERSION
                )
            }
            Target::Plain(_) => Ok(()),
        }
    }

    fn write(&mut self, ds: &Dataset, claims: Vec<Claim>) -> std::io::Result<()> {
        // Nothing is opened before a row is due: a listing refused once the
        // data is loaded (an unknown id) leaves standard output empty.
        if claims.is_empty() {
            return Ok(());
        }
        self.start()?;
        match &mut self.target {
            Target::Records(w) => {
                for c in &claims {
                    let record = serde_json::to_value(ClaimRow::of(ds, c))?;
                    let cells: Vec<String> =
                        self.columns.iter().map(|k| cell(&record[*k])).collect();
                    w.row(&cells)?;
                }
                Ok(())
            }
            Target::Plain(out) if self.style.format == Format::Jsonl => {
                for c in &claims {
                    jsonr_lines::line(&mut **out, &ClaimRow::of(ds, c))?;
                }
                Ok(())
            }
            Target::Plain(out) if self.style.format == Format::Json => {
                for c in &claims {
                    // Its fields are declared sorted, as every JSON document has them.
                    let text = serde_json::to_string(&ClaimRow::of(ds, c))?;
                    let sep = if self.written == 0 {
                        "\n    "
                    } else {
                        ",\n    "
                    };
                    write!(out, "{sep}{}", json_visible(&text))?;
                    self.written += 1;
                }
                Ok(())
            }
            Target::Plain(_) => {
                self.held.extend(claims);
                Ok(())
            }
        }
    }

    /// Ends a JSON listing the load gave up on: a valid document whose
    /// `"complete": false` says rows are missing. Other formats stay as they
    /// are (the exit status says the listing failed).
    fn abandon(mut self) -> std::io::Result<()> {
        match &mut self.target {
            Target::Plain(out) if self.started && self.style.format == Format::Json => {
                let close = if self.written == 0 { "]" } else { "\n  ]" };
                write!(out, "{close},\n  \"complete\": false\n}}\n")
            }
            _ => Ok(()),
        }
    }

    fn finish(mut self, ds: &Dataset) -> anyhow::Result<()> {
        self.start()?;
        match &mut self.target {
            Target::Records(w) => w.flush()?,
            Target::Plain(_) if self.style.format == Format::Jsonl => {}
            Target::Plain(out) if self.style.format == Format::Json => {
                let close = if self.written == 0 {
                    "]\n}\n"
                } else {
                    "\n  ]\n}\n"
                };
                out.write_all(close.as_bytes())?;
            }
            Target::Plain(out) => {
                let keep = |i: &usize| !self.fixed.contains(i);
                let mut sheet = Sheet::new((0..HEADERS.len()).filter(keep).map(|i| HEADERS[i]));
                for c in &self.held {
                    let mut cells = row(ds, c);
                    cells[6] = if c.hedged {
                        "reportedly".to_string()
                    } else {
                        String::new()
                    };
                    // Whole quotes in machine formats; a terminal table gets a readable slice.
                    if self.fitted {
                        cells[7] = shorten(&c.quote, 60);
                    }
                    // The notes' wording is marked, never shown as the speaker's.
                    if c.quote_kind == QuoteKind::Paraphrase {
                        cells[7] = format!("research notes: \"{}\"", cells[7]);
                    }
                    let kept = cells.into_iter().enumerate().filter(|(i, _)| keep(i));
                    sheet.push(kept.map(|(_, text)| Cell::new(text)).collect());
                }
                write_sheet(&mut **out, &sheet, &self.style)?;
            }
        }
        Ok(())
    }
}
