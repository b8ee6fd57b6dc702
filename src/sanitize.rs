//! Text from data files made safe for terminals, spreadsheets and reports.
//!
//! Quotes are copied from the web by many hands. Control characters (ESC
//! sequences that rewrite the screen or the clipboard, BEL, CR), bidi
//! overrides and zero-width characters are shown escaped, the way fd shows
//! odd file names, so that what a reader sees is what the file holds.

use std::borrow::Cow;
use std::fmt::Write;

/// Characters that change how text is shown without being visible.
fn is_invisible_format(c: char) -> bool {
    matches!(c,
        '\u{200B}'..='\u{200F}' // zero-width space/joiners, LRM, RLM
        | '\u{202A}'..='\u{202E}' // bidi embeddings and overrides
        | '\u{2060}'..='\u{2064}' // word joiner, invisible operators
        | '\u{2066}'..='\u{2069}' // bidi isolates
        | '\u{2028}' | '\u{2029}' // line and paragraph separators
        | '\u{FEFF}' // zero-width no-break space / BOM
        | '\u{061C}' // Arabic letter mark
        | '\u{FFF9}'..='\u{FFFB}' // interlinear annotation
    )
}

fn needs_escape(c: char) -> bool {
    c.is_control() || is_invisible_format(c)
}

/// Escapes every control and invisible formatting character as `\n`, `\t`,
/// `\x1b` or `\u{202e}`. Text without any is returned as it is.
pub fn escape(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_escape) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x100 && needs_escape(c) => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c if needs_escape(c) => {
                let _ = write!(out, "\\u{{{:04x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Rewrites invisible or control characters left raw in serialised JSON as
/// `\uXXXX` escapes (they can only occur inside strings, where the escape
/// denotes the same character).
pub fn json_visible(json: &str) -> Cow<'_, str> {
    if !json.chars().any(needs_escape) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if needs_escape(c) && c != '\n' {
            let mut buf = [0u16; 2];
            for unit in c.encode_utf16(&mut buf) {
                let _ = write!(out, "\\u{unit:04x}");
            }
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Neutralises a CSV/TSV cell a spreadsheet would run as a formula
/// (CWE-1236): a leading `=`, `+`, `-`, `@`, TAB or CR gets a `'` in front.
pub fn defuse_formula(cell: &str) -> Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{cell}")),
        _ => Cow::Borrowed(cell),
    }
}

/// Escapes a Markdown table cell: pipes, backslashes, HTML, line breaks, and
/// the characters [`escape`] shows.
pub fn markdown_cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '|' => out.push_str("\\|"),
            '\\' => out.push_str("\\\\"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '`' => out.push_str("\\`"),
            // `#` too, so that text at the start of a line is never a heading.
            '*' | '_' | '[' | ']' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("<br>"),
            '\r' => {}
            c => out.push_str(&escape(c.encode_utf8(&mut [0; 4]))),
        }
    }
    out
}

/// Escapes text for XML content and attribute values.
pub fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push_str(&escape(c.encode_utf8(&mut [0; 4]))),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_attacks_are_shown_not_run() {
        let osc52 = "ok\x1b]52;c;ZXZpbA==\x07done";
        assert_eq!(escape(osc52), "ok\\x1b]52;c;ZXZpbA==\\x07done");
        assert_eq!(escape("a\u{202E}b"), "a\\u{202e}b");
        assert_eq!(escape("zero\u{200B}width"), "zero\\u{200b}width");
        assert_eq!(escape("c1\u{9b}x"), "c1\\x9bx");
        assert!(matches!(escape("plain «texte» é"), Cow::Borrowed(_)));
    }

    #[test]
    fn formulas_are_defused() {
        assert_eq!(defuse_formula("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(defuse_formula("-2+3"), "'-2+3");
        assert_eq!(defuse_formula("70"), "70");
    }

    #[test]
    fn markdown_cells_cannot_break_the_table() {
        assert_eq!(markdown_cell("a|b\nc<script>"), "a\\|b<br>c&lt;script&gt;");
    }
}
