//! `claims schema`: a JSON Schema of the data files, for editors that
//! validate and complete TOML against one (taplo, Even Better TOML).
//! Derived from the loader's file model (`load::file_model`): each field's
//! doc comment is its meaning, so the schema, the reference and the loader
//! cannot drift apart.

use std::io::Write;

use schemars::generate::SchemaSettings;
use serde_json::Value;

use crate::load::file_model::{form, FileModel};

/// The schema, every table inline (editors and the reference read it
/// without following references).
pub fn schema() -> Value {
    let generator = SchemaSettings::draft2020_12()
        .with(|s| s.inline_subschemas = true)
        .into_generator();
    let mut schema = generator.into_root_schema_for::<FileModel>().to_value();
    for_toml(&mut schema);
    schema
}

/// TOML has no null, and a meaning reads as one line: a field that may be
/// absent is simply not required, and a doc comment's lines are joined.
fn for_toml(v: &mut Value) {
    match v {
        Value::Object(map) => {
            if let Some(Value::Array(types)) = map.get_mut("type") {
                types.retain(|t| t != "null");
                if let [only] = types.as_slice() {
                    let only = only.clone();
                    map.insert("type".into(), only);
                }
            }
            if let Some(Value::Array(values)) = map.get_mut("enum") {
                values.retain(|x| !x.is_null());
            }
            for key in ["anyOf", "oneOf"] {
                if let Some(Value::Array(branches)) = map.get_mut(key) {
                    branches.retain(|b| b.get("type").and_then(Value::as_str) != Some("null"));
                    // `anyOf: [X]` left by an absent value's null is X itself.
                    if let [only] = branches.as_slice() {
                        if let Some(inner) = only.as_object().cloned() {
                            map.remove(key);
                            for (k, x) in inner {
                                map.entry(k).or_insert(x);
                            }
                        }
                    }
                }
            }
            if map.get("const").is_some() && map.get("enum").is_none() && map.get("type").is_none()
            {
                map.insert("type".into(), "string".into());
            }
            let is_date = map.get("pattern").and_then(Value::as_str) == Some(form::WHEN);
            if let Some(Value::String(d)) = map.get_mut("description") {
                *d = d.split_whitespace().collect::<Vec<_>>().join(" ");
                if is_date {
                    *d = format!("{d} ({})", form::WHEN_SYNTAX);
                }
            }
            map.remove("default");
            map.values_mut().for_each(for_toml);
        }
        Value::Array(items) => items.iter_mut().for_each(for_toml),
        _ => {}
    }
}

/// The schema as JSON, or with `reference` the format reference as Markdown.
pub fn run(reference: bool, out: &mut dyn Write) -> anyhow::Result<u8> {
    if reference {
        out.write_all(super::reference::markdown(&schema()).as_bytes())?;
        return Ok(0);
    }
    serde_json::to_writer_pretty(&mut *out, &schema())?;
    writeln!(out)?;
    Ok(0)
}
