//! The legend's words (issue 22, rule 8): "its own losses" only when every
//! figure row counts losses; a table of a party's forces reads "about itself".

mod common;
use common::*;

fn legend_of(metric: &str) -> String {
    let dir = folder(&[(
        "test-event.toml",
        &event_file(&[
            claim(
                "own",
                "armenia-mod",
                "2021-11-16",
                &fig("armenia", metric, "exact = 40"),
                "",
            ),
            claim(
                "adv",
                "azerbaijan-mod",
                "2021-11-16",
                &fig("armenia", metric, "exact = 400"),
                "",
            ),
        ]),
    )]);
    let out = Claims::new()
        .data(dir.path())
        .args(["compare", "test-event"])
        .run();
    assert_eq!(out.code, 0, "{out:?}");
    let out = out.stdout;
    out.lines()
        .find(|l| l.starts_with("own = "))
        .unwrap_or_else(|| panic!("no legend in {out}"))
        .to_string()
}

#[test]
fn a_table_of_losses_says_losses() {
    assert!(legend_of("killed").contains("its own losses"));
}

#[test]
fn a_table_of_forces_never_calls_them_losses() {
    let legend = legend_of("troops-engaged");
    assert!(!legend.contains("losses"), "{legend}");
    assert!(legend.contains("about itself"), "{legend}");
}

#[test]
fn a_table_of_both_says_both() {
    let dir = folder(&[(
        "test-event.toml",
        &event_file(&[
            claim(
                "k",
                "armenia-mod",
                "2021-11-16",
                &fig("armenia", "killed", "exact = 4"),
                "",
            ),
            claim(
                "t",
                "armenia-mod",
                "2021-11-16",
                &fig("armenia", "troops-engaged", "exact = 40"),
                "",
            ),
        ]),
    )]);
    let out = Claims::new()
        .data(dir.path())
        .args(["compare", "test-event"])
        .run();
    assert!(
        out.stdout
            .contains("own = a party's report about itself (its losses or its forces)"),
        "{out:?}"
    );
}

#[test]
fn the_vocabulary_says_which_metrics_count_losses() {
    let out = output(&["vocab", "metrics", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let losses = |id: &str| {
        v["metrics"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|m| m["id"] == id)
            .map(|m| m["losses"].clone())
    };
    assert_eq!(losses("killed"), Some(serde_json::json!(true)), "{v}");
    assert_eq!(
        losses("troops-engaged"),
        Some(serde_json::json!(false)),
        "{v}"
    );
}
