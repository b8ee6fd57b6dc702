//! The fuzz target's path on stable: kept fuzz inputs as regression tests, and
//! proptest-generated datasets through loading, comparison and every renderer.

use claims::exercise;
use proptest::prelude::*;

#[test]
fn kept_fuzz_inputs_do_not_panic() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fuzz-regressions");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "md") {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        exercise::all(&bytes);
        n += 1;
    }
    assert!(n >= 1);
}

#[test]
fn the_shipped_events_go_through_every_renderer_cleanly() {
    for name in ["kilisali-2021", "tavush-2020", "september-2022"] {
        let path = format!("{}/data/{name}.toml", env!("CARGO_MANIFEST_DIR"));
        let bytes = std::fs::read(path).unwrap();
        // Document texts are resolved relative to the file; only their check may complain.
        let checked = claims::load::check_text(&format!("data/{name}.toml"), &bytes);
        assert!(
            checked
                .diagnostics
                .iter()
                .all(|d| d.message.contains("document text")),
            "{name}"
        );
    }
}

const SOURCES: [&str; 8] = [
    "armenia-mod",
    "armenia",
    "azerbaijan-mod",
    "azerbaijan",
    "kremlin",
    "interfax",
    "us-state-department",
    "overt-defense",
];
const PARTIES: [&str; 3] = ["armenia", "azerbaijan", "russia"];
const METRICS: [&str; 5] = [
    "killed",
    "wounded",
    "killed-or-wounded",
    "captured",
    "territory-occupied",
];
const ACTS: [&str; 3] = ["started-fighting", "disinformation", "encroachment"];

fn quantity() -> impl Strategy<Value = String> {
    let n = 0i64..=i64::MAX;
    prop_oneof![
        n.clone().prop_map(|v| format!("exact = {v}")),
        n.clone().prop_map(|v| format!("at_least = {v}")),
        n.clone().prop_map(|v| format!("at_most = {v}")),
        (0i64..1_000_000_000).prop_map(|v| format!("about = {v}")),
        (n.clone(), n).prop_map(|(a, b)| format!("range = [{}, {}]", a.min(b), a.max(b))),
        prop::sample::select(vec![
            "some",
            "significant",
            "few",
            "several",
            "dozens",
            "hundreds"
        ])
        .prop_map(|w| format!("vague = \"{w}\"")),
    ]
}

fn date() -> impl Strategy<Value = String> {
    prop_oneof![
        (2020u32..2023, 1u32..13, 1u32..29).prop_map(|(y, m, d)| format!("{y}-{m:02}-{d:02}")),
        (2020u32..2023, 1u32..13).prop_map(|(y, m)| format!("{y}-{m:02}")),
        (1u32..29, 0u32..24, 0u32..60)
            .prop_map(|(d, h, mi)| format!("2021-11-{d:02}T{h:02}:{mi:02}")),
        (1u32..20, 0u32..9).prop_map(|(d, k)| format!("2021-11-{d:02}/2021-11-{:02}", d + k)),
        (1u32..29).prop_map(|d| format!("by 2021-11-{d:02}")),
    ]
}

fn assertion() -> impl Strategy<Value = String> {
    prop_oneof![
        (
            prop::sample::select(PARTIES.to_vec()),
            prop::sample::select(METRICS.to_vec()),
            quantity()
        )
            .prop_map(|(p, m, q)| {
                let unit = if m == "territory-occupied" {
                    ", unit = \"km²\""
                } else {
                    ""
                };
                format!("figure = {{ party = \"{p}\", metric = \"{m}\", {q}{unit} }}")
            }),
        (
            prop::sample::select(PARTIES.to_vec()),
            prop::sample::select(ACTS.to_vec()),
            any::<bool>(),
            prop::option::of(date())
        )
            .prop_map(|(p, a, d, at)| {
                let at = at.map_or(String::new(), |t| format!(", at = \"{t}\""));
                format!("accusation = {{ accused = \"{p}\", act = \"{a}\", denies = {d}{at} }}")
            }),
        (0usize..3, any::<bool>()).prop_map(|(i, aff)| {
            let stance = if aff { "affirms" } else { "denies" };
            format!("position = {{ proposition = \"prop-{i}\", stance = \"{stance}\" }}")
        }),
    ]
}

/// source, origin, said, quote, hedged, assertion
type GenClaim = (String, Option<String>, String, String, bool, String);

fn claim() -> impl Strategy<Value = GenClaim> {
    (
        prop::sample::select(SOURCES.to_vec()).prop_map(str::to_string),
        prop::option::of(prop::sample::select(SOURCES.to_vec()).prop_map(str::to_string)),
        date(),
        "[ -~éà«»’\u{202e}\u{1b}]{0,40}",
        any::<bool>(),
        assertion(),
    )
}

fn dataset(claims: &[GenClaim]) -> String {
    let mut t = String::from(
        "[event]\nid = \"gen\"\ntitle = \"Generated\"\ndate = \"2021-11-16\"\nplace = \"x\"\nsides = [\"armenia\", \"azerbaijan\"]\nsummary = \"x\"\n\n[[document]]\nid = \"d\"\ntitle = \"d\"\noutlet = \"d\"\nlanguage = \"en\"\n\n[[proposition]]\nid = \"prop-0\"\ntext = \"zero\"\nexcludes = [\"prop-1\"]\n\n[[proposition]]\nid = \"prop-1\"\ntext = \"one\"\n\n[[proposition]]\nid = \"prop-2\"\ntext = \"two\"\nkind = \"appeal\"\n",
    );
    for (i, (source, origin, said, quote, hedged, assertion)) in claims.iter().enumerate() {
        let origin = origin
            .as_ref()
            .map_or(String::new(), |o| format!("origin = \"{o}\"\n"));
        // A TOML basic string: escape what TOML requires.
        let quote: String = quote
            .chars()
            .map(|c| match c {
                '"' => "\\\"".to_string(),
                '\\' => "\\\\".to_string(),
                c if c.is_control() => format!("\\u{:04X}", c as u32),
                c => c.to_string(),
            })
            .collect();
        t.push_str(&format!(
            "\n[[claim]]\nid = \"c{i}\"\nsource = \"{source}\"\n{origin}said = \"{said}\"\nvia = \"statement\"\ndocument = \"d\"\nquote = \"q{quote}\"\nlanguage = \"en\"\nhedged = {hedged}\n{assertion}\n"
        ));
    }
    t
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn generated_datasets_load_compare_and_render(claims in prop::collection::vec(claim(), 1..25)) {
        let text = dataset(&claims);
        let problems = exercise::all(text.as_bytes());
        prop_assert_eq!(problems, 0, "{}", text);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        exercise::all(&bytes);
    }

    #[test]
    fn mutated_shipped_data_never_panics(pos in 0usize..20_000, byte in any::<u8>()) {
        let mut bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/data/tavush-2020.toml")).unwrap();
        let at = pos % bytes.len();
        bytes[at] = byte;
        exercise::all(&bytes);
    }
}

proptest! {
    #[test]
    fn dates_never_panic(text in "(by )?[0-9]{0,5}(-[0-9é]{0,3}){0,3}(T[0-9:é]{0,9})?([+-Z][0-9:é]{0,6})?(/[0-9T:+-]{0,20})?") {
        let _ = claims::model::when::parse_when(&text);
    }

    #[test]
    fn any_text_as_a_date_never_panics(text in "\\PC{0,40}") {
        let _ = claims::model::when::parse_when(&text);
    }
}
