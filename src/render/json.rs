//! JSON output: every document carries `format_version` and `kind`, so a
//! consumer can tell what it holds and whether it understands it.

use std::io::{self, Write};

use serde_json::{json, Map, Value};

use serde::Serialize;

use crate::view::Sheet;

/// Bumped whenever a field is renamed or removed (adding fields keeps it).
pub const FORMAT_VERSION: u32 = 2;

/// Writes `{"format_version": 1, "kind": kind, ...fields}`.
pub fn write(out: &mut dyn Write, kind: &str, body: Value) -> io::Result<()> {
    let mut doc = Map::new();
    doc.insert("format_version".into(), json!(FORMAT_VERSION));
    doc.insert("kind".into(), json!(kind));
    match body {
        Value::Object(fields) => doc.extend(fields),
        other => {
            doc.insert("data".into(), other);
        }
    }
    let text = serde_json::to_string_pretty(&Value::Object(doc)).map_err(io::Error::from)?;
    // serde_json leaves C1 controls, bidi overrides and zero-width characters
    // raw; as \uXXXX escapes the JSON means the same and shows them.
    out.write_all(crate::sanitize::json_visible(&text).as_bytes())?;
    writeln!(out)
}

/// Writes a typed record as a JSON document of a kind. The record goes
/// through `Value`, whose objects keep their keys sorted, so every document
/// lists its fields in the same (alphabetical) order.
pub fn write_record<R: Serialize>(out: &mut dyn Write, kind: &str, record: &R) -> io::Result<()> {
    let value = serde_json::to_value(record).map_err(io::Error::from)?;
    write(out, kind, value)
}

/// A sheet as `{"rows": [{header: cell, ...}]}`.
pub fn sheet_value(sheet: &Sheet) -> Value {
    let rows: Vec<Value> = sheet
        .rows
        .iter()
        .map(|r| {
            let obj: Map<String, Value> = sheet
                .headers
                .iter()
                .zip(r)
                .map(|(h, c)| (h.clone(), json!(c.text)))
                .collect();
            Value::Object(obj)
        })
        .collect();
    json!({ "rows": rows })
}
