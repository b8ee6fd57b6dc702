//! Per file: the vocabulary, events, documents and propositions it defines,
//! converted to the model and checked as far as the file allows.

use std::collections::HashSet;

use super::file_check::{Def, FileCheck, RefKind};
use super::file_model::*;
use crate::diagnostic::Code;
use crate::model::quantity::Interval;
use crate::model::{
    Act, Category, Document, Event, Metric, Party, Place, Proposition, PropositionKind, Question,
    Source,
};

pub(super) fn definitions<'t>(fc: &mut FileCheck<'t>, m: &'t FileModel) {
    parties(fc, m);
    sources(fc, m);
    metrics(fc, m);
    vague_words(fc, m);
    acts(fc, m);
    questions(fc, m);
    event(fc, m);
    documents(fc, m);
    propositions(fc, m);
    categories(fc, m);
    places(fc, m);
}

/// Parties: an id and a name.
fn parties<'t>(fc: &mut FileCheck<'t>, m: &'t FileModel) {
    for p in &m.party {
        for other in [&p.aligned_with, &p.allied_with].into_iter().flatten() {
            fc.reference(RefKind::Party, other);
        }
        if let (Some(_), Some(allied)) = (&p.aligned_with, &p.allied_with) {
            fc.error(
                Code::BadAlignment,
                allied.span(),
                format!("party `{}` is both aligned with a side and allied with one", p.id.get_ref()),
                "a party stands with a side (`aligned_with`) or is a third state allied with it (`allied_with`), not both",
            );
        }
        if fc.id_ok("party", &p.id) {
            let place = fc.place(&p.id.span());
            let id = |x: &Option<toml::Spanned<String>>| x.as_ref().map(|x| x.get_ref().clone());
            fc.out.parties.push(Def {
                item: Party {
                    id: p.id.get_ref().clone(),
                    name: p.name.clone(),
                    aligned_with: id(&p.aligned_with),
                    allied_with: id(&p.allied_with),
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
        let (standing, periods) = super::standing::standing(fc, s);
        if fc.id_ok("source", &s.id) {
            let place = fc.place(&s.id.span());
            fc.out.sources.push(Def {
                item: Source {
                    id: s.id.get_ref().clone(),
                    name: s.name.clone(),
                    party: s.party.as_ref().map(|p| p.get_ref().clone()),
                    kind: s.kind,
                    standing,
                    periods,
                    short_name: s.short_name.clone(),
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
        let includes = included(fc, mt);
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
                    // A transfer is never a loss, whatever `losses` says.
                    losses: mt.losses && mt.kind != MetricKind::Transfer,
                    includes,
                    transfer: mt.kind == MetricKind::Transfer,
                },
                place,
            });
        }
    }
}

/// The metrics a metric includes: never itself, and not beside `parts`
/// (a composite is the sum of its parts; an inclusion only a floor).
fn included<'t>(fc: &mut FileCheck<'t>, mt: &'t MetricFile) -> Vec<String> {
    let id = mt.id.get_ref();
    if let (Some(first), false) = (mt.includes.first(), mt.parts.is_empty()) {
        fc.error(
            Code::BadComposite,
            first.span(),
            format!("metric `{id}` gives both `parts` and `includes`"),
            "`parts` for a composite that is their sum, `includes` for metrics it only contains",
        );
        return Vec::new();
    }
    let mut out = Vec::new();
    for m in &mt.includes {
        if m.get_ref() == id {
            fc.error(
                Code::CompositeCycle,
                m.span(),
                format!("metric `{id}` includes itself"),
                "list the other metrics it includes",
            );
            continue;
        }
        fc.reference(RefKind::Metric, m);
        out.push(m.get_ref().clone());
    }
    out
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

/// Questions, each with the acts that answer it (an act listed twice in
/// one question counts once; in two questions, see the merge).
fn questions<'t>(fc: &mut FileCheck<'t>, m: &'t FileModel) {
    for q in &m.question {
        let mut acts: Vec<String> = Vec::new();
        let mut places = Vec::new();
        for a in &q.acts {
            fc.reference(RefKind::Act, a);
            if !acts.contains(a.get_ref()) {
                acts.push(a.get_ref().clone());
                places.push(fc.place(&a.span()));
            }
        }
        if fc.id_ok("question", &q.id) {
            let place = fc.place(&q.id.span());
            let item = Question {
                id: q.id.get_ref().clone(),
                label: q.label.clone(),
                acts,
            };
            fc.out.questions.push((Def { item, place }, places));
        }
    }
}

/// The file's event, with its sides.
fn event<'t>(fc: &mut FileCheck<'t>, m: &'t FileModel) {
    if let Some(e) = &m.event {
        for side in &e.sides {
            fc.reference(RefKind::Party, side);
        }
        for p in &e.places {
            fc.reference(RefKind::Place, p);
        }
        let mut date = fc.when(&e.date);
        let zone = e.zone.as_ref().and_then(|z| fc.zone(z));
        if let Some(d) = &mut date {
            d.place_in(zone.as_deref().and_then(crate::model::when::offset_minutes));
        }
        let zone_ok = e.zone.is_none() || zone.is_some();
        if let (true, true, Some(date)) = (fc.id_ok("event", &e.id), zone_ok, date) {
            let place = fc.place(&e.id.span());
            fc.out.events.push(Def {
                item: Event {
                    id: e.id.get_ref().clone(),
                    title: e.title.clone(),
                    date,
                    place: e.place.clone(),
                    zone,
                    summary: e.summary.clone(),
                    sides: e.sides.iter().map(|s| s.get_ref().clone()).collect(),
                    places: e.places.iter().map(|p| p.get_ref().clone()).collect(),
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
                    garbled: d.garbled,
                },
                place,
            });
        }
    }
}

/// Categories a figure may count apart.
fn categories<'t>(fc: &mut FileCheck<'t>, m: &'t FileModel) {
    for c in &m.category {
        let mut within = c.within.as_ref().map(|w| w.get_ref().clone());
        if let Some(w) = &c.within {
            if w.get_ref() == c.id.get_ref() {
                fc.error(
                    Code::PlaceCycle,
                    w.span(),
                    format!("category `{}` lies within itself", c.id.get_ref()),
                    "`within` names a larger category",
                );
                within = None;
            } else {
                fc.reference(RefKind::Category, w);
            }
        }
        if fc.id_ok("category", &c.id) {
            let place = fc.place(&c.id.span());
            fc.out.categories.push(Def {
                item: Category {
                    id: c.id.get_ref().clone(),
                    label: c.label.clone(),
                    within,
                },
                place,
            });
        }
    }
}

/// Places, each within a larger one at most; one within itself is refused here,
/// longer cycles after the merge.
fn places<'t>(fc: &mut FileCheck<'t>, m: &'t FileModel) {
    for p in &m.place {
        // A place within itself is reported, and kept without its `within`
        // so that the claims naming it are not reported too.
        let mut within = p.within.as_ref().map(|w| w.get_ref().clone());
        if let Some(w) = &p.within {
            if w.get_ref() == p.id.get_ref() {
                fc.error(
                    Code::PlaceCycle,
                    w.span(),
                    format!("place `{}` lies within itself", p.id.get_ref()),
                    "`within` names a larger place",
                );
                within = None;
            } else {
                fc.reference(RefKind::Place, w);
            }
        }
        let mut names = Vec::new();
        for n in &p.names {
            let n = n.get_ref();
            for by in &n.used_by {
                fc.reference(RefKind::Party, by);
            }
            let by = n.used_by.iter().map(|b| b.get_ref().clone()).collect();
            names.push((n.name.clone(), by));
        }
        if fc.id_ok("place", &p.id) {
            let place = fc.place(&p.id.span());
            fc.out.places.push(Def {
                item: Place {
                    id: p.id.get_ref().clone(),
                    name: p.name.clone(),
                    within,
                    names,
                },
                place,
            });
        }
    }
}

/// A proposition's kind; a demand names its addressee, nothing else does.
fn proposition_kind<'t>(fc: &mut FileCheck<'t>, p: &'t PropositionFile) -> Option<PropositionKind> {
    let kind = match p.kind.as_ref().map(|k| *k.get_ref()) {
        Some(PropositionKindFile::Appeal) => PropositionKind::Appeal,
        Some(PropositionKindFile::Demand) => PropositionKind::Demand,
        _ => PropositionKind::Fact,
    };
    match (&p.addressee, kind) {
        (None, PropositionKind::Demand) => {
            let span = p.kind.as_ref().map_or(p.id.span(), |k| k.span());
            fc.error(
                Code::BadDemand,
                span,
                format!("demand `{}` names no addressee", p.id.get_ref()),
                "add `addressee = \"…\"`: the party the demand is made of",
            );
            None
        }
        (Some(a), PropositionKind::Demand) => {
            fc.reference(RefKind::Party, a);
            Some(kind)
        }
        (Some(a), _) => {
            fc.error(
                Code::BadDemand,
                a.span(),
                format!(
                    "proposition `{}` has an addressee but is not a demand",
                    p.id.get_ref()
                ),
                "add `kind = \"demand\"`, or drop `addressee`",
            );
            None
        }
        (None, kind) => Some(kind),
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
        let kind = proposition_kind(fc, p);
        let implies = super::implies::implies(fc, p);
        let presupposes = super::implies::presupposes(fc, p);
        let ok = fc.id_ok("proposition", &p.id);
        if let (true, Some(kind), Some(implies), Some(presupposes)) =
            (ok, kind, implies, presupposes)
        {
            let place = fc.place(&p.id.span());
            fc.out.propositions.push(Def {
                item: Proposition {
                    id: p.id.get_ref().clone(),
                    text: p.text.clone(),
                    kind,
                    addressee: p.addressee.as_ref().map(|a| a.get_ref().clone()),
                    excludes: p.excludes.iter().map(|x| x.get_ref().clone()).collect(),
                    implies,
                    presupposes,
                },
                place,
            });
        }
    }
}
