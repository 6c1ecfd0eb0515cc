//! Lower-cased words that borrow the text where it is already in lower case, as most words
//! of running text are: the per-token views of a sentence then allocate only for the
//! capitalised words.

use std::borrow::Cow;
use std::fmt;
use std::ops::Deref;

/// A word in lower case, borrowed from the text or owned.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Lower<'a>(Cow<'a, str>);

impl<'a> Lower<'a> {
    /// `word` in lower case, each character lowered on its own
    /// ([`push_lower`](crate::entities::lexicon::push_lower)'s rule); borrowed when an ASCII
    /// word has no capital.
    pub fn chars_of(word: &'a str) -> Lower<'a> {
        Lower::lowered(word, |w| w.chars().flat_map(char::to_lowercase).collect())
    }

    /// `word` in lower case by [`str::to_lowercase`] (which lowers a final sigma as such);
    /// borrowed when an ASCII word has no capital.
    pub fn of(word: &'a str) -> Lower<'a> {
        Lower::lowered(word, str::to_lowercase)
    }

    /// `word` borrowed, lowered as ASCII, or lowered by `other` when it is not ASCII.
    fn lowered(word: &'a str, other: fn(&str) -> String) -> Lower<'a> {
        if is_plain_lower(word) {
            Lower(Cow::Borrowed(word))
        } else if word.is_ascii() {
            Lower(Cow::Owned(word.to_ascii_lowercase()))
        } else {
            Lower(Cow::Owned(other(word)))
        }
    }

    /// Whether `word` lowered by [`Lower::of`]'s rule is `lower`. An ASCII word is compared
    /// in place, without making its lowered copy.
    pub fn lowers_to(word: &str, lower: &str) -> bool {
        if word.is_ascii() {
            word.len() == lower.len()
                && word
                    .bytes()
                    .zip(lower.bytes())
                    .all(|(a, b)| a.to_ascii_lowercase() == b)
        } else {
            Lower::of(word).as_str() == lower
        }
    }

    /// A word known to be in lower case already.
    pub fn borrowed(word: &'a str) -> Lower<'a> {
        Lower(Cow::Borrowed(word))
    }

    /// The word as a string slice.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The word without its last `n` bytes (which must end on a character boundary), borrowed
    /// from the same text when this one is.
    pub fn cut_end(&self, n: usize) -> Lower<'a> {
        let keep = self.0.len().saturating_sub(n);
        match &self.0 {
            Cow::Borrowed(s) => Lower(Cow::Borrowed(s.get(..keep).unwrap_or(s))),
            Cow::Owned(s) => Lower(Cow::Owned(s.get(..keep).unwrap_or(s).to_string())),
        }
    }
}

/// A text with its ASCII capitals lowered, made once per text: the lower-case forms of its
/// ASCII words (nearly all words of English news) are then borrowed from it, capitalised ones
/// too, instead of each word being scanned, and a capitalised one copied, on its own.
#[derive(Debug, Clone)]
pub struct LoweredText(String);

impl LoweredText {
    /// `text` with ASCII capitals lowered (the same length, so spans carry over).
    pub fn new(text: &str) -> LoweredText {
        LoweredText(text.to_ascii_lowercase())
    }

    /// The word at `start..end` of the text this was made from (`word` is that slice) by
    /// [`Lower::chars_of`]'s rule.
    #[inline]
    pub fn chars_of<'a>(&'a self, word: &'a str, start: usize) -> Lower<'a> {
        self.ascii(word, start)
            .unwrap_or_else(|| Lower::chars_of(word))
    }

    /// The word at `start..end` of the text this was made from (`word` is that slice) by
    /// [`Lower::of`]'s rule.
    #[inline]
    pub fn of<'a>(&'a self, word: &'a str, start: usize) -> Lower<'a> {
        self.ascii(word, start).unwrap_or_else(|| Lower::of(word))
    }

    /// An ASCII word lowered, borrowed from the lowered text; `None` for other words (or a
    /// span that is not this text's).
    #[inline]
    fn ascii<'a>(&'a self, word: &str, start: usize) -> Option<Lower<'a>> {
        // One pass without early exit: words are short, and the loop vectorises.
        if word.bytes().fold(0u8, |acc, b| acc | b) >= 0x80 {
            return None;
        }
        let low = self.0.get(start..start.checked_add(word.len())?)?;
        Some(Lower(Cow::Borrowed(low)))
    }
}

/// Whether a word is ASCII without capitals, in one pass (most words are).
fn is_plain_lower(word: &str) -> bool {
    !word
        .bytes()
        .any(|b| b.is_ascii_uppercase() || !b.is_ascii())
}

impl Deref for Lower<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl From<String> for Lower<'_> {
    fn from(s: String) -> Self {
        Lower(Cow::Owned(s))
    }
}

impl PartialEq<str> for Lower<'_> {
    fn eq(&self, other: &str) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<&str> for Lower<'_> {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<String> for Lower<'_> {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl fmt::Debug for Lower<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl fmt::Display for Lower<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn borrows_only_words_already_lower() {
        assert!(matches!(Lower::of("troops").0, Cow::Borrowed("troops")));
        assert_eq!(Lower::of("Israeli"), "israeli");
        assert!(matches!(Lower::of("Israeli").0, Cow::Owned(_)));
        assert_eq!(Lower::of("ΟΔΟΣ"), "οδος");
        assert_eq!(Lower::chars_of("ΟΔΟΣ"), "οδοσ");
        assert_eq!(Lower::of("forces").cut_end(1), "force");
        assert!(matches!(Lower::of("forces").cut_end(1).0, Cow::Borrowed(_)));
    }

    #[test]
    fn lowers_to_answers_as_lowering_does() {
        for (word, lower) in [
            ("More", "more"),
            ("MORE", "more"),
            ("more", "more"),
            ("More", "mor"),
            ("More", "More"),
            ("ΟΔΟΣ", "οδος"),
            ("ΟΔΟΣ", "οδοσ"),
            ("\u{212a}m", "km"),
            ("", ""),
        ] {
            assert_eq!(
                Lower::lowers_to(word, lower),
                Lower::of(word) == lower,
                "{word} {lower}"
            );
        }
    }

    #[test]
    fn a_lowered_text_lowers_its_words_as_each_word_is_lowered() {
        let text = "Israel’s ΟΔΟΣ and NATO’s troops, İstanbul";
        let lowered = LoweredText::new(text);
        let mut at = 0;
        for word in text.split([' ', ',', '’']) {
            let start = text[at..].find(word).unwrap() + at;
            assert_eq!(
                lowered.chars_of(word, start),
                Lower::chars_of(word),
                "{word}"
            );
            assert_eq!(lowered.of(word, start), Lower::of(word), "{word}");
            assert!(matches!(lowered.of("Israel", 0).0, Cow::Borrowed("israel")));
            at = start + word.len();
        }
        // A span past the text falls back to lowering the word itself.
        assert_eq!(lowered.of("NATO", 999), "nato");
    }
}
