//! Fuzz targets for dyad: one function per target, each taking arbitrary bytes, running one
//! reader (or the whole analysis) on them and checking the result's invariants. A panic, in
//! the code under test or in a check, is a finding.
//!
//! The same functions are driven by libFuzzer (the cargo-fuzz workspace under `fuzz/`) for
//! long coverage-guided runs, and by this crate's `dyad-fuzz` binary, a small mutation fuzzer
//! on the stable toolchain that CI runs for a minute per target ([`smoke`]).

pub mod check;
pub mod mutate;
pub mod seeds;
pub mod smoke;

use std::io::Cursor;

use dyad_pipeline::{analyze, Options, Origin};
use dyad_source::{feed, jsonl::JsonlItems, warc::WarcItems, Item, SourceError};

/// Largest item the container targets accept, small enough that a fuzz input cannot make a
/// reader allocate without bound.
const ITEM_LIMIT: u64 = 1 << 20;

/// Items of a container input that go on through the whole analysis.
const ANALYSED_ITEMS: usize = 2;

/// A fuzz target: bytes in, nothing out; panics on a finding.
pub type Target = fn(&[u8]);

/// Every target by name, in the order the smoke runner and the docs list them.
pub const TARGETS: &[(&str, Target)] = &[
    ("html", html),
    ("text", text),
    ("warc", warc),
    ("feed", feed),
    ("jsonl", jsonl),
    ("analyze", analyze_page),
];

/// The target of this name.
pub fn target(name: &str) -> Option<Target> {
    TARGETS.iter().find(|(n, _)| *n == name).map(|(_, t)| *t)
}

/// The HTML reader: decoded bytes through HTML extraction.
pub fn html(data: &[u8]) {
    let page = String::from_utf8_lossy(data);
    check::extracted(&dyad_extract::html::extract(
        &page,
        Some("https://example.org/a"),
    ));
}

/// The plain-text reader: decoded bytes through scraped-text extraction.
pub fn text(data: &[u8]) {
    let page = String::from_utf8_lossy(data);
    check::extracted(&dyad_extract::text::extract(&page));
}

/// The WARC reader, streamed, and the first pages it yields through the analysis.
pub fn warc(data: &[u8]) {
    let items = WarcItems::new(Cursor::new(data), "fuzz.warc".into(), ITEM_LIMIT);
    container(items, data.len());
}

/// The RSS/Atom feed reader, and the first entries it yields through the analysis.
pub fn feed(data: &[u8]) {
    container(feed::items(data, "fuzz.xml").into_iter(), data.len());
}

/// The JSON-lines reader, and the first lines it yields through the analysis.
pub fn jsonl(data: &[u8]) {
    let items = JsonlItems::new(Cursor::new(data), "fuzz.jsonl".into(), ITEM_LIMIT);
    container(items, data.len());
}

/// The whole analysis of one page: extraction, every language layer, coding, the record.
pub fn analyze_page(data: &[u8]) {
    analyze_checked(data, Origin::default());
}

/// Drains a container's items, checking each, and analyses the first few.
fn container(items: impl Iterator<Item = Result<Item, SourceError>>, input_len: usize) {
    let mut analysed = 0;
    // A reader must make progress: it cannot yield more items than the input has bytes.
    for (n, item) in items.enumerate() {
        assert!(n <= input_len, "reader yields more items than input bytes");
        let Ok(item) = item else { continue };
        assert!(
            item.bytes.len() as u64 <= ITEM_LIMIT,
            "item over the size limit"
        );
        if analysed < ANALYSED_ITEMS {
            analysed += 1;
            let origin = Origin {
                path: Some(item.path),
                url: item.url,
                published: item.published,
                fetched: item.fetched,
                charset: item.charset,
            };
            analyze_checked(&item.bytes, origin);
        }
    }
}

fn analyze_checked(bytes: &[u8], origin: Origin) {
    // No time budget: a slow input must show as a fuzzer timeout, not as an error value.
    let opts = Options {
        tokens: true,
        doc_timeout: None,
        ..Options::default()
    };
    if let Ok(rec) = analyze(bytes, origin, &opts) {
        check::record(&rec);
    }
}
