//! A comparison as people read it: the two tables, the numbered conflicts,
//! the header and source lines. Every format and the reports draw on this.

use std::cell::OnceCell;

use super::explain::{
    figure_explanation, gap_explanation, places_note, statement_explanation, verdict_text,
};
use super::notes::{notes, Note};
use super::sheet::{Cell, Sheet, Tone};
use super::wording::{
    figure_cell, metric_label, perspective_label, reconcile_header, reconciled_text, stance_cell,
    Naming,
};
use crate::compare::{self, Comparison, FigureRow, Grouping, StatementRow, Verdict};
use crate::model::Dataset;

pub struct View<'a> {
    pub ds: &'a Dataset,
    pub cmp: &'a Comparison<'a>,
    /// The tables for people, drawn only when a format asks for them: a
    /// table has a place for every row and column, which JSON never needs.
    figures: OnceCell<Sheet>,
    statements: OnceCell<Sheet>,
    history: bool,
    pub notes: Vec<Note<'a>>,
    /// Which data the comparison was made from, in words ("./newsroom"),
    /// for the lines that say so; `None` where no command says.
    pub data_name: Option<String>,
}

/// A row's kind as the statements table and JSON name it.
pub fn statement_kind(row: &StatementRow) -> &'static str {
    match row.topic {
        compare::Topic::Act(_) => "accusation",
        compare::Topic::Question(_) => "question",
        _ if row.topic.is_appeal() => "appeal",
        _ if row.topic.is_demand() => "demand",
        compare::Topic::Proposition(_) => "position",
    }
}

/// Why a figure row stands as it does, empty unless it conflicts or is far apart.
pub fn figure_row_explanation(row: &FigureRow) -> String {
    match &row.verdict {
        Verdict::Conflict(d) => figure_explanation(&row.voices, d),
        Verdict::Gap(d) => gap_explanation(&row.voices, d),
        _ => String::new(),
    }
}

pub fn statement_row_explanation(row: &StatementRow, naming: &Naming) -> String {
    match &row.verdict {
        Verdict::Conflict(d) => statement_explanation(&row.voices, d, naming),
        _ => String::new(),
    }
}

fn verdict_cell(v: &Verdict, explanation: &str, single: Option<&str>, places: String) -> Cell {
    let tone = match v {
        Verdict::Conflict(_) => Tone::Conflict,
        Verdict::Gap(_) => Tone::Gap,
        Verdict::Consistent { .. } => Tone::Agree,
        Verdict::NotComparable(_)
        | Verdict::SingleSource
        | Verdict::Appeal
        | Verdict::Demand
        | Verdict::Withdrawn => Tone::Muted,
    };
    Cell::new(verdict_text(v, explanation, single) + &places).tone(tone)
}

fn figures_sheet(ds: &Dataset, cmp: &Comparison, history: bool) -> Sheet {
    let mut headers = vec!["whose".to_string(), "metric".to_string()];
    headers.extend(cmp.columns.iter().map(|c| c.short.clone()));
    headers.push("verdict".to_string());
    let reconcile = cmp.options.reconcile;
    headers.extend(reconcile.map(|r| reconcile_header(r).to_string()));
    let verdict = 2 + cmp.columns.len();
    let mut sheet = Sheet::new(headers)
        .titled("Figures")
        .blocks(2, Some(verdict));
    // A verdict squeezed under 28 columns takes four lines: blocks read better.
    sheet.min_widths = vec![(0, 10), (1, 12), (2 + cmp.columns.len(), 28)];
    for (i, row) in cmp.figures.iter().enumerate() {
        let mut cells = vec![
            Cell::new(ds.parties_name(&row.party)),
            Cell::new(metric_label(row)),
        ];
        cells.extend(row.cells.dense(cmp.columns.len()).map(|cell| {
            let record = super::against_record::cell_note(ds, row, cell);
            let short = figure_cell(cell, &cmp.withdrawn, history, false, ds) + &record;
            let long = figure_cell(cell, &cmp.withdrawn, history, true, ds) + &record;
            Cell::new(short).long(long)
        }));
        let single = row.voices.first().map(|v| perspective_label(v.perspective));
        let explanation = figure_row_explanation(row);
        let places = places_note(ds, &row.places_differ)
            + &super::places_apart::row_note(ds, cmp, compare::RowAt::Figure(i))
            + &super::against_record::documented_note(ds, &row.documented);
        cells.push(verdict_cell(&row.verdict, &explanation, single, places));
        if let Some(rule) = reconcile {
            cells.push(Cell::new(reconciled_text(compare::reconcile(row, rule))));
        }
        sheet.push(cells);
    }
    sheet
}

fn statements_sheet(ds: &Dataset, cmp: &Comparison, history: bool) -> Sheet {
    let mut headers = vec!["kind".to_string(), "statement".to_string()];
    headers.extend(cmp.columns.iter().map(|c| c.short.clone()));
    headers.push("verdict".to_string());
    let verdict = 2 + cmp.columns.len();
    let mut sheet = Sheet::new(headers)
        .titled("Accusations and positions")
        .blocks(2, Some(verdict));
    sheet.min_widths = vec![(0, 8), (1, 18), (2 + cmp.columns.len(), 28)];
    for (i, row) in cmp.statements.iter().enumerate() {
        let label = match row.addressee() {
            Some(p) => format!("(of {}) {}", ds.party_name(p), row.label()),
            None => row.label().to_string(),
        };
        let mut cells = vec![Cell::new(statement_kind(row)), Cell::new(label)];
        cells.extend(row.cells.dense(cmp.columns.len()).map(|e| {
            let flags = (history, row.acts_differ);
            Cell::new(stance_cell(ds, e, &cmp.withdrawn, flags))
        }));
        let naming = Naming {
            ds,
            by: cmp.options.by,
        };
        let explanation = statement_row_explanation(row, &naming);
        let places = places_note(ds, &row.places_differ)
            + &super::places_apart::row_note(ds, cmp, compare::RowAt::Statement(i));
        cells.push(verdict_cell(&row.verdict, &explanation, None, places));
        sheet.push(cells);
    }
    sheet
}

impl<'a> View<'a> {
    pub fn new(ds: &'a Dataset, cmp: &'a Comparison<'a>, history: bool) -> Self {
        View {
            ds,
            cmp,
            figures: OnceCell::new(),
            statements: OnceCell::new(),
            history,
            notes: notes(ds, cmp),
            data_name: None,
        }
    }

    /// The figures table.
    pub fn figures(&self) -> &Sheet {
        self.figures
            .get_or_init(|| figures_sheet(self.ds, self.cmp, self.history))
    }

    /// The accusations and positions table.
    pub fn statements(&self) -> &Sheet {
        self.statements
            .get_or_init(|| statements_sheet(self.ds, self.cmp, self.history))
    }

    /// The two tables for people: a source that said nothing of a kind gets no
    /// column in that table. (CSV and JSON keep every column.)
    pub fn compact(&self) -> [Sheet; 2] {
        [
            self.figures().without_empty_columns(2),
            self.statements().without_empty_columns(2),
        ]
    }

    /// Title, date and place, and the counts.
    pub fn header_lines(&self) -> Vec<String> {
        let e = self.cmp.event;
        let mut opts = Vec::new();
        if let Some(m) = &self.cmp.options.as_of {
            opts.push(format!("as known on {m}"));
        }
        match self.cmp.options.by {
            Grouping::Party => opts.push("each party's organs merged".to_string()),
            Grouping::Side => opts.push("every voice aligned with a party merged".to_string()),
            Grouping::Source => {}
        }
        let opts = if opts.is_empty() {
            String::new()
        } else {
            format!(" ({})", opts.join(", "))
        };
        vec![
            format!("{} ({})", e.title, e.id),
            format!("{} · {}", e.date, e.place),
            format!(
                "{} claims, {} conflict{}{opts}",
                self.cmp.claims_used,
                self.notes.len(),
                if self.notes.len() == 1 { "" } else { "s" }
            ),
        ]
    }

    /// "armenia-mod: Ministry of Defence of Armenia (Armenia, organ)" per
    /// column that says something in the rows shown (`--conflicts` shows few).
    pub fn column_lines(&self) -> Vec<String> {
        let n = self.cmp.columns.len();
        // Columns with an entry in a row shown: found from the rows' cells
        // once, not by scanning every row for every column.
        let figures = self.cmp.figures.iter().flat_map(|r| r.cells.columns());
        let statements = self.cmp.statements.iter().flat_map(|r| r.cells.columns());
        let said: std::collections::HashSet<usize> = figures.chain(statements).collect();
        let speaks = |i: usize| said.contains(&i);
        self.cmp
            .columns
            .iter()
            .enumerate()
            .filter(|&(i, _)| i < n && speaks(i))
            .map(|(_, c)| {
                let party = c.party.as_deref().map_or("no party".to_string(), |p| {
                    self.ds.party_name(p).to_string()
                });
                // A source whose standing changed says how.
                let standing = match (c.standing, self.ds.source(&c.id)) {
                    (Some(_), Some(s)) => format!(", {}", s.standing_text()),
                    (Some(st), None) => format!(", {}", st.name()),
                    _ => String::new(),
                };
                // The heading, then the id where it differs: the key to both.
                let id = if c.short == c.id {
                    String::new()
                } else {
                    format!("{}; ", c.id)
                };
                format!("{}: {} ({id}{party}{standing})", c.short, c.name)
            })
            .collect()
    }

    /// When nothing conflicts, what was not weighed: blame under different
    /// acts, and figures no two sides give.
    pub fn not_compared(&self) -> Vec<String> {
        let (ds, cmp) = (self.ds, self.cmp);
        let side = |voice: &str| -> Option<String> {
            let base = voice.split('#').next().unwrap_or(voice);
            let party = if ds.party(base).is_some() && cmp.options.by != Grouping::Source {
                Some(base)
            } else {
                ds.party_of(base)
            };
            party
                .filter(|p| cmp.event.sides.iter().any(|s| s == p))
                .map(str::to_string)
        };
        let mut out = Vec::new();
        // (accuser's side, accused, act label) of every current accusation.
        let mut blames: Vec<(String, &str, &str)> = Vec::new();
        for row in &cmp.statements {
            for v in &row.voices {
                if let (crate::model::Assertion::Accusation(a), Some(s)) =
                    (&v.claim.assertion, side(&v.key))
                {
                    match a.accused.as_deref() {
                        Some(accused) if !a.denies && s != accused => {
                            blames.push((s, accused, row.label()));
                        }
                        _ => {}
                    }
                }
            }
        }
        let mutual = blames.iter().find_map(|(a, b, act)| {
            let other = blames
                .iter()
                .find(|(x, y, o)| x == b && y == a && o != act)?;
            Some((a, *act, &other.0, other.2))
        });
        if let Some((a, act, b, other)) = mutual {
            out.push(format!(
                "{} and {} blame each other under different acts (\"{act}\"; \"{other}\"), which are not weighed against each other",
                ds.party_name(a),
                ds.party_name(b)
            ));
        }
        let shared = cmp.figures.iter().any(|r| {
            let mut sides: Vec<String> = r.voices.iter().filter_map(|v| side(&v.key)).collect();
            sides.sort_unstable();
            sides.dedup();
            sides.len() >= 2
        });
        if !cmp.figures.is_empty() && !shared {
            out.push("no figure is given by both sides".to_string());
        }
        out
    }

    /// A voice as a heading or a one-line summary calls it: its column's
    /// short name ("Arm. MoD"), marked when not on the record.
    pub fn short_name(&self, key: &str) -> String {
        self.naming().voice(key)
    }

    /// How this comparison's sentences name voices and parties.
    pub fn naming(&self) -> Naming<'_> {
        Naming {
            ds: self.ds,
            by: self.cmp.options.by,
        }
    }

    /// A voice as people call it: its column's name ("Ministry of Defence
    /// of Armenia", "Armenia" under `--by party`), marked when not on the
    /// record; the key itself when no column has it.
    pub fn voice_name(&self, key: &str) -> String {
        let label = super::wording::voice_label(key);
        match self.cmp.columns.iter().find(|c| c.id == key) {
            Some(c) if c.name != c.id => {
                match label.strip_prefix(key.split('#').next().unwrap_or(key)) {
                    Some(mark) => format!("{}{mark}", c.name),
                    None => c.name.clone(),
                }
            }
            _ => label,
        }
    }

    /// An identifier of the data a comparison rests on: a hash of the event,
    /// every claim and document it drew on, and every definition (parties,
    /// sources, vocabulary, places, propositions: a source moved to another
    /// party changes verdicts), so two reports can be told to come from the
    /// same data or not. Sorted, so file names and order change nothing.
    pub fn data_id(&self) -> String {
        use std::hash::Hasher;
        let mut h = fnv::FnvHasher::default();
        let ds = self.ds;
        let mut definitions: Vec<String> = Vec::new();
        definitions.extend(ds.parties.iter().map(|x| format!("{x:?}")));
        definitions.extend(ds.sources.iter().map(|x| format!("{x:?}")));
        definitions.extend(ds.metrics.iter().map(|x| format!("{x:?}")));
        definitions.extend(ds.acts.iter().map(|x| format!("{x:?}")));
        definitions.extend(ds.questions.iter().map(|x| format!("{x:?}")));
        definitions.extend(ds.vague.iter().map(|x| format!("{x:?}")));
        definitions.extend(ds.categories.iter().map(|x| format!("{x:?}")));
        definitions.extend(ds.places.iter().map(|x| format!("{x:?}")));
        definitions.extend(ds.propositions.iter().map(|x| format!("{x:?}")));
        definitions.sort_unstable();
        for d in &definitions {
            h.write(d.as_bytes());
        }
        let e = self.cmp.event;
        h.write(format!("{e:?}").as_bytes());
        let mut claims: Vec<&crate::model::Claim> = self.ds.claims_of_event(&e.id).collect();
        claims.sort_by(|a, b| a.id.cmp(&b.id));
        for c in claims {
            // Without its position in the data: file names and order change nothing.
            let mut c = c.clone();
            c.seq = 0;
            h.write(format!("{c:?}").as_bytes());
            if let Some(d) = self.ds.document(&c.document) {
                h.write(format!("{d:?}").as_bytes());
            }
        }
        format!("{:016x}", h.finish())
    }

    /// "9 sources made 30 statements about this event; 3 conflicts stand between their accounts."
    pub fn summary_sentence(&self) -> String {
        let n = self.notes.len();
        format!(
            "{} sources made {} statements about this event; {n} conflict{} between their accounts.",
            self.cmp.columns.iter().filter(|c| c.id != compare::OWN_SUM).count(),
            self.cmp.claims_used,
            if n == 1 { " stands" } else { "s stand" }
        )
    }
}
