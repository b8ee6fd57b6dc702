//! Across files, once every claim is known: places that lie within
//! themselves through a chain, and retractions and corrections that cannot
//! withdraw what they name (a missing claim, another voice's, a later one,
//! another kind of statement, a retraction, one already withdrawn).

use std::collections::{HashMap, HashSet};

use super::digest::{id_hash, parse, FileCheck, RefKind, Withdrawal};
use super::file_model::{ClaimFile, FileModel};
use super::merge::Merger;
use super::text::decode;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::places::PlaceTree;
use crate::model::when::{parse_when, When};
use crate::model::{Assertion, Attribution, Claim};
use crate::suggest;

const HINT: &str = "a claim withdraws an earlier claim of its own voice, in its event";

/// What the check of a withdrawal needs of a claim.
struct Link<'x> {
    id: &'x str,
    voice: &'x str,
    attribution: Attribution,
    event: Option<&'x str>,
    said: Option<When>,
    kind: &'static str,
    withdraws: Option<&'x str>,
}

impl<'x> Link<'x> {
    fn of_claim(c: &'x Claim) -> Self {
        Link {
            id: &c.id,
            voice: c.voice(),
            attribution: c.attribution,
            event: Some(&c.event),
            said: Some(c.said.clone()),
            kind: c.kind_name(),
            withdraws: match &c.assertion {
                Assertion::Retraction { of } => Some(of),
                _ => c.corrects.as_deref(),
            },
        }
    }

    fn of_file(c: &'x ClaimFile, file_event: Option<&'x str>) -> Self {
        let kind = if c.figure.is_some() {
            "figure"
        } else if c.accusation.is_some() {
            "accusation"
        } else if c.position.is_some() {
            "position"
        } else {
            "retraction"
        };
        Link {
            id: c.id.get_ref(),
            voice: c.origin.as_ref().unwrap_or(&c.source).get_ref(),
            attribution: c.attribution.unwrap_or_default(),
            event: c
                .event
                .as_ref()
                .map(|e| e.get_ref().as_str())
                .or(file_event),
            said: parse_when(c.said.get_ref()).ok(),
            kind,
            withdraws: c
                .retracts
                .as_ref()
                .or(c.corrects.as_ref())
                .map(|t| t.get_ref().as_str()),
        }
    }
}

/// Claims of the file's event naming a place the event does not list:
/// kept for the merge, which knows whether it lies within a listed one.
pub(super) fn local_places(fc: &mut FileCheck<'_>, m: &FileModel) {
    let Some(e) = m.event.as_ref().filter(|e| !e.places.is_empty()) else {
        return;
    };
    let listed: Vec<String> = e.places.iter().map(|p| p.get_ref().clone()).collect();
    for c in &m.claim {
        let own_event = c
            .event
            .as_ref()
            .is_none_or(|x| x.get_ref() == e.id.get_ref());
        let Some(p) = c
            .place
            .as_ref()
            .filter(|p| own_event && !listed.contains(p.get_ref()))
        else {
            continue;
        };
        let place = fc.place(&p.span());
        fc.out
            .unlisted_places
            .push((p.get_ref().clone(), listed.clone(), place));
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

/// The diagnostic of a withdrawal that cannot be.
fn problem(path: &str, w: &Withdrawal, message: String, hint: &str) -> Diagnostic {
    Diagnostic {
        code: Code::BadRetraction,
        path: path.to_string(),
        line: w.place.line,
        column: w.place.column,
        message,
        snippet: Some(w.place.snippet.clone()),
        hint: None,
        secondary: Vec::new(),
    }
    .with_hint(hint)
}

fn verb(w: &Withdrawal) -> &'static str {
    if w.corrects {
        "corrects"
    } else {
        "retracts"
    }
}

/// Withdrawals whose target is in the same file are checked with the file
/// (whatever the load keeps); every one goes on to the merge, which finds
/// a claim withdrawn twice and checks the rest.
pub(super) fn local_withdrawals(fc: &mut FileCheck<'_>, m: &FileModel) {
    // Most files withdraw nothing: no index of their claims is built then.
    if fc.out.withdrawals.is_empty() {
        return;
    }
    let file_event = m.event.as_ref().map(|e| e.id.get_ref().as_str());
    let by_id: HashMap<&str, &ClaimFile> = m
        .claim
        .iter()
        .map(|c| (c.id.get_ref().as_str(), c))
        .collect();
    let mut list = std::mem::take(&mut fc.out.withdrawals);
    for w in &mut list {
        let (Some(target), Some(claim)) =
            (by_id.get(w.target.as_str()), by_id.get(w.claim.as_str()))
        else {
            continue;
        };
        w.checked = true;
        let (c, t) = (
            Link::of_file(claim, file_event),
            Link::of_file(target, file_event),
        );
        if let Some(message) = mismatch(&c, &t, w.corrects) {
            fc.out.diags.push(problem(fc.display, w, message, HINT));
        }
    }
    fc.out.withdrawals = list;
}

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

/// Why claim `c` cannot withdraw claim `t`, if it cannot.
fn mismatch(c: &Link, t: &Link, corrects: bool) -> Option<String> {
    let verb = if corrects { "corrects" } else { "retracts" };
    let (cid, tid) = (c.id, t.id);
    if cid == tid {
        return Some(format!("claim `{cid}` {verb} itself"));
    }
    if (c.voice, c.attribution) != (t.voice, t.attribution) {
        let who = |l: &Link| match l.attribution {
            Attribution::OnRecord => format!("`{}`", l.voice),
            a => format!("`{}` ({})", l.voice, a.mark()),
        };
        return Some(format!(
            "claim `{cid}` by {} {verb} `{tid}`, which {} made",
            who(c),
            who(t)
        ));
    }
    if let (Some(a), Some(b)) = (c.event, t.event) {
        if a != b {
            return Some(format!(
                "claim `{cid}` {verb} `{tid}` of another event (`{b}`)"
            ));
        }
    }
    if let (Some(a), Some(b)) = (&c.said, &t.said) {
        if a.before(b) {
            return Some(format!(
                "claim `{cid}` ({a}) {verb} `{tid}`, said later ({b})"
            ));
        }
    }
    if t.kind == "retraction" {
        return Some(format!(
            "claim `{cid}` {verb} `{tid}`, itself a retraction: say the claim again instead"
        ));
    }
    if corrects && c.kind != t.kind {
        let a = |k: &str| if k == "accusation" { "an" } else { "a" };
        return Some(format!(
            "claim `{cid}` ({} {}) corrects `{tid}` ({} {}): a correction says the same kind of thing",
            a(c.kind),
            c.kind,
            a(t.kind),
            t.kind
        ));
    }
    (t.withdraws == Some(cid)).then(|| format!("claims `{cid}` and `{tid}` withdraw each other"))
}
