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
    /// One JSON object a line, streamed (`list`, `compare`, `diff`, `check`)
    Jsonl,
    /// SARIF 2.1.0 for code scanning (`check`)
    Sarif,
    /// GitHub Actions workflow commands (`check`)
    Github,
    /// JUnit XML for other CI systems (`check`)
    Junit,
}

impl Format {
    /// The name `--format` takes.
    pub fn name(self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::Markdown => "markdown",
            Format::Csv => "csv",
            Format::Tsv => "tsv",
            Format::Json => "json",
            Format::Html => "html",
            Format::Jsonl => "jsonl",
            Format::Sarif => "sarif",
            Format::Github => "github",
            Format::Junit => "junit",
        }
    }
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
    /// Whether stdout is a terminal (control characters are then shown escaped).
    pub terminal: bool,
    /// The width to lay tables and prose out for: the terminal's, or `--width`.
    /// `None` (a pipe): nothing is wrapped, shortened or left out.
    pub width: Option<usize>,
    /// Neutralise spreadsheet formulas in CSV/TSV cells (CWE-1236).
    pub defuse_formulas: bool,
}

impl Style {
    /// `width` is `--width`; without it, a terminal's own width is used.
    pub fn detect(
        format: Format,
        color: ColorChoice,
        defuse_formulas: bool,
        width: Option<usize>,
    ) -> Self {
        let terminal = io::stdout().is_terminal();
        let color = match color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                // A terminal that says it is dumb shows escape codes as text.
                let dumb = std::env::var_os("TERM").is_some_and(|t| t == "dumb");
                terminal && !dumb && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        };
        // A table is for people, wherever it goes: into a pipe (`| less`,
        // `| head`) it is laid out as on a terminal of `$COLUMNS`, else
        // 100 columns. Programs read csv, tsv, json or `--long`.
        let width = width.or_else(|| {
            if terminal {
                terminal_width()
            } else {
                Some(piped_width())
            }
        });
        Style {
            format,
            color,
            terminal,
            width,
            defuse_formulas,
        }
    }

    /// A terminal of `width` columns, colour on or off (tests, the fuzz exercise).
    pub fn terminal(width: usize, color: bool) -> Self {
        Style {
            format: Format::Table,
            color,
            terminal: true,
            width: Some(width),
            defuse_formulas: true,
        }
    }

    /// Plain settings for tests and library use: no colour, not a terminal.
    pub fn plain(format: Format) -> Self {
        Style {
            format,
            color: false,
            terminal: false,
            width: None,
            defuse_formulas: true,
        }
    }
}

/// The width of the terminal on stdout, if it is one and says.
/// Columns a table is laid out in when piped: `$COLUMNS` (as shells set it,
/// from 30), else 100.
pub const PIPED_WIDTH: usize = 100;

fn piped_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&c| c >= 30)
        .unwrap_or(PIPED_WIDTH)
}

fn terminal_width() -> Option<usize> {
    comfy_table::Table::new().width().map(usize::from)
}

/// True when standard output was closed (`>&-`). Rust's start-up opens
/// `/dev/null` read-write in place of a closed standard descriptor, so that
/// is what a closed one looks like here; a shell's `> /dev/null` opens it
/// write-only, and stays a quiet success.
pub fn stdout_closed() -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        // SAFETY: F_GETFL only reads descriptor 1's flags.
        let flags = unsafe { libc::fcntl(1, libc::F_GETFL) };
        if flags == -1 {
            return true;
        }
        if flags & libc::O_ACCMODE != libc::O_RDWR {
            return false;
        }
        // SAFETY: fstat fills a plain struct for descriptor 1.
        let mut st: libc::stat = unsafe { std::mem::zeroed() };
        let null = std::fs::metadata("/dev/null");
        let stated = unsafe { libc::fstat(1, &mut st) } == 0;
        stated && null.is_ok_and(|n| n.rdev() == st.st_rdev && n.ino() == st.st_ino)
    }
    #[cfg(not(unix))]
    {
        false
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
