//! Which events `diff` must load whole: those a changed file speaks of.
//! Files are matched by path across the two versions and compared by the
//! hash of their bytes; an unchanged file holds the same claims on both
//! sides, so only the events named in changed files can differ, unless a
//! changed file defines vocabulary, which may move any verdict.

use std::collections::{BTreeSet, HashMap};

use crate::load::index::content_hash;
use crate::load::InputFile;

/// What to load whole.
#[derive(Debug, PartialEq, Eq)]
pub enum Scope {
    /// Every event: the vocabulary changed, or a changed file could not be read.
    All,
    /// These events (none: nothing that holds claims changed).
    Events(Vec<String>),
}

/// Tables that hold an event's own data; anything else a file defines is
/// shared by every event.
const EVENT_TABLES: [&str; 3] = ["event", "claim", "document"];

/// Each file by its path relative to its folder, with the hash of its bytes.
fn hashes<'f>(files: &'f [InputFile], prefix: &str) -> HashMap<String, (u64, &'f InputFile)> {
    let prefix = format!("{}/", prefix.trim_end_matches('/'));
    files
        .iter()
        .map(|f| {
            let rel = f.display.strip_prefix(&prefix).unwrap_or(&f.display);
            let hash = f.read().map_or(0, |b| content_hash(&b));
            (rel.to_string(), (hash, f))
        })
        .collect()
}

/// What a changed file holds: the events it names (its `[event]`, its
/// claims' `event`) and everything else it defines (propositions, places,
/// vocabulary); `None` when it cannot be read as TOML.
fn contents(f: &InputFile) -> Option<(Vec<String>, toml::Table)> {
    let bytes = f.read().ok()?;
    let mut table: toml::Table = std::str::from_utf8(&bytes).ok()?.parse().ok()?;
    let shared: Vec<String> = table
        .keys()
        .filter(|k| !EVENT_TABLES.contains(&k.as_str()))
        .cloned()
        .collect();
    let rest: toml::Table = shared
        .into_iter()
        .filter_map(|k| table.remove_entry(&k))
        .collect();
    let own = table
        .get("event")
        .and_then(|e| e.get("id"))
        .and_then(|i| i.as_str());
    let claims = table.get("claim").and_then(|c| c.as_array());
    let of_claims = claims
        .into_iter()
        .flatten()
        .filter_map(|c| c.get("event").and_then(|e| e.as_str()));
    let named = own
        .into_iter()
        .chain(of_claims)
        .map(str::to_string)
        .collect();
    Some((named, rest))
}

/// The events to load whole for two versions' files.
pub fn scope(old: (&[InputFile], &str), new: (&[InputFile], &str)) -> Scope {
    let (a, b) = (hashes(old.0, old.1), hashes(new.0, new.1));
    let mut events = BTreeSet::new();
    let paths: BTreeSet<&String> = a.keys().chain(b.keys()).collect();
    for path in paths {
        let (x, y) = (a.get(path), b.get(path));
        if x.map(|v| v.0) == y.map(|v| v.0) {
            continue;
        }
        let mut defined = Vec::new();
        for (_, file) in x.into_iter().chain(y) {
            match contents(file) {
                Some((named, rest)) => {
                    events.extend(named);
                    defined.push(rest);
                }
                None => return Scope::All,
            }
        }
        // What it defines besides events changed, appeared or went: any
        // verdict may move.
        let same = match defined.as_slice() {
            [one] => one.is_empty(),
            [a, b] => a == b,
            _ => false,
        };
        if !same {
            return Scope::All;
        }
    }
    Scope::Events(events.into_iter().collect())
}
