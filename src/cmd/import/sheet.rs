//! One sheet row as a `[[claim]]` table: the cells read back exactly as
//! `list` wrote them (CSV's formula guard and TSV's escapes undone), the
//! quantity as stated turned into its TOML form, every problem named by row
//! and column.

use std::fmt::Write as _;

use crate::load::file_model::{fields_of, ClaimFile};

/// The columns every row needs.
pub const REQUIRED: [&str; 8] = [
    "claim", "event", "source", "said", "via", "document", "language", "kind",
];

/// One problem: the sheet's row (1 is the header) and column name.
pub struct Problem {
    pub row: usize,
    pub column: String,
    pub message: String,
}

/// A row's cells by column name; CSV's formula guard (a `'` before = + - @)
/// and TSV's escapes are undone, so `list --format csv` reads back exactly.
pub struct Row<'r> {
    pub headers: &'r [String],
    pub cells: Vec<String>,
    pub number: usize,
}

impl Row<'_> {
    pub(super) fn get(&self, column: &str) -> Option<&str> {
        let at = self.headers.iter().position(|h| h == column)?;
        self.cells
            .get(at)
            .map(String::as_str)
            .filter(|c| !c.is_empty())
    }
}

/// A cell as `list` wrote it, back to what it holds: TSV's escapes read,
/// then the one `'` a formula guard added taken off (only where `list`
/// would have added it, so a quote's own leading `'` stays).
pub fn unguard(cell: &str, tsv: bool) -> String {
    let cell = if tsv {
        unescape_tsv(cell)
    } else {
        cell.to_string()
    };
    match cell.strip_prefix('\'') {
        Some(rest) if crate::sanitize::is_guarded(rest) => rest.to_string(),
        _ => cell,
    }
}

/// TSV's visible escapes (`\t`, `\n`, `\r`, `\\`) read back.
fn unescape_tsv(cell: &str) -> String {
    let mut out = String::with_capacity(cell.len());
    let mut chars = cell.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// A yes-or-no cell as spreadsheets write it: true/false, TRUE/FALSE,
/// yes/no, 1/0; empty is no.
fn boolean(row: &Row, column: &str, problems: &mut Vec<Problem>) -> bool {
    match row.get(column).map(str::to_lowercase).as_deref() {
        None | Some("false" | "no" | "0") => false,
        Some("true" | "yes" | "1") => true,
        Some(other) => {
            problems.push(Problem {
                row: row.number,
                column: column.into(),
                message: format!("`{other}`: give true or false (yes/no, 1/0)"),
            });
            false
        }
    }
}

/// A TOML basic string.
pub(super) fn quoted(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A number as TOML takes it: digits and at most one point; thousands may
/// be grouped by commas or spaces as spreadsheets write them (1,200; 1 200).
fn number(text: &str) -> Option<String> {
    let t: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}'))
        .collect();
    let t = if t.contains(',') {
        let (whole, _) = t.split_once('.').unwrap_or((&t, ""));
        let groups: Vec<&str> = whole.split(',').collect();
        let grouped = groups.first().is_some_and(|g| (1..=3).contains(&g.len()))
            && groups[1..].iter().all(|g| g.len() == 3);
        if !grouped {
            return None;
        }
        t.replace(',', "")
    } else {
        t
    };
    let ok = !t.is_empty()
        && t.chars().all(|c| c.is_ascii_digit() || c == '.')
        && t.matches('.').count() <= 1
        && !t.starts_with('.')
        && !t.ends_with('.');
    ok.then_some(t)
}

/// The two sides of "20–30" (or "20-30").
fn split_range(s: &str) -> Option<(&str, &str)> {
    s.split_once('–').or_else(|| {
        s.split_once('-')
            .filter(|_| s.chars().next().is_some_and(|c| c.is_ascii_digit()))
    })
}

/// The two numbers of "20–30".
fn range_of(s: &str) -> Option<(String, String)> {
    let (low, high) = split_range(s)?;
    Some((number(low)?, number(high)?))
}

/// A quantity as `list` states it ("49", "≥ 49", "up to 5", "more than 3",
/// "nearly 50", "about 50", "20–30", "several") as TOML fields; the ways a
/// sheet is typed are taken too ("at least 40", ">= 40", "over 40", "~50").
fn quantity(stated: &str) -> Result<String, String> {
    let lower = stated.trim().to_lowercase();
    let s = lower.as_str();
    // "15 more", as `list` writes it too ("15 more (in all 65)"), or "+15":
    // an increment on the speaker's previous figure.
    let increment = s
        .split_once(" more")
        .filter(|(_, rest)| rest.is_empty() || rest.trim_start().starts_with("(in all"))
        .map(|(n, _)| n)
        .or_else(|| s.strip_prefix('+'));
    if let Some(n) = increment.and_then(number) {
        return Ok(format!("more = {n}"));
    }
    let forms = [
        ("≥", "at_least"),
        (">=", "at_least"),
        ("at least", "at_least"),
        ("≤", "at_most"),
        ("<=", "at_most"),
        ("up to", "at_most"),
        ("at most", "at_most"),
        ("more than", "more_than"),
        ("over", "more_than"),
        (">", "more_than"),
        ("less than", "less_than"),
        ("fewer than", "less_than"),
        ("under", "less_than"),
        ("<", "less_than"),
        ("nearly", "nearly"),
        ("almost", "nearly"),
        ("about", "about"),
        ("around", "about"),
        ("approximately", "about"),
        ("~", "about"),
    ];
    for (prefix, field) in forms {
        if let Some(rest) = s.strip_prefix(prefix) {
            // "about 1,100–1,200": each end about.
            if let (Some((low, high)), "about") = (range_of(rest.trim()), field) {
                return Ok(format!("about_range = [{low}, {high}]"));
            }
            return number(rest)
                .map(|n| format!("{field} = {n}"))
                .ok_or_else(|| format!("`{stated}`: a number is expected after \"{prefix}\""));
        }
    }
    if split_range(s).is_some() {
        return match range_of(s) {
            Some((l, h)) => Ok(format!("range = [{l}, {h}]")),
            None => Err(format!("`{stated}`: a range is two numbers, such as 20–30")),
        };
    }
    if let Some(n) = number(s) {
        return Ok(format!("exact = {n}"));
    }
    let word = s.chars().all(|c| c.is_ascii_lowercase() || c == '-') && !s.is_empty();
    if word {
        return Ok(format!("vague = {}", quoted(s)));
    }
    Err(format!(
        "`{stated}` is not a quantity: give 49, at least 49 (≥ 49), up to 5, more than 3, less than 3, nearly 50, about 50, 20–30, about 20–30, 15 more (an increment) or a vague word"
    ))
}

/// The figure of a row: whose losses, metric, category, quantity, moments,
/// and a breakdown "soldiers: 30; border-guards: ≥ 5".
fn figure(row: &Row, problems: &mut Vec<Problem>) -> Option<String> {
    let mut problem = |column: &str, message: String| {
        problems.push(Problem {
            row: row.number,
            column: column.into(),
            message,
        });
    };
    let (Some(whose), Some(metric)) = (row.get("whose"), row.get("metric")) else {
        problem(
            "whose",
            "a figure needs `whose` (the party whose losses) and `metric`".into(),
        );
        return None;
    };
    let Some(stated) = row.get("stated") else {
        problem(
            "stated",
            "a figure needs `stated`: 49, ≥ 49, 20–30, several…".into(),
        );
        return None;
    };
    let mut fields = Vec::new();
    if let Some((from, to)) = whose.split_once(crate::model::TRANSFER) {
        // A transfer, as `list` writes it: giver→receiver.
        fields.push(format!("from = {}, to = {}", quoted(from), quoted(to)));
    } else if whose.contains('+') {
        let parties: Vec<String> = whose.split('+').map(quoted).collect();
        fields.push(format!("parties = [{}]", parties.join(", ")));
    } else {
        fields.push(format!("party = {}", quoted(whose)));
    }
    fields.push(format!("metric = {}", quoted(metric)));
    if let Some(c) = row.get("category") {
        fields.push(format!("of = {}", quoted(c)));
    }
    match quantity(stated) {
        Ok(q) => fields.push(q),
        Err(e) => problem("stated", e),
    }
    for key in ["as_of", "since"] {
        if let Some(v) = row.get(key) {
            fields.push(format!("{key} = {}", quoted(v)));
        }
    }
    if let Some(parts) = row.get("breakdown") {
        let mut each = Vec::new();
        // As `list` writes it: "civilians: 2; by fire: 5; others not given".
        let parts = match parts.trim().strip_suffix("others not given") {
            Some(rest) => {
                fields.push("including = true".to_string());
                rest
            }
            None => parts,
        };
        for part in parts.split(';').map(str::trim).filter(|p| !p.is_empty()) {
            match part.split_once(':').map(|(of, q)| (of.trim(), quantity(q))) {
                Some((of, Ok(q))) => match of.strip_prefix("by ") {
                    Some(cause) => each.push(format!("{{ cause = {}, {q} }}", quoted(cause))),
                    None => each.push(format!("{{ of = {}, {q} }}", quoted(of))),
                },
                Some((_, Err(e))) => problem("breakdown", e),
                None => problem(
                    "breakdown",
                    format!("`{part}`: give each part as CATEGORY: QUANTITY"),
                ),
            }
        }
        fields.push(format!("breakdown = [{}]", each.join(", ")));
    }
    Some(format!("figure = {{ {} }}", fields.join(", ")))
}

/// What the row asserts, by its `kind`.
fn assertion(row: &Row, problems: &mut Vec<Problem>) -> Option<String> {
    let mut need = |column: &str, what: &str| {
        let v = row.get(column);
        if v.is_none() {
            problems.push(Problem {
                row: row.number,
                column: column.into(),
                message: format!("{what} needs `{column}`"),
            });
        }
        v
    };
    match row.get("kind").unwrap_or("") {
        // A record's figure; its basis comes from the `record` column.
        "figure" | "record" => figure(row, problems),
        "accusation" => {
            // No `accused`: the claimant names no violator (a denial must
            // name one: the check says so with the written line).
            let act = need("act", "an accusation");
            let mut fields: Vec<String> = row
                .get("accused")
                .map(|a| format!("accused = {}", quoted(a)))
                .into_iter()
                .collect();
            fields.push(format!("act = {}", quoted(act?)));
            if boolean(row, "denies", problems) {
                fields.push("denies = true".into());
            }
            if let Some(at) = row.get("at") {
                fields.push(format!("at = {}", quoted(at)));
            }
            Some(format!("accusation = {{ {} }}", fields.join(", ")))
        }
        "position" => {
            let (p, stance) = (
                need("proposition", "a position"),
                need("stance", "a position"),
            );
            Some(format!(
                "position = {{ proposition = {}, stance = {} }}",
                quoted(p?),
                quoted(stance?)
            ))
        }
        "retraction" => {
            need("withdraws", "a retraction").map(|w| format!("retracts = {}", quoted(w)))
        }
        other => {
            problems.push(Problem {
                row: row.number,
                column: "kind".into(),
                message: format!(
                    "`{other}` is not a kind: give figure, accusation, position or retraction"
                ),
            });
            None
        }
    }
}

/// The claim's fields of one type in the file model's schema.
fn fields_typed(kind: &str) -> Vec<String> {
    let schema = crate::cmd::schema::schema();
    let fields = schema["properties"]["claim"]["items"]["properties"].as_object();
    fields
        .into_iter()
        .flatten()
        .filter(|(_, v)| v["type"] == kind)
        .map(|(k, _)| k.clone())
        .collect()
}

/// A claim's field that is `true` or `false` in the file model's schema.
fn is_flag(key: &str) -> bool {
    static FLAGS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    FLAGS
        .get_or_init(|| fields_typed("boolean"))
        .iter()
        .any(|f| f == key)
}

/// A claim's field that is a whole number (`order`): written bare.
fn is_whole(key: &str) -> bool {
    static WHOLE: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    WHOLE
        .get_or_init(|| fields_typed("integer"))
        .iter()
        .any(|f| f == key)
}

/// A sheet's `reports` names the other documents, not their words: a
/// claim cannot cite them without each report's quote.
fn refuse_reports(row: &Row, problems: &mut Vec<Problem>) {
    if row.get("reports").is_some() {
        problems.push(Problem {
            row: row.number,
            column: "reports".into(),
            message: "other reports are not read from a sheet (their quotes are not in it): \
                      leave the column empty and add `reports = [{ document = \"…\", quote = \"…\" }]` \
                      to the claim in its TOML file"
                .into(),
        });
    }
}

/// A joint statement's co-signatories, "; "-separated as `list` writes them.
fn co_signatories(row: &Row, t: &mut String) {
    if let Some(v) = row.get("with") {
        let ids: Vec<String> = v.split(';').map(|x| quoted(x.trim())).collect();
        let _ = writeln!(t, "with = [{}]", ids.join(", "));
    }
}

/// One row as a `[[claim]]` table.
pub fn claim(row: &Row, problems: &mut Vec<Problem>) -> Option<String> {
    let before = problems.len();
    for column in REQUIRED {
        if row.get(column).is_none() {
            problems.push(Problem {
                row: row.number,
                column: column.into(),
                message: format!("`{column}` is empty"),
            });
        }
    }
    let quote_key = match row.get("quote_kind").unwrap_or("verbatim") {
        "verbatim" => "quote",
        "paraphrase" => "paraphrase",
        other => {
            problems.push(Problem {
                row: row.number,
                column: "quote_kind".into(),
                message: format!("`{other}`: give verbatim or paraphrase"),
            });
            "quote"
        }
    };
    refuse_reports(row, problems);
    let body = assertion(row, problems);
    if problems.len() > before {
        return None;
    }
    let mut t = String::from("[[claim]]\n");
    // The claim's fields in the file model's order; its statement (figure,
    // accusation, position, retracts) comes last, from `assertion`.
    for &key in fields_of::<ClaimFile>() {
        let value = match key {
            "id" => row.get("claim"),
            "quote" => Some(row.get("quote").unwrap_or("")),
            "corrects" if row.get("kind") == Some("retraction") => None,
            "corrects" => row.get("withdraws"),
            "paraphrase" | "retracts" | "figure" | "accusation" | "position" | "reports" => None,
            "attribution" => row.get(key).filter(|v| *v != "on-record"),
            "with" => {
                co_signatories(row, &mut t);
                None
            }
            _ if is_flag(key) => boolean(row, key, problems).then_some("true"),
            _ => row.get(key),
        };
        let key = if key == "quote" { quote_key } else { key };
        match value {
            Some("true") if is_flag(key) => {
                let _ = writeln!(t, "{key} = true");
            }
            Some(v) if is_whole(key) => match v.parse::<u16>() {
                Ok(n) => {
                    let _ = writeln!(t, "{key} = {n}");
                }
                Err(_) => problems.push(Problem {
                    row: row.number,
                    column: key.into(),
                    message: format!("`{v}`: give a whole number (1, 2, …)"),
                }),
            },
            Some(v) => {
                let _ = writeln!(t, "{key} = {}", quoted(v));
            }
            None => {}
        }
    }
    let _ = writeln!(t, "{}", body?);
    Some(t)
}

#[cfg(test)]
mod tests {
    use super::unguard;
    use crate::sanitize::defuse_formula;
    use proptest::prelude::*;

    /// What `list` writes of a cell: the formula guard, then (TSV) the
    /// visible escapes of `render::delimited`.
    fn listed(cell: &str, tsv: bool) -> String {
        let c = defuse_formula(cell).into_owned();
        if !tsv {
            return c;
        }
        c.replace('\\', "\\\\")
            .replace('\t', "\\t")
            .replace('\n', "\\n")
            .replace('\r', "\\r")
    }

    proptest! {
        /// A leading `'` is taken off only where `list` put it: every cell
        /// comes back as it was, a quote's own `'` included.
        #[test]
        fn regression_a_cell_survives_list_then_import(
            cell in "['=+@\\-\t\r\n\\\\a ]{0,6}",
            tsv in any::<bool>(),
        ) {
            prop_assert_eq!(unguard(&listed(&cell, tsv), tsv), cell);
        }
    }

    #[test]
    fn a_quote_that_starts_with_an_apostrophe_keeps_it() {
        for cell in ["'-5 degrees'", "''=x", "'plain"] {
            assert_eq!(unguard(&listed(cell, false), false), cell);
            assert_eq!(unguard(&listed(cell, true), true), cell);
        }
    }
}
