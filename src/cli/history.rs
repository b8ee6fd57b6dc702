//! The options of `claims diff` and `claims log`: the data's history.

use clap::Args;

use super::GroupingArg;
use crate::cmd::{self, Context};
use crate::compare::{Grouping, Options};
use crate::render::pager;

/// Rows grouped as `compare` groups them, without `--as-of` or a reconciled column.
fn options(by: Option<GroupingArg>, default: Option<GroupingArg>) -> Options {
    Options {
        by: by.or(default).map_or(Grouping::Source, Into::into),
        as_of: None,
        reconcile: None,
    }
}

#[derive(Args)]
pub struct DiffArgs {
    /// The old version: a folder or a revision (`HEAD~1`, `main`); `A..B` gives both
    old: String,
    /// The new version [default: the data folder as it is now]
    new: Option<String>,
    /// Only the summary per event: verdicts changed, rows added and removed, conflicts before → after
    #[arg(long)]
    stat: bool,
    /// One column per source, or per party (as `compare`)
    #[arg(long, value_enum)]
    by: Option<GroupingArg>,
}

impl DiffArgs {
    pub(super) fn run(
        self,
        ctx: &Context,
        by: Option<GroupingArg>,
        out: &mut pager::Output,
    ) -> anyhow::Result<u8> {
        let args = cmd::diff::Args {
            options: options(self.by, by),
            old: self.old,
            new: self.new,
            stat: self.stat,
        };
        cmd::diff::run(ctx, &args, out)
    }
}

#[derive(Args)]
pub struct LogArgs {
    /// Event id (see `claims events`)
    event: String,
    /// Read at most this many of the newest commits that touched the data folder
    #[arg(long, short = 'n', default_value_t = 200, value_name = "N")]
    max_count: usize,
    /// One column per source, or per party (as `compare`)
    #[arg(long, value_enum)]
    by: Option<GroupingArg>,
}

impl LogArgs {
    pub(super) fn run(
        self,
        ctx: &Context,
        by: Option<GroupingArg>,
        out: &mut pager::Output,
    ) -> anyhow::Result<u8> {
        let options = options(self.by, by);
        cmd::log::run(
            ctx,
            &self.event.to_lowercase(),
            self.max_count,
            &options,
            out,
        )
    }
}
