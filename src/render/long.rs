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

/// The rows of one figure or statement row: one per entry of each column,
/// each value as the JSON record has it (numbers stay numbers).
fn rows_of(section: &str, row: &Value) -> Vec<Vec<Value>> {
    let verdict = &row["verdict"];
    let participants: Vec<&str> = verdict["participants"]
        .as_array()
        .map(|p| p.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let (name, label) = match section {
        "figure" => (
            Value::from(format!(
                "{} · {}",
                text(&row["party"]),
                text(&row["metric"])
            )),
            Value::Null,
        ),
        _ => (row["id"].clone(), row["label"].clone()),
    };
    let section = if section == "figure" {
        Value::from("figure")
    } else {
        row["kind"].clone()
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
                row["party"].clone(),
                row["metric"].clone(),
                row["category"].clone(),
                row["unit"].clone(),
                Value::from(column.as_str()),
                Value::from(participants.contains(&column.as_str())),
                says.clone(),
                e["accused"].clone(),
                e["denies"].clone(),
                e["at"].clone(),
                e["stance"].clone(),
                e["low"].clone(),
                e["high"].clone(),
                e["perspective"].clone(),
                e["hedged"].clone(),
                e["derived"].clone(),
                Value::from(claim_ids(e)),
                verdict["verdict"].clone(),
                verdict["conflict"].clone(),
                verdict["ratio"].clone(),
            ]);
        }
    }
    out
}

/// Every tidy row of a comparison, in order.
fn all_rows(record: &ComparisonRecord) -> io::Result<Vec<Vec<Value>>> {
    let value = serde_json::to_value(record)?;
    let mut rows = Vec::new();
    for (section, key) in [("figure", "figures"), ("statement", "statements")] {
        for row in value[key].as_array().into_iter().flatten() {
            rows.extend(rows_of(section, row));
        }
    }
    Ok(rows)
}

/// `--long --format jsonl`: the same rows, one JSON object a line, keyed
/// by the CSV's column names; absent values are `null`.
pub fn write_jsonl(out: &mut dyn Write, record: &ComparisonRecord) -> io::Result<()> {
    for row in all_rows(record)? {
        let object: serde_json::Map<String, Value> =
            COLUMNS.iter().map(|c| c.to_string()).zip(row).collect();
        super::jsonl::line(out, &object)?;
    }
    Ok(())
}

pub fn write(
    out: &mut dyn Write,
    record: &ComparisonRecord,
    delimiter: u8,
    style: &Style,
) -> io::Result<()> {
    let mut w = RecordWriter::new(out, delimiter, style);
    w.header(&COLUMNS.map(String::from))?;
    for row in all_rows(record)? {
        w.row(&row.iter().map(text).collect::<Vec<_>>())?;
    }
    w.flush()
}
