//! Valid datasets from arbitrary bytes: several files, a vocabulary of the
//! data's own, documents with texts, and claims of every kind and quantity
//! form (joint counts, breakdowns, categories, places, relays, attributions,
//! running totals, corrections and retractions). The bytes choose; the
//! generator keeps every rule `check` enforces, so a refused dataset is a
//! bug in one of the two.

use std::collections::BTreeSet;
use std::fmt::Write as _;

/// Reads choices from the bytes; past their end it reads zeros, so every
/// input, even an empty one, is a dataset.
struct Choices<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Choices<'_> {
    fn byte(&mut self) -> u8 {
        let b = self.bytes.get(self.at).copied().unwrap_or(0);
        self.at += 1;
        b
    }

    fn below(&mut self, n: usize) -> usize {
        usize::from(self.byte()) % n.max(1)
    }

    fn pick<'l>(&mut self, list: &[&'l str]) -> &'l str {
        list[self.below(list.len())]
    }

    fn one_in(&mut self, n: u8) -> bool {
        self.byte().is_multiple_of(n)
    }

    fn chance(&mut self, in_four: u8) -> bool {
        self.byte() % 4 < in_four
    }

    /// Mostly small numbers, so that figures meet; now and then a huge one.
    fn count(&mut self) -> i64 {
        match self.byte() % 8 {
            0 => i64::from(u16::from_le_bytes([self.byte(), self.byte()])),
            1 => i64::from_le_bytes([self.byte(); 8])
                .unsigned_abs()
                .min(i64::MAX as u64) as i64,
            _ => i64::from(self.byte() % 60),
        }
    }

    fn exhausted(&self) -> bool {
        self.at >= self.bytes.len()
    }
}

const SIDES: [&str; 2] = ["gen-north", "gen-south"];
/// Sources with their party and standing (defined in the generated sources file).
const SOURCES: [(&str, Option<&str>, &str); 6] = [
    ("gen-north-mod", Some("gen-north"), "organ"),
    ("gen-south-mod", Some("gen-south"), "organ"),
    ("gen-north-press", Some("gen-north"), "affiliated"),
    ("gen-south-mp", Some("gen-south"), "individual"),
    ("gen-monitor", None, "independent"),
    ("gen-mission", None, "international"),
];
/// Shipped sources speak too: a third state and an agency.
const SHIPPED_SOURCES: [&str; 2] = ["kremlin", "interfax"];
/// People metrics (metric, cumulative); `gen-losses` sums the first two.
const COUNTS: [&str; 4] = ["gen-dead", "gen-hurt", "gen-losses", "gen-held"];
const ACTS: [&str; 3] = ["gen-shelling", "started-fighting", "disinformation"];
const WORDS: [&str; 4] = ["gen-handful", "some", "dozens", "hundreds"];
const CATEGORIES: [&str; 3] = ["gen-troops", "gen-police", "gen-civilians"];
/// Places with the one each lies within.
const PLACES: [(&str, Option<&str>); 4] = [
    ("gen-region", None),
    ("gen-town", Some("gen-region")),
    ("gen-hill", Some("gen-town")),
    ("gen-coast", None),
];

/// The generated data's own vocabulary: parties, metrics (a composite, a
/// measure), a vague word, an act, categories and nested places.
const VOCABULARY: &str = include_str!("vocabulary.toml");

/// What the generator remembers of a claim, to withdraw it later.
struct Said {
    id: String,
    voice: (String, Option<&'static str>),
    event: usize,
    /// Day of November 2021 by which it was certainly said.
    latest_day: u8,
    kind: &'static str,
    /// The figure's party and metric, for a correction of the same figure.
    figure: Option<(String, &'static str)>,
    withdrawable: bool,
}

/// One event file under construction.
struct EventFile {
    text: String,
    places: Vec<&'static str>,
    /// Documents: (id, quotes that its text must hold, whether it has a text).
    documents: Vec<(String, Vec<String>, bool)>,
}

/// A dataset as files: (path inside the data folder, contents).
pub fn dataset(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut c = Choices { bytes, at: 0 };
    let mut files = vec![(
        "gen-vocabulary.toml".to_string(),
        VOCABULARY.as_bytes().to_vec(),
    )];
    files.push(("gen-sources.toml".to_string(), sources_file().into_bytes()));
    let events = 1 + c.below(3);
    let mut event_files: Vec<EventFile> = (0..events).map(|e| event_header(&mut c, e)).collect();
    let mut said: Vec<Said> = Vec::new();
    let mut n = 0;
    while !c.exhausted() && n < 48 {
        let e = c.below(events);
        claim(&mut c, &mut event_files[e], e, n, &mut said);
        n += 1;
    }
    for (e, f) in event_files.into_iter().enumerate() {
        let mut text = f.text;
        for (d, (doc, quotes, has_text)) in f.documents.iter().enumerate() {
            let _ = write!(
                text,
                "\n[[document]]\nid = \"{doc}\"\noutlet = \"Outlet {d}\"\nlanguage = \"en\"\n"
            );
            if *has_text {
                let path = format!("texts/{doc}.txt");
                let _ = writeln!(text, "text = \"{path}\"");
                files.push((path, quotes.join("\n").into_bytes()));
            }
        }
        files.push((format!("gen-event-{e}.toml"), text.into_bytes()));
    }
    files
}

fn sources_file() -> String {
    let mut t = String::new();
    for (id, party, standing) in SOURCES {
        let kind = if standing == "international" {
            "international-organisation"
        } else {
            "ministry"
        };
        let _ = write!(t, "[[source]]\nid = \"{id}\"\nname = \"Source {id}\"\nkind = \"{kind}\"\nstanding = \"{standing}\"\n");
        if let Some(p) = party {
            let _ = writeln!(t, "party = \"{p}\"");
        }
        t.push('\n');
    }
    t
}

fn event_header(c: &mut Choices, e: usize) -> EventFile {
    let places: Vec<&str> = match c.below(3) {
        0 => vec!["gen-region"],
        1 => vec!["gen-town", "gen-coast"],
        _ => Vec::new(),
    };
    let listed = places
        .iter()
        .map(|p| format!("\"{p}\""))
        .collect::<Vec<_>>()
        .join(", ");
    let mut text = format!(
        "[event]\nid = \"gen-e{e}\"\ntitle = \"Generated clash {e}\"\ndate = \"2021-11-{:02}\"\nplace = \"somewhere\"\nsummary = \"Made up.\"\nsides = [\"gen-north\", \"gen-south\"]\nplaces = [{listed}]\n",
        10 + e
    );
    let _ = write!(
        text,
        "\n[[proposition]]\nid = \"gen-e{e}-first\"\ntext = \"North fired first\"\nexcludes = [\"gen-e{e}-second\"]\n\n[[proposition]]\nid = \"gen-e{e}-second\"\ntext = \"South fired first\"\n\n[[proposition]]\nid = \"gen-e{e}-calm\"\ntext = \"Both should hold fire\"\nkind = \"appeal\"\n\n[[proposition]]\nid = \"gen-e{e}-leave\"\ntext = \"South should leave the hill\"\nkind = \"demand\"\naddressee = \"gen-south\"\n"
    );
    let documents = (0..1 + c.below(3))
        .map(|d| (format!("gen-e{e}-doc{d}"), Vec::new(), c.chance(3)))
        .collect();
    let places = places
        .iter()
        .flat_map(|p| {
            PLACES
                .iter()
                .filter(move |(q, _)| within(q, p))
                .map(|(q, _)| *q)
        })
        .collect();
    EventFile {
        text,
        places,
        documents,
    }
}

/// Whether place `a` is `b` or lies within it.
fn within(a: &str, b: &str) -> bool {
    let mut at = Some(a);
    while let Some(p) = at {
        if p == b {
            return true;
        }
        at = PLACES.iter().find(|(q, _)| *q == p).and_then(|(_, w)| *w);
    }
    false
}

/// Who speaks: the claim's first lines and its voice.
fn speaker(c: &mut Choices, id: &str) -> (String, (String, Option<&'static str>)) {
    let source = if c.chance(1) && c.chance(2) {
        c.pick(&SHIPPED_SOURCES)
    } else {
        SOURCES[c.below(SOURCES.len())].0
    };
    let attribution = match c.byte() % 8 {
        0 => Some("unnamed"),
        1 => Some("unofficial"),
        _ => None,
    };
    let mut t = format!("\n[[claim]]\nid = \"{id}\"\nsource = \"{source}\"\n");
    if let Some(a) = attribution {
        let _ = writeln!(t, "attribution = \"{a}\"");
    }
    // A relay speaks for its origin: the voice is the origin's.
    let mut speaker = source;
    if c.chance(1) {
        let origin = SOURCES[c.below(SOURCES.len())].0;
        if origin != source {
            let _ = writeln!(t, "origin = \"{origin}\"");
            speaker = origin;
        }
    }
    (t, (speaker.to_string(), attribution))
}

/// An earlier statement of the same voice that a claim may withdraw.
fn withdrawal_target(
    c: &mut Choices,
    said: &[Said],
    voice: &(String, Option<&str>),
    e: usize,
) -> Option<usize> {
    let candidates: Vec<usize> = (0..said.len())
        .filter(|&i| said[i].withdrawable && said[i].voice == *voice && said[i].event == e)
        .filter(|&i| said[i].latest_day < 30)
        .collect();
    (!candidates.is_empty()).then(|| candidates[c.below(candidates.len())])
}

fn claim(c: &mut Choices, f: &mut EventFile, e: usize, n: usize, said: &mut Vec<Said>) {
    let id = format!("gen-c{n}");
    let (mut t, voice) = speaker(c, &id);
    // A withdrawal of an earlier statement of the same voice, if one can be.
    let target = if c.chance(1) {
        withdrawal_target(c, said, &voice, e)
    } else {
        None
    };
    let (said_at, latest_day) = match target {
        Some(i) => {
            let day = said[i].latest_day + 1 + c.below(usize::from(30 - said[i].latest_day)) as u8;
            (format!("2021-11-{day:02}"), day)
        }
        None => when(c),
    };
    // The first day it may have been said, when the form tells it.
    let first_day = said_at
        .get(8..10)
        .filter(|_| !said_at.starts_with("by") && said_at.len() > 7);
    let first_day: Option<u8> = first_day.and_then(|d| d.parse().ok());
    let (doc, quote) = document_and_quote(c, f, n);
    let _ = write!(t, "said = \"{said_at}\"\nvia = \"statement\"\ndocument = \"{doc}\"\nquote = \"{quote}\"\nlanguage = \"en\"\nhedged = {}\n", c.chance(1));
    if !f.places.is_empty() && c.chance(2) {
        let _ = writeln!(t, "place = \"{}\"", f.places[c.below(f.places.len())]);
    }
    let mut kind = ["figure", "accusation", "position"][c.below(3)];
    let mut figure_of = None;
    match target {
        Some(i) if c.chance(2) => {
            let _ = writeln!(t, "retracts = \"{}\"", said[i].id);
            kind = "retraction";
        }
        Some(i) => {
            let _ = writeln!(t, "corrects = \"{}\"", said[i].id);
            kind = said[i].kind;
            figure_of = said[i].figure.clone();
        }
        None => {}
    }
    let figure = assertion(c, &mut t, kind, e, figure_of, first_day);
    if let Some(i) = target {
        said[i].withdrawable = false;
    }
    f.text.push_str(&t);
    said.push(Said {
        id,
        voice,
        event: e,
        latest_day,
        kind,
        figure,
        withdrawable: kind != "retraction",
    });
}

/// What the claim asserts; a figure's party and metric are returned.
fn assertion(
    c: &mut Choices,
    t: &mut String,
    kind: &str,
    e: usize,
    figure_of: Option<(String, &'static str)>,
    first_day: Option<u8>,
) -> Option<(String, &'static str)> {
    match kind {
        "figure" => return figure_line(c, t, figure_of, first_day),
        "accusation" => {
            let at = if c.chance(1) {
                format!(", at = \"{}\"", when(c).0)
            } else {
                String::new()
            };
            let _ = writeln!(
                t,
                "accusation = {{ accused = \"{}\", act = \"{}\", denies = {}{at} }}",
                c.pick(&SIDES),
                c.pick(&ACTS),
                c.chance(1)
            );
        }
        "position" => {
            let which = c.pick(&["first", "second", "calm", "leave"]);
            let stance = c.pick(&["affirms", "denies"]);
            let _ = writeln!(
                t,
                "position = {{ proposition = \"gen-e{e}-{which}\", stance = \"{stance}\" }}"
            );
        }
        _ => {}
    }
    None
}

/// A `said` value in one of its forms, and the day by which it was said.
fn when(c: &mut Choices) -> (String, u8) {
    let day = 1 + c.below(28) as u8;
    match c.byte() % 6 {
        0 => ("2021-11".to_string(), 30),
        1 => (
            format!("2021-11-{day:02}T{:02}:{:02}", c.below(24), c.below(60)),
            day,
        ),
        2 => (format!("2021-11-{day:02}/2021-11-{:02}", day + 2), day + 2),
        3 => (format!("by 2021-11-{day:02}"), day),
        _ => (format!("2021-11-{day:02}"), day),
    }
}

/// Cites a document; a document with a text gets the quote into its text.
fn document_and_quote(c: &mut Choices, f: &mut EventFile, n: usize) -> (String, String) {
    const WORDS: [&str; 8] = [
        "the",
        "ministry",
        "said",
        "«killed»",
        "Ärzte",
        "l’armée",
        "",
        "17",
    ];
    let mut quote = format!("statement {n}");
    for _ in 0..c.below(5) {
        quote.push(' ');
        quote.push_str(c.pick(&WORDS));
    }
    let d = c.below(f.documents.len());
    let (doc, quotes, _) = &mut f.documents[d];
    quotes.push(quote.clone());
    (doc.clone(), quote)
}

/// Writes a figure; returns its party and metric when it has one party.
fn figure_line(
    c: &mut Choices,
    t: &mut String,
    same_as: Option<(String, &'static str)>,
    first_day: Option<u8>,
) -> Option<(String, &'static str)> {
    let (whose, metric) = match same_as {
        Some((party, metric)) => (format!("party = \"{party}\""), metric),
        None => {
            let metric = if c.chance(1) && c.chance(2) {
                "gen-area"
            } else {
                c.pick(&COUNTS)
            };
            let whose = if c.one_in(8) {
                "parties = [\"gen-north\", \"gen-south\"]".to_string()
            } else {
                format!("party = \"{}\"", c.pick(&SIDES))
            };
            (whose, metric)
        }
    };
    let party = whose
        .strip_prefix("party = \"")
        .map(|p| p.trim_end_matches('"').to_string());
    let mut fields = format!("{whose}, metric = \"{metric}\"");
    if metric == "gen-area" {
        let _ = write!(
            fields,
            ", exact = {}.{}, unit = \"km²\"",
            c.below(50),
            c.below(10)
        );
    } else if metric != "gen-losses" && party.is_some() && c.one_in(6) {
        // A breakdown: exact parts adding up to an exact total.
        let cats: BTreeSet<&str> = (0..2).map(|_| c.pick(&CATEGORIES)).collect();
        let parts: Vec<(&str, i64)> = cats
            .iter()
            .map(|k| (*k, i64::from(c.byte() % 30)))
            .collect();
        let total: i64 = parts.iter().map(|p| p.1).sum();
        let listed: Vec<String> = parts
            .iter()
            .map(|(k, v)| format!("{{ of = \"{k}\", exact = {v} }}"))
            .collect();
        let _ = write!(
            fields,
            ", exact = {total}, breakdown = [{}]",
            listed.join(", ")
        );
    } else {
        if metric != "gen-losses" && party.is_some() && c.one_in(6) {
            let _ = write!(fields, ", of = \"{}\"", c.pick(&CATEGORIES));
        }
        quantity(c, &mut fields);
    }
    // A count stands at a moment on or before it was said.
    if let Some(day) = first_day.filter(|_| c.one_in(8)) {
        let _ = write!(
            fields,
            ", as_of = \"2021-11-{:02}\"",
            1 + c.below(usize::from(day))
        );
    }
    if c.one_in(8) && metric != "gen-area" {
        let _ = write!(fields, ", since = \"2021-{:02}-01\"", 1 + c.below(10));
    }
    let _ = writeln!(t, "figure = {{ {fields} }}");
    party.map(|p| (p, metric))
}

fn quantity(c: &mut Choices, fields: &mut String) {
    let a = c.count();
    let b = c.count();
    let _ = match c.byte() % 11 {
        0 => write!(fields, ", at_least = {a}"),
        1 => write!(fields, ", at_most = {a}"),
        2 => write!(fields, ", more_than = {a}"),
        3 => write!(fields, ", nearly = {}", a.max(1)),
        4 => write!(fields, ", about = {}", a.min(1_000_000_000)),
        5 => write!(fields, ", range = [{}, {}]", a.min(b), a.max(b)),
        6 => write!(fields, ", vague = \"{}\"", c.pick(&WORDS)),
        7 => write!(fields, ", less_than = {}", a.max(1)),
        8 => write!(
            fields,
            ", about_range = [{}, {}]",
            a.min(b).min(1_000_000_000),
            a.max(b).min(1_000_000_000)
        ),
        _ => write!(fields, ", exact = {a}"),
    };
}
