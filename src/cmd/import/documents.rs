//! The documents a sheet names: a `[[document]]` table for each one the
//! data does not define, from its first row; and every row that gives one
//! document details another row (or the data) gives otherwise, refused by
//! row and column rather than settled by whichever row came first.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use super::sheet::{quoted, Problem, Row};
use crate::model::Document;

/// (sheet column, document field): the details a row can give a document.
const DETAILS: [(&str, &str); 5] = [
    ("outlet", "outlet"),
    ("document_title", "title"),
    ("url", "url"),
    ("document_published", "published"),
    ("document_text", "text"),
];

/// What the data already says of a document, by the sheet's column.
fn in_data(doc: &Document, column: &str) -> Option<String> {
    match column {
        "outlet" => Some(doc.outlet.clone()),
        "document_title" => doc.title.clone(),
        "url" => doc.url.clone(),
        "document_published" => doc.published.as_ref().map(ToString::to_string),
        _ => None,
    }
}

/// The `[[document]]` tables for new documents, each with the row that
/// first names it; and the problems of rows that contradict an earlier row
/// or the data. A detail any row gives goes into the table.
pub fn documents(
    rows: &[Row],
    known: &HashMap<String, Document>,
    problems: &mut Vec<Problem>,
) -> Vec<(usize, String)> {
    // Each new document's details as first given: (value, row).
    let mut first: HashMap<(&str, &str), (&str, usize)> = HashMap::new();
    // New documents in the order rows name them: (id, first row, language).
    let mut new: Vec<(&str, usize, &str)> = Vec::new();
    let mut seen: HashSet<&str> = HashSet::new();
    for row in rows {
        let Some(id) = row.get("document") else {
            continue;
        };
        if let Some(doc) = known.get(id) {
            against_data(row, id, doc, problems);
            continue;
        }
        if seen.insert(id) {
            new.push((id, row.number, row.get("language").unwrap_or("en")));
        }
        for (column, _) in DETAILS {
            let Some(given) = row.get(column) else {
                continue;
            };
            match first.get(&(id, column)) {
                Some(&(earlier, at)) if earlier != given => problems.push(Problem {
                    row: row.number,
                    column: column.into(),
                    message: format!(
                        "`{given}`, but row {at} gives document `{id}` `{earlier}`; one document has one {column}"
                    ),
                }),
                Some(_) => {}
                None => {
                    first.insert((id, column), (given, row.number));
                }
            }
        }
    }
    new.into_iter()
        .map(|(id, at, language)| {
            let detail = |column: &str| first.get(&(id, column)).map(|(v, _)| *v);
            (at, table(id, language, detail))
        })
        .collect()
}

/// A row's details of a document the data defines, where they differ.
fn against_data(row: &Row, id: &str, doc: &Document, problems: &mut Vec<Problem>) {
    for (column, _) in DETAILS {
        let (Some(given), Some(data)) = (row.get(column), in_data(doc, column)) else {
            continue;
        };
        if given != data {
            problems.push(Problem {
                row: row.number,
                column: column.into(),
                message: format!(
                    "`{given}`, but the data gives document `{id}` `{data}`; leave the cell empty or use another document id"
                ),
            });
        }
    }
}

/// A new document's table.
fn table<'r>(id: &str, language: &str, detail: impl Fn(&str) -> Option<&'r str>) -> String {
    let mut t = String::new();
    let _ = writeln!(t, "[[document]]\nid = {}", quoted(id));
    let outlet = detail("outlet").unwrap_or("TODO: the outlet");
    let _ = writeln!(t, "outlet = {}", quoted(outlet));
    for (column, key) in DETAILS.iter().skip(1) {
        if let Some(v) = detail(column) {
            let _ = writeln!(t, "{key} = {}", quoted(v));
        }
    }
    let _ = writeln!(t, "language = {}\n", quoted(language));
    t
}
