//! Where output goes and how it looks: format, colour, width, and a writer
//! that treats a closed pipe as the reader's wish, not an error.

use std::io::{self, IsTerminal, Write};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Aligned table for people (the default)
    Table,
    /// GitHub-flavoured Markdown
    Markdown,
    /// Comma-separated values with a header row
    Csv,
    /// Tab-separated values with a header row
    Tsv,
    /// JSON with a `format_version`
    Json,
    /// HTML (`report` and `compare`: the full report; others: a table)
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// Settings every renderer reads.
#[derive(Debug, Clone)]
pub struct Style {
    pub format: Format,
    pub color: bool,
    /// Whether stdout is a terminal: tables then fit its width and quotes are shortened.
    pub terminal: bool,
    /// Neutralise spreadsheet formulas in CSV/TSV cells (CWE-1236).
    pub defuse_formulas: bool,
}

impl Style {
    pub fn detect(format: Format, color: ColorChoice, defuse_formulas: bool) -> Self {
        let terminal = io::stdout().is_terminal();
        let color = match color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        };
        Style {
            format,
            color,
            terminal,
            defuse_formulas,
        }
    }

    /// Plain settings for tests and library use: no colour, not a terminal.
    pub fn plain(format: Format) -> Self {
        Style {
            format,
            color: false,
            terminal: false,
            defuse_formulas: true,
        }
    }
}

/// True when an error chain ends in a closed pipe (`claims list | head -1`).
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// Buffered stdout; flushing is explicit so a closed pipe is reported once.
pub fn stdout() -> io::BufWriter<io::StdoutLock<'static>> {
    io::BufWriter::with_capacity(64 * 1024, io::stdout().lock())
}

/// Writes text and a newline.
pub fn line(out: &mut dyn Write, text: &str) -> io::Result<()> {
    out.write_all(text.as_bytes())?;
    out.write_all(b"\n")
}
