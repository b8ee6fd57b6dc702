//! The report as Markdown: headings, the two tables, the conflicts with their
//! quotes, and the sources and documents with links.

use std::io::{self, Write};

use super::{stamp, Section, SECTIONS};
use crate::model::{Dataset, QuoteKind};
use crate::render::markdown as md;
use crate::sanitize::markdown_cell;
use crate::view::citation::{document_line, documents, legend, reading_first};
use crate::view::wording::voice_label;
use crate::view::View;

/// Escapes text for a Markdown paragraph (same rules as a table cell).
fn text(s: &str) -> String {
    markdown_cell(s)
}

/// An http(s) address of plain printable characters, safe as an autolink.
fn is_web_link(u: &str) -> bool {
    (u.starts_with("https://") || u.starts_with("http://"))
        && u.chars()
            .all(|c| c.is_ascii_graphic() && c != '<' && c != '>')
}

/// An id safe in an anchor (`conflict-1`, `claim-kil-armenia-…`): letters,
/// digits, `-`, `_` and `.`; anything else gets no anchor.
fn anchor(prefix: &str, id: &str) -> Option<String> {
    let safe = id
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    (safe && !id.is_empty()).then(|| format!("{prefix}-{id}"))
}

/// A cited claim under its voice: a quote as a blockquote, the research
/// notes' wording as plain lines (never presented as a quote); an anchor on
/// its first citation so a reader can link to it.
fn cited_claim(
    out: &mut dyn Write,
    ds: &Dataset,
    c: &crate::model::Claim,
    anchored: &mut std::collections::HashSet<String>,
) -> io::Result<()> {
    if let Some(a) = anchor("claim", &c.id).filter(|a| anchored.insert(a.clone())) {
        writeln!(out, "  <a id=\"{a}\"></a>")?;
    }
    let (first, quote, rest) = reading_first(ds, c);
    // Only the document's words are a blockquote: the reading, English
    // rendering, the analyst's note and the citation are plain lines, so
    // that none of them reads as the speaker's.
    if let Some(reading) = &first {
        writeln!(out, "  {}  ", text(reading))?;
    }
    match c.quote_kind {
        QuoteKind::Verbatim => writeln!(out, "  > {}\n", text(&quote))?,
        QuoteKind::Paraphrase => writeln!(out, "  {}  ", text(&quote))?,
    }
    for l in &rest {
        // Two spaces: a line break inside the list item.
        writeln!(out, "  {}  ", text(l))?;
    }
    Ok(())
}

/// The numbered conflicts, each with an anchor, its sides by name and id,
/// and the claims each side rests on.
fn conflicts(out: &mut dyn Write, ds: &Dataset, view: &View) -> io::Result<()> {
    writeln!(out, "## Conflicts\n")?;
    if view.notes.is_empty() {
        writeln!(out, "None.\n")?;
    }
    let mut anchored = std::collections::HashSet::new();
    for (n, note) in view.notes.iter().enumerate() {
        writeln!(
            out,
            "### <a id=\"conflict-{}\"></a>{}. {} — {}\n",
            n + 1,
            n + 1,
            text(&note.subject),
            note.kind
        )?;
        writeln!(out, "{}\n", text(&note.explanation))?;
        for side in &note.sides {
            let id = voice_label(&side.voice).replace('`', "'");
            writeln!(
                out,
                "- **{}** (`{id}`): {}",
                text(&view.voice_name(&side.voice)),
                text(&side.says)
            )?;
            for c in &side.claims {
                cited_claim(out, ds, c, &mut anchored)?;
            }
        }
        writeln!(out)?;
    }
    Ok(())
}

/// The summary: the counts, then each conflict in one line, linked to its detail.
fn summary(out: &mut dyn Write, view: &View) -> io::Result<()> {
    writeln!(out, "## Summary\n")?;
    writeln!(out, "{}\n", text(&view.summary_sentence()))?;
    if let Some(l) = crate::view::places_apart::event_line(view.ds, view.cmp) {
        writeln!(out, "{}\n", text(&l))?;
    }
    if let Some(l) = crate::view::against_record::on_no_row_line(view.ds, view.cmp) {
        writeln!(out, "{}\n", text(&l))?;
    }
    let name = |voice: &str| view.voice_name(voice);
    for (n, note) in view.notes.iter().enumerate() {
        writeln!(
            out,
            "{}. [{}](#conflict-{})",
            n + 1,
            text(&note.summary_naming(&name)),
            n + 1
        )?;
    }
    if !view.notes.is_empty() {
        writeln!(out)?;
    }
    Ok(())
}

pub fn write(out: &mut dyn Write, ds: &Dataset, view: &View) -> io::Result<()> {
    for s in SECTIONS {
        section(out, ds, view, s)?;
    }
    Ok(())
}

fn section(out: &mut dyn Write, ds: &Dataset, view: &View, s: Section) -> io::Result<()> {
    let e = view.cmp.event;
    match s {
        Section::Heading => {
            writeln!(out, "# {}\n", text(&e.title))?;
            let when = text(&e.date.to_string());
            writeln!(out, "*{when} · {}*\n", text(&e.place))?;
            writeln!(out, "{}\n", text(&e.summary))
        }
        Section::Summary => summary(out, view),
        Section::Conflicts => conflicts(out, ds, view),
        // Markdown draws no picture.
        Section::Chart => Ok(()),
        Section::Tables => {
            for sheet in view.compact().iter().filter(|s| !s.rows.is_empty()) {
                writeln!(out, "## {}\n", text(sheet.title.as_deref().unwrap_or("")))?;
                md::write_table(out, sheet)?;
                writeln!(out)?;
            }
            Ok(())
        }
        Section::Legend => writeln!(out, "Legend: {}.\n", text(&legend(view.cmp))),
        Section::Sources => {
            writeln!(out, "## Sources\n")?;
            for l in view.column_lines() {
                writeln!(out, "- {}", text(&l))?;
            }
            Ok(())
        }
        Section::Documents => {
            writeln!(out, "\n## Documents\n")?;
            for d in documents(ds, &e.id) {
                let line = text(&document_line(d));
                match &d.url {
                    Some(u) if is_web_link(u) => writeln!(out, "- {line}: <{u}>")?,
                    // Anything else (`javascript:`, control sequences) is text, never a link.
                    Some(u) => writeln!(out, "- {line}: {}", text(u))?,
                    None => writeln!(out, "- {line}")?,
                }
            }
            Ok(())
        }
        Section::Stamp => writeln!(out, "\n*{}*", text(&stamp::line(view))),
    }
}
