//! Word statistics learnt from tagged news text (`data/model/name_lexicon.tsv`, built by
//! `tools/train_name_lexicon.py`): how often a word is written in lower case, and how often,
//! capitalised, it is part of no name or of a person's, organisation's or place's name.

use std::ops::Range;

use super::packed::{free_slot, probe, read_word, slot_and_tag, slot_bits};
use crate::fasthash::WordMap;

/// The shipped table (the text `build.rs` packs an index of).
pub(crate) const NAME_LEXICON: &str = include_str!("../../../../data/model/name_lexicon.tsv");

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

/// The word statistics, indexed by lower-cased word. Keys borrow the text they were read from.
/// For the shipped table `build.rs` writes a hash index ([`WordStats::pack`]), so a process
/// reads it in place instead of building it.
#[derive(Debug)]
pub struct WordStats {
    table: Table,
}

#[derive(Debug)]
enum Table {
    Map(WordMap<&'static str, WordCounts>),
    /// A packed index over `text`: a header of [`HEADER`] words (the slot bits and the entry
    /// count), a power-of-two number of slots (0 for empty, else the entry number plus one,
    /// placed by the key's hash with linear probing), then the entries, [`ENTRY`] words each:
    /// the key's start and length in `text`, then the six counts. Words are little-endian
    /// `u32`s.
    Packed {
        text: &'static str,
        area: &'static [u8],
        bits: u32,
        entries: usize,
    },
}

const HEADER: usize = 2;
const ENTRY: usize = 8;

impl Default for WordStats {
    fn default() -> Self {
        WordStats {
            table: Table::Map(WordMap::default()),
        }
    }
}

impl WordStats {
    /// Reads `word<TAB>lower<TAB>O<TAB>per<TAB>org<TAB>geo<TAB>gpe` lines; lines starting
    /// with `#` or with fewer fields are skipped, a count that is not a number reads as 0,
    /// and of a word listed twice the later line counts.
    pub fn parse(src: &'static str) -> WordStats {
        let mut words = WordMap::default();
        // About 30 bytes a line in the shipped table.
        words.reserve(src.len() / 30);
        for (key, counts) in rows(src) {
            words.insert(&src[key], counts);
        }
        WordStats {
            table: Table::Map(words),
        }
    }

    /// The index [`WordStats::packed`] reads over `src`, for the words [`WordStats::parse`]
    /// reads from it (`build.rs` and the tests write it).
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) fn pack(src: &str) -> Vec<u8> {
        // The last line of a word counts; entries keep the order of their lines.
        let mut last: WordMap<&str, usize> = WordMap::default();
        let rows: Vec<(Range<usize>, WordCounts)> = rows(src).collect();
        for (i, (key, _)) in rows.iter().enumerate() {
            last.insert(&src[key.clone()], i);
        }
        let kept: Vec<&(Range<usize>, WordCounts)> = rows
            .iter()
            .enumerate()
            .filter(|(i, (key, _))| last.get(&src[key.clone()]) == Some(i))
            .map(|(_, r)| r)
            .collect();
        let bits = slot_bits(kept.len());
        let mut slots = vec![0u32; 1 << bits];
        for (n, (key, _)) in kept.iter().enumerate() {
            let at = free_slot(&src[key.clone()], bits, |s| slots[s] != 0);
            slots[at] = n as u32 + 1;
        }
        let mut words = vec![bits, kept.len() as u32];
        words.extend(slots);
        for (key, counts) in kept {
            words.extend([key.start as u32, key.len() as u32]);
            words.extend([
                counts.lower,
                counts.cap_plain,
                counts.person,
                counts.organization,
                counts.place,
                counts.nationality,
            ]);
        }
        words.iter().flat_map(|w| w.to_le_bytes()).collect()
    }

    /// The statistics of `text` through an index [`WordStats::pack`] wrote for it; `None` when
    /// the index is not of that shape. (A key range outside the text matches no word.)
    pub(crate) fn packed(text: &'static str, area: &'static [u8]) -> Option<WordStats> {
        let bits = read_word(area, 0)?;
        let entries = read_word(area, 1)? as usize;
        if !(1..32).contains(&bits) {
            return None;
        }
        let words = HEADER + (1usize << bits) + entries.checked_mul(ENTRY)?;
        (area.len() == words * 4).then_some(WordStats {
            table: Table::Packed {
                text,
                area,
                bits,
                entries,
            },
        })
    }

    /// Counts for a lower-cased word (zero when unseen).
    pub fn get(&self, key: &str) -> WordCounts {
        match &self.table {
            Table::Map(words) => words.get(key).copied().unwrap_or_default(),
            Table::Packed {
                text,
                area,
                bits,
                entries,
            } => {
                let slots = 1usize << bits;
                // Every slot at most once: a table without an empty slot still ends.
                for at in probe(slot_and_tag(key, *bits).0, *bits) {
                    let n = read_word(area, HEADER + at).unwrap_or(0) as usize;
                    if n == 0 || n > *entries {
                        break;
                    }
                    let e = HEADER + slots + (n - 1) * ENTRY;
                    let w = |i: usize| read_word(area, e + i).unwrap_or(0);
                    let (start, len) = (w(0) as usize, w(1) as usize);
                    if text.get(start..start + len) == Some(key) {
                        return WordCounts {
                            lower: w(2),
                            cap_plain: w(3),
                            person: w(4),
                            organization: w(5),
                            place: w(6),
                            nationality: w(7),
                        };
                    }
                }
                WordCounts::default()
            }
        }
    }
}

/// The words of a table and their counts, in line order: each word as its byte range in `src`.
fn rows(src: &str) -> impl Iterator<Item = (Range<usize>, WordCounts)> + '_ {
    let mut next = 0;
    src.split_inclusive('\n').filter_map(move |raw| {
        let at = next;
        next += raw.len();
        // As `str::lines` gives it.
        let line = raw
            .strip_suffix('\n')
            .map_or(raw, |l| l.strip_suffix('\r').unwrap_or(l));
        if line.starts_with('#') {
            return None;
        }
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
            return None;
        }
        let n = |i: usize| count(f[i]);
        Some((
            at..at + f[0].len(),
            WordCounts {
                lower: n(1),
                cap_plain: n(2),
                person: n(3),
                organization: n(4),
                place: n(5),
                nationality: n(6),
            },
        ))
    })
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

    /// The packed shipped index answers as the table read from the text, for every word.
    #[test]
    fn packed_statistics_answer_as_the_text_does() {
        let text = WordStats::parse(NAME_LEXICON);
        let shipped = WordStats::shipped();
        assert!(
            matches!(shipped.table, Table::Packed { .. }),
            "the packed index reads"
        );
        for (key, _) in rows(NAME_LEXICON) {
            let key = &NAME_LEXICON[key];
            assert_eq!(shipped.get(key), text.get(key), "{key}");
        }
        for absent in ["", "zzzzqx", "the ", "# word"] {
            assert_eq!(shipped.get(absent), text.get(absent), "{absent:?}");
        }
    }

    #[test]
    fn packing_keeps_the_last_line_of_a_word() {
        let src = "a\t1\t0\t0\t0\t0\t0\r\nb\t2\t0\t0\t0\t0\t0\na\t3\t0\t0\t0\t0\t0";
        let area: &'static [u8] = Box::leak(WordStats::pack(src).into_boxed_slice());
        let packed = WordStats::packed(src, area).expect("a packed index");
        let parsed = WordStats::parse(src);
        for w in ["a", "b", "c"] {
            assert_eq!(packed.get(w), parsed.get(w), "{w}");
        }
        assert_eq!(packed.get("a").lower, 3);
        assert!(WordStats::packed(src, &area[..area.len() - 4]).is_none());
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
