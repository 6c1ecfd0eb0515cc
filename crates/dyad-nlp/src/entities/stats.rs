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

/// The word statistics, indexed by lower-cased word.
#[derive(Debug, Default)]
pub struct WordStats {
    words: WordMap<String, WordCounts>,
}

impl WordStats {
    /// The statistics shipped in `data/model`, loaded once.
    pub fn shipped() -> &'static WordStats {
        static STATS: OnceLock<WordStats> = OnceLock::new();
        STATS.get_or_init(|| WordStats::parse(NAME_LEXICON))
    }

    /// Reads `word<TAB>lower<TAB>O<TAB>per<TAB>org<TAB>geo<TAB>gpe` lines.
    pub fn parse(src: &str) -> WordStats {
        let mut words = WordMap::default();
        words.reserve(src.len() / 24);
        'lines: for line in src.lines().filter(|l| !l.starts_with('#')) {
            let mut fields = line.split('\t');
            let mut f = [""; 7];
            for field in &mut f {
                let Some(v) = fields.next() else {
                    continue 'lines;
                };
                *field = v;
            }
            let n = |i: usize| f[i].parse::<u32>().unwrap_or(0);
            words.insert(
                f[0].to_string(),
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
}
