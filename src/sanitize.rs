//! Text from data files made safe for terminals, spreadsheets and reports.
//!
//! Quotes are copied from the web by many hands. Control characters (ESC
//! sequences that rewrite the screen or the clipboard, BEL, CR), bidi
//! overrides and zero-width characters are shown escaped, the way fd shows
//! odd file names, so that what a reader sees is what the file holds.

use std::borrow::Cow;
use std::fmt::Write;

/// Characters that change how text is shown without being visible: every
/// format character (Unicode category Cf: bidi controls, zero-width
/// characters, soft hyphens, tags) and every default-ignorable one
/// (fillers, variation selectors), which a terminal or a JSON viewer draws
/// as nothing at all.
fn is_invisible_format(c: char) -> bool {
    matches!(c,
        '\u{00AD}' // soft hyphen
        | '\u{034F}' // combining grapheme joiner
        | '\u{0600}'..='\u{0605}' | '\u{061C}' | '\u{06DD}' | '\u{070F}'
        | '\u{0890}'..='\u{0891}' | '\u{08E2}'
        | '\u{115F}'..='\u{1160}' // Hangul fillers
        | '\u{17B4}'..='\u{17B5}'
        | '\u{180B}'..='\u{180F}' // Mongolian variation selectors, vowel separator
        | '\u{200B}'..='\u{200F}' // zero-width space/joiners, LRM, RLM
        | '\u{2028}'..='\u{202E}' // separators, bidi embeddings and overrides
        | '\u{2060}'..='\u{206F}' // word joiner, invisible operators, bidi isolates
        | '\u{3164}' | '\u{FFA0}' // Hangul fillers
        | '\u{2800}' // braille pattern blank, a blank that is no space
        | '\u{FE00}'..='\u{FE0F}' // variation selectors
        | '\u{FEFF}' // zero-width no-break space / BOM
        | '\u{FFF0}'..='\u{FFFB}' // interlinear annotation
        | '\u{110BD}' | '\u{110CD}'
        | '\u{13430}'..='\u{1343F}'
        | '\u{1BCA0}'..='\u{1BCA3}'
        | '\u{1D173}'..='\u{1D17A}'
        | '\u{E0000}'..='\u{E0FFF}' // tags, variation selectors supplement
    )
}

fn needs_escape(c: char) -> bool {
    c.is_control() || is_invisible_format(c)
}

/// A mark that draws nothing by itself (a combining accent): shown on the
/// character before it, invisible with none (at the start, after a space).
fn is_mark(c: char) -> bool {
    !c.is_control() && unicode_width::UnicodeWidthChar::width(c) == Some(0)
}

/// Whether `c` is shown escaped when `base` says a visible character
/// precedes it: an invisible character always, a mark without a base too.
fn hidden(c: char, base: bool) -> bool {
    // ASCII, nearly all of any output, needs only the control check.
    if c.is_ascii() {
        return c.is_ascii_control();
    }
    needs_escape(c) || (is_mark(c) && !base)
}

/// Pushes `c` as it is or escaped, and says whether it is a base for a
/// mark that follows.
fn push_shown(out: &mut String, c: char, base: bool) -> bool {
    if !hidden(c, base) {
        out.push(c);
        return !c.is_whitespace();
    }
    match c {
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        c if (c as u32) < 0x100 => {
            let _ = write!(out, "\\x{:02x}", c as u32);
        }
        c => {
            let _ = write!(out, "\\u{{{:04x}}}", c as u32);
        }
    }
    false
}

/// Escapes every control and invisible formatting character, and a mark
/// with nothing to sit on, as `\n`, `\t`, `\x1b` or `\u{202e}`. Text
/// without any is returned as it is.
pub fn escape(text: &str) -> Cow<'_, str> {
    let mut base = false;
    let clean = text.chars().all(|c| {
        let ok = !hidden(c, base);
        base = !c.is_whitespace();
        ok
    });
    if clean {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut base = false;
    for c in text.chars() {
        base = push_shown(&mut out, c, base);
    }
    Cow::Owned(out)
}

/// Rewrites invisible or control characters left raw in serialised JSON as
/// `\uXXXX` escapes (they can only occur inside strings, where the escape
/// denotes the same character); a mark at the start of a string, or after
/// a space or a quotation mark, too.
pub fn json_visible(json: &str) -> Cow<'_, str> {
    let shown = |c: char, base: bool| c == '\n' || !hidden(c, base);
    let is_base = |c: char| !c.is_whitespace() && c != '"';
    let mut base = false;
    let clean = json.chars().all(|c| {
        let ok = shown(c, base);
        base = is_base(c);
        ok
    });
    if clean {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 16);
    let mut base = false;
    for c in json.chars() {
        if shown(c, base) {
            out.push(c);
            base = is_base(c);
        } else {
            let mut buf = [0u16; 2];
            for unit in c.encode_utf16(&mut buf) {
                let _ = write!(out, "\\u{unit:04x}");
            }
            base = false;
        }
    }
    Cow::Owned(out)
}

/// Whether a cell is one [`defuse_formula`] guards: it starts with `=`,
/// `+`, `-`, `@`, TAB or CR, after any `'`. A cell that already starts with
/// `'` and one of those is guarded too, so that `import` can take exactly
/// one `'` off whatever `list` wrote, and a quote's own `'` stays.
pub fn is_guarded(cell: &str) -> bool {
    let rest = cell.trim_start_matches('\'');
    rest.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// Neutralises a CSV/TSV cell a spreadsheet would run as a formula
/// (CWE-1236): a leading `=`, `+`, `-`, `@`, TAB or CR gets a `'` in front.
pub fn defuse_formula(cell: &str) -> Cow<'_, str> {
    if is_guarded(cell) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// Escapes a Markdown table cell: pipes, backslashes, HTML, line breaks, and
/// the characters [`escape`] shows.
pub fn markdown_cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut base = false;
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
            c => {
                base = push_shown(&mut out, c, base);
                continue;
            }
        }
        base = !c.is_whitespace();
    }
    out
}

/// Escapes text for XML content and attribute values.
pub fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut base = false;
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Not characters XML allows: shown as their code.
            c if c.is_control() || c == '\u{fffe}' || c == '\u{ffff}' => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => {
                base = push_shown(&mut out, c, base);
                continue;
            }
        }
        base = !c.is_whitespace();
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

    /// Every character a reader could not see is shown escaped, on a
    /// terminal and in JSON: walked over every code point, with the
    /// display-width tables (a different source than the list above) saying
    /// which draw nothing.
    #[test]
    fn regression_every_invisible_character_is_shown() {
        let raw_in = |text: &str, c: char| text.contains(c);
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let zero = unicode_width::UnicodeWidthChar::width(c) == Some(0);
            let listed = is_invisible_format(c) || c.is_control();
            if !(zero || listed) {
                continue;
            }
            // Alone, and after a space: a mark with nothing to sit on.
            for text in [format!("{c}"), format!("a {c}b")] {
                assert!(
                    !raw_in(&escape(&text), c),
                    "U+{:04X} on a terminal",
                    c as u32
                );
                let json = serde_json::to_string(&text).unwrap_or_default();
                assert!(
                    !raw_in(&json_visible(&json), c),
                    "U+{:04X} in JSON",
                    c as u32
                );
                assert!(
                    !raw_in(&markdown_cell(&text), c),
                    "U+{:04X} in Markdown",
                    c as u32
                );
            }
        }
    }

    #[test]
    fn a_mark_on_a_letter_stays_as_it_is() {
        // "é" written as e + U+0301: a reader sees it; nothing to escape.
        assert!(matches!(escape("caf\u{65}\u{301}"), Cow::Borrowed(_)));
        assert_eq!(markdown_cell("e\u{301}"), "e\u{301}");
        assert_eq!(escape(" \u{301}x"), " \\u{0301}x");
        assert_eq!(
            escape("\u{FE0F}\u{E0041}\u{3164}"),
            "\\u{fe0f}\\u{e0041}\\u{3164}"
        );
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
