//! `claims diff` for people: a summary table of what changed per event
//! (`--stat` stops there), then each event's changed rows with their cause
//! and its claims; as Markdown for a pull request's comment; and the
//! changed rows as a sheet for CSV, TSV and HTML.

use std::collections::HashMap;
use std::io::{self, Write};

use super::output::{Format, Style};
use super::write_sheet;
use crate::sanitize::{escape, markdown_cell};
use crate::view::diff::{
    ClaimChange, ClaimChangeKind, Diff, EventDiff, EventStatus, RowChange, RowChangeKind,
};
use crate::view::{Cell, Sheet};

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "2 verdicts changed, 1 row added in 2 events", or that none did.
pub fn headline(diff: &Diff) -> String {
    if diff.events.is_empty() {
        return "no change to any claim or verdict".to_string();
    }
    let sum = |f: fn(&crate::view::diff::Stat) -> usize| {
        diff.events.iter().map(|e| f(&e.stat)).sum::<usize>()
    };
    let parts: Vec<String> = [
        (
            sum(|s| s.verdicts_changed),
            "verdict changed",
            "verdicts changed",
        ),
        (sum(|s| s.rows_added), "row added", "rows added"),
        (sum(|s| s.rows_removed), "row removed", "rows removed"),
    ]
    .into_iter()
    .filter(|(n, _, _)| *n > 0)
    .map(|(n, one, many)| plural(n, one, many))
    .collect();
    let moved = diff
        .events
        .iter()
        .filter(|e| e.rows.iter().any(RowChange::moves_a_verdict))
        .count();
    if parts.is_empty() {
        let claims = sum(|s| s.claims_changed);
        let figures = sum(|s| s.figures_changed);
        let what = match (claims + figures > 0, figures > 0) {
            (false, _) => "claims only moved or renamed",
            (true, true) => "figures or claims changed",
            (true, false) => "claims changed",
        };
        return format!(
            "no verdict changed; {what} in {}",
            plural(diff.events.len(), "event", "events")
        );
    }
    format!(
        "{} in {}",
        parts.join(", "),
        plural(moved, "event", "events")
    )
}

fn event_name(e: &EventDiff) -> String {
    match e.status {
        EventStatus::Added => format!("{} (new)", e.event),
        EventStatus::Removed => format!("{} (removed)", e.event),
        EventStatus::Changed => e.event.clone(),
    }
}

/// The `--stat` sheet: one row per event.
pub fn stat_sheet(diff: &Diff) -> Sheet {
    let mut sheet = Sheet::new([
        "event",
        "verdicts changed",
        "rows added",
        "rows removed",
        "figures changed",
        "conflicts",
        "claims changed",
    ]);
    for e in &diff.events {
        let s = &e.stat;
        sheet.push(vec![
            Cell::new(event_name(e)),
            Cell::new(s.verdicts_changed.to_string()),
            Cell::new(s.rows_added.to_string()),
            Cell::new(s.rows_removed.to_string()),
            Cell::new(s.figures_changed.to_string()),
            Cell::new(format!("{} → {}", s.conflicts_before, s.conflicts_after)),
            Cell::new(s.claims_changed.to_string()),
        ]);
    }
    sheet
}

fn entries(list: &[String]) -> String {
    if list.is_empty() {
        "—".to_string()
    } else {
        list.join(" / ")
    }
}

/// "armenia-mod 1 → 6; armenia —  → 4".
fn cells_text(row: &RowChange) -> String {
    let each: Vec<String> = row
        .cells
        .iter()
        .map(|c| {
            format!(
                "{} {} → {}",
                c.column,
                entries(&c.before),
                entries(&c.after)
            )
        })
        .collect();
    each.join("; ")
}

/// What one claim's change was, in a few words.
fn claim_words(c: &ClaimChange) -> String {
    match c.change {
        ClaimChangeKind::Added => "added".to_string(),
        ClaimChangeKind::Removed => "removed".to_string(),
        ClaimChangeKind::Changed => format!("changed: {}", c.fields.join(", ")),
        ClaimChangeKind::Retracted => format!("retracted by {}", c.by.as_deref().unwrap_or("?")),
        ClaimChangeKind::Restored => {
            format!("no longer withdrawn by {}", c.by.as_deref().unwrap_or("?"))
        }
        ClaimChangeKind::Renamed => match (&c.from_file, &c.file) {
            (Some(a), Some(b)) => format!(
                "renamed from {} and moved from {a} to {b}",
                c.from.as_deref().unwrap_or("?")
            ),
            _ => format!("renamed from {}", c.from.as_deref().unwrap_or("?")),
        },
        ClaimChangeKind::Moved => format!(
            "moved from {} to {}",
            c.from.as_deref().unwrap_or("?"),
            c.file.as_deref().unwrap_or("?")
        ),
    }
}

/// "kil-x (changed: assertion)", or "rule change: …".
fn cause_text(row: &RowChange, claims: &HashMap<&str, Vec<&ClaimChange>>) -> String {
    if row.rule_change {
        return "rule change: no claim on this row changed".to_string();
    }
    let each: Vec<String> = row
        .cause
        .iter()
        .map(|id| {
            let why: Vec<String> = claims
                .get(id.as_str())
                .into_iter()
                .flatten()
                .map(|c| claim_words(c))
                .collect();
            format!("{id} ({})", why.join("; "))
        })
        .collect();
    each.join(", ")
}

fn by_id(e: &EventDiff) -> HashMap<&str, Vec<&ClaimChange>> {
    let mut map: HashMap<&str, Vec<&ClaimChange>> = HashMap::new();
    for c in &e.claims {
        map.entry(c.id.as_str()).or_default().push(c);
    }
    map
}

fn row_line(row: &RowChange) -> String {
    let (mark, verdict) = match row.change {
        RowChangeKind::Verdict => (
            "~",
            format!(
                "{} → {}",
                row.before.as_deref().unwrap_or(""),
                row.after.as_deref().unwrap_or("")
            ),
        ),
        RowChangeKind::Figures => (
            "~",
            format!("{} (unchanged)", row.after.as_deref().unwrap_or("")),
        ),
        RowChangeKind::Added => (
            "+",
            format!("new row: {}", row.after.as_deref().unwrap_or("")),
        ),
        RowChangeKind::Removed => (
            "-",
            format!("row gone: was {}", row.before.as_deref().unwrap_or("")),
        ),
    };
    format!("{mark} {}: {verdict}", row.label)
}

fn claim_mark(c: &ClaimChange) -> &'static str {
    match c.change {
        ClaimChangeKind::Added => "+",
        ClaimChangeKind::Removed => "-",
        ClaimChangeKind::Retracted => "×",
        _ => "~",
    }
}

fn write_event(out: &mut dyn Write, e: &EventDiff) -> io::Result<()> {
    writeln!(out, "\n{}", escape(&event_name(e)))?;
    let claims = by_id(e);
    for row in &e.rows {
        writeln!(out, "  {}", escape(&row_line(row)))?;
        if !row.cells.is_empty() {
            writeln!(out, "      {}", escape(&cells_text(row)))?;
        }
        writeln!(out, "      cause: {}", escape(&cause_text(row, &claims)))?;
    }
    if !e.claims.is_empty() {
        writeln!(out, "  claims:")?;
        for c in &e.claims {
            writeln!(
                out,
                "    {} {}: {}",
                claim_mark(c),
                escape(&c.id),
                escape(&claim_words(c))
            )?;
        }
    }
    Ok(())
}

/// The table format: the headline, the summary, then (without `--stat`) the detail.
pub fn write_text(out: &mut dyn Write, diff: &Diff, stat: bool, style: &Style) -> io::Result<()> {
    writeln!(out, "diff: {} → {}", escape(&diff.old), escape(&diff.new))?;
    writeln!(out, "{}", headline(diff))?;
    if diff.events.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    write_sheet(out, &stat_sheet(diff), style)?;
    if stat {
        return Ok(());
    }
    diff.events.iter().try_for_each(|e| write_event(out, e))
}

/// Markdown for a pull request's comment.
pub fn write_markdown(out: &mut dyn Write, diff: &Diff, stat: bool) -> io::Result<()> {
    let md = markdown_cell;
    writeln!(
        out,
        "### claims diff: {} → {}\n",
        md(&diff.old),
        md(&diff.new)
    )?;
    writeln!(out, "**{}**\n", md(&headline(diff)))?;
    if diff.events.is_empty() {
        return Ok(());
    }
    super::markdown::write_table(out, &stat_sheet(diff))?;
    if stat {
        return Ok(());
    }
    for e in &diff.events {
        writeln!(out, "\n#### {}\n", md(&event_name(e)))?;
        let claims = by_id(e);
        if !e.rows.is_empty() {
            writeln!(
                out,
                "| row | before | after | figures | cause |\n|---|---|---|---|---|"
            )?;
        }
        for row in &e.rows {
            let after = row.after.as_deref().unwrap_or("—");
            let after = match row.change {
                RowChangeKind::Verdict | RowChangeKind::Added => format!("**{}**", md(after)),
                _ => md(after),
            };
            writeln!(
                out,
                "| {} | {} | {after} | {} | {} |",
                md(&row.label),
                md(row.before.as_deref().unwrap_or("—")),
                md(&cells_text(row)),
                md(&cause_text(row, &claims))
            )?;
        }
        if !e.claims.is_empty() {
            writeln!(out)?;
            for c in &e.claims {
                writeln!(out, "- `{}` {}", md(&c.id), md(&claim_words(c)))?;
            }
        }
    }
    Ok(())
}

/// Every changed row, one line each (CSV, TSV, HTML).
pub fn rows_sheet(diff: &Diff) -> Sheet {
    let mut sheet = Sheet::new([
        "event",
        "row",
        "label",
        "change",
        "before",
        "after",
        "figures",
        "cause",
        "rule_change",
    ]);
    for e in &diff.events {
        for r in &e.rows {
            let change = match r.change {
                RowChangeKind::Verdict => "verdict",
                RowChangeKind::Figures => "figures",
                RowChangeKind::Added => "added",
                RowChangeKind::Removed => "removed",
            };
            sheet.push(
                [
                    e.event.clone(),
                    r.row.clone(),
                    r.label.clone(),
                    change.to_string(),
                    r.before.clone().unwrap_or_default(),
                    r.after.clone().unwrap_or_default(),
                    cells_text(r),
                    r.cause.join(" "),
                    r.rule_change.to_string(),
                ]
                .into_iter()
                .map(Cell::new)
                .collect(),
            );
        }
    }
    sheet
}

/// Writes a diff in any format but JSON and JSON Lines (which the command writes).
pub fn write(out: &mut dyn Write, diff: &Diff, stat: bool, style: &Style) -> io::Result<()> {
    match style.format {
        Format::Markdown => write_markdown(out, diff, stat),
        Format::Csv | Format::Tsv | Format::Html => {
            let sheet = if stat {
                stat_sheet(diff)
            } else {
                rows_sheet(diff)
            };
            write_sheet(out, &sheet, style)
        }
        _ => write_text(out, diff, stat, style),
    }
}
