//! The site's front page: every event, newest first, with its dates,
//! place, sides, claims and conflicts, a line per conflict, and filters by
//! party and year (a few lines of the site's script; without it every
//! event is shown).

use serde::Serialize;

use super::page::{self, Page};
use super::Site;
use crate::sanitize::xml;

/// One event as the index lists it (and `events.json` holds it).
#[derive(Debug, Clone, Serialize)]
pub struct EventEntry {
    pub id: String,
    pub title: String,
    pub date: String,
    pub place: String,
    pub sides: Vec<String>,
    pub claims: usize,
    pub conflicts: Vec<String>,
}

impl EventEntry {
    fn year(&self) -> &str {
        self.date.get(..4).unwrap_or("")
    }
}

/// The filters' script: shows the events of the chosen party and year.
pub const SCRIPT: &str = r#"// Filters the events of the index by party and year.
(function () {
  var party = document.getElementById("party"), year = document.getElementById("year");
  var shown = document.getElementById("shown");
  var filters = document.getElementById("filters");
  if (!party || !year) { return; }
  filters.hidden = false;
  function apply() {
    var n = 0;
    document.querySelectorAll("article.event").forEach(function (e) {
      var ok = (!party.value || e.dataset.parties.split(" ").indexOf(party.value) >= 0) &&
               (!year.value || e.dataset.year === year.value);
      e.hidden = !ok;
      if (ok) { n += 1; }
    });
    shown.textContent = n + (n === 1 ? " event shown" : " events shown");
  }
  party.addEventListener("change", apply);
  year.addEventListener("change", apply);
  apply();
})();
"#;

fn options(values: &[(String, String)]) -> String {
    values
        .iter()
        .map(|(v, label)| format!("<option value=\"{}\">{}</option>", xml(v), xml(label)))
        .collect()
}

/// One event on the front page.
fn card(
    out: &mut dyn std::io::Write,
    ds: &crate::model::Dataset,
    e: &EventEntry,
) -> std::io::Result<()> {
    let sides: Vec<String> = e
        .sides
        .iter()
        .map(|s| ds.party(s).map_or(s.clone(), |p| p.name.clone()))
        .collect();
    writeln!(
        out,
        "<article class=\"event\" data-parties=\"{}\" data-year=\"{}\"><h2><a href=\"events/{id}.html\">{}</a></h2><p class=\"meta\">{} · {} · {}</p><p>{} claims; {}</p>",
        xml(&e.sides.join(" ")),
        xml(e.year()),
        xml(&e.title),
        xml(&e.date),
        xml(&e.place),
        xml(&sides.join(", ")),
        e.claims,
        match e.conflicts.len() {
            0 => "no conflict".to_string(),
            1 => "1 conflict:".to_string(),
            n => format!("{n} conflicts:"),
        },
        id = xml(&e.id)
    )?;
    if !e.conflicts.is_empty() {
        writeln!(out, "<ul>")?;
        for c in &e.conflicts {
            writeln!(out, "<li>{}</li>", xml(c))?;
        }
        writeln!(out, "</ul>")?;
    }
    writeln!(out, "</article>")?;
    Ok(())
}

/// `events.json` and `events.csv`: the index's data.
fn downloads(site: &mut Site, sorted: &[&EventEntry]) -> anyhow::Result<()> {
    site.write("events.json", &mut |out| {
        crate::render::json::write_record(out, "events", &sorted)
    })?;
    // Through the tool's CSV writer: a title such as `=HYPERLINK(…)` is
    // defused as in every CSV it writes.
    let style = crate::render::output::Style::plain(crate::render::output::Format::Csv);
    site.write("events.csv", &mut |out| {
        let mut w = crate::render::delimited::RecordWriter::new(out, b',', &style);
        let header = [
            "event",
            "title",
            "date",
            "place",
            "sides",
            "claims",
            "conflicts",
        ];
        w.header(&header.map(String::from))?;
        for e in sorted {
            let (claims, conflicts) = (e.claims.to_string(), e.conflicts.len().to_string());
            w.row(&[
                &e.id,
                &e.title,
                &e.date,
                &e.place,
                &e.sides.join(" "),
                &claims,
                &conflicts,
            ])?;
        }
        w.flush()
    })?;
    Ok(())
}

pub fn write(
    site: &mut Site,
    ds: &crate::model::Dataset,
    events: &[EventEntry],
    stamp: &str,
) -> anyhow::Result<()> {
    let mut sorted: Vec<&EventEntry> = events.iter().collect();
    sorted.sort_by(|a, b| b.date.cmp(&a.date).then(a.id.cmp(&b.id)));
    downloads(site, &sorted)?;
    let mut parties: Vec<String> = events.iter().flat_map(|e| e.sides.clone()).collect();
    parties.sort_unstable();
    parties.dedup();
    let parties: Vec<(String, String)> = parties
        .into_iter()
        .map(|p| (p.clone(), ds.party(&p).map_or(p, |x| x.name.clone())))
        .collect();
    let mut years: Vec<String> = events.iter().map(|e| e.year().to_string()).collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    let years: Vec<(String, String)> = years.into_iter().map(|y| (y.clone(), y)).collect();
    let page = Page {
        title: "Border clashes: what each side claimed",
        root: "",
        stamp,
        downloads: vec![
            ("CSV", "events.csv".to_string()),
            ("JSON", "events.json".to_string()),
        ],
        scripts: &["assets/index.js"],
    };
    site.write("index.html", &mut |out| {
        page::write(out, &page, &mut |out| {
            writeln!(out, "<h1>Border clashes: what each side claimed</h1>")?;
            writeln!(out, "<p>{} events, newest first. Each page aligns every party's figures and accusations and says where the accounts conflict.</p>", events.len())?;
            writeln!(
                out,
                "<div class=\"filters\" id=\"filters\" hidden><label for=\"party\">Party<select id=\"party\"><option value=\"\">any</option>{}</select></label><label for=\"year\">Year<select id=\"year\"><option value=\"\">any</option>{}</select></label><p id=\"shown\" role=\"status\" aria-live=\"polite\"></p></div>",
                options(&parties),
                options(&years)
            )?;
            for e in &sorted {
                card(out, ds, e)?;
            }
            Ok(())
        })
    })?;
    site.write("assets/index.js", &mut |out| {
        out.write_all(SCRIPT.as_bytes())
    })
}
