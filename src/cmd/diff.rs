//! `claims diff OLD [NEW]`: what a change to the data does to the published
//! verdicts. Each side is a data folder or a git revision of the active
//! data folder (read from the repository's objects, never checked out);
//! NEW defaults to the active data as it is now; `A..B` names both.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::diff_scope::{self, Scope};
use super::{exit, Context};
use crate::compare::Options;
use crate::error::UserError;
use crate::load::{self, revision, ClaimFilter, DataSource, Keep, LoadFailure, Loaded};
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
            // As git reads them: an empty end is HEAD.
            let a = if a.is_empty() { "HEAD" } else { a };
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

/// One side's files, before they are loaded: what it is called and the
/// prefix its files' names carry.
pub struct Files {
    files: Vec<load::InputFile>,
    diags: Vec<crate::diagnostic::Diagnostic>,
    skipped: load::Skipped,
    name: String,
    prefix: String,
}

/// The files of one side.
fn files_of(ctx: &Context, spec: &Spec) -> anyhow::Result<Files> {
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
            let name = format!("{rev} ({})", &commit[..commit.len().min(12)]);
            (f, d, s, name, rev.clone())
        }
    };
    Ok(Files {
        files,
        diags,
        skipped,
        name,
        prefix,
    })
}

/// Loads a side's files; a side with problems is an error that names it.
fn load_files(
    side: Files,
    keep: &Keep,
    sink: Option<load::Sink<'_>>,
) -> anyhow::Result<(Loaded, String, String)> {
    let loaded = load::load_files(side.files, side.diags, side.skipped, keep, sink)?;
    if !loaded.diagnostics.is_empty() {
        // Which version, then its problems as every command shows them.
        eprintln!(
            "claims: {} has problems; only a clean version is compared",
            crate::sanitize::escape(&side.name)
        );
        return Err(LoadFailure {
            diagnostics: loaded.diagnostics,
            files: loaded.files,
        }
        .into());
    }
    Ok((loaded, side.name, side.prefix))
}

/// Loads one side: its dataset, its name, and the prefix of its files' names.
pub fn load_side(
    ctx: &Context,
    spec: &Spec,
    keep: &Keep,
    sink: Option<load::Sink<'_>>,
) -> anyhow::Result<(Loaded, String, String)> {
    load_files(files_of(ctx, spec)?, keep, sink)
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

pub fn run(ctx: &Context, args: &Args, out: &mut dyn Write) -> anyhow::Result<u8> {
    let (old, new) = sides(args);
    let (fa, fb) = (files_of(ctx, &old)?, files_of(ctx, &new)?);
    // Only the events changed files speak of are loaded whole; the rest
    // is read for its definitions, as `check` reads it.
    let keep = match diff_scope::scope((&fa.files, &fa.prefix), (&fb.files, &fb.prefix)) {
        Scope::All => Keep::All,
        Scope::Events(events) if events.is_empty() => Keep::Nothing,
        Scope::Events(event) => Keep::Matching(ClaimFilter {
            event,
            ..ClaimFilter::default()
        }),
    };
    let (la, a_name, a_prefix) = load_files(fa, &keep, None)?;
    let (lb, b_name, b_prefix) = load_files(fb, &keep, None)?;
    let (sa, sb) = (summary((&la, &a_prefix)), summary((&lb, &b_prefix)));
    let events = diff::events_to_compare(&sa, &sb);
    let a = Version {
        name: a_name,
        ds: &la.dataset,
        summary: &sa,
    };
    let b = Version {
        name: b_name,
        ds: &lb.dataset,
        summary: &sb,
    };
    let d = diff::diff(&a, &b, &events, &args.options);
    match ctx.style.format {
        Format::Jsonl if args.stat => {
            for e in &d.events {
                jsonl::line(
                    out,
                    &StatLine {
                        event: &e.event,
                        status: e.status,
                        stat: &e.stat,
                    },
                )?;
            }
        }
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

/// A line of `diff --stat --format jsonl`: one event's counts.
#[derive(serde::Serialize)]
struct StatLine<'d> {
    event: &'d str,
    status: diff::EventStatus,
    #[serde(flatten)]
    stat: &'d diff::Stat,
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
