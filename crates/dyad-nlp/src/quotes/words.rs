//! Word-level helpers over the token layer: looking up tokens by offset, telling names,
//! titles, pronouns and function words apart, and walking to clause boundaries.

use std::sync::OnceLock;

use super::cues::CueKind;
use crate::chars::{is_letter, is_letter_or_digit};
use crate::fasthash::WordSet;
use crate::Token;
use dyad_doc::Span;

/// The text and its tokens, with the small word tests that attribution needs.
pub struct Words<'a> {
    /// The clean text.
    pub text: &'a str,
    /// Its tokens, in text order.
    pub tokens: &'a [Token],
    /// Each token's text, sliced once: the rules read the same tokens many times.
    strs: Vec<&'a str>,
    /// Each token's cue kind, looked up once: the rules ask about the same tokens many times.
    cues: Vec<Option<CueKind>>,
    /// Whether each token ends a sentence ([`Words::ends_sentence`]), told once.
    ends: Vec<bool>,
}

impl<'a> Words<'a> {
    /// The words of `text` over its `tokens`.
    pub fn new(text: &'a str, tokens: &'a [Token]) -> Self {
        let strs: Vec<&'a str> = tokens.iter().map(|t| t.span.of(text)).collect();
        let cues = strs.iter().map(|s| super::cues::cue_kind(s)).collect();
        let mut w = Words {
            text,
            tokens,
            strs,
            cues,
            ends: Vec::new(),
        };
        w.ends = (0..tokens.len()).map(|i| w.tell_sentence_end(i)).collect();
        w
    }
}

/// Titles written before a name, with or without a final period.
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "gov", "sen", "rep", "rev", "st",
    "jr", "sr", "capt", "maj", "adm", "cmdr", "hon", "amb", "pres", "supt", "insp", "mt", "messrs",
];

/// Words that end a noun phrase when walking away from a cue.
const STOP: &[&str] = &[
    "what", "that", "which", "who", "whom", "whose", "and", "but", "or", "nor", "as", "when",
    "while", "whilst", "because", "if", "than", "where", "whether", "since", "though", "although",
    "after", "before", "so", "for", "in", "on", "at", "to", "with", "by", "from", "about", "not",
    "into", "during", "under", "over", "against", "is", "was", "were", "are", "be", "been",
    "being", "this", "these", "those", "there", "here", "then", "once", "also", "yet", "until",
    "via", "per", "without", "within", "through", "told", "says", "said",
];

/// Words that may stand between a speaker and a cue ("he later added", "she has said").
const BETWEEN: &[&str] = &[
    "has",
    "have",
    "had",
    "will",
    "would",
    "also",
    "later",
    "then",
    "again",
    "once",
    "further",
    "previously",
    "recently",
    "simply",
    "did",
    "does",
    "do",
    "just",
    "often",
    "reportedly",
    "herself",
    "himself",
    "themselves",
    "itself",
    "always",
    "never",
    "earlier",
    "still",
    "had",
];

/// Prepositions and other words that open sentences but never names ("Of the process, he
/// said", "Why …").
const PREPOSITIONS: &[&str] = &[
    "why",
    "how",
    "yes",
    "no",
    "of",
    "from",
    "with",
    "for",
    "by",
    "under",
    "among",
    "amid",
    "despite",
    "unlike",
    "like",
    "upon",
    "following",
    "according",
    "besides",
    "beyond",
    "near",
    "around",
    "across",
];

/// Determiners and possessives that begin a common-noun speaker ("the ministry").
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "one", "another", "several",
    "some", "many", "two", "three", "both",
];

/// Personal pronouns that can be the subject of a cue.
const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "you"];

/// Whether `word`, lower-cased, is in `list` (of lower-case words).
fn in_list(list: &[&str], word: &str) -> bool {
    if word.is_ascii() {
        // Length and first letter before the rest: they tell most list words apart.
        let first = word.as_bytes().first().map(u8::to_ascii_lowercase);
        return list.iter().any(|w| {
            w.len() == word.len()
                && w.as_bytes().first().map(u8::to_ascii_lowercase) == first
                && w.eq_ignore_ascii_case(word)
        });
    }
    let lower = word.to_lowercase();
    list.contains(&lower.as_str())
}

/// [`in_list`] for the long lists asked of most words: hashed once, the word lower-cased on
/// the stack.
fn in_set(
    set: &'static OnceLock<WordSet<&'static str>>,
    list: &[&'static str],
    word: &str,
) -> bool {
    let set = set.get_or_init(|| list.iter().copied().collect());
    let mut buf = [0u8; 24];
    if word.is_ascii() && word.len() <= buf.len() {
        let lower = &mut buf[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        return std::str::from_utf8(lower).is_ok_and(|w| set.contains(w));
    }
    set.contains(word.to_lowercase().as_str())
}

/// Whether a word is a title written before names ("Mr", "Dr.").
pub fn is_title(word: &str) -> bool {
    static SET: OnceLock<WordSet<&str>> = OnceLock::new();
    in_set(&SET, TITLES, word.trim_end_matches('.'))
}

/// Whether a word is a subject pronoun.
pub fn is_pronoun(word: &str) -> bool {
    in_list(PRONOUNS, word)
}

/// Whether a word is a determiner or possessive.
pub fn is_determiner(word: &str) -> bool {
    in_list(DETERMINERS, word)
}

/// Whether a word begins with an upper-case letter.
pub fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Whether a word is an adverb or auxiliary that can sit between a speaker and a cue.
pub fn is_between_word(word: &str) -> bool {
    static SET: OnceLock<WordSet<&str>> = OnceLock::new();
    if in_set(&SET, BETWEEN, word) {
        return true;
    }
    // "-ly" adverbs ("only" is four letters and so never one).
    let w = word.to_lowercase();
    w.len() > 4 && w.ends_with("ly")
}

/// Whether a word ends a noun phrase.
pub fn is_stop(word: &str) -> bool {
    static SET: OnceLock<WordSet<&str>> = OnceLock::new();
    in_set(&SET, STOP, word)
}

/// Whether a token is a word (starts with a letter or digit).
pub fn is_word(s: &str) -> bool {
    s.chars().next().is_some_and(is_letter_or_digit)
}

/// Whether a character is a quotation mark of any kind.
pub fn is_quote_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '“' | '”' | '„' | '«' | '»' | '‘' | '’' | '\'' | '‹' | '›'
    )
}

impl<'a> Words<'a> {
    /// The text of token `i`.
    pub fn s(&self, i: usize) -> &'a str {
        self.strs.get(i).copied().unwrap_or("")
    }

    /// The span of token `i`.
    pub fn span(&self, i: usize) -> Span {
        self.tokens.get(i).map_or(Span::default(), |t| t.span)
    }

    /// Index of the first token starting at or after byte `at`.
    pub fn first_at(&self, at: usize) -> usize {
        self.tokens.partition_point(|t| t.span.start < at)
    }

    /// Token indices lying within `[a, b)`.
    pub fn range(&self, a: usize, b: usize) -> std::ops::Range<usize> {
        let lo = self.first_at(a);
        let hi = self.tokens.partition_point(|t| t.span.end <= b);
        lo..hi.max(lo)
    }

    /// Whether tokens `i` and `i + 1` touch (no space between).
    fn joined(&self, i: usize) -> bool {
        match (self.tokens.get(i), self.tokens.get(i + 1)) {
            (Some(a), Some(b)) => a.span.end == b.span.start,
            _ => false,
        }
    }

    /// Whether token `i` is a period that belongs to an abbreviation ("Mr.", "U.S.", "J.").
    pub fn is_abbrev_period(&self, i: usize) -> bool {
        if self.s(i) != "." || i == 0 || !self.joined(i - 1) {
            return false;
        }
        let w = self.s(i - 1);
        is_title(w) || (w.chars().count() == 1 && w.chars().all(char::is_uppercase))
    }

    /// Whether token `i` ends a sentence (a period that is no abbreviation, `?`, `!`, `;`).
    pub fn ends_sentence(&self, i: usize) -> bool {
        self.ends.get(i).copied().unwrap_or(false)
    }

    /// [`Words::ends_sentence`], told from the tokens.
    fn tell_sentence_end(&self, i: usize) -> bool {
        match self.s(i) {
            "." => !self.is_abbrev_period(i),
            "?" | "!" | ";" => true,
            s => s.ends_with('.') && !is_word(s.trim_end_matches('.')) && s.len() > 1,
        }
    }

    /// The cue kind of token `i`: a cue word not used as a noun (after a determiner or
    /// quantifier, "every claim", "the report" are nouns).
    pub fn cue_at(&self, i: usize) -> Option<CueKind> {
        let kind = self.cues.get(i).copied().flatten()?;
        let prev = if i > 0 { self.s(i - 1) } else { "" };
        let noun = is_determiner(prev)
            || in_list(
                &[
                    "every", "each", "no", "any", "this", "that", "these", "those",
                ],
                prev,
            );
        (!noun).then_some(kind)
    }

    /// Whether token `i` is a quotation mark.
    pub fn is_mark(&self, i: usize) -> bool {
        let s = self.s(i);
        let mut cs = s.chars();
        matches!((cs.next(), cs.next()), (Some(c), None) if is_quote_mark(c))
    }

    /// Whether token `i` may stand inside a name: a joined hyphen or apostrophe, or an
    /// abbreviation period.
    fn name_glue(&self, i: usize) -> bool {
        let s = self.s(i);
        (matches!(s, "-" | "'" | "’") && i > 0 && self.joined(i - 1) && self.joined(i))
            || self.is_abbrev_period(i)
    }

    /// Whether token `i` is "of", "and" or "for" between two capitalised words, inside a
    /// name ("Matthew Ingram of The Globe and Mail", "Bank of England").
    fn inner_name_word(&self, i: usize) -> bool {
        matches!(self.s(i), "of" | "and" | "for" | "&")
            && i > 0
            && is_capitalized(self.s(i - 1))
            && is_capitalized(self.s(i + 1))
    }

    /// The noun phrase that ends right before token `k` (the subject of a cue), not reaching
    /// below token `lo`: a pronoun, a name with its titles, or a determiner phrase.
    /// Adverbs and auxiliaries between it and `k` are skipped.
    pub fn np_before(&self, lo: usize, k: usize) -> Option<(usize, usize)> {
        let mut i = k;
        while i > lo && is_between_word(self.s(i - 1)) {
            i -= 1;
        }
        let end = i;
        if i > lo && is_pronoun(self.s(i - 1)) {
            return Some((i - 1, i));
        }
        let mut words = 0;
        while i > lo {
            let s = self.s(i - 1);
            if is_word(s) {
                if self.inner_name_word(i - 1) && words < 8 {
                    words += 1;
                    i -= 1;
                    continue;
                }
                if is_stop(s) || is_between_word(s) || words >= 8 || self.cue_at(i - 1).is_some() {
                    break;
                }
                words += 1;
                i -= 1;
            } else if self.name_glue(i - 1) {
                i -= 1;
            } else {
                break;
            }
        }
        // Trailing glue (a period of "Mr." at the start) cannot begin a phrase.
        while i < end && !is_word(self.s(i)) {
            i += 1;
        }
        if i >= end {
            return None;
        }
        self.valid_np(i, end).then_some((i, end))
    }

    /// The subject of a cue at token `k` in the clause starting at `ss`: the noun phrase
    /// right before it, or — for `NAME, APPOSITIVE, CUE` ("Khaled Al-Maeena, editor at the
    /// Saudi Gazette, said") — the name before the appositive, when that name opens the clause
    /// (or follows an introductory phrase's comma).
    pub fn subject_before(&self, ss: usize, k: usize) -> Option<(usize, usize)> {
        if let Some(np) = self.np_before(ss, k) {
            return Some(np);
        }
        let mut i = k;
        while i > ss && is_between_word(self.s(i - 1)) {
            i -= 1;
        }
        if i <= ss + 1 || self.s(i - 1) != "," {
            return None;
        }
        let mut j = i - 1;
        let floor = j.saturating_sub(24).max(ss);
        let mut commas = 0;
        while j > floor {
            j -= 1;
            if self.ends_sentence(j) || self.is_mark(j) {
                return None;
            }
            if self.s(j) != "," {
                continue;
            }
            commas += 1;
            if commas > 3 {
                return None;
            }
            if let Some(np) = self.np_before(ss, j) {
                if np.0 == ss || self.s(np.0 - 1) == "," {
                    return Some(np);
                }
            }
        }
        None
    }

    /// A name that opens the sentence at token `k` ("Burton explained …", "Dr. Kedar sees …"):
    /// capitalised words and titles followed by a lower-case word or a comma.
    pub fn sentence_subject(&self, k: usize, hi: usize) -> Option<(usize, usize)> {
        let first = self.s(k);
        if !is_capitalized(first)
            || is_stop(first)
            || in_list(PREPOSITIONS, first)
            || is_determiner(first)
            || is_pronoun(first)
            || is_between_word(first)
            || super::cues::cue_kind(first).is_some()
        {
            return None;
        }
        let mut i = k;
        while i < hi && i < k + 6 {
            let s = self.s(i);
            if (is_word(s) && is_capitalized(s)) || (i > k && self.name_glue(i)) {
                i += 1;
            } else {
                break;
            }
        }
        let next = self.s(i);
        let followed = next == "," || (is_word(next) && !is_capitalized(next));
        (i > k && followed).then_some((k, i))
    }

    /// The noun phrase that begins at token `k` (a speaker after an inverted cue), not
    /// reaching token `hi`.
    pub fn np_after(&self, k: usize, hi: usize) -> Option<(usize, usize)> {
        let mut i = k;
        while i < hi && is_between_word(self.s(i)) {
            i += 1;
        }
        let start = i;
        if i < hi && is_pronoun(self.s(i)) {
            return Some((i, i + 1));
        }
        let mut words = 0;
        while i < hi {
            let s = self.s(i);
            if is_word(s) {
                let lower = s.to_lowercase();
                let allowed_of = lower == "of" && words > 0;
                if (is_stop(s) && !allowed_of) || words >= 8 {
                    break;
                }
                words += 1;
                i += 1;
            } else if self.name_glue(i) && i > start {
                i += 1;
            } else {
                break;
            }
        }
        while i > start && (!is_word(self.s(i - 1)) || self.s(i - 1) == "of") {
            i -= 1;
        }
        if i <= start {
            return None;
        }
        self.valid_np(start, i).then_some((start, i))
    }

    /// A speaker phrase names someone: it holds a capitalised word or title, or begins with a
    /// determiner, or is one or two plain nouns ("officials", "police").
    fn valid_np(&self, a: usize, b: usize) -> bool {
        let words: Vec<&str> = (a..b).map(|i| self.s(i)).filter(|s| is_word(s)).collect();
        let Some(first) = words.first() else {
            return false;
        };
        if words.iter().any(|w| is_capitalized(w)) {
            return true;
        }
        if is_determiner(first) {
            return words.len() >= 2;
        }
        words.len() <= 2 && words.iter().all(|w| w.chars().all(is_letter))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize;

    /// The tokens of `text` as the quote rules read them.
    fn fine_tokens(text: &str) -> Vec<Token> {
        tokenize(text)
            .iter()
            .flat_map(|t| crate::split_fine(text, t))
            .collect()
    }

    /// The noun phrase found next to the first token `cue`, before it or after it.
    fn np_at_cue(text: &str, cue: &str, before: bool) -> Option<String> {
        let tokens = fine_tokens(text);
        let w = Words::new(text, &tokens);
        let k = (0..tokens.len()).find(|&i| w.s(i) == cue)?;
        let (a, b) = if before {
            w.np_before(0, k)?
        } else {
            w.np_after(k + 1, tokens.len())?
        };
        Some(text[w.span(a).start..w.span(b - 1).end].to_string())
    }

    fn np_before_cue(text: &str, cue: &str) -> Option<String> {
        np_at_cue(text, cue, true)
    }

    fn np_after_cue(text: &str, cue: &str) -> Option<String> {
        np_at_cue(text, cue, false)
    }

    #[test]
    fn subjects_before_cues() {
        assert_eq!(
            np_before_cue(", Mr. Enveroglu noted.", "noted").as_deref(),
            Some("Mr. Enveroglu")
        );
        assert_eq!(
            np_before_cue(", he later added.", "added").as_deref(),
            Some("he")
        );
        assert_eq!(
            np_before_cue("said, the ministry said.", "said").as_deref(),
            None,
            "the first cue has nothing before it"
        );
        assert_eq!(
            np_before_cue("countering what Mr. Enveroglu described as", "described").as_deref(),
            Some("Mr. Enveroglu")
        );
        assert_eq!(
            np_before_cue("The deal is off, the ministry stated.", "stated").as_deref(),
            Some("the ministry")
        );
        assert_eq!(
            np_before_cue("Matthew Ingram of The Globe and Mail wrote", "wrote").as_deref(),
            Some("Matthew Ingram of The Globe and Mail")
        );
    }

    #[test]
    fn speakers_after_inverted_cues() {
        assert_eq!(
            np_after_cue("said Ambassador Mohib.", "said").as_deref(),
            Some("Ambassador Mohib")
        );
        assert_eq!(
            np_after_cue("said the head of the agency, who", "said").as_deref(),
            Some("the head of the agency")
        );
        assert_eq!(np_after_cue("said in a statement", "said"), None);
    }

    #[test]
    fn abbreviation_periods_do_not_end_sentences() {
        let text = "Mr. Smith left. Then";
        let tokens = fine_tokens(text);
        let w = Words::new(text, &tokens);
        assert!(!w.ends_sentence(1));
        assert!(w.ends_sentence(4));
    }
}
