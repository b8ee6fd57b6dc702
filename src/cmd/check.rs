//! `claims check [PATH...]`: every problem in every file, sorted, then a count.

use std::io::{self, Write};
use std::path::PathBuf;

use serde::Serialize;

use super::{exit, Context};
use crate::diagnostic::Diagnostic;
use crate::load::{self, Loaded};
use crate::render::emit;
use crate::sanitize::escape;

#[derive(Serialize)]
struct SkippedRecord<'a> {
    path: &'a str,
    reason: &'a str,
}

/// The JSON `check`.
#[derive(Serialize)]
struct CheckRecord<'a> {
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

/// Every problem, what was skipped, and a count.
fn write_text(out: &mut dyn Write, checked: &Loaded) -> io::Result<()> {
    for d in &checked.diagnostics {
        writeln!(out, "{d}")?;
    }
    for (path, why) in &checked.skipped.entries {
        writeln!(out, "skipped {}: {why}", escape(path))?;
    }
    let (files, problems) = (checked.files, checked.diagnostics.len());
    if problems > 0 {
        let (ps, fs) = (plural(problems), plural(files));
        return writeln!(out, "{problems} problem{ps} in {files} file{fs} checked");
    }
    let ds = &checked.dataset;
    writeln!(
        out,
        "ok: {files} file{} checked, no problems: {} events, {} sources, {} claims",
        plural(files),
        ds.events.len(),
        ds.sources.len(),
        checked.claims_total
    )
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
    let record = CheckRecord {
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
        write_text(out, &checked)
    })?;
    Ok(if checked.diagnostics.is_empty() {
        exit::OK
    } else {
        exit::ERROR
    })
}
