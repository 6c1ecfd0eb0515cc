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
            self.add(tail(rest));
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

/// The last bytes of a key (1 to 7) as a little-endian word padded with zeros, read with two
/// overlapping loads: most words end in such a tail, and copying it into a padded buffer
/// called `memcpy` for every lookup.
#[inline]
fn tail(rest: &[u8]) -> u64 {
    let n = rest.len();
    // Each a single little-endian load (a byte-by-byte fold was not made into one).
    let four = |at: usize| {
        u64::from(u32::from_le_bytes([
            rest[at],
            rest[at + 1],
            rest[at + 2],
            rest[at + 3],
        ]))
    };
    let two = |at: usize| u64::from(u16::from_le_bytes([rest[at], rest[at + 1]]));
    match n {
        4.. => four(0) | four(n - 4) << (8 * (n - 4)),
        2.. => two(0) | two(n - 2) << (8 * (n - 2)),
        _ => rest.first().map_or(0, |&b| u64::from(b)),
    }
}

/// Builds [`WordHasher`]s.
pub type BuildWordHasher = BuildHasherDefault<WordHasher>;
/// A hash map keyed by words.
pub type WordMap<K, V> = std::collections::HashMap<K, V, BuildWordHasher>;
/// A hash set of words.
pub type WordSet<K> = std::collections::HashSet<K, BuildWordHasher>;

/// A word's [`WordHasher`] hash with its length, for tables keyed by the hashes of words
/// ([`HashedWords`], [`ByHash`]): a word hashed once is then looked up in several tables at
/// the cost of an integer. Two words with one hash are vanishingly rare; tables that use these
/// keys only narrow what the words themselves are then compared with.
pub fn word_hash(word: &str) -> u64 {
    let mut h = WordHasher::default();
    h.write(word.as_bytes());
    h.write_usize(word.len());
    h.finish()
}

/// The hasher of tables keyed by [`word_hash`]es: the key is a hash already, so it only folds
/// the high bits, which the multiplication mixed best, into the low ones the table indexes by.
#[derive(Default, Clone, Copy)]
pub struct HashKeyHasher(u64);

impl Hasher for HashKeyHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
    #[inline]
    fn write_u64(&mut self, x: u64) {
        self.0 = x ^ (x >> 32);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A set of [`word_hash`]es.
pub type HashedWords = std::collections::HashSet<u64, BuildHasherDefault<HashKeyHasher>>;
/// A map keyed by [`word_hash`]es.
pub type ByHash<V> = std::collections::HashMap<u64, V, BuildHasherDefault<HashKeyHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tails_read_as_padded_words() {
        let bytes: Vec<u8> = (0u8..=255).map(|b| b.wrapping_mul(37) ^ 0x5a).collect();
        for start in 0..16 {
            for n in 1..8 {
                let rest = &bytes[start..start + n];
                let mut b = [0u8; 8];
                b[..n].copy_from_slice(rest);
                assert_eq!(tail(rest), u64::from_le_bytes(b), "{rest:?}");
            }
        }
    }

    #[test]
    fn word_hashes_tell_words_apart() {
        let mut s = HashedWords::default();
        for w in [
            "attack",
            "attacks",
            "ab",
            "ab\0\0",
            "",
            "a longer word than eight bytes",
        ] {
            assert!(s.insert(word_hash(w)), "{w:?}");
        }
        assert!(s.contains(&word_hash("attack")) && !s.contains(&word_hash("attacke")));
    }

    #[test]
    fn distinguishes_words() {
        let mut s: WordSet<&str> = WordSet::default();
        s.insert("attack");
        s.insert("attacks");
        assert!(s.contains("attack") && s.contains("attacks") && !s.contains("attacke"));
    }
}
