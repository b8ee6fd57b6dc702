//! `claims report EVENT`: the comparison as a citable Markdown or HTML report.

use std::io::Write;

use super::{load_event, unknown_event, Context};
use crate::compare::{self, Options};
use crate::error::UserError;
use crate::load::discover;
use crate::render::output::Format;
use crate::report;
use crate::view::View;

pub fn run(ctx: &Context, event: &str, out: &mut dyn Write) -> anyhow::Result<u8> {
    // A report is a document: Markdown unless HTML is asked for.
    let html = match ctx.style.format {
        Format::Markdown | Format::Table => false,
        Format::Html => true,
        other => {
            let name = format!("{other:?}").to_lowercase();
            return Err(
                UserError::new(format!("`report` writes markdown or html, not {name}"))
                    .hint("use --format markdown or --format html; `compare` has csv, tsv and json")
                    .into(),
            );
        }
    };
    let ds = load_event(ctx, event)?;
    let Some(ev) = ds.event(event) else {
        return Err(unknown_event(&ds, event).into());
    };
    let cmp = compare::compare(&ds, ev, Options::default());
    let mut view = View::new(&ds, &cmp, false);
    view.data_name = Some(discover::public_name(&ctx.data));
    if html {
        report::html::write(out, &ds, &view)?;
    } else {
        report::markdown::write(out, &ds, &view)?;
    }
    Ok(0)
}
