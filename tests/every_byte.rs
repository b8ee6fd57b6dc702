//! Order independence, every byte (issue 22, rule 9): the same data in
//! files of other names, read in another order, its claims in another
//! order and in other files, gives the same output from every command in
//! every format. Propositions, questions, acts and places are spread over
//! two files; a definition's place among its kind in its file is the
//! data's own order (the vocabulary's), and is kept.

mod common;
use common::*;
use proptest::prelude::*;

const SOURCES: [&str; 6] = [
    "armenia-mod",
    "armenia-pm",
    "azerbaijan-mod",
    "kremlin",
    "afp",
    "armenian-times",
];
const DATES: [&str; 5] = [
    "2021-11-15",
    "2021-11-16",
    "by 2021-11-17",
    "2021-11-17T10:00",
    "2021-11-19",
];
const METRICS: [&str; 4] = ["killed", "wounded", "killed-or-wounded", "captured"];
const ACTS: [&str; 3] = ["shelled-first", "staged-raids", "mined-roads"];
const PROPOSITIONS: [&str; 4] = ["p", "q", "r", "s"];
const PLACES: [&str; 3] = ["hill", "village", "region"];

/// Definitions, one item each, so that every one can go to any file.
fn definitions() -> Vec<String> {
    let mut out = vec![
        "[event]\nid = \"test-event\"\ntitle = \"T\"\ndate = \"2021-11-16/2021-11-17\"\nplace = \"a border\"\n\
         summary = \"S\"\nsides = [\"armenia\", \"azerbaijan\"]\n"
            .to_string(),
        "[[document]]\nid = \"doc\"\noutlet = \"Outlet\"\nlanguage = \"en\"\n".to_string(),
        "[[proposition]]\nid = \"p\"\ntext = \"P holds\"\nexcludes = [\"q\"]\n".to_string(),
        "[[proposition]]\nid = \"q\"\ntext = \"Q holds\"\n".to_string(),
        "[[proposition]]\nid = \"r\"\ntext = \"Calm, please\"\nkind = \"appeal\"\n".to_string(),
        "[[proposition]]\nid = \"s\"\ntext = \"Withdraw\"\nkind = \"demand\"\naddressee = \"azerbaijan\"\n"
            .to_string(),
        "[[question]]\nid = \"who-began\"\nlabel = \"who began it\"\nacts = [\"shelled-first\", \"staged-raids\"]\n"
            .to_string(),
        "[[place]]\nid = \"region\"\nname = \"The Region\"\n".to_string(),
        "[[place]]\nid = \"hill\"\nname = \"Hill 7\"\nwithin = \"region\"\n".to_string(),
        "[[place]]\nid = \"village\"\nname = \"Far Village\"\n".to_string(),
    ];
    for (act, label) in ACTS
        .iter()
        .zip(["shelled first", "staged raids", "mined the roads"])
    {
        out.push(format!("[[act]]\nid = \"{act}\"\nlabel = \"{label}\"\n"));
    }
    out
}

#[derive(Debug, Clone)]
struct Gen {
    source: usize,
    date: usize,
    origin: Option<usize>,
    place: Option<usize>,
    /// 0: figure, 1: accusation, 2: position.
    what: usize,
    a: usize,
    b: usize,
    n: u32,
    flag: bool,
}

fn one() -> impl Strategy<Value = Gen> {
    (
        (0usize..6, 0usize..5),
        proptest::option::weighted(0.2, 0usize..6),
        proptest::option::weighted(0.3, 0usize..3),
        (0usize..3, 0usize..4, 0usize..4),
        (0u32..80, any::<bool>()),
    )
        .prop_map(
            |((source, date), origin, place, (what, a, b), (n, flag))| Gen {
                source,
                date,
                origin: origin.filter(|o| *o != source),
                place,
                what,
                a,
                b,
                n,
                flag,
            },
        )
}

fn toml(id: usize, g: &Gen) -> String {
    let assertion = match g.what {
        0 => {
            let party = ["armenia", "azerbaijan", "armenia", "azerbaijan"][g.a];
            let q = if g.flag { "exact" } else { "about" };
            fig(party, METRICS[g.b], &format!("{q} = {}", g.n))
        }
        1 => match (g.a, g.flag) {
            (3, _) => format!("accusation = {{ act = \"{}\" }}", ACTS[g.b % 3]),
            (a, denies) => acc_with(
                ["armenia", "azerbaijan", "turkey"][a],
                ACTS[g.b % 3],
                if denies { ", denies = true" } else { "" },
            ),
        },
        _ => format!(
            "position = {{ proposition = \"{}\", stance = \"{}\" }}",
            PROPOSITIONS[g.a],
            if g.flag { "affirms" } else { "denies" }
        ),
    };
    let mut extra = String::new();
    if let Some(o) = g.origin {
        extra.push_str(&format!("origin = \"{}\"\n", SOURCES[o]));
    }
    if let Some(p) = g.place {
        extra.push_str(&format!("place = \"{}\"\n", PLACES[p]));
    }
    let text = claim(
        &format!("c{id}"),
        SOURCES[g.source],
        DATES[g.date],
        &assertion,
        &extra,
    );
    text.replace("\nsaid", "\nevent = \"test-event\"\nsaid")
}

/// The items (definitions, then claims) written to `files.len()` files:
/// item i to file `layout[i]`, in the order given.
fn write(items: &[String], layout: &[usize], files: &[&str]) -> tempfile::TempDir {
    let mut texts: Vec<String> = files.iter().map(|_| String::new()).collect();
    for (item, &f) in items.iter().zip(layout) {
        texts[f].push('\n');
        texts[f].push_str(item);
    }
    let named: Vec<(&str, &str)> = files
        .iter()
        .copied()
        .zip(texts.iter().map(String::as_str))
        .collect();
    folder(&named)
}

/// Every command and format whose output must not depend on the layout.
const RUNS: &[&[&str]] = &[
    &["compare", "test-event"],
    &["compare", "test-event", "--format", "json"],
    &["compare", "test-event", "--format", "csv"],
    &["compare", "test-event", "--format", "tsv"],
    &["compare", "test-event", "--format", "markdown"],
    &["compare", "test-event", "--format", "html"],
    &[
        "compare",
        "test-event",
        "--by",
        "party",
        "--history",
        "--format",
        "json",
    ],
    &[
        "compare",
        "test-event",
        "--by",
        "side",
        "--reconcile",
        "range",
    ],
    &["compare", "test-event", "--long", "--format", "csv"],
    &["report", "test-event"],
    &["report", "test-event", "--format", "html"],
    &["list"],
    &["list", "--format", "json"],
    &["list", "--format", "csv"],
    &["show", "c0", "--format", "json"],
    &["show", "c0"],
    &["stats"],
    &["stats", "--format", "json"],
    &["events", "--format", "json"],
    &["sources", "--format", "json"],
    &["documents", "--format", "json"],
    &["vocab", "--format", "json"],
    &["check", "--format", "json"],
];

fn outputs(dir: &tempfile::TempDir) -> Vec<(String, String)> {
    let path = dir.path().to_string_lossy().to_string();
    let name = dir
        .path()
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    RUNS.iter()
        .map(|args| {
            let out = Claims::new()
                .data(dir.path())
                .args(args.iter().copied())
                .run();
            assert!(!out.stderr.contains("panicked"), "{out:?}");
            let all = format!("{}\n--- {}\n{}", out.code, out.stdout, out.stderr);
            (
                args.join(" "),
                all.replace(&path, "DATA").replace(&name, "DATA"),
            )
        })
        .collect()
}

fn cases(default: u32) -> ProptestConfig {
    let n = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok());
    ProptestConfig::with_cases(n.unwrap_or(default))
}

proptest! {
    #![proptest_config(cases(6))]

    #[test]
    fn no_output_depends_on_file_names_file_order_or_claim_order(
        claims in proptest::collection::vec(one(), 1..12),
        seed in any::<u64>(),
    ) {
        // Definitions in two files, in their order; claims among them.
        let defs = definitions();
        let d = defs.len();
        let mut items = defs.clone();
        items.extend(claims.iter().enumerate().map(|(i, g)| toml(i, g)));
        let n = items.len();
        let first: Vec<usize> = (0..n)
            .map(|i| if i < d { usize::from(i >= d / 2) } else { i % 3 })
            .collect();
        let a = write(&items, &first, &["a.toml", "b.toml", "c.toml"]);
        // Another layout: the same two groups of definitions in files of
        // other names read in the other order, and the claims reversed,
        // rotated and spread over a third file too.
        let mut claims_moved: Vec<usize> = (d..n).rev().collect();
        claims_moved.rotate_left((seed as usize) % (n - d));
        let order: Vec<usize> = (0..d).chain(claims_moved).collect();
        let moved: Vec<String> = order.iter().map(|&i| items[i].clone()).collect();
        let moved_layout: Vec<usize> = order
            .iter()
            .map(|&i| if i < d { first[i] } else { ((seed as usize) >> (i % 32)) % 3 })
            .collect();
        let b = write(&moved, &moved_layout, &["zz.toml", "m.toml", "0.toml"]);
        for ((args, x), (_, y)) in outputs(&a).iter().zip(outputs(&b)) {
            prop_assert_eq!(x, &y, "`claims {}` differs", args);
        }
    }
}

#[test]
fn regression_renaming_a_file_does_not_reorder_statement_rows() {
    // Propositions defined in two files: their rows once came in file order.
    let event = event_file(&[
        claim(
            "x",
            "armenia-mod",
            "2021-11-16",
            "position = { proposition = \"later\", stance = \"affirms\" }",
            "",
        ),
        claim(
            "y",
            "kremlin",
            "2021-11-16",
            "position = { proposition = \"sooner\", stance = \"affirms\" }",
            "",
        ),
    ]);
    let one = "[[proposition]]\nid = \"sooner\"\ntext = \"Sooner\"\n";
    let two = "[[proposition]]\nid = \"later\"\ntext = \"Later\"\n";
    let ids = |names: [&str; 3]| {
        let dir = folder(&[(names[0], &event), (names[1], one), (names[2], two)]);
        let v = compare_json(dir.path(), &[]);
        let rows = v["statements"].as_array().cloned().unwrap_or_default();
        rows.iter().map(|r| r["id"].to_string()).collect::<Vec<_>>()
    };
    let before = ids(["e.toml", "a.toml", "b.toml"]);
    assert_eq!(before.len(), 2, "{before:?}");
    assert_eq!(before, ids(["e.toml", "z.toml", "b.toml"]));
}
