//! Sentence segmentation.

use dyad_doc::{Block, Span};

/// Splits each block into sentences at `.`, `!` or `?` followed by a space.
pub fn sentences(text: &str, blocks: &[Block]) -> Vec<Span> {
    let mut out = Vec::new();
    for b in blocks {
        let block = &text[b.start..b.end];
        let mut start = 0;
        let bytes = block.as_bytes();
        for i in 0..bytes.len() {
            if matches!(bytes[i], b'.' | b'!' | b'?') && bytes.get(i + 1) == Some(&b' ') {
                out.push(Span::new(b.start + start, b.start + i + 1));
                start = i + 2;
            }
        }
        if start < block.len() {
            out.push(Span::new(b.start + start, b.end));
        }
    }
    out
}
