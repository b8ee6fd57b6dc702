//! Places as a forest of `within`: whether one place lies within another,
//! answered in constant time after one linear pass, whatever the depth.

use std::collections::HashMap;

use super::Dataset;

/// The places as a forest, numbered in depth-first order so that "within"
/// is a comparison of two numbers: built once per comparison, in time
/// linear in the number of places, whatever the depth.
pub struct PlaceTree {
    /// Place id -> (first, last) number of its subtree.
    span: HashMap<String, (usize, usize)>,
}

impl PlaceTree {
    pub fn new(ds: &Dataset) -> Self {
        let mut children: HashMap<&str, Vec<&str>> = HashMap::new();
        let mut roots = Vec::new();
        for p in &ds.places {
            match p.within.as_deref().filter(|w| ds.place(w).is_some()) {
                Some(w) => children.entry(w).or_default().push(&p.id),
                None => roots.push(p.id.as_str()),
            }
        }
        let mut span = HashMap::new();
        let mut next = 0;
        // Iterative, so a chain of any length cannot overflow the stack;
        // places on a cycle (which the loader refuses) are never reached.
        let mut stack: Vec<(&str, bool)> = roots.into_iter().rev().map(|r| (r, false)).collect();
        let mut first: HashMap<&str, usize> = HashMap::new();
        while let Some((id, done)) = stack.pop() {
            if done {
                let start = first.get(id).copied().unwrap_or(next);
                span.insert(id.to_string(), (start, next));
                continue;
            }
            first.insert(id, next);
            next += 1;
            stack.push((id, true));
            for c in children.get(id).into_iter().flatten().rev() {
                stack.push((c, false));
            }
        }
        PlaceTree { span }
    }

    /// Whether `inner` is `outer` or lies within it.
    pub fn within(&self, inner: &str, outer: &str) -> bool {
        match (self.span.get(inner), self.span.get(outer)) {
            (Some(i), Some(o)) => o.0 <= i.0 && i.1 <= o.1,
            _ => inner == outer,
        }
    }

    /// A sort key that puts a place before every place within it.
    pub fn order(&self, id: &str) -> Option<(usize, usize)> {
        self.span.get(id).map(|s| (s.0, usize::MAX - s.1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Place;

    fn tree(places: &[(&str, Option<&str>)]) -> (Dataset, PlaceTree) {
        let mut ds = Dataset::default();
        for (id, within) in places {
            ds.add_place(Place {
                id: id.to_string(),
                name: id.to_string(),
                within: within.map(str::to_string),
                names: Vec::new(),
            });
        }
        let t = PlaceTree::new(&ds);
        (ds, t)
    }

    #[test]
    fn within_follows_the_chain_and_nothing_else() {
        let (_, t) = tree(&[
            ("z-province", None),
            ("m-district", Some("z-province")),
            ("a-hill", Some("m-district")),
            ("b-village", Some("z-province")),
        ]);
        assert!(t.within("a-hill", "z-province"));
        assert!(t.within("a-hill", "a-hill"));
        assert!(!t.within("z-province", "a-hill"));
        assert!(!t.within("a-hill", "b-village"));
        assert!(!t.within("b-village", "m-district"));
        // Unknown places lie within themselves only.
        assert!(t.within("nowhere", "nowhere"));
        assert!(!t.within("nowhere", "z-province"));
    }

    #[test]
    fn order_puts_every_place_before_the_places_within_it() {
        let (_, t) = tree(&[
            ("z-province", None),
            ("m-district", Some("z-province")),
            ("a-hill", Some("m-district")),
        ]);
        let mut ids = vec!["a-hill", "z-province", "m-district"];
        ids.sort_by_key(|id| t.order(id));
        assert_eq!(ids, ["z-province", "m-district", "a-hill"]);
        assert_eq!(t.order("nowhere"), None);
    }
}
