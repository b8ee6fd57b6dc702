//! `check --format sarif`: SARIF 2.1.0, the format code-scanning services
//! read. Each problem is a result whose `ruleId` is its stable code, at its
//! file, line and column, with a fingerprint that survives lines moving, so
//! the same problem is one alert across commits.

use std::collections::HashMap;
use std::hash::Hasher;
use std::io::{self, Write};

use serde::Serialize;

use crate::diagnostic::{Code, Diagnostic, Label};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool,
    /// Columns count characters, as every other output of the tool does.
    column_kind: &'static str,
    results: Vec<SarifResult<'a>>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
struct Driver {
    name: &'static str,
    version: &'static str,
    rules: Vec<Rule>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule {
    id: &'static str,
    short_description: Text,
    default_configuration: Level,
}

#[derive(Serialize)]
struct Level {
    level: &'static str,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'static str,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: [Location<'a>; 1],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location<'a>>,
    partial_fingerprints: HashMap<&'static str, String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: Physical<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Physical<'a> {
    artifact_location: Artifact,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<Region<'a>>,
}

#[derive(Serialize)]
struct Artifact {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region<'a> {
    start_line: usize,
    start_column: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    snippet: Option<SnippetText<'a>>,
}

#[derive(Serialize)]
struct SnippetText<'a> {
    text: &'a str,
}

/// A path as a relative URI reference: each byte outside the unreserved
/// set and `/` percent-encoded (a space, `#`, `%`, non-ASCII letters).
fn uri(path: &str) -> String {
    let path = path.strip_prefix("./").unwrap_or(path);
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

fn physical<'a>(path: &str, line: usize, column: usize, snippet: Option<&'a str>) -> Physical<'a> {
    Physical {
        artifact_location: Artifact { uri: uri(path) },
        // Line 0 is the whole file: no region.
        region: (line > 0).then_some(Region {
            start_line: line,
            start_column: column.max(1),
            snippet: snippet.map(|text| SnippetText { text }),
        }),
    }
}

/// What identifies a problem whatever line it is on: its code, file, the
/// text of its line and its message with numbers (line numbers of other
/// places) left out.
fn fingerprint(d: &Diagnostic) -> u64 {
    let mut h = fnv::FnvHasher::default();
    let message: String = d.message.chars().filter(|c| !c.is_ascii_digit()).collect();
    for part in [
        d.code.as_str(),
        d.path.as_str(),
        d.snippet.as_deref().unwrap_or("").trim(),
        &message,
    ] {
        h.write(part.as_bytes());
        h.write_u8(0);
    }
    h.finish()
}

fn related(i: usize, l: &Label) -> Location<'_> {
    Location {
        id: Some(i),
        physical_location: physical(&l.path, l.line, l.column, l.snippet.as_deref()),
        message: Some(Text {
            text: l.label.clone(),
        }),
    }
}

fn result(d: &Diagnostic, occurrence: usize) -> SarifResult<'_> {
    let text = match &d.hint {
        Some(hint) => format!("{}\nhint: {hint}", d.message),
        None => d.message.clone(),
    };
    SarifResult {
        rule_id: d.code.as_str(),
        rule_index: Code::ALL.iter().position(|&c| c == d.code).unwrap_or(0),
        level: "error",
        message: Text { text },
        locations: [Location {
            id: None,
            physical_location: physical(&d.path, d.line, d.column, d.snippet.as_deref()),
            message: None,
        }],
        related_locations: d
            .secondary
            .iter()
            .enumerate()
            .map(|(i, l)| related(i, l))
            .collect(),
        partial_fingerprints: HashMap::from([(
            "claimsProblem/v1",
            format!("{:016x}:{occurrence}", fingerprint(d)),
        )]),
    }
}

/// Writes every problem as one SARIF log.
pub fn write(out: &mut dyn Write, diagnostics: &[Diagnostic]) -> io::Result<()> {
    // The same problem twice in a file is two alerts, told apart by order.
    let mut seen: HashMap<u64, usize> = HashMap::new();
    let results = diagnostics
        .iter()
        .map(|d| {
            let n = seen.entry(fingerprint(d)).or_default();
            *n += 1;
            result(d, *n)
        })
        .collect();
    let rules = Code::ALL
        .iter()
        .map(|c| Rule {
            id: c.as_str(),
            short_description: Text {
                text: c.summary().to_string(),
            },
            default_configuration: Level { level: "error" },
        })
        .collect();
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: [Run {
            tool: Tool {
                driver: Driver {
                    name: "claims",
                    version: env!("CARGO_PKG_VERSION"),
                    rules,
                },
            },
            column_kind: "unicodeCodePoints",
            results,
        }],
    };
    let text = serde_json::to_string_pretty(&log)?;
    out.write_all(crate::sanitize::json_visible(&text).as_bytes())?;
    writeln!(out)
}
