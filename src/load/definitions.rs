//! Per file: the vocabulary, events, documents and propositions it defines,
//! converted to the model and checked as far as the file allows.

use std::collections::HashSet;

use super::digest::{Def, FileCheck, RefKind};
use super::file_model::*;
use crate::diagnostic::Code;
use crate::model::quantity::Interval;
use crate::model::{Act, Document, Event, Metric, Party, Proposition, PropositionKind, Source};

pub(super) fn definitions<'t>(fc: &mut FileCheck<'t>, m: &'t FileModel) {
    parties(fc, m);
    sources(fc, m);
    metrics(fc, m);
    vague_words(fc, m);
    acts(fc, m);
    event(fc, m);
    documents(fc, m);
    propositions(fc, m);
}

/// Parties: an id and a name.
fn parties<'t>(fc: &mut FileCheck<'t>, m: &'t FileModel) {
    for p in &m.party {
        if fc.id_ok("party", &p.id) {
            let place = fc.place(&p.id.span());
            fc.out.parties.push(Def {
                item: Party {
                    id: p.id.get_ref().clone(),
                    name: p.name.clone(),
                },
                place,
            });
        }
    }
}

/// Sources, with the party each speaks for.
fn sources<'t>(fc: &mut FileCheck<'t>, m: &'t FileModel) {
    for s in &m.source {
        if let Some(p) = &s.party {
            fc.reference(RefKind::Party, p);
        }
        if fc.id_ok("source", &s.id) {
            let place = fc.place(&s.id.span());
            fc.out.sources.push(Def {
                item: Source {
                    id: s.id.get_ref().clone(),
                    name: s.name.clone(),
                    party: s.party.as_ref().map(|p| p.get_ref().clone()),
                    kind: s.kind,
                },
                place,
            });
        }
    }
}

/// Metrics; a composite may not list itself among its parts.
fn metrics<'t>(fc: &mut FileCheck<'t>, m: &'t FileModel) {
    for mt in &m.metric {
        for part in &mt.parts {
            if part.get_ref() == mt.id.get_ref() {
                fc.error(
                    Code::CompositeCycle,
                    part.span(),
                    format!("composite metric `{}` refers to itself", mt.id.get_ref()),
                    "a composite lists the other metrics it sums",
                );
            } else {
                fc.reference(RefKind::Metric, part);
            }
        }
        if fc.id_ok("metric", &mt.id) {
            let place = fc.place(&mt.id.span());
            fc.out.metrics.push(Def {
                item: Metric {
                    id: mt.id.get_ref().clone(),
                    label: mt.label.clone(),
                    unit: mt.unit.clone().unwrap_or_else(|| "people".to_string()),
                    parts: mt
                        .parts
                        .iter()
                        .filter(|p| p.get_ref() != mt.id.get_ref())
                        .map(|p| p.get_ref().clone())
                        .collect(),
                    cumulative: mt.cumulative,
                    decimals: mt.decimals,
                },
                place,
            });
        }
    }
}

/// Vague words and the interval each stands for.
fn vague_words<'t>(fc: &mut FileCheck<'t>, m: &'t FileModel) {
    for v in &m.vague {
        let low = fc.count(&v.low, "a vague word's low end");
        let high = match &v.high {
            Some(h) => fc.count(h, "a vague word's high end").map(Some),
            None => Some(None),
        };
        if !fc.id_ok("vague word", &v.word) {
            continue;
        }
        if let (Some(low), Some(high)) = (low, high) {
            if let (Some(h), Some(span)) = (high, v.high.as_ref().map(|h| h.span())) {
                if h < low {
                    fc.error(
                        Code::BadRange,
                        span,
                        format!("range with low > high: {low} > {h}"),
                        "swap the two ends",
                    );
                    continue;
                }
            }
            let place = fc.place(&v.word.span());
            fc.out.vague.push(Def {
                item: (
                    v.word.get_ref().clone(),
                    Interval {
                        low: low.into(),
                        high: high.map(Into::into),
                    },
                ),
                place,
            });
        }
    }
}

/// Acts an accusation can name.
fn acts<'t>(fc: &mut FileCheck<'t>, m: &'t FileModel) {
    for a in &m.act {
        if fc.id_ok("act", &a.id) {
            let place = fc.place(&a.id.span());
            fc.out.acts.push(Def {
                item: Act {
                    id: a.id.get_ref().clone(),
                    label: a.label.clone(),
                },
                place,
            });
        }
    }
}

/// The file's event, with its sides.
fn event<'t>(fc: &mut FileCheck<'t>, m: &'t FileModel) {
    if let Some(e) = &m.event {
        for side in &e.sides {
            fc.reference(RefKind::Party, side);
        }
        let date = fc.when(&e.date);
        if let (true, Some(date)) = (fc.id_ok("event", &e.id), date) {
            let place = fc.place(&e.id.span());
            fc.out.events.push(Def {
                item: Event {
                    id: e.id.get_ref().clone(),
                    title: e.title.clone(),
                    date,
                    place: e.place.clone(),
                    summary: e.summary.clone(),
                    sides: e.sides.iter().map(|s| s.get_ref().clone()).collect(),
                },
                place,
            });
        }
    }
}

/// Documents, and where the local text of each is.
fn documents<'t>(fc: &mut FileCheck<'t>, m: &'t FileModel) {
    for d in &m.document {
        if let Some(t) = &d.text {
            let id = d.id.get_ref().clone();
            fc.out.doc_texts.push((id, t.get_ref().clone()));
        }
        let published = d.published.as_ref().and_then(|p| fc.when(p));
        if fc.id_ok("document", &d.id) {
            let place = fc.place(&d.id.span());
            fc.out.documents.push(Def {
                item: Document {
                    id: d.id.get_ref().clone(),
                    title: d.title.clone(),
                    outlet: d.outlet.clone(),
                    url: d.url.clone(),
                    published,
                    language: d.language.clone(),
                    relation: d.relation.clone(),
                    note: d.note.clone(),
                },
                place,
            });
        }
    }
}

/// Propositions and the ones each excludes.
fn propositions<'t>(fc: &mut FileCheck<'t>, m: &'t FileModel) {
    let local: HashSet<&str> = m
        .proposition
        .iter()
        .map(|p| p.id.get_ref().as_str())
        .collect();
    for p in &m.proposition {
        for x in &p.excludes {
            if !local.contains(x.get_ref().as_str()) {
                fc.reference(RefKind::Proposition, x);
            }
        }
        if fc.id_ok("proposition", &p.id) {
            let place = fc.place(&p.id.span());
            fc.out.propositions.push(Def {
                item: Proposition {
                    id: p.id.get_ref().clone(),
                    text: p.text.clone(),
                    kind: match p.kind {
                        Some(PropositionKindFile::Appeal) => PropositionKind::Appeal,
                        _ => PropositionKind::Fact,
                    },
                    excludes: p.excludes.iter().map(|x| x.get_ref().clone()).collect(),
                },
                place,
            });
        }
    }
}
