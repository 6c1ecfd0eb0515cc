//! HTML pages: the text of paragraphs, headings and list items, and the `<title>`.

use dyad_doc::BlockKind;
use scraper::{Html, Selector};

use crate::body::BodyBuilder;
use crate::Extracted;

/// Extracts a simple body from an HTML page.
pub fn extract(html: &str, url: Option<&str>) -> Extracted {
    let _ = url;
    let doc = Html::parse_document(html);
    let blocks = Selector::parse("h1, h2, h3, h4, h5, h6, p, li").expect("static selector");
    let mut body = BodyBuilder::new();
    for el in doc.select(&blocks) {
        let kind = match el.value().name() {
            "p" => BlockKind::Paragraph,
            "li" => BlockKind::ListItem,
            _ => BlockKind::Heading,
        };
        let text: String = el.text().collect();
        body.push(kind, &text);
    }
    let title = Selector::parse("title").expect("static selector");
    let mut out = Extracted::default();
    out.meta.title = doc
        .select(&title)
        .next()
        .map(|t| t.text().collect::<String>().trim().to_string())
        .filter(|t| !t.is_empty());
    (out.text, out.blocks) = body.finish();
    out
}
