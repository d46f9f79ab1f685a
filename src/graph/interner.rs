//! Names numbered in the order they are first seen, their text held in one
//! buffer.
//!
//! Why not a `HashMap<String, u32>`: building a million-edge graph looks an
//! actor's name up twice per triple, and a map of `String`s keeps each key in
//! an allocation of its own, scattered over a heap of a gigabyte, so nearly
//! every lookup waited on memory to compare the key. Here the table holds
//! each name's place in one buffer beside its number, and the names of
//! 100,000 actors sit together in about a megabyte.

use hashbrown::HashTable;
use std::hash::BuildHasher;

/// Distinct names, numbered from 0 in arrival order.
#[derive(Debug, Clone, Default)]
pub(crate) struct Interner {
    /// Every name, one after another.
    text: String,
    table: HashTable<Slot>,
}

/// A name: where it stands in `text`, and its number.
#[derive(Debug, Clone, Copy)]
struct Slot {
    start: usize,
    end: usize,
    id: u32,
}

fn hash(name: &str) -> u64 {
    rustc_hash::FxBuildHasher.hash_one(name)
}

impl Interner {
    /// The number of `name`, if it has one.
    pub(crate) fn get(&self, name: &str) -> Option<u32> {
        let text = &self.text;
        self.table
            .find(hash(name), |s| &text[s.start..s.end] == name)
            .map(|s| s.id)
    }

    /// Makes room for `names` more names of `bytes` bytes in all.
    pub(crate) fn reserve(&mut self, names: usize, bytes: usize) {
        let text = &self.text;
        self.table.reserve(names, |s| hash(&text[s.start..s.end]));
        self.text.reserve(bytes);
    }

    /// Bytes of all the names together.
    pub(crate) fn bytes(&self) -> usize {
        self.text.len()
    }

    /// The number of `name`, and whether it was new (and so numbered now).
    pub(crate) fn insert(&mut self, name: &str) -> (u32, bool) {
        let text = &mut self.text;
        let count = self.table.len();
        let entry = self.table.entry(
            hash(name),
            |s| &text[s.start..s.end] == name,
            |s| hash(&text[s.start..s.end]),
        );
        match entry {
            hashbrown::hash_table::Entry::Occupied(e) => (e.get().id, false),
            hashbrown::hash_table::Entry::Vacant(e) => {
                let id = u32::try_from(count).expect("fewer than 2^32 names");
                let start = text.len();
                text.push_str(name);
                e.insert(Slot {
                    start,
                    end: text.len(),
                    id,
                });
                (id, true)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_names_in_arrival_order_and_finds_them_again() {
        let mut names = Interner::default();
        let words = ["Putin", "", "Trump", "Put", "in", "Putin ", "Zelensky", "putin"];
        for (i, w) in words.iter().enumerate() {
            assert_eq!(names.insert(w), (i as u32, true), "{w:?}");
        }
        // Enough names to make the table grow several times.
        for i in 0..10_000 {
            assert_eq!(names.insert(&format!("doc-{i}")), (words.len() as u32 + i, true));
        }
        for (i, w) in words.iter().enumerate() {
            assert_eq!(names.get(w), Some(i as u32), "{w:?}");
            assert_eq!(names.insert(w), (i as u32, false), "{w:?}");
        }
        assert_eq!(names.insert("doc-9999"), (words.len() as u32 + 9999, false));
        assert_eq!(names.get("doc-10000"), None);
        assert_eq!(names.get("PUTIN"), None);
        let bytes = words.concat().len() + (0..10_000).map(|i| format!("doc-{i}").len()).sum::<usize>();
        assert_eq!(names.bytes(), bytes);
    }
}
