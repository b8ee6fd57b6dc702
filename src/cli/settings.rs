//! A data folder's `claims.toml`: its marker, and the defaults its users
//! want (`by`, `reconcile`, `width`), below what the command line gives.

use std::path::Path;

use clap::ValueEnum;
use serde::Deserialize;
use toml::Spanned;

use super::{GroupingArg, ReconcileArg};
use crate::error::UserError;
use crate::load::discover::MARKER;

/// What the folder sets; each `None` leaves the built-in default.
#[derive(Debug, Default)]
pub(super) struct Settings {
    pub by: Option<GroupingArg>,
    pub reconcile: Option<ReconcileArg>,
    pub width: Option<u16>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SettingsFile {
    by: Option<Spanned<String>>,
    reconcile: Option<Spanned<String>>,
    width: Option<Spanned<i64>>,
}

/// Settings larger than this are not settings.
const MAX_BYTES: u64 = 64 * 1024;

/// "claims.toml:2:6": where a byte offset of the text lies.
fn at(path: &Path, text: &str, offset: usize) -> String {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    format!("{}:{line}:{column}", path.display())
}

/// One value named by its key: `by = "parti"` is not one of them.
fn pick<T: ValueEnum>(
    path: &Path,
    text: &str,
    key: &str,
    v: &Spanned<String>,
) -> anyhow::Result<T> {
    T::from_str(v.get_ref(), true).map_err(|_| {
        let names: Vec<String> = T::value_variants()
            .iter()
            .filter_map(|x| x.to_possible_value().map(|p| p.get_name().to_string()))
            .collect();
        UserError::new(format!(
            "{}: `{key} = \"{}\"` is not a choice",
            at(path, text, v.span().start),
            v.get_ref()
        ))
        .hint(format!("give one of: {}", names.join(", ")))
        .into()
    })
}

/// The settings of data folder `dir`: none when it has no `claims.toml`.
pub(super) fn read(dir: &Path) -> anyhow::Result<Settings> {
    let path = dir.join(MARKER);
    let Ok(meta) = std::fs::symlink_metadata(&path) else {
        return Ok(Settings::default());
    };
    if !meta.is_file() || meta.len() > MAX_BYTES {
        return Err(UserError::new(format!(
            "{}: not a regular file of at most 64 KiB",
            path.display()
        ))
        .hint("claims.toml holds a data folder's settings: `by`, `reconcile`, `width`")
        .into());
    }
    let text = std::fs::read_to_string(&path)
        .map_err(|e| UserError::new(format!("{}: cannot read: {e}", path.display())))?;
    let file: SettingsFile = toml::from_str(&text).map_err(|e| {
        let place = at(&path, &text, e.span().map_or(0, |s| s.start));
        let data = ["[event]", "[[claim]]", "[[source]]", "[[party]]", "[[metric]]", "[[document]]"];
        let hint = if data.iter().any(|t| text.contains(t)) {
            "claims.toml holds this folder's settings, not data: give the data file another name"
        } else {
            "claims.toml may set by = \"source\" | \"party\" | \"side\", reconcile = \"conservative\" | \"range\", width = 100"
        };
        UserError::new(format!("{place}: {}", e.message())).hint(hint)
    })?;
    let width = match file.width {
        Some(w) => Some(
            u16::try_from(*w.get_ref())
                .ok()
                .filter(|&n| n >= 20)
                .ok_or_else(|| {
                    UserError::new(format!(
                        "{}: `width = {}` is not a width",
                        at(&path, &text, w.span().start),
                        w.get_ref()
                    ))
                    .hint("give a number of columns from 20, such as width = 100")
                })?,
        ),
        None => None,
    };
    Ok(Settings {
        by: file.by.map(|v| pick(&path, &text, "by", &v)).transpose()?,
        reconcile: file
            .reconcile
            .map(|v| pick(&path, &text, "reconcile", &v))
            .transpose()?,
        width,
    })
}
