//! Given names and surnames of the 1990 US Census name lists (`data/model/census_names.tsv`,
//! built by `tools/build_census_names.py`): evidence that an unknown name is a person's.

use std::sync::OnceLock;

use crate::fasthash::WordMap;

const CENSUS_NAMES: &str = include_str!("../../../../data/model/census_names.tsv");

/// How a word is used in persons' names.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NameUse {
    /// A given name ("Kathryn").
    pub given: bool,
    /// A surname ("Mauer").
    pub surname: bool,
}

/// The name lists, indexed by lower-cased word.
#[derive(Debug, Default)]
pub struct PersonNames {
    words: WordMap<String, NameUse>,
}

impl PersonNames {
    /// The lists shipped in `data/model`, loaded once.
    pub fn shipped() -> &'static PersonNames {
        static NAMES: OnceLock<PersonNames> = OnceLock::new();
        NAMES.get_or_init(|| PersonNames::parse(CENSUS_NAMES))
    }

    /// Reads `name<TAB>kinds` lines, kinds holding `g` (given name) and/or `s` (surname).
    pub fn parse(src: &str) -> PersonNames {
        let words = src
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
            .map(|(name, kinds)| {
                let use_ = NameUse {
                    given: kinds.contains('g'),
                    surname: kinds.contains('s'),
                };
                (name.to_string(), use_)
            })
            .collect();
        PersonNames { words }
    }

    /// How a lower-cased word is used in names (neither when unlisted).
    pub fn get(&self, key: &str) -> NameUse {
        self.words.get(key).copied().unwrap_or_default()
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
}
