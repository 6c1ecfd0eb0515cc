//! A small, fast, non-cryptographic hasher for short word keys (dictionary and pattern indexes)
//! (multiply–rotate over 8-byte chunks). Hash flooding is not a concern: keys come from the
//! shipped dictionaries and the article's own words, and nothing is iterated in hash order.

use std::hash::{BuildHasherDefault, Hasher};

/// The hasher state.
#[derive(Default, Clone, Copy)]
pub struct WordHasher(u64);

const K: u64 = 0x517c_c1b7_2722_0a95;

impl WordHasher {
    #[inline]
    fn add(&mut self, x: u64) {
        self.0 = (self.0.rotate_left(5) ^ x).wrapping_mul(K);
    }
}

impl Hasher for WordHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            self.add(u64::from_le_bytes(b));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut b = [0u8; 8];
            b[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(b));
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// Builds [`WordHasher`]s.
pub type BuildWordHasher = BuildHasherDefault<WordHasher>;
/// A hash map keyed by words.
pub type WordMap<K, V> = std::collections::HashMap<K, V, BuildWordHasher>;
/// A hash set of words.
pub type WordSet<K> = std::collections::HashSet<K, BuildWordHasher>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distinguishes_words() {
        let mut s: WordSet<&str> = WordSet::default();
        s.insert("attack");
        s.insert("attacks");
        assert!(s.contains("attack") && s.contains("attacks") && !s.contains("attacke"));
    }
}
