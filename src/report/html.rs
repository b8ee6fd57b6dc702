//! The report as one self-contained HTML page: inline CSS, the SVG chart, no
//! scripts, nothing fetched from the network.

use std::io::{self, Write};

use std::collections::HashSet;

use super::{chart, stamp, Section, SECTIONS};
use crate::model::{Claim, Dataset, QuoteKind};
use crate::render::html::table;
use crate::sanitize::xml;
use crate::view::citation::{document_line, documents, legend, reading_first};
use crate::view::wording::voice_label;
use crate::view::View;

pub const CSS: &str = r#"
body { font: 15px/1.45 "DejaVu Sans", system-ui, sans-serif; color: #1d1d1f; max-width: 1180px; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 1.7em; margin-bottom: 0.1em; }
.meta { color: #555; margin-top: 0; }
table { border-collapse: collapse; margin: 0.5em 0 1.5em; font-size: 13px; }
th, td { border: 1px solid #ccc; padding: 4px 6px; vertical-align: top; text-align: left; }
th { background: #f2f2f2; }
td.conflict { color: #b00020; font-weight: bold; }
td.gap { color: #8a5a00; font-weight: bold; }
td.agree { color: #1b6e20; }
td.muted { color: #666; }
.scroll { overflow-x: auto; }
blockquote { margin: 0.3em 0 0.3em 1em; padding-left: 0.8em; border-left: 3px solid #bbb; color: #333; }
.cite { color: #555; font-size: 13px; }
figure { margin: 0.5em 0; }
svg { width: 100%; max-width: 560px; height: auto; font-size: 13px; display: block; }
svg .lane { fill: none; }
svg .row.conflict .lane { fill: #fdeeee; fill-opacity: 0.7; }
svg .row-label, svg .unit { font-weight: bold; font-size: 14px; }
svg .tick, svg .note { fill: #555; }
svg .grid { stroke: #ddd; stroke-width: 1; }
svg .record { stroke: #222; stroke-width: 2; stroke-dasharray: 4 3; }
svg .record-label { fill: #222; }
svg .interval { stroke-width: 9; stroke-linecap: butt; }
svg .interval.hedged { stroke-dasharray: 5 4; }
svg .open { stroke-width: 2; }
svg .point { stroke-width: 2; }
svg .own { fill: #1f5fbf; stroke: #1f5fbf; }
svg .adversary { fill: #d9480f; stroke: #d9480f; }
svg .third { fill: #6c6c6c; stroke: #6c6c6c; }
svg .point.hedged { fill: #fff; }
small.id { color: #666; font-family: "DejaVu Sans Mono", monospace; font-size: 12px; }
p.notes { margin: 0.3em 0 0.3em 1em; font-style: italic; }
a.anchor { color: #999; text-decoration: none; }
.cite, li, p { overflow-wrap: anywhere; }
@media (max-width: 640px) {
  body { margin: 1em auto; }
  ol, ul { padding-left: 1.3em; }
  .scroll table, .scroll tbody, .scroll tr, .scroll td { display: block; width: auto; }
  .scroll thead { display: none; }
  .scroll tr { border: 1px solid #ccc; margin: 0 0 0.7em; }
  .scroll td { border: none; border-top: 1px solid #eee; }
  .scroll td:empty { display: none; }
  .scroll td::before { content: attr(data-label) ": "; color: #555; font-weight: normal; }
}
"#;

/// Only http(s) addresses become links; anything else is shown as text.
fn link(url: &str) -> String {
    if url.starts_with("https://") || url.starts_with("http://") {
        format!("<a href=\"{0}\">{0}</a>", xml(url))
    } else {
        xml(url)
    }
}

/// A citation line with the document's address made a link (only http(s)).
fn cite_line(ds: &Dataset, c: &Claim, line: &str) -> String {
    let escaped = xml(line);
    match ds.document(&c.document).and_then(|d| d.url.as_deref()) {
        Some(u) if u.starts_with("https://") || u.starts_with("http://") => {
            escaped.replacen(&xml(u), &link(u), 1)
        }
        _ => escaped,
    }
}

/// Where a site's pages are, seen from the page being written: claims and
/// sources then link to their own pages. A lone report has none.
#[derive(Debug, Clone, Copy)]
pub struct Links<'a> {
    /// The way up to the site's top (`../`).
    pub root: &'a str,
}

/// A voice by its name, its id in small print for those who script; on a
/// site, a source's name links to its page.
fn voice(view: &View, key: &str, links: Option<Links>) -> String {
    let name = xml(&view.voice_name(key));
    let name = match links.filter(|_| view.ds.source(key).is_some()) {
        Some(l) => format!("<a href=\"{}sources/{}.html\">{name}</a>", l.root, xml(key)),
        None => name,
    };
    format!(
        "<strong>{name}</strong> <small class=\"id\">{}</small>",
        xml(&voice_label(key))
    )
}

/// One cited claim: a quote as a blockquote in its language, the research
/// notes' wording as a plain, labelled paragraph (never shown as a quote);
/// the first citation of a claim carries its anchor.
fn cited_claim(
    out: &mut dyn Write,
    ds: &Dataset,
    c: &Claim,
    anchored: &mut HashSet<String>,
    links: Option<Links>,
) -> io::Result<()> {
    let (first, quote, rest) = reading_first(ds, c);
    let id = if anchored.insert(c.id.clone()) {
        format!(" id=\"claim-{}\"", xml(&c.id))
    } else {
        String::new()
    };
    writeln!(out, "<div class=\"claim\"{id}>")?;
    if let Some(reading) = &first {
        writeln!(
            out,
            "<div class=\"cite\">{}</div>",
            cite_line(ds, c, reading)
        )?;
    }
    match c.quote_kind {
        QuoteKind::Verbatim => writeln!(
            out,
            "<blockquote lang=\"{}\">{}</blockquote>",
            xml(&c.language),
            xml(&quote)
        )?,
        QuoteKind::Paraphrase => writeln!(out, "<p class=\"notes\">{}</p>", xml(&quote))?,
    }
    for l in &rest {
        writeln!(out, "<div class=\"cite\">{}</div>", cite_line(ds, c, l))?;
    }
    if let Some(l) = links {
        let id = xml(&c.id);
        writeln!(
            out,
            "<div class=\"cite\">claim <a href=\"{}claims/{id}.html\">{id}</a></div>",
            l.root
        )?;
    }
    writeln!(out, "</div>")
}

/// The numbered conflicts, each with an anchor, each voice with its quotes and citations.
fn conflicts(
    out: &mut dyn Write,
    ds: &Dataset,
    view: &View,
    links: Option<Links>,
) -> io::Result<()> {
    writeln!(out, "<h2>Conflicts</h2>")?;
    if view.notes.is_empty() {
        writeln!(out, "<p>None.</p>")?;
        return Ok(());
    }
    writeln!(out, "<ol class=\"conflicts\">")?;
    let mut anchored = HashSet::new();
    for (n, note) in view.notes.iter().enumerate() {
        writeln!(
            out,
            "<li id=\"conflict-{}\"><p><strong>{}</strong> — {}: {} <a class=\"anchor\" href=\"#conflict-{}\">#</a></p><ul>",
            n + 1,
            xml(&note.subject),
            xml(note.kind),
            xml(&note.explanation),
            n + 1
        )?;
        for side in &note.sides {
            writeln!(
                out,
                "<li>{}: {}",
                voice(view, &side.voice, links),
                xml(&side.says)
            )?;
            for c in &side.claims {
                cited_claim(out, ds, c, &mut anchored, links)?;
            }
            writeln!(out, "</li>")?;
        }
        writeln!(out, "</ul></li>")?;
    }
    writeln!(out, "</ol>")
}

/// The counts, then each conflict in one line, linked to its detail.
fn summary(out: &mut dyn Write, view: &View) -> io::Result<()> {
    writeln!(out, "<h2>Summary</h2>")?;
    writeln!(
        out,
        "<p id=\"summary\">{}</p>",
        xml(&view.summary_sentence())
    )?;
    if let Some(l) = crate::view::places_apart::event_line(view.ds, view.cmp) {
        writeln!(out, "<p class=\"places-apart\">{}</p>", xml(&l))?;
    }
    if let Some(l) = crate::view::against_record::on_no_row_line(view.ds, view.cmp) {
        writeln!(out, "<p class=\"on-no-row\">{}</p>", xml(&l))?;
    }
    if view.notes.is_empty() {
        return Ok(());
    }
    let name = |voice: &str| view.voice_name(voice);
    writeln!(out, "<ol class=\"summary\">")?;
    // One short line each (what, and how far apart); the whole sentence,
    // who against whom, is the link's title and the detail's heading.
    for (n, note) in view.notes.iter().enumerate() {
        // Figures say how far apart; other conflicts their kind ("mirror accusation").
        let what = match note.kind {
            "figures" => note.explanation.split(';').next().unwrap_or("").trim(),
            kind => kind,
        };
        let line = format!("{} — {what}", note.subject);
        writeln!(
            out,
            "<li><a href=\"#conflict-{}\" title=\"{}\">{}</a></li>",
            n + 1,
            xml(&note.summary_naming(&name)),
            xml(&line)
        )?;
    }
    writeln!(out, "</ol>")
}

pub fn write(out: &mut dyn Write, ds: &Dataset, view: &View) -> io::Result<()> {
    let e = view.cmp.event;
    writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">"
    )?;
    writeln!(
        out,
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    )?;
    // No scripts, no fetches: the page renders from this file alone.
    writeln!(out, "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">")?;
    writeln!(
        out,
        "<title>{} — claims report</title>\n<style>{CSS}</style>\n</head>\n<body>",
        xml(&e.title)
    )?;
    for s in SECTIONS {
        section(out, ds, view, s, None)?;
    }
    writeln!(out, "</body>\n</html>")
}

/// The report's sections, for a page that has its own head and frame (a site's).
pub fn sections(out: &mut dyn Write, ds: &Dataset, view: &View, links: Links) -> io::Result<()> {
    for s in SECTIONS.into_iter().filter(|s| *s != Section::Stamp) {
        section(out, ds, view, s, Some(links))?;
    }
    Ok(())
}

fn section(
    out: &mut dyn Write,
    ds: &Dataset,
    view: &View,
    s: Section,
    links: Option<Links>,
) -> io::Result<()> {
    let e = view.cmp.event;
    match s {
        Section::Heading => {
            writeln!(out, "<h1>{}</h1>", xml(&e.title))?;
            let when = xml(&e.date.to_string());
            writeln!(out, "<p class=\"meta\">{when} · {}</p>", xml(&e.place))?;
            writeln!(out, "<p>{}</p>", xml(&e.summary))
        }
        Section::Summary => summary(out, view),
        Section::Conflicts => conflicts(out, ds, view, links),
        Section::Chart => match chart::svg(ds, view.cmp) {
            Some(svg) => writeln!(out, "<h2>Figures at a glance</h2>\n<figure>{svg}</figure>"),
            None => Ok(()),
        },
        Section::Tables => {
            for sheet in view.compact().iter().filter(|s| !s.rows.is_empty()) {
                let title = xml(sheet.title.as_deref().unwrap_or(""));
                writeln!(out, "<h2>{title}</h2>")?;
                table(out, sheet)?;
            }
            Ok(())
        }
        Section::Legend => writeln!(out, "<p class=\"cite\">{}.</p>", xml(&legend(view.cmp))),
        Section::Sources => {
            writeln!(out, "<h2>Sources</h2>\n<ul>")?;
            for l in view.column_lines() {
                writeln!(out, "<li>{}</li>", xml(&l))?;
            }
            writeln!(out, "</ul>")
        }
        Section::Documents => {
            writeln!(out, "<h2>Documents</h2>\n<ul>")?;
            for d in documents(ds, &e.id) {
                let url = d
                    .url
                    .as_deref()
                    .map_or(String::new(), |u| format!(": {}", link(u)));
                writeln!(out, "<li>{}{url}</li>", xml(&document_line(d)))?;
            }
            writeln!(out, "</ul>")
        }
        Section::Stamp => {
            let line = xml(&stamp::line(view));
            writeln!(out, "<p class=\"cite\" id=\"made\">{line}</p>")
        }
    }
}
