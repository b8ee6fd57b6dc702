//! A source: who speaks, for which party, and how it stood when it spoke.

use super::when::When;
use super::{SourceKind, Standing};

#[derive(Debug, Clone)]
pub struct Source {
    pub id: String,
    pub name: String,
    /// The party it speaks for or is aligned with; `None` when independent.
    pub party: Option<String>,
    pub kind: SourceKind,
    /// Its standing now, or since the last of `periods` ended.
    pub standing: Standing,
    /// Earlier standings, oldest first: each held until (and on) its day
    /// (a president, then a former president).
    pub periods: Vec<(When, Standing)>,
    /// What headings call it ("Arm. MoD"); `None`: its id.
    pub short_name: Option<String>,
}

/// One earlier period of a source's standing, as JSON gives it.
#[derive(Debug, serde::Serialize)]
pub struct PeriodRecord {
    /// The last day it held.
    pub until: String,
    pub standing: Standing,
}

impl Source {
    /// Its earlier periods, for JSON: empty when its standing never changed.
    pub fn period_records(&self) -> Vec<PeriodRecord> {
        let one = |(until, standing): &(When, Standing)| PeriodRecord {
            until: until.to_string(),
            standing: *standing,
        };
        self.periods.iter().map(one).collect()
    }

    /// Its standing when a statement was made: the first period that had
    /// not ended by the statement's last possible instant. `check` refuses
    /// a statement whose date straddles a change.
    pub fn standing_at(&self, said: &When) -> Standing {
        let at = said.span().1;
        self.periods
            .iter()
            .find(|(until, _)| at <= until.span().1)
            .map_or(self.standing, |(_, s)| *s)
    }

    /// "organ until 2018-04-23, then individual"; the standing alone
    /// when it never changed.
    pub fn standing_text(&self) -> String {
        let mut parts: Vec<String> = self
            .periods
            .iter()
            .map(|(until, s)| format!("{} until {until}", s.name()))
            .collect();
        parts.push(self.standing.name().to_string());
        parts.join(", then ")
    }
}
