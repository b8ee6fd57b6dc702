//! `claims completions SHELL`: a completion script in which event, source,
//! claim and metric ids complete from the active data (the built-in data,
//! or `--data DIR`) as it is when the script is made.

use std::io::Write;

use clap::builder::PossibleValuesParser;

use super::{exit, Context};
use crate::model::Dataset;

/// Which argument of which command takes which ids.
fn targets(ds: &Dataset) -> Vec<(&'static str, &'static str, Vec<String>)> {
    let ids = |v: Vec<&String>| v.into_iter().cloned().collect::<Vec<String>>();
    let events = ids(ds.events.iter().map(|e| &e.id).collect());
    let sources = ids(ds.sources.iter().map(|s| &s.id).collect());
    let metrics = ids(ds.metrics.iter().map(|m| &m.id).collect());
    let parties = ids(ds.parties.iter().map(|p| &p.id).collect());
    let claims = ids(ds
        .claims
        .iter()
        .filter(|c| c.implied_by.is_none())
        .map(|c| &c.id)
        .collect());
    vec![
        ("compare", "event", events.clone()),
        ("report", "event", events.clone()),
        ("list", "event", events),
        ("list", "source", sources),
        ("list", "metric", metrics),
        ("list", "party", parties),
        ("show", "claim", claims),
    ]
}

/// The command line with each id-taking argument offering the data's ids.
/// Only the script is made from it: parsing keeps any id, so that an
/// unknown one gets the tool's own error with its near misses.
pub fn with_ids(mut cmd: clap::Command, ds: &Dataset) -> clap::Command {
    for (sub, arg, ids) in targets(ds) {
        cmd = cmd.mut_subcommand(sub, |s| {
            s.mut_arg(arg, |a| a.value_parser(PossibleValuesParser::new(ids)))
        });
    }
    cmd
}

pub fn run(
    ctx: &Context,
    cmd: clap::Command,
    shell: clap_complete::Shell,
    out: &mut dyn Write,
) -> anyhow::Result<u8> {
    let ds = ctx.dataset()?;
    clap_complete::generate(shell, &mut with_ids(cmd, &ds), "claims", out);
    Ok(exit::OK)
}
