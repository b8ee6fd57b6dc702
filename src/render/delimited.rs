//! CSV and TSV with a header row, quoted by the csv crate; cells a
//! spreadsheet would run as formulas are neutralised unless asked not to.

use std::io::{self, Write};

use crate::render::output::Style;
use crate::sanitize::{defuse_formula, escape};
use crate::view::Sheet;

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

/// A CSV/TSV record writer over any output.
pub struct RecordWriter<W: Write> {
    inner: csv::Writer<W>,
    delimiter: u8,
    defuse: bool,
    visible: bool,
}

fn io_err(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

impl<W: Write> RecordWriter<W> {
    pub fn new(out: W, delimiter: u8, style: &Style) -> Self {
        RecordWriter {
            inner: csv::WriterBuilder::new()
                .delimiter(delimiter)
                .terminator(csv::Terminator::Any(b'\n'))
                // TSV escapes tabs and line breaks itself, so nothing needs
                // quoting: a `"` stays a `"`, as the text has it.
                .quote_style(if delimiter == b'\t' {
                    csv::QuoteStyle::Never
                } else {
                    csv::QuoteStyle::Necessary
                })
                .from_writer(out),
            delimiter,
            defuse: style.defuse_formulas,
            // Into a pipe the text stays exact; on a terminal, control characters are shown escaped.
            visible: style.terminal,
        }
    }

    /// Header cells are written as they are.
    pub fn header(&mut self, headers: &[String]) -> io::Result<()> {
        self.inner.write_record(headers).map_err(io_err)
    }

    pub fn row<S: AsRef<str>>(&mut self, cells: &[S]) -> io::Result<()> {
        let (delimiter, defuse, visible) = (self.delimiter, self.defuse, self.visible);
        let cells = cells.iter().map(|c| {
            let c = c.as_ref();
            let c = if defuse {
                defuse_formula(c)
            } else {
                std::borrow::Cow::Borrowed(c)
            };
            let c = if visible {
                escape(&c).into_owned()
            } else {
                c.into_owned()
            };
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
        self.inner.write_record(cells).map_err(io_err)
    }

    pub fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

pub fn write_rows(
    out: &mut dyn Write,
    headers: &[String],
    rows: impl Iterator<Item = Vec<String>>,
    delimiter: u8,
    style: &Style,
) -> io::Result<()> {
    let mut w = RecordWriter::new(out, delimiter, style);
    w.header(headers)?;
    for row in rows {
        w.row(&row)?;
    }
    w.flush()
}
