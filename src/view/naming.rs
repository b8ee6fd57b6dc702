//! How sentences name voices and parties: a voice by its column's short
//! name ("Arm. MoD"), a speaker within a merged voice as "Armenia (Arm. PM)".

use crate::model::{Attribution, Dataset};

/// How a sentence names a voice (its column's short name, "Arm. MoD",
/// marked when not on the record) and a party ("Azerbaijan").
/// It asks the data, never which columns a comparison has, so a statement
/// added elsewhere changes no row's wording.
pub struct Naming<'a> {
    pub ds: &'a Dataset,
    pub by: crate::compare::Grouping,
}

impl Naming<'_> {
    pub fn voice(&self, key: &str) -> String {
        // A speaker within a merged voice: "Armenia (Arm. PM)".
        if let Some((voice, speaker)) = key.split_once('~') {
            let by_source = Naming {
                ds: self.ds,
                by: crate::compare::Grouping::Source,
            };
            return format!("{} ({})", self.voice(voice), by_source.voice(speaker));
        }
        let label = voice_label(key);
        let base = key.split('#').next().unwrap_or(key);
        let merged = self.by != crate::compare::Grouping::Source && self.ds.party(base).is_some();
        let short = if merged {
            self.ds.party_name(base).to_string()
        } else {
            match self.ds.source(base).and_then(|s| s.short_name.clone()) {
                Some(s) => s,
                None => return label,
            }
        };
        match label.strip_prefix(base) {
            Some(mark) => format!("{short}{mark}"),
            None => short,
        }
    }

    pub fn party(&self, id: &str) -> String {
        self.ds.party_name(id).to_string()
    }
}

/// A voice key as people read it: `armenia-mod#unnamed` is "armenia-mod
/// (unnamed official)".
pub fn voice_label(key: &str) -> String {
    // A speaker within a merged voice: "armenia (armenia-pm)".
    if let Some((voice, speaker)) = key.split_once('~') {
        return format!("{} ({})", voice_label(voice), voice_label(speaker));
    }
    match key.split_once('#') {
        Some((source, "unnamed")) => format!("{source} ({})", Attribution::Unnamed.mark()),
        Some((source, "unofficial")) => format!("{source} ({})", Attribution::Unofficial.mark()),
        _ => key.to_string(),
    }
}
