//! `compare --format jsonl`: the rows of the JSON record, a line each.

use serde::Serialize;

use super::records::{ComparisonRecord, FigureRowRecord, StatementRowRecord};

/// One line of `compare --format jsonl`: a row of the JSON record's
/// `figures` or `statements`, with its event and which of the two it is.
#[derive(Serialize)]
pub struct RowLine<'r, 'a> {
    event: &'a str,
    #[serde(flatten)]
    row: RowOf<'r, 'a>,
}

#[derive(Serialize)]
#[serde(tag = "section", rename_all = "lowercase")]
enum RowOf<'r, 'a> {
    Figure(&'r FigureRowRecord<'a>),
    Statement(&'r StatementRowRecord<'a>),
}

impl<'a> ComparisonRecord<'a> {
    /// The figure rows, then the statement rows, one record each.
    pub fn rows<'r>(&'r self) -> impl Iterator<Item = RowLine<'r, 'a>> + 'r {
        let event = self.event.id;
        let figures = self.figures.iter().map(RowOf::Figure);
        let statements = self.statements.iter().map(RowOf::Statement);
        figures
            .chain(statements)
            .map(move |row| RowLine { event, row })
    }
}
