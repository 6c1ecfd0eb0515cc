//! Scraped plain-text pages: paragraphs are separated by blank lines.

use dyad_doc::BlockKind;

use crate::body::BodyBuilder;
use crate::Extracted;

/// Extracts the body of a plain-text page: one paragraph per blank-line-separated block.
pub fn extract(text: &str) -> Extracted {
    let mut body = BodyBuilder::new();
    for para in text.split("\n\n") {
        body.push(BlockKind::Paragraph, para);
    }
    let (text, blocks) = body.finish();
    Extracted {
        text,
        blocks,
        ..Default::default()
    }
}
