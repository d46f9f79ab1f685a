//! Names numbered in the order they are first seen, short ones held in the
//! table itself and the rest in one buffer.
//!
//! Why not a `HashMap<String, u32>`: building a million-edge graph looks an
//! actor's name up twice per triple, and a map of `String`s keeps each key in
//! an allocation of its own, scattered over a heap of a gigabyte, so nearly
//! every lookup waited on memory to compare the key. Here a name of up to
//! [`INLINE`] bytes (nearly every actor's) sits in its slot beside its
//! number, so a lookup reads one slot and no other memory; longer names sit
//! together in one buffer.

use hashbrown::HashTable;
use std::hash::BuildHasher;

/// Names this long or shorter are held in their slot.
const INLINE: usize = 24;

/// Distinct names, numbered from 0 in arrival order.
#[derive(Debug, Clone, Default)]
pub(crate) struct Interner {
    /// Every name longer than [`INLINE`], one after another.
    text: String,
    table: HashTable<Slot>,
}

/// A name and its number: 32 bytes, half a cache line.
#[derive(Debug, Clone, Copy)]
struct Slot {
    id: u32,
    len: u32,
    /// The name if it fits; else its start in `text`, in the first 8 bytes.
    bytes: [u8; INLINE],
}

impl Slot {
    fn new(name: &str, text: &mut String, id: u32) -> Slot {
        let mut bytes = [0; INLINE];
        if name.len() <= INLINE {
            bytes[..name.len()].copy_from_slice(name.as_bytes());
        } else {
            bytes[..8].copy_from_slice(&(text.len() as u64).to_le_bytes());
            text.push_str(name);
        }
        let len = u32::try_from(name.len()).expect("a name shorter than 4 GB");
        Slot { id, len, bytes }
    }

    /// The name's bytes.
    fn name<'a>(&'a self, text: &'a str) -> &'a [u8] {
        let len = self.len as usize;
        if len <= INLINE {
            &self.bytes[..len]
        } else {
            let start = u64::from_le_bytes(self.bytes[..8].try_into().expect("8 bytes")) as usize;
            &text.as_bytes()[start..start + len]
        }
    }

    fn is(&self, name: &str, text: &str) -> bool {
        self.len as usize == name.len() && self.name(text) == name.as_bytes()
    }
}

fn hash(name: &[u8]) -> u64 {
    rustc_hash::FxBuildHasher.hash_one(name)
}

impl Interner {
    /// The number of `name`, if it has one.
    pub(crate) fn get(&self, name: &str) -> Option<u32> {
        let text = &self.text;
        self.table
            .find(hash(name.as_bytes()), |s| s.is(name, text))
            .map(|s| s.id)
    }

    /// Makes room for these names, about to be inserted.
    pub(crate) fn reserve<'n>(&mut self, names: impl ExactSizeIterator<Item = &'n str>) {
        let text = &self.text;
        self.table.reserve(names.len(), |s| hash(s.name(text)));
        let long: usize = names.map(str::len).filter(|&n| n > INLINE).sum();
        self.text.reserve(long);
    }

    /// The number of `name`, and whether it was new (and so numbered now).
    pub(crate) fn insert(&mut self, name: &str) -> (u32, bool) {
        let text = &mut self.text;
        let count = self.table.len();
        let entry = self
            .table
            .entry(hash(name.as_bytes()), |s| s.is(name, text), |s| hash(s.name(text)));
        match entry {
            hashbrown::hash_table::Entry::Occupied(e) => (e.get().id, false),
            hashbrown::hash_table::Entry::Vacant(e) => {
                let id = u32::try_from(count).expect("fewer than 2^32 names");
                e.insert(Slot::new(name, text, id));
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
        // Short names are held in their slot, long ones in the buffer: both
        // kinds, and the lengths either side of the line.
        let words = [
            "Putin",
            "",
            "Trump",
            "Put",
            "in",
            "Putin ",
            "Zelensky",
            "putin",
            "Organization for 24 byte",
            "Organization for 25 bytes",
            "Organization for 25 byteS",
            "Организация Объединённых Наций",
            "United Nations Security Council",
            "United Nations Security",
        ];
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
        assert_eq!(names.get("Organization for 25 byte"), None);
        assert_eq!(names.get("United Nations Security Counci"), None);
    }

    #[test]
    fn a_reserved_table_holds_the_same_names() {
        let words: Vec<String> = (0..1000).map(|i| format!("{} {i}", "x".repeat(i % 40))).collect();
        let mut names = Interner::default();
        names.reserve(words.iter().map(String::as_str));
        for (i, w) in words.iter().enumerate() {
            assert_eq!(names.insert(w), (i as u32, true));
        }
        for (i, w) in words.iter().enumerate() {
            assert_eq!(names.get(w), Some(i as u32));
        }
    }
}
