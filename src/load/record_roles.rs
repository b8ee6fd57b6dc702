//! Across files: who may make a record on which basis. A handover is made
//! by the side that held the prisoners or bodies, never the side receiving
//! them; an admission by the side bearing the loss. Which side a source
//! speaks for is known only once every source is.

use super::merge::Merger;
use crate::diagnostic::Code;
use crate::model::record::Basis;

impl Merger<'_, '_> {
    pub(super) fn check_record_roles(&mut self) {
        let roles = std::mem::take(&mut self.record_roles);
        for r in roles {
            let ds = &self.ds;
            let by = ds.party_of(&r.source).map(|p| ds.side_of(p));
            let bearer = r.parties.iter().any(|p| Some(ds.side_of(p)) == by);
            let wrong = match r.basis {
                Basis::Admission if !bearer => Some((
                    "an admission is made by the side bearing the loss",
                    "a count by anyone else is `independent-count` or `investigation`; the side bearing the loss accepting it is `admission`",
                )),
                Basis::Handover if by.is_none() || bearer => Some((
                    "a handover is recorded by the side that held them, not the side receiving them",
                    "the source is the side handing over (its prisoner commission, its ministry); a mediator's or receiver's count is `independent-count`",
                )),
                _ => None,
            };
            if let Some((what, hint)) = wrong {
                let who = by.map_or("no side".to_string(), |p| ds.party_name(p).to_string());
                let message = format!(
                    "record `{}`: {what} (`{}` speaks for {who})",
                    r.id, r.source
                );
                let d = r.place.diag(Code::BadRecord, self.files, message, hint);
                self.diags.push(d);
            }
        }
    }
}
