//! Columns and voices: which column a claim sits in, and whose voice it
//! counts as. A voice is a source (or, merged, a party's organs or a whole
//! side); a claim not on the record ("an unnamed official") is a voice apart,
//! its key the source's with `#unnamed` or `#unofficial`.

use super::Grouping;
use crate::model::{Attribution, Claim, Dataset, Event, Standing};

#[derive(Debug, Clone)]
pub struct Column {
    pub id: String,
    pub name: String,
    /// What a heading or a one-line summary calls it: a source's short
    /// name, a party's name, else the id.
    pub short: String,
    pub party: Option<String>,
    /// A source's standing; `None` for a merged party and derived columns.
    pub standing: Option<Standing>,
}

/// The column of each party's own figures summed, beside a count of several parties.
pub const OWN_SUM: &str = "Σ own";

/// A voice key's source (or group) and attribution.
pub(super) fn split_key(key: &str) -> (&str, Attribution) {
    match key.split_once('#') {
        Some((base, "unnamed")) => (base, Attribution::Unnamed),
        Some((base, "unofficial")) => (base, Attribution::Unofficial),
        _ => (key, Attribution::OnRecord),
    }
}

/// Whether a key stands for a merged party (under `--by party` or `--by side`).
pub(super) fn is_group(ds: &Dataset, key: &str, by: Grouping) -> bool {
    by != Grouping::Source && ds.party(key).is_some()
}

/// The key a source falls under: its party when the grouping merges it
/// (organs on the record under `party`, every aligned voice under `side`).
/// A source whose standing changed (`periods`) merges as it stood when it spoke.
fn group(ds: &Dataset, source: &str, c: &Claim, by: Grouping) -> Option<String> {
    let s = ds.source(source)?;
    let party = s.party.as_ref()?;
    let standing = s.standing_at(&c.said);
    let merged = match by {
        Grouping::Source => false,
        Grouping::Party => standing == Standing::Organ && c.attribution == Attribution::OnRecord,
        Grouping::Side => standing.is_aligned(),
    };
    // A side takes in the parties aligned with it (a de facto authority).
    let party = match by {
        Grouping::Side => ds.side_of(party),
        _ => party,
    };
    merged.then(|| party.to_string())
}

/// A claim's column key and voice key under a grouping: a relayed claim sits
/// in its relay's column but counts as its originator's voice.
pub(super) fn keys(ds: &Dataset, c: &Claim, by: Grouping) -> (String, String) {
    let column = group(ds, &c.source, c, by).unwrap_or_else(|| c.source.clone());
    let voice = group(ds, c.voice(), c, by).unwrap_or_else(|| match c.attribution {
        Attribution::OnRecord => c.voice().to_string(),
        a => format!("{}#{}", c.voice(), a.name()),
    });
    (column, voice)
}

/// Between a merged voice (a party's organs, a side) and the speaker within
/// it: only a speaker revises its own figure, and two speakers of one
/// voice that disagree are shown disagreeing.
pub(super) const SPEAKER: char = '~';

/// A claim's voice key with its speaker when the voice is merged
/// (`armenia~armenia-pm`); the voice key alone otherwise.
pub(super) fn speaker_key(ds: &Dataset, c: &Claim, by: Grouping) -> String {
    let voice = keys(ds, c, by).1;
    let speaker = keys(ds, c, Grouping::Source).1;
    match voice == speaker {
        true => voice,
        false => format!("{voice}{SPEAKER}{speaker}"),
    }
}

/// A speaker key's voice and speaker (`None` when the voice is one source).
pub(super) fn split_speaker(key: &str) -> (&str, Option<&str>) {
    match key.split_once(SPEAKER) {
        Some((voice, speaker)) => (voice, Some(speaker)),
        None => (key, None),
    }
}

/// The key a claim's cell entries are kept under: its column's, marked as
/// the voice is when not on the record, so that an unnamed official's figure
/// never supersedes the source's own in its cell.
pub(super) fn cell_key(ds: &Dataset, c: &Claim, by: Grouping) -> String {
    cell_and_voice(ds, c, by).0
}

/// A claim's cell key and voice key, worked out once. A relayed claim is
/// its originator's voice: in the relay's column, its entries are kept
/// apart from the relay's own (`column>voice`), so a relayed figure never
/// supersedes, joins or sums with what the relay itself says.
pub(super) fn cell_and_voice(ds: &Dataset, c: &Claim, by: Grouping) -> (String, String) {
    let (column, voice) = keys(ds, c, by);
    let cell = match split_key(&voice).1 {
        Attribution::OnRecord => column,
        a => format!("{column}#{}", a.name()),
    };
    let cell = match c.origin.is_some() && split_key(&voice).0 != split_key(&cell).0 {
        true => format!("{cell}{RELAYED}{voice}"),
        // A merged column keeps each speaker's statements apart, as its voice does.
        false if is_group(ds, &cell, by) => {
            format!("{cell}{SPEAKER}{}", keys(ds, c, Grouping::Source).1)
        }
        false => cell,
    };
    (cell, voice)
}

/// Between a relay's cell key and the voice it relays.
pub(super) const RELAYED: char = '>';

/// Whether a cell key holds what a relay passes on from another voice.
pub(super) fn is_relayed(key: &str) -> bool {
    key.contains(RELAYED)
}

/// The column a cell key sits in.
pub(super) fn column_of(key: &str) -> &str {
    let cell = key.split(RELAYED).next().unwrap_or(key);
    let cell = cell.split(SPEAKER).next().unwrap_or(cell);
    split_key(cell).0
}

/// The party a voice key speaks for (or is aligned with) under a grouping;
/// an international body speaks for no side, whatever party it names.
pub(super) fn party_of_key(ds: &Dataset, key: &str, by: Grouping) -> Option<String> {
    let (base, _) = split_key(key);
    if is_group(ds, base, by) {
        return Some(base.to_string());
    }
    let s = ds
        .source(base)
        .filter(|s| s.standing != Standing::International)?;
    s.party.clone()
}

/// One column per key, the sides first in their order, then third parties,
/// then the unaffiliated; within each, by id (an order no file name or claim
/// position can change).
pub(super) fn columns(ds: &Dataset, event: &Event, claims: &[&Claim], by: Grouping) -> Vec<Column> {
    // A set: a list searched for each claim cost the product of claims and columns.
    let ids: std::collections::BTreeSet<String> =
        claims.iter().map(|c| keys(ds, c, by).0).collect();
    let side_rank = |party: Option<&str>| {
        party
            .map(|p| ds.side_of(p))
            .and_then(|p| event.sides.iter().position(|s| s == p))
            .unwrap_or(event.sides.len() + usize::from(party.is_none()))
    };
    let mut cols: Vec<Column> = ids.into_iter().map(|id| column(ds, id, by)).collect();
    cols.sort_by(|a, b| {
        let rank = |c: &Column| side_rank(c.party.as_deref());
        // A merged party before its sources that stay apart.
        let merged = |c: &Column| !is_group(ds, &c.id, by);
        (rank(a), merged(a), &a.id).cmp(&(rank(b), merged(b), &b.id))
    });
    cols
}

fn column(ds: &Dataset, id: String, by: Grouping) -> Column {
    if is_group(ds, &id, by) {
        let name = ds.party_name(&id);
        let name = match by {
            Grouping::Side => format!("{name} and every voice aligned with it"),
            _ => format!("{name} (its organs)"),
        };
        return Column {
            name,
            short: ds.party_name(&id).to_string(),
            party: Some(id.clone()),
            standing: None,
            id,
        };
    }
    let s = ds.source(&id);
    Column {
        name: s.map_or(id.clone(), |s| s.name.clone()),
        short: s
            .and_then(|s| s.short_name.clone())
            .unwrap_or_else(|| id.clone()),
        party: s.and_then(|s| s.party.clone()),
        standing: s.map(|s| s.standing),
        id,
    }
}
