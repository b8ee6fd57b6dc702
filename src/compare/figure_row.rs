//! What a figure row holds: each voice's current figure with what it
//! replaced, and the indexes rows are built from.

use std::collections::{BTreeMap, HashMap};

use super::cells::Cells;
use super::derived::FigureValue;
use super::perspective::Perspective;
use super::supersede::Span;
use super::verdict::Verdict;
use crate::model::quantity::Amount;
use crate::model::{Category, Claim, Figure, Metric, Place};

/// One voice's (or column's) current figure on a row, with what it replaced.
/// A voice whose statements the data cannot order has one entry for each.
#[derive(Debug, Clone)]
pub struct FigureEntry<'a> {
    pub key: String,
    /// Within a merged voice, the source (or unnamed official) that said
    /// it: speakers of one voice are weighed against each other.
    pub speaker: Option<String>,
    pub value: FigureValue<'a>,
    /// The moment it stands at, as the rules weigh it (see
    /// [`super::event_end`]): a final toll stands at the event's end.
    pub moment: Span,
    /// For a sum, the floor its growing parts keep forward in time (see
    /// [`super::event_end::growing_floor`]).
    pub floor: Option<Amount>,
    pub perspective: Perspective,
    /// The voice's earlier values on the row, oldest first: on its first
    /// entry only (the others it cannot order share them).
    pub earlier: Vec<FigureValue<'a>>,
    /// Other current values of the same voice that the data cannot order
    /// against this one.
    pub unordered: usize,
    /// In a column: the voice it speaks for has since said something newer
    /// (a relay's cell whose originator revised its figure).
    pub superseded: bool,
    /// The claim that retracted or corrected this value: shown, never counted.
    pub withdrawn: Option<&'a Claim>,
}

#[derive(Debug, Clone)]
pub struct FigureRow<'a> {
    /// Whose losses: a party id, or several joined by `+`.
    pub party: String,
    pub metric: &'a Metric,
    /// The kind of people counted, for a breakdown's part ("border guards").
    pub category: Option<&'a Category>,
    /// Per column (same order as `Comparison::columns`), its current entries.
    pub cells: Cells<FigureEntry<'a>>,
    /// Per voice: what the verdict is drawn on.
    pub voices: Vec<FigureEntry<'a>>,
    pub verdict: Verdict<'a>,
    /// The places the current voices name, when they do not all nest.
    pub places_differ: Vec<&'a Place>,
    /// What was documented afterwards of the row: never a voice.
    pub documented: super::record::Documented<'a>,
}

/// key (column or voice) -> its figures on a row.
pub(super) type Series<'a> = BTreeMap<String, Vec<(&'a Claim, &'a Figure)>>;
/// (whose, metric, category).
pub(super) type RowKey = (String, String, Option<String>);
pub(super) type Index<'a> = HashMap<RowKey, Series<'a>>;
