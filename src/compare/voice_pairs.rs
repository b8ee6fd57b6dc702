//! The pairs of a row's entries that belong to different voices, visited
//! without touching the pairs of one voice's own entries: a voice with
//! thousands of statements the data cannot order costs nothing among them.

/// Calls `visit(i, j)` once for every pair `i < j` of entries whose keys
/// differ. Time: the pairs visited plus a sort of the keys.
pub(super) fn for_each_across(keys: &[&str], mut visit: impl FnMut(usize, usize)) {
    for_each_group_across(keys, |a, b| {
        for &i in a {
            for &j in b {
                visit(i.min(j), i.max(j));
            }
        }
    });
}

/// Calls `visit(a, b)` once for every pair of groups of entries with
/// different keys (each group: the entries of one key), so a caller can
/// weigh one voice's alternatives against another's together.
pub(super) fn for_each_group_across(keys: &[&str], mut visit: impl FnMut(&[usize], &[usize])) {
    let mut order: Vec<usize> = (0..keys.len()).collect();
    order.sort_by(|&a, &b| keys[a].cmp(keys[b]).then(a.cmp(&b)));
    let groups: Vec<&[usize]> = order.chunk_by(|&a, &b| keys[a] == keys[b]).collect();
    for (x, a) in groups.iter().enumerate() {
        for b in &groups[x + 1..] {
            visit(a, b);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{for_each_across, for_each_group_across};

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
    fn groups_are_each_keys_entries_and_each_pair_of_groups_comes_once() {
        let keys = ["b", "a", "b", "c", "a"];
        let mut seen = Vec::new();
        for_each_group_across(&keys, |a, b| seen.push((a.to_vec(), b.to_vec())));
        let expected = vec![
            (vec![1, 4], vec![0, 2]),
            (vec![1, 4], vec![3]),
            (vec![0, 2], vec![3]),
        ];
        assert_eq!(seen, expected);
    }

    #[test]
    fn one_voice_has_no_pair() {
        assert!(pairs(&["a"; 50]).is_empty());
        assert!(pairs(&[]).is_empty());
    }
}
