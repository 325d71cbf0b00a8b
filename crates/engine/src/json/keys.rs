//! The first repeated key of a JSON object, in linear time for keys that hash apart.
//!
//! Comparing each key with every earlier one is quadratic: one object of 450,000
//! distinct keys (within the 5 MB limit) took over a minute natively, and would freeze
//! the browser tab that opened it as a share link. A small object (every object of a
//! profile) is still scanned, the fastest way for it. A large one is sorted by a hash
//! of each key (a radix sort: no comparisons), and only keys with the same hash are
//! compared, sorted as text. The hash is a fixed function (the engine has no
//! randomness): keys made to share it only cost a sort by text, O(n log n)
//! comparisons at worst.

/// Up to this many keys, each key is compared with every earlier one.
pub(super) const SCAN: usize = 16;

/// The position of the first key (in document order) equal to an earlier one, of the
/// `count` keys `key(0)`, `key(1)`, …
pub(super) fn first_repeat<'k>(count: usize, key: impl Fn(usize) -> &'k str) -> Option<usize> {
    first_repeat_counting(count, &key, fnv, &mut 0)
}

/// [`first_repeat`] with `hash`, adding the key comparisons it makes to
/// `comparisons`.
fn first_repeat_counting<'k>(
    count: usize,
    key: &dyn Fn(usize) -> &'k str,
    hash: fn(&str) -> u64,
    comparisons: &mut usize,
) -> Option<usize> {
    if count <= SCAN {
        return (1..count).find(|&j| {
            (0..j).any(|i| {
                *comparisons += 1;
                key(i) == key(j)
            })
        });
    }
    let mut hashed: Vec<(u64, usize)> = (0..count).map(|i| (hash(key(i)), i)).collect();
    sort_by_hash(&mut hashed);
    let mut first = None;
    // Keys with the same hash, in document order (the sort keeps it).
    for run in hashed.chunk_by(|a, b| a.0 == b.0).filter(|r| r.len() > 1) {
        let mut run: Vec<usize> = run.iter().map(|(_, i)| *i).collect();
        let counted = std::cell::Cell::new(0);
        // Stable: equal keys stay in document order, the first of them leading.
        crate::sort::stable_by(&mut run, |&a, &b| {
            counted.set(counted.get() + 1);
            key(a).cmp(key(b))
        });
        *comparisons += counted.get();
        // The second of equal keys side by side is the first repeat of that key.
        for pair in run.windows(2) {
            *comparisons += 1;
            if key(pair[0]) == key(pair[1]) && first.is_none_or(|f| pair[1] < f) {
                first = Some(pair[1]);
            }
        }
    }
    first
}

/// Sorts by hash, keeping the order of equal hashes: a radix sort a byte at a time
/// (at most 8 passes over the keys, no comparisons).
fn sort_by_hash(v: &mut Vec<(u64, usize)>) {
    let mut sorted = vec![(0, 0); v.len()];
    for shift in (0..64).step_by(8) {
        let byte = |h: u64| ((h >> shift) & 0xff) as usize;
        let mut starts = [0usize; 257];
        for (h, _) in v.iter() {
            starts[byte(*h) + 1] += 1;
        }
        if starts.contains(&v.len()) {
            continue; // every key has this byte: the pass would change nothing
        }
        for b in 1..starts.len() {
            starts[b] += starts[b - 1];
        }
        for &(h, i) in v.iter() {
            let at = &mut starts[byte(h)];
            sorted[*at] = (h, i);
            *at += 1;
        }
        std::mem::swap(v, &mut sorted);
    }
}

/// FNV-1a, 64 bits: fixed, fast on short keys.
fn fnv(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("k{i}")).collect()
    }

    fn repeat(keys: &[String], hash: fn(&str) -> u64) -> (Option<usize>, usize) {
        let mut comparisons = 0;
        let key = |i: usize| keys[i].as_str();
        let found = first_repeat_counting(keys.len(), &key, hash, &mut comparisons);
        (found, comparisons)
    }

    /// Distinct keys that hash apart are never compared, however many: the work is
    /// hashing and a radix sort, linear.
    #[test]
    fn a_large_object_of_distinct_keys_takes_no_comparisons() {
        for n in [SCAN + 1, 1_000, 200_000] {
            assert_eq!(repeat(&keys(n), fnv), (None, 0), "{n} keys");
        }
        // Small objects are scanned: at most SCAN × (SCAN − 1) / 2 comparisons.
        assert_eq!(repeat(&keys(SCAN), fnv).1, SCAN * (SCAN - 1) / 2);
    }

    /// Keys made to share a hash (here every key has the same one) are compared as
    /// text, O(n log n) comparisons (a key-by-key scan would take n²/2).
    #[test]
    fn keys_sharing_a_hash_take_n_log_n_comparisons() {
        let n = 100_000;
        let mut k = keys(n);
        k.push("k777".into());
        let (found, comparisons) = repeat(&k, |_| 7);
        assert_eq!(found, Some(n));
        let log2 = (n as f64).log2().ceil() as usize;
        assert!(comparisons <= n * (log2 + 2), "{comparisons} comparisons");
    }

    #[test]
    fn the_first_repeat_is_found_small_or_large() {
        for hash in [fnv as fn(&str) -> u64, |_| 7, |k| k.len() as u64] {
            for n in [1, 2, SCAN - 2, SCAN - 1, SCAN, SCAN + 1, 10_000] {
                let mut k = keys(n);
                // Repeats of the last key and of the first, in that order: the first
                // is the repeat of the last key, at position n.
                k.push(format!("k{}", n - 1));
                k.push("k0".to_string());
                assert_eq!(repeat(&k, hash).0, Some(n), "{n} keys");
                // A key three times: its second time counts.
                let mut k = keys(n);
                k.extend(["x", "x", "x"].map(String::from));
                assert_eq!(repeat(&k, hash).0, Some(n + 1), "{n} keys");
            }
            assert_eq!(repeat(&[], hash).0, None);
        }
    }

    #[test]
    fn the_radix_sort_sorts_by_hash_and_keeps_the_order_of_equal_ones() {
        let mut v: Vec<(u64, usize)> = (0..5_000)
            .map(|i: u64| (i.wrapping_mul(0x9E37_79B9_7F4A_7C15) % 1_000, i as usize))
            .collect();
        let mut expected = v.clone();
        expected.sort_by_key(|e| e.0);
        sort_by_hash(&mut v);
        assert_eq!(v, expected);
        assert_eq!(fnv("a"), 0xaf63_dc4c_8601_ec8c);
    }
}
