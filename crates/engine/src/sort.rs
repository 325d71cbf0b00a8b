//! One stable sort for every element type.
//!
//! `slice::sort_by` is generic: each element type sorted gets its own copy of the
//! standard library's sorting code (about 4 KB of wasm each). [`stable_by`] sorts the
//! positions `0..n` once, through a comparison behind `&dyn Fn`, and then moves the
//! elements into that order, so the wasm bundle carries the sorting code once. It is
//! stable, like `sort_by`, and fast enough for every list the app sorts (a batch
//! table of 100,000 rows included).

use std::cmp::Ordering;

/// Sorts `v` by `cmp`, keeping the order of equal elements (as `sort_by`).
pub fn stable_by<T>(v: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    let order = {
        let items: &[T] = v;
        sorted_positions(items.len(), &|a, b| cmp(&items[a], &items[b]))
    };
    let mut slots: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

/// Sorts `v` by a key, keeping the order of equal elements (as `sort_by_key`).
pub fn stable_by_key<T, K: Ord>(v: &mut Vec<T>, key: impl Fn(&T) -> K) {
    stable_by(v, |a, b| key(a).cmp(&key(b)));
}

/// The positions `0..n` in the order `cmp` gives them (not generic: one copy).
fn sorted_positions(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably() {
        let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c'), (0, 'd'), (1, 'e')];
        stable_by_key(&mut v, |x| x.0);
        assert_eq!(v, [(0, 'd'), (1, 'b'), (1, 'e'), (2, 'a'), (2, 'c')]);
        let mut w = vec!["b", "a", "c"];
        stable_by(&mut w, |a, b| b.cmp(a));
        assert_eq!(w, ["c", "b", "a"]);
        let mut empty: Vec<u8> = Vec::new();
        stable_by_key(&mut empty, |x| *x);
        assert!(empty.is_empty());
    }
}
