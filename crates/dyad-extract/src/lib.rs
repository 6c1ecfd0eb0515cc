//! Extraction: raw page bytes → clean article body, its blocks, metadata and the page
//! furniture that was taken out.
//!
//! - [`decode`] turns bytes into text (BOMs, declared charsets, Windows-1252 fallback);
//! - [`sniff`] tells HTML from plain text by content;
//! - [`text`] reads scraped plain-text pages;
//! - [`html`] reads HTML pages;
//! - [`body`] assembles the clean text from blocks.

pub mod body;
pub mod decode;
pub mod html;
pub mod sniff;
pub mod text;

use dyad_doc::{Block, Meta, Removed};

/// What extraction yields for one page. Block offsets are byte offsets into `text`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extracted {
    pub text: String,
    pub blocks: Vec<Block>,
    pub removed: Vec<Removed>,
    pub meta: Meta,
}

/// The input format, as told from content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Html,
    Text,
}

impl Format {
    /// The name used in `source.format`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Text => "text",
        }
    }
}

/// Why a page could not be extracted.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ExtractError {
    #[error("input is empty")]
    Empty,
    #[error("input looks binary ({0}), not text or HTML")]
    Binary(&'static str),
    #[error("no article text found")]
    NoText,
}

/// What is known of a page from outside it.
#[derive(Debug, Clone, Copy, Default)]
pub struct Hints<'a> {
    /// The page's URL.
    pub url: Option<&'a str>,
    /// The character set declared outside the page (an HTTP header).
    pub charset: Option<&'a str>,
}

/// Decodes `bytes`, tells HTML from text and extracts the article.
pub fn extract(bytes: &[u8], hints: &Hints) -> Result<(Format, Extracted), ExtractError> {
    let decoded = decode::decode_with(bytes, hints.charset)?;
    let format = sniff::format(&decoded);
    let out = match format {
        Format::Html => html::extract(&decoded, hints.url),
        Format::Text => text::extract(&decoded),
    };
    Ok((format, out))
}
