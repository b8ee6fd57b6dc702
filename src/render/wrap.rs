//! Lines for a terminal: any line wider than the terminal is wrapped at a
//! space, its continuation indented under it, so prose (legends, notes,
//! quotes) never runs past the edge to be cut mid-word by the terminal.
//! Tables and blocks are laid out to fit already and pass through untouched.

use std::io::{self, Write};

use unicode_width::UnicodeWidthStr;

use super::stacked::wrap_by;

/// Width on screen, not counting colour sequences (`ESC [ … m`).
fn visible_width(line: &str) -> usize {
    let mut width = 0;
    let mut rest = line;
    while let Some(at) = rest.find('\x1b') {
        width += rest[..at].width();
        rest = &rest[at..];
        let end = rest.find('m').map_or(rest.len(), |m| m + 1);
        rest = &rest[end..];
    }
    width + rest.width()
}

/// Wraps complete lines as they are written; [`WrapLines::finish`] writes the last.
pub struct WrapLines<'w> {
    out: &'w mut dyn Write,
    width: usize,
    line: Vec<u8>,
}

impl<'w> WrapLines<'w> {
    pub fn new(out: &'w mut dyn Write, width: usize) -> Self {
        WrapLines {
            out,
            width,
            line: Vec::new(),
        }
    }

    fn emit(&mut self, line: &str) -> io::Result<()> {
        if visible_width(line) <= self.width {
            return writeln!(self.out, "{line}");
        }
        let indent = line.len() - line.trim_start().len();
        let lead = &line[..indent];
        let more = format!("{lead}  ");
        let room = self.width.saturating_sub(more.width()).max(20);
        for (i, part) in wrap_by(line.trim_start(), room, visible_width)
            .iter()
            .enumerate()
        {
            writeln!(self.out, "{}{part}", if i == 0 { lead } else { &more })?;
        }
        Ok(())
    }

    /// Writes what is left of an unfinished last line.
    pub fn finish(mut self) -> io::Result<()> {
        if !self.line.is_empty() {
            let rest = String::from_utf8_lossy(&std::mem::take(&mut self.line)).into_owned();
            self.out.write_all(rest.as_bytes())?;
        }
        self.out.flush()
    }
}

impl Write for WrapLines<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.line.extend_from_slice(buf);
        while let Some(at) = self.line.iter().position(|&b| b == b'\n') {
            let line: Vec<u8> = self.line.drain(..=at).collect();
            let text = String::from_utf8_lossy(&line[..at]).into_owned();
            self.emit(&text)?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_wrap_at_spaces_and_short_ones_pass() {
        let mut out = Vec::new();
        let mut w = WrapLines::new(&mut out, 24);
        writeln!(w, "short").unwrap();
        writeln!(w, "  one two three four five six seven eight").unwrap();
        write!(w, "no newline").unwrap();
        w.finish().unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text,
            "short\n  one two three four\n    five six seven eight\nno newline"
        );
    }

    #[test]
    fn colour_codes_take_no_width() {
        assert_eq!(visible_width("\x1b[1;31mCONFLICT\x1b[0m"), 8);
    }
}
