//! HTML pages: the article body (paragraphs, headings, list items) without page furniture,
//! and the page's metadata.
//!
//! - [`metadata`] reads JSON-LD, OpenGraph/`<meta>`, microdata and the DOM and resolves
//!   conflicts between them;
//! - [`prune`] drops scripts, styles and comments before parsing;
//! - [`dates`] normalises stated dates to ISO 8601;
//! - the main content is located by `dom_smoothie` (a Readability-style scorer);
//! - [`assemble`] walks that content into blocks, and [`furniture`] sends captions, credits,
//!   bylines, advertisement markers and related headlines to `removed`.

pub mod assemble;
pub mod dates;
pub mod furniture;
pub mod metadata;
pub mod prune;

use dom_query::Document;
use dom_smoothie::{Config, Readability};
use dyad_doc::Meta;

use crate::Extracted;

/// Extracts the article body and metadata from an HTML page. `url` is the page's address
/// when known (used when the page states no canonical URL of its own).
pub fn extract(html: &str, url: Option<&str>) -> Extracted {
    let html = prune::prune(html);
    let doc = Document::from(html.as_str());
    let resolved = metadata::resolve(&metadata::collect(&doc));
    let config = Config {
        // Metadata is read above from the same sources; no need to read JSON-LD twice.
        disable_json_ld: true,
        // Fewer link-density checks while scoring; same result on the benchmark, faster.
        min_score_to_adjust: 10.0,
        ..Config::default()
    };
    let mut reader = Readability::with_document(doc, None, Some(config)).ok();
    // After a successful parse the reader's document holds the article alone, under the
    // element with id `readability-page-1`; it is walked in place rather than re-parsed.
    let found = reader.as_mut().is_some_and(|r| r.parse().is_ok());
    let hints = assemble::Hints {
        title: resolved.title.as_deref(),
        authors: &resolved.byline,
    };
    let assembled = match reader.filter(|_| found) {
        Some(r) => {
            let root = r.doc.select_single("#readability-page-1");
            match root.nodes().first() {
                Some(node) => assemble::assemble(node, &hints),
                None => assemble::assemble(&r.doc.root(), &hints),
            }
        }
        None => {
            let doc = Document::from(html.as_str());
            assemble::assemble(&doc.root(), &hints)
        }
    };
    let mut out = Extracted::default();
    let canonical = resolved
        .canonical_url
        .filter(|c| url.is_none_or(|u| u != c));
    out.meta = Meta {
        title: resolved.title,
        byline: resolved.byline,
        author_bio: None,
        published: resolved.published,
        site: resolved.site,
        language: resolved.language,
        photo_credit: assembled.credit.clone().or(resolved.credit),
        caption: assembled.caption.clone().or(resolved.caption),
        canonical_url: canonical,
    };
    out.removed = assembled.removed;
    (out.text, out.blocks) = assembled.body.finish();
    out
}
