//! `claims man`: the manual page on stdout, or with `--dir DIR` one page per
//! command (`claims.1`, `claims-compare.1`, …), as the main page's SEE ALSO
//! names them. Never overwrites a page.

use std::io::Write;
use std::path::Path;

use super::exit;
use crate::error::UserError;

/// Every page of `cmd`: the main one, then one per subcommand.
fn pages(cmd: clap::Command) -> Vec<clap_mangen::Man> {
    let mut cmd = cmd;
    cmd.build();
    let subs: Vec<clap::Command> = cmd
        .get_subcommands()
        .filter(|s| !s.is_hide_set())
        .cloned()
        .collect();
    let mut pages = vec![clap_mangen::Man::new(cmd)];
    pages.extend(subs.into_iter().map(clap_mangen::Man::new));
    pages
}

pub fn run(cmd: clap::Command, dir: Option<&Path>, out: &mut dyn Write) -> anyhow::Result<u8> {
    // `claims help` is not a page of its own, so SEE ALSO does not name it.
    let cmd = cmd.disable_help_subcommand(true);
    let Some(dir) = dir else {
        clap_mangen::Man::new(cmd).render(out)?;
        return Ok(exit::OK);
    };
    let pages = pages(cmd);
    let taken: Vec<String> = pages
        .iter()
        .map(|p| p.get_filename())
        .filter(|name| dir.join(name).exists())
        .collect();
    if !taken.is_empty() {
        return Err(UserError::new(format!(
            "{} already holds {}; `claims man` never overwrites a page",
            dir.display(),
            taken.join(", ")
        ))
        .hint("remove them, or give another folder")
        .into());
    }
    std::fs::create_dir_all(dir)
        .map_err(|e| UserError::new(format!("cannot create {}: {e}", dir.display())))?;
    for page in &pages {
        let path = dir.join(page.get_filename());
        let mut text = Vec::new();
        page.render(&mut text)?;
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .map_err(|e| UserError::new(format!("cannot write {}: {e}", path.display())))?;
        file.write_all(&text)?;
        writeln!(out, "wrote {}", path.display())?;
    }
    Ok(exit::OK)
}
