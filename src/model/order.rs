//! One order for every definition, whatever the files are called and in
//! which order they are read: a definition's place among its kind in its
//! own file, then its id. The vocabulary's order (killed before captured)
//! holds; definitions of several files interleave the same way whatever
//! their names.

use super::Dataset;

/// The kinds of definition: what `sort_definitions` orders and what a
/// reference names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Party,
    Source,
    Metric,
    Vague,
    Act,
    Question,
    Event,
    Document,
    Proposition,
    Category,
    Place,
}

impl Dataset {
    /// Sorts every kind of definition by `rank` (its place among its kind
    /// in its file), then id (vague words by word), and rebuilds the
    /// lookups; claims keep their places.
    pub fn sort_definitions(&mut self, rank: &dyn Fn(Kind, &str) -> usize) {
        let key = |kind: Kind, id: &str| (rank(kind, id), id.to_string());
        self.parties.sort_by_cached_key(|x| key(Kind::Party, &x.id));
        self.sources
            .sort_by_cached_key(|x| key(Kind::Source, &x.id));
        self.metrics
            .sort_by_cached_key(|x| key(Kind::Metric, &x.id));
        self.acts.sort_by_cached_key(|x| key(Kind::Act, &x.id));
        self.questions
            .sort_by_cached_key(|x| key(Kind::Question, &x.id));
        self.events.sort_by_cached_key(|x| key(Kind::Event, &x.id));
        self.documents
            .sort_by_cached_key(|x| key(Kind::Document, &x.id));
        self.propositions
            .sort_by_cached_key(|x| key(Kind::Proposition, &x.id));
        self.categories
            .sort_by_cached_key(|x| key(Kind::Category, &x.id));
        self.places.sort_by_cached_key(|x| key(Kind::Place, &x.id));
        self.vague.sort_by_cached_key(|x| key(Kind::Vague, &x.0));
        let ix = &mut self.index;
        fn positions<T>(
            items: &[T],
            id: impl Fn(&T) -> &str,
        ) -> std::collections::HashMap<String, usize> {
            items
                .iter()
                .enumerate()
                .map(|(i, x)| (id(x).to_string(), i))
                .collect()
        }
        ix.parties = positions(&self.parties, |x| &x.id);
        ix.sources = positions(&self.sources, |x| &x.id);
        ix.metrics = positions(&self.metrics, |x| &x.id);
        ix.acts = positions(&self.acts, |x| &x.id);
        ix.questions = positions(&self.questions, |x| &x.id);
        ix.events = positions(&self.events, |x| &x.id);
        ix.documents = positions(&self.documents, |x| &x.id);
        ix.propositions = positions(&self.propositions, |x| &x.id);
        ix.categories = positions(&self.categories, |x| &x.id);
        ix.places = positions(&self.places, |x| &x.id);
        ix.question_of_act.clear();
        for (at, q) in self.questions.iter().enumerate() {
            for act in &q.acts {
                ix.question_of_act.entry(act.clone()).or_insert(at);
            }
        }
    }
}
