//! HTML pages: the article body (paragraphs, headings, list items) without page furniture,
//! and the page's metadata.
//!
//! - [`metadata`] reads JSON-LD, OpenGraph/`<meta>`, microdata and the DOM and resolves
//!   conflicts between them;
//! - [`prune`] drops scripts, styles and comments before parsing;
//! - [`words`] splits and lowers class and id words for every reader;
//! - [`dates`] normalises stated dates to ISO 8601;
//! - [`locate`] finds the elements that hold the article (a Readability-style scorer in
//!   one pass over the tree);
//! - [`assemble`] walks them into blocks, and [`furniture`] sends captions, credits,
//!   bylines, advertisement markers and related headlines to `removed`.

pub mod assemble;
pub mod dates;
pub mod furniture;
pub mod locate;
pub mod metadata;
pub mod prune;
pub mod words;

use dom_query::Document;
use dyad_doc::Meta;

use crate::Extracted;

/// Extracts the article body and metadata from an HTML page. `url` is the page's address
/// when known (used when the page states no canonical URL of its own).
pub fn extract(html: &str, url: Option<&str>) -> Extracted {
    let html = prune::prune(html);
    let doc = Document::from(html.as_str());
    let resolved = metadata::resolve(&metadata::collect(&doc));
    let hints = assemble::Hints {
        title: resolved.title.as_deref(),
        authors: &resolved.byline,
    };
    let found = locate::locate(&doc);
    let roots: Vec<_> = found
        .roots
        .iter()
        .map(|id| doc.tree.get_unchecked(id))
        .collect();
    let assembled = assemble::assemble(&roots, |n| found.keeps(n), &hints);
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
