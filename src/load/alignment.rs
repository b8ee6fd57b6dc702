//! Alignments across files: a party stands with a side, or a third state
//! is allied with one, and that side stands on its own: no party aligned
//! with itself, and no chains, so a party's side is one look-up away.

use super::file_check::RefKind;
use super::merge::Merger;
use crate::diagnostic::Code;

impl Merger<'_, '_> {
    /// Reports each party aligned or allied with itself or with a party
    /// that is itself aligned or allied, at the party's definition.
    pub(super) fn check_alignment(&mut self) {
        let mut found: Vec<(String, String)> = Vec::new();
        for p in &self.ds.parties {
            let links = [("aligned", &p.aligned_with), ("allied", &p.allied_with)];
            for (how, other) in links {
                let Some(other) = other.as_deref() else {
                    continue;
                };
                if other == p.id {
                    found.push((
                        p.id.clone(),
                        format!("party `{other}` is {how} with itself"),
                    ));
                    continue;
                }
                let Some(o) = self.ds.party(other) else {
                    continue;
                };
                if o.aligned_with.is_some() || o.allied_with.is_some() {
                    found.push((
                        p.id.clone(),
                        format!(
                            "party `{}` is {how} with `{other}`, which is itself aligned or allied with another",
                            p.id
                        ),
                    ));
                }
            }
        }
        for (id, message) in found {
            if let Some(place) = self.places.get(&(RefKind::Party, id)) {
                let hint = "name the side itself: a party is aligned or allied with a side that stands on its own";
                let d = place.diag(Code::BadAlignment, self.files, message, hint);
                self.diags.push(d);
            }
        }
    }
}
