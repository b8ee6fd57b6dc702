//! The frame of every page of a site: a head with the styles inline, a
//! header that leads to the index and the search, the page's own content
//! in `<main>`, and a footer with its downloads and the data it was made
//! from. Nothing is loaded from elsewhere; the only scripts are the site's
//! own files.

use std::io::{self, Write};

use crate::sanitize::xml;

/// What the site adds to the report's styles: the frame, focus, filters.
const SITE_CSS: &str = r#"
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1em; top: 1em; background: #fff; padding: 0.3em; z-index: 2; }
header nav, footer { border-color: #ddd; color: #444; }
header nav { border-bottom: 1px solid #ddd; padding-bottom: 0.4em; margin-bottom: 1em; }
header nav a { margin-right: 1em; }
footer { border-top: 1px solid #ddd; margin-top: 2em; padding-top: 0.5em; font-size: 13px; }
a:focus, input:focus, select:focus, button:focus { outline: 3px solid #1f5fbf; outline-offset: 2px; }
a { color: #1a4fa0; }
.event { border-top: 1px solid #ddd; padding: 0.3em 0 0.6em; }
.event h2 { margin: 0.3em 0 0.1em; font-size: 1.2em; }
.filters { display: flex; flex-wrap: wrap; gap: 0.5em 1.2em; margin: 0.5em 0 1em; }
.filters label { display: flex; flex-direction: column; font-size: 13px; }
input, select, button { font: inherit; padding: 0.25em; max-width: 100%; }
.results li { margin: 0.4em 0; }
.kind { display: inline-block; min-width: 4.5em; color: #555; font-size: 13px; }
dl.fields { display: grid; grid-template-columns: minmax(7em, max-content) 1fr; gap: 0.2em 1em; }
dl.fields dt { font-weight: bold; }
dl.fields dd { margin: 0; overflow-wrap: anywhere; }
@media (max-width: 640px) { dl.fields { grid-template-columns: 1fr; } dl.fields dd { margin-bottom: 0.4em; } }
"#;

/// Where the styles are, from the top of the site.
pub const STYLESHEET: &str = "assets/site.css";

/// The stylesheet: the report's styles and the site's.
pub fn stylesheet() -> String {
    format!("{}{SITE_CSS}", crate::report::html::CSS)
}

/// A page's frame.
pub struct Page<'a> {
    pub title: &'a str,
    /// The way up to the site's top from this page (`""`, `../`, `../../`).
    pub root: &'a str,
    /// The stamp: when, by what, from which data.
    pub stamp: &'a str,
    /// Its data: (format, address relative to the page).
    pub downloads: Vec<(&'static str, String)>,
    /// The site's scripts it runs, relative to the top.
    pub scripts: &'a [&'a str],
}

/// A link to a page of the site, from a page `root` below the top.
pub fn href(root: &str, path: &str) -> String {
    format!("{root}{}", xml(path))
}

/// Writes a whole page around `body`.
pub fn write(
    out: &mut dyn Write,
    page: &Page,
    body: &mut dyn FnMut(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let root = page.root;
    writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">"
    )?;
    writeln!(
        out,
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    )?;
    // Nothing from elsewhere: styles inline, scripts only the site's own files.
    writeln!(out, "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'self'; img-src data:; script-src 'self'\">")?;
    // One stylesheet for every page: the site's own file.
    writeln!(
        out,
        "<title>{} — claims</title>\n<link rel=\"stylesheet\" href=\"{}\">\n</head>\n<body>",
        xml(page.title),
        href(root, STYLESHEET)
    )?;
    writeln!(
        out,
        "<a class=\"skip\" href=\"#main\">Skip to the content</a>"
    )?;
    writeln!(
        out,
        "<header><nav aria-label=\"Site\"><a href=\"{}\">All events</a><a href=\"{}\">Search</a><a href=\"{}\">Sources</a></nav></header>",
        href(root, "index.html"),
        href(root, "search.html"),
        href(root, "sources/index.html")
    )?;
    writeln!(out, "<main id=\"main\">")?;
    body(out)?;
    writeln!(out, "</main>\n<footer>")?;
    if !page.downloads.is_empty() {
        let links: Vec<String> = page
            .downloads
            .iter()
            .map(|(kind, to)| format!("<a href=\"{}\" download>{kind}</a>", xml(to)))
            .collect();
        writeln!(
            out,
            "<p>The data behind this page: {}</p>",
            links.join(" · ")
        )?;
    }
    writeln!(
        out,
        "<p class=\"cite\" id=\"made\">{}</p>\n</footer>",
        xml(page.stamp)
    )?;
    for s in page.scripts {
        writeln!(out, "<script src=\"{}\"></script>", href(root, s))?;
    }
    writeln!(out, "</body>\n</html>")
}

/// What a table of statements names beside each: who said it (an event's
/// timeline) or what it was about (a source's list).
#[derive(Debug, Clone, Copy)]
pub enum Beside {
    Source,
    Event,
}

/// Statements as a table, one a row, each linked to its claim's page and
/// to its source's or event's, from a page `root` below the top.
pub fn statements(
    out: &mut dyn Write,
    ds: &crate::model::Dataset,
    claims: &[&crate::model::Claim],
    beside: Beside,
    root: &str,
) -> io::Result<()> {
    let (head, dir) = match beside {
        Beside::Source => ("source", "sources"),
        Beside::Event => ("event", "events"),
    };
    let (first, second) = match beside {
        Beside::Source => ("said", head),
        Beside::Event => (head, "said"),
    };
    writeln!(out, "<div class=\"scroll\"><table><thead><tr><th scope=\"col\">{first}</th><th scope=\"col\">{second}</th><th scope=\"col\">subject</th><th scope=\"col\">says</th><th scope=\"col\">claim</th></tr></thead><tbody>")?;
    for c in claims {
        let (subject, says) = crate::view::wording::subject_and_says(ds, c);
        let target = match beside {
            Beside::Source => &c.source,
            Beside::Event => &c.event,
        };
        let link = format!(
            "<td data-label=\"{head}\"><a href=\"{root}{dir}/{0}.html\">{0}</a></td>",
            xml(target)
        );
        let said = format!("<td data-label=\"said\">{}</td>", xml(&c.said.to_string()));
        let (a, b) = match beside {
            Beside::Source => (said, link),
            Beside::Event => (link, said),
        };
        writeln!(
            out,
            "<tr>{a}{b}<td data-label=\"subject\">{}</td><td data-label=\"says\">{}</td><td data-label=\"claim\"><a href=\"{root}claims/{id}.html\">{id}</a></td></tr>",
            xml(&subject),
            xml(&says),
            id = xml(&c.id)
        )?;
    }
    writeln!(out, "</tbody></table></div>")
}
