//! JSONL input: one article a line, `{"url": …, "html": … | "text": …, "date": …}`.

use serde_json::Value;

use crate::{Item, SourceError};

/// True when the head of a file looks like JSON lines of articles.
pub fn looks_like_jsonl(head: &[u8]) -> bool {
    let head = String::from_utf8_lossy(head);
    let first = head.trim_start_matches('\u{feff}').trim_start();
    first.starts_with('{') && (first.contains("\"html\"") || first.contains("\"text\""))
}

/// Turns one line into an item; `line_no` counts from 1.
pub fn item(line: &[u8], path: &str, line_no: usize) -> Result<Item, SourceError> {
    let error = |message: String| SourceError::Record {
        path: path.to_string(),
        record: line_no,
        message,
    };
    let v: Value = serde_json::from_slice(line).map_err(|e| error(format!("not JSON: {e}")))?;
    let field = |k: &str| v.get(k).and_then(Value::as_str).map(str::to_string);
    let body = field("html")
        .or_else(|| field("text"))
        .ok_or_else(|| error("line has neither \"html\" nor \"text\"".into()))?;
    Ok(Item {
        path: format!("{path}#{line_no}"),
        url: field("url"),
        published: field("date"),
        fetched: None,
        charset: Some("utf-8".into()),
        bytes: body.into_bytes(),
    })
}

/// Streams the items of a JSONL file line by line; a line over `max_bytes` is an error item.
pub struct JsonlItems<R> {
    reader: R,
    path: String,
    max_bytes: u64,
    line_no: usize,
}

impl<R: std::io::BufRead> JsonlItems<R> {
    /// Reads lines from `reader`; `path` names the file in items and errors.
    pub fn new(reader: R, path: String, max_bytes: u64) -> Self {
        JsonlItems {
            reader,
            path,
            max_bytes,
            line_no: 0,
        }
    }
}

impl<R: std::io::BufRead> Iterator for JsonlItems<R> {
    type Item = Result<Item, SourceError>;

    fn next(&mut self) -> Option<Self::Item> {
        use std::io::{BufRead, Read};
        loop {
            let mut line = Vec::new();
            let read = (&mut self.reader)
                .take(self.max_bytes.saturating_add(1))
                .read_until(b'\n', &mut line);
            self.line_no += 1;
            match read {
                Ok(0) => return None,
                Err(e) => {
                    return Some(Err(SourceError::Record {
                        path: self.path.clone(),
                        record: self.line_no,
                        message: format!("cannot read: {e}"),
                    }))
                }
                Ok(_) => {}
            }
            if line.len() as u64 > self.max_bytes && !line.ends_with(b"\n") {
                // Discard the rest of the over-long line.
                let mut rest = Vec::new();
                while let Ok(n) = (&mut self.reader)
                    .take(1 << 20)
                    .read_until(b'\n', &mut rest)
                {
                    if n == 0 || rest.ends_with(b"\n") {
                        break;
                    }
                    rest.clear();
                }
                return Some(Err(SourceError::Record {
                    path: self.path.clone(),
                    record: self.line_no,
                    message: format!("line larger than the limit of {} bytes", self.max_bytes),
                }));
            }
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            return Some(item(&line, &self.path, self.line_no));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_lines() {
        let it = item(
            br#"{"url":"http://x/1","text":"Baku.","date":"2024-01-02"}"#,
            "a.jsonl",
            3,
        )
        .unwrap();
        assert_eq!(it.url.as_deref(), Some("http://x/1"));
        assert_eq!(it.bytes, b"Baku.");
        assert_eq!(it.path, "a.jsonl#3");
        assert!(item(b"{\"url\":1}", "a", 1).is_err());
        assert!(item(b"nonsense", "a", 1).is_err());
        assert!(looks_like_jsonl(b"{\"url\": \"u\", \"html\": \"<p>\"}"));
        assert!(!looks_like_jsonl(b"Plain text"));
    }
}
