//! Formats: a [`Sheet`] becomes a terminal table, Markdown, CSV, TSV or an
//! HTML table; a typed record becomes JSON. [`emit`] is the one place that
//! chooses between the record (for machines) and the people's form.

pub mod comparison;
pub mod delimited;
pub mod diff;
pub mod github;
pub mod html;
pub mod json;
pub mod jsonl;
pub mod junit;
pub mod long;
pub mod markdown;
pub mod output;
pub mod pager;
pub mod sarif;
pub mod stacked;
pub mod table;
pub mod wrap;

use std::io::{self, Write};

use serde::Serialize;

use crate::view::Sheet;
use output::{Format, Style};

/// Writes a command's result: JSON from its record, any other format by
/// `people` (which receives the output and the style).
pub fn emit<R: Serialize>(
    out: &mut dyn Write,
    style: &Style,
    kind: &str,
    record: &R,
    people: &dyn Fn(&mut dyn Write, &Style) -> io::Result<()>,
) -> io::Result<()> {
    match style.format {
        Format::Json => json::write_record(out, kind, record),
        // On a terminal (or at `--width`), prose lines wider than it wrap at a space.
        Format::Table => match style.width {
            Some(width) => {
                let mut wrapped = wrap::WrapLines::new(out, width);
                people(&mut wrapped, style)?;
                wrapped.finish()
            }
            None => people(out, style),
        },
        _ => people(out, style),
    }
}

/// [`emit`] for a command whose people's form is one sheet.
pub fn emit_sheet<R: Serialize>(
    out: &mut dyn Write,
    style: &Style,
    kind: &str,
    record: &R,
    sheet: &Sheet,
) -> io::Result<()> {
    emit(out, style, kind, record, &|out, style| {
        write_sheet(out, sheet, style)
    })
}

/// Writes a sheet in a format for people (JSON: the sheet's rows).
pub fn write_sheet(out: &mut dyn Write, sheet: &Sheet, style: &Style) -> io::Result<()> {
    match style.format {
        Format::Table => table::write(out, sheet, style),
        Format::Markdown => markdown::write(out, sheet),
        Format::Csv => delimited::write(out, sheet, b',', style),
        Format::Tsv => delimited::write(out, sheet, b'\t', style),
        Format::Json => json::write(out, "sheet", json::sheet_value(sheet)),
        Format::Html => html::table(out, sheet),
        Format::Jsonl => {
            for row in json::sheet_value(sheet)["rows"]
                .as_array()
                .into_iter()
                .flatten()
            {
                jsonl::line(out, row)?;
            }
            Ok(())
        }
        // The command line refuses these for every command but `check`.
        Format::Sarif | Format::Github | Format::Junit => Err(io::Error::other(format!(
            "--format {} is for `claims check`",
            style.format.name()
        ))),
    }
}
