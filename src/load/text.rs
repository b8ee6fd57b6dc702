//! Text in and out of files: UTF-8 decoding with the first bad byte's
//! position, serde's messages turned into hints, whitespace folding.

use crate::diagnostic::{self, Code, Diagnostic};
use crate::suggest;

pub(super) fn decode<'b>(display: &str, bytes: &'b [u8]) -> Result<&'b str, Diagnostic> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        let good = e.valid_up_to();
        let prefix = String::from_utf8_lossy(&bytes[..good]);
        let (line, column, snippet) = diagnostic::locate(&prefix, good);
        Diagnostic {
            code: Code::NotUtf8,
            secondary: Vec::new(),
            path: display.to_string(),
            line,
            column,
            message: format!(
                "the file is not UTF-8: found byte 0x{:02X}, expected UTF-8 text",
                bytes[good]
            ),
            snippet: Some(snippet),
            hint: Some("save the file as UTF-8 (it may be Latin-1 or UTF-16)".to_string()),
        }
    })
}

/// Turns serde's "unknown field `x`, expected one of `a`, `b`" (and the same
/// for variants) into a "did you mean" hint.
/// The kind of problem a serde message reports.
pub(super) fn code_for_serde_message(message: &str) -> Code {
    let kinds = [
        ("unknown field", Code::UnknownField),
        ("missing field", Code::MissingField),
        ("invalid type", Code::WrongType),
        ("unknown variant", Code::UnknownValue),
    ];
    let found = kinds.into_iter().find(|(k, _)| message.contains(k));
    found.map_or(Code::TomlSyntax, |(_, c)| c)
}

pub(super) fn hint_for_serde_message(message: &str) -> String {
    let grab = |m: &str| -> Option<(String, Vec<String>)> {
        let start = m.find('`')? + 1;
        let end = start + m[start..].find('`')?;
        let wanted = m[start..end].to_string();
        let rest = &m[end + 1..];
        let known: Vec<String> = rest
            .split('`')
            .skip(1)
            .step_by(2)
            .map(str::to_string)
            .collect();
        Some((wanted, known))
    };
    for prefix in ["unknown field", "unknown variant"] {
        if let Some(pos) = message.find(prefix) {
            if let Some((wanted, known)) = grab(&message[pos..]) {
                let hint = suggest::hint(&wanted, known.iter().map(String::as_str));
                // A value's choices are in its message already: only the nearest here.
                if prefix == "unknown variant" && !hint.starts_with("did you mean") {
                    return "`claims schema --reference` says what each value means".to_string();
                }
                if !known.is_empty() {
                    return hint;
                }
                return "this table takes no fields".to_string();
            }
        }
    }
    if let Some(pos) = message.find("missing field") {
        let field = grab(&message[pos..]).map(|(f, _)| f).unwrap_or_default();
        return match example(&field) {
            Some(line) => {
                format!("add it, such as `{line}`; `claims schema --reference` lists every field")
            }
            None => "add the field; `claims schema --reference` lists every field".to_string(),
        };
    }
    if message.contains("invalid type") {
        return "check the value's type: strings are quoted, figures are numbers (with decimals only for a measure)".to_string();
    }
    String::new()
}

/// A line that gives a required field, for the hint of a missing one.
fn example(field: &str) -> Option<&'static str> {
    Some(match field {
        "id" => "id = \"my-event-2024\"",
        "name" => "name = \"Ministry of Defence of Armenia\"",
        "kind" => "kind = \"ministry\"",
        "label" => "label = \"killed\"",
        "word" => "word = \"several\"",
        "low" => "low = 3",
        "title" => "title = \"Border clash near the village\"",
        "date" => "date = \"2024-05-01\"",
        "place" => "place = \"the border near the village\"",
        "summary" => "summary = \"One or two sentences.\"",
        "outlet" => "outlet = \"Reuters\"",
        "language" => "language = \"en\"",
        "text" => "text = \"A ceasefire holds from 18:30\"",
        "source" => "source = \"armenia-mod\"",
        "said" => "said = \"2024-05-01\"",
        "via" => "via = \"statement\"",
        "document" => "document = \"my-event-doc-1\"",
        "quote" => "quote = \"the document's own words\"",
        "metric" => "metric = \"killed\"",
        "accused" => "accused = \"azerbaijan\"",
        "act" => "act = \"started-fighting\"",
        "acts" => "acts = [\"started-fighting\", \"provocation\"]",
        "proposition" => "proposition = \"my-event-ceasefire\"",
        "stance" => "stance = \"affirms\"",
        "of" => "of = \"soldiers\"",
        "standing" => "standing = \"organ\"",
        "used_by" => "used_by = [\"azerbaijan\"]",
        "url" => "url = \"https://example.org/video\"",
        "sha256" => "sha256 = \"(64 hexadecimal digits, as sha256sum prints them)\"",
        _ => return None,
    })
}

/// The hint for a quote not found when no passage comes close.
pub(super) const QUOTE_HINT: &str =
    "copy it exactly, typographic apostrophes and all; whitespace runs may differ";

/// Folds every run of whitespace into one space, so a quote may cross a
/// line break of its document.
pub(super) fn collapse_space(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The TOML string that starts at byte `at`, as TOML reads it: `"c\u0031"`,
/// `'c1'` and `"""c1"""` are all `c1`, so ids compare as parsed, never as
/// spelled. `None` when no string starts there.
pub(super) fn toml_string_at(text: &str, at: usize) -> Option<String> {
    let rest = text.get(at..)?;
    let delimiter = ["\"\"\"", "'\'\'", "\"", "'"]
        .into_iter()
        .find(|d| rest.starts_with(d))?;
    let basic = delimiter.starts_with('"');
    let body = &rest[delimiter.len()..];
    let mut i = 0;
    let end = loop {
        let tail = body.get(i..)?;
        if tail.starts_with(delimiter) {
            break i;
        }
        // A backslash in a basic string escapes what follows it.
        let step = if basic && tail.starts_with('\\') {
            2
        } else {
            1
        };
        i += tail.chars().take(step).map(char::len_utf8).sum::<usize>();
    };
    let token = &rest[..delimiter.len() + end + delimiter.len()];
    let table: toml::Table = toml::from_str(&format!("v = {token}")).ok()?;
    table.get("v")?.as_str().map(str::to_string)
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_required_field_has_an_example_for_its_hint() {
        fn walk(v: &serde_json::Value, missing: &mut Vec<String>) {
            for name in v["required"].as_array().into_iter().flatten() {
                let name = name.as_str().unwrap_or("");
                if super::example(name).is_none() {
                    missing.push(name.to_string());
                }
            }
            for p in v["properties"]
                .as_object()
                .into_iter()
                .flat_map(|m| m.values())
            {
                walk(p, missing);
                walk(&p["items"], missing);
            }
        }
        let generator = schemars::generate::SchemaSettings::draft2020_12()
            .with(|s| s.inline_subschemas = true)
            .into_generator();
        let schema = generator
            .into_root_schema_for::<crate::load::file_model::FileModel>()
            .to_value();
        let mut missing = Vec::new();
        walk(&schema, &mut missing);
        assert!(
            missing.is_empty(),
            "required fields without an example: {missing:?}"
        );
    }

    use super::toml_string_at;

    #[test]
    fn every_spelling_of_a_string_reads_as_toml_parses_it() {
        for spelled in [
            "\"c1\"",
            "'c1'",
            "\"c\\u0031\"",
            "\"\\u0063\\U00000031\"",
            "\"\"\"c1\"\"\"",
            "'\'\'c1'\'\'",
        ] {
            let text = format!("id = {spelled} # note");
            assert_eq!(toml_string_at(&text, 5).as_deref(), Some("c1"), "{spelled}");
        }
        assert_eq!(
            toml_string_at("id = \"a\\\"b\"", 5).as_deref(),
            Some("a\"b")
        );
        assert_eq!(toml_string_at("id = 12", 5), None);
    }
}
