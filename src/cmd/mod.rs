//! The subcommands, one file each; they share a [`Context`].

pub mod check;
pub mod compare;
pub mod events;
pub mod list;
pub mod new;
pub mod report;
pub mod schema;
pub mod show;
pub mod sources;
pub mod stats;

use crate::load::{self, DataSource, Keep, LoadFailure, Loaded, Sink};
use crate::model::Dataset;
use crate::output::Style;

/// What every command needs: where the data is and how to print.
pub struct Context {
    pub data: DataSource,
    pub style: Style,
}

impl Context {
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

/// Exit statuses, as documented in the README.
pub mod exit {
    pub const OK: u8 = 0;
    pub const CONFLICT: u8 = 1;
    pub const ERROR: u8 = 2;
}
