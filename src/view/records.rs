//! What machines read: the JSON records of a comparison and of claims, as
//! typed structures (the README's field lists are these types).

use std::collections::BTreeMap;

use serde::Serialize;

use super::comparison::{figure_row_explanation, statement_kind, statement_row_explanation, View};
use super::notes::Note;
use super::verdict_record::VerdictRecord;
use super::wording::{reconciled_text, stance_text, value_text};
use crate::compare::{self, FigureEntry, Grouping, Perspective};
use crate::model::quantity::Amount;
use crate::model::{Attribution, Claim, Place, QuoteKind, Standing};

/// A claim as a comparison cites it.
#[derive(Serialize)]
pub struct ClaimRef<'a> {
    id: &'a str,
    source: &'a str,
    origin: Option<&'a str>,
    /// How a relay got its origin wrong: shown, never counted.
    #[serde(skip_serializing_if = "Option::is_none")]
    misreports: Option<&'a str>,
    said: String,
    /// Its place among its source's statements of that day (`order`).
    #[serde(skip_serializing_if = "Option::is_none")]
    order: Option<u16>,
    quote: &'a str,
    /// `verbatim` (the document's words) or `paraphrase` (the research notes').
    quote_kind: QuoteKind,
    english: Option<&'a str>,
    hedged: bool,
    document: &'a str,
    /// `unnamed` or `unofficial` when not on the record.
    #[serde(skip_serializing_if = "is_on_record")]
    attribution: Attribution,
    #[serde(skip_serializing_if = "Option::is_none")]
    place: Option<&'a str>,
    /// Other documents that carried the same statement, with their words.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    reports: Vec<ReportRef<'a>>,
    /// A statement the tool derived from a position: the position's claim
    /// and the proposition that implies (or presupposes) it.
    #[serde(skip_serializing_if = "Option::is_none")]
    implied_by: Option<ImpliedRef<'a>>,
}

/// Where a derived statement comes from.
#[derive(Serialize)]
pub struct ImpliedRef<'a> {
    /// `implied`, `presupposed`, `reading` (another metric) or `joint` (a co-signatory's).
    kind: &'static str,
    claim: &'a str,
    /// Absent for a figure's other reading (`metric_either`).
    #[serde(skip_serializing_if = "str::is_empty")]
    proposition: &'a str,
}

/// Another document that carried a claim's statement.
#[derive(Serialize)]
pub struct ReportRef<'a> {
    document: &'a str,
    quote: &'a str,
    /// How this outlet got the statement wrong: its reading never counts.
    #[serde(skip_serializing_if = "Option::is_none")]
    misreports: Option<&'a str>,
}

impl<'a> ReportRef<'a> {
    pub fn of(r: &'a crate::model::Report) -> Self {
        ReportRef {
            document: &r.document,
            quote: &r.quote,
            misreports: r.misreports.as_deref(),
        }
    }
}

fn is_on_record(a: &Attribution) -> bool {
    *a == Attribution::OnRecord
}

/// The places a row's voices name when they do not all nest, by id.
fn places(p: &[&Place]) -> Option<Vec<String>> {
    (!p.is_empty()).then(|| p.iter().map(|x| x.id.clone()).collect())
}

impl<'a> ClaimRef<'a> {
    pub fn of(c: &'a Claim) -> Self {
        ClaimRef {
            id: &c.id,
            source: &c.source,
            origin: c.origin.as_deref(),
            misreports: c.misreports.as_deref(),
            said: c.said.to_string(),
            order: c.order,
            quote: &c.quote,
            quote_kind: c.quote_kind,
            english: c.english.as_deref(),
            hedged: c.hedged,
            document: &c.document,
            attribution: c.attribution,
            place: c.place.as_deref(),
            reports: c.reports.iter().map(ReportRef::of).collect(),
            implied_by: c.implied_by.as_ref().map(|i| ImpliedRef {
                kind: match i.kind {
                    crate::model::Derivation::Implied => "implied",
                    crate::model::Derivation::Presupposed => "presupposed",
                    crate::model::Derivation::Reading => "reading",
                    crate::model::Derivation::Joint => "joint",
                },
                claim: &i.claim,
                proposition: &i.proposition,
            }),
        }
    }
}

#[derive(Serialize)]
pub(super) struct EventRecord<'a> {
    pub(super) id: &'a str,
    title: &'a str,
    date: String,
    place: &'a str,
    sides: &'a [String],
}

#[derive(Serialize)]
struct ColumnRecord<'a> {
    id: &'a str,
    name: &'a str,
    party: Option<&'a str>,
    /// For a source's column: how it stands to the parties.
    standing: Option<Standing>,
}

#[derive(Serialize)]
struct FigureCell<'a> {
    text: String,
    derived: bool,
    low: Amount,
    high: Option<Amount>,
    perspective: Perspective,
    hedged: bool,
    claims: Vec<ClaimRef<'a>>,
    earlier: Vec<String>,
    /// The claim that retracted or corrected this value, which then does not count.
    #[serde(skip_serializing_if = "Option::is_none")]
    withdrawn_by: Option<ClaimRef<'a>>,
    /// How it stands to what was documented afterwards, and its grade.
    record: super::against_record::AgainstRecordRecord,
}

impl<'a> FigureCell<'a> {
    fn of(ds: &crate::model::Dataset, row: &compare::FigureRow<'a>, e: &FigureEntry<'a>) -> Self {
        let iv = e.value.interval();
        FigureCell {
            text: value_text(&e.value),
            derived: e.value.is_derived(),
            low: iv.low,
            high: iv.high,
            perspective: e.perspective,
            hedged: e.value.hedged(),
            claims: e.value.claims().into_iter().map(ClaimRef::of).collect(),
            earlier: e.earlier.iter().map(value_text).collect(),
            withdrawn_by: e.withdrawn.map(ClaimRef::of),
            record: super::against_record::against_record(ds, row, e),
        }
    }
}

#[derive(Serialize)]
pub struct FigureRowRecord<'a> {
    party: &'a str,
    /// The parties whose losses the row counts (several for a joint count).
    parties: Vec<&'a str>,
    metric: &'a str,
    /// For a breakdown's part: the category counted.
    category: Option<&'a str>,
    unit: &'a str,
    /// Per column, its current figures: more than one when the data cannot
    /// order a voice's statements.
    cells: BTreeMap<&'a str, Vec<FigureCell<'a>>>,
    voices: Vec<&'a str>,
    verdict: VerdictRecord,
    reconciled: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    places_differ: Option<Vec<String>>,
    /// What was documented afterwards of the row, when anything was.
    #[serde(skip_serializing_if = "Option::is_none")]
    documented: Option<super::against_record::DocumentedRecord<'a>>,
}

#[derive(Serialize)]
struct StanceCell<'a> {
    says: String,
    /// Accusations: the party accused.
    #[serde(skip_serializing_if = "Option::is_none")]
    accused: Option<&'a str>,
    /// Accusations: true for a denial.
    #[serde(skip_serializing_if = "Option::is_none")]
    denies: Option<bool>,
    /// Accusations: when the act happened, as the claimant puts it.
    #[serde(skip_serializing_if = "Option::is_none")]
    at: Option<String>,
    /// Positions: `affirms` or `denies`.
    #[serde(skip_serializing_if = "Option::is_none")]
    stance: Option<&'static str>,
    claim: ClaimRef<'a>,
    earlier: Vec<ClaimRef<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    withdrawn_by: Option<ClaimRef<'a>>,
}

#[derive(Serialize)]
pub struct StatementRowRecord<'a> {
    kind: &'static str,
    id: &'a str,
    label: &'a str,
    /// For a demand: the party it is made of.
    #[serde(skip_serializing_if = "Option::is_none")]
    addressee: Option<&'a str>,
    cells: BTreeMap<&'a str, Vec<StanceCell<'a>>>,
    voices: Vec<&'a str>,
    verdict: VerdictRecord,
    #[serde(skip_serializing_if = "Option::is_none")]
    places_differ: Option<Vec<String>>,
}

#[derive(Serialize)]
struct SideRecord<'a> {
    voice: &'a str,
    says: &'a str,
    claims: Vec<ClaimRef<'a>>,
}

#[derive(Serialize)]
struct ConflictRecord<'a> {
    number: usize,
    subject: &'a str,
    kind: &'static str,
    explanation: &'a str,
    sides: Vec<SideRecord<'a>>,
}

impl<'a> ConflictRecord<'a> {
    fn of(number: usize, n: &'a Note<'a>) -> Self {
        let sides = n.sides.iter().map(|s| SideRecord {
            voice: &s.voice,
            says: &s.says,
            claims: s.claims.iter().map(|c| ClaimRef::of(c)).collect(),
        });
        ConflictRecord {
            number,
            subject: &n.subject,
            kind: n.kind,
            explanation: &n.explanation,
            sides: sides.collect(),
        }
    }
}

/// The JSON `comparison`: `format_version` and `kind` are added by the writer.
#[derive(Serialize)]
pub struct ComparisonRecord<'a> {
    pub(super) event: EventRecord<'a>,
    grouping: &'static str,
    as_of: Option<String>,
    columns: Vec<ColumnRecord<'a>>,
    pub(super) figures: Vec<FigureRowRecord<'a>>,
    pub(super) statements: Vec<StatementRowRecord<'a>>,
    conflicts: Vec<ConflictRecord<'a>>,
    /// Places named across rows that do not lie within one another.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    places_apart: Vec<super::places_apart::PlaceApartRecord>,
    /// The event's records that document no figure row.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    records_on_no_row: Vec<&'a str>,
}

/// Each voice once, in entry order.
fn distinct<'a>(keys: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let mut seen = std::collections::HashSet::new();
    keys.filter(|k| seen.insert(*k)).collect()
}

fn figure_rows<'a>(view: &'a View<'a>) -> Vec<FigureRowRecord<'a>> {
    let cmp = view.cmp;
    let rows = cmp.figures.iter().map(|row| {
        let cells = row.cells.with_columns(&cmp.columns);
        FigureRowRecord {
            party: &row.party,
            // A count of several parties, or a transfer's giver and receiver.
            parties: row
                .party
                .split(['+'])
                .flat_map(|p| p.split(crate::model::TRANSFER))
                .collect(),
            metric: &row.metric.id,
            category: row.category.map(|c| c.id.as_str()),
            places_differ: places(&row.places_differ),
            documented: super::against_record::documented_record(&row.documented),
            unit: &row.metric.unit,
            cells: cells
                .map(|(col, cell)| {
                    let each = cell.iter().map(|e| FigureCell::of(view.ds, row, e));
                    (col.id.as_str(), each.collect())
                })
                .collect(),
            voices: distinct(row.voices.iter().map(|v| v.key.as_str())),
            verdict: VerdictRecord::of(
                &row.verdict,
                figure_row_explanation(row),
                &row.voices
                    .iter()
                    .map(|v| v.key.as_str())
                    .collect::<Vec<_>>(),
            ),
            reconciled: cmp
                .options
                .reconcile
                .map(|r| reconciled_text(compare::reconcile(row, r))),
        }
    });
    rows.collect()
}

fn statement_rows<'a>(view: &'a View<'a>) -> Vec<StatementRowRecord<'a>> {
    let (ds, cmp) = (view.ds, view.cmp);
    let rows = cmp.statements.iter().map(|row| {
        let cells = row.cells.with_columns(&cmp.columns);
        let cell = |entries: &'a [compare::StanceEntry<'a>]| {
            let each = entries.iter().map(|e| {
                let facts = super::tidy::facts(ds, e.claim);
                StanceCell {
                    says: stance_text(ds, e.claim, row.acts_differ),
                    accused: facts.accused,
                    denies: facts.denies,
                    at: facts.at,
                    stance: facts.stance,
                    claim: ClaimRef::of(e.claim),
                    earlier: e.earlier.iter().map(|c| ClaimRef::of(c)).collect(),
                    withdrawn_by: e.withdrawn.map(ClaimRef::of),
                }
            });
            each.collect()
        };
        StatementRowRecord {
            kind: statement_kind(row),
            id: row.id(),
            label: row.label(),
            addressee: row.addressee(),
            cells: cells.map(|(col, e)| (col.id.as_str(), cell(e))).collect(),
            voices: distinct(row.voices.iter().map(|v| v.key.as_str())),
            places_differ: places(&row.places_differ),
            verdict: VerdictRecord::of(
                &row.verdict,
                statement_row_explanation(row, &view.naming()),
                &row.voices
                    .iter()
                    .map(|v| v.key.as_str())
                    .collect::<Vec<_>>(),
            ),
        }
    });
    rows.collect()
}

impl<'a> ComparisonRecord<'a> {
    pub fn of(view: &'a View<'a>) -> Self {
        let (cmp, e) = (view.cmp, view.cmp.event);
        ComparisonRecord {
            event: EventRecord {
                id: &e.id,
                title: &e.title,
                date: e.date.to_string(),
                place: &e.place,
                sides: &e.sides,
            },
            grouping: match cmp.options.by {
                Grouping::Source => "source",
                Grouping::Party => "party",
                Grouping::Side => "side",
            },
            as_of: cmp.options.as_of.as_ref().map(|m| m.to_string()),
            columns: cmp
                .columns
                .iter()
                .map(|c| ColumnRecord {
                    id: &c.id,
                    name: &c.name,
                    party: c.party.as_deref(),
                    standing: c.standing,
                })
                .collect(),
            figures: figure_rows(view),
            statements: statement_rows(view),
            conflicts: view
                .notes
                .iter()
                .enumerate()
                .map(|(i, n)| ConflictRecord::of(i + 1, n))
                .collect(),
            places_apart: super::places_apart::records(view.ds, cmp),
            records_on_no_row: super::against_record::on_no_row(view.ds, cmp)
                .iter()
                .map(|r| r.id.as_str())
                .collect(),
        }
    }
}
