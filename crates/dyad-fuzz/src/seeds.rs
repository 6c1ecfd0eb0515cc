//! Seed inputs for each target, made from the repository's own fixtures: the example
//! articles and text-page fixtures as they are, and wrapped in each container format (a WARC
//! archive, an RSS and an Atom feed, JSON lines), plus every saved finding of the target.

use std::path::{Path, PathBuf};

/// Folders (relative to the repository root) whose files are pages to seed from.
const PAGE_DIRS: &[&str] = &[
    "examples/articles",
    "crates/dyad-extract/tests/fixtures/text",
];

/// Where saved findings of a target live: `crates/dyad-fuzz/tests/fixtures/<target>/`.
pub fn findings_dir(root: &Path, target: &str) -> PathBuf {
    root.join("crates/dyad-fuzz/tests/fixtures").join(target)
}

/// The repository root, as seen from this crate's sources.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every file under a folder, sorted by path (hidden files left out); none if it is missing.
pub fn files(dir: &Path) -> Vec<Vec<u8>> {
    if !dir.is_dir() {
        return Vec::new();
    }
    dyad_source::expand(&[dir.to_path_buf()])
        .into_iter()
        .filter_map(|p| std::fs::read(p.ok()?).ok())
        .collect()
}

/// The pages to seed from: the repository's fixtures, then any files of `extra` folders.
pub fn pages(root: &Path, extra: &[PathBuf]) -> Vec<Vec<u8>> {
    let dirs = PAGE_DIRS.iter().map(|d| root.join(d));
    dirs.chain(extra.iter().cloned())
        .flat_map(|d| files(&d))
        .collect()
}

/// The seeds of one target, built from `pages`, followed by the target's saved findings.
pub fn for_target(target: &str, pages: &[Vec<u8>], root: &Path) -> Vec<Vec<u8>> {
    let mut seeds: Vec<Vec<u8>> = match target {
        "warc" => pages.chunks(2).map(warc_archive).collect(),
        "feed" => pages
            .chunks(2)
            .enumerate()
            .map(|(i, c)| if i % 2 == 0 { rss(c) } else { atom(c) })
            .collect(),
        "jsonl" => pages.chunks(3).map(jsonl_lines).collect(),
        _ => pages.to_vec(),
    };
    seeds.extend(files(&findings_dir(root, target)));
    if seeds.is_empty() {
        seeds.push(Vec::new());
    }
    seeds
}

/// A WARC archive holding a warcinfo record and one HTTP response per page.
pub fn warc_archive(pages: &[Vec<u8>]) -> Vec<u8> {
    let mut out =
        b"WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 9\r\n\r\nsoftware:\r\n\r\n".to_vec();
    for (i, page) in pages.iter().enumerate() {
        let mut http =
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n".to_vec();
        http.extend_from_slice(page);
        out.extend(dyad_source::warc::response_record(
            &format!("https://example.org/{i}"),
            "2024-10-15T08:00:00Z",
            &http,
        ));
    }
    out
}

/// An RSS 2.0 feed with one item per page, the page as escaped description.
pub fn rss(pages: &[Vec<u8>]) -> Vec<u8> {
    let mut out =
        String::from("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>News</title>");
    for (i, page) in pages.iter().enumerate() {
        out.push_str(&format!(
            "<item><title>Story {i}</title><link>https://example.org/{i}</link>\
             <pubDate>Tue, 15 Oct 2024 08:00:00 GMT</pubDate><description>{}</description></item>",
            xml_escape(&String::from_utf8_lossy(page))
        ));
    }
    out.push_str("</channel></rss>\n");
    out.into_bytes()
}

/// An Atom feed with one entry per page, the page as CDATA content.
pub fn atom(pages: &[Vec<u8>]) -> Vec<u8> {
    let mut out =
        String::from("<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">");
    for (i, page) in pages.iter().enumerate() {
        let page = String::from_utf8_lossy(page).replace("]]>", "]]&gt;");
        out.push_str(&format!(
            "<entry><title>Story {i}</title><link href=\"https://example.org/{i}\"/>\
             <updated>2024-10-15T08:00:00Z</updated><content type=\"html\"><![CDATA[{page}]]></content></entry>"
        ));
    }
    out.push_str("</feed>\n");
    out.into_bytes()
}

/// JSON lines, one `{"url", "text" | "html", "date"}` object per page.
pub fn jsonl_lines(pages: &[Vec<u8>]) -> Vec<u8> {
    let mut out = String::new();
    for (i, page) in pages.iter().enumerate() {
        let field = if page.starts_with(b"<") {
            "html"
        } else {
            "text"
        };
        out.push_str(&format!(
            "{{\"url\":\"https://example.org/{i}\",\"{field}\":{},\"date\":\"2024-10-15\"}}\n",
            json_string(&String::from_utf8_lossy(page))
        ));
    }
    out.into_bytes()
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn container_seeds_read_back_as_items() {
        let pages = vec![b"Israel said.".to_vec(), b"<p>Iran \"said\"\n</p>".to_vec()];
        let count = |bytes: Vec<u8>, kind: &str| -> usize {
            let name = format!("seed.{kind}");
            let dir = tempfile::Builder::new()
                .prefix("dyad-fuzz-seeds-")
                .tempdir()
                .unwrap();
            let path = dir.path().join(name);
            std::fs::write(&path, bytes).unwrap();
            dyad_source::items(&path, 1 << 20)
                .filter(Result::is_ok)
                .count()
        };
        assert_eq!(count(warc_archive(&pages), "warc"), 2);
        assert_eq!(count(rss(&pages), "rss"), 2);
        assert_eq!(count(atom(&pages), "atom"), 2);
        assert_eq!(count(jsonl_lines(&pages), "jsonl"), 2);
    }

    #[test]
    fn every_target_has_seeds_from_the_fixtures() {
        let root = repo_root();
        let pages = pages(&root, &[]);
        assert!(pages.len() >= 5, "fixture pages found: {}", pages.len());
        for (name, _) in crate::TARGETS {
            assert!(!for_target(name, &pages, &root).is_empty(), "{name}");
        }
    }
}
