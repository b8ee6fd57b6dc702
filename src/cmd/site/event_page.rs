//! An event's page: today's report with each claim and voice linked to its
//! own page, links to the comparison as it stood after each statement date
//! (each precomputed as a page of its own), and a timeline of statements.

use std::io::{self, Write};

use super::page::{self, Page};
use super::Site;
use crate::compare::{self, Options};
use crate::model::when::parse_moment;
use crate::model::{Claim, Dataset, Event};
use crate::render::html::table;
use crate::render::long;
use crate::report::html::{sections, Links};
use crate::sanitize::xml;
use crate::view::diff::rows::rows;
use crate::view::records::ComparisonRecord;
use crate::view::tidy::said_bounds;
use crate::view::wording::subject_and_says;
use crate::view::View;

/// The day a statement was made by, at the latest (`YYYY-MM-DD`).
fn day(c: &Claim) -> String {
    said_bounds(&c.said).1.chars().take(10).collect()
}

/// The first day a statement may have been made, when its date says one.
fn first_day(c: &Claim) -> Option<String> {
    said_bounds(&c.said).0.map(|d| d.chars().take(10).collect())
}

/// The statement dates of an event, earliest first: each an as-of page.
pub fn dates(ds: &Dataset, event: &str) -> Vec<String> {
    let mut days: Vec<String> = ds
        .claims_of_event(event)
        .filter(|c| c.implied_by.is_none())
        .map(day)
        .filter(|d| parse_moment(d).is_ok())
        .collect();
    days.sort_unstable();
    days.dedup();
    days
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn as_of_path(event: &str, date: &str) -> String {
    format!("events/{event}/as-of-{date}.html")
}

/// The statements by date and time, each linked to its page.
fn timeline(out: &mut dyn Write, ds: &Dataset, e: &Event) -> io::Result<()> {
    let mut claims: Vec<&Claim> = ds
        .claims_of_event(&e.id)
        .filter(|c| c.implied_by.is_none())
        .collect();
    claims.sort_by(|a, b| a.said.order(&b.said).then(a.id.cmp(&b.id)));
    writeln!(out, "<h2 id=\"timeline\">Timeline of statements</h2>")?;
    page::statements(out, ds, &claims, page::Beside::Source, "../")
}

/// The as-of control: a link per statement date.
fn as_of_links(out: &mut dyn Write, e: &Event, dates: &[String]) -> io::Result<()> {
    writeln!(
        out,
        "<nav aria-labelledby=\"as-of\"><h2 id=\"as-of\">As it stood</h2>"
    )?;
    writeln!(out, "<p>The comparison as it stood after each day's statements, and what later statements changed:</p><ul>")?;
    for d in dates {
        let to = as_of_path(&e.id, d).replacen("events/", "", 1);
        writeln!(
            out,
            "<li><a href=\"{}\">after {}</a></li>",
            xml(&to),
            xml(d)
        )?;
    }
    writeln!(out, "<li>today: this page</li></ul></nav>")
}

/// Writes the event's page, its data, and one page per statement date;
/// gives the stamp its pages carry (with the event's data hash).
pub fn write(site: &mut Site, ds: &Dataset, e: &Event, stamp: &str) -> anyhow::Result<String> {
    let cmp = compare::compare(ds, e, Options::default());
    let mut view = View::new(ds, &cmp, false);
    view.data_name = Some(site.data_name.clone());
    let stamp = format!("{stamp}, data {} (event {})", view.data_id(), e.id);
    let record = ComparisonRecord::of(&view);
    site.write(&format!("events/{}.json", e.id), &mut |out| {
        crate::render::json::write_record(out, "comparison", &record)
    })?;
    let style = crate::render::output::Style::plain(crate::render::output::Format::Csv);
    site.write(&format!("events/{}.csv", e.id), &mut |out| {
        long::write(out, &record, b',', &style)
    })?;
    let dates = dates(ds, &e.id);
    let page = Page {
        title: &e.title,
        root: "../",
        stamp: &stamp,
        downloads: vec![
            ("CSV", format!("{}.csv", e.id)),
            ("JSON", format!("{}.json", e.id)),
        ],
        scripts: &[],
    };
    site.write(&format!("events/{}.html", e.id), &mut |out| {
        page::write(out, &page, &mut |out| {
            sections(out, ds, &view, Links { root: "../" })?;
            as_of_links(out, e, &dates)?;
            timeline(out, ds, e)
        })
    })?;
    for d in &dates {
        as_of_page(site, ds, e, d, &stamp)?;
    }
    Ok(stamp)
}

/// The comparison as it stood at the end of `date`, and what changed since.
fn as_of_page(
    site: &mut Site,
    ds: &Dataset,
    e: &Event,
    date: &str,
    stamp: &str,
) -> anyhow::Result<()> {
    let Ok(moment) = parse_moment(&format!("{date}T23:59")) else {
        return Ok(());
    };
    let options = Options {
        as_of: Some(moment),
        ..Options::default()
    };
    let then = compare::compare(ds, e, options);
    let now = compare::compare(ds, e, Options::default());
    let view = View::new(ds, &then, false);
    let (before, after) = (rows(ds, &then), rows(ds, &now));
    // Not counted then: what was certainly said later, and what may have
    // been said by then but is dated only "by" a later day or in a span
    // that runs past it (never called "later").
    let (later, unsure): (Vec<&Claim>, Vec<&Claim>) = ds
        .claims_of_event(&e.id)
        .filter(|c| c.implied_by.is_none() && day(c).as_str() > date)
        .partition(|c| first_day(c).is_some_and(|d| d.as_str() > date));
    let title = format!("{}, as it stood after {date}", e.title);
    let page = Page {
        title: &title,
        root: "../../",
        stamp,
        downloads: Vec::new(),
        scripts: &[],
    };
    site.write(&as_of_path(&e.id, date), &mut |out| {
        page::write(out, &page, &mut |out| {
            writeln!(out, "<h1>{}</h1>", xml(&title))?;
            writeln!(
                out,
                "<p>What had been said by the end of {} ({}); {} later; {} not known to have been said by then. <a href=\"../{}.html\">Today's comparison</a>.</p>",
                xml(date),
                count(then.claims_used, "statement", "statements"),
                count(later.len(), "statement came", "statements came"),
                count(unsure.len(), "statement", "statements"),
                xml(&e.id)
            )?;
            writeln!(out, "<p id=\"summary\">{}</p>", xml(&view.summary_sentence()))?;
            for sheet in view.compact().iter().filter(|s| !s.rows.is_empty()) {
                writeln!(out, "<h2>{}</h2>", xml(sheet.title.as_deref().unwrap_or("")))?;
                table(out, sheet)?;
            }
            since(out, &before, &after)?;
            later_list(out, ds, &later, "Statements made later")?;
            later_list(out, ds, &unsure, "Statements dated too loosely to count by then (\"by\" a later day, or a span past it)")
        })
    })
}

/// The rows whose verdict differs today, then and now.
fn since(
    out: &mut dyn Write,
    before: &[crate::view::diff::rows::RowState],
    after: &[crate::view::diff::rows::RowState],
) -> io::Result<()> {
    writeln!(out, "<h2>What has changed since</h2>")?;
    let changed: Vec<String> = after
        .iter()
        .filter_map(|now| match before.iter().find(|b| b.key == now.key) {
            Some(b) if b.verdict != now.verdict => Some(format!(
                "{}: {} then, {} now",
                now.label, b.verdict, now.verdict
            )),
            None => Some(format!(
                "{}: not yet a row then; {} now",
                now.label, now.verdict
            )),
            _ => None,
        })
        .collect();
    if changed.is_empty() {
        return writeln!(out, "<p>No verdict has changed since.</p>");
    }
    writeln!(out, "<ul class=\"since\">")?;
    for c in changed {
        writeln!(out, "<li>{}</li>", xml(&c))?;
    }
    writeln!(out, "</ul>")
}

/// The statements made after the date, each with what it withdrew.
fn later_list(
    out: &mut dyn Write,
    ds: &Dataset,
    later: &[&Claim],
    heading: &str,
) -> io::Result<()> {
    if later.is_empty() {
        return Ok(());
    }
    writeln!(out, "<h2>{}</h2>\n<ul>", xml(heading))?;
    for c in later {
        let (subject, says) = subject_and_says(ds, c);
        let withdraws = match &c.assertion {
            crate::model::Assertion::Retraction { of } => format!(" — retracts {of}"),
            _ => c
                .corrects
                .as_ref()
                .map_or(String::new(), |of| format!(" — corrects {of}")),
        };
        writeln!(
            out,
            "<li>{} · {}: {} — {}{} (<a href=\"../../claims/{id}.html\">{id}</a>)</li>",
            xml(&c.said.to_string()),
            xml(&c.source),
            xml(&subject),
            xml(&says),
            xml(&withdraws),
            id = xml(&c.id)
        )?;
    }
    writeln!(out, "</ul>")
}
