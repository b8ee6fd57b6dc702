//! `claims import FILE.csv`: a sheet with one claim per row (the columns of
//! `list --format csv`, named in a header row) becomes an event file. Every
//! problem is reported with its row and column; nothing is written unless
//! the whole sheet is sound, and never over an existing file.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::io::{Read, Write};
use std::path::Path;

use super::{exit, Context};
use crate::error::UserError;
use crate::load::discover::MARKER;
use crate::load::{self, InputFile, Keep};
use crate::model::Document;

mod cells;
mod documents;
mod event;
mod sheet;

pub use cells::DateOrder;
use documents::documents;
use event::EVENT_COLUMNS;
use sheet::{claim, unguard, Problem, Row, REQUIRED};

/// Columns a sheet may have beyond `list`'s: a new document's details.
const DOCUMENT_COLUMNS: [&str; 3] = ["document_title", "document_published", "document_text"];

/// A header row and one example row of each kind (`import --template`).
pub const TEMPLATE: &str = "\
claim,event,source,said,via,document,language,kind,quote,quote_kind,english,hedged,whose,metric,stated,act,accused,at,proposition,stance,withdraws,outlet,url,event_title,event_date,event_place,event_sides,event_summary,proposition_text
my-event-mod-killed,my-event,armenia-mod,2024-05-01,statement,my-event-doc,en,figure,\"Three servicemen were killed.\",verbatim,,false,armenia,killed,3,,,,,,,My outlet,https://example.org/article,A clash on the border,2024-05-01,The border near the village,\"armenia, azerbaijan\",One or two sentences.,
my-event-mod-accuses,my-event,armenia-mod,2024-05-01,statement,my-event-doc,en,accusation,\"The enemy opened fire first.\",verbatim,,false,,,,started-fighting,azerbaijan,2024-05-01T06:30,,,,My outlet,https://example.org/article,,,,,,
my-event-kremlin-talks,my-event,kremlin,2024-05-02,phone-call-readout,my-event-doc,en,position,\"The sides agreed to talks.\",verbatim,,false,,,,,,,my-event-talks,affirms,,My outlet,https://example.org/article,,,,,,The sides agree to talks
";

/// The sheet, read as data files are: a regular file (or standard input)
/// of at most the data files' limit, in UTF-8.
fn read_input(path: &Path) -> anyhow::Result<String> {
    let limit = load::input::MAX_FILE_BYTES;
    let cannot = |e: String| UserError::new(format!("cannot read {}: {e}", path.display()));
    let bytes = if path == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::stdin().take(limit + 1).read_to_end(&mut bytes)?;
        if bytes.len() as u64 > limit {
            return Err(cannot(format!("over {} MiB", limit >> 20)).into());
        }
        bytes
    } else {
        load::input::read_bounded(path).map_err(cannot)?
    };
    String::from_utf8(bytes)
        .map_err(|_| cannot("not UTF-8 text: save the sheet as UTF-8 CSV".to_string()).into())
}

/// The separator the header row uses most: `,`, `;` (European spreadsheets) or a tab.
fn separator(header: &str) -> u8 {
    let count = |c: char| header.matches(c).count();
    [(b'\t', count('\t')), (b';', count(';')), (b',', count(','))]
        .into_iter()
        .max_by_key(|&(_, n)| n)
        .filter(|&(_, n)| n > 0)
        .map_or(b',', |(b, _)| b)
}

/// The header and rows of a sheet.
fn rows(text: &str) -> anyhow::Result<(Vec<String>, Vec<Vec<String>>)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let delimiter = separator(text.lines().next().unwrap_or(""));
    let tsv = delimiter == b'\t';
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .quoting(!tsv)
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()?
        .iter()
        .map(|h| h.trim().to_string())
        .collect();
    let mut all = Vec::new();
    for record in reader.records() {
        let record =
            record.map_err(|e| UserError::new(format!("the sheet cannot be read: {e}")))?;
        all.push(record.iter().map(|c| unguard(c, tsv)).collect());
    }
    Ok((headers, all))
}

/// Every column is one `import` reads: a misspelt one would lose its data.
fn unknown_columns(headers: &[String], shown: &str) -> Vec<String> {
    let known = || {
        super::list::COLUMNS
            .iter()
            .chain(&DOCUMENT_COLUMNS)
            .chain(&EVENT_COLUMNS)
            .copied()
    };
    headers
        .iter()
        .filter(|h| !h.is_empty() && !known().any(|k| k == h.as_str()))
        .map(|h| {
            format!(
                "{shown}: unknown column `{h}`: {}",
                crate::suggest::hint(h, known())
            )
        })
        .collect()
}

/// Problems in the sheet, each on its own line of stderr, then one error.
fn refuse(lines: &[String]) -> anyhow::Error {
    let mut err = std::io::stderr().lock();
    for l in lines {
        let _ = writeln!(err, "{}", crate::sanitize::escape(l));
    }
    UserError::new(format!(
        "{} problem{} in the sheet; nothing was written",
        lines.len(),
        if lines.len() == 1 { "" } else { "s" }
    ))
    .hint("fix the sheet and import it again; `claims import --template` shows every column")
    .into()
}

/// The event file, checked with the active data as `check` would (unknown
/// metrics, dates, sources…); its problems are named by the sheet's row.
fn validate(
    ctx: &Context,
    text: &str,
    starts: &[(usize, usize)],
    shown: &str,
    to: Option<&Path>,
) -> Vec<(usize, String)> {
    let display = format!("{shown} (imported)");
    let (mut files, diags, skipped) = load::files_for(&ctx.data);
    // Where the file will be: a document's `text` is found beside it.
    let at = to.map_or_else(
        || Path::new("imported.toml").to_path_buf(),
        Path::to_path_buf,
    );
    files.push(InputFile {
        display: display.clone(),
        origin: load::input::Origin::Disk(at),
        bytes: Some(Cow::Owned(text.as_bytes().to_vec())),
        root: None,
    });
    let Ok(loaded) = load::load_files(files, diags, skipped, &Keep::Nothing, None) else {
        return Vec::new();
    };
    loaded
        .diagnostics
        .iter()
        .filter(|d| d.path == display)
        .map(|d| {
            let row = starts
                .iter()
                .rev()
                .find(|(line, _)| *line <= d.line)
                .map_or(0, |r| r.1);
            let at = d
                .snippet
                .as_deref()
                .map(|s| format!(" (`{}`)", s.trim()))
                .unwrap_or_default();
            let hint = d
                .hint
                .as_deref()
                .filter(|h| !h.is_empty())
                .map(|h| format!("; {h}"))
                .unwrap_or_default();
            // What the sheet itself could give, where the data lacks it.
            let make = if d.message.starts_with("unknown event") {
                "; or create it with the event_title, event_date, event_place, event_sides and event_summary columns"
            } else if d.message.starts_with("unknown proposition") {
                "; or create it with the proposition_text column"
            } else {
                ""
            };
            (row, format!("{shown}: row {row}{at}: {}{hint}{make}", d.message))
        })
        .collect()
}

pub fn run(
    ctx: &Context,
    input: &Path,
    to: Option<&Path>,
    dates: Option<DateOrder>,
    out: &mut dyn Write,
) -> anyhow::Result<u8> {
    // Said first: the sheet's problems are of no use if it cannot be written.
    writable(to)?;
    let shown = input.display().to_string();
    let (headers, mut cells) = rows(&read_input(input)?)?;
    // Every problem of the sheet in one run: its columns', its cells', and
    // then what the check of the file made from its sound rows finds.
    let mut lines = check_header(&headers, &shown)?;
    let data = Known::of(ctx);
    let mut problems: Vec<Problem> = Vec::new();
    for (i, row) in cells.iter_mut().enumerate() {
        cells::normalise(&headers, row, i + 2, &data.names, dates, &mut problems);
    }
    let rows: Vec<Row> = cells
        .into_iter()
        .enumerate()
        .map(|(i, cells)| Row {
            headers: &headers,
            cells,
            number: i + 2,
        })
        .collect();
    let claims: Vec<(usize, String)> = rows
        .iter()
        .filter_map(|r| claim(r, &mut problems).map(|c| (r.number, c)))
        .collect();
    let mut blocks: Vec<(usize, String)> = Vec::new();
    blocks.extend(event::event(&rows, &data.events, &mut problems));
    blocks.extend(event::propositions(
        &rows,
        &data.propositions,
        &mut problems,
    ));
    blocks.extend(documents(&rows, &data.documents, &mut problems));
    problems.sort_by_key(|p| p.row);
    lines.extend(problems.iter().map(|p| {
        format!(
            "{shown}: row {}, column `{}`: {}",
            p.row, p.column, p.message
        )
    }));
    let (text, starts) = assemble(blocks, &claims, &shown);
    let found = validate(ctx, &text, &starts, &shown, to);
    lines.extend(not_repeated(found, &problems, &rows));
    if !lines.is_empty() {
        return Err(refuse(&lines));
    }
    write_out(&text, claims.len(), to, out)?;
    Ok(exit::OK)
}

/// Where the event file goes may receive one: no file there, and not the
/// name of a data folder's settings.
fn writable(to: Option<&Path>) -> anyhow::Result<()> {
    if let Some(path) = to.filter(|p| p.exists()) {
        return Err(UserError::new(format!("{} already exists", path.display()))
            .hint("`import` never overwrites a file: to import an edited sheet again, delete the file it wrote first; else give a new name")
            .into());
    }
    if let Some(path) = to.filter(|p| p.file_name().is_some_and(|n| n == MARKER)) {
        return Err(UserError::new(format!(
            "{}: `{MARKER}` is the name of a data folder's settings, not of an event file",
            path.display()
        ))
        .hint("give the event file another name, such as the event's id: my-event.toml")
        .into());
    }
    Ok(())
}

/// The check's problems, less those that repeat a bad cell's value: what it
/// finds of that value follows from the cell's problem, already said; the
/// row's other problems are still said.
fn not_repeated(found: Vec<(usize, String)>, problems: &[Problem], rows: &[Row]) -> Vec<String> {
    let cause: Vec<(usize, Option<&str>)> = problems
        .iter()
        .map(|p| {
            let row = rows.iter().find(|r| r.number == p.row);
            (p.row, row.and_then(|r| r.get(&p.column)))
        })
        .collect();
    let follows = |row: usize, line: &str| {
        cause
            .iter()
            .any(|&(r, value)| r == row && value.is_none_or(|v| line.contains(v)))
    };
    found
        .into_iter()
        .filter(|(row, l)| !follows(*row, l))
        .map(|(_, l)| l)
        .collect()
}

/// What the active data already defines, that a sheet may name or add to.
struct Known {
    documents: HashMap<String, Document>,
    events: HashSet<String>,
    propositions: HashSet<String>,
    names: cells::Names,
}

impl Known {
    fn of(ctx: &Context) -> Self {
        let (files, _, _) = load::files_for(&ctx.data);
        let skipped = load::Skipped::default();
        let ds = load::load_files(files, Vec::new(), skipped, &Keep::Nothing, None)
            .map(|l| l.dataset)
            .unwrap_or_default();
        Known {
            events: ds.events.iter().map(|e| e.id.clone()).collect(),
            propositions: ds.propositions.iter().map(|p| p.id.clone()).collect(),
            names: cells::Names::of(&ds),
            documents: ds
                .documents
                .into_iter()
                .map(|d| (d.id.clone(), d))
                .collect(),
        }
    }
}

/// The columns every row needs are there (else nothing can be read), and
/// the problems of any column `import` does not read.
fn check_header(headers: &[String], shown: &str) -> anyhow::Result<Vec<String>> {
    let missing: Vec<&str> = REQUIRED
        .iter()
        .copied()
        .filter(|c| !headers.iter().any(|h| h == c))
        .collect();
    if !missing.is_empty() {
        return Err(
            UserError::new(format!("the sheet has no column {}", missing.join(", ")))
                .hint("`claims import --template` prints a header row and an example of each kind")
                .into(),
        );
    }
    Ok(unknown_columns(headers, shown))
}

/// The event file, and the line each row's tables start at (to name the
/// row of a problem found in it).
fn assemble(
    docs: Vec<(usize, String)>,
    claims: &[(usize, String)],
    shown: &str,
) -> (String, Vec<(usize, usize)>) {
    // The sheet's name as a comment: a line break in it is shown escaped,
    // never a line of TOML of its own.
    let name = crate::sanitize::escape(shown);
    let mut text =
        format!("# Imported by `claims import` from {name}: check it with `claims check`.\n\n");
    let mut line = 3;
    let mut starts: Vec<(usize, usize)> = Vec::new();
    let blocks = docs.into_iter().chain(
        claims
            .iter()
            .map(|(row, block)| (*row, format!("{block}\n"))),
    );
    for (row, block) in blocks {
        starts.push((line, row));
        line += block.matches('\n').count();
        text.push_str(&block);
    }
    (text, starts)
}

/// The event file to stdout, or into a new file (never over one).
fn write_out(
    text: &str,
    claims: usize,
    to: Option<&Path>,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    match to {
        None => out.write_all(text.as_bytes())?,
        Some(path) => {
            let mut file = std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(path)
                .map_err(|e| {
                    UserError::new(format!("cannot create {}: {e}", path.display()))
                        .hint("`import` never overwrites a file: give a new name")
                })?;
            file.write_all(text.as_bytes())?;
            writeln!(out, "wrote {} ({claims} claims)", path.display())?;
        }
    }
    Ok(())
}
