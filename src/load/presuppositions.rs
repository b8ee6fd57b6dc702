//! Across files: a demand presupposes a matter of fact, never another
//! demand or an appeal (which would make its voice "affirm" a demand).

use super::file_check::RefKind;
use super::merge::Merger;
use crate::diagnostic::Code;
use crate::model::PropositionKind;

impl Merger<'_, '_> {
    pub(super) fn check_presuppositions(&mut self) {
        let mut found = Vec::new();
        for p in &self.ds.propositions {
            let Some(target) = p.presupposes.as_deref() else {
                continue;
            };
            let Some(t) = self.ds.proposition(target) else {
                continue;
            };
            if t.kind != PropositionKind::Fact {
                found.push((p.id.clone(), target.to_string()));
            }
        }
        for (id, target) in found {
            if let Some(place) = self.places.get(&(RefKind::Proposition, id.clone())) {
                let message = format!("demand `{id}` presupposes `{target}`, which is not a fact");
                let hint = "a demand takes a matter of fact for granted: name a proposition of `kind = \"fact\"`";
                let d = place.diag(Code::BadDemand, self.files, message, hint);
                self.diags.push(d);
            }
        }
    }
}
