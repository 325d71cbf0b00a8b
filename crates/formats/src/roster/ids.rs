//! Person ids, each kept once and numbered in the order first seen: the repeated
//! `person_id` check of a roster and the people of a records file.
//!
//! The ids live one after the other in one string, and a map from each id's hash to its
//! number finds them (ids with the same hash are chained and compared). A map of
//! `String`s cost a heap string and a pointer to follow per id: about 300 ns per new
//! id natively, most of the time of a roster of one-cell rows; this costs about a
//! quarter of that. Time stays linear in the ids' length: the hash is keyed at random
//! (`RandomState`), so no input can choose ids that share a hash.

use std::collections::hash_map::RandomState;
use std::collections::HashMap;
use std::hash::BuildHasher;

/// Ids numbered `0..len()` in the order first seen.
#[derive(Debug, Clone, Default)]
pub(super) struct Ids {
    /// Every id, one after the other.
    text: String,
    /// Where each id ends in `text` (it starts where the one before ends).
    ends: Vec<usize>,
    /// The id seen before this one with the same hash, if any.
    same_hash: Vec<Option<usize>>,
    /// The last id seen with each hash.
    last: HashMap<u64, usize>,
    hasher: RandomState,
}

impl Ids {
    /// The number of `id`, if it has been seen.
    pub(super) fn find(&self, id: &str) -> Option<usize> {
        self.find_hashed(id, self.hasher.hash_one(id))
    }

    fn find_hashed(&self, id: &str, hash: u64) -> Option<usize> {
        let mut at = self.last.get(&hash).copied();
        while let Some(i) = at {
            if self.get(i) == id {
                return Some(i);
            }
            at = self.same_hash[i];
        }
        None
    }

    /// The number of `id`, and whether it is new (then it is the next number).
    pub(super) fn insert(&mut self, id: &str) -> (usize, bool) {
        let hash = self.hasher.hash_one(id);
        if let Some(i) = self.find_hashed(id, hash) {
            return (i, false);
        }
        let i = self.ends.len();
        self.text.push_str(id);
        self.ends.push(self.text.len());
        self.same_hash.push(self.last.insert(hash, i));
        (i, true)
    }

    /// The id numbered `i`.
    pub(super) fn get(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.text[start..self.ends[i]]
    }

    /// How many ids.
    pub(super) fn len(&self) -> usize {
        self.ends.len()
    }
}

/// The same ids in the same order (the hash map follows from them).
impl PartialEq for Ids {
    fn eq(&self, other: &Ids) -> bool {
        self.text == other.text && self.ends == other.ends
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_numbered_in_the_order_first_seen() {
        let mut ids = Ids::default();
        assert_eq!(ids.insert("A1"), (0, true));
        assert_eq!(ids.insert(""), (1, true));
        assert_eq!(ids.insert("张三"), (2, true));
        assert_eq!(ids.insert("A1"), (0, false));
        assert_eq!(ids.insert("A"), (3, true));
        assert_eq!(ids.find("张三"), Some(2));
        assert_eq!(ids.find("A11"), None);
        assert_eq!(ids.len(), 4);
        assert_eq!(
            (0..ids.len()).map(|i| ids.get(i)).collect::<Vec<_>>(),
            ["A1", "", "张三", "A"]
        );
    }

    /// Ids sharing a hash are told apart by their text (forced here: every id is
    /// chained under one hash).
    #[test]
    fn ids_with_the_same_hash_are_compared() {
        let mut ids = Ids::default();
        for (i, id) in ["x", "y", "z"].into_iter().enumerate() {
            ids.text.push_str(id);
            ids.ends.push(ids.text.len());
            ids.same_hash.push(ids.last.insert(7, i));
        }
        assert_eq!(ids.find_hashed("x", 7), Some(0));
        assert_eq!(ids.find_hashed("z", 7), Some(2));
        assert_eq!(ids.find_hashed("w", 7), None);
        assert_eq!(ids.find_hashed("x", 8), None);
    }

    #[test]
    fn many_ids_each_found_again() {
        let mut ids = Ids::default();
        for i in 0..200_000u32 {
            assert_eq!(ids.insert(&format!("{i:x}")), (i as usize, true));
        }
        for i in (0..200_000u32).step_by(997) {
            assert_eq!(ids.find(&format!("{i:x}")), Some(i as usize));
        }
        assert_eq!(ids.insert("30d40"), (200_000, true));
    }
}
