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
    // `link/.` and `link/` name the link itself, not a folder behind it.
    let dir: std::path::PathBuf = dir.components().collect();
    let dir = dir.as_path();
    if let Ok(meta) = std::fs::symlink_metadata(dir) {
        let what = if meta.file_type().is_symlink() {
            "is a link; pages are written only into a real folder"
        } else if !meta.is_dir() {
            "is not a folder"
        } else {
            ""
        };
        if !what.is_empty() {
            return Err(UserError::new(format!("{} {what}", dir.display())).into());
        }
    }
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
    // Every page is rendered before any is written.
    let mut rendered = Vec::with_capacity(pages.len());
    for page in &pages {
        let mut text = Vec::new();
        page.render(&mut text)?;
        rendered.push((dir.join(page.get_filename()), text));
    }
    std::fs::create_dir_all(dir)
        .map_err(|e| UserError::new(format!("cannot create {}: {e}", dir.display())))?;
    let mut written: Vec<&Path> = Vec::new();
    for (path, text) in &rendered {
        if let Err(e) = write_page(path, text) {
            // Nothing is left half done: the pages written so far go again.
            for p in written {
                let _ = std::fs::remove_file(p);
            }
            return Err(e);
        }
        written.push(path);
    }
    for path in written {
        writeln!(out, "wrote {}", path.display())?;
    }
    Ok(exit::OK)
}

/// Writes one page to a new file, never over one.
fn write_page(path: &Path, text: &[u8]) -> anyhow::Result<()> {
    let cannot =
        |e: std::io::Error| UserError::new(format!("cannot write {}: {e}", path.display()));
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(cannot)?;
    file.write_all(text).map_err(cannot)?;
    Ok(())
}
