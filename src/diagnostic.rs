//! Problems found in data files, each at a file, line and column, like a compiler's.

use std::fmt;

use crate::sanitize::escape;

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Diagnostic {
    pub path: String,
    /// 1-based; 0 when the problem concerns the whole file.
    pub line: usize,
    pub column: usize,
    pub message: String,
    /// The offending line of the file, when there is one.
    pub snippet: Option<String>,
    pub hint: Option<String>,
}

impl Diagnostic {
    /// A problem with the file as a whole (unreadable, not UTF-8 before any line).
    pub fn file(path: &str, message: impl Into<String>) -> Self {
        Diagnostic {
            path: path.to_string(),
            line: 0,
            column: 0,
            message: message.into(),
            snippet: None,
            hint: None,
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        let hint = hint.into();
        if !hint.is_empty() {
            self.hint = Some(hint);
        }
        self
    }

    fn sort_key(&self) -> (&str, usize, usize, &str) {
        (&self.path, self.line, self.column, &self.message)
    }
}

/// Sorts by file, line, column, and drops exact repeats.
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
            text[start..end].trim_end_matches('\r').to_string(),
        )
    }

    pub fn at(&self, path: &str, offset: usize, message: impl Into<String>) -> Diagnostic {
        let (line, column, snippet) = self.locate(offset);
        Diagnostic {
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
    let snippet = text[line_start..line_end]
        .trim_end_matches('\r')
        .to_string();
    (line, column, snippet)
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = escape(&self.path);
        if self.line > 0 {
            write!(
                f,
                "{path}:{}:{}: error: {}",
                self.line,
                self.column,
                escape(&self.message)
            )?;
        } else {
            write!(f, "{path}: error: {}", escape(&self.message))?;
        }
        if let Some(snippet) = &self.snippet {
            // Long lines (a minified file) are cut so one error stays readable.
            let shown: String = snippet.chars().take(160).collect();
            let cut = if shown.len() < snippet.len() {
                " …"
            } else {
                ""
            };
            write!(f, "\n    | {}{cut}", escape(&shown))?;
            if self.column > 0 && self.column <= 160 {
                let pad: String = shown
                    .chars()
                    .take(self.column - 1)
                    .map(|c| if c == '\t' { '\t' } else { ' ' })
                    .collect();
                write!(f, "\n    | {}^", escape(&pad).replace("\\t", "  "))?;
            }
        }
        if let Some(hint) = &self.hint {
            write!(f, "\n    = hint: {}", escape(hint))?;
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
