//! `claims compare EVENT`: the aligned tables, the verdicts, and the numbered
//! conflicts with their quotes, in every output format.

use std::io::{self, Write};

use super::{exit, load_event, unknown_event, Context};
use crate::compare::{self, Comparison, Options};
use crate::error::UserError;
use crate::load::discover;
use crate::model::Dataset;
use crate::render::output::{Format, Style};
use crate::render::{comparison, emit, jsonl, long};
use crate::report;
use crate::view::records::ComparisonRecord;
use crate::view::View;

pub struct Args {
    pub event: String,
    pub options: Options,
    pub history: bool,
    pub fail_on_conflict: bool,
    /// Only the rows in conflict (`--conflicts`).
    pub only_conflicts: bool,
    /// Figure rows by their largest gap to the record (`--against-record`).
    pub against_record: bool,
    /// CSV and TSV: one row per (row, voice), tidy (`--long`).
    pub long: bool,
}

pub fn run(ctx: &Context, args: &Args, out: &mut dyn Write) -> anyhow::Result<u8> {
    let ds = load_event(ctx, &args.event)?;
    let Some(event) = ds.event(&args.event) else {
        return Err(unknown_event(&ds, &args.event).into());
    };
    let mut cmp = compare::compare(&ds, event, args.options.clone());
    if cmp.claims_used == 0 {
        return Err(
            UserError::new(format!("no claims about `{}` were known by then", event.id))
                .hint("drop --as-of, or give a later date")
                .into(),
        );
    }
    if args.only_conflicts {
        cmp.retain_conflicts(&ds);
    }
    if args.against_record {
        // Largest gap first; rows with no record keep their order, last.
        let gaps: Vec<f64> = cmp
            .figures
            .iter()
            .map(|r| crate::view::against_record::gap(&ds, r))
            .collect();
        cmp.reorder_figures(&ds, |i| std::cmp::Reverse(gaps[i].to_bits()));
    }
    match (args.long, ctx.style.format) {
        (true, Format::Csv | Format::Tsv) => {
            let view = View::new(&ds, &cmp, args.history);
            let delimiter = if ctx.style.format == Format::Csv {
                b','
            } else {
                b'\t'
            };
            long::write(out, &ComparisonRecord::of(&view), delimiter, &ctx.style)?;
        }
        (true, Format::Jsonl) => {
            let view = View::new(&ds, &cmp, args.history);
            long::write_jsonl(out, &ComparisonRecord::of(&view))?;
        }
        (true, _) => {
            return Err(UserError::new("--long is a CSV, TSV or JSON Lines layout")
                .hint("add --format csv, --format tsv or --format jsonl")
                .into())
        }
        (false, _) => {
            // The HTML report's stamp names the folder, never its path.
            let name = discover::public_name(&ctx.data);
            render(&ds, &cmp, args.history, &ctx.style, Some(name), out)?;
            // Which data, once, where a person looks: after a table or
            // Markdown, never among a program's rows.
            match ctx.style.format {
                Format::Table => writeln!(out, "\ndata: {}", ctx.data_label())?,
                Format::Markdown => writeln!(out, "\n*data: {}*", ctx.data_label())?,
                _ => {}
            }
        }
    }
    Ok(if args.fail_on_conflict && cmp.conflict_count() > 0 {
        exit::CONFLICT
    } else {
        exit::OK
    })
}

/// Writes a comparison in the style's format.
pub fn render(
    ds: &Dataset,
    cmp: &Comparison,
    history: bool,
    style: &Style,
    data_name: Option<String>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut view = View::new(ds, cmp, history);
    view.data_name = data_name;
    let record = ComparisonRecord::of(&view);
    emit(
        out,
        style,
        "comparison",
        &record,
        &|out, style| match style.format {
            Format::Markdown => comparison::write_markdown(out, &view),
            Format::Csv => comparison::write_delimited(out, &view, b',', style),
            Format::Tsv => comparison::write_delimited(out, &view, b'\t', style),
            Format::Html => report::html::write(out, ds, &view),
            Format::Jsonl => record.rows().try_for_each(|row| jsonl::line(out, &row)),
            _ => comparison::write_table(out, &view, style),
        },
    )
}
