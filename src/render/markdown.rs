//! GitHub-flavoured Markdown tables, with every cell escaped (comfy-table's
//! Markdown style does not escape `|`).

use std::io::{self, Write};

use super::Sheet;
use crate::sanitize::markdown_cell;

pub fn write(out: &mut dyn Write, sheet: &Sheet) -> io::Result<()> {
    if let Some(title) = &sheet.title {
        writeln!(out, "### {}\n", markdown_cell(title))?;
    }
    write_table(
        out,
        &sheet.headers,
        sheet
            .rows
            .iter()
            .map(|r| r.iter().map(|c| c.text.as_str()).collect()),
    )?;
    writeln!(out)
}

/// A bare Markdown table from headers and rows of text.
pub fn write_table<'a>(
    out: &mut dyn Write,
    headers: &[String],
    rows: impl Iterator<Item = Vec<&'a str>>,
) -> io::Result<()> {
    let head: Vec<String> = headers.iter().map(|h| markdown_cell(h)).collect();
    writeln!(out, "| {} |", head.join(" | "))?;
    writeln!(out, "|{}|", vec!["---"; headers.len()].join("|"))?;
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| markdown_cell(c)).collect();
        writeln!(out, "| {} |", cells.join(" | "))?;
    }
    Ok(())
}
