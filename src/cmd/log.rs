//! `claims log EVENT`: the event's corrections log from the data folder's
//! git history — when each published verdict changed, in which commit, and
//! which claims changed it (what the IFCN code asks of fact-checkers).

use std::io::Write;

use serde::Serialize;

use super::diff::{data_dir, load_side, summary, Spec};
use super::{unknown_event, Context};
use crate::compare::Options;
use crate::error::UserError;
use crate::load::{revision, ClaimFilter, Keep, Loaded};
use crate::render::output::Format;
use crate::render::{emit, jsonl, write_sheet};
use crate::view::diff::{self, RowChange, RowChangeKind, Version};
use crate::view::{Cell, Sheet};

/// What an entry records.
#[derive(Clone, Copy, Serialize)]
#[serde(rename_all = "kebab-case")]
enum Change {
    /// The event's first version: its rows, counted.
    Published,
    /// The event back after a commit removed it.
    Republished,
    Verdict,
    Added,
    Removed,
}

/// One published verdict's change.
#[derive(Serialize)]
struct Entry {
    commit: String,
    date: String,
    subject: String,
    row: String,
    label: String,
    change: Change,
    #[serde(skip_serializing_if = "Option::is_none")]
    before: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    after: Option<String>,
    claims: Vec<String>,
    rule_change: bool,
}

#[derive(Serialize)]
struct LogRecord<'a> {
    event: &'a str,
    /// Commits read, oldest first.
    commits: usize,
    /// Commits whose data could not be read cleanly: passed over.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    unreadable: Vec<String>,
    entries: &'a [Entry],
}

/// A commit of the history: hash, day, subject.
struct Commit {
    hash: String,
    date: String,
    subject: String,
}

fn entry(c: &Commit, row: &RowChange) -> Entry {
    Entry {
        commit: c.hash[..c.hash.len().min(12)].to_string(),
        date: c.date.clone(),
        subject: c.subject.clone(),
        row: row.row.clone(),
        label: row.label.clone(),
        change: match row.change {
            RowChangeKind::Added => Change::Added,
            RowChangeKind::Removed => Change::Removed,
            _ => Change::Verdict,
        },
        before: row.before.clone(),
        after: row.after.clone(),
        claims: row.cause.clone(),
        rule_change: row.rule_change,
    }
}

/// The entry of the commit the event first appears in: its rows counted.
fn published(c: &Commit, loaded: &Loaded, event: &str, options: &Options) -> Entry {
    let ds = &loaded.dataset;
    let (rows, conflicts) = ds.event(event).map_or((0, 0), |e| {
        let cmp = crate::compare::compare(ds, e, options.clone());
        (
            cmp.figures.len() + cmp.statements.len(),
            cmp.conflict_count(),
        )
    });
    Entry {
        commit: c.hash[..c.hash.len().min(12)].to_string(),
        date: c.date.clone(),
        subject: c.subject.clone(),
        row: String::new(),
        label: "the event".to_string(),
        change: Change::Published,
        before: None,
        after: Some(format!(
            "{rows} row{}, {conflicts} in conflict",
            if rows == 1 { "" } else { "s" }
        )),
        claims: Vec::new(),
        rule_change: false,
    }
}

fn sheet(entries: &[Entry]) -> Sheet {
    let mut sheet = Sheet::new(["date", "commit", "row", "verdict", "because of", "message"]);
    for e in entries {
        let verdict = match (&e.before, &e.after) {
            (None, Some(a)) if matches!(e.change, Change::Published) => {
                format!("first published: {a}")
            }
            (Some(b), Some(a)) => format!("{b} → {a}"),
            (None, Some(a)) => format!("published: {a}"),
            (Some(b), None) => format!("row gone: was {b}"),
            (None, None) => String::new(),
        };
        let cause = if e.rule_change {
            "rule change".to_string()
        } else {
            e.claims.join(", ")
        };
        let cells = [
            e.date.clone(),
            e.commit.clone(),
            e.label.clone(),
            verdict,
            cause,
            e.subject.clone(),
        ];
        sheet.push(cells.into_iter().map(Cell::new).collect());
    }
    sheet
}

/// The history read oldest first, each commit against the last one that
/// could be read.
struct Walk<'e> {
    event: &'e str,
    options: &'e Options,
    entries: Vec<Entry>,
    unreadable: Vec<String>,
    known: bool,
    /// Known before this commit.
    seen: bool,
    previous: Option<(Loaded, diff::Summary)>,
}

impl Walk<'_> {
    fn step(&mut self, c: &Commit, side: (Loaded, String, String)) {
        let event = self.event;
        let here = side.0.dataset.event(event).is_some();
        self.seen = self.known;
        self.known |= here;
        let sb = summary((&side.0, &side.2));
        let before = self
            .previous
            .as_ref()
            .filter(|(old, _)| old.dataset.event(event).is_some());
        match before {
            Some((old, sa)) => {
                let a = Version {
                    name: String::new(),
                    ds: &old.dataset,
                    summary: sa,
                };
                let b = Version {
                    name: String::new(),
                    ds: &side.0.dataset,
                    summary: &sb,
                };
                if let Some(d) = diff::diff_event(&a, &b, event, self.options) {
                    let moved = d.rows.iter().filter(|r| r.moves_a_verdict());
                    self.entries.extend(moved.map(|r| entry(c, r)));
                }
            }
            // First seen here, or back after a commit removed it.
            None if here => {
                let mut entry = published(c, &side.0, event, self.options);
                if self.seen {
                    entry.change = Change::Republished;
                }
                self.entries.push(entry);
            }
            None => {}
        }
        self.previous = Some((side.0, sb));
    }
}

fn commits(ctx: &Context, max: usize) -> anyhow::Result<Vec<Commit>> {
    if matches!(ctx.data, crate::load::DataSource::Builtin) {
        return Err(UserError::new(
            "the corrections log reads a data folder's git history, and no data folder is given",
        )
        .hint("give --data DIR (a folder in a git repository), or run it inside one")
        .into());
    }
    let dir = data_dir(ctx, "log")?;
    let list = revision::history(&dir, max).map_err(|e| {
        UserError::new(format!("git log: {e}")).hint("the data folder must be in a git repository")
    })?;
    Ok(list
        .into_iter()
        .map(|(hash, date, subject)| Commit {
            hash,
            date,
            subject,
        })
        .collect())
}

pub fn run(
    ctx: &Context,
    event: &str,
    max: usize,
    options: &Options,
    out: &mut dyn Write,
) -> anyhow::Result<u8> {
    let commits = commits(ctx, max)?;
    let keep = Keep::Matching(ClaimFilter {
        event: vec![event.to_string()],
        ..ClaimFilter::default()
    });
    let mut walk = Walk {
        event,
        options,
        entries: Vec::new(),
        unreadable: Vec::new(),
        known: false,
        seen: false,
        previous: None,
    };
    for c in commits.iter().rev() {
        match load_side(ctx, &Spec::Revision(c.hash.clone()), &keep, None) {
            Ok(side) => walk.step(c, side),
            Err(_) => walk
                .unreadable
                .push(c.hash[..c.hash.len().min(12)].to_string()),
        }
    }
    if !walk.known {
        let ds = walk.previous.map(|p| p.0.dataset).unwrap_or_default();
        let hint = format!("no commit of the {} read holds `{event}`", commits.len());
        return Err(unknown_event(&ds, event).hint(hint).into());
    }
    let record = LogRecord {
        event,
        commits: commits.len(),
        unreadable: walk.unreadable,
        entries: &walk.entries,
    };
    if ctx.style.format == Format::Jsonl {
        record
            .entries
            .iter()
            .try_for_each(|e| jsonl::line(out, e))?;
        return Ok(0);
    }
    emit(out, &ctx.style, "log", &record, &|out, style| {
        let n = commits.len();
        writeln!(
            out,
            "corrections log of {event}: {n} commits read, newest last"
        )?;
        if !record.unreadable.is_empty() {
            let passed = record.unreadable.join(", ");
            writeln!(out, "passed over (problems in the data): {passed}")?;
        }
        write_sheet(out, &sheet(record.entries), style)
    })?;
    Ok(0)
}
