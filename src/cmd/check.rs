//! `claims check [PATH...]`: every problem in every file, sorted, then a count.

use std::io::Write;
use std::path::PathBuf;

use serde_json::json;

use super::{exit, Context};
use crate::load;
use crate::output::Format;
use crate::render::json as jsonr;

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
    let problems = checked.diagnostics.len();
    if ctx.style.format == Format::Json {
        let skipped: Vec<_> = checked
            .skipped
            .entries
            .iter()
            .map(|(p, why)| json!({"path": p, "reason": why}))
            .collect();
        jsonr::write(
            out,
            "check",
            json!({
                "files": checked.files,
                "problems": problems,
                "diagnostics": checked.diagnostics,
                "skipped": skipped,
            }),
        )?;
    } else {
        for d in &checked.diagnostics {
            writeln!(out, "{d}")?;
        }
        for (path, why) in &checked.skipped.entries {
            writeln!(out, "skipped {}: {why}", crate::sanitize::escape(path))?;
        }
        let files = checked.files;
        let fs = if files == 1 { "" } else { "s" };
        if problems == 0 {
            let ds = &checked.dataset;
            let summary = format!(
                ": {} events, {} sources, {} claims",
                ds.events.len(),
                ds.sources.len(),
                checked.claims_total
            );
            writeln!(out, "ok: {files} file{fs} checked, no problems{summary}")?;
        } else {
            let ps = if problems == 1 { "" } else { "s" };
            writeln!(out, "{problems} problem{ps} in {files} file{fs} checked")?;
        }
    }
    Ok(if problems == 0 { exit::OK } else { exit::ERROR })
}
