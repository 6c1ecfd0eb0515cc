//! A small lexer for the number-reading layers (amounts, dates). Unlike the general token
//! layer it keeps together what those layers read as one unit: numbers with thousands
//! separators and decimals (`1,000.5`), numbers with glued suffixes (`3.2bn`, `98th`), words
//! with inner apostrophes (`Israel’s`) and hyphenated words (`high-tech`).

use crate::chars::{is_letter, is_letter_or_digit};
use aho_corasick::AhoCorasick;
use dyad_doc::Span;

/// What a lexed item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Starts with a letter.
    Alpha,
    /// Starts with an ASCII digit.
    Num,
    /// One character that is neither a letter, a digit nor white space.
    Punct,
}

/// One lexed item: byte span into the text and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Item {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
}

impl Item {
    /// The item's text.
    pub fn of<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

/// Lexes `text[start..end]` (byte offsets on char boundaries; clamped otherwise).
pub(crate) fn lex(text: &str, start: usize, end: usize) -> Vec<Item> {
    let end = end.min(text.len());
    let Some(s) = text.get(start..end) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(c) = s[i..].chars().next() {
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        if !is_letter_or_digit(c) {
            out.push(Item {
                start: start + i,
                end: start + i + c.len_utf8(),
                kind: Kind::Punct,
            });
            i += c.len_utf8();
            continue;
        }
        let numeric = c.is_ascii_digit();
        let mut j = i + c.len_utf8();
        let mut seen_decimal = false;
        loop {
            // ASCII letters and digits, most of a word, without decoding.
            if bytes.get(j).is_some_and(u8::is_ascii_alphanumeric) {
                j += 1;
                continue;
            }
            let rest = &s[j..];
            let mut chars = rest.chars();
            let Some(n) = chars.next() else { break };
            let after = chars.next();
            if is_letter_or_digit(n) {
                j += n.len_utf8();
                continue;
            }
            let prev_digit = s[..j].ends_with(|p: char| p.is_ascii_digit());
            if numeric && prev_digit && n == '.' && !seen_decimal {
                if after.is_some_and(|a| a.is_ascii_digit()) {
                    seen_decimal = true;
                    j += 1;
                    continue;
                }
                break;
            }
            if numeric && prev_digit && n == ',' && !seen_decimal {
                let group = rest.as_bytes().get(1..4);
                let next = rest.as_bytes().get(4);
                if group.is_some_and(|g| g.iter().all(u8::is_ascii_digit))
                    && !next.is_some_and(u8::is_ascii_digit)
                {
                    j += 4;
                    continue;
                }
                break;
            }
            if !numeric
                && ((is_apostrophe(n) && after.is_some_and(is_letter))
                    || (n == '-' && after.is_some_and(is_letter_or_digit)))
            {
                j += n.len_utf8();
                continue;
            }
            break;
        }
        out.push(Item {
            start: start + i,
            end: start + j,
            kind: if numeric { Kind::Num } else { Kind::Alpha },
        });
        i = j;
    }
    out
}

/// The items of each sentence of a text, lexed when first asked for and kept: the amounts and
/// the dates read mostly the same sentences (those with digits).
pub(crate) struct SentenceItems<'t> {
    pub text: &'t str,
    pub sentences: &'t [Span],
    items: Vec<Option<Vec<Item>>>,
}

impl<'t> SentenceItems<'t> {
    pub fn new(text: &'t str, sentences: &'t [Span]) -> Self {
        SentenceItems {
            text,
            sentences,
            items: vec![None; sentences.len()],
        }
    }

    /// The items of sentence `k` ([`lex`]).
    pub fn get(&mut self, k: usize) -> &[Item] {
        let (text, s) = (self.text, self.sentences[k]);
        self.items[k].get_or_insert_with(|| lex(text, s.start, s.end))
    }
}

/// Whether `s` holds any of the words of `finder` (ASCII case-insensitive substring search;
/// a cheap test before lexing a sentence).
pub(crate) fn mentions_any(finder: &Option<AhoCorasick>, s: &str) -> bool {
    finder.as_ref().is_none_or(|f| f.is_match(s))
}

/// A case-insensitive finder of `words`; `None` if it cannot be built (then every sentence
/// is read).
pub(crate) fn finder(words: &[&str]) -> Option<AhoCorasick> {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(words)
        .ok()
}

/// Whether `s` holds an ASCII digit.
pub(crate) fn has_digit(s: &str) -> bool {
    s.bytes().any(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        lex(s, 0, s.len()).iter().map(|i| i.of(s)).collect()
    }

    #[test]
    fn numbers_keep_separators_and_decimals() {
        assert_eq!(texts("3,000 troops"), vec!["3,000", "troops"]);
        assert_eq!(texts("$1,234.5bn."), vec!["$", "1,234.5bn", "."]);
        assert_eq!(texts("in 1991, Israel"), vec!["in", "1991", ",", "Israel"]);
        assert_eq!(texts("12,5"), vec!["12", ",", "5"]);
        assert_eq!(texts("was 40."), vec!["was", "40", "."]);
    }

    #[test]
    fn words_keep_apostrophes_and_hyphens() {
        assert_eq!(texts("Israel’s high-tech"), vec!["Israel’s", "high-tech"]);
        assert_eq!(texts("F-16 'x'"), vec!["F-16", "'", "x", "'"]);
        assert_eq!(texts("5-billion"), vec!["5", "-", "billion"]);
    }

    #[test]
    fn ranges_are_clamped() {
        assert!(lex("abc", 2, 99).len() == 1);
        assert!(lex("é", 1, 2).is_empty());
    }
}
