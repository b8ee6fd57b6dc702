//! Per file: read, decode, parse and check everything the file alone
//! allows (its [`Digest`]); what needs other files is recorded for the
//! merge: references to ids defined elsewhere, quotes of documents defined
//! elsewhere, units, claim ids.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use fnv::FnvHashMap;

use super::claims::{claim, InFile};
use super::definitions::definitions;
use super::file_check::{parse, Digest, FileCheck, RefKind, S};
use super::file_model::FileModel;
use super::index;
use super::input::{InputFile, Origin};
use super::local_links::{local_places, local_withdrawals};
use super::text::{collapse_space, decode};
use super::Keep;
use crate::diagnostic::{Code, Diagnostic, LineIndex};

/// Reads, decodes, parses and checks one file.
pub(super) fn digest(index: usize, file: &InputFile, keep: &Keep) -> Digest {
    let stamp = match &file.origin {
        Origin::Disk(path) => index::stamp(path),
        Origin::Embedded(_) | Origin::Snapshot(..) => None,
    };
    let failed = |diags: Vec<Diagnostic>| Digest {
        diags,
        ..Digest::default()
    };
    let bytes = match file.read() {
        Ok(b) => b,
        Err(d) => return failed(vec![d]),
    };
    let stamp = stamp.map(|s| (s, index::content_hash(&bytes)));
    let text = match decode(&file.display, &bytes) {
        Ok(t) => t,
        Err(d) => return failed(vec![d]),
    };
    let model = match parse(&file.display, text) {
        Ok(m) => m,
        Err((first, more)) => {
            return Digest {
                every_error: more,
                unparsed_ids: ids_in(text),
                ..failed(vec![first])
            }
        }
    };
    checked(index, file, text, &model, keep, stamp)
}

/// The rest of a file whose tables with type errors were blanked: checked
/// as any file is (quotes, references, rules), never indexed.
pub(super) fn digest_rest(index: usize, file: &InputFile, text: &str, keep: &Keep) -> Digest {
    match parse(&file.display, text) {
        Ok(model) => checked(index, file, text, &model, keep, None),
        Err(_) => Digest::default(),
    }
}

/// Every check one file allows, on its parsed model.
fn checked(
    index: usize,
    file: &InputFile,
    text: &str,
    model: &FileModel,
    keep: &Keep,
    stamp: Option<(index::Stamp, u64)>,
) -> Digest {
    let mut fc = FileCheck {
        file: index,
        display: &file.display,
        lines: LineIndex::new(text),
        out: Digest::default(),
        refs: FnvHashMap::default(),
        tally: FnvHashMap::default(),
    };
    definitions(&mut fc, model);
    // Each text is read once, however many documents name it.
    let mut texts: HashMap<&str, Result<Arc<str>, (String, &'static str)>> = HashMap::new();
    let mut local_docs: HashMap<&str, Option<Arc<str>>> = HashMap::new();
    for d in &model.document {
        let text = d.text.as_ref().and_then(|rel| {
            let loaded = texts
                .entry(rel.get_ref().as_str())
                .or_insert_with(|| load_text(file, rel.get_ref()));
            document_text(&mut fc, rel, loaded)
        });
        local_docs.insert(d.id.get_ref().as_str(), text);
    }
    let local_props: HashSet<&str> = model
        .proposition
        .iter()
        .map(|p| p.id.get_ref().as_str())
        .collect();
    let in_file = InFile {
        event: model.event.as_ref().map(|e| e.id.get_ref().as_str()),
        docs: &local_docs,
        props: &local_props,
        keep,
    };
    for (i, c) in model.claim.iter().enumerate() {
        let seq = ((index as u64) << 32) | i as u64;
        if let Some(claim) = claim(&mut fc, c, &in_file, seq) {
            fc.out.claims.push(claim);
        }
    }
    // A file with no joint figure needs no own figures kept (see `sums`).
    if fc.out.joints.is_empty() {
        fc.out.singles = Vec::new();
    }
    local_withdrawals(&mut fc, model);
    local_places(&mut fc, model);
    fc.out.tally = fc
        .tally
        .iter()
        .map(|((e, s), n)| ((e.to_string(), s.to_string()), *n))
        .collect();
    // Only files on disk are indexed; built-in files are always read.
    if stamp.is_some() {
        fc.out.entry = Some(index_entry(model, &fc.out));
    }
    fc.out.stamp = stamp;
    fc.out
}

pub(super) fn index_entry(m: &FileModel, d: &Digest) -> index::IndexEntry {
    let mut claim_events: Vec<String> = d.tally.keys().map(|(e, _)| e.clone()).collect();
    claim_events.sort();
    claim_events.dedup();
    let defines = m
        .event
        .iter()
        .map(|e| format!("e:{}", e.id.get_ref()))
        .chain(m.document.iter().map(|x| format!("d:{}", x.id.get_ref())))
        .chain(
            m.proposition
                .iter()
                .map(|x| format!("p:{}", x.id.get_ref())),
        )
        .collect();
    let needs = d
        .refs
        .iter()
        .filter_map(|r| match r.kind {
            RefKind::Event => Some(format!("e:{}", r.id)),
            RefKind::Document => Some(format!("d:{}", r.id)),
            RefKind::Proposition => Some(format!("p:{}", r.id)),
            _ => None,
        })
        .collect();
    index::IndexEntry {
        events: m.event.iter().map(|e| e.id.get_ref().clone()).collect(),
        claim_events,
        shared: !(m.party.is_empty()
            && m.source.is_empty()
            && m.metric.is_empty()
            && m.vague.is_empty()
            && m.act.is_empty()
            && m.category.is_empty()
            && m.place.is_empty())
            || (m.event.is_none() && !(m.document.is_empty() && m.proposition.is_empty())),
        defines,
        needs,
    }
}

/// Reads a document's local text (whitespace folded) for the quote check.
pub(super) fn document_text(
    fc: &mut FileCheck<'_>,
    rel: &S<String>,
    loaded: &Result<Arc<str>, (String, &'static str)>,
) -> Option<Arc<str>> {
    match loaded {
        Ok(t) => Some(t.clone()),
        Err((message, hint)) => {
            fc.error(Code::DocumentText, rel.span(), message.clone(), *hint);
            None
        }
    }
}

/// A document's local text, whitespace folded, or why it cannot be had.
pub(super) fn load_text(file: &InputFile, rel: &str) -> Result<Arc<str>, (String, &'static str)> {
    match file.read_sibling(rel) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(t) => Ok(Arc::from(collapse_space(&t))),
            Err(_) => Err((format!("document text `{rel}` is not UTF-8"), "")),
        },
        Err(msg) => Err((
            format!("document text not read: {msg}"),
            "a text is a .txt, .md or .html file inside the data folder, not hidden; the path is relative to this data file",
        )),
    }
}

/// The ids a text that did not parse seems to give: each line `id = "…"`,
/// the first thousand (a hint, never a definition).
fn ids_in(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|l| {
            let rest = l
                .trim_start()
                .strip_prefix("id")?
                .trim_start()
                .strip_prefix('=')?;
            let quoted = rest.trim().strip_prefix('"')?;
            Some(quoted[..quoted.find('"')?].to_string())
        })
        .take(1000)
        .collect()
}
