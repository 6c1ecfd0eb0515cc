//! Scraped plain-text pages in the styles of different kinds of news sites, each checked
//! against its `NAME.expected.json`: metadata, headings, furniture that must be gone from the
//! body, and where the body starts and ends.
//!
//! Expectation fields (all required; `null` means "must be absent"):
//! `title`, `byline` (names that must all appear), `photo_credit`, `caption_contains`,
//! `published` (ISO 8601), `author_bio_contains`, `headings` (exactly the heading blocks, in
//! order, the kept headline first), `captions` (exactly the caption blocks), `absent` (strings no body line may equal or, when longer than 12 characters,
//! contain), `first_paragraph_starts`, `last_paragraph_starts`.

use std::path::{Path, PathBuf};

use dyad_doc::BlockKind;
use dyad_extract::text::extract;
use serde_json::Value;

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/text");
    let mut pages: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("fixture folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    pages.sort();
    pages
}

fn opt_str(v: &Value, key: &str) -> Option<String> {
    match v.get(key) {
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Null) => None,
        _ => panic!("expectation field '{key}' missing or not a string/null"),
    }
}

fn str_list(v: &Value, key: &str) -> Vec<String> {
    v.get(key)
        .and_then(Value::as_array)
        .unwrap_or_else(|| panic!("expectation field '{key}' missing or not a list"))
        .iter()
        .map(|x| x.as_str().expect("list of strings").to_string())
        .collect()
}

/// Checks one page; returns the list of failed checks.
fn check(page: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(page).expect("fixture text");
    let exp_path = page.with_extension("expected.json");
    let exp: Value = serde_json::from_str(
        &std::fs::read_to_string(&exp_path)
            .unwrap_or_else(|_| panic!("missing {}", exp_path.display())),
    )
    .expect("expected.json parses");
    let ex = extract(&text);
    let mut fails = Vec::new();
    let mut expect = |ok: bool, what: String| {
        if !ok {
            fails.push(what);
        }
    };

    let title = opt_str(&exp, "title");
    expect(
        ex.meta.title == title,
        format!("title: got {:?}, want {:?}", ex.meta.title, title),
    );
    for name in str_list(&exp, "byline") {
        expect(
            ex.meta.byline.iter().any(|b| b == &name),
            format!("byline: {name:?} not in {:?}", ex.meta.byline),
        );
    }
    if str_list(&exp, "byline").is_empty() {
        expect(
            ex.meta.byline.is_empty(),
            format!("byline: want none, got {:?}", ex.meta.byline),
        );
    }
    let credit = opt_str(&exp, "photo_credit");
    expect(
        ex.meta.photo_credit == credit,
        format!(
            "photo_credit: got {:?}, want {:?}",
            ex.meta.photo_credit, credit
        ),
    );
    let contains = |got: &Option<String>, want: &Option<String>| match (got, want) {
        (Some(g), Some(w)) => g.contains(w.as_str()),
        (None, None) => true,
        _ => false,
    };
    let caption = opt_str(&exp, "caption_contains");
    expect(
        contains(&ex.meta.caption, &caption),
        format!(
            "caption: got {:?}, want one containing {:?}",
            ex.meta.caption, caption
        ),
    );
    let published = opt_str(&exp, "published");
    expect(
        ex.meta.published == published,
        format!(
            "published: got {:?}, want {:?}",
            ex.meta.published, published
        ),
    );
    let bio = opt_str(&exp, "author_bio_contains");
    expect(
        contains(&ex.meta.author_bio, &bio),
        format!(
            "author_bio: got {:?}, want one containing {:?}",
            ex.meta.author_bio, bio
        ),
    );

    let block = |b: &dyad_doc::Block| ex.text[b.start..b.end].to_string();
    let of_kind = |kind: BlockKind| -> Vec<String> {
        ex.blocks
            .iter()
            .filter(|b| b.kind == kind)
            .map(block)
            .collect()
    };
    for (kind, field) in [
        (BlockKind::Heading, "headings"),
        (BlockKind::Caption, "captions"),
    ] {
        let got = of_kind(kind);
        let want = str_list(&exp, field);
        expect(got == want, format!("{field}: got {got:?}, want {want:?}"));
    }

    let body_lines: Vec<String> = ex.blocks.iter().map(block).collect();
    for junk in str_list(&exp, "absent") {
        let hit = body_lines
            .iter()
            .find(|l| **l == junk || (junk.chars().count() > 12 && l.contains(junk.as_str())));
        expect(
            hit.is_none(),
            format!("absent: body still holds {junk:?} (in {hit:?})"),
        );
    }
    let paragraphs = of_kind(BlockKind::Paragraph);
    let first = opt_str(&exp, "first_paragraph_starts").unwrap_or_default();
    let last = opt_str(&exp, "last_paragraph_starts").unwrap_or_default();
    expect(
        paragraphs.first().is_some_and(|p| p.starts_with(&first)),
        format!(
            "first paragraph: got {:?}, want it to start {first:?}",
            paragraphs.first()
        ),
    );
    expect(
        paragraphs.last().is_some_and(|p| p.starts_with(&last)),
        format!(
            "last paragraph: got {:?}, want it to start {last:?}",
            paragraphs.last()
        ),
    );
    fails
}

#[test]
fn every_fixture_page_meets_its_expectations() {
    let pages = fixtures();
    let mut report = Vec::new();
    if pages.len() < 10 {
        report.push(format!(
            "want at least ten fixture pages, found {}",
            pages.len()
        ));
    }
    for page in &pages {
        for f in check(page) {
            report.push(format!(
                "{}: {f}",
                page.file_name().unwrap_or_default().to_string_lossy()
            ));
        }
    }
    assert!(
        report.is_empty(),
        "{} failed checks:\n{}",
        report.len(),
        report.join("\n")
    );
}

#[test]
fn every_page_records_its_furniture() {
    for page in fixtures() {
        let text = std::fs::read_to_string(&page).expect("fixture text");
        let ex = extract(&text);
        assert!(
            !ex.removed.is_empty(),
            "{}: nothing removed",
            page.display()
        );
        assert!(!ex.blocks.is_empty(), "{}: empty body", page.display());
    }
}
