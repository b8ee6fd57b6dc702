//! The comparison: one event's claims aligned by question, one column per
//! source (or party), with a verdict per row. The rules are the README's
//! "Comparison rules", one file each; none of them words anything (that is
//! the view's job), so a rule's outcome is data a test can check.
//!
//! - [`figures`]: rows are (whose losses, metric); a composite is derived
//!   from a voice's parts when it did not state it ([`derived`]).
//! - [`statements`]: accusation rows ([`accusations`]) and proposition rows
//!   ([`positions`]); appeals are shown and never counted.
//! - [`verdict`]: what a row's voices amount to; [`perspective`]: whose
//!   account a figure is; [`reconcile`]: ACLED's and UCDP's single figures.
//! - Supersession: a voice's latest statement on a row counts; `as_of`
//!   drops what was said later.

mod accusations;
mod cells;
mod columns;
mod combined;
mod derived;
mod event_end;
mod figure_row;
mod figures;
pub mod grade;
mod named_pair;
pub mod pairs;
mod perspective;
mod places;
mod positions;
mod reconcile;
pub mod record;
mod scope;
mod series;
mod stances;
mod statements;
mod supersede;
mod verdict;
mod voice_pairs;
mod withdrawn;

pub use cells::Cells;
pub use columns::{Column, OWN_SUM};
pub use derived::FigureValue;
pub use figure_row::{FigureEntry, FigureRow};
pub use pairs::{Incomparable, Outcome, GAP};
pub use perspective::Perspective;
pub use places::{PlaceApart, RowAt};
pub use reconcile::{reconcile, Reconciled};
pub use stances::StanceEntry;
pub use statements::{StatementRow, Topic};
pub use verdict::{
    figure_verdict, Agreement, Conflict, ConflictDetail, ConflictKind, Rival, Verdict, VerdictKind,
    Voiced,
};
pub use withdrawn::Withdrawn;

use std::cmp::Ordering;

use crate::model::when::Moment;
use crate::model::{Claim, Dataset, Event};

/// What a column (and a voice) stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grouping {
    /// One column per source (ministry, "Yerevan", agency…).
    Source,
    /// One column per party: its organs on the record merged; affiliated
    /// media, individuals and unnamed officials keep columns of their own.
    Party,
    /// One column per party with every voice aligned with it merged.
    Side,
}

/// A rule that turns a row's figures into one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reconcile {
    /// ACLED's rule: the lowest figure any source in the row gives.
    Conservative,
    /// UCDP-style low / best / high across the sources.
    Range,
}

#[derive(Debug, Clone)]
pub struct Options {
    pub by: Grouping,
    pub as_of: Option<Moment>,
    pub reconcile: Option<Reconcile>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            by: Grouping::Source,
            as_of: None,
            reconcile: None,
        }
    }
}

#[derive(Debug)]
pub struct Comparison<'a> {
    pub event: &'a Event,
    pub options: Options,
    pub columns: Vec<Column>,
    pub figures: Vec<FigureRow<'a>>,
    pub statements: Vec<StatementRow<'a>>,
    /// Claims retracted or corrected, with the claim that withdrew each.
    pub withdrawn: Withdrawn<'a>,
    pub claims_used: usize,
    /// Places named across rows that do not all nest (see
    /// [`places::across_rows`]); empty when they do.
    pub places_apart: Vec<PlaceApart<'a>>,
}

impl<'a> Comparison<'a> {
    pub fn conflict_count(&self) -> usize {
        let figures = self.figures.iter().filter(|r| r.verdict.is_conflict());
        let statements = self.statements.iter().filter(|r| r.verdict.is_conflict());
        figures.count() + statements.count()
    }

    /// Puts the figure rows in the order of `key` (by each row's place
    /// now; ties keep their order), and the places named apart with them.
    pub fn reorder_figures<K: Ord>(&mut self, ds: &'a Dataset, key: impl Fn(usize) -> K) {
        let mut order: Vec<usize> = (0..self.figures.len()).collect();
        order.sort_by_key(|&i| key(i));
        let mut rows: Vec<Option<FigureRow<'a>>> = self.figures.drain(..).map(Some).collect();
        self.figures = order.iter().filter_map(|&i| rows[i].take()).collect();
        let tree = crate::model::places::PlaceTree::new(ds);
        self.places_apart = places_apart(&tree, ds, &self.figures, &self.statements);
    }

    /// Keeps only the rows in conflict (`compare --conflicts`), and the
    /// places named apart across those rows.
    pub fn retain_conflicts(&mut self, ds: &'a Dataset) {
        self.figures.retain(|r| r.verdict.is_conflict());
        self.statements.retain(|r| r.verdict.is_conflict());
        let tree = crate::model::places::PlaceTree::new(ds);
        self.places_apart = places_apart(&tree, ds, &self.figures, &self.statements);
    }
}

/// Date order (earliest possible moment, then latest), then id: an order
/// that depends on what the data says, never on file names or positions.
pub fn claim_order(a: &Claim, b: &Claim) -> Ordering {
    supersede::said(a)
        .cmp(&supersede::said(b))
        .then_with(|| a.id.cmp(&b.id))
}

/// Builds the comparison of one event.
pub fn compare<'a>(ds: &'a Dataset, event: &'a Event, options: Options) -> Comparison<'a> {
    let mut claims: Vec<&Claim> = ds
        .claims_of_event(&event.id)
        .filter(|c| options.as_of.as_ref().is_none_or(|m| c.said.known_by(m)))
        .collect();
    claims.sort_by(|a, b| claim_order(a, b));
    let scope = scope::Scope {
        ds,
        event,
        by: options.by,
        places: crate::model::places::PlaceTree::new(ds),
        withdrawn: withdrawn::withdrawn(&claims),
        as_of: options.as_of.clone(),
    };
    let mut columns = columns::columns(ds, event, &claims, options.by);
    let figures = figures::rows(&scope, &claims, &mut columns);
    let statements = statements::rows(&scope, &claims, &columns);
    let places_apart = places_apart(&scope.places, ds, &figures, &statements);
    Comparison {
        event,
        options,
        columns,
        figures,
        statements,
        withdrawn: scope.withdrawn,
        // Statements the tool derived from positions are not claims of the data.
        claims_used: claims.iter().filter(|c| c.implied_by.is_none()).count(),
        places_apart,
    }
}

/// The places the rows' current voices name, when they do not all nest.
fn places_apart<'a>(
    tree: &crate::model::places::PlaceTree,
    ds: &'a Dataset,
    figures: &[FigureRow<'a>],
    statements: &[StatementRow<'a>],
) -> Vec<PlaceApart<'a>> {
    let f = figures.iter().enumerate().flat_map(|(i, r)| {
        let claims = r.voices.iter().flat_map(|v| v.value.claims());
        claims.map(move |c| (RowAt::Figure(i), c))
    });
    let s = statements
        .iter()
        .enumerate()
        .flat_map(|(i, r)| r.voices.iter().map(move |v| (RowAt::Statement(i), v.claim)));
    places::across_rows(tree, ds, f.chain(s))
}

/// Claims and figure values built in memory, for the rules' unit tests.
#[cfg(test)]
pub(crate) mod testing {
    use super::FigureValue;
    use crate::model::quantity::Quantity;
    use crate::model::when::parse_when;
    use crate::model::{Assertion, Channel, Claim, Figure, QuoteKind, Required};

    /// A claim by source `s` stating `q` killed of party `p`, said `when`.
    pub fn figure(id: &str, when: &str, q: Quantity) -> Claim {
        Claim::new(Required {
            id: id.into(),
            event: "e".into(),
            source: "s".into(),
            said: parse_when(when).unwrap_or_else(|e| panic!("{e}")),
            via: Channel::Statement,
            document: "d".into(),
            quote: "q".into(),
            quote_kind: QuoteKind::Verbatim,
            language: "en".into(),
            assertion: Assertion::Figure(Figure {
                party: "p".into(),
                parties: vec!["p".into()],
                category: None,
                breakdown: Vec::new(),
                metric: "killed".into(),
                quantity: q,
                readings: Vec::new(),
                stated_in: None,
                either: Vec::new(),
                cause: None,
                including: false,
                unit: None,
                as_of: None,
                since: None,
            }),
            seq: 0,
        })
    }

    /// The claim's figure as a stated value.
    pub fn stated(c: &Claim) -> FigureValue<'_> {
        match &c.assertion {
            Assertion::Figure(f) => FigureValue::Stated(c, f),
            _ => panic!("a figure claim"),
        }
    }
}
