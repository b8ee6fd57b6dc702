//! One claim in a listing, as machines read it (`claims list --format json`,
//! CSV, TSV): a flat record whose fields come in alphabetical order.

use serde::Serialize;

use super::wording::subject_and_says;
use crate::model::{Attribution, Claim, Dataset, QuoteKind, Standing};

/// One claim in a listing (`claims list --format json`). Its fields are
/// declared in alphabetical order, the order every JSON document has, so a
/// listing can serialize it directly while it streams.
#[derive(Serialize)]
pub struct ClaimRow<'a> {
    /// `on-record`, `unnamed` or `unofficial`.
    attribution: Attribution,
    claim: &'a str,
    document: &'a str,
    english: Option<&'a str>,
    event: &'a str,
    hedged: bool,
    kind: &'static str,
    language: &'a str,
    origin: Option<&'a str>,
    place: Option<&'a str>,
    quote: &'a str,
    quote_kind: QuoteKind,
    said: String,
    says: String,
    source: &'a str,
    /// How the source stands to the parties.
    standing: Option<Standing>,
    subject: String,
    /// The earlier claim this one retracts or corrects.
    withdraws: Option<&'a str>,
}

impl<'a> ClaimRow<'a> {
    pub fn of(ds: &Dataset, c: &'a Claim) -> Self {
        let (subject, says) = subject_and_says(ds, c);
        let withdraws = match &c.assertion {
            crate::model::Assertion::Retraction { of } => Some(of.as_str()),
            _ => c.corrects.as_deref(),
        };
        ClaimRow {
            attribution: c.attribution,
            place: c.place.as_deref(),
            standing: ds.source(&c.source).map(|s| s.standing),
            withdraws,
            claim: &c.id,
            event: &c.event,
            said: c.said.to_string(),
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
}
