//! The options of `claims list`, turned into the library's [`Filters`].

use clap::{Args, ValueEnum};

use crate::cmd::filters::{ids, Filters, Sort};
use crate::cmd::list::parse_columns;
use crate::error::UserError;
use crate::model::when::parse_moment;
use crate::model::ClaimKind;

/// `--kind` takes the names the data model gives each kind of claim.
impl ValueEnum for ClaimKind {
    fn value_variants<'a>() -> &'a [Self] {
        &ClaimKind::ALL
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        Some(clap::builder::PossibleValue::new(self.name()))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SortArg {
    /// When said (earliest possible moment), then claim id
    #[value(alias = "date")]
    Said,
    /// Source, then claim id
    Source,
    /// Event, then when said
    Event,
    /// As the files hold them (files in path order, each file's claims by
    /// date): rows stream out and memory stays small on any corpus, but
    /// the order depends on the files' names
    File,
}

/// Every filter takes several values, comma-separated or repeated
/// (`--source a,b --source c`); ids match in any case.
#[derive(Args)]
pub struct ListArgs {
    /// Only statements made by these sources
    #[arg(long, value_name = "ID,…")]
    source: Vec<String>,
    /// Only statements about these events
    #[arg(long, value_name = "ID,…")]
    event: Vec<String>,
    /// Only statements by sources of these parties
    #[arg(long, value_name = "ID,…")]
    party: Vec<String>,
    /// Only figures of these parties' losses (whose losses)
    #[arg(long, value_name = "PARTY,…")]
    about: Vec<String>,
    /// Only figures, accusations, positions or retractions
    #[arg(long, value_enum, value_delimiter = ',')]
    kind: Vec<ClaimKind>,
    /// Only figures of these metrics
    #[arg(long, value_name = "ID,…")]
    metric: Vec<String>,
    /// Only statements that may have been made on or after this date (YYYY-MM-DD[THH:MM])
    #[arg(long, value_name = "DATE")]
    since: Option<String>,
    /// Only statements that may have been made on or before this date
    #[arg(long, value_name = "DATE")]
    until: Option<String>,
    /// Only statements whose quote, reading, English or note hold all these words (any case)
    #[arg(long, value_name = "WORDS")]
    grep: Option<String>,
    /// Order the rows [default: `said`, and `file` for jsonl; `file` streams a huge corpus in little memory]
    #[arg(long, value_enum)]
    sort: Option<SortArg>,
    /// On a terminal too, every column and whole quotes
    #[arg(long)]
    wide: bool,
    /// CSV and TSV: only these columns, in this order (`--columns claim,whose,low,high`)
    #[arg(long, value_name = "A,B,C")]
    columns: Option<String>,
}

fn moment(
    flag: &str,
    text: Option<String>,
) -> Result<Option<crate::model::when::Moment>, UserError> {
    text.map(|t| {
        parse_moment(&t).map_err(|e| {
            UserError::new(format!("{flag}: {e}")).hint("give a date such as 2021-11-16")
        })
    })
    .transpose()
}

impl ListArgs {
    pub fn filters(self) -> Result<Filters, UserError> {
        let (since, until) = (
            moment("--since", self.since)?,
            moment("--until", self.until)?,
        );
        if let (Some(s), Some(u)) = (&since, &until) {
            if s.sort_key() > u.latest() {
                return Err(UserError::new(format!("--since {s} is after --until {u}"))
                    .hint("swap the two dates"));
            }
        }
        Ok(Filters {
            source: ids(self.source),
            event: ids(self.event),
            party: ids(self.party),
            about: ids(self.about),
            kind: self.kind,
            metric: ids(self.metric),
            since,
            until,
            grep: self.grep.filter(|g| !g.trim().is_empty()),
            sort: self.sort.map(|s| match s {
                SortArg::Said => Sort::Said,
                SortArg::Source => Sort::Source,
                SortArg::Event => Sort::Event,
                SortArg::File => Sort::File,
            }),
            wide: self.wide,
            columns: self.columns.as_deref().map(parse_columns).transpose()?,
        })
    }
}
