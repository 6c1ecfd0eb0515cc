//! Given names and surnames of the 1990 US Census name lists (`data/model/census_names.tsv`,
//! built by `tools/build_census_names.py`): evidence that an unknown name is a person's.

use super::packed::{free_slot, probe, read_word, slot_and_tag, slot_bits};

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
/// from; an index of where each name stands is searched. For the shipped lists `build.rs`
/// writes a hash index, so a process reads it in place instead of building it, and a look-up
/// costs a hash and a comparison or two instead of a binary search's many.
#[derive(Debug)]
pub struct PersonNames {
    text: &'static str,
    entries: Entries,
}

/// Where each name stands in the text.
#[derive(Debug)]
enum Entries {
    /// Each name's byte range in the text and its use, sorted by name, one entry a name.
    Listed(Vec<Entry>),
    /// A hash index as [`PersonNames::pack`] writes it: in little-endian `u32` words, the slot
    /// bits, then a power-of-two number of slots (at most half of them used) of two words
    /// each, the name's start in the text plus one (0 for an empty slot) and its length, whose
    /// top bits hold its use ([`GIVEN`], [`SURNAME`]), placed by the name's hash with linear
    /// probing ([`probe`]).
    Packed { area: &'static [u8], bits: u32 },
}

#[derive(Debug, Clone, Copy)]
struct Entry {
    start: u32,
    end: u32,
    use_: NameUse,
}

/// Flags of a packed slot's second word.
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

    /// The hash index [`PersonNames::packed`] reads (`build.rs` and the tests write it); an
    /// index read in place is returned as it is.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) fn pack(&self) -> Vec<u8> {
        let entries = match &self.entries {
            Entries::Listed(v) => v,
            Entries::Packed { area, .. } => return area.to_vec(),
        };
        let bits = slot_bits(entries.len());
        let mut slots = vec![[0u32; 2]; 1 << bits];
        // The names are distinct and sorted, so the index depends on the lists alone.
        for &e in entries {
            let at = free_slot(self.name(e), bits, |s| slots[s][0] != 0);
            let flags =
                if e.use_.given { GIVEN } else { 0 } | if e.use_.surname { SURNAME } else { 0 };
            slots[at] = [e.start + 1, (e.end - e.start) | flags];
        }
        std::iter::once(bits)
            .chain(slots.into_iter().flatten())
            .flat_map(u32::to_le_bytes)
            .collect()
    }

    /// Lists over `text` with an index [`PersonNames::pack`] wrote for it; `None` when the
    /// index is not of the layout's shape. (A range outside the text reads as no name.)
    pub(crate) fn packed(text: &'static str, area: &'static [u8]) -> Option<PersonNames> {
        let bits = read_word(area, 0)?;
        if !(1..32).contains(&bits) || area.len() != (1 + 2 * (1usize << bits)) * 4 {
            return None;
        }
        Some(PersonNames {
            text,
            entries: Entries::Packed { area, bits },
        })
    }

    fn name(&self, e: Entry) -> &str {
        self.text
            .get(e.start as usize..e.end as usize)
            .unwrap_or("")
    }

    /// How a lower-cased word is used in names (neither when unlisted).
    pub fn get(&self, key: &str) -> NameUse {
        match &self.entries {
            Entries::Listed(entries) => entries
                .binary_search_by(|e| self.name(*e).cmp(key))
                .map_or(NameUse::default(), |i| entries[i].use_),
            Entries::Packed { area, bits } => {
                // Every slot at most once: a table without an empty slot still ends.
                for at in probe(slot_and_tag(key, *bits).0, *bits) {
                    let word = |i: usize| read_word(area, 1 + 2 * at + i).unwrap_or(0);
                    let (start, len) = (word(0) as usize, word(1));
                    if start == 0 {
                        break;
                    }
                    let flags = len & (GIVEN | SURNAME);
                    let len = (len & !(GIVEN | SURNAME)) as usize;
                    if len == key.len() && self.text.get(start - 1..start - 1 + len) == Some(key) {
                        return NameUse {
                            given: flags & GIVEN != 0,
                            surname: flags & SURNAME != 0,
                        };
                    }
                }
                NameUse::default()
            }
        }
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

    #[test]
    fn packed_index_answers_as_the_lists_do_and_refuses_other_shapes() {
        let src = "kathryn\tg\nmark\tgs\nmauer\ts\n";
        let listed = PersonNames::parse(src);
        let area: &'static [u8] = Box::leak(listed.pack().into_boxed_slice());
        let packed = PersonNames::packed(src, area).expect("an index of its own shape");
        for w in ["kathryn", "mark", "mauer", "", "mar", "marks", "kathryn\tg"] {
            assert_eq!(packed.get(w), listed.get(w), "{w}");
        }
        assert!(PersonNames::packed(src, &area[..area.len() - 4]).is_none());
        assert!(PersonNames::packed(src, &[]).is_none());
    }
}
