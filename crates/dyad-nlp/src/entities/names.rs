//! Given names and surnames of the 1990 US Census name lists (`data/model/census_names.tsv`,
//! built by `tools/build_census_names.py`): evidence that an unknown name is a person's.

use super::packed::read_word;

/// The shipped lists (the text `build.rs` packs an index of).
pub(crate) const CENSUS_NAMES: &str = include_str!("../../../../data/model/census_names.tsv");

/// How a word is used in persons' names.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NameUse {
    /// A given name ("Kathryn").
    pub given: bool,
    /// A surname ("Mauer").
    pub surname: bool,
}

/// The name lists, indexed by lower-cased word. The lines stay in the text they were read
/// from; a sorted index of where each name stands is searched. For the shipped lists
/// `build.rs` writes that index, so a process reads it in place instead of building it.
#[derive(Debug)]
pub struct PersonNames {
    text: &'static str,
    entries: Entries,
}

/// Each name's byte range in the text and its use, sorted by name, one entry a name.
#[derive(Debug)]
enum Entries {
    Listed(Vec<Entry>),
    /// [`PACKED_ENTRY`] bytes an entry, as [`PersonNames::pack`] writes them.
    Packed(&'static [u8]),
}

#[derive(Debug, Clone, Copy)]
struct Entry {
    start: u32,
    end: u32,
    use_: NameUse,
}

/// Bytes of a packed entry: the name's start and end, little-endian `u32`s, the end's top
/// bits holding its use ([`GIVEN`], [`SURNAME`]).
const PACKED_ENTRY: usize = 8;
const GIVEN: u32 = 1 << 31;
const SURNAME: u32 = 1 << 30;

impl Default for PersonNames {
    fn default() -> Self {
        PersonNames {
            text: "",
            entries: Entries::Listed(Vec::new()),
        }
    }
}

impl PersonNames {
    /// Reads `name<TAB>kinds` lines, kinds holding `g` (given name) and/or `s` (surname).
    /// Lines starting with `#` and lines without a tab are skipped; of a name listed twice,
    /// the later line counts. Texts of 1 GB and more are not indexed.
    pub fn parse(src: &'static str) -> PersonNames {
        let bytes = src.as_bytes();
        if u32::try_from(bytes.len()).map_or(true, |n| n >= SURNAME) {
            return PersonNames::default();
        }
        let mut entries = Vec::with_capacity(bytes.len() / 10);
        let mut at = 0;
        while at < bytes.len() {
            let line_end = bytes[at..]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(bytes.len(), |i| at + i);
            let line = &bytes[at..line_end];
            if line.first() != Some(&b'#') {
                if let Some(tab) = line.iter().position(|&b| b == b'\t') {
                    let kinds = &line[tab + 1..];
                    // Both fit: the text is shorter than `SURNAME` bytes.
                    entries.push(Entry {
                        start: at as u32,
                        end: (at + tab) as u32,
                        use_: NameUse {
                            given: kinds.contains(&b'g'),
                            surname: kinds.contains(&b's'),
                        },
                    });
                }
            }
            at = line_end + 1;
        }
        PersonNames {
            text: src,
            entries: Entries::Listed(index(src, entries)),
        }
    }

    /// The index in the form [`PersonNames::packed`] reads (`build.rs` and the tests write it).
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) fn pack(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.len() * PACKED_ENTRY);
        for i in 0..self.len() {
            let e = self.entry(i);
            let flags =
                if e.use_.given { GIVEN } else { 0 } | if e.use_.surname { SURNAME } else { 0 };
            out.extend_from_slice(&e.start.to_le_bytes());
            out.extend_from_slice(&(e.end | flags).to_le_bytes());
        }
        out
    }

    /// Lists over `text` with an index [`PersonNames::pack`] wrote for it; `None` when the
    /// index is not whole entries. (A range outside the text reads as an empty name.)
    pub(crate) fn packed(text: &'static str, index: &'static [u8]) -> Option<PersonNames> {
        index
            .len()
            .is_multiple_of(PACKED_ENTRY)
            .then_some(PersonNames {
                text,
                entries: Entries::Packed(index),
            })
    }

    fn len(&self) -> usize {
        match &self.entries {
            Entries::Listed(v) => v.len(),
            Entries::Packed(b) => b.len() / PACKED_ENTRY,
        }
    }

    fn entry(&self, i: usize) -> Entry {
        match &self.entries {
            Entries::Listed(v) => v[i],
            Entries::Packed(b) => {
                let word = |at: usize| read_word(b, at / 4).unwrap_or(0);
                let (start, end) = (word(i * PACKED_ENTRY), word(i * PACKED_ENTRY + 4));
                Entry {
                    start,
                    end: end & !(GIVEN | SURNAME),
                    use_: NameUse {
                        given: end & GIVEN != 0,
                        surname: end & SURNAME != 0,
                    },
                }
            }
        }
    }

    fn name(&self, e: Entry) -> &str {
        self.text
            .get(e.start as usize..e.end as usize)
            .unwrap_or("")
    }

    /// How a lower-cased word is used in names (neither when unlisted).
    pub fn get(&self, key: &str) -> NameUse {
        let (mut lo, mut hi) = (0, self.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            let e = self.entry(mid);
            match self.name(e).cmp(key) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return e.use_,
            }
        }
        NameUse::default()
    }
}

/// Sorts entries by name unless they already are, keeping the last of equal names.
fn index(text: &str, mut entries: Vec<Entry>) -> Vec<Entry> {
    let name = |e: &Entry| &text.as_bytes()[e.start as usize..e.end as usize];
    if entries.windows(2).all(|w| name(&w[0]) < name(&w[1])) {
        return entries;
    }
    // Stable: equal names keep their order, and the last one is kept below.
    entries.sort_by(|a, b| name(a).cmp(name(b)));
    let mut kept: Vec<Entry> = Vec::with_capacity(entries.len());
    for e in entries {
        match kept.last_mut() {
            Some(last) if name(last) == name(&e) => *last = e,
            _ => kept.push(e),
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_given_names_and_surnames() {
        let n = PersonNames::parse("# c\nkathryn\tg\nmark\tgs\nmauer\ts\n");
        assert!(n.get("kathryn").given && !n.get("kathryn").surname);
        assert!(n.get("mark").given && n.get("mark").surname);
        assert_eq!(n.get("zeus"), NameUse::default());
        assert!(PersonNames::shipped().get("mary").given);
    }

    #[test]
    fn unsorted_lists_and_repeated_names() {
        let n = PersonNames::parse("zoe\tg\r\nabel\tg\nno tab here\nabel\ts\n\nbeth\tg");
        assert!(n.get("zoe").given);
        assert!(n.get("abel").surname && !n.get("abel").given);
        assert!(n.get("beth").given);
        assert_eq!(n.get("no tab here"), NameUse::default());
        assert_eq!(n.get(""), NameUse::default());
    }
}
