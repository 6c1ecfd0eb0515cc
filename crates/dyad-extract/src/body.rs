//! Assembling the clean body text from blocks.

use dyad_doc::{Block, BlockKind};

/// Appends blocks to a body text, separated by a blank line, recording each block's span.
#[derive(Debug, Default)]
pub struct BodyBuilder {
    text: String,
    blocks: Vec<Block>,
}

impl BodyBuilder {
    /// An empty body.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds one block; whitespace runs inside it fold to one space, and an empty block is
    /// skipped.
    pub fn push(&mut self, kind: BlockKind, content: &str) {
        let mut folded = String::with_capacity(content.len());
        for word in content.split_whitespace() {
            if !folded.is_empty() {
                folded.push(' ');
            }
            folded.push_str(word);
        }
        if folded.is_empty() {
            return;
        }
        if !self.text.is_empty() {
            self.text.push_str("\n\n");
        }
        let start = self.text.len();
        self.text.push_str(&folded);
        self.blocks.push(Block {
            kind,
            start,
            end: self.text.len(),
        });
    }

    /// The number of blocks so far.
    pub fn len(&self) -> usize {
        self.blocks.len()
    }

    /// True when no block was added.
    pub fn is_empty(&self) -> bool {
        self.blocks.is_empty()
    }

    /// The text and its blocks.
    pub fn finish(self) -> (String, Vec<Block>) {
        (self.text, self.blocks)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_are_separated_by_blank_lines() {
        let mut b = BodyBuilder::new();
        b.push(BlockKind::Heading, "  TITLE ");
        b.push(BlockKind::Paragraph, "");
        b.push(BlockKind::Paragraph, "one\n two");
        let (t, blocks) = b.finish();
        assert_eq!(t, "TITLE\n\none two");
        assert_eq!(blocks.len(), 2);
        assert_eq!(&t[blocks[1].start..blocks[1].end], "one two");
    }
}
