//! Given names and surnames of the 1990 US Census name lists (`data/model/census_names.tsv`,
//! built by `tools/build_census_names.py`): evidence that an unknown name is a person's.

use std::sync::OnceLock;

const CENSUS_NAMES: &str = include_str!("../../../../data/model/census_names.tsv");

/// How a word is used in persons' names.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NameUse {
    /// A given name ("Kathryn").
    pub given: bool,
    /// A surname ("Mauer").
    pub surname: bool,
}

/// The name lists, indexed by lower-cased word. The lines are kept as read; a sorted index
/// of where each name stands is searched, so loading the 43,000 shipped names costs one pass
/// over their text instead of a string and a hash-table entry for each.
#[derive(Debug, Default)]
pub struct PersonNames {
    text: String,
    /// Each name's byte range in `text` and its use, sorted by name, one entry a name.
    entries: Vec<Entry>,
}

#[derive(Debug, Clone, Copy)]
struct Entry {
    start: usize,
    end: usize,
    use_: NameUse,
}

impl PersonNames {
    /// The lists shipped in `data/model`, loaded once.
    pub fn shipped() -> &'static PersonNames {
        static NAMES: OnceLock<PersonNames> = OnceLock::new();
        NAMES.get_or_init(|| PersonNames::parse(CENSUS_NAMES))
    }

    /// Reads `name<TAB>kinds` lines, kinds holding `g` (given name) and/or `s` (surname).
    /// Lines starting with `#` and lines without a tab are skipped; of a name listed twice,
    /// the later line counts.
    pub fn parse(src: &str) -> PersonNames {
        let text = src.to_string();
        let mut entries = Vec::with_capacity(text.len() / 10);
        let bytes = text.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            let line_end = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |i| at + i);
            let line = &bytes[at..line_end];
            if line.first() != Some(&b'#') {
                if let Some(tab) = memchr::memchr(b'\t', line) {
                    let kinds = &line[tab + 1..];
                    entries.push(Entry {
                        start: at,
                        end: at + tab,
                        use_: NameUse {
                            given: kinds.contains(&b'g'),
                            surname: kinds.contains(&b's'),
                        },
                    });
                }
            }
            at = line_end + 1;
        }
        let mut names = PersonNames { text, entries };
        names.index();
        names
    }

    /// Sorts the entries by name unless they already are, keeping the last of equal names.
    fn index(&mut self) {
        let text = &self.text;
        let name = |e: &Entry| &text[e.start..e.end];
        if self.entries.windows(2).all(|w| name(&w[0]) < name(&w[1])) {
            return;
        }
        let mut entries = std::mem::take(&mut self.entries);
        // Stable: equal names keep their order, and the last one is kept below.
        entries.sort_by(|a, b| name(a).cmp(name(b)));
        let mut kept: Vec<Entry> = Vec::with_capacity(entries.len());
        for e in entries {
            match kept.last_mut() {
                Some(last) if name(last) == name(&e) => *last = e,
                _ => kept.push(e),
            }
        }
        self.entries = kept;
    }

    /// How a lower-cased word is used in names (neither when unlisted).
    pub fn get(&self, key: &str) -> NameUse {
        let text = &self.text;
        self.entries
            .binary_search_by(|e| text[e.start..e.end].cmp(key))
            .map_or(NameUse::default(), |i| self.entries[i].use_)
    }
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
