//! Search across events, sources and claims: an index built when the site
//! is written (a script file that defines it, so that it loads from
//! `file://` as from a host) and a few dozen lines of script that match
//! every word typed against quotes, English and notes, with filters by
//! event, party, metric, verdict and standing. Pagefind would need its
//! own runtime and a build step in another language; this needs neither.

use serde::Serialize;

use super::page::{self, Page};
use super::Site;
use crate::sanitize::xml;

/// One thing a reader can find.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    /// `event`, `source` or `claim`.
    pub kind: &'static str,
    pub id: String,
    pub title: String,
    /// The words searched, lower-cased.
    pub text: String,
    pub event: String,
    pub party: String,
    pub metric: String,
    pub verdict: String,
    pub standing: String,
    /// The page, from the top of the site.
    pub url: String,
}

/// The longest text kept per entry: a search finds a claim by its words,
/// and the index stays small enough to load on a phone.
const TEXT_MAX: usize = 600;

pub fn text(parts: &[Option<&str>]) -> String {
    let all: Vec<&str> = parts.iter().flatten().copied().collect();
    all.join(" ")
        .to_lowercase()
        .chars()
        .take(TEXT_MAX)
        .collect()
}

const SCRIPT: &str = r#"// Matches every word typed against the index, with the filters chosen.
(function () {
  var index = window.CLAIMS_INDEX || [];
  var form = document.getElementById("search");
  var q = document.getElementById("q");
  var results = document.getElementById("results");
  var status = document.getElementById("status");
  var names = ["event", "party", "metric", "verdict", "standing"];
  var params = new URLSearchParams(window.location.search);
  if (params.get("q")) { q.value = params.get("q"); }
  names.forEach(function (n) {
    var el = document.getElementById(n);
    var seen = {};
    index.forEach(function (e) { if (e[n]) { seen[e[n]] = true; } });
    Object.keys(seen).sort().forEach(function (v) {
      var o = document.createElement("option");
      o.value = v; o.textContent = v; el.appendChild(o);
    });
    if (params.get(n)) { el.value = params.get(n); }
    el.addEventListener("change", run);
  });
  function run() {
    var words = q.value.toLowerCase().split(/\s+/).filter(Boolean);
    var chosen = {};
    names.forEach(function (n) { chosen[n] = document.getElementById(n).value; });
    var found = index.filter(function (e) {
      for (var i = 0; i < names.length; i++) {
        var n = names[i];
        if (chosen[n] && e[n] !== chosen[n]) { return false; }
      }
      return words.every(function (w) { return e.text.indexOf(w) >= 0 || e.id.indexOf(w) >= 0; });
    });
    results.textContent = "";
    found.slice(0, 200).forEach(function (e) {
      var li = document.createElement("li");
      var kind = document.createElement("span");
      kind.className = "kind"; kind.textContent = e.kind;
      var a = document.createElement("a");
      a.href = e.url; a.textContent = e.title;
      li.appendChild(kind); li.appendChild(a);
      if (e.verdict) { li.appendChild(document.createTextNode(" — " + e.verdict)); }
      results.appendChild(li);
    });
    var more = found.length > 200 ? " (the first 200 shown)" : "";
    status.textContent = found.length + (found.length === 1 ? " result" : " results") + more;
  }
  form.addEventListener("submit", function (ev) { ev.preventDefault(); run(); });
  q.addEventListener("input", run);
  form.hidden = false;
  document.getElementById("noscript").hidden = true;
  run();
})();
"#;

pub fn write(site: &mut Site, entries: &[Entry], stamp: &str) -> anyhow::Result<()> {
    site.write("assets/search-index.js", &mut |out| {
        let json = serde_json::to_string(entries)?;
        // Inside a script: `</` would end it early.
        let json = crate::sanitize::json_visible(&json).replace("</", "<\\/");
        write!(out, "window.CLAIMS_INDEX = {json};\n")
    })?;
    site.write("assets/search.js", &mut |out| {
        out.write_all(SCRIPT.as_bytes())
    })?;
    let page = Page {
        title: "Search",
        root: "",
        stamp,
        downloads: Vec::new(),
        scripts: &["assets/search-index.js", "assets/search.js"],
    };
    let select = |id: &str, label: &str| {
        format!("<label for=\"{id}\">{}<select id=\"{id}\" name=\"{id}\"><option value=\"\">any</option></select></label>", xml(label))
    };
    site.write("search.html", &mut |out| {
        page::write(out, &page, &mut |out| {
            writeln!(out, "<h1>Search</h1>")?;
            writeln!(out, "<p id=\"noscript\">Search needs the page's script; every event is listed on the <a href=\"index.html\">front page</a>.</p>")?;
            writeln!(
                out,
                "<form id=\"search\" role=\"search\" hidden><div class=\"filters\"><label for=\"q\">Words<input id=\"q\" name=\"q\" type=\"search\" autocomplete=\"off\"></label>{}{}{}{}{}<button type=\"submit\">Search</button></div></form>",
                select("event", "Event"),
                select("party", "Party"),
                select("metric", "Metric"),
                select("verdict", "Verdict"),
                select("standing", "Standing")
            )?;
            writeln!(out, "<p id=\"status\" role=\"status\" aria-live=\"polite\"></p>\n<ol class=\"results\" id=\"results\"></ol>")
        })
    })
}
