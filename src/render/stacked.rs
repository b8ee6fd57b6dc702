//! A sheet as blocks, one per row, for a terminal too narrow for its
//! columns: the row's name (and verdict) on the first line, then each
//! non-empty cell as "column: text", wrapped at word boundaries.
//!
//! A source-by-row matrix with eight sources needs well over 80 columns;
//! squeezed into them, comfy-table breaks words letter by letter. Blocks
//! never break a word that fits on a line.

use std::io::{self, Write};

use unicode_width::UnicodeWidthStr;

use crate::render::output::Style;
use crate::sanitize::escape;
use crate::view::{Cell, Sheet, Tone};

/// The width a column needs so that no word in it is broken: its longest word.
fn longest_word(text: &str) -> usize {
    text.split_whitespace()
        .map(UnicodeWidthStr::width)
        .max()
        .unwrap_or(0)
}

/// Per column, the least width that breaks no word (header included), and
/// no less than the sheet asks of it.
pub fn least_widths(sheet: &Sheet) -> Vec<usize> {
    (0..sheet.headers.len())
        .map(|i| {
            let cells = sheet
                .rows
                .iter()
                .filter_map(|r| r.get(i))
                .map(|c| longest_word(&escape(&c.text)));
            let word = cells
                .chain([longest_word(&escape(&sheet.headers[i]))])
                .max()
                .unwrap_or(0);
            let floor = sheet
                .min_widths
                .iter()
                .find(|m| m.0 == i)
                .map_or(0, |m| usize::from(m.1));
            word.max(floor)
        })
        .collect()
}

/// Whether columns of these least widths ([`least_widths`]) fit `width` without breaking a word: each
/// column at its longest word, plus the borders and padding (3 per column, 1 more).
pub fn fits(least: &[usize], width: usize) -> bool {
    least.iter().map(|w| w + 3).sum::<usize>() < width
}

/// Lines of at most `width` columns, broken at spaces. A word wider than a
/// whole line (a web address) gets a line of its own and is never cut: the
/// terminal folds it, and it stays one piece to copy or click.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    wrap_by(text, width, UnicodeWidthStr::width)
}

/// [`wrap`] with the width of a word measured by `measure` (colour codes take none).
pub fn wrap_by(text: &str, width: usize, measure: fn(&str) -> usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let word = word.to_string();
        if line.is_empty() {
            line = word;
        } else if measure(&line) + 1 + measure(&word) <= width {
            line.push(' ');
            line.push_str(&word);
        } else {
            lines.push(std::mem::replace(&mut line, word));
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

fn paint(text: &str, tone: Tone, style: &Style) -> String {
    if !style.color {
        return text.to_string();
    }
    let code = match tone {
        Tone::Plain => return text.to_string(),
        Tone::Conflict => "1;31",
        Tone::Gap => "33",
        Tone::Agree => "32",
        Tone::Muted => "90",
        Tone::Heading => "1",
    };
    format!("\x1b[{code}m{text}\x1b[0m")
}

fn block(
    out: &mut dyn Write,
    sheet: &Sheet,
    row: &[Cell],
    style: &Style,
    width: usize,
) -> io::Result<()> {
    let lead = sheet.lead.min(row.len());
    let name: Vec<String> = row[..lead]
        .iter()
        .map(|c| escape(&c.text).into_owned())
        .collect();
    // The name, bold on every line, continued under itself.
    for (i, line) in wrap(&name.join(" · "), width.saturating_sub(2))
        .iter()
        .enumerate()
    {
        let indent = if i == 0 { "" } else { "  " };
        writeln!(out, "{indent}{}", paint(line, Tone::Heading, style))?;
    }
    let headline = sheet.headline.and_then(|i| row.get(i).map(|c| (i, c)));
    if let Some((i, h)) = headline.filter(|(_, c)| !c.text.is_empty()) {
        let text = format!("{}: {}", escape(&sheet.headers[i]), escape(&h.text));
        for (i, line) in wrap(&text, width.saturating_sub(4)).iter().enumerate() {
            let indent = if i == 0 { "  " } else { "    " };
            writeln!(out, "{indent}{}", paint(line, h.tone, style))?;
        }
    }
    for (i, cell) in row.iter().enumerate().skip(lead) {
        if Some(i) == sheet.headline || cell.text.is_empty() {
            continue;
        }
        // A block's line has room for the words a table abbreviates.
        let says = cell.long.as_deref().unwrap_or(&cell.text);
        let text = format!("{}: {}", escape(&sheet.headers[i]), escape(says));
        // Lines after a cell's first are indented further, so each cell's
        // first line stands out; all fit the width.
        for (n, line) in wrap(&text, width.saturating_sub(6)).iter().enumerate() {
            let indent = if n == 0 { "    " } else { "      " };
            writeln!(out, "{indent}{}", paint(line, cell.tone, style))?;
        }
    }
    Ok(())
}

/// Writes the sheet as blocks at most `width` columns wide.
pub fn write(out: &mut dyn Write, sheet: &Sheet, style: &Style, width: usize) -> io::Result<()> {
    if let Some(title) = &sheet.title {
        writeln!(out, "{}", paint(&escape(title), Tone::Heading, style))?;
    }
    for (i, row) in sheet.rows.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        block(out, sheet, row, style, width)?;
    }
    // Set apart from what follows (a legend), as a table's bottom border is.
    writeln!(out)
}
