//! Across files, once every claim is known: places that lie within
//! themselves through a chain, and retractions and corrections that cannot
//! withdraw what they name (a missing claim, another voice's, a later one,
//! another kind of statement, a retraction, one already withdrawn).

use std::collections::{HashMap, HashSet};

use super::file_check::{id_hash, parse, RefKind, Withdrawal};
use super::file_model::FileModel;
use super::local_links::{mismatch, problem, verb, Link, HINT};
use super::merge::Merger;
use super::text::decode;
use crate::diagnostic::Code;
use crate::model::places::PlaceTree;
use crate::suggest;

impl Merger<'_, '_> {
    /// A `within` chain that comes back to its start. Each place is walked
    /// once: a walk stops at a place already settled, so a chain of any
    /// length costs linear time.
    /// A claim's place must be one its event lists, or lie within one.
    pub(super) fn check_unlisted_places(&mut self) {
        let unlisted = std::mem::take(&mut self.unlisted_places);
        if unlisted.is_empty() {
            return;
        }
        let tree = PlaceTree::new(&self.ds);
        for (id, listed, place) in unlisted {
            if self.ds.place(&id).is_none() || listed.iter().any(|l| tree.within(&id, l)) {
                continue;
            }
            let d = place.diag(
                Code::UnknownId,
                self.files,
                format!(
                    "place `{id}` is not among the event's places ({})",
                    listed.join(", ")
                ),
                "add it to the event's `places`, or say which listed place it lies `within`",
            );
            self.diags.push(d);
        }
    }

    pub(super) fn check_place_cycles(&mut self) {
        let within: HashMap<&str, &str> = self
            .ds
            .places
            .iter()
            .filter_map(|p| Some((p.id.as_str(), p.within.as_deref()?)))
            .collect();
        let mut settled: HashSet<&str> = HashSet::new();
        let mut found = Vec::new();
        for p in &self.ds.places {
            let mut path: Vec<&str> = Vec::new();
            let mut on_path: HashMap<&str, usize> = HashMap::new();
            let mut cur = Some(p.id.as_str());
            while let Some(c) = cur.filter(|c| !settled.contains(c)) {
                if let Some(&start) = on_path.get(c) {
                    let mut cycle = path[start..].to_vec();
                    cycle.push(c);
                    found.push((c.to_string(), shorten(&cycle)));
                    break;
                }
                on_path.insert(c, path.len());
                path.push(c);
                cur = within.get(c).copied();
            }
            settled.extend(path);
        }
        for (id, path) in found {
            if let Some(place) = self.places.get(&(RefKind::Place, id.clone())) {
                let d = place.diag(
                    Code::PlaceCycle,
                    self.files,
                    format!("place `{id}` lies within itself through {path}"),
                    "`within` names a larger place; break the chain",
                );
                self.diags.push(d);
            }
        }
    }

    /// Every `retracts` and `corrects` names an earlier claim of the same
    /// voice, of the same kind, in the same event, withdrawn once. A target
    /// in another file that this load did not keep is read again from its
    /// file (found by its id's hash): a rare path, bounded by the number of
    /// such files.
    pub(super) fn check_withdrawals(&mut self) {
        let withdrawals = std::mem::take(&mut self.withdrawals);
        if withdrawals.is_empty() {
            return;
        }
        let all: HashSet<u64> = self.claim_ids.iter().map(|x| x.0).collect();
        let mut first: HashMap<&str, &str> = HashMap::new();
        let mut reread = Reread::default();
        for w in &withdrawals {
            let path = self.files[w.place.file].display.clone();
            if let Some(earlier) = first.insert(&w.target, &w.claim) {
                let message = format!(
                    "`{}` is withdrawn twice, by `{earlier}` and by `{}`",
                    w.target, w.claim
                );
                self.diags.push(problem(
                    &path,
                    w,
                    message,
                    "keep one retraction or correction of a claim",
                ));
                continue;
            }
            if w.checked {
                continue;
            }
            if w.claim != w.target && !all.contains(&id_hash(&w.target)) {
                let known = self.ds.claims.iter().map(|c| c.id.as_str());
                // Typo hints compare with every kept claim: the first few only.
                let hint = if self.diags.len() < suggest::DISTANCE_HINTS {
                    suggest::hint(&w.target, known)
                } else {
                    "`claims list` shows claim ids".to_string()
                };
                let message = format!("{} unknown claim `{}`", verb(w), w.target);
                self.diags.push(problem(&path, w, message, &hint));
                continue;
            }
            let message = match (self.ds.claim(&w.claim), self.ds.claim(&w.target)) {
                (Some(c), Some(t)) => mismatch(&Link::of_claim(c), &Link::of_claim(t), w.corrects),
                _ => reread.mismatch(self, w),
            };
            if let Some(message) = message {
                self.diags.push(problem(&path, w, message, HINT));
            }
        }
    }
}

/// Files read again for the claims of withdrawals a load did not keep.
#[derive(Default)]
struct Reread {
    /// File index -> its parsed model and event, or `None` if it cannot be read now.
    files: HashMap<usize, Option<(FileModel, Option<String>)>>,
    /// Id hash -> the files holding a claim of that hash.
    located: Option<HashMap<u64, Vec<usize>>>,
}

impl Reread {
    fn mismatch(&mut self, m: &Merger, w: &Withdrawal) -> Option<String> {
        let located = self.located.get_or_insert_with(|| {
            let mut map: HashMap<u64, Vec<usize>> = HashMap::new();
            for &(h, file, _) in &m.claim_ids {
                map.entry(h).or_default().push(file as usize);
            }
            map
        });
        let mut files: Vec<usize> = [&w.claim, &w.target]
            .iter()
            .flat_map(|id| located.get(&id_hash(id)).cloned().unwrap_or_default())
            .collect();
        files.sort_unstable();
        files.dedup();
        for f in files {
            self.files.entry(f).or_insert_with(|| {
                let file = m.files.get(f)?;
                let bytes = file.read().ok()?;
                let text = decode(&file.display, &bytes).ok()?;
                let model = parse(&file.display, text).ok()?;
                let event = model.event.as_ref().map(|e| e.id.get_ref().clone());
                Some((model, event))
            });
        }
        let find = |id: &str| {
            self.files.values().flatten().find_map(|(model, event)| {
                let c = model.claim.iter().find(|c| c.id.get_ref() == id)?;
                Some(Link::of_file(c, event.as_deref()))
            })
        };
        mismatch(&find(&w.claim)?, &find(&w.target)?, w.corrects)
    }
}

/// "a → b → a", with the middle of a long chain left out.
fn shorten(chain: &[&str]) -> String {
    if chain.len() <= 8 {
        return chain.join(" → ");
    }
    let (head, tail) = (&chain[..4], &chain[chain.len() - 2..]);
    let left = chain.len() - 6;
    format!(
        "{} → … ({left} more) → {}",
        head.join(" → "),
        tail.join(" → ")
    )
}
