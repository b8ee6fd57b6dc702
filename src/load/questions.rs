//! Questions across files: an act answers one question at most, or blame
//! under it would sit on two rows and be weighed twice.

use super::file_check::{Def, Place, RefKind};
use super::merge::Merger;
use crate::diagnostic::Code;
use crate::model::Question;

impl Merger<'_, '_> {
    /// Registers a file's questions; an act a question lists that an
    /// earlier one already lists is reported at both places and left out.
    pub(super) fn define_questions(&mut self, questions: Vec<(Def<Question>, Vec<Place>)>) {
        for (mut def, places) in questions {
            if !self.define(RefKind::Question, &def.item.id, &def.place) {
                continue;
            }
            let mut kept = Vec::new();
            for (act, place) in def.item.acts.into_iter().zip(places) {
                match self.answered.get(&act) {
                    Some((first, at)) => {
                        let d = place
                            .diag(
                                Code::BadQuestion,
                                self.files,
                                format!(
                                    "act `{act}` already answers question `{first}`; it cannot answer `{}` too",
                                    def.item.id
                                ),
                                "an act answers one question at most: list it under one of the two",
                            )
                            .with_secondary(at.label(self.files, "first listed here"));
                        self.diags.push(d);
                    }
                    None => {
                        self.answered
                            .insert(act.clone(), (def.item.id.clone(), place));
                        kept.push(act);
                    }
                }
            }
            def.item.acts = kept;
            self.ds.add_question(def.item);
        }
    }
}
