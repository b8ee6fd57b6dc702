//! Every type error in a file in one run: serde stops at the first, so on
//! failure the table holding it is blanked out (spaces, so every line and
//! column stays where it was) and the file parsed again, table by table,
//! until it parses or a budget is spent. Also the hint for a type error:
//! what the field takes ("`hedged` takes true or false").

use std::ops::Range;

use super::file_model::FileModel;
use super::text::{code_for_serde_message, hint_for_serde_message};
use crate::diagnostic::{Code, Diagnostic, LineIndex};

/// The key a value at `at` is given to: `hedged` in `hedged = "yes"`.
fn key_before(text: &str, at: usize) -> Option<&str> {
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let before = text[line_start..at].trim_end();
    let before = before.strip_suffix('=')?.trim_end();
    let start = before
        .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .map_or(0, |i| i + 1);
    let key = &before[start..];
    (!key.is_empty()).then_some(key)
}

/// What a field takes, from serde's "expected …".
fn takes(message: &str) -> Option<&'static str> {
    let expected = message.split("expected").nth(1)?;
    let kinds = [
        ("boolean", "true or false, unquoted"),
        ("bool", "true or false, unquoted"),
        ("string", "text in double quotes"),
        ("integer", "a whole number, unquoted"),
        ("i64", "a whole number, unquoted"),
        ("number", "a number, unquoted (decimals only for a measure)"),
        ("sequence", "a list in brackets: [\"a\", \"b\"]"),
        ("array", "a list in brackets: [\"a\", \"b\"]"),
        ("struct", "a table: { key = value, … }"),
        ("map", "a table: { key = value, … }"),
    ];
    kinds
        .iter()
        .find(|(k, _)| expected.contains(k))
        .map(|(_, t)| *t)
}

/// The hint for a serde error at `at`: for a type error, what the field takes.
pub(super) fn hint(text: &str, message: &str, at: Option<usize>) -> String {
    if code_for_serde_message(message) == Code::WrongType {
        if let Some(t) = takes(message) {
            return match at.and_then(|at| key_before(text, at)) {
                Some(key) => format!("`{key}` takes {t}"),
                None => format!("this value should be {t}"),
            };
        }
    }
    hint_for_serde_message(message)
}

/// serde's "unknown variant `x`, expected one of `a`, `b`" as a person
/// reads it: "`x` is not a value `via` takes: give one of `a`, `b`". The
/// hint then only suggests the nearest, never the list again.
fn in_words(message: &str, key: Option<&str>) -> String {
    let Some(rest) = message.strip_prefix("unknown variant `") else {
        return message.to_string();
    };
    let Some((wanted, choices)) = rest.split_once('`') else {
        return message.to_string();
    };
    let choices = choices
        .trim_start_matches(", expected one of ")
        .trim_start_matches(", expected ");
    let whose = key.map_or("this field".to_string(), |k| format!("`{k}`"));
    format!("`{wanted}` is not a value {whose} takes: give one of {choices}")
}

/// One serde error as a diagnostic, or `None` for an error with no place.
fn diagnostic(display: &str, text: &str, lines: &LineIndex, e: &toml::de::Error) -> Diagnostic {
    let message = e.message().trim().to_string();
    let code = code_for_serde_message(&message);
    let at = e.span().map(|s| s.start);
    let hint = hint(text, &message, at);
    let message = in_words(&message, at.and_then(|at| key_before(text, at)));
    match at {
        Some(at) => lines.at(code, display, at, message),
        None => Diagnostic::file(code, display, message),
    }
    .with_hint(hint)
}

/// Whether a line opens a table: `[event]`, `[[claim]]`.
fn is_header(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with('[')
        && t[1..]
            .trim_start_matches('[')
            .starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_' || c == '"')
}

/// The table around byte `at`: from its header line to the next header; the
/// line alone when `at` comes before any header.
fn table_around(text: &str, at: usize) -> Range<usize> {
    let line_start = |i: usize| text[..i].rfind('\n').map_or(0, |n| n + 1);
    let mut start = line_start(at);
    let mut found = false;
    loop {
        let end = text[start..].find('\n').map_or(text.len(), |n| start + n);
        if is_header(&text[start..end]) {
            found = true;
            break;
        }
        if start == 0 {
            break;
        }
        start = line_start(start - 1);
    }
    let line_end = |i: usize| text[i..].find('\n').map_or(text.len(), |n| i + n + 1);
    if !found {
        let s = line_start(at);
        return s..line_end(s);
    }
    let mut end = line_end(start);
    while end < text.len() {
        let next = line_end(end);
        if is_header(&text[end..next]) {
            break;
        }
        end = next;
    }
    start..end
}

/// Replaces a range with spaces, keeping line breaks.
fn blank(text: &mut [u8], range: Range<usize>) {
    for b in &mut text[range] {
        if *b != b'\n' && *b != b'\r' {
            *b = b' ';
        }
    }
}

/// A type error, after which the rest of the file can still be read (a
/// syntax error ends the search: what follows one cannot be trusted).
pub(super) fn is_type_error(e: &toml::de::Error) -> bool {
    code_for_serde_message(e.message()) != Code::TomlSyntax
}

/// What the run may still spend on re-parsing: problems found, bytes parsed
/// again; the run's budget holds it.
#[derive(Debug)]
pub(super) struct Reparse {
    pub(super) errors: usize,
    pub(super) bytes: usize,
}

/// The first error alone, as the worker reports it.
pub(super) fn first_error(display: &str, text: &str, e: &toml::de::Error) -> Diagnostic {
    diagnostic(display, text, &LineIndex::new(text), e)
}

/// The file's first error, then those in its other tables. A syntax error
/// ends the search: what follows one cannot be trusted.
/// The re-parses are paid from the run's budget (problems found and bytes
/// parsed again), so many files of errors cost a bounded time in all.
pub(super) fn every_error(
    display: &str,
    text: &str,
    first: &toml::de::Error,
    budget: &mut Reparse,
) -> (Vec<Diagnostic>, Option<String>) {
    let lines = LineIndex::new(text);
    let mut diags = vec![diagnostic(display, text, &lines, first)];
    let Some(mut at) = first
        .span()
        .map(|s| s.start)
        .filter(|_| is_type_error(first))
    else {
        return (diags, None);
    };
    let mut copy = text.as_bytes().to_vec();
    let mut blanked: Vec<Range<usize>> = Vec::new();
    while budget.errors > 0 && budget.bytes >= text.len() {
        let range = table_around(text, at);
        blank(&mut copy, range.clone());
        blanked.push(range);
        budget.bytes -= text.len();
        // Spaces replace whole lines, so the copy stays UTF-8.
        let Ok(again) = std::str::from_utf8(&copy) else {
            break;
        };
        let Err(e) = toml::from_str::<FileModel>(again) else {
            // The rest parses: it gets every other check (the lines blanked
            // are spaces, so its positions are the file's own).
            return (diags, Some(again.to_string()));
        };
        let Some(next) = e.span().map(|s| s.start) else {
            break;
        };
        // Only a type error in a part not blanked yet is the file's own.
        if !is_type_error(&e) || blanked.iter().any(|r| r.contains(&next)) {
            break;
        }
        diags.push(diagnostic(display, text, &lines, &e));
        budget.errors -= 1;
        at = next;
    }
    (diags, None)
}
