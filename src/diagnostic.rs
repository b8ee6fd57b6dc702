//! Problems found in data files, each at a file, line and column, like a compiler's.

use std::fmt;

use crate::sanitize::escape;

/// The kind of problem: stable, so scripts and tests can match on it
/// (`check --format json` carries it; the README lists them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Code {
    /// A file that cannot be read, is too large, or is not a regular file.
    FileUnreadable,
    NoDataFolder,
    NotUtf8,
    TomlSyntax,
    UnknownField,
    MissingField,
    WrongType,
    /// A value outside a closed set (a stance, a channel, a source kind).
    UnknownValue,
    BadId,
    BadDate,
    NegativeCount,
    /// A decimal a figure cannot hold, or one in a count of whole things.
    BadNumber,
    BadRange,
    DuplicateId,
    UnknownId,
    UnitMismatch,
    CompositeCycle,
    NoEvent,
    /// A claim must assert exactly one of figure, accusation, position.
    AssertionCount,
    /// A figure must give exactly one quantity.
    QuantityCount,
    /// A claim must have a quote or a paraphrase, not both.
    QuoteMissing,
    EmptyQuote,
    QuoteNotFound,
    DocumentText,
    /// A source's standing and party disagree (an organ of no party).
    Standing,
    /// A figure names no party, or both `party` and `parties`.
    BadParties,
    /// A breakdown's parts that cannot add up to its total.
    BadBreakdown,
    /// A place that lies within itself.
    PlaceCycle,
    /// A retraction or correction of a claim it cannot withdraw.
    BadRetraction,
    /// A demand without the party it is addressed to, or an addressee on a non-demand.
    BadDemand,
    /// A composite with a composite part, a part twice, or a part of another unit.
    BadComposite,
    /// An act listed under two questions.
    BadQuestion,
    /// A claim citing one document twice, or a report's reading on a claim
    /// that states no figure.
    BadReport,
    /// A party aligned or allied with itself, with a party that is itself
    /// aligned or allied, or both aligned and allied.
    BadAlignment,
    /// A record that states no figure, relays or withdraws, or rests on
    /// imagery without its hash; a relayed sum of the parties' own figures
    /// not marked `sum_of_own`.
    BadRecord,
}

impl Code {
    /// A problem that stops the file being read: nothing it defines is known.
    pub fn stops_a_file(self) -> bool {
        matches!(
            self,
            Code::FileUnreadable
                | Code::NotUtf8
                | Code::TomlSyntax
                | Code::UnknownField
                | Code::MissingField
                | Code::WrongType
                | Code::UnknownValue
        )
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Code::FileUnreadable => "file-unreadable",
            Code::NoDataFolder => "no-data-folder",
            Code::NotUtf8 => "not-utf8",
            Code::TomlSyntax => "toml-syntax",
            Code::UnknownField => "unknown-field",
            Code::MissingField => "missing-field",
            Code::WrongType => "wrong-type",
            Code::UnknownValue => "unknown-value",
            Code::BadId => "bad-id",
            Code::BadDate => "bad-date",
            Code::NegativeCount => "negative-count",
            Code::BadNumber => "bad-number",
            Code::BadRange => "bad-range",
            Code::DuplicateId => "duplicate-id",
            Code::UnknownId => "unknown-id",
            Code::UnitMismatch => "unit-mismatch",
            Code::CompositeCycle => "composite-cycle",
            Code::NoEvent => "no-event",
            Code::AssertionCount => "assertion-count",
            Code::QuantityCount => "quantity-count",
            Code::QuoteMissing => "quote-missing",
            Code::EmptyQuote => "empty-quote",
            Code::QuoteNotFound => "quote-not-found",
            Code::DocumentText => "document-text",
            Code::Standing => "standing",
            Code::BadParties => "bad-parties",
            Code::BadBreakdown => "bad-breakdown",
            Code::PlaceCycle => "place-cycle",
            Code::BadRetraction => "bad-retraction",
            Code::BadDemand => "bad-demand",
            Code::BadComposite => "bad-composite",
            Code::BadQuestion => "bad-question",
            Code::BadAlignment => "bad-alignment",
            Code::BadReport => "bad-report",
            Code::BadRecord => "bad-record",
        }
    }
}

impl Code {
    /// What the problem is, in one line (a CI rule's description).
    pub fn summary(self) -> &'static str {
        match self {
            Code::FileUnreadable => "A file that cannot be read, is too large, or is not a regular file",
            Code::NoDataFolder => "The data folder does not exist or is not a folder",
            Code::NotUtf8 => "A file that is not UTF-8 text",
            Code::TomlSyntax => "Text that is not valid TOML",
            Code::UnknownField => "A field the format does not define",
            Code::MissingField => "A field the format requires is missing",
            Code::WrongType => "A value of the wrong type (text for a number, a list for a table)",
            Code::UnknownValue => "A value outside a closed set (a stance, a channel, a source kind)",
            Code::BadId => "An id that is not kebab-case",
            Code::BadDate => "A date or time that is not one, or does not fit the claim (order on a span, as_of after the saying)",
            Code::NegativeCount => "A count below zero",
            Code::BadNumber => "A decimal a figure cannot hold, or one in a count of whole things",
            Code::BadRange => "A range that is not two ends, low to high, or a bound no count can meet",
            Code::DuplicateId => "An id defined twice",
            Code::UnknownId => "A reference to an id that is not defined",
            Code::UnitMismatch => "Figures of one metric in different units",
            Code::CompositeCycle => "A composite metric that contains itself",
            Code::NoEvent => "Claims about an event that is not defined",
            Code::AssertionCount => "A claim must assert exactly one of figure, accusation, position",
            Code::QuantityCount => "A figure must give exactly one quantity",
            Code::QuoteMissing => "A claim must have a quote or a paraphrase, not both",
            Code::EmptyQuote => "An empty quote",
            Code::QuoteNotFound => "A quote that is not in its document's text",
            Code::DocumentText => "A document's text that cannot be read",
            Code::Standing => "A source's standing and party disagree",
            Code::BadParties => "A figure names no party, or both `party` and `parties`",
            Code::BadBreakdown => "A breakdown's parts cannot add up to its total",
            Code::PlaceCycle => "A place that lies within itself",
            Code::BadRetraction => "A retraction or correction of a claim it cannot withdraw",
            Code::BadDemand => "A demand without its addressee, or an addressee on a non-demand",
            Code::BadComposite => "A composite with a composite part, a part twice, or a part of another unit",
            Code::BadQuestion => "An act listed under two questions",
            Code::BadReport => "A claim citing one document twice, or a reading on a claim with no figure",
            Code::BadAlignment => "A party aligned or allied with itself or with an aligned party",
            Code::BadRecord => "A record that cannot stand as one, or an unmarked relayed sum",
        }
    }

    /// Every code, in order (a CI tool's list of rules).
    pub const ALL: [Code; 35] = [
        Code::FileUnreadable,
        Code::NoDataFolder,
        Code::NotUtf8,
        Code::TomlSyntax,
        Code::UnknownField,
        Code::MissingField,
        Code::WrongType,
        Code::UnknownValue,
        Code::BadId,
        Code::BadDate,
        Code::NegativeCount,
        Code::BadNumber,
        Code::BadRange,
        Code::DuplicateId,
        Code::UnknownId,
        Code::UnitMismatch,
        Code::CompositeCycle,
        Code::NoEvent,
        Code::AssertionCount,
        Code::QuantityCount,
        Code::QuoteMissing,
        Code::EmptyQuote,
        Code::QuoteNotFound,
        Code::DocumentText,
        Code::Standing,
        Code::BadParties,
        Code::BadBreakdown,
        Code::PlaceCycle,
        Code::BadRetraction,
        Code::BadDemand,
        Code::BadComposite,
        Code::BadQuestion,
        Code::BadReport,
        Code::BadAlignment,
        Code::BadRecord,
    ];
}

/// A second place a problem concerns: "first defined here".
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Label {
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub snippet: Option<String>,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Diagnostic {
    pub code: Code,
    pub path: String,
    /// 1-based; 0 when the problem concerns the whole file.
    pub line: usize,
    pub column: usize,
    pub message: String,
    /// The offending line of the file, when there is one.
    pub snippet: Option<String>,
    pub hint: Option<String>,
    /// Other places the problem concerns.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub secondary: Vec<Label>,
}

impl Diagnostic {
    /// A problem with the file as a whole (unreadable, not UTF-8 before any line).
    pub fn file(code: Code, path: &str, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            path: path.to_string(),
            line: 0,
            column: 0,
            message: message.into(),
            snippet: None,
            hint: None,
            secondary: Vec::new(),
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        let hint = hint.into();
        if !hint.is_empty() {
            self.hint = Some(hint);
        }
        self
    }

    pub fn with_secondary(mut self, label: Label) -> Self {
        self.secondary.push(label);
        self
    }

    /// A file that could not be read or parsed first: the problems it
    /// causes elsewhere (an event it defines, "unknown") come after it.
    fn sort_key(&self) -> (bool, &str, usize, usize, &str) {
        let effect = !self.code.stops_a_file();
        (effect, &self.path, self.line, self.column, &self.message)
    }
}

/// Sorts by file, line, column (a file that could not be parsed first),
/// and drops exact repeats.
pub fn sort(diags: &mut Vec<Diagnostic>) {
    diags.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    diags.dedup();
}

/// Line starts of a text, so that many positions can be located without
/// rescanning the text from the start each time.
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        // match_indices on a char searches with memchr: fast on large files.
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { text, starts }
    }

    /// Same result as [`locate`], in logarithmic time.
    pub fn locate(&self, offset: usize) -> (usize, usize, String) {
        let text = self.text;
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        let column = text[start..offset].chars().count() + 1;
        let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
        (
            line,
            column,
            bounded(text[start..end].trim_end_matches('\r')),
        )
    }

    pub fn at(
        &self,
        code: Code,
        path: &str,
        offset: usize,
        message: impl Into<String>,
    ) -> Diagnostic {
        let (line, column, snippet) = self.locate(offset);
        Diagnostic {
            code,
            secondary: Vec::new(),
            path: path.to_string(),
            line,
            column,
            message: message.into(),
            snippet: Some(snippet),
            hint: None,
        }
    }
}

/// 1-based line and column (in characters) of a byte offset, and that line's text.
pub fn locate(text: &str, offset: usize) -> (usize, usize, String) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = text[line_start..offset].chars().count() + 1;
    let line_end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    let snippet = bounded(text[line_start..line_end].trim_end_matches('\r'));
    (line, column, snippet)
}

/// A line as a diagnostic keeps it: at most [`SHOWN`] characters and a `…`,
/// so that thousands of problems on one long line cost no more than their count.
fn bounded(line: &str) -> String {
    let mut chars = line.char_indices();
    match chars.nth(SHOWN) {
        Some((end, _)) => format!("{} …", &line[..end]),
        None => line.to_string(),
    }
}

/// How much of a long line (a minified file) a snippet shows.
const SHOWN: usize = 160;

/// "17 | source = …" and, under it, the marker at the column with its label.
fn write_snippet(
    f: &mut fmt::Formatter<'_>,
    gutter: usize,
    line: usize,
    column: usize,
    snippet: &str,
    mark: &str,
) -> fmt::Result {
    // Snippets come bounded (see `bounded`); one made by hand is cut here.
    let bounded_len = SHOWN + 2;
    let shown: String = snippet.chars().take(bounded_len).collect();
    let cut = if shown.len() < snippet.len() {
        " …"
    } else {
        ""
    };
    let pad = " ".repeat(gutter);
    write!(f, "\n{pad} |\n{line:>gutter$} | {}{cut}", escape(&shown))?;
    if column > 0 && column <= SHOWN {
        // The marker sits under the escaped text, so escapes shift it too.
        let before: String = shown.chars().take(column - 1).collect();
        let width = escape(&before).chars().count();
        write!(f, "\n{pad} | {}{mark}", " ".repeat(width))?;
    }
    Ok(())
}

/// rustc's layout: `error[code]: message`, `--> path:line:column`, the line
/// with a marker, other places with `:::`, then the hint.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lines = std::iter::once(self.line).chain(self.secondary.iter().map(|l| l.line));
        let gutter = lines.max().unwrap_or(0).to_string().len();
        let pad = " ".repeat(gutter);
        write!(
            f,
            "error[{}]: {}",
            self.code.as_str(),
            escape(&self.message)
        )?;
        let path = escape(&self.path);
        if self.line == 0 {
            write!(f, "\n{pad}--> {path}")?;
        } else {
            write!(f, "\n{pad}--> {path}:{}:{}", self.line, self.column)?;
        }
        if let Some(snippet) = &self.snippet {
            write_snippet(f, gutter, self.line, self.column, snippet, "^")?;
        }
        for l in &self.secondary {
            write!(f, "\n{pad}::: {}:{}:{}", escape(&l.path), l.line, l.column)?;
            if let Some(snippet) = &l.snippet {
                let mark = format!("- {}", escape(&l.label));
                write_snippet(f, gutter, l.line, l.column, snippet, &mark)?;
            }
        }
        if let Some(hint) = &self.hint {
            write!(f, "\n{pad} = hint: {}", escape(hint))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_lines_and_columns_in_characters() {
        let text = "a = 1\nbé = 2\n";
        let off = text.find('2').unwrap_or(usize::MAX);
        assert_eq!(locate(text, off), (2, 6, "bé = 2".to_string()));
        assert_eq!(locate(text, 10_000).0, 3);
        let index = LineIndex::new(text);
        for off in 0..text.len() + 3 {
            assert_eq!(index.locate(off), locate(text, off), "offset {off}");
        }
    }
}
