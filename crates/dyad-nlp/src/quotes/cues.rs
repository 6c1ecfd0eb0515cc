//! The reporting-cue lexicon: verbs and phrases that attribute words to a speaker, loaded from
//! the data table `data/quotes/cues.tsv` shipped with the engine.

use std::sync::OnceLock;

use crate::fasthash::WordMap;

/// What a cue word does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueKind {
    /// A verb of saying or writing ("said", "noted", "tweeted").
    Speech,
    /// The first word of a phrase whose speaker follows it ("according" in "according to X").
    Phrase,
    /// A cue that introduces a quoted phrase inside a sentence ("described as", "called").
    Partial,
}

const TABLE: &str = include_str!("../../../../data/quotes/cues.tsv");

/// Lower-cased word form → cue kind.
fn lexicon() -> &'static WordMap<String, CueKind> {
    static LEX: OnceLock<WordMap<String, CueKind>> = OnceLock::new();
    LEX.get_or_init(|| parse(TABLE))
}

/// A bit for each (first letter, second letter, length) that some cue form has, the letters
/// read without case ([`screen_bit`]): four in five words of running text have none, and are
/// no cue without a lookup.
fn screen() -> &'static [u64; 512] {
    static SCREEN: OnceLock<[u64; 512]> = OnceLock::new();
    SCREEN.get_or_init(|| {
        let mut bits = [0u64; 512];
        for form in lexicon().keys() {
            let b = screen_bit(form.as_bytes());
            bits[b / 64] |= 1 << (b % 64);
        }
        bits
    })
}

/// The screen's bit of a word: the low five bits of its first two bytes (the same for an
/// ASCII letter in either case) and of its length. Words that differ only in case share it.
fn screen_bit(word: &[u8]) -> usize {
    let five = |b: Option<&u8>| usize::from(b.copied().unwrap_or(0) & 31);
    five(word.first()) << 10 | five(word.get(1)) << 5 | (word.len() & 31)
}

fn parse(table: &str) -> WordMap<String, CueKind> {
    let mut map = WordMap::default();
    for line in table.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(_lemma), Some(kind), Some(forms)) = (cols.next(), cols.next(), cols.next())
        else {
            continue;
        };
        let kind = match kind.trim() {
            "speech" => CueKind::Speech,
            "phrase" => CueKind::Phrase,
            "partial" => CueKind::Partial,
            _ => continue,
        };
        for form in forms.split_whitespace() {
            // A word listed under several kinds keeps the first (speech wins).
            map.entry(form.to_lowercase()).or_insert(kind);
        }
    }
    map
}

/// The cue kind of one word, if it is a cue. Verbs count in lower case only (a capitalised
/// "State" or "Post" is a name); phrases also capitalised, as they open sentences.
pub fn cue_kind(word: &str) -> Option<CueKind> {
    // Every cue starts with a letter: punctuation and numbers, a fifth of the tokens, need no
    // lookup (a word opening with a non-ASCII letter may still lower to an ASCII one).
    if word
        .as_bytes()
        .first()
        .is_none_or(|b| b.is_ascii() && !b.is_ascii_alphabetic())
    {
        return None;
    }
    let lex = lexicon();
    let phrase = |lower: &str| lex.get(lower).copied().filter(|k| *k == CueKind::Phrase);
    // Most words are short and ASCII: lower-case those on the stack. The table's forms are
    // in lower case, so a word with a capital is looked up lowered only.
    let mut buf = [0u8; 24];
    if word.is_ascii() && word.len() <= buf.len() {
        let bit = screen_bit(word.as_bytes());
        if screen()[bit / 64] & 1 << (bit % 64) == 0 {
            return None;
        }
        if !word.bytes().any(|b| b.is_ascii_uppercase()) {
            return lex.get(word).copied();
        }
        let lower = &mut buf[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        return std::str::from_utf8(lower).ok().and_then(phrase);
    }
    if let Some(k) = lex.get(word) {
        return Some(*k);
    }
    if word.chars().any(|c| c.is_uppercase()) {
        return phrase(&word.to_lowercase());
    }
    None
}

/// Whether a word is a verb of saying (the cue kinds that take a speaker subject).
pub fn is_speech_verb(word: &str) -> bool {
    matches!(cue_kind(word), Some(CueKind::Speech))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_cue_starts_with_a_letter() {
        // `cue_kind` skips tokens that open with ASCII punctuation or a digit.
        assert!(lexicon()
            .keys()
            .all(|k| k.as_bytes().first().is_some_and(u8::is_ascii_alphabetic)));
    }

    #[test]
    fn table_loads_forms_of_each_kind() {
        assert_eq!(cue_kind("said"), Some(CueKind::Speech));
        assert_eq!(cue_kind("remarked"), Some(CueKind::Speech));
        assert_eq!(cue_kind("State"), None);
        assert_eq!(cue_kind("According"), Some(CueKind::Phrase));
        assert_eq!(cue_kind("according"), Some(CueKind::Phrase));
        assert_eq!(cue_kind("described"), Some(CueKind::Speech));
        assert_eq!(cue_kind("dubbed"), Some(CueKind::Partial));
        assert_eq!(cue_kind("table"), None);
    }

    #[test]
    fn the_screen_lets_every_cue_through_in_any_case() {
        for form in lexicon().keys() {
            let upper = form.to_ascii_uppercase();
            let mut title = form.clone();
            title[..1].make_ascii_uppercase();
            for w in [form.as_str(), &upper, &title] {
                let b = screen_bit(w.as_bytes());
                assert!(screen()[b / 64] & 1 << (b % 64) != 0, "{w}");
            }
        }
        assert_eq!(cue_kind("Said"), None);
        assert_eq!(cue_kind("ACCORDING"), Some(CueKind::Phrase));
    }

    #[test]
    fn malformed_lines_are_skipped() {
        let m = parse("# c\nsay\tspeech\tsaid\nbad line\nx\tunknown\tfoo\n");
        assert_eq!(m.len(), 1);
    }
}
