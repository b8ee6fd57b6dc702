//! GitHub-flavoured Markdown tables, with every cell escaped (comfy-table's
//! Markdown style does not escape `|`).

use std::io::{self, Write};

use crate::sanitize::markdown_cell;
use crate::view::Sheet;

pub fn write(out: &mut dyn Write, sheet: &Sheet) -> io::Result<()> {
    if let Some(title) = &sheet.title {
        writeln!(out, "### {}\n", markdown_cell(title))?;
    }
    write_table(out, sheet)?;
    writeln!(out)
}

/// The sheet's table alone, without its title.
pub fn write_table(out: &mut dyn Write, sheet: &Sheet) -> io::Result<()> {
    let head: Vec<String> = sheet.headers.iter().map(|h| markdown_cell(h)).collect();
    writeln!(out, "| {} |", head.join(" | "))?;
    writeln!(out, "|{}|", vec!["---"; sheet.headers.len()].join("|"))?;
    for row in &sheet.rows {
        let cells: Vec<String> = row.iter().map(|c| markdown_cell(&c.text)).collect();
        writeln!(out, "| {} |", cells.join(" | "))?;
    }
    Ok(())
}
