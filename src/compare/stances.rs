//! What accusation and position rows hold: each voice's current stance,
//! and the counts their verdicts share.

use std::collections::HashMap;

use super::scope::Scope;
use super::verdict::Agreement;
use crate::model::Claim;

/// One voice's (or column's) current stance on an accusation or proposition row.
#[derive(Debug, Clone)]
pub struct StanceEntry<'a> {
    pub key: String,
    /// Within a merged voice, who said it (see [`FigureEntry::speaker`]).
    ///
    /// [`FigureEntry::speaker`]: super::FigureEntry::speaker
    pub speaker: Option<String>,
    pub claim: &'a Claim,
    pub earlier: Vec<&'a Claim>,
    /// Other current statements of the same voice on the same party that
    /// the data cannot order against this one.
    pub unordered: usize,
    /// The claim that retracted or corrected this statement: shown, never counted.
    pub withdrawn: Option<&'a Claim>,
}

impl StanceEntry<'_> {
    /// Its voice and, within a merged voice, its speaker: two entries of
    /// one voice but different speakers are weighed against each other.
    pub fn who(&self) -> String {
        match &self.speaker {
            Some(s) => format!("{}~{s}", self.key),
            None => self.key.clone(),
        }
    }
}

/// Each proposition's current affirmations, with the affirming voice: what
/// exclusion conflicts are drawn from. Statements a voice has since
/// replaced (by a denial, say) are not among them.
pub(super) type Affirmed<'a> = HashMap<&'a str, Vec<(String, &'a Claim)>>;

/// The number of distinct voices (entries are sorted by key).
pub(super) fn distinct_voices(voices: &[StanceEntry]) -> usize {
    let mut keys: Vec<&str> = voices.iter().map(|v| v.key.as_str()).collect();
    keys.dedup();
    keys.len()
}

/// How far entries that agree go: voices of both sides of the event, of
/// one side and its allies only, or other voices.
pub(super) fn both_sides(scope: &Scope, voices: &[StanceEntry]) -> Agreement {
    let sides: Vec<Option<String>> = voices.iter().map(|v| scope.side_of_key(&v.key)).collect();
    let mut parties: Vec<&String> = sides.iter().flatten().collect();
    parties.sort();
    parties.dedup();
    let allies: Vec<Option<String>> = voices.iter().map(|v| scope.ally_of_key(&v.key)).collect();
    let all = vec![true; voices.len()];
    let camp = |i: usize| (sides[i].as_deref(), allies[i].as_deref());
    let mut named: Vec<&str> = voices
        .iter()
        .map(|v| v.key.as_str())
        .filter(|k| !scope.is_unattributed_key(k))
        .collect();
    named.dedup();
    if parties.len() >= 2 {
        Agreement::BothSides
    } else if named.len() < 2 {
        Agreement::Unattributed
    } else if super::verdict::allied_only(&all, camp) {
        Agreement::Allied
    } else {
        Agreement::Voices
    }
}
