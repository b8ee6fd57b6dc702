//! `claims import FILE.csv`: a sheet with one claim per row (the columns of
//! `list --format csv`, named in a header row) becomes an event file. Every
//! problem is reported with its row and column; nothing is written unless
//! the whole sheet is sound, and never over an existing file.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::io::{Read, Write};
use std::path::Path;

use super::{exit, Context};
use crate::error::UserError;
use crate::load::Keep;

/// The columns every row needs.
const REQUIRED: [&str; 8] = [
    "claim", "event", "source", "said", "via", "document", "language", "kind",
];

/// A header row and one example row of each kind (`import --template`).
pub const TEMPLATE: &str = "\
claim,event,source,said,via,document,language,kind,quote,quote_kind,english,hedged,whose,metric,stated,act,accused,at,proposition,stance,withdraws,outlet,url
my-event-mod-killed,my-event,armenia-mod,2024-05-01,statement,my-event-doc,en,figure,\"Three servicemen were killed.\",verbatim,,false,armenia,killed,3,,,,,,,My outlet,https://example.org/article
my-event-mod-accuses,my-event,armenia-mod,2024-05-01,statement,my-event-doc,en,accusation,\"The enemy opened fire first.\",verbatim,,false,,,,started-fighting,azerbaijan,2024-05-01T06:30,,,,My outlet,https://example.org/article
my-event-kremlin-talks,my-event,kremlin,2024-05-02,phone-call-readout,my-event-doc,en,position,\"The sides agreed to talks.\",verbatim,,false,,,,,,,my-event-talks,affirms,,My outlet,https://example.org/article
";

/// One problem: the sheet's row (1 is the header) and column name.
struct Problem {
    row: usize,
    column: String,
    message: String,
}

/// A row's cells by column name; CSV's formula guard (a `'` before = + - @)
/// and TSV's escapes are undone, so `list --format csv` reads back exactly.
struct Row<'r> {
    headers: &'r [String],
    cells: Vec<String>,
    number: usize,
}

impl Row<'_> {
    fn get(&self, column: &str) -> Option<&str> {
        let at = self.headers.iter().position(|h| h == column)?;
        self.cells
            .get(at)
            .map(String::as_str)
            .filter(|c| !c.is_empty())
    }
}

fn unguard(cell: &str, tsv: bool) -> String {
    let cell = match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => cell,
    };
    if !tsv {
        return cell.to_string();
    }
    let mut out = String::with_capacity(cell.len());
    let mut chars = cell.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// A TOML basic string.
fn quoted(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A number as TOML takes it: digits, at most one point.
fn number(text: &str) -> Option<String> {
    let t = text.trim();
    let ok = !t.is_empty()
        && t.chars().all(|c| c.is_ascii_digit() || c == '.')
        && t.matches('.').count() <= 1
        && !t.starts_with('.')
        && !t.ends_with('.');
    ok.then(|| t.to_string())
}

/// A quantity as `list` states it ("49", "≥ 49", "up to 5", "more than 3",
/// "nearly 50", "about 50", "20–30", "several") as TOML fields.
fn quantity(stated: &str) -> Result<String, String> {
    let s = stated.trim();
    let forms = [
        ("≥ ", "at_least"),
        ("up to ", "at_most"),
        ("more than ", "more_than"),
        ("nearly ", "nearly"),
        ("about ", "about"),
    ];
    for (prefix, field) in forms {
        if let Some(rest) = s.strip_prefix(prefix) {
            return number(rest)
                .map(|n| format!("{field} = {n}"))
                .ok_or_else(|| format!("`{s}`: a number is expected after \"{prefix}\""));
        }
    }
    if let Some((low, high)) = s.split_once('–').or_else(|| {
        s.split_once('-')
            .filter(|_| s.chars().next().is_some_and(|c| c.is_ascii_digit()))
    }) {
        return match (number(low), number(high)) {
            (Some(l), Some(h)) => Ok(format!("range = [{l}, {h}]")),
            _ => Err(format!("`{s}`: a range is two numbers, such as 20–30")),
        };
    }
    if let Some(n) = number(s) {
        return Ok(format!("exact = {n}"));
    }
    let word = s.chars().all(|c| c.is_ascii_lowercase() || c == '-') && !s.is_empty();
    if word {
        return Ok(format!("vague = {}", quoted(s)));
    }
    Err(format!(
        "`{s}` is not a quantity: give 49, ≥ 49, up to 5, more than 3, nearly 50, about 50, 20–30 or a vague word"
    ))
}

/// The figure of a row: whose losses, metric, category, quantity, moments,
/// and a breakdown "soldiers: 30; border-guards: ≥ 5".
fn figure(row: &Row, problems: &mut Vec<Problem>) -> Option<String> {
    let mut problem = |column: &str, message: String| {
        problems.push(Problem {
            row: row.number,
            column: column.into(),
            message,
        });
    };
    let (Some(whose), Some(metric)) = (row.get("whose"), row.get("metric")) else {
        problem(
            "whose",
            "a figure needs `whose` (the party whose losses) and `metric`".into(),
        );
        return None;
    };
    let Some(stated) = row.get("stated") else {
        problem(
            "stated",
            "a figure needs `stated`: 49, ≥ 49, 20–30, several…".into(),
        );
        return None;
    };
    let mut fields = Vec::new();
    if whose.contains('+') {
        let parties: Vec<String> = whose.split('+').map(quoted).collect();
        fields.push(format!("parties = [{}]", parties.join(", ")));
    } else {
        fields.push(format!("party = {}", quoted(whose)));
    }
    fields.push(format!("metric = {}", quoted(metric)));
    if let Some(c) = row.get("category") {
        fields.push(format!("of = {}", quoted(c)));
    }
    match quantity(stated) {
        Ok(q) => fields.push(q),
        Err(e) => problem("stated", e),
    }
    for key in ["as_of", "since"] {
        if let Some(v) = row.get(key) {
            fields.push(format!("{key} = {}", quoted(v)));
        }
    }
    if let Some(parts) = row.get("breakdown") {
        let mut each = Vec::new();
        for part in parts.split(';').map(str::trim).filter(|p| !p.is_empty()) {
            match part.split_once(':').map(|(of, q)| (of.trim(), quantity(q))) {
                Some((of, Ok(q))) => each.push(format!("{{ of = {}, {q} }}", quoted(of))),
                Some((_, Err(e))) => problem("breakdown", e),
                None => problem(
                    "breakdown",
                    format!("`{part}`: give each part as CATEGORY: QUANTITY"),
                ),
            }
        }
        fields.push(format!("breakdown = [{}]", each.join(", ")));
    }
    Some(format!("figure = {{ {} }}", fields.join(", ")))
}

/// What the row asserts, by its `kind`.
fn assertion(row: &Row, problems: &mut Vec<Problem>) -> Option<String> {
    let mut need = |column: &str, what: &str| {
        let v = row.get(column);
        if v.is_none() {
            problems.push(Problem {
                row: row.number,
                column: column.into(),
                message: format!("{what} needs `{column}`"),
            });
        }
        v
    };
    match row.get("kind").unwrap_or("") {
        "figure" => figure(row, problems),
        "accusation" => {
            let (act, accused) = (
                need("act", "an accusation"),
                need("accused", "an accusation"),
            );
            let mut fields = vec![
                format!("accused = {}", quoted(accused?)),
                format!("act = {}", quoted(act?)),
            ];
            if row.get("denies") == Some("true") {
                fields.push("denies = true".into());
            }
            if let Some(at) = row.get("at") {
                fields.push(format!("at = {}", quoted(at)));
            }
            Some(format!("accusation = {{ {} }}", fields.join(", ")))
        }
        "position" => {
            let (p, stance) = (
                need("proposition", "a position"),
                need("stance", "a position"),
            );
            Some(format!(
                "position = {{ proposition = {}, stance = {} }}",
                quoted(p?),
                quoted(stance?)
            ))
        }
        "retraction" => {
            need("withdraws", "a retraction").map(|w| format!("retracts = {}", quoted(w)))
        }
        other => {
            problems.push(Problem {
                row: row.number,
                column: "kind".into(),
                message: format!(
                    "`{other}` is not a kind: give figure, accusation, position or retraction"
                ),
            });
            None
        }
    }
}

/// One row as a `[[claim]]` table.
fn claim(row: &Row, problems: &mut Vec<Problem>) -> Option<String> {
    let before = problems.len();
    for column in REQUIRED {
        if row.get(column).is_none() {
            problems.push(Problem {
                row: row.number,
                column: column.into(),
                message: format!("`{column}` is empty"),
            });
        }
    }
    let quote_key = match row.get("quote_kind").unwrap_or("verbatim") {
        "verbatim" => "quote",
        "paraphrase" => "paraphrase",
        other => {
            problems.push(Problem {
                row: row.number,
                column: "quote_kind".into(),
                message: format!("`{other}`: give verbatim or paraphrase"),
            });
            "quote"
        }
    };
    let body = assertion(row, problems);
    if problems.len() > before {
        return None;
    }
    let mut t = String::from("[[claim]]\n");
    for key in [
        "claim", "event", "source", "origin", "said", "via", "document",
    ] {
        if let Some(v) = row.get(key) {
            let key = if key == "claim" { "id" } else { key };
            let _ = writeln!(t, "{key} = {}", quoted(v));
        }
    }
    let _ = writeln!(
        t,
        "{quote_key} = {}",
        quoted(row.get("quote").unwrap_or(""))
    );
    for key in [
        "language",
        "english",
        "reading",
        "attribution",
        "place",
        "note",
    ] {
        if let Some(v) = row
            .get(key)
            .filter(|v| !(key == "attribution" && *v == "on-record"))
        {
            let _ = writeln!(t, "{key} = {}", quoted(v));
        }
    }
    if row.get("hedged") == Some("true") {
        t.push_str("hedged = true\n");
    }
    if let (Some(w), false) = (row.get("withdraws"), row.get("kind") == Some("retraction")) {
        let _ = writeln!(t, "corrects = {}", quoted(w));
    }
    let _ = writeln!(t, "{}", body?);
    Some(t)
}

/// `[[document]]` tables for documents the data does not define yet, from
/// the rows' outlet, URL and language.
fn documents(rows: &[Row], known: &HashSet<String>) -> String {
    let mut written = HashSet::new();
    let mut t = String::new();
    for row in rows {
        let Some(id) = row.get("document").filter(|d| !known.contains(*d)) else {
            continue;
        };
        if !written.insert(id.to_string()) {
            continue;
        }
        let _ = writeln!(t, "[[document]]\nid = {}", quoted(id));
        let _ = writeln!(
            t,
            "outlet = {}",
            quoted(row.get("outlet").unwrap_or("TODO: the outlet"))
        );
        if let Some(url) = row.get("url") {
            let _ = writeln!(t, "url = {}", quoted(url));
        }
        let _ = writeln!(
            t,
            "language = {}\n",
            quoted(row.get("language").unwrap_or("en"))
        );
    }
    t
}

fn read_input(path: &Path) -> anyhow::Result<String> {
    let mut text = String::new();
    if path == Path::new("-") {
        std::io::stdin().read_to_string(&mut text)?;
    } else {
        text = std::fs::read_to_string(path)
            .map_err(|e| UserError::new(format!("cannot read {}: {e}", path.display())))?;
    }
    Ok(text)
}

/// The rows of a sheet; TSV when its header has a tab and no comma.
fn rows(text: &str) -> anyhow::Result<(Vec<String>, Vec<Vec<String>>)> {
    let first = text.lines().next().unwrap_or("");
    let tsv = first.contains('\t') && !first.contains(',');
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(if tsv { b'\t' } else { b',' })
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

pub fn run(
    ctx: &Context,
    input: &Path,
    to: Option<&Path>,
    out: &mut dyn Write,
) -> anyhow::Result<u8> {
    let (headers, cells) = rows(&read_input(input)?)?;
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
    let rows: Vec<Row> = cells
        .into_iter()
        .enumerate()
        .map(|(i, cells)| Row {
            headers: &headers,
            cells,
            number: i + 2,
        })
        .collect();
    let mut problems = Vec::new();
    let claims: Vec<String> = rows
        .iter()
        .filter_map(|r| claim(r, &mut problems))
        .collect();
    if !problems.is_empty() {
        let shown = input.display();
        let list: Vec<String> = problems
            .iter()
            .map(|p| {
                format!(
                    "{shown}: row {}, column `{}`: {}",
                    p.row, p.column, p.message
                )
            })
            .collect();
        return Err(UserError::new(format!(
            "{} problem(s) in the sheet; nothing was written\n{}",
            problems.len(),
            list.join("\n")
        ))
        .into());
    }
    let known: HashSet<String> = ctx
        .load(&Keep::Nothing, None)?
        .dataset
        .documents
        .into_iter()
        .map(|d| d.id)
        .collect();
    let text = format!(
        "# Imported by `claims import` from {}: check it with `claims check`.\n\n{}{}",
        input.display(),
        documents(&rows, &known),
        claims.join("\n")
    );
    write_out(&text, claims.len(), to, out)?;
    Ok(exit::OK)
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
