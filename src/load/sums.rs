//! Across files: a third party's joint figure that equals the sum of the
//! parties' own figures ("13 killed on both sides" = 6 + 7) is a relay of
//! those figures, not an independent count; unless marked (`sum_of_own`),
//! `check` says so.

use super::merge::Merger;
use crate::diagnostic::Code;

impl Merger<'_, '_> {
    pub(super) fn check_sums(&mut self) {
        let sums = std::mem::take(&mut self.sums);
        for (j, place) in sums.joints() {
            // A side's own joint count (its losses and the enemy's) is no relay.
            let voice = self.ds.party_of(&j.voice);
            if voice.is_some_and(|p| j.parties.iter().any(|q| q == p)) {
                continue;
            }
            let Some(parts) = sums.parts(&self.ds, j) else {
                continue;
            };
            let each: Vec<String> = j
                .parties
                .iter()
                .zip(&parts)
                .map(|(p, v)| format!("{} {v}", self.ds.party_name(p)))
                .collect();
            let message = format!(
                "claim `{}` gives {} {}, the sum of the parties' own figures ({})",
                j.id,
                j.value,
                j.metric,
                each.join(" + ")
            );
            let hint = "a sum of the sides' own figures is a relay, not an independent count: mark it `sum_of_own = true` (or `false` for an independent count that happens to match)";
            let d = place.diag(Code::BadRecord, self.files, message, hint);
            self.diags.push(d);
        }
    }
}
