//! Structured input: a valid dataset built from the fuzzer's bytes must load
//! with no problem and go through comparison and every renderer.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
struct Claim {
    source: u8,
    origin: Option<u8>,
    day: u8,
    time: Option<(u8, u8)>,
    kind: u8,
    party: u8,
    metric: u8,
    form: u8,
    n1: u64,
    n2: u64,
    word: u8,
    act: u8,
    denies: bool,
    proposition: u8,
    affirms: bool,
    hedged: bool,
    quote: String,
}

const SOURCES: [&str; 8] = ["armenia-mod", "armenia", "azerbaijan-mod", "azerbaijan", "kremlin", "interfax", "us-state-department", "osce-minsk-group"];
const PARTIES: [&str; 4] = ["armenia", "azerbaijan", "russia", "turkey"];
const METRICS: [&str; 5] = ["killed", "wounded", "killed-or-wounded", "captured", "missing"];
const WORDS: [&str; 6] = ["some", "significant", "few", "several", "dozens", "hundreds"];
const ACTS: [&str; 4] = ["started-fighting", "disinformation", "encroachment", "attack"];

fn pick<'a>(list: &[&'a str], i: u8) -> &'a str {
    list[i as usize % list.len()]
}

fn toml_string(s: &str) -> String {
    let mut out = String::from("\"q");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fuzz_target!(|claims: Vec<Claim>| {
    let mut t = String::from(
        "[event]\nid = \"gen\"\ntitle = \"t\"\ndate = \"2021-11-16\"\nplace = \"p\"\nsides = [\"armenia\", \"azerbaijan\"]\nsummary = \"s\"\n\n[[document]]\nid = \"d\"\noutlet = \"o\"\nlanguage = \"en\"\n\n[[proposition]]\nid = \"p0\"\ntext = \"a\"\nexcludes = [\"p1\"]\n\n[[proposition]]\nid = \"p1\"\ntext = \"b\"\n\n[[proposition]]\nid = \"p2\"\ntext = \"c\"\nkind = \"appeal\"\n",
    );
    for (i, c) in claims.iter().take(64).enumerate() {
        let said = match c.time {
            Some((h, m)) => format!("2021-11-{:02}T{:02}:{:02}", 1 + c.day % 28, h % 24, m % 60),
            None => format!("2021-11-{:02}", 1 + c.day % 28),
        };
        let origin = c.origin.map_or(String::new(), |o| format!("origin = \"{}\"\n", pick(&SOURCES, o)));
        let n1 = c.n1 % (i64::MAX as u64);
        let n2 = c.n2 % (i64::MAX as u64);
        let assertion = match c.kind % 3 {
            0 => {
                let q = match c.form % 6 {
                    0 => format!("exact = {n1}"),
                    1 => format!("at_least = {n1}"),
                    2 => format!("at_most = {n1}"),
                    3 => format!("about = {n1}"),
                    4 => format!("range = [{}, {}]", n1.min(n2), n1.max(n2)),
                    _ => format!("vague = \"{}\"", pick(&WORDS, c.word)),
                };
                format!("figure = {{ party = \"{}\", metric = \"{}\", {q} }}", pick(&PARTIES, c.party), pick(&METRICS, c.metric))
            }
            1 => format!(
                "accusation = {{ accused = \"{}\", act = \"{}\", denies = {} }}",
                pick(&PARTIES, c.party),
                pick(&ACTS, c.act),
                c.denies
            ),
            _ => format!(
                "position = {{ proposition = \"p{}\", stance = \"{}\" }}",
                c.proposition % 3,
                if c.affirms { "affirms" } else { "denies" }
            ),
        };
        t.push_str(&format!(
            "\n[[claim]]\nid = \"c{i}\"\nsource = \"{}\"\n{origin}said = \"{said}\"\nvia = \"statement\"\ndocument = \"d\"\nquote = {}\nlanguage = \"en\"\nhedged = {}\n{assertion}\n",
            pick(&SOURCES, c.source),
            toml_string(&c.quote),
            c.hedged
        ));
    }
    let problems = claims::exercise::all(t.as_bytes());
    assert_eq!(problems, 0, "a valid generated dataset was refused:\n{t}");
});
