//! A claim's permanent page (`claims/<id>.html`): quote, reading, English,
//! the document with its address, what it revised or withdrew, and the
//! rows it feeds with their verdicts — what `claims show` prints.

use super::page::{self, Page};
use super::Site;
use crate::cmd::show;
use crate::model::{Claim, Dataset};
use crate::sanitize::xml;
use crate::view::feeds::{documents, feeds_in};

/// An http(s) address as a link; anything else as text.
fn linked(text: &str) -> String {
    let escaped = xml(text);
    let url = text
        .split_whitespace()
        .find(|w| w.starts_with("https://") || w.starts_with("http://"));
    match url {
        Some(u) => escaped.replacen(&xml(u), &format!("<a href=\"{0}\">{0}</a>", xml(u)), 1),
        None => escaped,
    }
}

/// Writes one claim's page and its JSON.
pub fn write(
    site: &mut Site,
    ds: &Dataset,
    cmp: &crate::compare::Comparison,
    c: &Claim,
    stamp: &str,
) -> anyhow::Result<Option<String>> {
    let feeds = match c.record {
        Some(_) => documents(ds, c),
        None => feeds_in(ds, cmp, c),
    };
    let record = show::record(ds, c, &feeds);
    site.write(&format!("claims/{}.json", c.id), &mut |out| {
        crate::render::json::write_record(out, "claim", &record)
    })?;
    let sheet = show::sheet(ds, c, &feeds);
    let title = sheet.title.clone().unwrap_or_else(|| c.id.clone());
    let page = Page {
        title: &title,
        root: "../",
        stamp,
        downloads: vec![("JSON", format!("{}.json", c.id))],
        scripts: &[],
    };
    site.write(&format!("claims/{}.html", c.id), &mut |out| {
        page::write(out, &page, &mut |out| {
            writeln!(out, "<h1>{}</h1>", xml(&title))?;
            writeln!(
                out,
                "<p>About <a href=\"../events/{ev}.html\">{ev}</a>, said by <a href=\"../sources/{src}.html\">{src}</a>.</p>",
                ev = xml(&c.event),
                src = xml(&c.source)
            )?;
            writeln!(out, "<dl class=\"fields\">")?;
            for row in &sheet.rows {
                let (k, v) = (&row[0].text, &row[1].text);
                // The quote in its language, for a screen reader's voice.
                let lang = if k.starts_with("quote (") {
                    format!(" lang=\"{}\"", xml(&c.language))
                } else {
                    String::new()
                };
                writeln!(out, "<dt>{}</dt><dd{lang}>{}</dd>", xml(k), linked(v))?;
            }
            writeln!(out, "</dl>")?;
            let url = ds.document(&c.document).and_then(|d| d.url.as_deref());
            if let Some(u) = url.filter(|u| u.starts_with("https://") || u.starts_with("http://")) {
                writeln!(out, "<p>The document: <a href=\"{0}\">{0}</a></p>", xml(u))?;
            }
            if let Some(of) = c.corrects.as_ref().or(match &c.assertion {
                crate::model::Assertion::Retraction { of } => Some(of),
                _ => None,
            }) {
                writeln!(out, "<p>Withdraws <a href=\"{0}.html\">{0}</a>.</p>", xml(of))?;
            }
            if !feeds.is_empty() {
                writeln!(out, "<h2>Rows it feeds</h2>\n<div class=\"scroll\"><table><thead><tr><th scope=\"col\">section</th><th scope=\"col\">row</th><th scope=\"col\">role</th><th scope=\"col\">verdict</th><th scope=\"col\">revisions</th></tr></thead><tbody>")?;
                for f in &feeds {
                    writeln!(
                        out,
                        "<tr><td data-label=\"section\">{}</td><td data-label=\"row\">{}</td><td data-label=\"role\">{}</td><td data-label=\"verdict\">{}</td><td data-label=\"revisions\">{}</td></tr>",
                        xml(f.section),
                        xml(&f.row),
                        xml(&f.role),
                        xml(&f.verdict),
                        xml(&f.revisions)
                    )?;
                }
                writeln!(out, "</tbody></table></div>")?;
            }
            Ok(())
        })
    })?;
    // The verdict of the first row it feeds, for the search's filter.
    Ok(feeds.first().map(|f| f.verdict.clone()))
}
