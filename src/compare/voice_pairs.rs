//! The pairs of a row's entries that belong to different voices, visited
//! without touching the pairs of one voice's own entries: a voice with
//! thousands of statements the data cannot order costs nothing among them.

/// Calls `visit(i, j)` once for every pair `i < j` of entries whose keys
/// differ. Time: the pairs visited plus a sort of the keys.
pub(super) fn for_each_across(keys: &[&str], mut visit: impl FnMut(usize, usize)) {
    let n = keys.len();
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| keys[a].cmp(keys[b]).then(a.cmp(&b)));
    // Where the run of entries with the same key as `order[a]` ends.
    let mut end = vec![n; n];
    for a in (0..n.saturating_sub(1)).rev() {
        end[a] = if keys[order[a]] == keys[order[a + 1]] {
            end[a + 1]
        } else {
            a + 1
        };
    }
    for a in 0..n {
        for &j in &order[end[a]..] {
            let i = order[a];
            visit(i.min(j), i.max(j));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::for_each_across;

    fn pairs(keys: &[&str]) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for_each_across(keys, |i, j| out.push((i, j)));
        out.sort_unstable();
        out
    }

    #[test]
    fn every_pair_of_different_voices_once_and_none_of_one_voice() {
        let keys = ["b", "a", "b", "c", "a"];
        let mut expected = Vec::new();
        for i in 0..keys.len() {
            for j in i + 1..keys.len() {
                if keys[i] != keys[j] {
                    expected.push((i, j));
                }
            }
        }
        assert_eq!(pairs(&keys), expected);
    }

    #[test]
    fn one_voice_has_no_pair() {
        assert!(pairs(&["a"; 50]).is_empty());
        assert!(pairs(&[]).is_empty());
    }
}
