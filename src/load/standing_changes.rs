//! Across files: no claim whose date may fall on either side of a change
//! of its source's standing (`periods`).

use super::merge::Merger;
use crate::diagnostic::Code;

impl Merger<'_, '_> {
    /// Reports each claim said by (or relaying) a source whose standing
    /// changed, when its date may fall on either side of the change: the
    /// tool would have to guess how it spoke.
    pub(super) fn check_standing_changes(&mut self) {
        let spanning = std::mem::take(&mut self.spanning);
        for sp in spanning {
            for who in &sp.voices {
                let Some(s) = self.ds.source(who) else {
                    continue;
                };
                let (first, last) = sp.said.span();
                let change = s.periods.iter().find(|(until, _)| {
                    let end = until.span().1;
                    first <= end && end < last
                });
                if let Some((until, _)) = change {
                    let message = format!(
                        "`{}` may have been said before or after {until}, when `{who}`'s standing changed",
                        sp.claim
                    );
                    let hint = "give `said` to the day, so that it falls on one side of the change";
                    let d = sp.place.diag(Code::Standing, self.files, message, hint);
                    self.diags.push(d);
                }
            }
        }
    }
}
