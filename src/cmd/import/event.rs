//! What a sheet may bring beyond claims: the event itself (`event_title`,
//! `event_date`, `event_place`, `event_zone`, `event_sides`, `event_summary` on its rows)
//! and the propositions its positions take (`proposition_text`,
//! `proposition_kind`), when the data does not define them yet.

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;

use super::sheet::{quoted, Problem, Row};

/// Columns a sheet may have to make its event and propositions.
pub const EVENT_COLUMNS: [&str; 8] = [
    "event_title",
    "event_date",
    "event_place",
    "event_zone",
    "event_sides",
    "event_summary",
    "proposition_text",
    "proposition_kind",
];

/// The `[event]` table of the one event the data does not know, from the
/// first row giving each field; `None` when every event is known or no row
/// describes the new one (the check then names it as unknown).
pub fn event(
    rows: &[Row],
    known: &HashSet<String>,
    problems: &mut Vec<Problem>,
) -> Option<(usize, String)> {
    let new: Vec<&Row> = rows
        .iter()
        .filter(|r| r.get("event").is_some_and(|e| !known.contains(e)))
        .filter(|r| r.get("event_title").is_some() || r.get("event_date").is_some())
        .collect();
    let first = new.first()?;
    let id = first.get("event").unwrap_or_default();
    if let Some(other) = new.iter().find(|r| r.get("event") != Some(id)) {
        problems.push(Problem {
            row: other.number,
            column: "event".into(),
            message: format!(
                "a sheet makes one new event, and row {} makes `{id}`: import this one's rows separately",
                first.number
            ),
        });
        return None;
    }
    let field = |column: &str| new.iter().find_map(|r| r.get(column));
    let mut table = format!("[event]\nid = {}\n", quoted(id));
    for (key, column, example) in [
        ("title", "event_title", "Border clash near the village"),
        ("date", "event_date", "2024-05-01"),
        ("place", "event_place", "the border near the village"),
        ("summary", "event_summary", "One or two sentences."),
    ] {
        match field(column) {
            Some(v) => {
                let _ = writeln!(table, "{key} = {}", quoted(v));
            }
            None => problems.push(Problem {
                row: first.number,
                column: column.into(),
                message: format!("the new event `{id}` needs `{column}`, such as \"{example}\""),
            }),
        }
    }
    // The region's clock (`+04:00`): the check of the written file refuses
    // anything that is not an offset, at this row.
    if let Some(zone) = field("event_zone") {
        let _ = writeln!(table, "zone = {}", quoted(zone));
    }
    if let Some(sides) = field("event_sides") {
        let ids: Vec<String> = sides
            .split([',', ';', '+'])
            .map(|s| quoted(&s.trim().to_lowercase()))
            .filter(|s| s != "\"\"")
            .collect();
        let _ = writeln!(table, "sides = [{}]", ids.join(", "));
    }
    Some((first.number, format!("{table}\n")))
}

/// A `[[proposition]]` for each position whose proposition the data does
/// not define and whose row gives its text.
pub fn propositions(
    rows: &[Row],
    known: &HashSet<String>,
    problems: &mut Vec<Problem>,
) -> Vec<(usize, String)> {
    let mut made: BTreeMap<String, (usize, String)> = BTreeMap::new();
    for r in rows {
        let (Some(id), Some(text)) = (r.get("proposition"), r.get("proposition_text")) else {
            continue;
        };
        if known.contains(id) || made.contains_key(id) {
            continue;
        }
        let mut table = format!(
            "[[proposition]]\nid = {}\ntext = {}\n",
            quoted(id),
            quoted(text)
        );
        match r.get("proposition_kind") {
            None | Some("fact") => {}
            Some(kind @ ("appeal" | "demand")) => {
                let _ = writeln!(table, "kind = {}", quoted(kind));
            }
            Some(other) => problems.push(Problem {
                row: r.number,
                column: "proposition_kind".into(),
                message: format!("`{other}`: give fact, appeal or demand"),
            }),
        }
        made.insert(id.to_string(), (r.number, format!("{table}\n")));
    }
    made.into_values().collect()
}
