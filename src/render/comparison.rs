//! A comparison for people: the terminal's header, tables and numbered
//! conflicts; the same in Markdown; one CSV/TSV table for spreadsheets.

use std::io::{self, Write};

use super::output::Style;
use super::{delimited, markdown, table};
use crate::sanitize::{escape, markdown_cell};
use crate::view::citation::{claim_lines, legend};
use crate::view::View;

/// Bold (or red and bold) when colour is on.
fn styled(out: &mut dyn Write, style: &Style, code: &str, text: &str) -> io::Result<()> {
    if style.color {
        writeln!(out, "\x1b[{code}m{text}\x1b[0m")
    } else {
        writeln!(out, "{text}")
    }
}

pub fn write_table(out: &mut dyn Write, view: &View, style: &Style) -> io::Result<()> {
    for (i, l) in view.header_lines().iter().enumerate() {
        if i == 0 {
            styled(out, style, "1", &escape(l))?;
        } else {
            writeln!(out, "{}", escape(l))?;
        }
    }
    writeln!(out)?;
    // The answer first: each conflict in one line, numbered as in the detail.
    let short = |voice: &str| view.short_name(voice);
    for (n, note) in view.notes.iter().enumerate() {
        let line = format!("{}. {}", n + 1, note.summary_naming(&short));
        styled(out, style, "31", &escape(&line))?;
    }
    if !view.notes.is_empty() {
        writeln!(out)?;
    }
    let sources = view.column_lines();
    if !sources.is_empty() {
        styled(out, style, "1", "Sources:")?;
        for l in sources {
            writeln!(out, "  {}", escape(&l))?;
        }
        writeln!(out)?;
    }
    if !view.figures().rows.is_empty() {
        // The key to "(adv.)" and "(own)" before the first table that uses them.
        writeln!(out, "{}\n", legend(view.cmp))?;
        table::write(out, &view.figures().without_empty_columns(2), style)?;
        writeln!(out)?;
    }
    if !view.statements().rows.is_empty() {
        let layout =
            table::write_laid_out(out, &view.statements().without_empty_columns(2), style)?;
        if layout == table::Layout::Table {
            writeln!(out)?;
        }
    }
    if let Some(l) = crate::view::places_apart::event_line(view.ds, view.cmp) {
        writeln!(out, "{}\n", escape(&l))?;
    }
    if let Some(l) = crate::view::against_record::on_no_row_line(view.ds, view.cmp) {
        writeln!(out, "{}\n", escape(&l))?;
    }
    if view.notes.is_empty() {
        // Only statements on the same subject are weighed against each
        // other: say what that left unweighed.
        writeln!(out, "No conflicts between statements on the same subject.")?;
        for l in view.not_compared() {
            writeln!(out, "Not compared: {}.", escape(&l))?;
        }
        return Ok(());
    }
    styled(out, style, "1", "Conflicts in detail")?;
    for (n, note) in view.notes.iter().enumerate() {
        let head = format!(
            "{}. {} — {}: {}",
            n + 1,
            note.subject,
            note.kind,
            note.explanation
        );
        styled(out, style, "1;31", &escape(&head))?;
        for side in &note.sides {
            let who = view.short_name(&side.voice);
            writeln!(out, "   {}: {}", escape(&who), escape(&side.says))?;
            for c in &side.claims {
                for l in claim_lines(view.ds, c) {
                    writeln!(out, "     {}", escape(&l))?;
                }
            }
        }
    }
    Ok(())
}

pub fn write_markdown(out: &mut dyn Write, view: &View) -> io::Result<()> {
    let head = view.header_lines();
    writeln!(out, "## {}\n", markdown_cell(&head[0]))?;
    for l in &head[1..] {
        writeln!(out, "{}  ", markdown_cell(l))?;
    }
    if !view.notes.is_empty() {
        writeln!(out)?;
        let short = |voice: &str| view.short_name(voice);
        for (n, note) in view.notes.iter().enumerate() {
            let line = note.summary_naming(&short);
            writeln!(out, "{}. {}", n + 1, markdown_cell(&line))?;
        }
    }
    writeln!(out, "\n**Sources**\n")?;
    for l in view.column_lines() {
        writeln!(out, "- {}", markdown_cell(&l))?;
    }
    writeln!(out)?;
    for sheet in view.compact() {
        if !sheet.rows.is_empty() {
            markdown::write(out, &sheet)?;
        }
    }
    if let Some(l) = crate::view::places_apart::event_line(view.ds, view.cmp) {
        writeln!(out, "{}\n", markdown_cell(&l))?;
    }
    if let Some(l) = crate::view::against_record::on_no_row_line(view.ds, view.cmp) {
        writeln!(out, "{}\n", markdown_cell(&l))?;
    }
    if view.notes.is_empty() {
        return Ok(());
    }
    writeln!(out, "### Conflicts in detail\n")?;
    for (n, note) in view.notes.iter().enumerate() {
        let (subject, why) = (
            markdown_cell(&note.subject),
            markdown_cell(&note.explanation),
        );
        writeln!(out, "{}. **{subject}** — {}: {why}", n + 1, note.kind)?;
        for side in &note.sides {
            let who = view.short_name(&side.voice).replace('`', "'");
            writeln!(out, "   - `{who}`: {}", markdown_cell(&side.says))?;
            for c in &side.claims {
                for l in claim_lines(view.ds, c) {
                    writeln!(out, "     - {}", markdown_cell(&l))?;
                }
            }
        }
    }
    writeln!(out)
}

/// One table for both sections, so a spreadsheet gets one header row.
pub fn write_delimited(
    out: &mut dyn Write,
    view: &View,
    delimiter: u8,
    style: &Style,
) -> io::Result<()> {
    let cols: Vec<String> = view.cmp.columns.iter().map(|c| c.id.clone()).collect();
    let n = cols.len();
    let mut headers = vec![
        "section".to_string(),
        "subject".to_string(),
        "detail".to_string(),
    ];
    headers.extend(cols);
    headers.push("verdict".to_string());
    let text = |cells: &[crate::view::Cell]| -> Vec<String> {
        cells.iter().map(|c| c.text.clone()).collect()
    };
    let figures = view.figures().rows.iter().map(|r| {
        let mut row = vec!["figure".to_string(), r[0].text.clone(), r[1].text.clone()];
        row.extend(text(&r[2..=2 + n]));
        row
    });
    let statements = view.statements().rows.iter().map(|r| {
        let mut row = vec![r[0].text.clone(), r[1].text.clone(), String::new()];
        row.extend(text(&r[2..=2 + n]));
        row
    });
    delimited::write_rows(out, &headers, figures.chain(statements), delimiter, style)
}
