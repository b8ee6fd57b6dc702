//! The report as one self-contained HTML page: inline CSS, the SVG chart, no
//! scripts, nothing fetched from the network.

use std::io::{self, Write};

use super::chart;
use crate::model::Dataset;
use crate::render::html::table;
use crate::sanitize::xml;
use crate::view::citation::{claim_lines, document_line, documents, legend};
use crate::view::wording::voice_label;
use crate::view::View;

const CSS: &str = r#"
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
svg { max-width: 100%; height: auto; font-size: 12px; }
svg .lane { fill: #f7f7f7; }
svg .row.conflict .lane { fill: #fdeeee; }
svg .row-label { font-weight: bold; }
svg .row-verdict { fill: #b00020; }
svg .tick, svg .note { fill: #777; }
svg .grid { stroke: #e2e2e2; stroke-width: 1; }
svg .point { stroke: #fff; stroke-width: 1; }
svg .interval { stroke-width: 6; stroke-linecap: round; }
svg .hedged { stroke-dasharray: 4 3; }
svg .point.hedged { stroke: #000; stroke-width: 1; }
svg .own { fill: #1f5fbf; stroke: #1f5fbf; }
svg .adversary { fill: #d9480f; stroke: #d9480f; }
svg .third { fill: #6c6c6c; stroke: #6c6c6c; }
svg .point.own, svg .point.adversary, svg .point.third { stroke: #fff; }
"#;

/// Only http(s) addresses become links; anything else is shown as text.
fn link(url: &str) -> String {
    if url.starts_with("https://") || url.starts_with("http://") {
        format!("<a href=\"{0}\">{0}</a>", xml(url))
    } else {
        xml(url)
    }
}

/// The numbered conflicts, each voice with its quotes and citations.
fn conflicts(out: &mut dyn Write, ds: &Dataset, view: &View) -> io::Result<()> {
    writeln!(out, "<ol class=\"conflicts\">")?;
    for note in &view.notes {
        writeln!(
            out,
            "<li><p><strong>{}</strong> — {}: {}</p><ul>",
            xml(&note.subject),
            xml(note.kind),
            xml(&note.explanation)
        )?;
        for side in &note.sides {
            writeln!(
                out,
                "<li><strong>{}</strong>: {}",
                xml(&voice_label(&side.voice)),
                xml(&side.says)
            )?;
            for c in &side.claims {
                // The first line is the quote, marked as the notes' wording when it is.
                let lines = claim_lines(ds, c);
                writeln!(
                    out,
                    "<blockquote lang=\"{}\">{}</blockquote>",
                    xml(&c.language),
                    xml(&lines[0])
                )?;
                for l in lines.iter().skip(1) {
                    writeln!(out, "<div class=\"cite\">{}</div>", xml(l))?;
                }
            }
            writeln!(out, "</li>")?;
        }
        writeln!(out, "</ul></li>")?;
    }
    Ok(())
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
    writeln!(out, "<h1>{}</h1>", xml(&e.title))?;
    writeln!(
        out,
        "<p class=\"meta\">{} · {}</p>",
        xml(&e.date.to_string()),
        xml(&e.place)
    )?;
    writeln!(out, "<p>{}</p>", xml(&e.summary))?;
    writeln!(out, "<h2>Summary</h2>")?;
    writeln!(
        out,
        "<p id=\"summary\">{}</p>",
        xml(&view.summary_sentence())
    )?;
    if let Some(svg) = chart::svg(ds, view.cmp) {
        writeln!(out, "<h2>Figures at a glance</h2>\n<figure>{svg}</figure>")?;
    }
    for sheet in &view.compact() {
        if !sheet.rows.is_empty() {
            writeln!(
                out,
                "<h2>{}</h2>",
                xml(sheet.title.as_deref().unwrap_or(""))
            )?;
            table(out, sheet)?;
        }
    }
    writeln!(out, "<p class=\"cite\">{}.</p>", xml(&legend(view.cmp)))?;
    writeln!(out, "<h2>Conflicts</h2>")?;
    if view.notes.is_empty() {
        writeln!(out, "<p>None.</p>")?;
    }
    conflicts(out, ds, view)?;
    writeln!(out, "</ol>\n<h2>Sources</h2>\n<ul>")?;
    for l in view.column_lines() {
        writeln!(out, "<li>{}</li>", xml(&l))?;
    }
    writeln!(out, "</ul>\n<h2>Documents</h2>\n<ul>")?;
    for d in documents(ds, &e.id) {
        let url = d
            .url
            .as_deref()
            .map_or(String::new(), |u| format!(": {}", link(u)));
        writeln!(out, "<li>{}{url}</li>", xml(&document_line(d)))?;
    }
    writeln!(out, "</ul>\n<p class=\"cite\">Generated by claims from the event file <code>{}</code>.</p>\n</body>\n</html>", xml(&e.id))
}
