//! Drives data through every stage as the binary does: a data folder is
//! written to a fresh temporary folder, loaded and checked there (document
//! texts, confinement and the index cache included), then every event is
//! compared under every option and written by every renderer, and every
//! other command runs on it. The fuzz targets and the fuzz tests call this,
//! so both test the same path; a renderer's error is returned, never dropped.

pub mod entry;
pub mod generate;

use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::cmd::{self, Context};
use crate::compare::{self, Grouping, Options, Reconcile};
use crate::load::{self, DataSource, Keep};
use crate::model::{Dataset, Event};
use crate::render::output::{Format, Style};
use crate::view::View;

const FORMATS: [Format; 6] = [
    Format::Table,
    Format::Markdown,
    Format::Csv,
    Format::Tsv,
    Format::Json,
    Format::Html,
];

/// How much of the work to do on data that loads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Depth {
    /// Every option combination and every command in every format (tests).
    Every,
    /// One combination and one format, chosen by the number: a fuzzer, which
    /// wants many inputs a second, covers them all across its corpus.
    One(u8),
}

impl Depth {
    /// The choices left once `n` ways have been chosen from.
    fn after(self, n: u8) -> Depth {
        match self {
            Depth::Every => Depth::Every,
            Depth::One(k) => Depth::One(k / n),
        }
    }

    /// Whether to do choice `i` of `n`.
    fn takes(self, i: usize, n: usize) -> bool {
        match self {
            Depth::Every => true,
            Depth::One(k) => usize::from(k) % n == i,
        }
    }
}

/// How far the data went.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Outcome {
    /// Problems `check` found (the data then stops there, as in the binary).
    pub diagnostics: usize,
    /// Events compared and rendered.
    pub compared: usize,
    /// Claims loaded.
    pub claims: usize,
}

/// One file as the only data file beside the shipped vocabulary.
pub fn all(bytes: &[u8], depth: Depth) -> Result<Outcome, String> {
    folder(&[("input.toml".to_string(), bytes.to_vec())], depth)
}

/// The shipped data folder (document texts included) with one event file's
/// bytes replaced: `which` picks the file among the shipped events.
pub fn shipped_with(which: u8, bytes: &[u8], depth: Depth) -> Result<Outcome, String> {
    let everything = load::input::embedded_everything();
    let events: Vec<&str> = everything
        .iter()
        .map(|(p, _)| *p)
        .filter(|p| p.ends_with(".toml") && !load::input::SHARED_FILES.contains(p))
        .collect();
    let replaced = events[usize::from(which) % events.len()];
    let files: Vec<(String, Vec<u8>)> = everything
        .iter()
        .map(|(p, b)| {
            let b = if *p == replaced { bytes } else { b };
            (p.to_string(), b.to_vec())
        })
        .collect();
    folder(&files, depth)
}

/// A dataset the generator builds from the bytes.
pub fn generated(bytes: &[u8], depth: Depth) -> Result<Outcome, String> {
    folder(&generate::dataset(bytes), depth)
}

/// Writes the files into a fresh folder and drives them through everything.
pub fn folder(files: &[(String, Vec<u8>)], depth: Depth) -> Result<Outcome, String> {
    let dir = TempFolder::new().map_err(|e| format!("cannot make a temporary folder: {e}"))?;
    for (rel, bytes) in files {
        let path = dir.0.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| e.to_string())?;
        }
        std::fs::write(&path, bytes).map_err(|e| e.to_string())?;
    }
    drive(&dir.0, depth)
}

fn drive(dir: &Path, depth: Depth) -> Result<Outcome, String> {
    let ctx = Context {
        data: DataSource::Folder(dir.to_path_buf()),
        found: crate::load::discover::Found::Flag,
        style: Style::plain(Format::Json),
    };
    let mut sink = io::sink();
    // `check` renders every diagnostic, as text and as JSON.
    for (i, format) in [Format::Table, Format::Json].into_iter().enumerate() {
        if !depth.takes(i, 2) {
            continue;
        }
        let ctx = with_format(&ctx, format, false);
        cmd::check::run(&ctx, &[], &mut sink).map_err(|e| format!("check: {e:#}"))?;
    }
    let (files, diags, skipped) = load::files_for(&ctx.data);
    let loaded = load::load_files(files, diags, skipped, &Keep::All, None)
        .map_err(|e| format!("loading: {e}"))?;
    if !loaded.diagnostics.is_empty() {
        return Ok(Outcome {
            diagnostics: loaded.diagnostics.len(),
            ..Outcome::default()
        });
    }
    let ds = loaded.dataset;
    for event in &ds.events {
        compare_every_way(&ds, event, depth)?;
    }
    commands(&ctx, &ds, depth)?;
    Ok(Outcome {
        diagnostics: 0,
        compared: ds.events.len(),
        claims: ds.claims.len(),
    })
}

fn with_format(ctx: &Context, format: Format, terminal: bool) -> Context {
    let mut style = Style::plain(format);
    if terminal {
        style = Style::terminal(80, true);
        style.format = format;
    }
    Context {
        data: ctx.data.clone(),
        found: ctx.found,
        style,
    }
}

/// Every grouping, reconciliation, history and cut-off date, in every format
/// (the table also as on a colour terminal), and both reports.
fn compare_every_way(ds: &Dataset, event: &Event, depth: Depth) -> Result<(), String> {
    let as_of = Some(event.date.start().clone());
    // Groupings × reconciliations × cut-off × history.
    let mut combination = 0;
    for by in [Grouping::Source, Grouping::Party, Grouping::Side] {
        for reconcile in [None, Some(Reconcile::Range), Some(Reconcile::Conservative)] {
            for cut in [None, as_of.clone()] {
                let options = Options {
                    by,
                    as_of: cut,
                    reconcile,
                };
                // Compared once, when either history setting is taken.
                let mut cmp = None;
                for history in [false, true] {
                    combination += 1;
                    if !depth.takes(combination - 1, 3 * 3 * 2 * 2) {
                        continue;
                    }
                    let cmp =
                        cmp.get_or_insert_with(|| compare::compare(ds, event, options.clone()));
                    let mut styles: Vec<Style> = FORMATS.into_iter().map(Style::plain).collect();
                    styles.push(Style::terminal(80, true));
                    for style in &styles {
                        cmd::compare::render(ds, cmp, history, style, None, &mut io::sink())
                            .map_err(|e| {
                                format!(
                                    "compare {} {options:?} history {history} as {:?}: {e}",
                                    event.id, style.format
                                )
                            })?;
                    }
                    let view = View::new(ds, cmp, history);
                    crate::report::markdown::write(&mut io::sink(), ds, &view)
                        .map_err(|e| format!("markdown report on {}: {e}", event.id))?;
                }
            }
        }
    }
    Ok(())
}

/// The other commands, as the binary runs them, in every format they take
/// (each run loads the folder again, as the binary does).
fn commands(ctx: &Context, ds: &Dataset, depth: Depth) -> Result<(), String> {
    let mut sink = io::sink();
    let people = [
        Format::Table,
        Format::Markdown,
        Format::Csv,
        Format::Tsv,
        Format::Json,
    ];
    let styles = people
        .map(|f| (f, false))
        .into_iter()
        .chain([(Format::Table, true)]);
    for (i, (format, terminal)) in styles.enumerate() {
        if !depth.takes(i, 6) {
            continue;
        }
        let ctx = with_format(ctx, format, terminal);
        let each = |what: &str, r: anyhow::Result<u8>| {
            r.map(|_| ())
                .map_err(|e| format!("{what} as {format:?}: {e:#}"))
        };
        // In one-choice mode, one command per input (each reloads the folder).
        let command = depth.after(6);
        if command.takes(0, 4) {
            each(
                "list",
                cmd::list::run(&ctx, &cmd::list::Filters::default(), &mut sink),
            )?;
        }
        if command.takes(1, 4) {
            each("stats", cmd::stats::run(&ctx, &mut sink))?;
        }
        if command.takes(2, 4) {
            each("events", cmd::events::run(&ctx, &mut sink))?;
            each("sources", cmd::sources::run(&ctx, &mut sink))?;
        }
        if command.takes(3, 4) {
            // The first claim, the last, and a withdrawn one if any.
            let withdrawn = ds.claims.iter().find(|c| {
                c.corrects.is_some()
                    || matches!(c.assertion, crate::model::Assertion::Retraction { .. })
            });
            for claim in ds
                .claims
                .first()
                .into_iter()
                .chain(ds.claims.last())
                .chain(withdrawn)
            {
                each("show", cmd::show::run(&ctx, &claim.id, &mut sink))?;
            }
        }
    }
    for (i, format) in [Format::Markdown, Format::Html].into_iter().enumerate() {
        if !depth.takes(i, 2) {
            continue;
        }
        let ctx = with_format(ctx, format, false);
        for event in ds
            .events
            .iter()
            .take(if depth == Depth::Every { usize::MAX } else { 1 })
        {
            cmd::report::run(&ctx, &event.id, &mut sink)
                .map_err(|e| format!("report {} as {format:?}: {e:#}", event.id))?;
        }
    }
    Ok(())
}

/// A folder made for one run and removed after it, even on a panic.
struct TempFolder(PathBuf);

impl TempFolder {
    fn new() -> io::Result<Self> {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("claims-exercise-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir(&dir)?;
        Ok(TempFolder(dir))
    }
}

impl Drop for TempFolder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
