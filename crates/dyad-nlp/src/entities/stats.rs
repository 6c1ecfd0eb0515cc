//! Word statistics learnt from tagged news text (`data/model/name_lexicon.tsv`, built by
//! `tools/train_name_lexicon.py`): how often a word is written in lower case, and how often,
//! capitalised, it is part of no name or of a person's, organisation's or place's name.

use std::sync::OnceLock;

use crate::fasthash::WordMap;

const NAME_LEXICON: &str = include_str!("../../../../data/model/name_lexicon.tsv");

/// Counts for one word.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WordCounts {
    /// Written in lower case.
    pub lower: u32,
    /// Capitalised, outside any name.
    pub cap_plain: u32,
    pub person: u32,
    pub organization: u32,
    /// Geographic names.
    pub place: u32,
    /// Geopolitical words: nationalities and names of states.
    pub nationality: u32,
}

impl WordCounts {
    /// Capitalised occurrences inside a name.
    pub fn in_names(&self) -> u32 {
        self.person + self.organization + self.place + self.nationality
    }
    /// Whether the word is mostly an ordinary word: written in lower case (or capitalised
    /// outside names) far more often than inside names.
    pub fn is_common(&self) -> bool {
        self.lower + self.cap_plain > 3 * self.in_names() + 2
    }
}

/// The word statistics, indexed by lower-cased word. Keys borrow the text they were read from,
/// so loading the shipped table allocates nothing per word.
#[derive(Debug, Default)]
pub struct WordStats {
    words: WordMap<&'static str, WordCounts>,
}

impl WordStats {
    /// The statistics shipped in `data/model`, loaded once.
    pub fn shipped() -> &'static WordStats {
        static STATS: OnceLock<WordStats> = OnceLock::new();
        STATS.get_or_init(|| WordStats::parse(NAME_LEXICON))
    }

    /// Reads `word<TAB>lower<TAB>O<TAB>per<TAB>org<TAB>geo<TAB>gpe` lines; lines starting
    /// with `#` or with fewer fields are skipped, a count that is not a number reads as 0.
    pub fn parse(src: &'static str) -> WordStats {
        let mut words = WordMap::default();
        // About 30 bytes a line in the shipped table.
        words.reserve(src.len() / 30);
        for line in src.lines().filter(|l| !l.starts_with('#')) {
            // The first seven tab-separated fields, read in one pass over the bytes.
            let mut f = [""; 7];
            let mut found = 0;
            let mut start = 0;
            for (i, &b) in line.as_bytes().iter().enumerate() {
                if found == f.len() {
                    break;
                }
                if b == b'\t' {
                    // A tab is ASCII, so `start` and `i` are character boundaries.
                    f[found] = &line[start..i];
                    found += 1;
                    start = i + 1;
                }
            }
            if found < f.len() {
                f[found] = &line[start..];
                found += 1;
            }
            if found < f.len() {
                continue;
            }
            let n = |i: usize| count(f[i]);
            words.insert(
                f[0],
                WordCounts {
                    lower: n(1),
                    cap_plain: n(2),
                    person: n(3),
                    organization: n(4),
                    place: n(5),
                    nationality: n(6),
                },
            );
        }
        WordStats { words }
    }

    /// Counts for a lower-cased word (zero when unseen).
    pub fn get(&self, key: &str) -> WordCounts {
        self.words.get(key).copied().unwrap_or_default()
    }
}

/// A count field: `str::parse` with 0 for anything that is not a `u32`, without its general
/// machinery for the plain digits the table holds.
fn count(field: &str) -> u32 {
    let b = field.as_bytes();
    if (1..=9).contains(&b.len()) && b.iter().all(u8::is_ascii_digit) {
        b.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0'))
    } else {
        field.parse().unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_words_and_names_differ() {
        let s = WordStats::parse("said\t3821\t0\t4\t0\t0\t0\nhamas\t0\t1\t0\t255\t0\t0\n");
        assert!(s.get("said").is_common());
        assert!(!s.get("hamas").is_common());
        assert_eq!(s.get("nothing"), WordCounts::default());
        assert!(WordStats::shipped().get("the").is_common());
    }

    #[test]
    fn fields_past_the_seventh_are_ignored_and_short_lines_skipped() {
        let s =
            WordStats::parse("w\t1\t2\t3\t4\t5\t6\textra\t9\nshort\t1\t2\n# c\t1\t1\t1\t1\t1\t1\n");
        let w = s.get("w");
        assert_eq!((w.lower, w.nationality), (1, 6));
        assert_eq!(s.get("short"), WordCounts::default());
        assert_eq!(s.get("# c"), WordCounts::default());
    }

    #[test]
    fn counts_read_as_str_parse_does() {
        for f in [
            "0",
            "7",
            "3821",
            "999999999",
            "4294967295",
            "4294967296",
            "+5",
            "-1",
            "",
            "x1",
            " 3",
        ] {
            assert_eq!(count(f), f.parse().unwrap_or(0), "{f:?}");
        }
    }
}
