//! A hash index of a set of words of a text, written at build time and read in place, so a
//! process does not build a hash set of a shipped word list at start-up.
//!
//! Layout, in little-endian `u32` words: the slot bits, then a power-of-two number of slots
//! (at most half of them used) of two words each, the word's start in the text plus one (0
//! for an empty slot) and its length, placed by the word's hash ([`slot_and_tag`]) with
//! linear probing.

use super::packed::{free_slot, probe, read_word, slot_and_tag, slot_bits};
use crate::fasthash::WordSet;

/// The words of a word list: its lines but comments (`#`) and empty ones.
pub(crate) fn list_words(src: &str) -> impl Iterator<Item = &str> + Clone {
    src.lines().filter(|l| !l.starts_with('#') && !l.is_empty())
}

/// The index of `words`, each a slice of `text` (a word met again is indexed once).
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) fn pack<'a>(text: &'a str, words: impl Iterator<Item = &'a str> + Clone) -> Vec<u8> {
    let distinct: WordSet<&str> = words.clone().collect();
    let bits = slot_bits(distinct.len());
    let mut slots = vec![[0u32; 2]; 1 << bits];
    // In the order of `words`, so the index does not depend on the set's order.
    let mut placed: WordSet<&str> = WordSet::default();
    for word in words {
        if !placed.insert(word) {
            continue;
        }
        let at = free_slot(word, bits, |s| slots[s][0] != 0);
        let start = word.as_ptr() as usize - text.as_ptr() as usize;
        slots[at] = [start as u32 + 1, word.len() as u32];
    }
    std::iter::once(bits)
        .chain(slots.into_iter().flatten())
        .flat_map(u32::to_le_bytes)
        .collect()
}

/// A set of words of a text, through the index [`pack`] wrote for it.
#[derive(Debug)]
pub(crate) struct WordIndex {
    text: &'static str,
    area: &'static [u8],
    bits: u32,
}

impl WordIndex {
    /// The index in `area` over `text`; `None` when `area` is not of the layout's shape.
    pub(crate) fn read(text: &'static str, area: &'static [u8]) -> Option<WordIndex> {
        let bits = read_word(area, 0)?;
        if !(1..32).contains(&bits) {
            return None;
        }
        (area.len() == (1 + 2 * (1usize << bits)) * 4).then_some(WordIndex { text, area, bits })
    }

    /// Whether `key` is one of the words. (A range outside the text matches no word.)
    pub(crate) fn contains(&self, key: &str) -> bool {
        // Every slot at most once: a table without an empty slot still ends.
        for at in probe(slot_and_tag(key, self.bits).0, self.bits) {
            let word = |i: usize| read_word(self.area, 1 + 2 * at + i).unwrap_or(0) as usize;
            let (start, len) = (word(0), word(1));
            if start == 0 {
                return false;
            }
            if len == key.len() && self.text.get(start - 1..start - 1 + len) == Some(key) {
                return true;
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::{list_words, pack, WordIndex};

    fn index(src: &'static str) -> WordIndex {
        let area: &'static [u8] = Box::leak(pack(src, list_words(src)).into_boxed_slice());
        WordIndex::read(src, area).expect("an index of its own shape")
    }

    #[test]
    fn holds_the_words_of_the_list_and_no_other() {
        let words = index("# colours\nred\n\ngreen\nred\r\nblue\n");
        for w in ["red", "green", "blue"] {
            assert!(words.contains(w), "{w}");
        }
        for w in ["", "# colours", "gree", "redd", "Red", "red\r"] {
            assert!(!words.contains(w), "{w}");
        }
    }

    #[test]
    fn a_truncated_or_foreign_area_is_refused() {
        let src = "a\nb\n";
        let area = pack(src, list_words(src));
        let cut: &'static [u8] = Box::leak(area[..area.len() - 4].to_vec().into_boxed_slice());
        assert!(WordIndex::read(src, cut).is_none());
        assert!(WordIndex::read(src, &[0, 0, 0, 0]).is_none());
        assert!(WordIndex::read(src, &[]).is_none());
    }
}
