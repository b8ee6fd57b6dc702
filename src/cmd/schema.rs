//! `claims schema`: a JSON Schema of the data files, for editors that
//! validate and complete TOML against one (taplo, Even Better TOML).

use std::io::Write;

use serde_json::{json, Value};

use crate::model::Standing;

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

/// The schema, built from the same vocabulary as the loader's file model,
/// each field described ([`super::reference`]).
pub fn schema() -> Value {
    let mut schema = shape();
    super::reference::describe(&mut schema);
    schema
}

fn shape() -> Value {
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
                    "news-agency", "newspaper", "news-site", "international-organisation", "media", "other"]},
                "standing": {"enum": Standing::ALL.map(Standing::name),
                    "description": "organ of its party; affiliated with it (state or partisan media); an individual voice of it; independent; international. Absent: organ when a party is named, else independent (international for an international organisation)"}
            }))},
            "category": {"type": "array", "items": table(&["id", "label"], json!({
                "id": kebab(), "label": {"type": "string"}, "description": {"type": "string"}
            }))},
            "place": {"type": "array", "items": table(&["id", "name"], json!({
                "id": kebab(), "name": {"type": "string"}, "note": {"type": "string"},
                "within": kebab()
            }))},
            "metric": {"type": "array", "items": table(&["id", "label"], json!({
                "id": kebab(), "label": {"type": "string"}, "unit": {"type": "string"},
                "parts": {"type": "array", "items": kebab()}, "description": {"type": "string"},
                "cumulative": {"type": "boolean"},
                "decimals": {"type": "boolean"}
            }))},
            "vague": {"type": "array", "items": table(&["word", "low"], json!({
                "word": kebab(), "low": count(), "high": count(), "meaning": {"type": "string"}
            }))},
            "act": {"type": "array", "items": table(&["id", "label"], json!({
                "id": kebab(), "label": {"type": "string"}, "description": {"type": "string"}
            }))},
            "event": table(&["id", "title", "date", "place", "summary"], json!({
                "id": kebab(), "title": {"type": "string"}, "date": when(), "place": {"type": "string"},
                "summary": {"type": "string"}, "sides": {"type": "array", "items": kebab()},
                "places": {"type": "array", "items": kebab()}
            })),
            "document": {"type": "array", "items": table(&["id", "outlet", "language"], json!({
                "id": kebab(), "title": {"type": "string"}, "outlet": {"type": "string"}, "url": {"type": "string"},
                "published": when(), "language": {"type": "string"}, "relation": {"type": "string"},
                "note": {"type": "string"}, "text": {"type": "string"}
            }))},
            "proposition": {"type": "array", "items": table(&["id", "text"], json!({
                "id": kebab(), "text": {"type": "string"}, "kind": {"enum": ["fact", "appeal", "demand"]},
                "addressee": kebab(),
                "excludes": {"type": "array", "items": kebab()}
            }))},
            "claim": {"type": "array", "items": claim()}
        }
    })
}

/// The quantity forms, exactly one of which a figure or a breakdown part gives.
fn forms() -> Vec<Value> {
    [
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
    .collect()
}

fn figure() -> Value {
    let quantity = |mut props: Value| {
        let q = json!({"exact": amount(), "at_least": amount(), "at_most": amount(),
            "more_than": amount(), "nearly": amount(), "about": amount(),
            "range": {"type": "array", "items": amount(), "minItems": 2, "maxItems": 2},
            "vague": kebab()});
        if let (Some(p), Some(q)) = (props.as_object_mut(), q.as_object()) {
            p.extend(q.clone());
        }
        props
    };
    let part = json!({
        "type": "object", "additionalProperties": false, "required": ["of"], "oneOf": forms(),
        "properties": quantity(json!({"of": kebab()}))
    });
    json!({
        "type": "object", "additionalProperties": false, "required": ["metric"],
        "allOf": [{"oneOf": forms()}, {"oneOf": [{"required": ["party"]}, {"required": ["parties"]}]}],
        "properties": quantity(json!({
            "party": kebab(), "parties": {"type": "array", "items": kebab(), "minItems": 2},
            "metric": kebab(), "of": kebab(), "unit": {"type": "string"},
            "as_of": when(), "since": when(),
            "breakdown": {"type": "array", "items": part}
        }))
    })
}

fn claim() -> Value {
    json!({
        "type": "object",
        "additionalProperties": false,
        "required": ["id", "source", "said", "via", "document", "language"],
        "oneOf": [{"required": ["figure"]}, {"required": ["accusation"]}, {"required": ["position"]},
            {"required": ["retracts"], "not": {"anyOf": [{"required": ["figure"]}, {"required": ["accusation"]}, {"required": ["position"]}]}}],
        "anyOf": [{"required": ["quote"]}, {"required": ["paraphrase"]}],
        "properties": {
            "id": kebab(), "event": kebab(), "source": kebab(), "origin": kebab(), "said": when(),
            "via": {"enum": ["tweet", "facebook-post", "statement", "phone-call-readout", "agency-dispatch",
                "press-briefing", "speech", "website", "media-report", "article"]},
            "document": kebab(), "quote": {"type": "string", "minLength": 1},
            "paraphrase": {"type": "string", "minLength": 1}, "language": {"type": "string"},
            "english": {"type": "string"}, "reading": {"type": "string"}, "hedged": {"type": "boolean"},
            "note": {"type": "string"},
            "attribution": {"enum": ["on-record", "unnamed", "unofficial"]},
            "place": kebab(), "retracts": kebab(), "corrects": kebab(),
            "figure": figure(),
            "accusation": table(&["accused", "act"], json!({
                "accused": kebab(), "act": kebab(), "denies": {"type": "boolean"}, "at": at()
            })),
            "position": table(&["proposition", "stance"], json!({
                "proposition": kebab(), "stance": {"enum": ["affirms", "denies"]}
            }))
        }
    })
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
