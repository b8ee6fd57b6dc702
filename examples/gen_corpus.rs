//! Writes a synthetic corpus in the real data format, for benchmarks:
//! `cargo run --release --example gen_corpus -- OUT_DIR EVENTS CLAIMS_PER_EVENT [SEED] [--force]`.
//!
//! One file per event. A realistic mix: about 60% figures, 25% accusations,
//! 15% positions; eight sources of both sides and third parties; revisions of
//! the same figure over days; quotes in several scripts. The same seed gives
//! the same bytes. It refuses to write into a folder that already holds files
//! unless `--force` is given.

use std::fmt::Write as _;
use std::fs;
use std::path::PathBuf;
use std::process::ExitCode;

/// SplitMix64: small, fast, and deterministic across platforms.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

const SOURCES: [&str; 8] = [
    "armenia-mod",
    "armenia",
    "armenia-pm",
    "azerbaijan-mod",
    "azerbaijan",
    "kremlin",
    "interfax",
    "us-state-department",
];
const PARTIES: [&str; 2] = ["armenia", "azerbaijan"];
const METRICS: [&str; 6] = [
    "killed",
    "wounded",
    "killed-or-wounded",
    "captured",
    "missing",
    "armoured-vehicles-destroyed",
];
const ACTS: [&str; 4] = [
    "started-fighting",
    "disinformation",
    "encroachment",
    "ceasefire-violation",
];
const VAGUE: [&str; 4] = ["some", "several", "dozens", "hundreds"];
const PHRASES: [&str; 8] = [
    "Selon le ministère, les forces ont riposté à l’attaque",
    "Հայաստանի ՊՆ հայտարարությունը սահմանի մասին",
    "Azərbaycan Müdafiə Nazirliyi məlumat yayıb",
    "По данным министерства обороны, огонь прекращён",
    "The ministry said troops came under fire near the border",
    "Des séquences vidéo montreraient des tirs d’artillerie",
    "Սահմանին իրավիճակը լարված է, կան զոհեր",
    "Sərhəddə vəziyyət gərgin olaraq qalır",
];

fn usage() -> ExitCode {
    eprintln!("usage: gen_corpus OUT_DIR EVENTS CLAIMS_PER_EVENT [SEED] [--force]");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let force = args.iter().any(|a| a == "--force");
    args.retain(|a| a != "--force");
    if args.len() < 3 || args.len() > 4 {
        return usage();
    }
    let out = PathBuf::from(&args[0]);
    let (Ok(events), Ok(per_event)) = (args[1].parse::<usize>(), args[2].parse::<usize>()) else {
        return usage();
    };
    let seed = args
        .get(3)
        .and_then(|s| s.parse().ok())
        .unwrap_or(20211116u64);
    if let Ok(mut entries) = fs::read_dir(&out) {
        if entries.next().is_some() && !force {
            eprintln!(
                "gen_corpus: {} is not empty; give --force to write into it",
                out.display()
            );
            return ExitCode::from(2);
        }
    }
    if let Err(e) = fs::create_dir_all(&out) {
        eprintln!("gen_corpus: cannot create {}: {e}", out.display());
        return ExitCode::from(2);
    }
    let mut bytes = 0usize;
    for e in 1..=events {
        let mut rng = Rng(seed ^ (e as u64).wrapping_mul(0xA076_1D64_78BD_642F));
        let text = event_file(&mut rng, e, per_event);
        bytes += text.len();
        let path = out.join(format!("ev-{e:06}.toml"));
        if path.exists() && !force {
            eprintln!(
                "gen_corpus: {} exists; give --force to overwrite",
                path.display()
            );
            return ExitCode::from(2);
        }
        if let Err(err) = fs::write(&path, text) {
            eprintln!("gen_corpus: cannot write {}: {err}", path.display());
            return ExitCode::from(2);
        }
    }
    println!(
        "wrote {events} events × {per_event} claims ({} claims, {:.1} MB) to {}",
        events * per_event,
        bytes as f64 / 1e6,
        out.display()
    );
    ExitCode::SUCCESS
}

fn event_file(rng: &mut Rng, e: usize, per_event: usize) -> String {
    let id = format!("ev-{e:06}");
    let month = 1 + rng.below(12);
    let day = 1 + rng.below(20);
    let mut t = String::with_capacity(per_event * 300 + 1024);
    let _ = write!(
        t,
        "[event]\nid = \"{id}\"\ntitle = \"Generated clash {e}\"\ndate = \"2021-{month:02}-{day:02}\"\n\
         place = \"Sector {}\"\nsides = [\"armenia\", \"azerbaijan\"]\nsummary = \"Synthetic event for benchmarks.\"\n",
        rng.below(90)
    );
    for d in 1..=3 {
        let _ = write!(
            t,
            "\n[[document]]\nid = \"{id}-doc-{d}\"\ntitle = \"Report {d} on clash {e}\"\noutlet = \"Agency {d}\"\n\
             url = \"https://example.org/{id}/{d}\"\npublished = \"2021-{month:02}-{:02}\"\nlanguage = \"fr\"\n",
            day + d
        );
    }
    let _ = write!(
        t,
        "\n[[proposition]]\nid = \"{id}-p1\"\ntext = \"Fire stopped at 18:30\"\nexcludes = [\"{id}-p2\"]\n\
         \n[[proposition]]\nid = \"{id}-p2\"\ntext = \"Fighting went on through the night\"\n\
         \n[[proposition]]\nid = \"{id}-p3\"\ntext = \"Both sides should show restraint\"\nkind = \"appeal\"\n"
    );
    for c in 1..=per_event {
        let source = rng.pick(&SOURCES);
        // Revisions: later claims of a source tend to be later in time.
        let d = day + (c * 3 / per_event.max(1)) as u64;
        let hour = rng.below(24);
        let minute = rng.below(60);
        let doc = 1 + rng.below(3);
        let phrase = rng.pick(&PHRASES);
        let hedged = rng.below(10) == 0;
        let _ = write!(
            t,
            "\n[[claim]]\nid = \"{id}-c{c:06}\"\nsource = \"{source}\"\nsaid = \"2021-{month:02}-{d:02}T{hour:02}:{minute:02}\"\n\
             via = \"statement\"\ndocument = \"{id}-doc-{doc}\"\nquote = \"{phrase} ({c})\"\nlanguage = \"fr\"\n"
        );
        if hedged {
            t.push_str("hedged = true\n");
        }
        let kind = rng.below(100);
        if kind < 60 {
            let party = rng.pick(&PARTIES);
            let metric = rng.pick(&METRICS);
            let n = rng.below(200);
            let q = match rng.below(10) {
                0 => format!("at_least = {n}"),
                1 => format!("at_most = {n}"),
                2 => format!("about = {n}"),
                3 => format!("range = [{n}, {}]", n + rng.below(50)),
                4 => format!("vague = \"{}\"", rng.pick(&VAGUE)),
                _ => format!("exact = {n}"),
            };
            let _ = writeln!(
                t,
                "figure = {{ party = \"{party}\", metric = \"{metric}\", {q} }}"
            );
        } else if kind < 85 {
            let accused = rng.pick(&PARTIES);
            let act = rng.pick(&ACTS);
            let denies = rng.below(6) == 0;
            let _ = writeln!(
                t,
                "accusation = {{ accused = \"{accused}\", act = \"{act}\", denies = {denies} }}"
            );
        } else {
            let p = 1 + rng.below(3);
            let stance = if rng.below(4) == 0 {
                "denies"
            } else {
                "affirms"
            };
            let _ = writeln!(
                t,
                "position = {{ proposition = \"{id}-p{p}\", stance = \"{stance}\" }}"
            );
        }
    }
    t
}
