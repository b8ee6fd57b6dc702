//! What a position implies: a voice that affirms "no civilian object was
//! damaged" has said civilian casualties were 0 (`implies`), and a voice
//! that demands "pull back your forces" takes for granted that they are
//! across the border (`presupposes`). Each becomes a derived statement of
//! that voice, with the words of the claim it comes from, so that it is
//! weighed on the figure's (or the fact's) row like any other.

use super::{Assertion, Dataset, Derivation, ImpliedBy, Position, Stance};

/// Adds the derived statements of every kept position whose proposition
/// implies a figure or presupposes a fact; none when no proposition does.
pub fn add(ds: &mut Dataset) {
    // Co-signatories first: what each copy implies is derived with the rest.
    for d in co_signed(ds) {
        ds.add_claim(d);
    }
    let mut derived = readings(ds);
    if ds
        .propositions
        .iter()
        .all(|p| p.implies.is_none() && p.presupposes.is_none())
    {
        derived.into_iter().for_each(|d| ds.add_claim(d));
        return;
    }
    for c in &ds.claims {
        let Assertion::Position(p) = &c.assertion else {
            continue;
        };
        let Some(prop) = ds.proposition(&p.proposition) else {
            continue;
        };
        if p.stance != Stance::Affirms {
            continue;
        }
        let mut with = |suffix: &str, kind: Derivation, assertion: Assertion| {
            let mut d = c.clone();
            d.id = format!("{}~{suffix}", c.id);
            d.assertion = assertion;
            d.implied_by = Some(ImpliedBy {
                kind,
                claim: c.id.clone(),
                proposition: prop.id.clone(),
                text: prop.text.clone(),
            });
            d.reports.clear();
            derived.push(d);
        };
        if let Some(f) = &prop.implies {
            with("implies", Derivation::Implied, Assertion::Figure(f.clone()));
        }
        // Only a matter of fact is taken for granted (`check` says so).
        let is_fact = |id: &str| {
            ds.proposition(id)
                .is_some_and(|q| q.kind == super::PropositionKind::Fact)
        };
        if let Some(fact) = prop.presupposes.as_ref().filter(|f| is_fact(f)) {
            let position = Position {
                proposition: fact.clone(),
                stance: Stance::Affirms,
            };
            with(
                "presupposes",
                Derivation::Presupposed,
                Assertion::Position(position),
            );
        }
    }
    for d in derived {
        ds.add_claim(d);
    }
}

/// A figure whose words may count other metrics (`metric_either`): one
/// derived statement per other metric, weighed on its row.
fn readings(ds: &Dataset) -> Vec<super::Claim> {
    let mut out = Vec::new();
    for c in &ds.claims {
        let Assertion::Figure(f) = &c.assertion else {
            continue;
        };
        for m in &f.either {
            let mut g = f.clone();
            g.metric = m.clone();
            g.either = std::iter::once(&f.metric)
                .chain(f.either.iter().filter(|x| *x != m))
                .cloned()
                .collect();
            let mut d = derived_copy(c, format!("{}~as-{m}", c.id), Derivation::Reading);
            d.assertion = Assertion::Figure(g);
            out.push(d);
        }
    }
    out
}

/// A copy of `c` the tool derives (a reading, a co-signatory's): its own
/// id, what it comes from, and no outlets of its own.
fn derived_copy(c: &super::Claim, id: String, kind: Derivation) -> super::Claim {
    let mut d = c.clone();
    d.id = id;
    d.implied_by = Some(ImpliedBy {
        kind,
        claim: c.id.clone(),
        proposition: String::new(),
        text: String::new(),
    });
    d.reports.clear();
    d
}

/// A joint statement (`with`): the same statement by each co-signatory,
/// each a voice of its own, as if each had said it. Its derived readings
/// and implications follow from each copy.
fn co_signed(ds: &Dataset) -> Vec<super::Claim> {
    let mut out = Vec::new();
    for c in ds.claims.iter().filter(|c| !c.with.is_empty()) {
        for s in &c.with {
            let mut d = derived_copy(c, format!("{}~with-{s}", c.id), Derivation::Joint);
            d.source = s.clone();
            d.origin = None;
            d.with = std::iter::once(&c.source)
                .chain(c.with.iter().filter(|x| *x != s))
                .cloned()
                .collect();
            out.push(d);
        }
    }
    out
}
