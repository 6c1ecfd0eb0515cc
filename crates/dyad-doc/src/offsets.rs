//! Byte offsets ↔ code-point offsets.

/// Converts byte offsets of one `&str` into code-point offsets, in O(1) per lookup after an
/// O(n) build.
pub struct CharIndex {
    /// `chars_before[b]` = number of chars before byte `b` (only meaningful at char boundaries).
    chars_before: Vec<u32>,
}

impl CharIndex {
    /// Builds the index for `text`.
    pub fn new(text: &str) -> Self {
        let mut chars_before = Vec::with_capacity(text.len() + 1);
        let mut n = 0u32;
        for (i, ch) in text.char_indices() {
            while chars_before.len() < i {
                chars_before.push(n);
            }
            chars_before.push(n);
            n += 1;
            let _ = ch;
        }
        while chars_before.len() <= text.len() {
            chars_before.push(n);
        }
        CharIndex { chars_before }
    }

    /// The code-point offset of byte offset `byte` (clamped to the text's end).
    pub fn char_offset(&self, byte: usize) -> usize {
        let i = byte.min(self.chars_before.len() - 1);
        self.chars_before[i] as usize
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
    fn empty_text() {
        let ix = CharIndex::new("");
        assert_eq!(ix.char_offset(0), 0);
        assert_eq!(ix.char_offset(10), 0);
    }
}
