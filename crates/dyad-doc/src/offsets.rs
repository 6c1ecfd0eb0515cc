//! Byte offsets ↔ code-point offsets.

/// Converts byte offsets of one `&str` into code-point offsets: an O(n) scan that keeps only
/// the text's non-ASCII characters (news text is mostly ASCII), then a binary search among
/// them per lookup.
pub struct CharIndex {
    /// Each non-ASCII character: its first byte, its length in bytes and the number of
    /// characters before it, in text order.
    wide: Vec<Wide>,
    len: usize,
}

#[derive(Clone, Copy)]
struct Wide {
    start: u32,
    bytes: u32,
    chars_before: u32,
}

impl CharIndex {
    /// Builds the index for `text`.
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut wide = Vec::new();
        let mut extra = 0u32;
        let mut i = 0;
        while i < bytes.len() {
            // Eight ASCII bytes at a time: most of a news text.
            if let Some(chunk) = bytes.get(i..i + 8) {
                let mut word = [0u8; 8];
                word.copy_from_slice(chunk);
                if u64::from_le_bytes(word) & 0x8080_8080_8080_8080 == 0 {
                    i += 8;
                    continue;
                }
            }
            let b = bytes[i];
            if b < 0x80 {
                i += 1;
                continue;
            }
            let n = match b {
                0xf0.. => 4,
                0xe0.. => 3,
                _ => 2,
            };
            wide.push(Wide {
                start: i as u32,
                bytes: n as u32,
                chars_before: i as u32 - extra,
            });
            extra += n as u32 - 1;
            i += n;
        }
        CharIndex {
            wide,
            len: text.len(),
        }
    }

    /// The code-point offset of byte offset `byte` (clamped to the text's end). A byte inside
    /// a character counts that character as before it.
    pub fn char_offset(&self, byte: usize) -> usize {
        let b = byte.min(self.len);
        let k = self.wide.partition_point(|w| (w.start as usize) < b);
        match k.checked_sub(1).map(|k| self.wide[k]) {
            None => b,
            Some(w) => {
                let end = w.start as usize + w.bytes as usize;
                w.chars_before as usize + 1 + b.saturating_sub(end)
            }
        }
    }

    /// Converts a byte span to a code-point span.
    pub fn span(&self, start: usize, end: usize) -> (usize, usize) {
        (self.char_offset(start), self.char_offset(end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_code_points_not_bytes() {
        let t = "a’b—c";
        let ix = CharIndex::new(t);
        let c = t.find('c').unwrap();
        assert_eq!(ix.char_offset(c), 4);
        assert_eq!(ix.char_offset(t.len()), 5);
        assert_eq!(ix.char_offset(0), 0);
    }

    #[test]
    fn agrees_with_counting_at_every_byte() {
        // The count of chars starting before each byte; a byte inside a character counts it.
        let t = "a’b—c 😀 é\u{301}x";
        let ix = CharIndex::new(t);
        for b in 0..=t.len() + 2 {
            let want = t
                .char_indices()
                .filter(|&(i, _)| i < b.min(t.len()))
                .count();
            assert_eq!(ix.char_offset(b), want, "byte {b}");
        }
    }

    #[test]
    fn empty_text() {
        let ix = CharIndex::new("");
        assert_eq!(ix.char_offset(0), 0);
        assert_eq!(ix.char_offset(10), 0);
    }
}
