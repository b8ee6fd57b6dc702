//! Terminal tables (comfy-table): fitted to the terminal's width, colour on
//! request; into a pipe, never wrapped or cut.

use std::io::{self, Write};

use comfy_table::{
    presets, Attribute, Cell as TCell, Color, ColumnConstraint, ContentArrangement, Table, Width,
};

use crate::render::output::Style;
use crate::render::stacked;
use crate::sanitize::escape;
use crate::view::{Sheet, Tone};

/// The most characters a table cell shows. comfy-table counts widths in
/// 16 bits: a cell of thousands of statements (one voice's, unordered)
/// would overflow it. The rest is in CSV and JSON, which are never cut.
pub const CELL_MAX: usize = 8_000;

/// A cell's text, cut at [`CELL_MAX`] characters with a word on what is left.
pub fn clip(text: &str) -> std::borrow::Cow<'_, str> {
    match text.char_indices().nth(CELL_MAX) {
        None => std::borrow::Cow::Borrowed(text),
        Some((at, _)) => {
            let rest = text[at..].chars().count();
            std::borrow::Cow::Owned(format!(
                "{} … ({rest} characters more: --format csv or json gives them all)",
                &text[..at]
            ))
        }
    }
}

/// A comfy-table for the sheet; on a terminal, `least` holds each column's
/// least width ([`stacked::least_widths`]), worked out once by the caller.
fn build(sheet: &Sheet, style: &Style, least: Option<&[usize]>) -> Table {
    let mut table = Table::new();
    table.load_style(presets::UTF8_FULL_CONDENSED);
    match style.width {
        Some(width) => {
            table.set_content_arrangement(ContentArrangement::Dynamic);
            table.set_width(u16::try_from(width).unwrap_or(u16::MAX));
        }
        // Piped: no width is known, and wrapping would break line-based tools.
        None => {
            table.set_content_arrangement(ContentArrangement::Disabled);
        }
    }
    if !style.terminal {
        table.force_no_tty();
    }
    if style.color {
        table.enforce_styling();
    }
    table.set_header(sheet.headers.iter().map(|h| {
        let cell = TCell::new(escape(h));
        // `--color never` and NO_COLOR: no escape code at all, bold included.
        if style.color {
            cell.add_attribute(Attribute::Bold)
        } else {
            cell
        }
    }));
    for row in &sheet.rows {
        table.add_row(row.iter().map(|c| {
            let cell = TCell::new(clip(&escape(&c.text)));
            if !style.color {
                return cell;
            }
            match c.tone {
                Tone::Plain => cell,
                Tone::Conflict => cell.fg(Color::Red).add_attribute(Attribute::Bold),
                Tone::Gap => cell.fg(Color::Yellow),
                Tone::Agree => cell.fg(Color::Green),
                Tone::Muted => cell.fg(Color::DarkGrey),
                Tone::Heading => cell.add_attribute(Attribute::Bold),
            }
        }));
    }
    if let Some(least) = least {
        // Columns exist once the header is set. Each keeps at least its
        // longest word, so that no word is ever broken (the caller has
        // checked that these fit the terminal).
        for (i, &w) in least.iter().enumerate() {
            // A constraint's width counts the cell's padding (one space each side).
            let w = u16::try_from(w + 2).unwrap_or(u16::MAX);
            if let Some(col) = table.column_mut(i) {
                col.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(w)));
            }
        }
    }
    table
}

/// How [`write`] laid a sheet out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    Table,
    /// Blocks ([`stacked`]), which end with a blank line of their own.
    Blocks,
}

/// Writes a sheet as a table, or as blocks when its columns cannot fit the width.
pub fn write_laid_out(out: &mut dyn Write, sheet: &Sheet, style: &Style) -> io::Result<Layout> {
    let least = style
        .width
        .map(|width| (width, stacked::least_widths(sheet)));
    if let Some((width, least)) = &least {
        if !stacked::fits(least, *width) {
            stacked::write(out, sheet, style, *width)?;
            return Ok(Layout::Blocks);
        }
    }
    if let Some(title) = &sheet.title {
        let title = escape(title);
        if style.color {
            writeln!(out, "\x1b[1m{title}\x1b[0m")?;
        } else {
            writeln!(out, "{title}")?;
        }
    }
    let least = least.as_ref().map(|(_, l)| l.as_slice());
    writeln!(out, "{}", build(sheet, style, least))?;
    Ok(Layout::Table)
}

pub fn write(out: &mut dyn Write, sheet: &Sheet, style: &Style) -> io::Result<()> {
    write_laid_out(out, sheet, style).map(|_| ())
}
