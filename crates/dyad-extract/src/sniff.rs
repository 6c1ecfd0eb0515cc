//! Telling HTML from plain text by content, never by file name.

use crate::Format;

/// HTML when the text starts (after whitespace, a BOM or comments) with a doctype or a
/// common top-level tag, or when its head holds several HTML tags.
pub fn format(text: &str) -> Format {
    let head: String = text
        .trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n'])
        .chars()
        .take(2048)
        .collect::<String>()
        .to_ascii_lowercase();
    const OPENERS: [&str; 8] = [
        "<!doctype html",
        "<html",
        "<head",
        "<body",
        "<?xml",
        "<!--",
        "<meta",
        "<div",
    ];
    if OPENERS.iter().any(|o| head.starts_with(o)) {
        return Format::Html;
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
    }
}
