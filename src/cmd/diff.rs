//! `claims diff OLD [NEW]`: what a change to the data does to the published
//! verdicts. Each side is a data folder or a git revision of the active
//! data folder (read from the repository's objects, never checked out);
//! NEW defaults to the active data as it is now; `A..B` names both.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::{exit, Context};
use crate::compare::Options;
use crate::error::UserError;
use crate::load::{self, revision, ClaimFilter, DataSource, Keep, LoadFailure, Loaded};
use crate::model::Dataset;
use crate::render::output::Format;
use crate::render::{self, emit, jsonl};
use crate::view::diff::{self, Diff, Summary, Version};

pub struct Args {
    pub old: String,
    pub new: Option<String>,
    pub stat: bool,
    pub options: Options,
}

/// Where one side's files come from.
pub enum Spec {
    Folder(PathBuf),
    Revision(String),
    /// The active data as it is now.
    Current,
}

/// A side as the user wrote it: an existing folder, else a revision.
pub fn spec(text: &str) -> Spec {
    let path = Path::new(text);
    if path.is_dir() {
        Spec::Folder(path.to_path_buf())
    } else {
        Spec::Revision(text.to_string())
    }
}

/// The two sides: `A..B`, `A B`, or `A` against the data as it is now.
fn sides(args: &Args) -> (Spec, Spec) {
    if args.new.is_none() && !Path::new(&args.old).is_dir() {
        if let Some((a, b)) = args.old.split_once("..") {
            let b = if b.is_empty() { "HEAD" } else { b };
            return (spec(a), spec(b));
        }
    }
    let new = args.new.as_deref().map_or(Spec::Current, spec);
    (spec(&args.old), new)
}

/// The active data folder, which a revision is read from.
pub fn data_dir(ctx: &Context, rev: &str) -> anyhow::Result<PathBuf> {
    match &ctx.data {
        DataSource::Folder(dir) => Ok(dir.clone()),
        DataSource::Builtin => Err(UserError::new(format!(
            "`{rev}` is not a folder, and there is no data folder to read it as a git revision of"
        ))
        .hint("give --data DIR (a folder in a git repository), or two folders")
        .into()),
    }
}

/// Loads one side: its dataset, its name, and its files relative to it.
pub fn load_side(
    ctx: &Context,
    spec: &Spec,
    keep: &Keep,
    sink: Option<load::Sink<'_>>,
) -> anyhow::Result<(Loaded, String, String)> {
    let (files, diags, skipped, name, prefix) = match spec {
        Spec::Folder(dir) => {
            let (f, d, s) = load::files_for(&DataSource::Folder(dir.clone()));
            let shown = dir.display().to_string();
            (f, d, s, shown.clone(), shown)
        }
        Spec::Current => {
            let (f, d, s) = load::files_for(&ctx.data);
            let prefix = match &ctx.data {
                DataSource::Folder(dir) => dir.display().to_string(),
                DataSource::Builtin => load::input::BUILTIN.trim_end_matches('/').to_string(),
            };
            (f, d, s, ctx.data_label(), prefix)
        }
        Spec::Revision(rev) => {
            let dir = data_dir(ctx, rev)?;
            let fail = |e: String| {
                UserError::new(format!("git revision `{rev}`: {e}"))
                .hint("give a commit, branch or tag of the repository holding the data folder (`HEAD~1`, `main`), or a folder")
            };
            let commit = revision::resolve(&dir, rev).map_err(fail)?;
            let (f, d, s) = revision::files_at(&dir, &commit, rev).map_err(fail)?;
            (
                f,
                d,
                s,
                format!("{rev} ({})", &commit[..commit.len().min(12)]),
                rev.clone(),
            )
        }
    };
    let loaded = load::load_files(files, diags, skipped, keep, sink)?;
    if !loaded.diagnostics.is_empty() {
        let failure = LoadFailure {
            diagnostics: loaded.diagnostics,
            files: loaded.files,
        };
        return Err(UserError::new(format!("{name} has problems:\n{failure}"))
            .hint("diff compares clean versions: fix them, or compare another revision")
            .into());
    }
    Ok((loaded, name, prefix))
}

/// A side's paths relative to its folder.
fn relative(loaded: &Loaded, prefix: &str) -> Vec<String> {
    let prefix = format!("{}/", prefix.trim_end_matches('/'));
    loaded
        .paths
        .iter()
        .map(|p| p.strip_prefix(&prefix).unwrap_or(p).to_string())
        .collect()
}

/// The summary of a side whose claims were kept.
pub fn summary((l, prefix): (&Loaded, &str)) -> Summary {
    Summary::of(&l.dataset, &relative(l, prefix))
}

/// First pass over a side: every claim summarised as it streams past,
/// none kept, so that memory stays small on any corpus.
fn summarise(ctx: &Context, spec: &Spec) -> anyhow::Result<(Summary, String, Dataset)> {
    let mut summary = Summary::default();
    let (loaded, name, prefix) = load_side(
        ctx,
        spec,
        &Keep::All,
        Some(&mut |_, claims| {
            summary.add(&claims);
            Ok(())
        }),
    )?;
    summary.finish(&loaded.dataset, &relative(&loaded, &prefix));
    // Its definitions, without claims: enough where no row is compared.
    Ok((summary, name, loaded.dataset))
}

/// Second pass: only the claims of the events whose rows may differ.
fn events_of(ctx: &Context, spec: &Spec, events: &[String]) -> anyhow::Result<Dataset> {
    let keep = Keep::Matching(ClaimFilter {
        event: events.to_vec(),
        ..ClaimFilter::default()
    });
    Ok(load_side(ctx, spec, &keep, None)?.0.dataset)
}

pub fn run(ctx: &Context, args: &Args, out: &mut dyn Write) -> anyhow::Result<u8> {
    let (old, new) = sides(args);
    let (sa, a_name, definitions_a) = summarise(ctx, &old)?;
    let (sb, b_name, definitions_b) = summarise(ctx, &new)?;
    let events = diff::events_to_compare(&sa, &sb);
    let (da, db) = if events.is_empty() {
        (definitions_a, definitions_b)
    } else {
        (
            events_of(ctx, &old, &events)?,
            events_of(ctx, &new, &events)?,
        )
    };
    let a = Version {
        name: a_name,
        ds: &da,
        summary: &sa,
    };
    let b = Version {
        name: b_name,
        ds: &db,
        summary: &sb,
    };
    let d = diff::diff(&a, &b, &events, &args.options);
    match ctx.style.format {
        Format::Jsonl => write_lines(out, &d)?,
        _ => emit(out, &ctx.style, "diff", &d, &|out, style| {
            render::diff::write(out, &d, args.stat, style)
        })?,
    }
    Ok(if d.verdict_changes() > 0 {
        exit::CONFLICT
    } else {
        exit::OK
    })
}

/// A line of `diff --format jsonl`: a row or a claim that changed.
#[derive(serde::Serialize)]
#[serde(tag = "record", rename_all = "lowercase")]
enum Line<'d> {
    Row {
        event: &'d str,
        #[serde(flatten)]
        row: &'d diff::RowChange,
    },
    Claim(&'d diff::ClaimChange),
}

fn write_lines(out: &mut dyn Write, d: &Diff) -> std::io::Result<()> {
    for e in &d.events {
        for row in &e.rows {
            jsonl::line(
                out,
                &Line::Row {
                    event: &e.event,
                    row,
                },
            )?;
        }
        for c in &e.claims {
            jsonl::line(out, &Line::Claim(c))?;
        }
    }
    Ok(())
}
