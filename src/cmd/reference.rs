//! The format reference: each table's fields with their type and meaning,
//! printed as Markdown by `claims schema --reference` from the schema the
//! file model derives (its doc comments are the meanings). The README
//! carries the Markdown; a test keeps it current.

use std::fmt::Write as _;

use crate::load::file_model::{fields_of, FileModel};
use serde_json::Value;

/// The schema's object for a path such as `claim.figure`.
fn table_at<'v>(schema: &'v mut Value, path: &str) -> Option<&'v mut Value> {
    let mut parts = path.split('.');
    let top = &mut schema["properties"][parts.next()?];
    let mut node = if top["items"].is_object() {
        &mut top["items"]
    } else {
        top
    };
    for p in parts {
        node = &mut node["properties"][p];
    }
    Some(node)
}

/// A field's type in words: "id", "text", "date", "true or false", one of …
fn kind(v: &Value) -> String {
    // An enum whose values are documented lists them as `oneOf` constants.
    let values = v["enum"].as_array().cloned().or_else(|| {
        let branches = v["oneOf"].as_array()?;
        let mut values = Vec::new();
        for b in branches {
            match (&b["const"], b["enum"].as_array()) {
                (Value::String(_), _) => values.push(b["const"].clone()),
                (_, Some(list)) => values.extend(list.iter().cloned()),
                _ => return None,
            }
        }
        Some(values)
    });
    if let Some(values) = values {
        let names: Vec<String> = values
            .iter()
            .filter_map(Value::as_str)
            .map(|s| format!("`{s}`"))
            .collect();
        return format!("one of {}", names.join(", "));
    }
    if v["type"].as_str() == Some("object") {
        return "table".into();
    }
    if v["pattern"]
        .as_str()
        .is_some_and(|p| p.starts_with("^[a-z0-9]"))
    {
        return "id".into();
    }
    if v["pattern"].as_str().is_some_and(|p| p.contains(r"\d{4}")) || v["anyOf"].is_array() {
        return "date".into();
    }
    match v["type"].as_str() {
        Some("string") => "text".into(),
        Some("integer") => "whole number".into(),
        Some("number") => "number".into(),
        Some("boolean") => "true or false".into(),
        Some("array") => format!("list of {}", kind(&v["items"])),
        Some("object") => "table".into(),
        _ => "value".into(),
    }
}

/// One table's section, then one for each of its fields that is a list of
/// tables (`reports = [{ … }]`), so that every field of every table is listed.
fn section(out: &mut String, node: &Value, header: &str, path: &str) {
    let required: Vec<&str> = node["required"]
        .as_array()
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "### `{header}`\n\n| field | type | | meaning |\n|---|---|---|---|"
    );
    let mut lists = Vec::new();
    if let Some(props) = node["properties"].as_object() {
        // Required fields first, then the others, each in name order.
        let mut fields: Vec<(&String, &Value)> = props.iter().collect();
        fields.sort_by_key(|(name, _)| (!required.contains(&name.as_str()), name.as_str()));
        for (name, v) in fields {
            let need = if required.contains(&name.as_str()) {
                "required"
            } else {
                ""
            };
            let meaning = v["description"].as_str().unwrap_or("").replace('|', "\\|");
            let _ = writeln!(
                out,
                "| `{name}` | {} | {need} | {meaning} |",
                kind(v).replace('|', "\\|")
            );
            if v["items"]["properties"].is_object() {
                lists.push((name.as_str(), &v["items"]));
            }
        }
    }
    out.push('\n');
    for (name, items) in lists {
        let inner = format!("{path}.{name} = [{{ … }}]");
        section(out, items, &inner, &format!("{path}.{name}"));
    }
}

/// The reference as Markdown: per table, each field with its type, whether
/// it is required, and its meaning.
pub fn markdown(schema: &Value) -> String {
    let mut out = String::new();
    // Every table of the file model, in its declared order, each claim's
    // assertion after the claim: a new table is documented with no line here.
    let mut tables: Vec<String> = Vec::new();
    for table in fields_of::<FileModel>() {
        tables.push(table.to_string());
        if *table == "claim" {
            let parts = ["figure", "accusation", "position"];
            tables.extend(parts.iter().map(|p| format!("claim.{p}")));
        }
    }
    for path in tables.iter().map(String::as_str) {
        let mut copy = schema.clone();
        let Some(node) = table_at(&mut copy, path) else {
            continue;
        };
        let header = match path {
            "event" => "[event]".to_string(),
            p if p.contains('.') => format!("{p} = {{ … }}"),
            p => format!("[[{p}]]"),
        };
        section(&mut out, node, &header, path);
    }
    out
}
