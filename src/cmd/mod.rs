//! The subcommands, one file each; they share a [`Context`].

pub mod check;
pub mod compare;
pub mod events;
pub mod list;
pub mod sources;

use crate::load::{self, DataSource};
use crate::model::Dataset;
use crate::output::Style;

/// What every command needs: where the data is and how to print.
pub struct Context {
    pub data: DataSource,
    pub style: Style,
}

impl Context {
    /// Loads and checks the active data; any problem fails the command.
    pub fn dataset(&self) -> anyhow::Result<Dataset> {
        Ok(load::load(&self.data)?)
    }
}

/// Exit statuses, as documented in the README.
pub mod exit {
    pub const OK: u8 = 0;
    pub const CONFLICT: u8 = 1;
    pub const ERROR: u8 = 2;
}
