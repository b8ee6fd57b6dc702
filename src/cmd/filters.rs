//! What `list` keeps: several values per filter (`--source a,b`), whose
//! losses (`--about`), when said (`--since`, `--until`), words in the quote,
//! rendering or note (`--grep`), and the order (`--sort`). Ids match without
//! regard to case; an unknown one is named with the nearest known.

use crate::error::unknown;
use crate::load::ClaimFilter;
use crate::model::when::Moment;
use crate::model::{Assertion, Claim, ClaimKind, Dataset};

/// `--sort`: by when said (earliest possible moment), source or event; each
/// then by claim id, so the order never depends on files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    Said,
    Source,
    Event,
    /// As the files hold them: streamed, not sorted.
    File,
}

/// Each list holds the values asked for; an empty one keeps everything.
#[derive(Debug, Default)]
pub struct Filters {
    pub source: Vec<String>,
    pub event: Vec<String>,
    pub party: Vec<String>,
    pub kind: Vec<ClaimKind>,
    pub metric: Vec<String>,
    /// Figures of these parties' losses.
    pub about: Vec<String>,
    /// Said possibly on or after this moment.
    pub since: Option<Moment>,
    /// Said possibly on or before this moment.
    pub until: Option<Moment>,
    /// Words that must all be in the quote, its reading, English rendering or note (any case).
    pub grep: Option<String>,
    pub sort: Option<Sort>,
    /// Every column and whole quotes, on a terminal too.
    pub wide: bool,
    /// CSV and TSV: these columns, in this order.
    pub columns: Option<Vec<&'static str>>,
}

/// Ids are kebab-case, lower case: `Armenia-MOD` means `armenia-mod`.
pub fn ids(values: Vec<String>) -> Vec<String> {
    values
        .iter()
        .flat_map(|v| v.split(','))
        .map(|v| v.trim().to_lowercase())
        .filter(|v| !v.is_empty())
        .collect()
}

impl Filters {
    /// What the loader's workers can test on the file model already.
    pub fn prefilter(&self) -> ClaimFilter {
        ClaimFilter {
            event: self.event.clone(),
            source: self.source.clone(),
            kind: self.kind.clone(),
            metric: self.metric.clone(),
        }
    }

    /// The filters only one value can satisfy, so a terminal table can
    /// leave their column out: (event, source, kind).
    pub fn fixed(&self) -> (bool, bool, bool) {
        (
            self.event.len() == 1,
            self.source.len() == 1,
            self.kind.len() == 1,
        )
    }

    /// Whether a claim passes every filter.
    pub fn matches(&self, ds: &Dataset, c: &Claim) -> bool {
        let any = |list: &[String], value: &str| list.is_empty() || list.iter().any(|x| x == value);
        any(&self.source, &c.source)
            && any(&self.event, &c.event)
            && (self.party.is_empty()
                || ds.party_of(&c.source).is_some_and(|p| any(&self.party, p)))
            && (self.kind.is_empty() || self.kind.contains(&c.kind()))
            && (self.metric.is_empty()
                || matches!(&c.assertion, Assertion::Figure(f) if any(&self.metric, &f.metric)))
            && (self.about.is_empty()
                || matches!(&c.assertion, Assertion::Figure(f)
                    if f.parties.iter().any(|p| any(&self.about, p))))
            && self.when_matches(c)
            && self.grep_matches(c)
    }

    fn when_matches(&self, c: &Claim) -> bool {
        let (start, end) = c.said.span();
        self.since.as_ref().is_none_or(|m| end >= m.sort_key())
            && self.until.as_ref().is_none_or(|m| start <= m.latest())
    }

    fn grep_matches(&self, c: &Claim) -> bool {
        let Some(pattern) = &self.grep else {
            return true;
        };
        // Every word, in any order and any of the texts.
        let texts: Vec<String> = [
            Some(&c.quote),
            c.english.as_ref(),
            c.reading.as_ref(),
            c.note.as_ref(),
        ]
        .into_iter()
        .flatten()
        .map(|t| t.to_lowercase())
        .collect();
        pattern
            .to_lowercase()
            .split_whitespace()
            .all(|word| texts.iter().any(|t| t.contains(word)))
    }

    /// Every id given names something the data defines.
    pub fn check(&self, ds: &Dataset) -> anyhow::Result<()> {
        for s in &self.source {
            if ds.source(s).is_none() {
                return Err(unknown("source", s, ds.sources.iter().map(|x| x.id.as_str())).into());
            }
        }
        for e in &self.event {
            if ds.event(e).is_none() {
                return Err(unknown("event", e, ds.events.iter().map(|x| x.id.as_str())).into());
            }
        }
        for p in self.party.iter().chain(&self.about) {
            if ds.party(p).is_none() {
                return Err(unknown("party", p, ds.parties.iter().map(|x| x.id.as_str())).into());
            }
        }
        for m in &self.metric {
            if ds.metric(m).is_none() {
                return Err(unknown("metric", m, ds.metrics.iter().map(|x| x.id.as_str())).into());
            }
        }
        Ok(())
    }
}

/// Sorts claims for `--sort`; ties broken by claim id.
pub fn sort(claims: &mut [Claim], by: Sort) {
    match by {
        // A day's statements a source ranked (`order`) come in that order.
        Sort::Said => claims.sort_by(crate::compare::claim_order),
        Sort::Source => claims.sort_by(|a, b| (&a.source, &a.id).cmp(&(&b.source, &b.id))),
        Sort::File => {}
        Sort::Event => claims.sort_by(|a, b| {
            a.event
                .cmp(&b.event)
                .then_with(|| crate::compare::claim_order(a, b))
        }),
    }
}
