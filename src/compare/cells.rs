//! A row's cells, one per column that has entries: a table of n sources by
//! n metrics has n × n places but only as many entries as claims, and a
//! dense grid made memory grow with the square of the data.

use std::collections::HashMap;

use super::columns::{column_of, Column};

/// The non-empty cells of a row, in column order: (column index, entries).
#[derive(Debug, Clone)]
pub struct Cells<E>(Vec<(usize, Vec<E>)>);

impl<E> Default for Cells<E> {
    fn default() -> Self {
        Cells(Vec::new())
    }
}

impl<E> Cells<E> {
    /// Puts each entry into the cell of its column (`key` names the
    /// column); `index` maps a column id to its position.
    pub(super) fn of(
        index: &HashMap<&str, usize>,
        entries: Vec<E>,
        key: impl Fn(&E) -> &str,
    ) -> Self {
        let mut cells: Vec<(usize, Vec<E>)> = Vec::new();
        let mut at: HashMap<usize, usize> = HashMap::new();
        for e in entries {
            let Some(&column) = index.get(column_of(key(&e))) else {
                continue;
            };
            let slot = *at.entry(column).or_insert_with(|| {
                cells.push((column, Vec::new()));
                cells.len() - 1
            });
            cells[slot].1.push(e);
        }
        cells.sort_by_key(|(c, _)| *c);
        Cells(cells)
    }

    /// Adds the cell of a column after every other.
    pub(super) fn push(&mut self, column: usize, entries: Vec<E>) {
        if !entries.is_empty() {
            self.0.push((column, entries));
        }
    }

    /// The non-empty cells, in column order.
    pub fn iter(&self) -> impl Iterator<Item = &Vec<E>> {
        self.0.iter().map(|(_, e)| e)
    }

    pub(super) fn iter_mut(&mut self) -> impl Iterator<Item = &mut Vec<E>> {
        self.0.iter_mut().map(|(_, e)| e)
    }

    /// The positions of the columns with entries.
    pub fn columns(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.iter().map(|(i, _)| *i)
    }

    /// The non-empty cells with their columns.
    pub fn with_columns<'c>(
        &self,
        columns: &'c [Column],
    ) -> impl Iterator<Item = (&'c Column, &[E])> {
        self.0
            .iter()
            .filter_map(move |(i, e)| columns.get(*i).map(|c| (c, e.as_slice())))
    }

    /// Every column's entries, an empty slice where it has none: for a
    /// table, whose drawing has a place for each.
    pub fn dense(&self, columns: usize) -> impl Iterator<Item = &[E]> {
        let mut next = self.0.iter().peekable();
        (0..columns).map(move |i| match next.peek() {
            Some((c, e)) if *c == i => {
                next.next();
                e.as_slice()
            }
            _ => &[],
        })
    }
}

/// Each column's position by its id, made once per comparison.
pub(super) fn column_index(columns: &[Column]) -> HashMap<&str, usize> {
    columns
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.as_str(), i))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn column(id: &str) -> Column {
        Column {
            id: id.to_string(),
            name: id.to_string(),
            short: id.to_string(),
            party: None,
            standing: None,
        }
    }

    #[test]
    fn entries_go_to_their_columns_and_empty_columns_take_no_place() {
        let columns = vec![column("a"), column("b"), column("c")];
        let index = column_index(&columns);
        let cells = Cells::of(&index, vec!["c", "a", "c", "zzz"], |e| e);
        let dense: Vec<&[&str]> = cells.dense(3).collect();
        assert_eq!(dense, vec![&["a"][..], &[][..], &["c", "c"][..]]);
        assert_eq!(cells.iter().count(), 2);
        let named: Vec<&str> = cells
            .with_columns(&columns)
            .map(|(c, _)| c.id.as_str())
            .collect();
        assert_eq!(named, vec!["a", "c"]);
    }
}
