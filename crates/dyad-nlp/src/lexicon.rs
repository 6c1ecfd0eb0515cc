//! The abbreviation lexicon and the list of typical sentence openers, read from the data files
//! embedded from `data/` (see `data/PROVENANCE.md`).

use std::collections::HashMap;
use std::sync::OnceLock;

/// How a period after an abbreviation is read by the sentence splitter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AbbrevClass {
    /// Precedes a name and never ends a sentence ("Mr.", "Gen.").
    Title,
    /// Introduces what follows and never ends a sentence ("e.g.", "vs.").
    Inner,
    /// An abbreviation only before a numeral ("No. 5").
    Number,
    /// A month ("Oct."): ends a sentence only before a typical sentence opener.
    Month,
    /// Often sentence-final ("Inc.", "etc.", "U.S."): ends a sentence only before a typical
    /// sentence opener.
    Final,
}

const ABBREVIATIONS: &str = include_str!("../data/abbreviations.tsv");
const OPENERS: &str = include_str!("../data/sentence_openers.txt");

fn data_lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn capitalise(s: &str) -> String {
    let mut cs = s.chars();
    match cs.next() {
        Some(f) => f.to_uppercase().chain(cs).collect(),
        None => String::new(),
    }
}

fn abbreviations() -> &'static HashMap<String, AbbrevClass> {
    static MAP: OnceLock<HashMap<String, AbbrevClass>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map = HashMap::new();
        for line in data_lines(ABBREVIATIONS) {
            let mut cols = line.split('\t');
            let (Some(form), Some(class)) = (cols.next(), cols.next()) else {
                continue;
            };
            let class = match class.trim() {
                "title" => AbbrevClass::Title,
                "inner" => AbbrevClass::Inner,
                "number" => AbbrevClass::Number,
                "month" => AbbrevClass::Month,
                "final" => AbbrevClass::Final,
                _ => continue,
            };
            let form = form.trim();
            let mut forms = vec![form.to_string(), form.to_uppercase()];
            if form.chars().next().is_some_and(char::is_lowercase) {
                forms.push(capitalise(form));
            }
            for f in forms {
                map.entry(f).or_insert(class);
            }
        }
        map
    })
}

/// The class of an abbreviation written without its final period, if the lexicon has it.
pub fn abbreviation(form: &str) -> Option<AbbrevClass> {
    abbreviations().get(form).copied()
}

fn openers() -> &'static HashMap<&'static str, ()> {
    static SET: OnceLock<HashMap<&'static str, ()>> = OnceLock::new();
    SET.get_or_init(|| data_lines(OPENERS).map(|w| (w, ())).collect())
}

/// Whether `word` (as written) typically opens a sentence ("The", "He", "But").
pub fn is_sentence_opener(word: &str) -> bool {
    openers().contains_key(word)
}

/// English month names, January first, lower case.
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// English weekday names, Monday first, lower case.
pub const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_classes_and_case_variants() {
        assert_eq!(abbreviation("Mr"), Some(AbbrevClass::Title));
        assert_eq!(abbreviation("MR"), Some(AbbrevClass::Title));
        assert_eq!(abbreviation("etc"), Some(AbbrevClass::Final));
        assert_eq!(abbreviation("Etc"), Some(AbbrevClass::Final));
        assert_eq!(abbreviation("e.g"), Some(AbbrevClass::Inner));
        assert_eq!(abbreviation("E.g"), Some(AbbrevClass::Inner));
        assert_eq!(abbreviation("No"), Some(AbbrevClass::Number));
        assert_eq!(abbreviation("Oct"), Some(AbbrevClass::Month));
        assert_eq!(abbreviation("mr"), None);
        assert_eq!(abbreviation("house"), None);
    }

    #[test]
    fn openers_are_capitalised_function_words() {
        assert!(is_sentence_opener("The"));
        assert!(is_sentence_opener("However"));
        assert!(!is_sentence_opener("the"));
        assert!(!is_sentence_opener("Senate"));
    }
}
