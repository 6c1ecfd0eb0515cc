//! Inputs: files, folders (recursive, sorted by path), and standard input; gzip is read
//! transparently, told by its magic bytes. A file is one page, or a container of many told
//! by its content: a WARC archive ([`warc`]), an RSS/Atom feed ([`feed`]) or JSON lines
//! ([`jsonl`]). Every item is size-limited, compressed or not, so a huge file or a
//! decompression bomb yields a clear error for that item.

pub mod feed;
pub mod http;
pub mod jsonl;
pub mod warc;

use std::fs::File;
use std::io::{self, BufReader, Read};
use std::path::{Path, PathBuf};

/// The default largest input item, after decompression: 64 MiB.
pub const DEFAULT_MAX_BYTES: u64 = 64 * 1024 * 1024;

/// One input item: the bytes of one article page and where they came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// The file path, or `-` for standard input.
    pub path: String,
    pub url: Option<String>,
    /// The publication date the container gives the item (feed entry, JSONL `date`).
    pub published: Option<String>,
    /// When the page was fetched (a WARC record's date), ISO 8601.
    pub fetched: Option<String>,
    /// The character set the container declares for the bytes (HTTP header, feed encoding).
    pub charset: Option<String>,
    pub bytes: Vec<u8>,
}

/// Why an item could not be read.
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    #[error("{path}: cannot read: {source}")]
    Io { path: String, source: io::Error },
    #[error("{path}: larger than the limit of {limit} bytes (see --max-bytes)")]
    TooLarge { path: String, limit: u64 },
    #[error("{path}: not found")]
    NotFound { path: String },
    #[error("{path}: item {record}: {message}")]
    Record {
        path: String,
        record: usize,
        message: String,
    },
}

impl SourceError {
    /// A short name for the kind of failure, for summaries: `unreadable`, `too-large`,
    /// `not-found`, `bad-record`.
    pub fn kind(&self) -> &'static str {
        match self {
            SourceError::Io { .. } => "unreadable",
            SourceError::TooLarge { .. } => "too-large",
            SourceError::NotFound { .. } => "not-found",
            SourceError::Record { .. } => "bad-record",
        }
    }

    /// The path of the item the error is about.
    pub fn path(&self) -> &str {
        match self {
            SourceError::Io { path, .. }
            | SourceError::TooLarge { path, .. }
            | SourceError::NotFound { path }
            | SourceError::Record { path, .. } => path,
        }
    }
}

/// Expands the given paths into the files to read: a folder's files recursively, sorted;
/// `-` stands for standard input. Errors (a missing path, an unreadable folder) come in place.
pub fn expand(paths: &[PathBuf]) -> Vec<Result<PathBuf, SourceError>> {
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(Ok(p.clone()));
        } else if p.is_dir() {
            walk(p, &mut out);
        } else if p.exists() {
            out.push(Ok(p.clone()));
        } else {
            out.push(Err(SourceError::NotFound {
                path: p.display().to_string(),
            }));
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<Result<PathBuf, SourceError>>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(source) => {
            out.push(Err(SourceError::Io {
                path: dir.display().to_string(),
                source,
            }));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            !p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.'))
        })
        .collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            walk(&p, out);
        } else {
            out.push(Ok(p));
        }
    }
}

/// Reads one file (or standard input for `-`), decompressing gzip, within `max_bytes`.
pub fn read(path: &Path, max_bytes: u64) -> Result<Item, SourceError> {
    let name = path.display().to_string();
    let io_err = |source| SourceError::Io {
        path: name.clone(),
        source,
    };
    let raw = if path.as_os_str() == "-" {
        read_limited(io::stdin().lock(), max_bytes, &name)?
    } else {
        let file = File::open(path).map_err(io_err)?;
        let size = file.metadata().map_or(0, |m| m.len());
        read_limited_sized(file, max_bytes, size, &name)?
    };
    let bytes = if raw.starts_with(&[0x1f, 0x8b]) {
        read_limited(
            flate2::read::MultiGzDecoder::new(&raw[..]),
            max_bytes,
            &name,
        )?
    } else {
        raw
    };
    Ok(Item {
        path: name,
        url: None,
        published: None,
        fetched: None,
        charset: None,
        bytes,
    })
}

/// The items of one input, streamed.
pub type Items = Box<dyn Iterator<Item = Result<Item, SourceError>> + Send>;

/// Opens one file (or standard input for `-`) and streams its items: the records of a WARC
/// archive, the entries of a feed, the lines of a JSONL file, or the file as one page. Gzip is
/// undone first. Each item is bounded by `max_bytes`.
pub fn items(path: &Path, max_bytes: u64) -> Items {
    let name = path.display().to_string();
    let raw: io::Result<(Box<dyn Read + Send>, u64)> = if path.as_os_str() == "-" {
        Ok((Box::new(io::stdin()), 0))
    } else {
        File::open(path).map(|f| {
            let size = f.metadata().map_or(0, |m| m.len());
            (Box::new(f) as Box<dyn Read + Send>, size)
        })
    };
    match raw {
        Ok((raw, size)) => items_sized(raw, name, max_bytes, size),
        Err(source) => Box::new(std::iter::once(Err(SourceError::Io { path: name, source }))),
    }
}

/// Streams the items of bytes from any reader (an archive held in memory, a network stream),
/// exactly as [`items`] does for a file; `name` stands for the path in items and errors.
pub fn items_from_reader(raw: Box<dyn Read + Send>, name: String, max_bytes: u64) -> Items {
    items_sized(raw, name, max_bytes, 0)
}

/// [`items_from_reader`] for a reader of about `size` bytes (a file's length; 0 when
/// unknown). The first bytes are read into a buffer made for the whole input: a page, the
/// common case, is then read on into it, so each byte is copied once; gzip is undone first,
/// and containers are streamed.
fn items_sized(mut raw: Box<dyn Read + Send>, name: String, max_bytes: u64, size: u64) -> Items {
    let head = match read_head(&mut raw, size, max_bytes) {
        Ok(head) => head,
        Err(source) => {
            return Box::new(std::iter::once(Err(SourceError::Io { path: name, source })))
        }
    };
    if !head.starts_with(&[0x1f, 0x8b]) {
        return dispatch(head, raw, name, max_bytes);
    }
    let gz = flate2::read::MultiGzDecoder::new(io::Cursor::new(head).chain(raw));
    let mut stream = BufReader::with_capacity(STREAM_BUFFER, gz);
    match read_head(&mut stream, size, max_bytes) {
        Ok(head) => dispatch(head, stream, name, max_bytes),
        Err(source) => Box::new(std::iter::once(Err(SourceError::Io { path: name, source }))),
    }
}

/// How much of an input is read to tell what it holds.
const HEAD_BYTES: u64 = 4096;

/// The buffer of a streamed input.
const STREAM_BUFFER: usize = 64 * 1024;

/// The first [`HEAD_BYTES`] of `r`, in a buffer made for about `size` bytes in all.
fn read_head(r: &mut impl Read, size: u64, max_bytes: u64) -> io::Result<Vec<u8>> {
    let mut head = Vec::with_capacity(usize::try_from(size.min(max_bytes)).unwrap_or(0) + 1);
    r.take(HEAD_BYTES).read_to_end(&mut head)?;
    Ok(head)
}

/// Tells the container kind from `head`, the first bytes of the input (`rest` holds the
/// others), and hands the input to its reader.
fn dispatch(
    head: Vec<u8>,
    rest: impl Read + Send + 'static,
    name: String,
    max_bytes: u64,
) -> Items {
    let warc = head.starts_with(b"WARC/");
    if warc || jsonl::looks_like_jsonl(&head) {
        let whole = BufReader::with_capacity(STREAM_BUFFER, io::Cursor::new(head).chain(rest));
        return if warc {
            Box::new(warc::WarcItems::new(whole, name, max_bytes))
        } else {
            Box::new(jsonl::JsonlItems::new(whole, name, max_bytes))
        };
    }
    let feed = feed::looks_like_feed(&head);
    let bytes = read_on(rest, head, max_bytes, &name);
    if feed {
        return match bytes {
            Ok(bytes) => Box::new(feed::items(&bytes, &name).into_iter()),
            Err(e) => Box::new(std::iter::once(Err(e))),
        };
    }
    Box::new(std::iter::once(bytes.map(|bytes| Item {
        path: name,
        url: None,
        published: None,
        fetched: None,
        charset: None,
        bytes,
    })))
}

/// Reads the rest of an input on after the bytes `buf` holds, within `limit` bytes in all;
/// more is an error, not a silent truncation.
fn read_on(r: impl Read, mut buf: Vec<u8>, limit: u64, path: &str) -> Result<Vec<u8>, SourceError> {
    let room = limit.saturating_add(1).saturating_sub(buf.len() as u64);
    r.take(room)
        .read_to_end(&mut buf)
        .map_err(|source| SourceError::Io {
            path: path.to_string(),
            source,
        })?;
    if buf.len() as u64 > limit {
        return Err(SourceError::TooLarge {
            path: path.to_string(),
            limit,
        });
    }
    Ok(buf)
}

/// Reads at most `limit` bytes; more is an error, not a silent truncation.
pub fn read_limited(r: impl Read, limit: u64, path: &str) -> Result<Vec<u8>, SourceError> {
    read_on(r, Vec::new(), limit, path)
}

/// [`read_limited`] into a buffer made for `size` bytes (a file's length), so that reading
/// does not grow it by copies.
fn read_limited_sized(
    r: impl Read,
    limit: u64,
    size: u64,
    path: &str,
) -> Result<Vec<u8>, SourceError> {
    let buf = Vec::with_capacity(usize::try_from(size.min(limit)).unwrap_or(0) + 1);
    read_on(r, buf, limit, path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// A fresh directory, removed when the guard drops.
    fn tmpdir(name: &str) -> tempfile::TempDir {
        tempfile::Builder::new()
            .prefix(&format!("dyad-source-{name}-"))
            .tempdir()
            .unwrap()
    }

    #[test]
    fn folders_are_walked_sorted_and_recursively() {
        let dir = tmpdir("walk");
        let d = dir.path().to_path_buf();
        std::fs::create_dir_all(d.join("b")).unwrap();
        for f in ["c.txt", "a.txt", "b/z.txt", ".hidden"] {
            std::fs::write(d.join(f), "x").unwrap();
        }
        let got: Vec<String> = expand(std::slice::from_ref(&d))
            .into_iter()
            .map(|p| p.unwrap().strip_prefix(&d).unwrap().display().to_string())
            .collect();
        assert_eq!(got, ["a.txt", "b/z.txt", "c.txt"]);
        assert!(expand(&[d.join("missing")])[0].is_err());
    }

    #[test]
    fn containers_are_told_by_content() {
        let dir = tmpdir("containers");
        let d = dir.path().to_path_buf();
        let warc = warc::response_record(
            "http://example.org/a",
            "2024-10-15T08:00:00Z",
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>Baku</p>",
        );
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(&warc).unwrap();
        std::fs::write(d.join("a.warc.gz"), gz.finish().unwrap()).unwrap();
        std::fs::write(
            d.join("b.data"),
            "{\"url\":\"u1\",\"text\":\"One.\"}\n\n{\"url\":\"u2\",\"html\":\"<p>Two</p>\"}\n",
        )
        .unwrap();
        std::fs::write(d.join("c.xml"), "<rss><channel><item><title>T</title><description>Body</description></item></channel></rss>").unwrap();
        std::fs::write(d.join("d.txt"), "Just a page.").unwrap();
        let got: Vec<Item> = ["a.warc.gz", "b.data", "c.xml", "d.txt"]
            .iter()
            .flat_map(|f| items(&d.join(f), 1 << 20))
            .map(Result::unwrap)
            .collect();
        assert_eq!(got.len(), 5);
        assert_eq!(got[0].url.as_deref(), Some("http://example.org/a"));
        assert_eq!(got[0].bytes, b"<p>Baku</p>");
        assert_eq!(got[2].bytes, b"<p>Two</p>");
        assert!(String::from_utf8_lossy(&got[3].bytes).contains("Body"));
        assert_eq!(got[4].bytes, b"Just a page.");
    }

    #[test]
    fn bytes_in_memory_read_as_a_file_does() {
        let archive = warc::response_record(
            "http://example.org/a",
            "2024-10-15T08:00:00Z",
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>Baku</p>",
        );
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(&archive).unwrap();
        let got: Vec<Item> = items_from_reader(
            Box::new(io::Cursor::new(gz.finish().unwrap())),
            "mem.warc.gz".into(),
            1 << 20,
        )
        .map(Result::unwrap)
        .collect();
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].bytes, b"<p>Baku</p>");
        assert!(got[0].path.starts_with("mem.warc.gz"));
    }

    #[test]
    fn pages_longer_than_the_head_are_read_whole_and_limited() {
        let dir = tmpdir("pages");
        let d = dir.path().to_path_buf();
        let page: Vec<u8> = (0..10_000u32).map(|i| b'a' + (i % 26) as u8).collect();
        std::fs::write(d.join("page.html"), &page).unwrap();
        let read = |limit: u64| -> Vec<Result<Item, SourceError>> {
            items(&d.join("page.html"), limit).collect()
        };
        let whole = read(10_000);
        assert_eq!(whole.len(), 1);
        assert_eq!(whole[0].as_ref().unwrap().bytes, page);
        for limit in [9_999, 4_096, 100] {
            let got = read(limit);
            assert!(
                matches!(got[..], [Err(SourceError::TooLarge { .. })]),
                "{limit}"
            );
        }
        std::fs::write(d.join("empty"), b"").unwrap();
        let empty: Vec<_> = items(&d.join("empty"), 10).collect();
        assert_eq!(empty[0].as_ref().unwrap().bytes, b"");
    }

    #[test]
    fn gzip_is_read_transparently_and_limited() {
        let dir = tmpdir("gz");
        let d = dir.path().to_path_buf();
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(&vec![b'a'; 10_000]).unwrap();
        std::fs::write(d.join("page"), gz.finish().unwrap()).unwrap();
        assert_eq!(read(&d.join("page"), 20_000).unwrap().bytes.len(), 10_000);
        assert!(matches!(
            read(&d.join("page"), 5_000),
            Err(SourceError::TooLarge { .. })
        ));
    }
}
