//! Telling HTML from plain text by content, never by file name.

use crate::Format;

/// Tags a page or an HTML fragment can open with.
const HTML_OPENING_TAGS: [&str; 22] = [
    "html", "head", "body", "meta", "title", "link", "div", "p", "article", "section", "main",
    "header", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "span", "script",
];

/// HTML when the text starts (after whitespace, a BOM or comments) with a doctype or a
/// common top-level tag, or when its head holds several HTML tags.
pub fn format(text: &str) -> Format {
    let start = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    // The first 2048 characters, sliced rather than collected one by one.
    let end = start
        .char_indices()
        .nth(2048)
        .map_or(start.len(), |(i, _)| i);
    let head = start[..end].to_ascii_lowercase();
    if head.starts_with("<!doctype html") || head.starts_with("<?xml") || head.starts_with("<!--") {
        return Format::Html;
    }
    if let Some(rest) = head.strip_prefix('<') {
        let name: String = rest
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        let closes = rest[name.len()..].starts_with(['>', ' ', '\n', '\t', '/']);
        if closes && HTML_OPENING_TAGS.contains(&name.as_str()) {
            return Format::Html;
        }
    }
    const TAGS: [&str; 10] = [
        "<p>", "<p ", "<div", "<br", "<span", "<a href", "<title>", "<article", "<h1", "<script",
    ];
    let tags: usize = TAGS.iter().map(|t| head.matches(t).count()).sum();
    if tags >= 3 {
        Format::Html
    } else {
        Format::Text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_html_from_text() {
        assert_eq!(format("<!DOCTYPE html><html>…"), Format::Html);
        assert_eq!(format("\n  <html lang=en>"), Format::Html);
        assert_eq!(
            format("Some text <p>with</p> a <p>few</p> <br> tags"),
            Format::Html
        );
        assert_eq!(
            format("Photo Credit: A/B\nText with a < sign."),
            Format::Text
        );
        assert_eq!(format("x < y and <b> is bold"), Format::Text);
        assert_eq!(format("<p>A fragment.</p>"), Format::Html);
        assert_eq!(format("<article class=\"story\">"), Format::Html);
        assert_eq!(format("<pre-release> notes are plain text"), Format::Text);
    }
}
