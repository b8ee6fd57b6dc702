//! A titled table of cells, each with a tone: what every tabular output is
//! built as before a renderer writes it in a format.

/// How a cell should stand out on a colour terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Plain,
    Conflict,
    /// Far apart, though not in conflict.
    Gap,
    Agree,
    Muted,
    Heading,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    pub text: String,
    pub tone: Tone,
    /// The same in words, for a layout with room (a block's own line):
    /// "70 (claim about the other side)" where a table says "70 (adv.)".
    pub long: Option<String>,
}

impl Cell {
    pub fn new(text: impl Into<String>) -> Self {
        Cell {
            text: text.into(),
            tone: Tone::Plain,
            long: None,
        }
    }

    pub fn long(mut self, long: String) -> Self {
        self.long = Some(long).filter(|l| *l != self.text);
        self
    }
    pub fn tone(mut self, tone: Tone) -> Self {
        self.tone = tone;
        self
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Self {
        Cell::new(text)
    }
}
impl From<&str> for Cell {
    fn from(text: &str) -> Self {
        Cell::new(text)
    }
}

#[derive(Debug, Clone, Default)]
pub struct Sheet {
    pub title: Option<String>,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    /// On a narrow terminal, the least width (column, characters) a column keeps.
    pub min_widths: Vec<(usize, u16)>,
    /// How many first columns name a row: when the columns cannot fit a
    /// terminal, each row becomes a block headed by them.
    pub lead: usize,
    /// A column shown on a block's first line, after the row's name (the verdict).
    pub headline: Option<usize>,
}

impl Sheet {
    pub fn new<S: Into<String>>(headers: impl IntoIterator<Item = S>) -> Self {
        Sheet {
            title: None,
            headers: headers.into_iter().map(Into::into).collect(),
            rows: Vec::new(),
            min_widths: Vec::new(),
            lead: 1,
            headline: None,
        }
    }

    /// Names rows by their first `lead` cells, with the `headline` column
    /// beside the name, when laid out as blocks.
    pub fn blocks(mut self, lead: usize, headline: Option<usize>) -> Self {
        self.lead = lead;
        self.headline = headline;
        self
    }

    pub fn titled(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    pub fn push(&mut self, row: Vec<Cell>) {
        self.rows.push(row);
    }

    /// The sheet without the columns that are empty in every row, apart from
    /// the first `lead` ones: a source that gave no figure needs no column
    /// in the figures table.
    pub fn without_empty_columns(&self, lead: usize) -> Sheet {
        let keep: Vec<usize> = (0..self.headers.len())
            .filter(|&i| {
                i < lead
                    || self
                        .rows
                        .iter()
                        .any(|r| r.get(i).is_some_and(|c| !c.text.is_empty()))
            })
            .collect();
        Sheet {
            title: self.title.clone(),
            headers: keep.iter().map(|&i| self.headers[i].clone()).collect(),
            rows: self
                .rows
                .iter()
                .map(|r| keep.iter().filter_map(|&i| r.get(i).cloned()).collect())
                .collect(),
            min_widths: self
                .min_widths
                .iter()
                .filter_map(|&(i, w)| keep.iter().position(|&k| k == i).map(|n| (n, w)))
                .collect(),
            lead: self.lead,
            headline: self
                .headline
                .and_then(|h| keep.iter().position(|&k| k == h)),
        }
    }
}
