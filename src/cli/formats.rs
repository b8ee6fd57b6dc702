//! Which commands write which of the formats only some write.

use super::{Command, FormatArg};
use crate::error::UserError;

/// The formats only some commands write: JSON Lines (a record a line)
/// where records stream, and the CI formats where there are problems to
/// annotate. Refused before anything is read.
pub(super) fn refuse(command: &Command, format: FormatArg) -> anyhow::Result<()> {
    let (allowed, hint) = match format {
        FormatArg::Jsonl => (
            matches!(
                command,
                Command::List { .. }
                    | Command::Compare { .. }
                    | Command::Check { .. }
                    | Command::Diff { .. }
                    | Command::Log { .. }
            ),
            "jsonl is for list, compare, diff, check and log; others give --format json",
        ),
        FormatArg::Sarif | FormatArg::Github | FormatArg::Junit => (
            matches!(command, Command::Check { .. }),
            "the CI formats annotate `claims check`; others give --format json",
        ),
        _ => (true, ""),
    };
    if allowed {
        return Ok(());
    }
    let name = crate::render::output::Format::from(format).name();
    Err(
        UserError::new(format!("--format {name} is not a format of this command"))
            .hint(hint)
            .into(),
    )
}
