//! `claims check [PATH...]`: every problem in every file, sorted, then a count.

use std::io::{self, Write};
use std::path::PathBuf;

use serde::Serialize;

use super::{exit, Context};
use crate::diagnostic::Diagnostic;
use crate::load::discover::Found;
use crate::load::{self, Loaded};
use crate::render::output::{Format, Style};
use crate::render::{self, emit, jsonl};
use crate::sanitize::escape;

#[derive(Serialize)]
struct SkippedRecord<'a> {
    path: &'a str,
    reason: &'a str,
}

/// The JSON `check`.
#[derive(Serialize)]
struct CheckRecord<'a> {
    /// Which data was checked, in words; absent when files were named.
    #[serde(skip_serializing_if = "Option::is_none")]
    data: Option<String>,
    files: usize,
    problems: usize,
    diagnostics: &'a [Diagnostic],
    skipped: Vec<SkippedRecord<'a>>,
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Kinds of file a data folder is expected to hold beside its data
/// (document texts, notes, guides): counted, not listed on every run.
const EXPECTED: [&str; 7] = ["md", "txt", "markdown", "html", "pdf", "csv", "tsv"];

/// The extension of a file passed over because it is not TOML, when it is
/// one a data folder is expected to hold.
fn expected_kind<'p>(path: &'p str, why: &str) -> Option<&'p str> {
    let ext = path.rsplit_once('.').map(|(_, e)| e)?;
    (why == "not a .toml file" && EXPECTED.contains(&ext.to_ascii_lowercase().as_str()))
        .then_some(ext)
}

/// "; also 5 other files: 4 .md, 1 .txt", or nothing.
fn others(checked: &Loaded) -> String {
    let mut kinds: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for (path, why) in &checked.skipped.entries {
        if let Some(ext) = expected_kind(path, why) {
            *kinds.entry(ext).or_default() += 1;
        }
    }
    let total: usize = kinds.values().sum();
    if total == 0 {
        return String::new();
    }
    let each: Vec<String> = kinds.iter().map(|(e, n)| format!("{n} .{e}")).collect();
    format!(
        "; also {total} other file{} (texts and notes): {}",
        plural(total),
        each.join(", ")
    )
}

/// Which data, then every problem, what was skipped unexpectedly, and a count.
fn write_text(out: &mut dyn Write, checked: &Loaded, data: Option<&str>) -> io::Result<()> {
    if let Some(data) = data {
        writeln!(out, "checked {data}:")?;
    }
    for d in &checked.diagnostics {
        writeln!(out, "{d}")?;
    }
    for (path, why) in &checked.skipped.entries {
        if expected_kind(path, why).is_none() && *why != load::input::SETTINGS {
            writeln!(out, "skipped {}: {why}", escape(path))?;
        }
    }
    writeln!(out, "{}", last_line(checked))
}

/// The count a check ends with: problems, or what was found clean.
fn last_line(checked: &Loaded) -> String {
    let (files, problems) = (checked.files, checked.diagnostics.len());
    if problems > 0 {
        let (ps, fs) = (plural(problems), plural(files));
        return format!(
            "{problems} problem{ps} in {files} file{fs} checked{}",
            others(checked)
        );
    }
    let ds = &checked.dataset;
    let (events, sources) = (ds.events.len(), ds.sources.len());
    format!(
        "ok: {files} file{} checked, no problems: {events} event{}, {sources} source{}, {} claim{}{}{}",
        plural(files),
        plural(events),
        plural(sources),
        checked.claims_total,
        plural(checked.claims_total),
        match checked.records_total {
            0 => String::new(),
            n => format!(", {n} record{}", plural(n)),
        },
        others(checked)
    )
}

/// A line of `check --format jsonl`: the records of the JSON document's
/// `diagnostics` and `skipped`, told apart by `record`.
#[derive(Serialize)]
#[serde(tag = "record", rename_all = "lowercase")]
enum Line<'a> {
    Diagnostic(&'a Diagnostic),
    Skipped(SkippedRecord<'a>),
}

/// Writes the CI formats and JSON Lines; false for the other formats.
fn write_machine(out: &mut dyn Write, style: &Style, checked: &Loaded) -> anyhow::Result<bool> {
    let diags = &checked.diagnostics;
    match style.format {
        Format::Sarif => render::sarif::write(out, diags)?,
        Format::Junit => render::junit::write(out, &checked.paths, diags)?,
        Format::Github => {
            let last = last_line(checked);
            render::github::write(out, diags, &last)?;
            if let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY").filter(|p| !p.is_empty()) {
                // The service's own file, appended to as its steps do.
                let written = std::fs::OpenOptions::new()
                    .append(true)
                    .create(true)
                    .open(&path)
                    .and_then(|mut f| render::github::summary(&mut f, diags, &last));
                if let Err(e) = written {
                    eprintln!("claims: warning: GITHUB_STEP_SUMMARY could not be written: {e}");
                }
            }
        }
        Format::Jsonl => {
            for d in diags {
                jsonl::line(out, &Line::Diagnostic(d))?;
            }
            for (path, reason) in &checked.skipped.entries {
                jsonl::line(out, &Line::Skipped(SkippedRecord { path, reason }))?;
            }
        }
        _ => return Ok(false),
    }
    Ok(true)
}

pub fn run(ctx: &Context, paths: &[PathBuf], out: &mut dyn Write) -> anyhow::Result<u8> {
    let (files, diags, skipped) = if paths.is_empty() {
        load::files_for(&ctx.data)
    } else {
        load::files_for_paths(paths)
    };
    let mut checked = load::load_files(files, diags, skipped, &load::Keep::Nothing, None)?;
    if paths.is_empty() {
        load::remember(&ctx.data, &mut checked);
    }
    // Without paths, the active data: said first, and why when it is the
    // built-in data (a folder of one's own needs --data or a claims.toml).
    let data = paths.is_empty().then(|| ctx.data_label());
    let said = data.as_ref().map(|d| match ctx.found {
        Found::Builtin => {
            format!("{d}, as no --data, CLAIMS_DATA or claims.toml here or above names a folder")
        }
        _ => d.clone(),
    });
    if write_machine(out, &ctx.style, &checked)? {
        return Ok(status(&checked));
    }
    let record = CheckRecord {
        data,
        files: checked.files,
        problems: checked.diagnostics.len(),
        diagnostics: &checked.diagnostics,
        skipped: checked
            .skipped
            .entries
            .iter()
            .map(|(path, reason)| SkippedRecord { path, reason })
            .collect(),
    };
    emit(out, &ctx.style, "check", &record, &|out, _| {
        write_text(out, &checked, said.as_deref())
    })?;
    Ok(status(&checked))
}

fn status(checked: &Loaded) -> u8 {
    if checked.diagnostics.is_empty() {
        exit::OK
    } else {
        exit::ERROR
    }
}
