//! Which data a command reads, found as git finds its repository: `--data`,
//! else `CLAIMS_DATA`, else the nearest folder from the working directory
//! upward holding a `claims.toml` (which `claims init` writes), else the data
//! built into the binary. Every command that reads data says which, once.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use super::DataSource;

/// The file that marks a data folder and holds its settings; never data.
pub const MARKER: &str = "claims.toml";

/// How the active data was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    /// `--data DIR`.
    Flag,
    /// `CLAIMS_DATA`.
    Env,
    /// A `claims.toml` in the folder or one above the working directory.
    Marker,
    /// Nothing else: the data built into the binary.
    Builtin,
}

/// The nearest of `start` and its ancestors holding a `claims.toml` that
/// is a regular file (a link named so marks nothing).
pub fn nearest_marked(start: &Path) -> Option<PathBuf> {
    start.ancestors().find_map(|dir| {
        let marker = std::fs::symlink_metadata(dir.join(MARKER)).ok()?;
        marker.is_file().then(|| dir.to_path_buf())
    })
}

/// The data to read: the flag, else the environment's value (when not
/// empty), else the nearest marked folder above `cwd`, else the built-in data.
pub fn choose(
    flag: Option<PathBuf>,
    env: Option<OsString>,
    cwd: Option<&Path>,
) -> (DataSource, Found) {
    if let Some(dir) = flag {
        return (DataSource::Folder(dir), Found::Flag);
    }
    if let Some(dir) = env.filter(|v| !v.is_empty()) {
        return (DataSource::Folder(dir.into()), Found::Env);
    }
    match cwd.and_then(nearest_marked) {
        Some(dir) => (DataSource::Folder(relative_to(&dir, cwd)), Found::Marker),
        None => (DataSource::Builtin, Found::Builtin),
    }
}

/// A found folder as people name it from where they stand: `.`, `..`,
/// `../..`; absolute when further.
fn relative_to(dir: &Path, cwd: Option<&Path>) -> PathBuf {
    let Some(cwd) = cwd else {
        return dir.to_path_buf();
    };
    match cwd.strip_prefix(dir) {
        Ok(rest) if rest.components().count() <= 3 => {
            let ups = rest.components().count();
            if ups == 0 {
                PathBuf::from(".")
            } else {
                (0..ups).map(|_| "..").collect()
            }
        }
        _ => dir.to_path_buf(),
    }
}

/// The data in words, for the one line that says which: "the built-in data
/// (claims 0.1.0)", "./newsroom", "~/newsroom (CLAIMS_DATA)".
pub fn label(data: &DataSource, found: Found) -> String {
    match data {
        DataSource::Builtin => format!(
            "{} (claims {})",
            name(data, found),
            env!("CARGO_PKG_VERSION")
        ),
        DataSource::Folder(_) => name(data, found),
    }
}

/// The data as a published document names it: "the built-in data", "the
/// data folder newsroom" (its name only: a report never carries a path of
/// the machine it was made on).
pub fn public_name(data: &DataSource) -> String {
    match data {
        DataSource::Builtin => "the built-in data".to_string(),
        DataSource::Folder(dir) => {
            let full = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.clone());
            let name = full
                .file_name()
                .map_or("data".into(), |n| n.to_string_lossy());
            format!("the data folder {name}")
        }
    }
}

/// The data in words, without the version: "the built-in data", "./newsroom".
pub fn name(data: &DataSource, found: Found) -> String {
    let DataSource::Folder(dir) = data else {
        return "the built-in data".to_string();
    };
    // A folder found above is named in full: "." says nothing of which.
    let full;
    let dir = if found == Found::Marker {
        full = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.clone());
        &full
    } else {
        dir
    };
    let home = std::env::var_os("HOME").map(PathBuf::from);
    let shown = match home.as_deref().and_then(|h| dir.strip_prefix(h).ok()) {
        Some(rest) if dir.is_absolute() => format!("~/{}", rest.display()),
        _ if dir.is_relative() && !dir.starts_with(".") && !dir.starts_with("..") => {
            format!("./{}", dir.display())
        }
        _ => dir.display().to_string(),
    };
    match found {
        Found::Env => format!("{shown} (CLAIMS_DATA)"),
        _ => shown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_flag_then_the_environment_then_the_marker_then_the_built_in_data() {
        let top = tempfile::tempdir().expect("a folder");
        let inner = top.path().join("events/2024");
        std::fs::create_dir_all(&inner).expect("folders");
        std::fs::write(top.path().join(MARKER), "").expect("a marker");
        let flag = Some(PathBuf::from("given"));
        let env = Some(OsString::from("from-env"));
        assert_eq!(choose(flag, env.clone(), Some(&inner)).1, Found::Flag);
        assert_eq!(choose(None, env, Some(&inner)).1, Found::Env);
        let (data, found) = choose(None, Some(OsString::new()), Some(&inner));
        assert_eq!(found, Found::Marker);
        assert!(matches!(data, DataSource::Folder(d) if d == Path::new("../..")));
        let elsewhere = tempfile::tempdir().expect("a folder");
        assert_eq!(choose(None, None, Some(elsewhere.path())).1, Found::Builtin);
    }

    #[test]
    fn a_link_named_claims_toml_marks_nothing() {
        let top = tempfile::tempdir().expect("a folder");
        let target = top.path().join("real.toml");
        std::fs::write(&target, "").expect("a file");
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(&target, top.path().join(MARKER)).expect("a link");
            assert_eq!(nearest_marked(top.path()), None);
        }
    }

    #[test]
    fn a_folder_is_named_as_people_name_it() {
        let built_in = label(&DataSource::Builtin, Found::Builtin);
        assert!(
            built_in.starts_with("the built-in data (claims "),
            "{built_in}"
        );
        let here = label(&DataSource::Folder("newsroom".into()), Found::Flag);
        assert_eq!(here, "./newsroom");
        let env = label(&DataSource::Folder("../data".into()), Found::Env);
        assert_eq!(env, "../data (CLAIMS_DATA)");
    }
}
