//! RSS 2.0 and Atom feed files: one item per feed entry that carries content, as a small HTML
//! page (title + content) with the entry's link and date.

use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::Event;
use quick_xml::Reader;

use crate::{Item, SourceError};

/// One entry as read from the feed.
#[derive(Debug, Default)]
struct Entry {
    title: String,
    link: Option<String>,
    date: Option<String>,
    content: String,
    summary: String,
}

/// True when the head of a file looks like an RSS or Atom feed.
pub fn looks_like_feed(head: &[u8]) -> bool {
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    head.contains("<rss") || head.contains("<feed") || head.contains("<rdf:rdf")
}

/// Reads every entry of a feed. Entries without content are error items (a feed that only
/// links to articles needs the pages themselves).
pub fn items(xml: &[u8], path: &str) -> Vec<Result<Item, SourceError>> {
    let entries = match parse(xml) {
        Ok(e) => e,
        Err(message) => {
            return vec![Err(SourceError::Record {
                path: path.to_string(),
                record: 0,
                message,
            })]
        }
    };
    entries
        .into_iter()
        .enumerate()
        .map(|(i, e)| {
            let body = if e.content.trim().is_empty() {
                &e.summary
            } else {
                &e.content
            };
            if body.trim().is_empty() {
                return Err(SourceError::Record {
                    path: path.to_string(),
                    record: i + 1,
                    message: format!(
                        "feed entry without content (link: {})",
                        e.link.as_deref().unwrap_or("none")
                    ),
                });
            }
            let html = format!(
                "<html><head><title>{}</title></head><body><article>{}</article></body></html>",
                escape(e.title.trim()),
                body
            );
            Ok(Item {
                path: format!("{path}#{}", i + 1),
                url: e.link,
                published: e.date,
                fetched: None,
                charset: Some("utf-8".into()),
                bytes: html.into_bytes(),
            })
        })
        .collect()
}

fn parse(xml: &[u8]) -> Result<Vec<Entry>, String> {
    let mut reader = Reader::from_reader(xml);
    reader.config_mut().check_end_names = false;
    let mut buf = Vec::new();
    let mut stack: Vec<String> = Vec::new();
    let mut entries = Vec::new();
    let mut current: Option<Entry> = None;
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| format!("malformed feed at byte {}: {e}", reader.buffer_position()))?;
        match event {
            Event::Start(e) => {
                let name = String::from_utf8_lossy(e.local_name().as_ref()).to_ascii_lowercase();
                if name == "item" || name == "entry" {
                    current = Some(Entry::default());
                } else if name == "link" {
                    link_attribute(&e, &mut current);
                }
                stack.push(name);
            }
            Event::Empty(e) if e.local_name().as_ref().eq_ignore_ascii_case(b"link") => {
                link_attribute(&e, &mut current);
            }
            Event::End(e) => {
                let name = String::from_utf8_lossy(e.local_name().as_ref()).to_ascii_lowercase();
                if let Some(pos) = stack.iter().rposition(|n| *n == name) {
                    stack.truncate(pos);
                }
                if (name == "item" || name == "entry") && current.is_some() {
                    entries.extend(current.take());
                }
            }
            Event::Text(t) => append(&mut current, &stack, &t.decode().unwrap_or_default()),
            Event::CData(t) => append(&mut current, &stack, &String::from_utf8_lossy(&t)),
            Event::GeneralRef(r) => {
                let name = r.decode().unwrap_or_default().to_string();
                let text = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => resolve_predefined_entity(&name).unwrap_or("").to_string(),
                };
                append(&mut current, &stack, &text);
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(entries)
}

fn link_attribute(e: &quick_xml::events::BytesStart, current: &mut Option<Entry>) {
    let Some(entry) = current.as_mut() else {
        return;
    };
    let attr = |key: &[u8]| {
        e.attributes()
            .flatten()
            .find(|a| a.key.local_name().as_ref() == key)
            .map(|a| String::from_utf8_lossy(&a.value).to_string())
    };
    let rel = attr(b"rel").unwrap_or_else(|| "alternate".into());
    if let (Some(href), "alternate") = (attr(b"href"), rel.as_str()) {
        entry.link.get_or_insert(href);
    }
}

fn append(current: &mut Option<Entry>, stack: &[String], text: &str) {
    let (Some(entry), Some(field)) = (current.as_mut(), stack.last()) else {
        return;
    };
    match field.as_str() {
        "title" => entry.title.push_str(text),
        "link" => {
            let link = entry.link.get_or_insert_with(String::new);
            link.push_str(text.trim());
        }
        "pubdate" | "published" | "updated" | "date" if entry.date.is_none() => {
            entry.date = feed_date(text);
        }
        "encoded" | "content" => entry.content.push_str(text),
        "description" | "summary" => entry.summary.push_str(text),
        _ => {}
    }
}

/// Normalises an RFC 822 (`Tue, 15 Oct 2024 08:00:00 GMT`) or ISO 8601 date to `YYYY-MM-DD`.
pub fn feed_date(text: &str) -> Option<String> {
    let t = text.trim();
    if let Some(ymd) = t.get(..10).filter(|d| is_iso_date(d)) {
        return Some(ymd.to_string());
    }
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let words: Vec<&str> = t
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let month_at = words.iter().position(|w| {
        let w = w.to_ascii_lowercase();
        MONTHS.iter().any(|m| w.starts_with(m))
    })?;
    let month = MONTHS
        .iter()
        .position(|m| words[month_at].to_ascii_lowercase().starts_with(m))?
        + 1;
    let day: u32 = words.get(month_at.checked_sub(1)?)?.parse().ok()?;
    let year: u32 = words.get(month_at + 1)?.parse().ok()?;
    ((1..=31).contains(&day) && (1000..=9999).contains(&year))
        .then(|| format!("{year:04}-{month:02}-{day:02}"))
}

/// `YYYY-MM-DD` in ASCII digits.
fn is_iso_date(d: &str) -> bool {
    d.bytes().enumerate().all(|(i, b)| {
        if i == 4 || i == 7 {
            b == b'-'
        } else {
            b.is_ascii_digit()
        }
    })
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Example Wire</title>
<item><title>Talks in Baku &amp; Ankara</title><link>http://example.org/1</link>
<pubDate>Tue, 15 Oct 2024 08:00:00 GMT</pubDate>
<description>&lt;p&gt;Short summary.&lt;/p&gt;</description>
<content:encoded><![CDATA[<p>Full text of the first story.</p>]]></content:encoded></item>
<item><title>Second</title><link>http://example.org/2</link>
<description>&lt;p&gt;Only a summary here.&lt;/p&gt;</description></item>
<item><title>Link only</title><link>http://example.org/3</link></item>
</channel></rss>"#;

    const ATOM: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Example</title>
<entry><title>Atom story</title><link rel="alternate" href="http://example.org/a"/>
<published>2023-02-24T05:00:00Z</published>
<content type="html">&lt;p&gt;Troops crossed the border.&lt;/p&gt;</content></entry>
</feed>"#;

    #[test]
    fn rss_items_with_content_link_and_date() {
        let items = items(RSS.as_bytes(), "f.xml");
        assert_eq!(items.len(), 3);
        let first = items[0].as_ref().unwrap();
        assert_eq!(first.url.as_deref(), Some("http://example.org/1"));
        assert_eq!(first.published.as_deref(), Some("2024-10-15"));
        let html = String::from_utf8_lossy(&first.bytes);
        assert!(html.contains("<p>Full text of the first story.</p>"));
        assert!(html.contains("<title>Talks in Baku &amp; Ankara</title>"));
        let second = String::from_utf8_lossy(&items[1].as_ref().unwrap().bytes).to_string();
        assert!(second.contains("<p>Only a summary here.</p>"), "{second}");
        assert!(items[2].is_err());
    }

    #[test]
    fn atom_entries() {
        let items = items(ATOM.as_bytes(), "a.atom");
        let item = items[0].as_ref().unwrap();
        assert_eq!(item.url.as_deref(), Some("http://example.org/a"));
        assert_eq!(item.published.as_deref(), Some("2023-02-24"));
        assert!(String::from_utf8_lossy(&item.bytes).contains("<p>Troops crossed the border.</p>"));
    }

    #[test]
    fn broken_feeds_are_errors() {
        assert!(looks_like_feed(b"<?xml version='1.0'?><rss>"));
        let got = items(b"<rss><channel><item><title>x</ti", "b.xml");
        assert!(got.iter().all(|i| i.is_err()) || got.is_empty());
    }

    #[test]
    fn dates() {
        assert_eq!(
            feed_date("Mon, 1 Jan 2024 00:00:00 +0000").as_deref(),
            Some("2024-01-01")
        );
        assert_eq!(
            feed_date("2019-10-12T10:00:00Z").as_deref(),
            Some("2019-10-12")
        );
        assert_eq!(feed_date("soon"), None);
        // A multi-byte character where the ISO date would end, and a date-shaped non-date.
        assert_eq!(feed_date("2024-10-1\u{2026}8:00:00Z"), None);
        assert_eq!(feed_date("abcd-ef-gh"), None);
    }
}
