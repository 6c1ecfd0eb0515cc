//! Bytes → text. Order of evidence: a byte-order mark; valid UTF-8 (a stale charset
//! declaration on a page re-saved as UTF-8 is common, and non-ASCII Latin-1 text is almost
//! never valid UTF-8 by accident); a charset declared in the HTML or XML head; Windows-1252,
//! the WHATWG superset of ISO-8859-1.

use std::borrow::Cow;

use encoding_rs::{Encoding, WINDOWS_1252};

use crate::ExtractError;

/// How many leading bytes are searched for a charset declaration.
const DECLARATION_WINDOW: usize = 4096;
/// How many leading bytes are checked for signs of binary content.
const BINARY_WINDOW: usize = 8192;

/// Decodes page bytes into text, with a clear error for empty or binary input. Text that needs
/// no conversion (UTF-8, or ASCII in a single-byte encoding) is borrowed, not copied.
pub fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, ExtractError> {
    decode_with(bytes, None)
}

/// Decodes page bytes, taking a charset declared outside the page (an HTTP header) before
/// the one the page declares.
pub fn decode_with<'a>(
    bytes: &'a [u8],
    outer_charset: Option<&str>,
) -> Result<Cow<'a, str>, ExtractError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ExtractError::Empty);
    }
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return check_text(text);
    }
    if let Some(kind) = binary_signature(bytes) {
        return Err(ExtractError::Binary(kind));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return check_text(Cow::Borrowed(text));
    }
    let enc = outer_charset
        .and_then(|c| Encoding::for_label(c.trim().as_bytes()))
        .map(Encoding::output_encoding)
        .or_else(|| declared_charset(bytes))
        .unwrap_or(WINDOWS_1252);
    let (text, _, _) = enc.decode(bytes);
    check_text(text)
}

fn check_text(text: Cow<'_, str>) -> Result<Cow<'_, str>, ExtractError> {
    if text.trim().is_empty() {
        return Err(ExtractError::Empty);
    }
    let (chars, control) = control_characters(&text);
    if control * 10 > chars {
        return Err(ExtractError::Binary("many control characters"));
    }
    Ok(text)
}

/// Counts the first [`BINARY_WINDOW`] characters of `text` and the control characters among
/// them (C0 but line breaks, tabs and form feeds; DEL; C1), reading bytes: every control
/// character is one byte in UTF-8, or `C2 80`–`C2 9F` for C1.
fn control_characters(text: &str) -> (usize, usize) {
    let bytes = text.as_bytes();
    let (mut chars, mut control) = (0usize, 0usize);
    for (i, &b) in bytes.iter().enumerate() {
        if b & 0xC0 == 0x80 {
            continue;
        }
        if chars == BINARY_WINDOW {
            break;
        }
        chars += 1;
        let is_control = match b {
            b'\n' | b'\r' | b'\t' | 0x0C => false,
            0x00..=0x1F | 0x7F => true,
            0xC2 => bytes.get(i + 1).is_some_and(|n| (0x80..=0x9F).contains(n)),
            _ => false,
        };
        control += usize::from(is_control);
    }
    (chars, control)
}

/// Names well-known binary formats by their magic bytes, or NUL bytes in the head.
fn binary_signature(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"%PDF", "PDF"),
        (b"\x89PNG", "PNG image"),
        (b"GIF8", "GIF image"),
        (b"\xff\xd8\xff", "JPEG image"),
        (b"PK\x03\x04", "ZIP archive"),
        (b"\x1f\x8b", "gzip data"),
        (b"\x7fELF", "executable"),
        (b"RIFF", "RIFF media"),
        (b"SQLite format 3", "SQLite database"),
    ];
    for (magic, name) in MAGIC {
        if bytes.starts_with(magic) {
            return Some(name);
        }
    }
    let head = &bytes[..bytes.len().min(BINARY_WINDOW)];
    head.contains(&0).then_some("NUL bytes")
}

/// Finds `<meta charset=…>`, `<meta http-equiv… content="…; charset=…">` or
/// `<?xml … encoding="…"?>` in the head of the page.
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(DECLARATION_WINDOW)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    for key in [&b"charset"[..], &b"encoding"[..]] {
        let mut from = 0;
        while let Some(pos) = find(&lower[from..], key) {
            let mut i = from + pos + key.len();
            while i < lower.len() && matches!(lower[i], b' ' | b'=' | b'"' | b'\'') {
                i += 1;
            }
            let start = i;
            while i < lower.len()
                && (lower[i].is_ascii_alphanumeric()
                    || matches!(lower[i], b'-' | b'_' | b':' | b'.'))
            {
                i += 1;
            }
            if let Some(enc) = Encoding::for_label(&lower[start..i]) {
                // A declared UTF-16 on a page read as bytes means UTF-8, as browsers do.
                return Some(enc.output_encoding());
            }
            from = i.max(from + pos + 1);
        }
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("Baku’s".as_bytes()).unwrap(), "Baku’s");
        assert_eq!(decode(b"\xef\xbb\xbfBaku").unwrap(), "Baku");
    }

    #[test]
    fn utf16_with_bom() {
        let mut le = vec![0xff, 0xfe];
        for u in "Tel Aviv".encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&le).unwrap(), "Tel Aviv");
        let mut be = vec![0xfe, 0xff];
        for u in "Gaza".encode_utf16() {
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(decode(&be).unwrap(), "Gaza");
    }

    #[test]
    fn windows_1252_fallback() {
        assert_eq!(decode(b"caf\xe9 \x93quoted\x94").unwrap(), "café “quoted”");
    }

    #[test]
    fn declared_charset_is_used_when_not_utf8() {
        let page = b"<html><head><meta charset=\"koi8-r\"></head><body>\xf0\xd2\xc9\xd7\xc5\xd4</body></html>";
        assert!(decode(page).unwrap().contains("Привет"));
        let page = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"><p>na\xefve</p>";
        assert!(decode(page).unwrap().contains("naïve"));
    }

    #[test]
    fn outer_charset_comes_before_the_page_declaration() {
        let page = b"<meta charset=\"iso-8859-1\"><p>\xf0\xd2\xc9\xd7\xc5\xd4</p>";
        assert!(decode_with(page, Some("KOI8-R"))
            .unwrap()
            .contains("Привет"));
        assert!(decode_with(page, Some("no-such-charset"))
            .unwrap()
            .contains("ðÒÉ×ÅÔ"));
    }

    #[test]
    fn stale_declaration_loses_to_valid_utf8() {
        let page = "<meta charset=\"iso-8859-1\"><p>Azərbaycan</p>";
        assert!(decode(page.as_bytes()).unwrap().contains("Azərbaycan"));
    }

    #[test]
    fn control_characters_are_counted_as_chars_are() {
        let old = |t: &str| {
            let (mut chars, mut control) = (0usize, 0usize);
            for c in t.chars().take(BINARY_WINDOW) {
                chars += 1;
                control +=
                    usize::from(c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'));
            }
            (chars, control)
        };
        let samples = [
            String::from("plain\ttext\r\n\u{c}"),
            String::from("\u{0}\u{1f}\u{7f}\u{80}\u{9f}\u{a0}\u{85}é€😀\u{2028}"),
            "aé\u{90}\u{1}".repeat(5000),
        ];
        for t in &samples {
            assert_eq!(super::control_characters(t), old(t), "{t:?}");
        }
    }

    #[test]
    fn empty_and_binary_are_errors() {
        assert_eq!(decode(b""), Err(ExtractError::Empty));
        assert_eq!(decode(b"  \n\t "), Err(ExtractError::Empty));
        assert!(matches!(
            decode(b"%PDF-1.4 ..."),
            Err(ExtractError::Binary(_))
        ));
        assert!(matches!(decode(b"abc\0def"), Err(ExtractError::Binary(_))));
        assert!(matches!(
            decode(&[1u8, 2, 3, 4, 5, 6, 7, 8]),
            Err(ExtractError::Binary(_))
        ));
    }
}
