//! WARC (ISO 28500) archives, plain or gzipped per record, read as a stream: one item per
//! `response` record that carries an HTML or text page with a 2xx status.

use std::io::{BufRead, Read};

use crate::http::parse_response;
use crate::{Item, SourceError};

/// Streams the page items of a WARC archive. Records that are not responses (request,
/// metadata, warcinfo…) and responses that are not pages (images, redirects) are skipped
/// silently; a response over the size limit or a malformed record is an error item.
pub struct WarcItems<R> {
    reader: R,
    path: String,
    max_bytes: u64,
    record_no: usize,
    done: bool,
}

impl<R: BufRead> WarcItems<R> {
    /// Reads records from `reader`; `path` names the archive in items and errors.
    pub fn new(reader: R, path: String, max_bytes: u64) -> Self {
        WarcItems {
            reader,
            path,
            max_bytes,
            record_no: 0,
            done: false,
        }
    }

    /// An error after which the archive cannot be read on: ends the archive.
    fn fatal(&mut self, message: String) -> SourceError {
        self.done = true;
        self.error(message)
    }

    /// An error about one record; the next record can still be read.
    fn error(&self, message: String) -> SourceError {
        SourceError::Record {
            path: self.path.clone(),
            record: self.record_no,
            message,
        }
    }

    /// Reads one header line, bounded so that a file with no line breaks cannot grow it.
    fn header_line(&mut self) -> std::io::Result<Option<String>> {
        let mut buf = Vec::new();
        let n = (&mut self.reader)
            .take(64 * 1024)
            .read_until(b'\n', &mut buf)?;
        if n == 0 {
            return Ok(None);
        }
        Ok(Some(String::from_utf8_lossy(&buf).trim_end().to_string()))
    }

    /// Reads the next record; `Ok(None)` at the end of the archive.
    fn next_record(&mut self) -> Result<Option<Option<Item>>, SourceError> {
        // Skip the blank lines that end the previous record.
        let version = loop {
            match self.header_line() {
                Ok(None) => return Ok(None),
                Ok(Some(l)) if l.is_empty() => continue,
                Ok(Some(l)) => break l,
                Err(e) => return Err(self.fatal(format!("cannot read: {e}"))),
            }
        };
        self.record_no += 1;
        if !version.starts_with("WARC/") {
            return Err(self.fatal(format!("expected a WARC header, found {version:.40}")));
        }
        let (mut kind, mut uri, mut date, mut length, mut block_type) =
            (String::new(), None, None, None, String::new());
        loop {
            let line = match self.header_line() {
                Ok(Some(l)) => l,
                Ok(None) => return Err(self.fatal("archive ends inside a record header".into())),
                Err(e) => return Err(self.fatal(format!("cannot read: {e}"))),
            };
            if line.is_empty() {
                break;
            }
            let Some((name, value)) = line.split_once(':') else {
                continue;
            };
            let value = value.trim().to_string();
            match name.trim().to_ascii_lowercase().as_str() {
                "warc-type" => kind = value.to_ascii_lowercase(),
                "warc-target-uri" => uri = Some(value.trim_matches(['<', '>']).to_string()),
                "warc-date" => date = Some(value),
                "content-length" => length = value.parse::<u64>().ok(),
                "content-type" => block_type = value.to_ascii_lowercase(),
                _ => {}
            }
        }
        let length = length.ok_or_else(|| self.fatal("record without Content-Length".into()))?;
        let wanted = kind == "response" && block_type.starts_with("application/http");
        if !wanted || length > self.max_bytes.saturating_add(64 * 1024) {
            let skipped = std::io::copy(&mut (&mut self.reader).take(length), &mut std::io::sink())
                .map_err(|e| self.fatal(format!("cannot read: {e}")))?;
            if skipped < length {
                return Err(self.fatal("archive ends inside a record".into()));
            }
            if wanted {
                let limit = self.max_bytes;
                return Err(self.error(format!("larger than the limit of {limit} bytes")));
            }
            return Ok(Some(None));
        }
        let mut block = Vec::with_capacity(length as usize);
        (&mut self.reader)
            .take(length)
            .read_to_end(&mut block)
            .map_err(|e| self.fatal(format!("cannot read: {e}")))?;
        if (block.len() as u64) < length {
            return Err(self.fatal("archive ends inside a record".into()));
        }
        let response = parse_response(&block, self.max_bytes).map_err(|m| self.error(m))?;
        let is_page = response
            .content_type
            .as_deref()
            .is_none_or(|t| t.contains("html") || t.starts_with("text/"));
        if !(200..300).contains(&response.status) || !is_page {
            return Ok(Some(None));
        }
        Ok(Some(Some(Item {
            path: format!("{}#{}", self.path, self.record_no),
            url: uri,
            published: None,
            fetched: date,
            charset: response.charset,
            bytes: response.body,
        })))
    }
}

impl<R: BufRead> Iterator for WarcItems<R> {
    type Item = Result<Item, SourceError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            match self.next_record() {
                Ok(None) => self.done = true,
                Ok(Some(None)) => continue,
                Ok(Some(Some(item))) => return Some(Ok(item)),
                Err(e) => return Some(Err(e)),
            }
        }
        None
    }
}

/// Builds one WARC response record (for tests and examples).
pub fn response_record(uri: &str, date: &str, http: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nWARC-Date: {date}\r\n\
         Content-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
        http.len()
    )
    .into_bytes();
    out.extend_from_slice(http);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn archive() -> Vec<u8> {
        let mut w =
            b"WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 4\r\n\r\nabcd\r\n\r\n".to_vec();
        w.extend(response_record(
            "http://example.org/a",
            "2024-10-15T08:00:00Z",
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Baku</p>",
        ));
        w.extend(response_record(
            "http://example.org/logo.png",
            "2024-10-15T08:00:01Z",
            b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG",
        ));
        w.extend(response_record(
            "http://example.org/gone",
            "2024-10-15T08:00:02Z",
            b"HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\nnope",
        ));
        w.extend(response_record(
            "http://example.org/b",
            "2024-10-16T08:00:00Z",
            b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nTel Aviv",
        ));
        w
    }

    #[test]
    fn yields_page_responses_with_url_and_date() {
        let items: Vec<Item> = WarcItems::new(&archive()[..], "a.warc".into(), 1 << 20)
            .map(Result::unwrap)
            .collect();
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].url.as_deref(), Some("http://example.org/a"));
        assert_eq!(items[0].fetched.as_deref(), Some("2024-10-15T08:00:00Z"));
        assert_eq!(items[0].charset.as_deref(), Some("utf-8"));
        assert_eq!(items[0].bytes, b"<p>Baku</p>");
        assert_eq!(items[1].bytes, b"Tel Aviv");
        assert_eq!(items[1].path, "a.warc#5");
    }

    #[test]
    fn oversized_record_is_an_error_and_reading_goes_on() {
        let items: Vec<_> = WarcItems::new(&archive()[..], "a.warc".into(), 10).collect();
        assert!(items.iter().any(|i| i.is_err()));
        assert!(items
            .iter()
            .any(|i| matches!(i, Ok(it) if it.bytes == b"Tel Aviv")));
    }

    #[test]
    fn truncated_archive_is_an_error_not_a_panic() {
        let w = archive();
        for cut in [10, 60, 100, w.len() - 20] {
            let got: Vec<_> = WarcItems::new(&w[..cut], "t.warc".into(), 1 << 20).collect();
            assert!(got.len() <= 2);
        }
        let garbage: Vec<_> = WarcItems::new(&b"not a warc"[..], "g".into(), 100).collect();
        assert!(matches!(garbage.as_slice(), [Err(_)]));
    }
}
