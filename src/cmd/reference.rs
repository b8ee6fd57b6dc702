//! The format reference: what each field of each table means, added to the
//! JSON Schema as `description` (editors show it on hover) and printed as
//! Markdown by `claims schema --reference`, both from the same schema, so
//! the two cannot drift apart. The README carries the Markdown; a test
//! keeps it current.

use std::fmt::Write as _;

use serde_json::Value;

/// (table, field, meaning). `claim.figure.x` is a field of a claim's figure.
pub const MEANINGS: &[(&str, &str, &str)] = &[
    ("party", "id", "kebab-case id: `armenia`"),
    ("party", "name", "display name: \"Armenia\""),
    ("source", "id", "kebab-case id: `armenia-mod`"),
    ("source", "name", "who speaks, as people call it: \"Ministry of Defence of Armenia\""),
    ("source", "party", "the party it speaks for or is aligned with; absent when independent"),
    ("source", "kind", "the kind of body it is"),
    ("source", "standing", "how it stands to its party"),
    ("source", "note", "anything a reader should know about it"),
    ("category", "id", "kebab-case id: `border-guards`"),
    ("category", "label", "\"border guards\""),
    ("category", "description", "what it covers"),
    ("place", "id", "kebab-case id: `mount-kilisali`"),
    ("place", "name", "\"Mount Kilisali\""),
    ("place", "within", "the larger place it lies within, so a village and its district are not flagged as different places"),
    ("place", "note", "anything a reader should know about it"),
    ("metric", "id", "kebab-case id: `killed`"),
    ("metric", "label", "\"killed\""),
    ("metric", "unit", "what is counted: `people` (the default), `vehicles`, `km²`"),
    ("metric", "parts", "for a composite (`killed-or-wounded`): the metrics it sums"),
    ("metric", "description", "what it covers"),
    ("metric", "cumulative", "a count that only grows (killed, destroyed): a smaller figure said earlier is consistent with a larger later one"),
    ("metric", "decimals", "a measure (km², hours) whose figures may have decimals"),
    ("vague", "word", "the word as used: `several`"),
    ("vague", "low", "the least count it stands for"),
    ("vague", "high", "the most; absent when it has no upper bound (\"hundreds\" at least)"),
    ("vague", "meaning", "how the reading was chosen"),
    ("act", "id", "kebab-case id: `started-fighting`"),
    ("act", "label", "\"started the fighting (fired first)\""),
    ("act", "description", "what it covers"),
    ("event", "id", "kebab-case id: `kilisali-2021`; the file is usually named after it"),
    ("event", "title", "\"Mount Kilisali border clash\""),
    ("event", "date", "when it happened: a day, or a span `2020-07-12/2020-07-16`"),
    ("event", "place", "where, in words"),
    ("event", "summary", "one or two sentences"),
    ("event", "sides", "the parties that fought; the others are third parties"),
    ("event", "places", "the places its claims name (defined as `[[place]]`)"),
    ("document", "id", "kebab-case id: `overt-defense-2021-11-17`"),
    ("document", "title", "the headline"),
    ("document", "outlet", "who published it: \"Overt Defense\""),
    ("document", "url", "its address"),
    ("document", "published", "when it was published"),
    ("document", "language", "the language of its text: `en`, `fr`"),
    ("document", "relation", "how it relates to the original: aggregator, repost, translation"),
    ("document", "note", "anything a reader should know about it"),
    ("document", "text", "a local copy, relative to this file: quotes are checked against it"),
    ("proposition", "id", "kebab-case id: `kil-fire-stopped-1830`"),
    ("proposition", "text", "the statement positions are taken on: \"Fire stopped from 18:30\""),
    ("proposition", "kind", "`fact` (the default), `appeal` (a call for calm: no side taken) or `demand`"),
    ("proposition", "addressee", "for a demand: the party it is made of"),
    ("proposition", "excludes", "propositions that cannot be true with it: voices affirming them conflict"),
    ("claim", "id", "kebab-case id, unique across the data"),
    ("claim", "event", "the event it is about; default: the file's `[event]`"),
    ("claim", "source", "who made the statement, as the document names them"),
    ("claim", "origin", "whom the source relays (an agency passing on a ministry's word): the voice it counts as"),
    ("claim", "said", "when it was said: `2021-11-16`, `2021-11-16T18:30`, or `by 2021-11-17` when only the report's date is known"),
    ("claim", "via", "how it was said"),
    ("claim", "document", "the document it was read in"),
    ("claim", "quote", "the document's words, verbatim, in its language"),
    ("claim", "paraphrase", "in place of `quote`: the research notes' wording, when the page's words are not to hand (never shown as a quote)"),
    ("claim", "language", "the quote's language: `en`, `fr`"),
    ("claim", "english", "an English rendering of the quote"),
    ("claim", "reading", "the corrected reading of a machine-reworded quote"),
    ("claim", "hedged", "second-hand or conditional (\"reportedly\", the French conditional): `true` or `false`"),
    ("claim", "note", "anything a reader should know to weigh it"),
    ("claim", "attribution", "when the words are not the source's on the record: `unnamed` (\"an unnamed official\", \"sources in the ministry\") or `unofficial` (\"unofficial figures\")"),
    ("claim", "place", "where the claimant puts what it states"),
    ("claim", "retracts", "an earlier claim of the same voice it withdraws, asserting nothing"),
    ("claim", "corrects", "an earlier claim of the same voice it replaces"),
    ("claim", "figure", "a count: whose losses, which metric, the quantity as stated"),
    ("claim", "accusation", "one side accusing another of an act (or denying it)"),
    ("claim", "position", "a stance on a proposition"),
    ("claim.figure", "party", "whose losses: a party id"),
    ("claim.figure", "parties", "several parties' losses counted together (\"on both sides\")"),
    ("claim.figure", "metric", "what is counted: a metric id"),
    ("claim.figure", "of", "the kind counted, when only some: a category id"),
    ("claim.figure", "exact", "exactly N"),
    ("claim.figure", "at_least", "at least N (\"at least 49\", \"not the final number\")"),
    ("claim.figure", "at_most", "up to N"),
    ("claim.figure", "more_than", "more than N"),
    ("claim.figure", "nearly", "nearly N: a little under it"),
    ("claim.figure", "about", "about N: within a tenth of it"),
    ("claim.figure", "range", "between two numbers: `[20, 30]`"),
    ("claim.figure", "vague", "a vague word: `several`, `hundreds`"),
    ("claim.figure", "unit", "the unit as stated, checked against the metric's"),
    ("claim.figure", "as_of", "the moment the count stands at, when not when it was said"),
    ("claim.figure", "since", "a running total since this date, not this event's count"),
    ("claim.figure", "breakdown", "the parts the total is broken into: `[{ of = \"soldiers\", exact = 30 }, …]`"),
    ("claim.accusation", "accused", "the party accused"),
    ("claim.accusation", "act", "what of: an act id"),
    ("claim.accusation", "denies", "`true` for a denial (\"our forces have always operated on our territory\")"),
    ("claim.accusation", "at", "when the act happened, as the claimant puts it: a date, or a time of day `13:45`"),
    ("claim.position", "proposition", "a proposition id"),
    ("claim.position", "stance", "`affirms` or `denies`"),
];

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

/// Adds each field's meaning as its `description` (a breakdown's parts
/// share the figure's quantity fields).
pub fn describe(schema: &mut Value) {
    for (table, field, meaning) in MEANINGS {
        if let Some(node) = table_at(schema, table) {
            let prop = &mut node["properties"][*field];
            if let Some(obj) = prop.as_object_mut() {
                let text = match obj.get("description").and_then(Value::as_str) {
                    // A date's syntax stays after the meaning.
                    Some(syntax) if !syntax.is_empty() => format!("{meaning} ({syntax})"),
                    _ => (*meaning).to_string(),
                };
                obj.insert("description".into(), Value::String(text));
            }
        }
    }
    // A breakdown's part takes the figure's quantity fields, and `of`.
    if let Some(figure) = table_at(schema, "claim.figure") {
        let described = figure["properties"].clone();
        let part = &mut figure["properties"]["breakdown"]["items"]["properties"];
        if let Some(fields) = part.as_object_mut() {
            for (name, v) in fields.iter_mut() {
                if let (Some(d), Some(obj)) =
                    (described[name]["description"].as_str(), v.as_object_mut())
                {
                    obj.insert("description".into(), Value::String(d.to_string()));
                }
            }
        }
    }
}

/// A field's type in words: "id", "text", "date", "true or false", one of …
fn kind(v: &Value) -> String {
    if let Some(values) = v["enum"].as_array() {
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

/// The reference as Markdown: per table, each field with its type, whether
/// it is required, and its meaning.
pub fn markdown(schema: &Value) -> String {
    let mut out = String::new();
    let tables = [
        "party",
        "source",
        "category",
        "place",
        "metric",
        "vague",
        "act",
        "event",
        "document",
        "proposition",
        "claim",
        "claim.figure",
        "claim.accusation",
        "claim.position",
    ];
    for path in tables {
        let mut copy = schema.clone();
        let Some(node) = table_at(&mut copy, path) else {
            continue;
        };
        let header = match path {
            "event" => "[event]".to_string(),
            p if p.contains('.') => format!("{p} = {{ … }}"),
            p => format!("[[{p}]]"),
        };
        let required: Vec<&str> = node["required"]
            .as_array()
            .map(|r| r.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "#### `{header}`\n\n| field | type | | meaning |\n|---|---|---|---|"
        );
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
            }
        }
        out.push('\n');
    }
    out
}
