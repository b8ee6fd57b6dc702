//! CSV and TSV with a header row, quoted by the csv crate; cells a
//! spreadsheet would run as formulas are neutralised unless asked not to.

use std::io::{self, Write};

use super::Sheet;
use crate::output::Style;
use crate::sanitize::{defuse_formula, escape};

pub fn write(out: &mut dyn Write, sheet: &Sheet, delimiter: u8, style: &Style) -> io::Result<()> {
    write_rows(
        out,
        &sheet.headers,
        sheet
            .rows
            .iter()
            .map(|r| r.iter().map(|c| c.text.clone()).collect()),
        delimiter,
        style,
    )
}

pub fn write_rows(
    out: &mut dyn Write,
    headers: &[String],
    rows: impl Iterator<Item = Vec<String>>,
    delimiter: u8,
    style: &Style,
) -> io::Result<()> {
    let defuse = style.defuse_formulas;
    // Into a pipe the text stays exact; on a terminal, control characters are shown escaped.
    let visible = style.terminal;
    let mut w = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(out);
    let io_err = |e: csv::Error| match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    };
    w.write_record(headers).map_err(io_err)?;
    for row in rows {
        let cells = row.iter().map(|c| {
            let c = if defuse {
                defuse_formula(c).into_owned()
            } else {
                c.clone()
            };
            let c = if visible { escape(&c).into_owned() } else { c };
            // TSV has no quoting convention readers agree on: tabs and line
            // breaks inside a cell become visible escapes.
            if delimiter == b'\t' {
                c.replace('\\', "\\\\")
                    .replace('\t', "\\t")
                    .replace('\n', "\\n")
                    .replace('\r', "\\r")
            } else {
                c
            }
        });
        w.write_record(cells).map_err(io_err)?;
    }
    w.flush()
}
