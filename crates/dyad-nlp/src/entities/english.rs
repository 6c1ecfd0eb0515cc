//! Ordinary English words (`data/model/english_words.txt`, the lower-case words of a SCOWL
//! list, built by `tools/build_english_words.py`): a run of capitalised words made only of
//! them ("Civic Passion", "People Power") is a name made of common words, most often a
//! group's or an organisation's, rarely a person's.

use std::sync::OnceLock;

use crate::fasthash::WordSet;

const ENGLISH_WORDS: &str = include_str!("../../../../data/model/english_words.txt");

/// The shipped word list, read once.
fn words() -> &'static WordSet<&'static str> {
    static WORDS: OnceLock<WordSet<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| {
        ENGLISH_WORDS
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .collect()
    })
}

/// Whether the lower-cased `key` is an ordinary English word.
pub fn is_word(key: &str) -> bool {
    words().contains(key)
}

#[cfg(test)]
mod tests {
    #[test]
    fn ordinary_words_and_names_differ() {
        assert!(super::is_word("passion"));
        assert!(super::is_word("civic"));
        assert!(!super::is_word("tiziano"));
        assert!(!super::is_word("lugli"));
        assert!(!super::is_word("Passion"));
    }
}
