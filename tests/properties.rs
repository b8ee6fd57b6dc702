//! Properties of `compare` on generated datasets (issue 11): how claims are
//! spread over files, what the files are called and in which order claims
//! stand never change a cell, verdict, conflict or JSON document; the rules
//! hold on every row.

use std::borrow::Cow;
use std::path::PathBuf;

use claims::compare::{self, Grouping, Options, Reconcile};
use claims::load::input::{embedded_file, Origin};
use claims::load::{load_files, InputFile, Keep, Skipped};
use claims::model::when::parse_moment;
use claims::render::output::{Format, Style};
use proptest::prelude::*;
use serde_json::Value;

const SOURCES: [&str; 9] = [
    "armenia-mod",
    "armenia",
    "armenia-pm",
    "azerbaijan-mod",
    "azerbaijan",
    "kremlin",
    "turkey-mfa",
    // Affiliated with a side: their own columns under --by party.
    "armenian-times",
    "azerbaijani-media",
];
const DATES: [&str; 6] = [
    "2021-11-15",
    "2021-11-16",
    "by 2021-11-17",
    "2021-11-17",
    "2021-11-16/2021-11-18",
    "2021-11-18T10:00",
];
const METRICS: [&str; 4] = ["killed", "wounded", "killed-or-wounded", "missing"];

#[derive(Debug, Clone)]
enum Says {
    Figure {
        party: usize,
        metric: usize,
        quantity: String,
    },
    Accusation {
        accused: usize,
        act: usize,
        denies: bool,
    },
    Position {
        proposition: usize,
        affirms: bool,
    },
}

#[derive(Debug, Clone)]
struct Gen {
    source: usize,
    date: usize,
    origin: Option<usize>,
    says: Says,
    /// 1: an unnamed official, 2: unofficial figures.
    attribution: usize,
    /// An earlier claim (by index) this one corrects, or retracts (asserting
    /// nothing); kept only where the loader accepts it (see `valid`).
    withdraws: Option<(usize, bool)>,
}

fn quantity_toml() -> impl Strategy<Value = String> {
    prop_oneof![
        (0u64..60).prop_map(|n| format!("exact = {n}")),
        (0u64..60).prop_map(|n| format!("at_least = {n}")),
        (0u64..60).prop_map(|n| format!("at_most = {n}")),
        (0u64..60).prop_map(|n| format!("about = {n}")),
        (0u64..60).prop_map(|n| format!("more_than = {n}")),
        (0u64..60).prop_map(|n| format!("nearly = {n}")),
        (0u64..30, 0u64..30).prop_map(|(a, b)| format!("range = [{a}, {}]", a + b)),
        prop_oneof![Just("some"), Just("few"), Just("several"), Just("dozens")]
            .prop_map(|w| format!("vague = \"{w}\"")),
    ]
}

fn says() -> impl Strategy<Value = Says> {
    prop_oneof![
        3 => (0usize..3, 0usize..4, quantity_toml()).prop_map(|(party, metric, quantity)| Says::Figure { party, metric, quantity }),
        1 => (0usize..3, 0usize..2, any::<bool>()).prop_map(|(accused, act, denies)| Says::Accusation { accused, act, denies }),
        1 => (0usize..3, any::<bool>()).prop_map(|(proposition, affirms)| Says::Position { proposition, affirms }),
    ]
}

fn one() -> impl Strategy<Value = Gen> {
    (
        0usize..9,
        0usize..6,
        proptest::option::weighted(0.15, 0usize..9),
        says(),
        prop_oneof![8 => Just(0usize), 1 => Just(1), 1 => Just(2)],
        proptest::option::weighted(0.2, (0usize..14, any::<bool>())),
    )
        .prop_map(|(source, date, origin, says, attribution, withdraws)| Gen {
            source,
            date,
            origin,
            says,
            attribution,
            withdraws,
        })
}

fn voice(g: &Gen) -> usize {
    g.origin.unwrap_or(g.source)
}

/// What a claim says, as a correction must match it (0: a retraction).
fn kind(g: &Gen) -> u8 {
    match (&g.says, g.withdraws) {
        (_, Some((_, true))) => 0,
        (Says::Figure { .. }, _) => 1,
        (Says::Accusation { .. }, _) => 2,
        (Says::Position { .. }, _) => 3,
    }
}

/// Keeps a withdrawal only where the loader accepts it: of an earlier claim
/// (by index, so no two withdraw each other) of the same voice and
/// attribution, not certainly said after it and known whenever it is, not
/// itself a retraction, of the same kind for a correction, and once.
fn valid(claims: &mut [(usize, Gen)]) {
    let when = |g: &Gen| claims::model::when::parse_when(DATES[g.date]).expect("a date");
    let mut taken = std::collections::HashSet::new();
    for i in 0..claims.len() {
        let Some((target, retracts)) = claims[i].1.withdraws else {
            continue;
        };
        let keep = target < i && !taken.contains(&target) && {
            let (t, c) = (&claims[target].1, &claims[i].1);
            voice(t) == voice(c)
                && t.attribution == c.attribution
                && !when(c).before(&when(t))
                && when(t).span().1 <= when(c).span().1
                && kind(t) != 0
                && (retracts || kind(t) == kind(c))
        };
        if keep {
            taken.insert(target);
        } else {
            claims[i].1.withdraws = None;
        }
    }
}

fn toml(id: usize, g: &Gen) -> String {
    let assertion = match &g.says {
        Says::Figure {
            party,
            metric,
            quantity,
        } => format!(
            "figure = {{ {}, metric = \"{}\", {quantity} }}",
            [
                "party = \"armenia\"",
                "party = \"azerbaijan\"",
                "parties = [\"armenia\", \"azerbaijan\"]"
            ][*party],
            METRICS[*metric]
        ),
        Says::Accusation {
            accused,
            act,
            denies,
        } => format!(
            "accusation = {{ accused = \"{}\", act = \"{}\", denies = {denies} }}",
            ["armenia", "azerbaijan", "turkey"][*accused],
            ["started-fighting", "attack"][*act]
        ),
        Says::Position {
            proposition,
            affirms,
        } => format!(
            "position = {{ proposition = \"{}\", stance = \"{}\" }}",
            ["p", "q", "r"][*proposition],
            if *affirms { "affirms" } else { "denies" }
        ),
    };
    let mut extra = g
        .origin
        .map_or(String::new(), |o| format!("origin = \"{}\"\n", SOURCES[o]));
    extra.push_str(
        [
            "",
            "attribution = \"unnamed\"\n",
            "attribution = \"unofficial\"\n",
        ][g.attribution],
    );
    let assertion = match g.withdraws {
        Some((t, true)) => format!("retracts = \"c{t}\""),
        Some((t, false)) => format!("corrects = \"c{t}\"\n{assertion}"),
        None => assertion,
    };
    format!(
        "[[claim]]\nid = \"c{id}\"\nevent = \"gen\"\nsource = \"{}\"\n{extra}said = \"{}\"\nvia = \"statement\"\n\
         document = \"doc\"\nquote = \"q\"\nlanguage = \"en\"\n{assertion}\n",
        SOURCES[g.source], DATES[g.date]
    )
}

const HEAD: &str = "[event]\nid = \"gen\"\ntitle = \"Generated\"\ndate = \"2021-11-16\"\nplace = \"p\"\n\
    summary = \"s\"\nsides = [\"armenia\", \"azerbaijan\"]\n\n[[document]]\nid = \"doc\"\noutlet = \"o\"\nlanguage = \"en\"\n\n\
    [[proposition]]\nid = \"p\"\ntext = \"P\"\nexcludes = [\"q\"]\n\n[[proposition]]\nid = \"q\"\ntext = \"Q\"\n\n\
    [[proposition]]\nid = \"r\"\ntext = \"R\"\nkind = \"appeal\"\n";

fn file(name: &str, text: String) -> InputFile {
    InputFile {
        display: name.to_string(),
        origin: Origin::Disk(PathBuf::from(name)),
        bytes: Some(Cow::Owned(text.into_bytes())),
        root: None,
    }
}

/// The comparison JSON of claims spread over files: `layout[i]` is the file
/// (0..n) claim i goes to, `names` the files' names, claims in the order given.
fn comparison(
    claims: &[(usize, Gen)],
    layout: &[usize],
    names: &[&str],
    options: Options,
) -> Value {
    let mut texts: Vec<String> = names.iter().map(|_| String::new()).collect();
    texts[0].push_str(HEAD);
    for ((id, g), &f) in claims.iter().zip(layout) {
        texts[f].push('\n');
        texts[f].push_str(&toml(*id, g));
    }
    let mut files: Vec<InputFile> = names.iter().zip(texts).map(|(n, t)| file(n, t)).collect();
    files.extend(
        ["sources.toml", "vocabulary.toml"]
            .iter()
            .filter_map(|n| embedded_file(n)),
    );
    let loaded =
        load_files(files, Vec::new(), Skipped::default(), &Keep::All, None).expect("loads");
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let ds = loaded.dataset;
    let Some(event) = ds.event("gen") else {
        return Value::Null;
    };
    let cmp = compare::compare(&ds, event, options);
    let mut out = Vec::new();
    claims::cmd::compare::render(&ds, &cmp, true, &Style::plain(Format::Json), None, &mut out)
        .expect("renders");
    serde_json::from_slice(&out).expect("JSON")
}

fn by(grouping: Grouping) -> Options {
    Options {
        by: grouping,
        ..Options::default()
    }
}

fn dataset() -> impl Strategy<Value = Vec<(usize, Gen)>> {
    proptest::collection::vec(one(), 1..14).prop_map(|v| {
        let mut claims: Vec<(usize, Gen)> = v.into_iter().enumerate().collect();
        valid(&mut claims);
        claims
    })
}

fn rows(v: &Value) -> Vec<&Value> {
    let f = v["figures"].as_array().into_iter().flatten();
    let s = v["statements"].as_array().into_iter().flatten();
    f.chain(s).collect()
}

proptest! {
    #[test]
    fn files_names_and_claim_order_change_nothing(
        claims in dataset(),
        seed in any::<u64>(),
        grouping in prop_oneof![Just(Grouping::Source), Just(Grouping::Party), Just(Grouping::Side)],
    ) {
        let n = claims.len();
        let one_file = comparison(&claims, &vec![0; n], &["a.toml"], by(grouping));
        // Spread over three files with other names, claims reversed and rotated.
        let layout: Vec<usize> = (0..n).map(|i| ((seed as usize) >> (i % 16)) % 3).collect();
        let mut shuffled: Vec<(usize, Gen)> = claims.iter().cloned().rev().collect();
        shuffled.rotate_left((seed as usize) % n);
        let mut moved = layout.clone();
        moved.reverse();
        moved.rotate_left((seed as usize) % n);
        let spread = comparison(&shuffled, &moved, &["z.toml", "m.toml", "b.toml"], by(grouping));
        prop_assert_eq!(one_file, spread);
    }

    #[test]
    fn by_party_never_has_more_voices_than_by_source(claims in dataset()) {
        let n = claims.len();
        let s = comparison(&claims, &vec![0; n], &["a.toml"], by(Grouping::Source));
        let p = comparison(&claims, &vec![0; n], &["a.toml"], by(Grouping::Party));
        for (a, b) in rows(&s).iter().zip(rows(&p)) {
            // On a count of several parties, merged organs may complete a sum
            // no single organ gave (Armenia's own losses from one, Azerbaijan's
            // from another): a voice more, by design.
            if a["party"].as_str().is_some_and(|p| p.contains('+')) {
                continue;
            }
            let count = |r: &Value| r["voices"].as_array().map_or(0, Vec::len);
            prop_assert!(count(b) <= count(a), "{a} / {b}");
        }
    }

    #[test]
    fn merging_never_hides_a_conflict(
        claims in dataset(),
        grouping in prop_oneof![Just(Grouping::Party), Just(Grouping::Side)],
    ) {
        // Only a speaker revises its own figure, and speakers of one voice
        // are weighed against each other: a conflict between sources stays
        // one when they merge (issue 22).
        let n = claims.len();
        let s = comparison(&claims, &vec![0; n], &["a.toml"], by(Grouping::Source));
        let m = comparison(&claims, &vec![0; n], &["a.toml"], by(grouping));
        let key = |r: &Value| (r["party"].to_string(), r["metric"].to_string(), r["category"].to_string());
        for a in s["figures"].as_array().into_iter().flatten() {
            // A sum's row may gain a voice's sum of parts no speaker gave alone.
            if a["verdict"]["verdict"] != "conflict" || a["metric"] == "killed-or-wounded" {
                continue;
            }
            let b = m["figures"].as_array().into_iter().flatten().find(|b| key(b) == key(a));
            prop_assert!(b.is_some_and(|b| b["verdict"]["verdict"] == "conflict"), "{a} / {b:?}");
        }
        for a in s["statements"].as_array().into_iter().flatten() {
            if a["verdict"]["verdict"] != "conflict" {
                continue;
            }
            let b = m["statements"].as_array().into_iter().flatten().find(|b| b["id"] == a["id"]);
            prop_assert!(b.is_some_and(|b| b["verdict"]["verdict"] == "conflict"), "{a} / {b:?}");
        }
    }

    #[test]
    fn as_of_equals_comparing_only_what_was_said_by_then(claims in dataset(), day in 0usize..4) {
        let limit = ["2021-11-15", "2021-11-16", "2021-11-17", "2021-11-18"][day];
        let moment = parse_moment(limit).expect("a date");
        let n = claims.len();
        let options = Options { as_of: Some(moment.clone()), ..Options::default() };
        let filtered = comparison(&claims, &vec![0; n], &["a.toml"], options);
        let known: Vec<(usize, Gen)> = claims
            .iter()
            .filter(|(_, g)| claims::model::when::parse_when(DATES[g.date]).expect("a date").known_by(&moment))
            .cloned()
            .collect();
        let only = comparison(&known, &vec![0; known.len()], &["a.toml"], Options::default());
        for key in ["figures", "statements", "conflicts", "columns"] {
            prop_assert_eq!(&filtered[key], &only[key], "{}", key);
        }
    }

    #[test]
    fn appeals_never_conflict_and_reconciled_figures_are_ordered(claims in dataset()) {
        let n = claims.len();
        let options = Options { reconcile: Some(Reconcile::Range), ..Options::default() };
        let v = comparison(&claims, &vec![0; n], &["a.toml"], options);
        for r in v["statements"].as_array().into_iter().flatten() {
            if r["kind"] == "appeal" {
                // An appeal its voice retracted says so; none ever conflicts.
                let v = r["verdict"]["verdict"].as_str().unwrap_or("");
                prop_assert!(v == "appeal" || v == "withdrawn", "{}", r);
            }
        }
        for r in v["figures"].as_array().into_iter().flatten() {
            let text = r["reconciled"].as_str().unwrap_or("");
            let parts: Vec<&str> = text.split(" / ").collect();
            if parts.len() == 3 {
                let (low, best) = (parts[0].parse::<u64>().unwrap_or(0), parts[1].parse::<u64>().unwrap_or(0));
                prop_assert!(low <= best, "{text}");
                if let Ok(high) = parts[2].parse::<u64>() {
                    prop_assert!(best <= high, "{text}");
                }
            }
        }
    }

    #[test]
    fn an_unrelated_claim_changes_no_other_row(claims in dataset()) {
        let n = claims.len();
        let before = comparison(&claims, &vec![0; n], &["a.toml"], Options::default());
        let mut more = claims.clone();
        let extra = Gen { source: 5, date: 1, origin: None, says: Says::Figure { party: 0, metric: 0, quantity: "exact = 1".into() }, attribution: 0, withdraws: None };
        // A claim about a metric nobody else used: captured, on its own row.
        more.push((999, extra));
        let text_of = |g: &Gen| toml(999, g).replace("\"killed\"", "\"captured\"");
        let mut layout = vec![0; n];
        layout.push(0);
        let mut texts = HEAD.to_string();
        for (id, g) in &claims {
            texts.push('\n');
            texts.push_str(&toml(*id, g));
        }
        texts.push('\n');
        texts.push_str(&text_of(&more[n].1));
        let files = vec![file("a.toml", texts), embedded_file("sources.toml").expect("shipped"), embedded_file("vocabulary.toml").expect("shipped")];
        let loaded = load_files(files, Vec::new(), Skipped::default(), &Keep::All, None).expect("loads");
        let ds = loaded.dataset;
        let cmp = compare::compare(&ds, ds.event("gen").expect("event"), Options::default());
        let mut out = Vec::new();
        claims::cmd::compare::render(&ds, &cmp, true, &Style::plain(Format::Json), None, &mut out).expect("renders");
        let after: Value = serde_json::from_slice(&out).expect("JSON");
        let keep = |v: &Value| -> Vec<Value> {
            rows(v).into_iter().filter(|r| r["metric"] != "captured").map(|r| {
                let mut r = r.clone();
                // Columns may gain kremlin's; a row's own content may not change.
                if let Some(cells) = r["cells"].as_object_mut() { cells.retain(|_, c| !c.is_null()); }
                r
            }).collect()
        };
        prop_assert_eq!(keep(&before), keep(&after));
    }

    #[test]
    fn a_relay_of_an_existing_voice_adds_no_voice(claims in dataset(), pick in any::<prop::sample::Index>()) {
        let n = claims.len();
        let plain: Vec<(usize, Gen)> = claims.iter().map(|(i, g)| (*i, Gen { origin: None, withdraws: None, ..g.clone() })).collect();
        let before = comparison(&plain, &vec![0; n], &["a.toml"], Options::default());
        let (_, copied) = &plain[pick.index(n)];
        let mut more = plain.clone();
        // kremlin (5) relays the claim's source, on the same day, saying the same.
        more.push((500, Gen { source: 5, origin: Some(copied.source), withdraws: None, ..copied.clone() }));
        let after = comparison(&more, &vec![0; n + 1], &["a.toml"], Options::default());
        for (a, b) in rows(&before).iter().zip(rows(&after)) {
            prop_assert_eq!(&a["voices"], &b["voices"]);
            prop_assert_eq!(&a["verdict"]["verdict"], &b["verdict"]["verdict"]);
        }
    }

    #[test]
    fn a_row_at_one_moment_conflicts_exactly_when_two_voices_figures_are_disjoint(
        figures in proptest::collection::vec((0usize..7, quantity_toml()), 2..6)
    ) {
        // Distinct voices, one moment, a count that can shrink: the plain rule.
        let claims: Vec<(usize, Gen)> = figures
            .iter()
            .enumerate()
            .map(|(i, (s, q))| (i, Gen { source: (s + i) % 7, date: 1, origin: None, says: Says::Figure { party: 0, metric: 3, quantity: q.clone() }, attribution: 0, withdraws: None }))
            .collect();
        let v = comparison(&claims, &vec![0; claims.len()], &["a.toml"], Options::default());
        let row = &v["figures"][0];
        let mut cells: Vec<(String, u64, Option<u64>)> = Vec::new();
        for (col, entries) in row["cells"].as_object().into_iter().flatten() {
            for e in entries.as_array().into_iter().flatten() {
                cells.push((col.clone(), e["low"].as_u64().unwrap_or(0), e["high"].as_u64()));
            }
        }
        let disjoint = cells.iter().any(|a| cells.iter().any(|b| a.0 != b.0 && a.2.is_some_and(|h| h < b.1)));
        prop_assert_eq!(row["verdict"]["verdict"] == "conflict", disjoint, "{}", row);
    }
}
