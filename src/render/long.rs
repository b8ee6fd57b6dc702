//! `compare --long` as CSV or TSV: tidy, one row per (row, voice, entry),
//! with the verdict as a code and the gap as a number, for analysis in a
//! spreadsheet or a data frame. Taken from the comparison's JSON record, so
//! the two never disagree.

use std::io::{self, Write};

use serde_json::Value;

use super::delimited::RecordWriter;
use super::output::Style;
use crate::view::records::ComparisonRecord;

/// The columns, in order.
pub const COLUMNS: [&str; 23] = [
    "section",
    "row",
    "label",
    "party",
    "metric",
    "category",
    "unit",
    "column",
    "in_conflict",
    "says",
    "accused",
    "denies",
    "at",
    "stance",
    "low",
    "high",
    "perspective",
    "hedged",
    "derived",
    "claims",
    "verdict",
    "conflict",
    "ratio",
];

fn text(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// The claim ids an entry rests on, joined by spaces.
fn claim_ids(entry: &Value) -> String {
    let one = entry["claim"]["id"].as_str().map(str::to_string);
    let many = entry["claims"].as_array().map(|cs| {
        cs.iter()
            .filter_map(|c| c["id"].as_str())
            .collect::<Vec<_>>()
            .join(" ")
    });
    one.or(many).unwrap_or_default()
}

/// The rows of one figure or statement row: one per entry of each column.
fn rows_of(section: &str, row: &Value) -> Vec<Vec<String>> {
    let verdict = &row["verdict"];
    let participants: Vec<&str> = verdict["participants"]
        .as_array()
        .map(|p| p.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let (name, label) = match section {
        "figure" => (
            format!("{} · {}", text(&row["party"]), text(&row["metric"])),
            String::new(),
        ),
        _ => (text(&row["id"]), text(&row["label"])),
    };
    let section = if section == "figure" {
        "figure".to_string()
    } else {
        text(&row["kind"])
    };
    let mut out = Vec::new();
    let Some(cells) = row["cells"].as_object() else {
        return out;
    };
    for (column, entries) in cells {
        for e in entries.as_array().into_iter().flatten() {
            let says = if e["says"].is_null() {
                &e["text"]
            } else {
                &e["says"]
            };
            out.push(vec![
                section.clone(),
                name.clone(),
                label.clone(),
                text(&row["party"]),
                text(&row["metric"]),
                text(&row["category"]),
                text(&row["unit"]),
                column.clone(),
                participants.contains(&column.as_str()).to_string(),
                text(says),
                text(&e["accused"]),
                text(&e["denies"]),
                text(&e["at"]),
                text(&e["stance"]),
                text(&e["low"]),
                text(&e["high"]),
                text(&e["perspective"]),
                text(&e["hedged"]),
                text(&e["derived"]),
                claim_ids(e),
                text(&verdict["verdict"]),
                text(&verdict["conflict"]),
                text(&verdict["ratio"]),
            ]);
        }
    }
    out
}

pub fn write(
    out: &mut dyn Write,
    record: &ComparisonRecord,
    delimiter: u8,
    style: &Style,
) -> io::Result<()> {
    let value = serde_json::to_value(record)?;
    let mut w = RecordWriter::new(out, delimiter, style);
    w.header(&COLUMNS.map(String::from))?;
    for (section, key) in [("figure", "figures"), ("statement", "statements")] {
        for row in value[key].as_array().into_iter().flatten() {
            for cells in rows_of(section, row) {
                w.row(&cells)?;
            }
        }
    }
    w.flush()
}
