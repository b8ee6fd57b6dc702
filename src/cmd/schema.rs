//! `claims schema`: a JSON Schema of the data files, for editors that
//! validate and complete TOML against one (taplo, Even Better TOML).

use std::io::Write;

use serde_json::{json, Value};

fn kebab() -> Value {
    json!({"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"})
}

fn when() -> Value {
    json!({
        "type": "string",
        "description": "YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM], a span A/B, or `by DATE`",
        "pattern": r"^(by )?\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})?)?)?)?(/\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})?)?)?)?)?$"
    })
}

/// When an accused act happened: any date form, or a time of day alone.
fn at() -> Value {
    json!({"anyOf": [when(), {"type": "string", "description": "a time of day when no day is given: HH:MM", "pattern": r"^\d{2}:\d{2}$"}]})
}

fn count() -> Value {
    json!({"type": "integer", "minimum": 0})
}

/// A figure's number: whole, or with up to three decimals for a measure.
fn amount() -> Value {
    json!({"type": "number", "minimum": 0})
}

fn table(required: &[&str], properties: Value) -> Value {
    json!({"type": "object", "additionalProperties": false, "required": required, "properties": properties})
}

/// The schema, built from the same vocabulary as the loader's file model.
pub fn schema() -> Value {
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "claims data file",
        "description": "Parties, sources, vocabulary, an event, its documents, propositions and claims. Any table may appear in any file.",
        "type": "object",
        "additionalProperties": false,
        "properties": {
            "party": {"type": "array", "items": table(&["id", "name"], json!({"id": kebab(), "name": {"type": "string"}}))},
            "source": {"type": "array", "items": table(&["id", "name", "kind"], json!({
                "id": kebab(), "name": {"type": "string"}, "party": kebab(), "note": {"type": "string"},
                "kind": {"enum": ["ministry", "head-of-government", "head-of-state", "government", "security-council",
                    "news-agency", "newspaper", "news-site", "international-organisation", "media", "other"]}
            }))},
            "metric": {"type": "array", "items": table(&["id", "label"], json!({
                "id": kebab(), "label": {"type": "string"}, "unit": {"type": "string"},
                "parts": {"type": "array", "items": kebab()}, "description": {"type": "string"},
                "cumulative": {"type": "boolean", "description": "a count that only grows (killed, destroyed)"},
                "decimals": {"type": "boolean", "description": "a measure (km², hours) whose figures may have decimals"}
            }))},
            "vague": {"type": "array", "items": table(&["word", "low"], json!({
                "word": kebab(), "low": count(), "high": count(), "meaning": {"type": "string"}
            }))},
            "act": {"type": "array", "items": table(&["id", "label"], json!({
                "id": kebab(), "label": {"type": "string"}, "description": {"type": "string"}
            }))},
            "event": table(&["id", "title", "date", "place", "summary"], json!({
                "id": kebab(), "title": {"type": "string"}, "date": when(), "place": {"type": "string"},
                "summary": {"type": "string"}, "sides": {"type": "array", "items": kebab()}
            })),
            "document": {"type": "array", "items": table(&["id", "outlet", "language"], json!({
                "id": kebab(), "title": {"type": "string"}, "outlet": {"type": "string"}, "url": {"type": "string"},
                "published": when(), "language": {"type": "string"}, "relation": {"type": "string"},
                "note": {"type": "string"}, "text": {"type": "string"}
            }))},
            "proposition": {"type": "array", "items": table(&["id", "text"], json!({
                "id": kebab(), "text": {"type": "string"}, "kind": {"enum": ["fact", "appeal"]},
                "excludes": {"type": "array", "items": kebab()}
            }))},
            "claim": {"type": "array", "items": claim()}
        }
    })
}

fn claim() -> Value {
    let figure_forms: Vec<Value> = [
        "exact",
        "at_least",
        "at_most",
        "more_than",
        "nearly",
        "about",
        "range",
        "vague",
    ]
    .iter()
    .map(|f| json!({"required": [f]}))
    .collect();
    let figure = json!({
        "type": "object", "additionalProperties": false, "required": ["party", "metric"],
        "oneOf": figure_forms,
        "properties": {
            "party": kebab(), "metric": kebab(), "exact": amount(), "at_least": amount(),
            "at_most": amount(), "more_than": amount(), "nearly": amount(), "about": amount(),
            "range": {"type": "array", "items": amount(), "minItems": 2, "maxItems": 2},
            "vague": kebab(), "unit": {"type": "string"},
            "as_of": when(), "since": when()
        }
    });
    json!({
        "type": "object",
        "additionalProperties": false,
        "required": ["id", "source", "said", "via", "document", "language"],
        "oneOf": [{"required": ["figure"]}, {"required": ["accusation"]}, {"required": ["position"]}],
        "anyOf": [{"required": ["quote"]}, {"required": ["paraphrase"]}],
        "properties": {
            "id": kebab(), "event": kebab(), "source": kebab(), "origin": kebab(), "said": when(),
            "via": {"enum": ["tweet", "facebook-post", "statement", "phone-call-readout", "agency-dispatch",
                "press-briefing", "speech", "website", "media-report", "article"]},
            "document": kebab(), "quote": {"type": "string", "minLength": 1},
            "paraphrase": {"type": "string", "minLength": 1}, "language": {"type": "string"},
            "english": {"type": "string"}, "reading": {"type": "string"}, "hedged": {"type": "boolean"},
            "note": {"type": "string"},
            "figure": figure,
            "accusation": table(&["accused", "act"], json!({
                "accused": kebab(), "act": kebab(), "denies": {"type": "boolean"}, "at": at()
            })),
            "position": table(&["proposition", "stance"], json!({
                "proposition": kebab(), "stance": {"enum": ["affirms", "denies"]}
            }))
        }
    })
}

pub fn run(out: &mut dyn Write) -> anyhow::Result<u8> {
    serde_json::to_writer_pretty(&mut *out, &schema())?;
    writeln!(out)?;
    Ok(0)
}
