//! Metadata of benchmark pages against a hand-checked table (`tests/data/html_metadata.tsv`):
//! title, first byline name and published day. The pages are read from the shared data
//! folder next to the workspace; the test is skipped with a note when it is absent.

use std::io::Read;
use std::path::PathBuf;

fn pages_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/extraction/aeb-dev/html")
}

fn read_page(prefix: &str) -> Option<String> {
    let dir = pages_dir();
    let entry = std::fs::read_dir(&dir)
        .ok()?
        .flatten()
        .find(|e| e.file_name().to_string_lossy().starts_with(prefix))?;
    let bytes = std::fs::read(entry.path()).ok()?;
    let mut out = String::new();
    flate2::read::GzDecoder::new(&bytes[..])
        .read_to_string(&mut out)
        .ok()?;
    Some(out)
}

#[test]
fn hand_checked_titles_bylines_and_dates() {
    if !pages_dir().is_dir() {
        eprintln!("note: {} is absent; skipping", pages_dir().display());
        return;
    }
    let table = include_str!("data/html_metadata.tsv");
    let mut checked = 0;
    let mut failures = Vec::new();
    for line in table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 4, "bad row: {line}");
        let (id, title, author, day) = (cols[0], cols[1], cols[2], cols[3]);
        let page = read_page(id).unwrap_or_else(|| panic!("page {id} missing"));
        let meta = dyad_extract::html::extract(&page, None).meta;
        if meta.title.as_deref() != Some(title) {
            failures.push(format!("{id}: title {:?} != {title:?}", meta.title));
        }
        let first = meta.byline.first().map(String::as_str).unwrap_or("");
        if first != author {
            failures.push(format!("{id}: byline {:?} != {author:?}", meta.byline));
        }
        let got_day = meta.published.as_deref().map(|d| &d[..d.len().min(10)]);
        let want_day = (day != "none").then_some(day);
        if got_day != want_day {
            failures.push(format!(
                "{id}: published {:?} != {want_day:?}",
                meta.published
            ));
        }
        checked += 1;
    }
    assert!(checked >= 20, "only {checked} pages in the table");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
