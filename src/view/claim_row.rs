//! One claim in a listing, as machines read it (`claims list --format json`,
//! CSV, TSV): a flat record whose fields come in alphabetical order.

use serde::Serialize;

use super::tidy::{facts, said_bounds};
use super::wording::subject_and_says;
use crate::model::quantity::Amount;
use crate::model::{Attribution, Claim, Dataset, QuoteKind, Standing};

/// One claim in a listing (`claims list --format json`). Its fields are
/// declared in alphabetical order, the order every JSON document has, so a
/// listing can serialize it directly while it streams.
#[derive(Serialize)]
pub struct ClaimRow<'a> {
    /// Accusations: the party accused.
    accused: Option<&'a str>,
    /// Accusations: the act.
    act: Option<&'a str>,
    /// Figures: the moment the count stands at, when not when it was said.
    as_of: Option<String>,
    /// Accusations: when the act happened, as the claimant puts it.
    at: Option<String>,
    /// `on-record`, `unnamed` or `unofficial`.
    attribution: Attribution,
    /// Figures: the parts a total is broken into, "soldiers: 30; border-guards: ≥ 5".
    breakdown: Option<String>,
    /// Figures: the kind of people counted, for a breakdown's part.
    category: Option<&'a str>,
    claim: &'a str,
    /// Accusations: true for a denial.
    denies: Option<bool>,
    document: &'a str,
    english: Option<&'a str>,
    event: &'a str,
    hedged: bool,
    /// Figures: the high end; `null` when unbounded.
    high: Option<Amount>,
    kind: &'static str,
    language: &'a str,
    /// Figures: the low end.
    low: Option<Amount>,
    metric: Option<&'a str>,
    /// How a relay got its origin wrong: it counts as no voice.
    misreports: Option<&'a str>,
    note: Option<&'a str>,
    /// Its place among its source's statements of that day (`order`).
    order: Option<u16>,
    origin: Option<&'a str>,
    outlet: Option<&'a str>,
    /// The party the source speaks for.
    party: Option<&'a str>,
    place: Option<&'a str>,
    /// Positions: the proposition.
    proposition: Option<&'a str>,
    quote: &'a str,
    quote_kind: QuoteKind,
    reading: Option<&'a str>,
    /// Records: the basis of what was documented (`named-list`, …).
    record: Option<&'static str>,
    /// Other documents that carried the same statement, by id, "; "-separated.
    reports: Option<String>,
    said: String,
    /// The earliest moment it may have been said, ISO 8601 (`null` for "by DATE").
    said_from: Option<String>,
    /// The latest moment it may have been said, ISO 8601.
    said_until: String,
    says: String,
    /// Figures: a running total since when.
    since: Option<String>,
    source: &'a str,
    /// Positions: `affirms` or `denies`.
    stance: Option<&'static str>,
    /// How the source stands to the parties.
    standing: Option<Standing>,
    /// Figures: the quantity as stated ("≥ 49", "several").
    stated: Option<String>,
    subject: String,
    /// A third party's sum of the parties' own figures (`sum_of_own`): never a voice.
    sum_of_own: Option<bool>,
    unit: Option<&'a str>,
    url: Option<&'a str>,
    via: String,
    /// Figures: whose losses (a party, or several joined by `+`).
    whose: Option<&'a str>,
    /// The other signatories of a joint statement, "; "-separated.
    with: Option<String>,
    /// The earlier claim this one retracts or corrects.
    withdraws: Option<&'a str>,
}

/// CSV and TSV: the table's columns, then every other fact in a column of
/// its own (`--columns` picks and orders them). Each is a field of the JSON
/// record ([`ClaimRow`]), which the cells are taken from: a field of the
/// record goes here too (a test holds the two together).
pub const COLUMNS: [&str; 48] = [
    "event",
    "said",
    "source",
    "kind",
    "subject",
    "says",
    "hedged",
    "quote",
    "claim",
    "standing",
    "attribution",
    "place",
    "withdraws",
    "quote_kind",
    "said_from",
    "said_until",
    "order",
    "origin",
    "with",
    "misreports",
    "party",
    "via",
    "whose",
    "metric",
    "unit",
    "category",
    "breakdown",
    "low",
    "high",
    "stated",
    "as_of",
    "since",
    "act",
    "accused",
    "denies",
    "at",
    "proposition",
    "stance",
    "language",
    "english",
    "reading",
    "note",
    "document",
    "outlet",
    "url",
    "reports",
    "record",
    "sum_of_own",
];

impl<'a> ClaimRow<'a> {
    pub fn of(ds: &'a Dataset, c: &'a Claim) -> Self {
        let (subject, says) = subject_and_says(ds, c);
        let f = facts(ds, c);
        let (said_from, said_until) = said_bounds(&c.said);
        let doc = ds.document(&c.document);
        let withdraws = match &c.assertion {
            crate::model::Assertion::Retraction { of } => Some(of.as_str()),
            _ => c.corrects.as_deref(),
        };
        ClaimRow {
            accused: f.accused,
            act: f.act,
            as_of: f.as_of,
            at: f.at,
            breakdown: f.breakdown,
            category: f.category,
            denies: f.denies,
            high: f.high,
            low: f.low,
            metric: f.metric,
            note: c.note.as_deref(),
            outlet: doc.map(|d| d.outlet.as_str()),
            party: ds.party_of(&c.source),
            proposition: f.proposition,
            reading: c.reading.as_deref(),
            record: c.record.as_ref().map(|d| d.basis.as_str()),
            sum_of_own: c.sum_of_own.then_some(true),
            reports: (!c.reports.is_empty()).then(|| {
                let ids: Vec<&str> = c.reports.iter().map(|r| r.document.as_str()).collect();
                ids.join("; ")
            }),
            said_from,
            said_until,
            since: f.since,
            stance: f.stance,
            stated: f.stated,
            unit: f.unit,
            url: doc.and_then(|d| d.url.as_deref()),
            via: super::citation::via_name(c),
            whose: f.whose,
            attribution: c.attribution,
            place: c.place.as_deref(),
            standing: ds.source(&c.source).map(|s| s.standing_at(&c.said)),
            withdraws,
            claim: &c.id,
            event: &c.event,
            said: c.said.to_string(),
            order: c.order,
            misreports: c.misreports.as_deref(),
            with: (!c.with.is_empty()).then(|| c.with.join("; ")),
            source: &c.source,
            origin: c.origin.as_deref(),
            kind: c.kind_name(),
            subject,
            says,
            hedged: c.hedged,
            quote: &c.quote,
            quote_kind: c.quote_kind,
            language: &c.language,
            english: c.english.as_deref(),
            document: &c.document,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::testing::figure;
    use crate::model::quantity::Quantity;
    use crate::model::Dataset;

    #[test]
    fn a_claim_row_serializes_in_the_sorted_order_of_every_json_document() {
        let mut claim = figure("c", "2021-11-16", Quantity::Exact(3.into()));
        claim.origin = Some("o".into());
        claim.hedged = true;
        let ds = Dataset::default();
        let row = ClaimRow::of(&ds, &claim);
        let direct = serde_json::to_string(&row).ok();
        let sorted = serde_json::to_value(&row).and_then(|v| serde_json::to_string(&v));
        assert_eq!(direct, sorted.ok());
    }

    #[test]
    fn every_field_of_the_record_is_a_column_of_csv_and_tsv() {
        let claim = figure("c", "2021-11-16", Quantity::Exact(3.into()));
        let ds = Dataset::default();
        let row = serde_json::to_value(ClaimRow::of(&ds, &claim)).expect("a record");
        let mut fields: Vec<&str> = row
            .as_object()
            .expect("an object")
            .keys()
            .map(String::as_str)
            .collect();
        let mut columns = COLUMNS.to_vec();
        fields.sort_unstable();
        columns.sort_unstable();
        assert_eq!(fields, columns);
    }
}
