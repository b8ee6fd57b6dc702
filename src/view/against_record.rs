//! The record beside the figures (issue 26): a row's "documented" line,
//! and each voice's standing to the record with its grade.

use serde::Serialize;

use crate::compare::grade::{grade, times, Grade};
use crate::compare::record::{floor_is_own_list, AgainstRecord, Documented};
use crate::compare::{Comparison, FigureEntry, FigureRow, Perspective};
use crate::model::{Amount, Claim, Dataset};

/// How a voice's figure stands to the record, and its grade.
pub fn weigh(ds: &Dataset, row: &FigureRow, e: &FigureEntry) -> (AgainstRecord, Grade) {
    let doc = &row.documented;
    let own = matches!(e.perspective, Perspective::Own | Perspective::OwnUnofficial);
    let own_list = e.perspective == Perspective::Own && floor_is_own_list(ds, doc);
    let iv = e.value.interval();
    let said = e.value.said();
    // Said before the record was complete, of a count that only grows or
    // of the side's own losses: what was known that day.
    let grew = |done| (row.metric.cumulative || own) && said.0 < done;
    let against = doc.weigh(iv, own_list, &grew);
    let claimant = crate::compare::record::side_of_voice(ds, &e.key);
    (against, grade(ds, doc, iv, against, (own, claimant)))
}

/// "exceeds the record 4.1×".
pub fn against_text(a: AgainstRecord) -> String {
    match a {
        AgainstRecord::NoRecord => "no record".into(),
        AgainstRecord::Below { .. } => "below the record (an undercount)".into(),
        AgainstRecord::BelowLater { .. } => "below the later record (a count that grew)".into(),
        AgainstRecord::Exceeds { ratio } => format!("exceeds the record {}", times(ratio)),
        AgainstRecord::Matches => "matches the record".into(),
        AgainstRecord::Documented => "documented".into(),
        AgainstRecord::FitsFloor => "fits the documented floor".into(),
        AgainstRecord::AboveFloor { ratio } => {
            format!("{} the documented floor, no total", times(ratio))
        }
    }
}

/// What follows a voice's figure in its cell on a row with a record:
/// " [exceeds the record 4.1×; grade 5]"; empty on a row with none (every
/// figure there is grade 6, said once in the legend, not in every cell).
pub fn entry_note(ds: &Dataset, row: &FigureRow, e: &FigureEntry) -> String {
    if row.documented.records.is_empty() || e.withdrawn.is_some() {
        return String::new();
    }
    let (a, g) = weigh(ds, row, e);
    format!(" [{}; grade {}]", against_text(a), g.grade)
}

/// The notes of a cell's entries: one bracket after the cell, each entry
/// named by its value when the cell holds several.
pub fn cell_note(ds: &Dataset, row: &FigureRow, entries: &[FigureEntry]) -> String {
    let notes: Vec<(String, String)> = entries
        .iter()
        .map(|e| (super::wording::value_text(&e.value), entry_note(ds, row, e)))
        .filter(|(_, n)| !n.is_empty())
        .collect();
    match notes.as_slice() {
        [] => String::new(),
        [(_, n)] => n.clone(),
        many => {
            let each: Vec<String> = many
                .iter()
                .map(|(v, n)| {
                    format!(
                        "{v}: {}",
                        n.trim().trim_start_matches('[').trim_end_matches(']')
                    )
                })
                .collect();
            format!(" [{}]", each.join("; "))
        }
    }
}

/// "named: Az. MoD, 2021-11-17", or each part's for a composite.
fn cite(ds: &Dataset, records: &[&Claim]) -> String {
    let each: Vec<String> = records
        .iter()
        .map(|r| {
            let how = r.record.as_ref().map_or("", |d| d.basis.shown());
            let who = crate::compare::grade::documenter_name(ds, r);
            match (&r.assertion, records.len()) {
                (crate::model::Assertion::Figure(f), 2..) => {
                    let n = crate::compare::grade::interval_text(f.quantity.interval());
                    format!("{n} {} {how}: {who}, {}", f.metric, r.said)
                }
                _ => format!("{how}: {who}, {}", r.said),
            }
        })
        .collect();
    each.join("; ")
}

/// The verdict cell's addition: "; documented: at least 7 (named: Az. MoD, 2021-11-17)".
pub fn documented_note(ds: &Dataset, doc: &Documented) -> String {
    let mut out = String::new();
    if let Some(b) = &doc.floor {
        out += &format!(
            "; documented: at least {} ({})",
            b.value,
            cite(ds, &b.records)
        );
    }
    if let Some(b) = &doc.total {
        let t = crate::compare::grade::interval_text(b.value);
        out += &format!("; documented total: {t} ({})", cite(ds, &b.records));
    }
    out
}

/// A row's record in JSON.
#[derive(Serialize)]
pub struct DocumentedRecord<'a> {
    floor: Option<Amount>,
    floor_records: Vec<&'a str>,
    total_low: Option<Amount>,
    total_high: Option<Amount>,
    total_records: Vec<&'a str>,
    records: Vec<&'a str>,
}

fn ids<'a>(records: Option<&Vec<&'a Claim>>) -> Vec<&'a str> {
    records
        .into_iter()
        .flatten()
        .map(|r| r.id.as_str())
        .collect()
}

pub fn documented_record<'a>(doc: &Documented<'a>) -> Option<DocumentedRecord<'a>> {
    if doc.records.is_empty() {
        return None;
    }
    Some(DocumentedRecord {
        floor: doc.floor.as_ref().map(|b| b.value),
        floor_records: ids(doc.floor.as_ref().map(|b| &b.records)),
        total_low: doc.total.as_ref().map(|b| b.value.low),
        total_high: doc.total.as_ref().and_then(|b| b.value.high),
        total_records: ids(doc.total.as_ref().map(|b| &b.records)),
        records: doc.records.iter().map(|r| r.id.as_str()).collect(),
    })
}

/// A voice's figure against the record, in JSON.
#[derive(Serialize)]
pub struct AgainstRecordRecord {
    #[serde(flatten)]
    against: AgainstRecord,
    grade: Grade,
}

pub fn against_record(ds: &Dataset, row: &FigureRow, e: &FigureEntry) -> AgainstRecordRecord {
    let (against, grade) = weigh(ds, row, e);
    AgainstRecordRecord { against, grade }
}

/// How far a row's figures are from its record, for `--against-record`:
/// the largest ratio by which a voice exceeds or falls below it.
pub fn gap(ds: &Dataset, row: &FigureRow) -> f64 {
    row.voices
        .iter()
        .map(|e| match weigh(ds, row, e).0 {
            AgainstRecord::Exceeds { ratio } | AgainstRecord::AboveFloor { ratio } => ratio,
            AgainstRecord::Below { record } | AgainstRecord::BelowLater { record } => {
                let high = e.value.interval().high.unwrap_or(record);
                record.ratio(high.max(Amount::whole(1).min(record)))
            }
            AgainstRecord::NoRecord => 0.0,
            _ => 1.0,
        })
        .fold(0.0, f64::max)
}

/// The event's records that document no figure row (no claim counts what
/// they count): listed once, so that none is dropped without a word.
pub fn on_no_row<'a>(ds: &'a Dataset, cmp: &Comparison<'a>) -> Vec<&'a Claim> {
    let used: std::collections::HashSet<&str> = cmp
        .figures
        .iter()
        .flat_map(|r| r.documented.records.iter().map(|c| c.id.as_str()))
        .collect();
    let as_of = cmp.options.as_of.as_ref();
    ds.records_of_event(&cmp.event.id)
        .filter(|r| as_of.is_none_or(|m| r.said.known_by(m)))
        .filter(|r| !used.contains(r.id.as_str()))
        .collect()
}

/// "Records on no row: Azerbaijan · wounded: 10 (counted independently: AFP)."
pub fn on_no_row_line(ds: &Dataset, cmp: &Comparison) -> Option<String> {
    let records = on_no_row(ds, cmp);
    if records.is_empty() {
        return None;
    }
    let each: Vec<String> = records
        .iter()
        .map(|r| {
            let (subject, says) = super::wording::subject_and_says(ds, r);
            format!("{subject}: {says} ({})", cite(ds, &[*r]))
        })
        .collect();
    Some(format!(
        "Documented, on no row (no claim counts it): {}.",
        each.join("; ")
    ))
}
