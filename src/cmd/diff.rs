//! `claims diff OLD [NEW]`: what a change to the data does to the published
//! verdicts. Each side is a data folder or a git revision of the active
//! data folder (read from the repository's objects, never checked out);
//! NEW defaults to the active data as it is now; `A..B` names both.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::{exit, Context};
use crate::compare::Options;
use crate::error::UserError;
use crate::load::{self, revision, DataSource, Keep, LoadFailure, Loaded};
use crate::render::output::Format;
use crate::render::{self, emit, jsonl};
use crate::view::diff::{self, Diff, Version};

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
    let loaded = load::load_files(files, diags, skipped, keep, None)?;
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

pub fn version<'l>((l, name, prefix): (&'l Loaded, &str, &str)) -> Version<'l> {
    Version {
        name: name.to_string(),
        ds: &l.dataset,
        paths: relative(l, prefix),
    }
}

/// Compares two loaded sides.
pub fn compare(old: (&Loaded, &str, &str), new: (&Loaded, &str, &str), options: &Options) -> Diff {
    let (a, b) = (version(old), version(new));
    diff::diff(&a, &b, options)
}

pub fn run(ctx: &Context, args: &Args, out: &mut dyn Write) -> anyhow::Result<u8> {
    let (old, new) = sides(args);
    let (a, a_name, a_prefix) = load_side(ctx, &old, &Keep::All)?;
    let (b, b_name, b_prefix) = load_side(ctx, &new, &Keep::All)?;
    let d = compare(
        (&a, &a_name, &a_prefix),
        (&b, &b_name, &b_prefix),
        &args.options,
    );
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
