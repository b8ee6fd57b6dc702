//! Metrics that are not losses but transfers (issue 23): prisoners one
//! side released to the other, bodies handed over. A figure gives `from`
//! and `to`; a party to the transfer counting it is neither reporting its
//! losses nor making a claim about its adversary's.

mod common;
use common::*;

const METRICS: &str = r#"
[[metric]]
id = "prisoners-released"
label = "prisoners released"
kind = "transfer"
"#;

fn released(id: &str, source: &str, quantity: &str) -> String {
    let f = format!(
        "figure = {{ metric = \"prisoners-released\", from = \"azerbaijan\", to = \"armenia\", {quantity} }}"
    );
    claim(id, source, "2021-11-16", &f, "")
}

fn data(claims: &[String]) -> tempfile::TempDir {
    folder(&[
        ("metrics.toml", METRICS),
        ("test-event.toml", &event_file(claims)),
    ])
}

#[test]
fn a_party_to_a_transfer_is_neither_own_nor_adversary() {
    let dir = data(&[
        released("baku", "azerbaijan-mod", "exact = 10"),
        released("yerevan", "armenia-mod", "exact = 8"),
        released("afp", "afp", "exact = 10"),
    ]);
    let v = compare_json(dir.path(), &[]);
    let row = figure_row(&v, "azerbaijan→armenia", "prisoners-released");
    assert_eq!(
        row["cells"]["azerbaijan-mod"][0]["perspective"], "participant",
        "{row}"
    );
    assert_eq!(
        row["cells"]["armenia-mod"][0]["perspective"], "participant",
        "{row}"
    );
    assert_eq!(
        row["cells"]["afp"][0]["perspective"], "third-party",
        "{row}"
    );
    assert_eq!(
        row["parties"],
        serde_json::json!(["azerbaijan", "armenia"]),
        "{row}"
    );
    let table = Claims::new()
        .data(dir.path())
        .args(["compare", "test-event"])
        .run()
        .stdout;
    assert!(table.contains("Azerbaijan → Armenia"), "{table}");
    assert!(table.contains("party = a party to the transfer"), "{table}");
    assert!(!table.contains("report of its own losses"), "{table}");
}

#[test]
fn check_refuses_a_transfer_of_a_count_of_losses_and_half_a_transfer() {
    let wrong_metric = claim(
        "x",
        "armenia-mod",
        "2021-11-16",
        "figure = { metric = \"killed\", from = \"azerbaijan\", to = \"armenia\", exact = 3 }",
        "",
    );
    let out = Claims::new()
        .data(data(&[wrong_metric]).path())
        .args(["check"])
        .fails(2)
        .stdout;
    assert!(
        out.contains("metric `killed` counts losses, not a transfer"),
        "{out}"
    );
    assert!(out.contains("test-event.toml:"), "{out}");
    let half = claim(
        "y",
        "armenia-mod",
        "2021-11-16",
        "figure = { metric = \"prisoners-released\", from = \"azerbaijan\", exact = 3 }",
        "",
    );
    let out = Claims::new()
        .data(data(&[half]).path())
        .args(["check"])
        .fails(2)
        .stdout;
    assert!(
        out.contains("names the party that gave (`from`) and the one that received (`to`)"),
        "{out}"
    );
    let both = claim(
        "z",
        "armenia-mod",
        "2021-11-16",
        "figure = { metric = \"prisoners-released\", party = \"armenia\", from = \"azerbaijan\", to = \"armenia\", exact = 3 }",
        "",
    );
    let out = Claims::new()
        .data(data(&[both]).path())
        .args(["check"])
        .fails(2)
        .stdout;
    assert!(
        out.contains("gives `from` and `to` and whose losses"),
        "{out}"
    );
}

#[test]
fn list_writes_the_transfer_and_import_reads_it_back() {
    let dir = data(&[released("baku", "azerbaijan-mod", "exact = 10")]);
    let csv = Claims::new()
        .data(dir.path())
        .args(["list", "--format", "csv", "--columns", "claim,whose,metric"])
        .succeeds()
        .stdout;
    assert!(
        csv.contains("baku,azerbaijan→armenia,prisoners-released"),
        "{csv}"
    );
    let sheet = "claim,event,source,said,via,document,language,kind,quote,whose,metric,stated\n\
                 back,test-event,azerbaijan-mod,2021-11-17,statement,doc,en,figure,q,azerbaijan→armenia,prisoners-released,10\n";
    std::fs::write(dir.path().join("sheet.csv"), sheet).expect("written");
    let path = dir.path().join("sheet.csv");
    let toml = Claims::new()
        .data(dir.path())
        .args(["import", path.to_str().expect("a path")])
        .succeeds()
        .stdout;
    assert!(
        toml.contains("from = \"azerbaijan\", to = \"armenia\""),
        "{toml}"
    );
}
