//! HTTP responses as archived in WARC `response` records: status line, headers, body.

use std::io::Read;

/// The parts of an HTTP response that matter for analysis.
#[derive(Debug, Clone, PartialEq)]
pub struct Response {
    pub status: u16,
    /// The media type, lower-case, without parameters (`text/html`).
    pub content_type: Option<String>,
    /// The `charset` parameter of `Content-Type`, when given.
    pub charset: Option<String>,
    pub body: Vec<u8>,
}

/// Parses a raw HTTP response. Chunked transfer coding and gzip/deflate content coding are
/// undone; `max_body` bounds the decoded body.
pub fn parse_response(raw: &[u8], max_body: u64) -> Result<Response, String> {
    let head_end = find(raw, b"\r\n\r\n")
        .map(|i| (i, i + 4))
        .or_else(|| find(raw, b"\n\n").map(|i| (i, i + 2)))
        .ok_or("HTTP response without a header end")?;
    let head = String::from_utf8_lossy(&raw[..head_end.0]);
    let mut lines = head.lines();
    let status_line = lines.next().unwrap_or_default();
    if !status_line.starts_with("HTTP/") {
        return Err(format!("not an HTTP status line: {:.60}", status_line));
    }
    let status = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or("HTTP status line without a status code")?;
    let (mut content_type, mut charset, mut chunked, mut coding) = (None, None, false, None);
    for line in lines {
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim();
        match name.trim().to_ascii_lowercase().as_str() {
            "content-type" => {
                let (media, params) = value.split_once(';').unwrap_or((value, ""));
                content_type = Some(media.trim().to_ascii_lowercase());
                charset = params.split(';').find_map(|p| {
                    let (k, v) = p.split_once('=')?;
                    (k.trim().eq_ignore_ascii_case("charset"))
                        .then(|| v.trim().trim_matches(['"', '\'']).to_string())
                });
            }
            "transfer-encoding" => chunked = value.to_ascii_lowercase().contains("chunked"),
            "content-encoding" => coding = Some(value.to_ascii_lowercase()),
            _ => {}
        }
    }
    let mut body = raw[head_end.1..].to_vec();
    if chunked {
        body = dechunk(&body);
    }
    body = match coding.as_deref() {
        Some("gzip") | Some("x-gzip") => {
            inflate(flate2::read::MultiGzDecoder::new(&body[..]), max_body)?
        }
        Some("deflate") => inflate(flate2::read::ZlibDecoder::new(&body[..]), max_body)?,
        _ => body,
    };
    if body.len() as u64 > max_body {
        return Err(format!("body larger than the limit of {max_body} bytes"));
    }
    Ok(Response {
        status,
        content_type,
        charset,
        body,
    })
}

fn inflate(r: impl Read, max: u64) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    r.take(max + 1)
        .read_to_end(&mut out)
        .map_err(|e| format!("cannot decompress the body: {e}"))?;
    Ok(out)
}

/// Undoes chunked transfer coding; a malformed chunk ends the body where it stands.
fn dechunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len());
    while let Some(eol) = find(data, b"\r\n") {
        let size_text = String::from_utf8_lossy(&data[..eol]);
        let size_text = size_text.split(';').next().unwrap_or("").trim().to_string();
        let Ok(size) = usize::from_str_radix(&size_text, 16) else {
            break;
        };
        data = &data[eol + 2..];
        if size == 0 || size > data.len() {
            out.extend_from_slice(&data[..size.min(data.len())]);
            break;
        }
        out.extend_from_slice(&data[..size]);
        data = data.get(size + 2..).unwrap_or_default();
    }
    out
}

pub(crate) fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_status_type_charset_and_body() {
        let raw =
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=ISO-8859-1\r\n\r\n<p>caf\xe9</p>";
        let r = parse_response(raw, 1000).unwrap();
        assert_eq!(r.status, 200);
        assert_eq!(r.content_type.as_deref(), Some("text/html"));
        assert_eq!(r.charset.as_deref(), Some("ISO-8859-1"));
        assert_eq!(r.body, b"<p>caf\xe9</p>");
    }

    #[test]
    fn undoes_chunking_and_gzip() {
        let raw = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n";
        assert_eq!(parse_response(raw, 1000).unwrap().body, b"hello world");
        use std::io::Write;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(b"<p>zipped</p>").unwrap();
        let mut raw = b"HTTP/1.0 200 OK\r\nContent-Encoding: gzip\r\n\r\n".to_vec();
        raw.extend(gz.finish().unwrap());
        assert_eq!(parse_response(&raw, 1000).unwrap().body, b"<p>zipped</p>");
    }

    #[test]
    fn rejects_what_is_not_http() {
        assert!(parse_response(b"hello", 10).is_err());
        assert!(parse_response(b"GET / HTTP/1.1\r\n\r\n", 10).is_err());
    }
}
