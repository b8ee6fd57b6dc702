//! One speaker per cell (issue 22, rule 3): a figure a source relays from
//! another is its origin's voice, shown in the relay's column marked as
//! relayed, never summed with the relay's own figures and never read as
//! statements of one voice the data cannot order.

mod common;
use common::*;

fn relayed(id: &str, relay: &str, origin: &str, assertion: &str) -> String {
    claim(
        id,
        relay,
        "2021-11-16",
        assertion,
        &format!("origin = \"{origin}\"\n"),
    )
}

fn ministry_relaying_its_adversary() -> tempfile::TempDir {
    folder(&[(
        "test-event.toml",
        &event_file(&[
            claim(
                "own-k",
                "armenia-mod",
                "2021-11-16",
                &fig("armenia", "killed", "exact = 28"),
                "",
            ),
            claim(
                "own-w",
                "armenia-mod",
                "2021-11-16",
                &fig("armenia", "wounded", "exact = 10"),
                "",
            ),
            relayed(
                "relay",
                "armenia-mod",
                "azerbaijan-mod",
                &fig("armenia", "killed", "exact = 250"),
            ),
            claim(
                "adv",
                "azerbaijan-mod",
                "2021-11-16",
                &fig("armenia", "killed-or-wounded", "about = 40"),
                "",
            ),
        ]),
    )])
}

#[test]
fn a_relayed_figure_is_never_summed_with_the_relays_own() {
    let dir = ministry_relaying_its_adversary();
    let v = compare_json(dir.path(), &[]);
    let row = figure_row(&v, "armenia", "killed-or-wounded");
    // The ministry's own parts only: 28 + 10, not (28 or 250) + 10.
    assert_eq!(
        cell_texts(&row["cells"]["armenia-mod"]),
        ["28 + 10 = 38"],
        "{row}"
    );
    // Its own 38 against the adversary's about 40: no false conflict.
    assert_eq!(row["verdict"]["verdict"], "consistent", "{row}");
}

#[test]
fn a_relayed_figure_sits_apart_in_the_relays_column() {
    let dir = ministry_relaying_its_adversary();
    let v = compare_json(dir.path(), &[]);
    let row = figure_row(&v, "armenia", "killed");
    let cell = &row["cells"]["armenia-mod"];
    assert_eq!(cell_texts(cell), ["28", "250"], "{row}");
    let relay = &cell[1];
    assert_eq!(relay["claims"][0]["origin"], "azerbaijan-mod", "{relay}");
    assert_eq!(relay["perspective"], "adversary", "{relay}");
    // Two voices, not one voice's statements of unknown order.
    let table = Claims::new()
        .data(dir.path())
        .args(["compare", "test-event"])
        .succeeds()
        .stdout;
    assert!(!table.contains("order unknown"), "{table}");
    assert!(table.contains("relaying Az. MoD"), "{table}");
}

#[test]
fn a_relay_of_parts_alone_shows_them_and_derives_no_sum() {
    // A news agency relays the ministry's killed; the ministry itself gives
    // the composite: the agency's column shows no sum of its own making.
    let dir = folder(&[(
        "test-event.toml",
        &event_file(&[
            relayed(
                "relay",
                "afp",
                "armenia-mod",
                &fig("armenia", "killed", "exact = 12"),
            ),
            claim(
                "own",
                "armenia-mod",
                "2021-11-16",
                &fig("armenia", "killed-or-wounded", "exact = 20"),
                "",
            ),
        ]),
    )]);
    let v = compare_json(dir.path(), &[]);
    let row = figure_row(&v, "armenia", "killed-or-wounded");
    assert!(row["cells"]["afp"].is_null(), "{row}");
    let killed = figure_row(&v, "armenia", "killed");
    assert_eq!(cell_texts(&killed["cells"]["afp"]), ["12"], "{killed}");
}

/// Under `--by side`, an outlet of the side relaying the side's own
/// ministry is that ministry speaking within the side: its later figure
/// revises the ministry's earlier one in the one cell, not beside it.
#[test]
fn a_relay_within_one_merged_side_revises_its_origin_in_one_cell() {
    let dir = folder(&[(
        "test-event.toml",
        &event_file(&[
            claim(
                "mod-w",
                "armenia-mod",
                "2021-11-16T10:00",
                &fig("armenia", "wounded", "exact = 8"),
                "",
            ),
            claim(
                "relay-w",
                "armenian-times",
                "2021-11-16T12:00",
                &fig("armenia", "wounded", "exact = 10"),
                "origin = \"armenia-mod\"\n",
            ),
        ]),
    )]);
    let v = compare_json(dir.path(), &["--by", "side"]);
    let row = figure_row(&v, "armenia", "wounded");
    let texts = cell_texts(&row["cells"]["armenia"]);
    assert_eq!(texts.len(), 1, "{texts:?}");
    assert!(texts[0].starts_with("10"), "{texts:?}");
}
