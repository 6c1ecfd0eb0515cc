//! Ordinary English words (`data/model/english_words.txt`, the lower-case words of a SCOWL
//! list, built by `tools/build_english_words.py`): a run of capitalised words made only of
//! them ("Civic Passion", "People Power") is a name made of common words, most often a
//! group's or an organisation's, rarely a person's.

use std::sync::OnceLock;

use super::word_index::{list_words, WordIndex};
use crate::fasthash::WordSet;

const ENGLISH_WORDS: &str = include_str!("../../../../data/model/english_words.txt");

/// The index of the list `build.rs` writes ([`super::word_index`]).
static ENGLISH_INDEX: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/english-words.bin"));

/// The shipped list: through its index, or read into a set when the index does not read
/// (only a build that wrote it wrongly gets there).
enum Words {
    Index(WordIndex),
    Set(WordSet<&'static str>),
}

fn words() -> &'static Words {
    static WORDS: OnceLock<Words> = OnceLock::new();
    WORDS.get_or_init(|| {
        WordIndex::read(ENGLISH_WORDS, ENGLISH_INDEX).map_or_else(
            || Words::Set(list_words(ENGLISH_WORDS).collect()),
            Words::Index,
        )
    })
}

/// Whether the lower-cased `key` is an ordinary English word.
pub fn is_word(key: &str) -> bool {
    match words() {
        Words::Index(index) => index.contains(key),
        Words::Set(set) => set.contains(key),
    }
}

#[cfg(test)]
mod tests {
    use super::{list_words, WordIndex, ENGLISH_INDEX, ENGLISH_WORDS};

    #[test]
    fn ordinary_words_and_names_differ() {
        assert!(super::is_word("passion"));
        assert!(super::is_word("civic"));
        assert!(!super::is_word("tiziano"));
        assert!(!super::is_word("lugli"));
        assert!(!super::is_word("Passion"));
    }

    #[test]
    fn the_shipped_index_reads_and_holds_every_word_of_the_list() {
        let index = WordIndex::read(ENGLISH_WORDS, ENGLISH_INDEX).expect("the built index");
        assert!(list_words(ENGLISH_WORDS).all(|w| index.contains(w)));
        assert!(!index.contains("tiziano") && !index.contains(""));
    }
}
