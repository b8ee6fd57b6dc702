//! The subcommands, one file each; they share a [`Context`].

pub mod check;
pub mod compare;
pub mod completions;
pub mod diff;
mod diff_scope;
pub mod documents;
pub mod events;
pub mod filters;
pub mod grades;
pub mod import;
pub mod init;
pub mod list;
pub mod log;
pub mod man;
pub mod new;
pub mod reference;
pub mod report;
pub mod schema;
pub mod show;
pub mod site;
pub mod sources;
pub mod stats;
pub mod track;
pub mod vocab;

use crate::error::{unknown, UserError};
use crate::load::discover::{self, Found};
use crate::load::{self, ClaimFilter, DataSource, Keep, LoadFailure, Loaded, Sink};
use crate::model::Dataset;
use crate::render::output::Style;

/// What every command needs: where the data is and how to print.
pub struct Context {
    pub data: DataSource,
    /// How the data was chosen (`--data`, `CLAIMS_DATA`, a `claims.toml`, none).
    pub found: Found,
    pub style: Style,
}

impl Context {
    /// The data in words, for the one line that says which.
    pub fn data_label(&self) -> String {
        discover::label(&self.data, self.found)
    }

    /// Loads and checks the active data, keeping every claim; any problem fails the command.
    pub fn dataset(&self) -> anyhow::Result<Dataset> {
        Ok(self.load(&Keep::All, None)?.dataset)
    }

    /// Loads and checks the active data, keeping (or streaming to `sink`) the
    /// claims `keep` selects; any problem in the data fails the command.
    pub fn load(&self, keep: &Keep, sink: Option<Sink<'_>>) -> anyhow::Result<Loaded> {
        let (files, diags, skipped) = load::files_for(&self.data);
        self.load_files(files, diags, skipped, keep, sink, true)
    }

    /// As [`Context::load`], on files already chosen; `whole` says they are the
    /// whole folder, so the folder index may be refreshed from them.
    pub fn load_files(
        &self,
        files: Vec<load::InputFile>,
        diags: Vec<crate::diagnostic::Diagnostic>,
        skipped: load::Skipped,
        keep: &Keep,
        sink: Option<Sink<'_>>,
        whole: bool,
    ) -> anyhow::Result<Loaded> {
        let mut loaded = load::load_files(files, diags, skipped, keep, sink)?;
        if whole {
            load::remember(&self.data, &mut loaded);
        }
        if loaded.diagnostics.is_empty() {
            Ok(loaded)
        } else {
            Err(LoadFailure {
                diagnostics: loaded.diagnostics,
                files: loaded.files,
            }
            .into())
        }
    }
}

/// Loads the data keeping only one event's claims; on a folder with a
/// current index, reads only the files that event needs.
pub(crate) fn load_event(ctx: &Context, event: &str) -> anyhow::Result<Dataset> {
    let keep = Keep::Matching(ClaimFilter {
        event: vec![event.to_string()],
        ..ClaimFilter::default()
    });
    let (mut files, diags, skipped) = load::files_for(&ctx.data);
    let chosen = match &ctx.data {
        DataSource::Folder(dir) => load::index::select(dir, &files, event),
        DataSource::Builtin => {
            load::index::select_builtin(&files, event).map(|files| load::index::Selection {
                files,
                hashes: Default::default(),
            })
        }
    };
    let whole = chosen.is_none();
    if let Some(chosen) = &chosen {
        files = chosen.files.iter().map(|&i| files[i].clone()).collect();
    }
    match ctx.load_files(files.clone(), diags, skipped, &keep, None, whole) {
        Ok(loaded) => {
            // A file read under the plan that no longer holds what was
            // indexed (an edit the stamp missed): the plan may have left
            // out a file that now matters, so everything is read.
            let stale = chosen.is_some_and(|c| !c.holds(loaded.index.as_deref().unwrap_or(&[])));
            if stale {
                return Ok(ctx.load(&keep, None)?.dataset);
            }
            Ok(loaded.dataset)
        }
        Err(e) => match broken_elsewhere(&e, &files, event) {
            Some(broken) => without_broken(ctx, files, &broken, event, &keep),
            None => Err(e),
        },
    }
}

/// The files whose problems failed a load, when none of them can say
/// anything about `event`: none names it (a claim about it, or its
/// `[event]`, would), and what they define could matter to it only through
/// an id its own files use, which would then be reported unknown there.
fn broken_elsewhere(
    e: &anyhow::Error,
    files: &[load::InputFile],
    event: &str,
) -> Option<Vec<String>> {
    let failure = e.downcast_ref::<LoadFailure>()?;
    let mut broken: Vec<String> = failure.diagnostics.iter().map(|d| d.path.clone()).collect();
    broken.sort();
    broken.dedup();
    // A file names the event if its bytes hold the id, or may hold it
    // spelled with TOML's escapes (`"\u0065v"`), which a broken file cannot
    // be parsed to read.
    let names = |f: &load::InputFile| {
        f.read().map_or(true, |b| {
            let has = |needle: &[u8]| b.windows(needle.len()).any(|w| w == needle);
            has(event.as_bytes()) || has(b"\\u") || has(b"\\U")
        })
    };
    let all_files_clear = broken.iter().all(|path| {
        files
            .iter()
            .find(|f| &f.display == path)
            .is_some_and(|f| !names(f))
    });
    all_files_clear.then_some(broken)
}

/// Loads again without the broken files, saying on stderr which were left out.
fn without_broken(
    ctx: &Context,
    files: Vec<load::InputFile>,
    broken: &[String],
    event: &str,
    keep: &Keep,
) -> anyhow::Result<Dataset> {
    let rest: Vec<load::InputFile> = files
        .into_iter()
        .filter(|f| !broken.contains(&f.display))
        .collect();
    let loaded = ctx.load_files(
        rest,
        Vec::new(),
        load::Skipped::default(),
        keep,
        None,
        false,
    )?;
    eprintln!(
        "claims: warning: left out {} file{} with problems that say nothing about `{event}`: {}\n  hint: `claims check` lists the problems",
        broken.len(),
        if broken.len() == 1 { "" } else { "s" },
        broken.iter().map(|b| crate::sanitize::escape(b).into_owned()).collect::<Vec<_>>().join(", ")
    );
    Ok(loaded.dataset)
}

/// An unknown event id, with the nearest known ones.
pub(crate) fn unknown_event(ds: &Dataset, event: &str) -> UserError {
    let ids = ds.events.iter().map(|e| e.id.as_str());
    // "did you mean `x`? `claims events` lists them", never "?;".
    let near = crate::suggest::hint(event, ids.clone());
    let sep = if near.ends_with('?') { " " } else { "; " };
    unknown("event", event, ids).hint(format!("{near}{sep}`claims events` lists them"))
}

/// Exit statuses, as documented in the README.
pub mod exit {
    pub const OK: u8 = 0;
    pub const CONFLICT: u8 = 1;
    pub const ERROR: u8 = 2;
}
