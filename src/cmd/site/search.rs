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
// Events and sources are in search-index.js; each event's claims are in a
// file of their own, loaded when a search needs them.
(function () {
  var index = window.CLAIMS_INDEX || [];
  var shards = window.CLAIMS_SHARDS || [];
  var loaded = {};
  var waiting = {};
  var form = document.getElementById("search");
  var q = document.getElementById("q");
  var results = document.getElementById("results");
  var status = document.getElementById("status");
  var names = ["event", "party", "metric", "verdict", "standing"];
  var params = new URLSearchParams(window.location.search);
  window.CLAIMS_ADD = function (event, entries) {
    loaded[event] = entries;
    delete waiting[event];
    if (Object.keys(waiting).length === 0) { run(); }
  };
  if (params.get("q")) { q.value = params.get("q"); }
  var choices = window.CLAIMS_CHOICES || {};
  names.forEach(function (n) {
    var el = document.getElementById(n);
    (choices[n] || []).forEach(function (v) {
      var o = document.createElement("option");
      o.value = v; o.textContent = v; el.appendChild(o);
    });
    if (params.get(n)) { el.value = params.get(n); }
    el.addEventListener("change", run);
  });
  function need(events) {
    var missing = events.filter(function (e) { return !loaded[e] && !waiting[e]; });
    missing.forEach(function (e) {
      waiting[e] = true;
      var s = document.createElement("script");
      s.src = "assets/search/" + e + ".js";
      document.body.appendChild(s);
    });
    return Object.keys(waiting).length === 0;
  }
  function run() {
    var chosen = {};
    names.forEach(function (n) { chosen[n] = document.getElementById(n).value; });
    var words = q.value.toLowerCase().split(/\s+/).filter(Boolean);
    var asked = words.length > 0 || names.some(function (n) { return chosen[n]; });
    if (!asked) {
      results.textContent = "";
      status.textContent = "Type words, or choose a filter.";
      return;
    }
    // The search in the address, so that it can be shared.
    var shown = new URLSearchParams();
    if (q.value) { shown.set("q", q.value); }
    names.forEach(function (n) { if (chosen[n]) { shown.set(n, chosen[n]); } });
    if (window.history && window.history.replaceState) {
      try { window.history.replaceState(null, "", "?" + shown.toString()); } catch (e) { /* file:// may refuse */ }
    }
    var events = chosen.event ? shards.filter(function (e) { return e === chosen.event; }) : shards;
    if (!need(events)) {
      status.textContent = "Loading the claims of " + Object.keys(waiting).length + " events…";
      return;
    }
    var all = index.slice();
    events.forEach(function (e) { all = all.concat(loaded[e] || []); });
    var found = all.filter(function (e) {
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

/// JSON to put inside a script: `</` would end it early.
fn script_json<T: Serialize + ?Sized>(value: &T) -> std::io::Result<String> {
    let json = serde_json::to_string(value)?;
    Ok(crate::sanitize::json_visible(&json).replace("</", "<\\/"))
}

pub fn write(site: &mut Site, entries: &[Entry], stamp: &str) -> anyhow::Result<()> {
    // Titles are shown with textContent: bidi overrides and controls are
    // escaped here, as every other output shows them.
    let entries: Vec<Entry> = entries
        .iter()
        .map(|e| Entry {
            title: crate::sanitize::escape(&e.title).into_owned(),
            ..e.clone()
        })
        .collect();
    let entries = entries.as_slice();
    let (claims, rest): (Vec<&Entry>, Vec<&Entry>) =
        entries.iter().partition(|e| e.kind == "claim");
    let mut by_event: std::collections::BTreeMap<&str, Vec<&Entry>> = Default::default();
    for c in claims {
        by_event.entry(c.event.as_str()).or_default().push(c);
    }
    let shards: Vec<&str> = by_event.keys().copied().collect();
    let mut choices: std::collections::BTreeMap<&str, std::collections::BTreeSet<&str>> =
        Default::default();
    for e in entries {
        let fields = [
            ("event", &e.event),
            ("party", &e.party),
            ("metric", &e.metric),
            ("verdict", &e.verdict),
            ("standing", &e.standing),
        ];
        for (name, value) in fields.into_iter().filter(|(_, v)| !v.is_empty()) {
            choices.entry(name).or_default().insert(value);
        }
    }
    site.write("assets/search-index.js", &mut |out| {
        writeln!(out, "window.CLAIMS_INDEX = {};", script_json(&rest)?)?;
        writeln!(out, "window.CLAIMS_SHARDS = {};", script_json(&shards)?)?;
        writeln!(out, "window.CLAIMS_CHOICES = {};", script_json(&choices)?)
    })?;
    for (event, list) in &by_event {
        site.write(&format!("assets/search/{event}.js"), &mut |out| {
            writeln!(
                out,
                "CLAIMS_ADD({}, {});",
                script_json(event)?,
                script_json(list)?
            )
        })?;
    }
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
                "<form id=\"search\" role=\"search\" aria-label=\"Search events, sources and claims\" hidden><div class=\"filters\"><label for=\"q\">Words<input id=\"q\" name=\"q\" type=\"search\" autocomplete=\"off\"></label>{}{}{}{}{}<button type=\"submit\">Search</button></div></form>",
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
